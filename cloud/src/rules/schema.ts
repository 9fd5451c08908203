/**
 * The declarative rule format and its validation. A rule set is plain data
 * (YAML or JSON); validateRuleSet turns it into a compiled RuleSet or throws
 * an AnalysisError listing every problem with its path.
 *
 * Shape (see docs/rules.md for the full guide):
 *   version: "2026.11.1"
 *   defaults: { pinyin: true, negation: exclude }
 *   lexicons: { negators: [不, 没] }           # reuse with "@negators"
 *   patterns: { pitch: "推荐|有(一)?款" }      # regex fragment, reuse with "@{pitch}" in any regex
 *   rules:
 *     - id: compliance.promise_guarantee.certain_gain
 *       kind: compliance | profile | keyPoint | voc
 *       rule: promise_guarantee                 # compliance
 *       family/tag/value/detail                 # profile
 *       point: kyc                              # keyPoint
 *       voc: suggestion                         # voc
 *       conditions:
 *         claim: { role: staff, match: [{ any: [稳赚, 保本] }], negation: exclude,
 *                  scope: { firstTurns: 3 }, after: { condition: pitch, withinTurns: 4 } }
 *       when: "claim and not disclaimer"        # keyPoint: staff raised the point
 *       trigger: "pitch"                        # optional: rule applies only when this holds
 *       evidence: claim                         # which condition's hit is cited
 */
import type { TaggerModel } from '../analysis/learned/tagger-model.js';
import { pinyin } from 'pinyin-pro';
import { convertNumerals, foldCantonese, identity, normalizeText } from '../normalize/index.js';
import { AnalysisError, type RuleIssue } from '../analysis/errors.js';
import type { Role, Severity, VocKind } from '../analysis/types.js';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { ExpressionSyntaxError, parseExpression, positiveNames, referencedNames, type Expr } from './expression.js';
import * as F from './fields.js';

export type RuleKind = 'profile' | 'compliance' | 'keyPoint' | 'voc';
export type NegationMode = 'exclude' | 'require' | 'ignore';

export interface CompiledWord {
  raw: string;
  /** normalised form, matched against normalised turn text */
  norm: string;
  /** toneless pinyin per character of `norm`, when pinyin-tolerant matching applies */
  py: string[] | undefined;
}

type MatcherKind =
  | { type: 'any' | 'all' | 'none'; words: CompiledWord[]; window: number | undefined; except: CompiledWord[] }
  | { type: 'atLeast'; n: number; words: CompiledWord[]; window: number | undefined; except: CompiledWord[] }
  | { type: 'regex'; re: RegExp; exclude: RegExp | undefined }
  | { type: 'amount' | 'duration' | 'percent'; min: number | undefined; max: number | undefined; exclude: RegExp | undefined }
  | { type: 'profile'; refs: ProfileRef[] };

/**
 * A profile finding a `profile` matcher looks for: `family.tag` (any value) or
 * `family.tag=value`, written as one string in the rule files.
 */
export interface ProfileRef {
  family: string;
  tag: string;
  value: string | undefined;
}

/** The key a profile finding is indexed under in a turn (`family.tag=value`). */
export function profileKey(family: string, tag: string, value: string): string {
  return `${family}.${tag}=${value}`;
}

/** Whether a finding's key is one a reference names. */
export function profileRefMatches(ref: ProfileRef, key: string): boolean {
  const prefix = `${ref.family}.${ref.tag}=`;
  return ref.value === undefined ? key.startsWith(prefix) : key === prefix + ref.value;
}
/** A matcher may override its condition's negation mode (e.g. a context word list that should match even when negated). */
export type Matcher = MatcherKind & { negation?: NegationMode };

export interface Scope {
  firstTurns?: number;
  lastTurns?: number;
  firstSeconds?: number;
  lastSeconds?: number;
  fromTurn?: number;
  toTurn?: number;
}

export interface Anchor {
  condition: string;
  withinTurns: number;
  /** a hit in the anchor's own turn counts too (default false) */
  sameTurn: boolean;
}

export interface Condition {
  name: string;
  role: Role | 'any';
  /** only conversations of this channel (default both) */
  channel: 'phone' | 'badge' | undefined;
  matchers: Matcher[];
  negation: NegationMode;
  scope: Scope | undefined;
  after: Anchor | undefined;
  /**
   * the opposite anchor: no hit in a turn that comes 1..N turns after a hit of this condition
   * (a customer's 不想亏 answering a staff question is a preference, not an objection)
   */
  notAfter: Anchor | undefined;
  /** the positive matchers' hits must lie within this many characters of each other */
  within: number | undefined;
  /**
   * the positive matchers' hits must lie in one clause (between pauses: punctuation or the
   * spaces of ASR text): a question word and a topic word of the same question, not of two
   */
  sameClause: boolean;
  /**
   * the hit must be the speaker's own: not in a clause whose subject is a third person
   * (他以前买过保险, 都是我闺女在手机上弄, 那个小姑娘讲得好), see `analysis/attribution.ts`
   */
  ownWords: boolean;
}

interface RuleBase {
  id: string;
  description: string | undefined;
  conditions: Map<string, Condition>;
  when: Expr;
  trigger: Expr | undefined;
  evidence: string[];
  confidence: number;
}

export interface ProfileRule extends RuleBase { kind: 'profile'; family: string; tag: string; value: string; detail: 'percent' | undefined }
export interface ComplianceRule extends RuleBase { kind: 'compliance'; rule: string; severity: Severity | undefined }
export interface KeyPointRule extends RuleBase { kind: 'keyPoint'; point: string; standard: Expr | undefined; violations: string[] }
export interface VocRule extends RuleBase { kind: 'voc'; voc: VocKind }
export type Rule = ProfileRule | ComplianceRule | KeyPointRule | VocRule;

/**
 * ASR homophone correction: before matching, any stretch of a turn whose
 * toneless pinyin equals a domain term (and whose characters differ) is
 * rewritten to the term — 鸡金 → 基金, 宝本 → 保本, 定头 → 定投 — so regexes
 * see the intended words too. `keep` protects real words that collide
 * (公积金 must not become 公基金).
 */
export interface HomophoneVocabulary {
  terms: CompiledWord[];
  keep: CompiledWord[];
}

export interface RuleSet {
  version: string;
  rules: Rule[];
  homophones: HomophoneVocabulary;
  /** files the set was loaded from (empty when built from data) */
  sources: string[];
  /** the learned turn tagger run beside the rules, when one is loaded (see docs/rules.md, "The learned tagger") */
  tagger?: TaggerModel;
}

const ROLES: readonly string[] = F.ROLES;
const KINDS: readonly string[] = F.RULE_KINDS;
const NEGATIONS: readonly string[] = F.NEGATION_MODES;
const SEVERITIES: readonly string[] = F.SEVERITIES;
const VOC_KINDS: readonly string[] = F.VOC_KINDS;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const pinyinCache = new Map<string, string[]>();
export function pinyinOf(text: string): string[] {
  let py = pinyinCache.get(text);
  if (!py) {
    py = pinyin(text, { toneType: 'none', type: 'array' });
    if (py.length !== text.length) py = [...text]; // astral chars: fall back to the characters
    if (pinyinCache.size > 50_000) pinyinCache.clear();
    pinyinCache.set(text, py);
  }
  return py;
}

/**
 * A regular expression's literal text as the turn text it runs on is normalised: Chinese
 * numerals in digits (一个比一个低 → 1个比1个低, 一万 → 10000) and Cantonese function words in
 * Mandarin (唔想 → 不想), so a pattern written as people speak matches. Both rewrites only
 * touch Han characters, never regex syntax.
 */
export function asNormalised(source: string): string {
  return foldCantonese(convertNumerals({ text: source, map: identity(source).map }).text);
}

export function compileWord(raw: string, usePinyin: boolean): CompiledWord {
  const norm = normalizeText(raw, { fillers: false });
  const hasHan = /\p{Script=Han}/u.test(norm);
  return { raw, norm, py: usePinyin && hasHan && norm.length >= 2 ? pinyinOf(norm) : undefined };
}

class Validator {
  readonly issues: RuleIssue[] = [];
  constructor(
    private readonly lexicons: Map<string, string[]>,
    private readonly patterns: Map<string, string> = new Map(),
    private readonly taxonomy?: Taxonomy,
  ) {}

  profileRefs(v: unknown, path: string): ProfileRef[] {
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0) { this.err(path, 'must name at least one profile tag'); return []; }
    const out: ProfileRef[] = [];
    list.forEach((x, i) => {
      const at = Array.isArray(v) ? `${path}[${i}]` : path;
      const m = typeof x === 'string' ? /^([A-Za-z_]+)\.([A-Za-z_]+)(?:=([A-Za-z0-9_]+))?$/.exec(x.trim()) : null;
      if (!m) { this.err(at, 'must be "family.tag" or "family.tag=value"'); return; }
      const ref: ProfileRef = { family: m[1] as string, tag: m[2] as string, value: m[3] };
      if (this.taxonomy) {
        const t = this.taxonomy.profile[ref.family]?.[ref.tag];
        if (!t) { this.err(at, `${ref.family}.${ref.tag} is not in the taxonomy`); return; }
        if (ref.value !== undefined && !(ref.value in t.values)) { this.err(at, `"${ref.value}" is not a value of ${ref.family}.${ref.tag}`); return; }
      }
      out.push(ref);
    });
    return out;
  }

  err(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  num(v: unknown, path: string, opts: { int?: boolean; min?: number } = {}): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || (opts.int && !Number.isInteger(v)) || (opts.min !== undefined && v < opts.min)) {
      this.err(path, `must be a${opts.int ? 'n integer' : ' number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}`);
      return undefined;
    }
    return v;
  }

  str(v: unknown, path: string, required = true): string | undefined {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      this.err(path, 'must be a non-empty string');
      return undefined;
    }
    return v;
  }

  words(v: unknown, path: string, usePinyin: boolean): CompiledWord[] {
    if (!Array.isArray(v) || v.length === 0) {
      this.err(path, 'must be a non-empty list of words');
      return [];
    }
    const out: CompiledWord[] = [];
    v.forEach((w, i) => {
      if (typeof w !== 'string' || w.trim() === '') { this.err(`${path}[${i}]`, 'must be a non-empty string'); return; }
      if (w.startsWith('@')) {
        const lex = this.lexicons.get(w.slice(1));
        if (!lex) { this.err(`${path}[${i}]`, `unknown lexicon "${w}"`); return; }
        for (const x of lex) out.push(compileWord(x, usePinyin));
        return;
      }
      const cw = compileWord(w, usePinyin);
      if (cw.norm.length === 0) { this.err(`${path}[${i}]`, `"${w}" is empty after normalisation`); return; }
      out.push(cw);
    });
    return out;
  }

  regex(v: unknown, path: string, flags: string): RegExp | undefined {
    const raw = this.str(v, path);
    if (raw === undefined) return undefined;
    // @{name} inserts a named pattern from `patterns` as a non-capturing group
    let unknown = false;
    const s = raw.replace(/@\{([^}]*)\}/g, (_m, name: string) => {
      const p = this.patterns.get(name);
      if (p === undefined) { this.err(path, `unknown pattern "@{${name}}"`); unknown = true; return ''; }
      return `(?:${p})`;
    });
    if (unknown) return undefined;
    try {
      return new RegExp(asNormalised(s), flags.includes('u') ? flags : flags + 'u');
    } catch (e) {
      this.err(path, `invalid regular expression: ${(e as Error).message}`);
      return undefined;
    }
  }

  matcher(v: unknown, path: string, defaultPinyin: boolean): Matcher | undefined {
    if (!isRecord(v)) { this.err(path, 'must be an object'); return undefined; }
    const m = this.matcherKind(v, path, defaultPinyin);
    if (!m || v['negation'] === undefined) return m;
    if (typeof v['negation'] !== 'string' || !NEGATIONS.includes(v['negation'])) {
      this.err(`${path}.negation`, `must be one of ${NEGATIONS.join(', ')}`);
      return m;
    }
    return { ...m, negation: v['negation'] as NegationMode };
  }

  private matcherKind(v: Record<string, unknown>, path: string, defaultPinyin: boolean): Matcher | undefined {
    const usePinyin = typeof v['pinyin'] === 'boolean' ? v['pinyin'] : defaultPinyin;
    const window = this.num(v['window'], `${path}.window`, { int: true, min: 1 });
    const kinds = F.MATCHER_KINDS.filter((k) => k in v);
    if (kinds.length !== 1) {
      this.err(path, `needs exactly one of ${F.MATCHER_KINDS.join(', ')} (found ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
      return undefined;
    }
    const kind = kinds[0] as string;
    const allowed = new Set<string>([kind, ...F.MATCHER_OPTIONS]);
    const except = v['except'] === undefined ? [] : this.words(v['except'], `${path}.except`, usePinyin);
    if (v['except'] !== undefined && !F.isOneOf(F.KEYWORD_MATCHERS, kind)) this.err(`${path}.except`, 'only keyword matchers take "except" (regex matchers use "exclude")');
    for (const k of Object.keys(v)) if (!allowed.has(k)) this.err(`${path}.${k}`, 'unknown field');
    switch (kind) {
      case 'any': case 'all': case 'none':
        return { type: kind, words: this.words(v[kind], `${path}.${kind}`, usePinyin), window, except };
      case 'atLeast': {
        const n = this.num(v['atLeast'], `${path}.atLeast`, { int: true, min: 1 }) ?? 1;
        const words = this.words(v['of'], `${path}.of`, usePinyin);
        if (words.length > 0 && n > words.length) this.err(`${path}.atLeast`, `asks for ${n} of only ${words.length} words`);
        return { type: 'atLeast', n, words, window, except };
      }
      case 'profile':
        return { type: 'profile', refs: this.profileRefs(v['profile'], `${path}.profile`) };
      case 'regex': {
        const flags = typeof v['flags'] === 'string' ? v['flags'] : '';
        if (!/^[imsu]*$/.test(flags)) this.err(`${path}.flags`, 'only i, m, s, u are allowed');
        const re = this.regex(v['regex'], `${path}.regex`, flags.replace(/[^imsu]/g, ''));
        const exclude = v['exclude'] === undefined ? undefined : this.regex(v['exclude'], `${path}.exclude`, flags.replace(/[^imsu]/g, ''));
        return re ? { type: 'regex', re, exclude } : undefined;
      }
      default: {
        const range = v[kind];
        if (!isRecord(range)) { this.err(`${path}.${kind}`, 'must be an object with min and/or max'); return undefined; }
        const [minKey, maxKey] = F.RANGE_FIELDS[kind as keyof typeof F.RANGE_FIELDS];
        for (const k of Object.keys(range)) if (k !== minKey && k !== maxKey) this.err(`${path}.${kind}.${k}`, `unknown field (use ${minKey}/${maxKey})`);
        return {
          type: kind as 'amount' | 'duration' | 'percent',
          min: this.num(range[minKey], `${path}.${kind}.${minKey}`, { min: 0 }),
          max: this.num(range[maxKey], `${path}.${kind}.${maxKey}`, { min: 0 }),
          exclude: v['exclude'] === undefined ? undefined : this.regex(v['exclude'], `${path}.exclude`, 'u'),
        };
      }
    }
  }

  condition(name: string, v: unknown, path: string, defaults: { pinyin: boolean; negation: NegationMode }): Condition | undefined {
    if (!isRecord(v)) { this.err(path, 'must be an object'); return undefined; }
    const known = new Set<string>(F.CONDITION_FIELDS);
    const within = this.num(v['within'], `${path}.within`, { int: true, min: 1 });
    const sameClause = v['sameClause'];
    if (sameClause !== undefined && typeof sameClause !== 'boolean') this.err(`${path}.sameClause`, 'must be true or false');
    const ownWords = v['ownWords'];
    if (ownWords !== undefined && typeof ownWords !== 'boolean') this.err(`${path}.ownWords`, 'must be true or false');
    const channel = v['channel'];
    if (channel !== undefined && !F.isOneOf(F.CHANNELS, channel)) this.err(`${path}.channel`, `must be ${F.CHANNELS.join(' or ')}`);
    for (const k of Object.keys(v)) if (!known.has(k)) this.err(`${path}.${k}`, 'unknown field');
    const role = v['role'] ?? 'any';
    if (typeof role !== 'string' || !ROLES.includes(role)) this.err(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
    const negation = v['negation'] ?? defaults.negation;
    if (typeof negation !== 'string' || !NEGATIONS.includes(negation)) this.err(`${path}.negation`, `must be one of ${NEGATIONS.join(', ')}`);
    const rawMatch = v['match'];
    const list = Array.isArray(rawMatch) ? rawMatch : rawMatch === undefined ? [] : [rawMatch];
    if (list.length === 0) this.err(`${path}.match`, 'needs at least one matcher');
    const matchers: Matcher[] = [];
    list.forEach((m, i) => {
      const c = this.matcher(m, Array.isArray(rawMatch) ? `${path}.match[${i}]` : `${path}.match`, defaults.pinyin);
      if (c) matchers.push(c);
    });
    if (list.length > 0 && matchers.length === list.length && matchers.every((m) => m.type === 'none')) {
      this.err(`${path}.match`, 'a condition needs at least one positive matcher besides "none"');
    }
    let scope: Scope | undefined;
    if (v['scope'] !== undefined) {
      const s = v['scope'];
      if (!isRecord(s)) this.err(`${path}.scope`, 'must be an object');
      else {
        scope = {};
        for (const k of Object.keys(s)) {
          if (!F.isOneOf(F.SCOPE_FIELDS, k)) { this.err(`${path}.scope.${k}`, 'unknown field'); continue; }
          const n = this.num(s[k], `${path}.scope.${k}`, { min: 0, int: k.endsWith('Turns') || k.endsWith('Turn') });
          if (n !== undefined) scope[k as keyof Scope] = n;
        }
      }
    }
    const after = this.anchor(v, 'after', name, path);
    const notAfter = this.anchor(v, 'notAfter', name, path);
    return {
      name,
      role: (ROLES.includes(String(role)) ? role : 'any') as Role | 'any',
      channel: channel === 'phone' || channel === 'badge' ? channel : undefined,
      matchers,
      negation: (NEGATIONS.includes(String(negation)) ? negation : 'exclude') as NegationMode,
      scope,
      after,
      notAfter,
      within,
      sameClause: sameClause === true,
      ownWords: ownWords === true,
    };
  }

  /** An `after` or `notAfter` anchor: `{ condition, withinTurns, sameTurn }`. */
  private anchor(v: Record<string, unknown>, field: 'after' | 'notAfter', name: string, path: string): Anchor | undefined {
    const a = v[field];
    if (a === undefined) return undefined;
    if (!isRecord(a)) { this.err(`${path}.${field}`, 'must be an object with condition and withinTurns'); return undefined; }
    const cond = this.str(a['condition'], `${path}.${field}.condition`);
    const within = this.num(a['withinTurns'], `${path}.${field}.withinTurns`, { int: true, min: 0 }) ?? 1;
    if (cond === name) this.err(`${path}.${field}.condition`, 'a condition cannot anchor on itself');
    return cond ? { condition: cond, withinTurns: within, sameTurn: a['sameTurn'] === true } : undefined;
  }

  expr(v: unknown, path: string, conditions: Map<string, Condition>): Expr | undefined {
    const s = this.str(v, path);
    if (s === undefined) return undefined;
    try {
      const e = parseExpression(s);
      for (const n of referencedNames(e)) if (!conditions.has(n)) this.err(path, `refers to unknown condition "${n}"`);
      return e;
    } catch (err) {
      if (err instanceof ExpressionSyntaxError) { this.err(path, `syntax error: ${err.message}`); return undefined; }
      throw err;
    }
  }
}

function checkAnchorCycles(conditions: Map<string, Condition>, path: string, v: Validator): void {
  const anchorsOf = (c: Condition): string[] => [c.after?.condition, c.notAfter?.condition].filter((x): x is string => x !== undefined);
  for (const c of conditions.values()) {
    for (const field of ['after', 'notAfter'] as const) {
      const first = c[field]?.condition;
      if (first !== undefined && !conditions.has(first)) v.err(`${path}.${c.name}.${field}.condition`, `unknown condition "${first}"`);
    }
    // depth-first over every anchor reachable from c: reaching c again is a cycle
    const seen = new Set<string>();
    const stack = anchorsOf(c);
    while (stack.length > 0) {
      const cur = stack.pop() as string;
      if (cur === c.name) { v.err(`${path}.${c.name}.after`, 'anchors form a cycle'); break; }
      if (seen.has(cur)) continue;
      seen.add(cur);
      const next = conditions.get(cur);
      if (next) stack.push(...anchorsOf(next));
    }
  }
}

/**
 * Validate and compile a rule set. `raw` is the parsed YAML/JSON document
 * (or the merge of several files). With a taxonomy, every family/tag/value,
 * compliance rule and key point must exist in it.
 */
export function validateRuleSet(raw: unknown, taxonomy?: Taxonomy): RuleSet {
  if (!isRecord(raw)) throw new AnalysisError('RULES_INVALID', undefined, [{ path: '$', message: 'must be an object with version and rules' }]);
  const lexicons = new Map<string, string[]>();
  const pre: RuleIssue[] = [];
  if (raw['lexicons'] !== undefined) {
    if (!isRecord(raw['lexicons'])) pre.push({ path: 'lexicons', message: 'must be an object of word lists' });
    else for (const [k, list] of Object.entries(raw['lexicons'])) {
      if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && w.length > 0)) pre.push({ path: `lexicons.${k}`, message: 'must be a list of non-empty strings' });
      else lexicons.set(k, list as string[]);
    }
  }
  const patterns = new Map<string, string>();
  if (raw['patterns'] !== undefined) {
    if (!isRecord(raw['patterns'])) pre.push({ path: 'patterns', message: 'must be an object of regular-expression fragments' });
    else for (const [k, p] of Object.entries(raw['patterns'])) {
      if (typeof p !== 'string' || p.length === 0) { pre.push({ path: `patterns.${k}`, message: 'must be a non-empty string' }); continue; }
      if (p.includes('@{')) { pre.push({ path: `patterns.${k}`, message: 'may not refer to another pattern' }); continue; }
      try {
        new RegExp(p, 'u');
        patterns.set(k, p);
      } catch (e) {
        pre.push({ path: `patterns.${k}`, message: `invalid regular expression: ${(e as Error).message}` });
      }
    }
  }
  const v = new Validator(lexicons, patterns, taxonomy);
  v.issues.push(...pre);
  const version = v.str(raw['version'] === undefined ? undefined : String(raw['version']), 'version') ?? '';
  const defaultsRaw = isRecord(raw['defaults']) ? raw['defaults'] : {};
  if (raw['defaults'] !== undefined && !isRecord(raw['defaults'])) v.err('defaults', 'must be an object');
  const defaults = {
    pinyin: defaultsRaw['pinyin'] === undefined ? false : defaultsRaw['pinyin'] === true,
    negation: (NEGATIONS.includes(String(defaultsRaw['negation'])) ? defaultsRaw['negation'] : 'exclude') as NegationMode,
  };
  if (defaultsRaw['negation'] !== undefined && !NEGATIONS.includes(String(defaultsRaw['negation']))) v.err('defaults.negation', `must be one of ${NEGATIONS.join(', ')}`);
  const homophones: HomophoneVocabulary = { terms: [], keep: [] };
  if (raw['homophones'] !== undefined) {
    const h = raw['homophones'];
    if (!isRecord(h)) v.err('homophones', 'must be an object with terms (and optional keep)');
    else {
      for (const k of Object.keys(h)) if (k !== 'terms' && k !== 'keep') v.err(`homophones.${k}`, 'unknown field');
      homophones.terms = v.words(h['terms'], 'homophones.terms', true).filter((w, i) => {
        if (!w.py) { v.err(`homophones.terms[${i}]`, `"${w.raw}" needs at least two Chinese characters`); return false; }
        return true;
      });
      if (h['keep'] !== undefined) homophones.keep = v.words(h['keep'], 'homophones.keep', true);
    }
  }
  const rawRules = raw['rules'];
  if (!Array.isArray(rawRules)) v.err('rules', 'must be a list');
  const rules: Rule[] = [];
  const ids = new Set<string>();
  (Array.isArray(rawRules) ? rawRules : []).forEach((r, i) => {
    const p = `rules[${i}]`;
    if (!isRecord(r)) { v.err(p, 'must be an object'); return; }
    const id = v.str(r['id'], `${p}.id`) ?? `#${i}`;
    const pid = `${p}(${id})`;
    if (ids.has(id)) v.err(`${pid}.id`, 'duplicate rule id');
    ids.add(id);
    if (r['enabled'] === false) return;
    const kind = r['kind'];
    if (typeof kind !== 'string' || !KINDS.includes(kind)) { v.err(`${pid}.kind`, `must be one of ${KINDS.join(', ')}`); return; }
    const conditions = new Map<string, Condition>();
    if (!isRecord(r['conditions']) || Object.keys(r['conditions']).length === 0) v.err(`${pid}.conditions`, 'must be a non-empty object of named conditions');
    else for (const [name, c] of Object.entries(r['conditions'])) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) v.err(`${pid}.conditions.${name}`, 'condition names must be identifiers');
      const cc = v.condition(name, c, `${pid}.conditions.${name}`, defaults);
      if (cc) conditions.set(name, cc);
    }
    checkAnchorCycles(conditions, `${pid}.conditions`, v);
    const when = v.expr(r['when'], `${pid}.when`, conditions);
    const trigger = r['trigger'] === undefined ? undefined : v.expr(r['trigger'], `${pid}.trigger`, conditions);
    let evidence: string[] = [];
    if (r['evidence'] !== undefined) {
      const ev = Array.isArray(r['evidence']) ? r['evidence'] : [r['evidence']];
      ev.forEach((e, j) => {
        if (typeof e !== 'string' || !conditions.has(e)) v.err(`${pid}.evidence${Array.isArray(r['evidence']) ? `[${j}]` : ''}`, `must name a condition of this rule`);
        else evidence.push(e);
      });
    } else if (when) {
      evidence = positiveNames(when);
      if (evidence.length === 0 && trigger) evidence = positiveNames(trigger);
      if (evidence.length === 0) v.err(`${pid}.evidence`, 'the rule has no positive condition to cite: name one in "evidence"');
    }
    const confidence = v.num(r['confidence'], `${pid}.confidence`, { min: 0 }) ?? 0.8;
    if (confidence > 1) v.err(`${pid}.confidence`, 'must be between 0 and 1');
    const description = typeof r['description'] === 'string' ? r['description'] : undefined;
    const base = { id, description, conditions, when: when ?? { op: 'ref' as const, name: '' }, trigger, evidence, confidence };
    if (kind === 'profile') {
      const family = v.str(r['family'], `${pid}.family`) ?? '';
      const tag = v.str(r['tag'], `${pid}.tag`) ?? '';
      const value = v.str(r['value'], `${pid}.value`) ?? '';
      if (r['detail'] !== undefined && r['detail'] !== 'percent') v.err(`${pid}.detail`, 'only "percent" is supported');
      // profile rules run first and feed the `profile` matcher: they cannot depend on it
      for (const c of conditions.values()) {
        if (c.matchers.some((m) => m.type === 'profile')) v.err(`${pid}.conditions.${c.name}.match`, 'a profile rule cannot use the profile matcher');
      }
      if (taxonomy) {
        const t = taxonomy.profile[family]?.[tag];
        if (!t) v.err(`${pid}.tag`, `${family}.${tag} is not in the taxonomy`);
        else if (!(value in t.values)) v.err(`${pid}.value`, `"${value}" is not a value of ${family}.${tag}`);
      }
      rules.push({ ...base, kind, family, tag, value, detail: r['detail'] === 'percent' ? 'percent' : undefined });
    } else if (kind === 'compliance') {
      const rule = v.str(r['rule'], `${pid}.rule`) ?? '';
      const sev = r['severity'];
      if (sev !== undefined && (typeof sev !== 'string' || !SEVERITIES.includes(sev))) v.err(`${pid}.severity`, `must be one of ${SEVERITIES.join(', ')}`);
      if (taxonomy && !(rule in taxonomy.compliance)) v.err(`${pid}.rule`, `"${rule}" is not a compliance rule of the taxonomy`);
      rules.push({ ...base, kind, rule, severity: typeof sev === 'string' && SEVERITIES.includes(sev) ? (sev as Severity) : undefined });
    } else if (kind === 'keyPoint') {
      const point = v.str(r['point'], `${pid}.point`) ?? '';
      if (taxonomy && !(point in taxonomy.keyPoints)) v.err(`${pid}.point`, `"${point}" is not a key point of the taxonomy`);
      const standard = r['standard'] === undefined ? undefined : v.expr(r['standard'], `${pid}.standard`, conditions);
      const violations = Array.isArray(r['violations']) ? r['violations'].map(String) : [];
      if (r['violations'] !== undefined && !Array.isArray(r['violations'])) v.err(`${pid}.violations`, 'must be a list of compliance rule ids');
      if (taxonomy) for (const x of violations) if (!(x in taxonomy.compliance)) v.err(`${pid}.violations`, `"${x}" is not a compliance rule of the taxonomy`);
      rules.push({ ...base, kind, point, standard, violations });
    } else {
      const voc = r['voc'];
      if (typeof voc !== 'string' || !VOC_KINDS.includes(voc)) v.err(`${pid}.voc`, `must be one of ${VOC_KINDS.join(', ')}`);
      rules.push({ ...base, kind: 'voc', voc: (VOC_KINDS.includes(String(voc)) ? voc : 'suggestion') as VocKind });
    }
  });
  if (v.issues.length > 0) throw new AnalysisError('RULES_INVALID', `${v.issues.length} problem(s)`, v.issues);
  return { version, rules, homophones, sources: [] };
}
