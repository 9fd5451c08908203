/**
 * The words of the rule format: which fields a rule, a condition, a matcher,
 * a scope and an anchor take, and the values the enumerated ones allow. The
 * validator (schema.ts) checks rules against them and the analyst app's rule
 * editor completes from them (cloud/web/src/yaml-completion.ts), so the two
 * cannot drift apart. Plain data, no imports: the browser bundle takes it too.
 */

export const RULE_KINDS = ['profile', 'compliance', 'keyPoint', 'voc'] as const;
export const ROLES = ['staff', 'customer', 'other', 'any'] as const;
export const NEGATION_MODES = ['exclude', 'require', 'ignore'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const VOC_KINDS = ['positive', 'negative', 'question', 'suggestion'] as const;
export const CHANNELS = ['phone', 'badge'] as const;

/** A rule's fields (the kind-specific ones too: family/tag/value/detail, rule/severity, point/standard/violations, voc). */
export const RULE_FIELDS = ['id', 'kind', 'description', 'enabled', 'family', 'tag', 'value', 'detail', 'rule', 'severity', 'point', 'standard', 'violations', 'voc', 'conditions', 'trigger', 'when', 'evidence', 'confidence'] as const;

/** A named condition's fields. */
export const CONDITION_FIELDS = ['role', 'match', 'negation', 'channel', 'scope', 'after', 'notAfter', 'within', 'sameClause', 'ownWords', 'description'] as const;

/** What a matcher matches by: exactly one of these per matcher. */
export const MATCHER_KINDS = ['any', 'all', 'none', 'atLeast', 'regex', 'amount', 'duration', 'percent', 'profile'] as const;
/** What may stand beside a matcher's kind. */
export const MATCHER_OPTIONS = ['of', 'window', 'exclude', 'except', 'flags', 'pinyin', 'negation'] as const;
/** The keyword kinds, the only ones `except` applies to. */
export const KEYWORD_MATCHERS = ['any', 'all', 'none', 'atLeast'] as const;

/** The bounds a quantity matcher takes (`{ duration: { minDays, maxDays } }`). */
export const RANGE_FIELDS = { amount: ['min', 'max'], percent: ['min', 'max'], duration: ['minDays', 'maxDays'] } as const;

export const SCOPE_FIELDS = ['firstTurns', 'lastTurns', 'firstSeconds', 'lastSeconds', 'fromTurn', 'toTurn'] as const;
/** An `after` / `notAfter` anchor's fields. */
export const ANCHOR_FIELDS = ['condition', 'withinTurns', 'sameTurn'] as const;

/** Whether `v` is one of `list` (a typed `includes` for the readonly tuples above). */
export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
