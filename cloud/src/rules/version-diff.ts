/**
 * What changed between two rule-set versions, for the history screen: each
 * rule added, removed or changed (matched by id), and each shared setting
 * changed (defaults, homophones, and every named pattern and lexicon), with
 * a line diff of its YAML in unified hunks.
 */
import { structuredPatch } from 'diff';
import { isRecord, ruleToYaml, rulesOf } from './rule-text.js';

/** Lines of unchanged YAML shown around each change. */
const CONTEXT_LINES = 3;

export interface DiffHunk {
  /** 1-based first line and line count in the older text, then in the newer one */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** each line prefixed with ' ' (unchanged), '-' (only in the older) or '+' (only in the newer) */
  lines: string[];
}

export interface RuleChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** position in the newer version (the older one for a removed rule) */
  index: number;
  hunks: DiffHunk[];
}

export interface SettingChange {
  /** `defaults`, `homophones`, `patterns.<name>`, `lexicons.<name>`, or another top-level key */
  key: string;
  change: 'added' | 'removed' | 'changed';
  hunks: DiffHunk[];
}

export interface RuleSetDiff {
  rules: RuleChange[];
  settings: SettingChange[];
  /** rules in both versions whose text is the same */
  unchanged: number;
}

/** The line diff of two YAML texts ('' for a side that does not exist). */
export function yamlHunks(older: string, newer: string): DiffHunk[] {
  return structuredPatch('a', 'b', older, newer, undefined, undefined, { context: CONTEXT_LINES }).hunks.map((h) => ({
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    // "\ No newline at end of file" markers say nothing about a rule
    lines: h.lines.filter((l) => !l.startsWith('\\')),
  }));
}

/** A rule's id, or its position when it has none (the validator refuses that, but an old record may). */
function ruleKey(rule: unknown, index: number): string {
  return isRecord(rule) && typeof rule['id'] === 'string' ? rule['id'] : `#${index}`;
}

/** The comparable settings of a document: named entries of patterns and lexicons one by one, other keys whole. */
function settingsOf(document: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(document)) {
    // `version` names the version itself: it always differs, and the screen shows it already
    if (key === 'rules' || key === 'version') continue;
    if ((key === 'patterns' || key === 'lexicons') && isRecord(value)) {
      for (const [name, v] of Object.entries(value)) out.set(`${key}.${name}`, v);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

function change(older: unknown, newer: unknown): { change: 'added' | 'removed' | 'changed'; hunks: DiffHunk[] } | null {
  const a = older === undefined ? '' : ruleToYaml(older);
  const b = newer === undefined ? '' : ruleToYaml(newer);
  if (a === b) return null;
  return { change: older === undefined ? 'added' : newer === undefined ? 'removed' : 'changed', hunks: yamlHunks(a, b) };
}

/** What changed from the `older` document to the `newer` one: rules in the newer order, removed rules after them. */
export function diffRuleSets(older: Record<string, unknown>, newer: Record<string, unknown>): RuleSetDiff {
  const before = new Map(rulesOf(older).map((r, i) => [ruleKey(r, i), { rule: r, index: i }] as const));
  const rules: RuleChange[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  rulesOf(newer).forEach((rule, index) => {
    const id = ruleKey(rule, index);
    seen.add(id);
    const c = change(before.get(id)?.rule, rule);
    if (c) rules.push({ id, index, ...c });
    else unchanged++;
  });
  for (const [id, { rule, index }] of before) {
    if (!seen.has(id)) rules.push({ id, index, change: 'removed', hunks: yamlHunks(ruleToYaml(rule), '') });
  }
  const a = settingsOf(older);
  const b = settingsOf(newer);
  const settings: SettingChange[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
    const c = change(a.get(key), b.get(key));
    if (c) settings.push({ key, ...c });
  }
  return { rules, settings, unchanged };
}
