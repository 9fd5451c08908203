/**
 * One rule as YAML text for the rules editor: serialising a rule of a rule
 * set, parsing an edited rule, and placing validation problems at the line
 * and column of the edited text they are about.
 */
import { LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { RuleIssue } from '../analysis/errors.js';

/** A validation problem, placed in the edited text when it is about the edited rule. */
export interface LocatedIssue extends RuleIssue {
  /** 1-based line and column in the edited text; absent for problems elsewhere in the rule set. */
  line?: number;
  column?: number;
}

export function ruleToYaml(rule: unknown): string {
  return stringify(rule, { lineWidth: 0 });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `rules` list of a merged rule-set document (empty when it has none). */
export function rulesOf(document: Record<string, unknown>): unknown[] {
  return Array.isArray(document['rules']) ? document['rules'] : [];
}

/** `conditions.pitch.match[0].regex` → ['conditions', 'pitch', 'match', 0, 'regex']. */
export function splitIssuePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Parses the editor's text; YAML syntax errors come back located. */
export function parseRuleYaml(text: string): { ok: true; rule: Record<string, unknown> } | { ok: false; issues: LocatedIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: '(yaml)',
        message: e.message.split('\n')[0] ?? e.message,
        ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
      })),
    };
  }
  const rule: unknown = doc.toJS();
  if (!isRecord(rule)) return { ok: false, issues: [{ path: '$', message: 'a rule must be a mapping (id, kind, conditions, when …)', line: 1, column: 1 }] };
  return { ok: true, rule };
}

/**
 * Places issues about the rule at `index` of the rule set at their line in
 * `text` (the nearest enclosing node when the field itself is missing).
 * Issues about other parts of the rule set keep their full path, unplaced.
 */
export function locateIssues(text: string, index: number, issues: readonly RuleIssue[]): LocatedIssue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const prefix = new RegExp(`^rules\\[${index}\\](?:\\([^)]*\\))?\\.?`);
  return issues.map((issue) => {
    const m = prefix.exec(issue.path);
    if (!m) return { ...issue };
    const rel = issue.path.slice(m[0].length);
    const segments = rel ? splitIssuePath(rel) : [];
    for (let n = segments.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true)) as Node | null | undefined;
      const at = node?.range?.[0];
      if (at !== undefined) {
        const pos = lineCounter.linePos(at);
        return { path: rel || '$', message: issue.message, line: pos.line, column: pos.col };
      }
    }
    return { path: rel || '$', message: issue.message, line: 1, column: 1 };
  });
}
