/**
 * Completion for the rule editor: what may be typed at the caret of one rule
 * written as YAML (docs/rules.md, "Rule kinds", "Conditions", "Matchers").
 *
 * It reads the text the way the rule loader does, by indentation: the key a
 * line sits under says which keys may follow (a rule's fields, a condition's,
 * a matcher's, a scope's, an anchor's), and the key before the caret says which
 * values (kinds, roles, negation modes, the taxonomy's families, tags, values,
 * compliance rules and key points, the rule's own condition names). Inside a
 * regular expression `@{` offers the rule set's named patterns, and a quoted
 * `"@` in a word list its lexicons. Pure: the editor turns the answer into a list.
 */
import {
  ANCHOR_FIELDS,
  CHANNELS,
  CONDITION_FIELDS,
  MATCHER_KINDS,
  MATCHER_OPTIONS,
  NEGATION_MODES,
  RANGE_FIELDS,
  ROLES,
  RULE_FIELDS,
  RULE_KINDS,
  SCOPE_FIELDS,
  SEVERITIES,
  VOC_KINDS,
} from '../../src/rules/fields.js';

export interface CompletionVocabulary {
  /** family → tag → value ids (the taxonomy's profile part) */
  profile: Record<string, Record<string, readonly string[]>>;
  compliance: readonly string[];
  keyPoints: readonly string[];
  /** names of the rule set's shared regex fragments (`@{name}`) and word lists (`"@name"`) */
  patterns: readonly string[];
  lexicons: readonly string[];
  /** a display name for a taxonomy id offered as a value (客户经理 labels: 网点等待时间长), if any */
  describe?: (field: 'family' | 'tag' | 'value' | 'rule' | 'point', id: string, family: string | undefined, tag: string | undefined) => string | undefined;
}

export interface CompletionItem {
  /** what the list shows */
  label: string;
  /** what replaces the word at the caret */
  insert: string;
  /** a short hint beside the label */
  detail?: string;
}

export interface Completion {
  /** the span of the text the chosen item replaces */
  from: number;
  to: number;
  items: CompletionItem[];
}

const MATCHER_FIELDS: readonly string[] = [...MATCHER_KINDS, ...MATCHER_OPTIONS];
const RANGE_KEYS: Record<string, readonly string[]> = RANGE_FIELDS;
const KEY_HINTS: Record<string, string> = {
  any: 'any word occurs',
  all: 'every word occurs',
  atLeast: 'at least n of the words',
  none: 'none of the words (a filter)',
  regex: 'a regular expression',
  exclude: 'vetoes a hit in its clause',
  except: 'words inside longer words that do not count',
  amount: 'money in yuan',
  duration: 'a span of days',
  percent: 'a percentage',
  profile: 'a profile finding in this turn',
  when: 'boolean expression over conditions',
  trigger: 'the rule applies only when this holds',
  after: 'within N turns after a condition',
  notAfter: 'not within N turns after a condition',
  within: 'hits within N characters',
  sameClause: 'hits in one clause',
  ownWords: "the speaker's own words",
};
const BOOLEAN_KEYS = new Set(['enabled', 'sameClause', 'ownWords', 'pinyin', 'sameTurn']);
const EXPRESSION_KEYS = new Set(['when', 'trigger', 'standard']);

const fixedValues: Record<string, readonly string[]> = {
  kind: RULE_KINDS,
  role: ROLES,
  negation: NEGATION_MODES,
  channel: CHANNELS,
  severity: SEVERITIES,
  voc: VOC_KINDS,
  detail: ['percent'],
};

interface Line {
  indent: number;
  /** the key the line opens, if any (`key:` or `- key:`) */
  key: string | undefined;
}

const KEY_LINE = /^(\s*)(?:-\s+)?([A-Za-z][A-Za-z0-9_]*)\s*:/;

function readLine(text: string): Line {
  const m = KEY_LINE.exec(text);
  if (m) return { indent: (m[1] ?? '').length, key: m[2] };
  return { indent: /^\s*/.exec(text)?.[0].length ?? 0, key: undefined };
}

/**
 * The keys of the blocks enclosing a line whose key starts at column `indent`,
 * innermost first (block style; a list item's keys sit right of its dash).
 */
function parents(lines: readonly string[], row: number, indent: number): string[] {
  const out: string[] = [];
  let limit = indent;
  for (let i = row - 1; i >= 0 && limit > 0; i--) {
    const raw = lines[i] ?? '';
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const l = readLine(raw);
    const dash = /^\s*-\s+/.exec(raw);
    const keyColumn = dash ? dash[0].length : l.indent;
    if (keyColumn > limit) continue;
    if (dash) {
      // the same list item (its first key is a sibling) or an outer one: the parent is left of its dash
      if (keyColumn < limit && l.key !== undefined) out.push(l.key);
      limit = l.indent;
    } else if (keyColumn < limit) {
      if (l.key !== undefined) out.push(l.key);
      limit = l.indent;
    }
  }
  return out;
}

/** The key that owns the innermost unclosed `{` of a line prefix (if any), and where that brace is. */
function flowOwner(before: string): { owner: string | undefined; at: number } | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') stack.push(i);
    else if (c === '}' || c === ']') stack.pop();
  }
  // inside a list of scalars (any: [保本, a|) no key can be typed
  if (before[stack[stack.length - 1] ?? -1] === '[') return undefined;
  const keyBefore = (at: number) => /([A-Za-z][A-Za-z0-9_]*)\s*:\s*$/.exec(before.slice(0, at))?.[1];
  for (let k = stack.length - 1; k >= 0; k--) {
    const at = stack[k] ?? 0;
    if (before[at] !== '{') continue;
    // { directly owned (match: {…), or an item of a list that is (match: [{…}, {…)
    const list = k > 0 && before[stack[k - 1] ?? 0] === '[' ? stack[k - 1] : undefined;
    return { owner: keyBefore(at) ?? (list !== undefined ? keyBefore(list) : undefined), at };
  }
  return undefined;
}

/** Keys that may open a line under these parents (innermost first). */
function keysUnder(path: readonly string[]): readonly string[] {
  const [p0, p1] = path;
  if (p0 === undefined) return RULE_FIELDS;
  if (p0 === 'conditions') return [];
  if (p0 === 'match') return MATCHER_FIELDS;
  if (p0 === 'scope') return SCOPE_FIELDS;
  if (p0 === 'after' || p0 === 'notAfter') return ANCHOR_FIELDS;
  const range = RANGE_KEYS[p0];
  if (range) return range;
  if (p1 === 'conditions') return CONDITION_FIELDS;
  return [];
}

/** The scalar value of the first `key:` line in the text (the rule's family, its tag). */
function valueOf(lines: readonly string[], key: string): string | undefined {
  const re = new RegExp(`^\\s*${key}\\s*:\\s*["']?([^"'#\\s]+)`);
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

/** The names under `conditions:` (one indentation level below it). */
function conditionNames(lines: readonly string[]): string[] {
  const names: string[] = [];
  const start = lines.findIndex((l) => /^\s*conditions\s*:\s*$/.test(l));
  if (start < 0) return names;
  const base = readLine(lines[start] ?? '').indent;
  let level: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const l = readLine(raw);
    if (l.indent <= base) break;
    level ??= l.indent;
    if (l.indent === level && l.key !== undefined) names.push(l.key);
  }
  return names;
}

function matching(words: readonly string[], prefix: string, hint?: (w: string) => string | undefined): CompletionItem[] {
  const p = prefix.toLowerCase();
  return words
    .filter((w) => w.toLowerCase().startsWith(p) && w !== prefix)
    .map((w) => {
      const detail = hint?.(w);
      return detail === undefined ? { label: w, insert: w } : { label: w, insert: w, detail };
    });
}

/** What may be typed at `caret` (an offset into `text`), or null when nothing is offered. */
export function completeYaml(text: string, caret: number, vocab: CompletionVocabulary): Completion | null {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  const before = text.slice(lineStart, caret);
  const lines = text.split('\n');
  const row = text.slice(0, lineStart).split('\n').length - 1;

  // a named pattern inside a regular expression: @{na|
  const pattern = /@\{([A-Za-z0-9_]*)$/.exec(before);
  if (pattern) {
    const word = pattern[1] ?? '';
    const items = matching(vocab.patterns, word).map((i) => ({ ...i, insert: `${i.insert}}` }));
    return items.length > 0 ? { from: caret - word.length, to: caret, items } : null;
  }
  // a lexicon in a word list: "@na|
  const lexicon = /["']@([A-Za-z0-9_]*)$/.exec(before);
  if (lexicon) {
    const word = lexicon[1] ?? '';
    const items = matching(vocab.lexicons, word);
    return items.length > 0 ? { from: caret - word.length, to: caret, items } : null;
  }

  // a value after `key: ` (block style) or inside a flow mapping `{ key: `
  const value = /(?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z][A-Za-z0-9_]*)\s*:\s+(?:"|')?([^\s"',{}[\]]*)$/.exec(before);
  if (value) {
    const key = value[1] ?? '';
    const word = value[2] ?? '';
    let words: readonly string[] = [];
    if (fixedValues[key]) words = fixedValues[key] ?? [];
    else if (BOOLEAN_KEYS.has(key)) words = ['true', 'false'];
    else if (key === 'family') words = Object.keys(vocab.profile);
    else if (key === 'tag') words = Object.keys(vocab.profile[valueOf(lines, 'family') ?? ''] ?? {});
    else if (key === 'value') words = vocab.profile[valueOf(lines, 'family') ?? '']?.[valueOf(lines, 'tag') ?? ''] ?? [];
    else if (key === 'rule') words = vocab.compliance;
    else if (key === 'point') words = vocab.keyPoints;
    else if (key === 'condition' || key === 'evidence') words = conditionNames(lines);
    else if (EXPRESSION_KEYS.has(key)) words = [...conditionNames(lines), 'not'];
    const family = valueOf(lines, 'family');
    const tag = valueOf(lines, 'tag');
    const described = key === 'family' || key === 'tag' || key === 'value' || key === 'rule' || key === 'point' ? key : undefined;
    const items = matching(words, word, described && vocab.describe ? (w) => vocab.describe?.(described, w, family, tag) : undefined);
    return items.length > 0 ? { from: caret - word.length, to: caret, items } : null;
  }

  // the next name in a boolean expression: when: says and (no|
  const expression = /^\s*(when|trigger|standard)\s*:\s.*?([A-Za-z0-9_]*)$/.exec(before);
  if (expression) {
    const word = expression[2] ?? '';
    const items = matching([...conditionNames(lines), 'and', 'or', 'not'], word);
    return items.length > 0 ? { from: caret - word.length, to: caret, items } : null;
  }

  // a key inside a flow mapping: { regex: "…", ex|  or  says: { ro|
  const flow = /[{,]\s*([A-Za-z][A-Za-z0-9_]*)?$/.test(before) ? flowOwner(before) : undefined;
  if (flow) {
    const word = /([A-Za-z][A-Za-z0-9_]*)?$/.exec(before)?.[1] ?? '';
    // the owner of the brace, then the blocks around its line
    const outer = parents(lines, row, readLine(before).indent);
    const path = flow.owner !== undefined ? [flow.owner, ...outer] : outer;
    const inside = before.slice(flow.at);
    const taken = new Set([...inside.matchAll(/([A-Za-z][A-Za-z0-9_]*)\s*:/g)].map((m) => m[1] ?? ''));
    const allowed = keysUnder(path).filter((k) => !taken.has(k));
    const items = matching(allowed, word, (k) => KEY_HINTS[k]).map((i) => ({ ...i, insert: `${i.insert}: ` }));
    return items.length > 0 ? { from: caret - word.length, to: caret, items } : null;
  }

  // a key at the start of a line, or of a list item: the keys its parent block allows
  const key = /^(\s*)(-\s+)?([A-Za-z][A-Za-z0-9_]*)?$/.exec(before);
  if (key) {
    const word = key[3] ?? '';
    const indent = (key[1] ?? '').length + (key[2] ?? '').length;
    const path = parents(lines, row, indent);
    // a key already on this level of the block is not offered twice (a new list item starts a new mapping)
    const taken = new Set<string>();
    for (let i = key[2] ? -1 : row - 1; i >= 0; i--) {
      const raw = lines[i] ?? '';
      if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
      const l = readLine(raw);
      const dash = /^\s*-\s+/.exec(raw);
      const column = dash ? dash[0].length : l.indent;
      if (column === indent && l.key !== undefined) taken.add(l.key);
      // left of the block, or the dash that opened this list item's mapping: the block starts here
      if (column < indent || (dash && column === indent)) break;
    }
    const allowed = keysUnder(path).filter((k) => !taken.has(k));
    const items = matching(allowed, word, (k) => KEY_HINTS[k]).map((i) => ({ ...i, insert: `${i.insert}: ` }));
    return items.length > 0 && (word.length > 0 || path.length > 0 || indent === 0) ? { from: caret - word.length, to: caret, items } : null;
  }
  return null;
}
