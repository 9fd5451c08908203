/**
 * Scoring in the corpus's units (../shared/corpus/README.md):
 * - profile: set of (dialogue, family, tag, value), micro P/R/F1 plus per tag;
 * - compliance: set of (dialogue, rule) — repeated hits count once — P/R overall and per rule;
 * - key points: per (dialogue, point) agreement of true/false/null, accuracy overall and per point.
 * Works on two maps in the gold format, so any system's predictions can be scored.
 */
import type { Gold, KeyPointValue } from './corpus.js';

export interface PRF { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface Accuracy { agree: number; total: number; accuracy: number }

export interface Scores {
  dialogues: number;
  profile: PRF & { microF1: number; perTag: Record<string, PRF> };
  compliance: PRF & { perRule: Record<string, PRF> };
  keyPoints: Accuracy & { perPoint: Record<string, Accuracy> };
  /** what differed, for debugging rules */
  errors: { dialogue: string; kind: 'profile' | 'compliance' | 'keyPoint'; item: string; expected: string; found: string }[];
}

export function prf(tp: number, fp: number, fn: number): PRF {
  // conventions: nothing predicted and nothing expected is perfect; otherwise 0/0 = 0
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function count(map: Map<string, { tp: number; fp: number; fn: number }>, key: string, field: 'tp' | 'fp' | 'fn'): void {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[field]++;
  map.set(key, c);
}

function finish(map: Map<string, { tp: number; fp: number; fn: number }>): Record<string, PRF> {
  const out: Record<string, PRF> = {};
  for (const k of [...map.keys()].sort()) {
    const c = map.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    out[k] = prf(c.tp, c.fp, c.fn);
  }
  return out;
}

function showKp(v: KeyPointValue | undefined): string {
  return v === undefined ? 'missing' : String(v);
}

/** Score predictions against gold; dialogues missing from `predicted` count as finding nothing. */
export function score(gold: ReadonlyMap<string, Gold>, predicted: ReadonlyMap<string, Gold>): Scores {
  const perTag = new Map<string, { tp: number; fp: number; fn: number }>();
  const perRule = new Map<string, { tp: number; fp: number; fn: number }>();
  const perPoint = new Map<string, { agree: number; total: number }>();
  const errors: Scores['errors'] = [];
  let ptp = 0, pfp = 0, pfn = 0, ctp = 0, cfp = 0, cfn = 0, agree = 0, total = 0;

  for (const [id, g] of gold) {
    const p = predicted.get(id) ?? { profile: [], compliance: [], keyPoints: {} };
    const key = (x: { family: string; tag: string; value: string }): string => `${x.family}.${x.tag}=${x.value}`;
    const gp = new Set(g.profile.map(key));
    const pp = new Set(p.profile.map(key));
    for (const k of pp) {
      const tag = k.split('=')[0] ?? k;
      if (gp.has(k)) { ptp++; count(perTag, tag, 'tp'); }
      else { pfp++; count(perTag, tag, 'fp'); errors.push({ dialogue: id, kind: 'profile', item: k, expected: 'absent', found: 'present' }); }
    }
    for (const k of gp) {
      if (pp.has(k)) continue;
      pfn++;
      count(perTag, k.split('=')[0] ?? k, 'fn');
      errors.push({ dialogue: id, kind: 'profile', item: k, expected: 'present', found: 'absent' });
    }
    const gc = new Set(g.compliance.map((c) => c.rule));
    const pc = new Set(p.compliance.map((c) => c.rule));
    for (const r of pc) {
      if (gc.has(r)) { ctp++; count(perRule, r, 'tp'); }
      else { cfp++; count(perRule, r, 'fp'); errors.push({ dialogue: id, kind: 'compliance', item: r, expected: 'absent', found: 'present' }); }
    }
    for (const r of gc) {
      if (pc.has(r)) continue;
      cfn++;
      count(perRule, r, 'fn');
      errors.push({ dialogue: id, kind: 'compliance', item: r, expected: 'present', found: 'absent' });
    }
    for (const [point, expected] of Object.entries(g.keyPoints)) {
      const found = p.keyPoints[point];
      const ok = found === expected;
      const c = perPoint.get(point) ?? { agree: 0, total: 0 };
      c.total++;
      total++;
      if (ok) { c.agree++; agree++; }
      else errors.push({ dialogue: id, kind: 'keyPoint', item: point, expected: showKp(expected), found: showKp(found) });
      perPoint.set(point, c);
    }
  }
  const profile = prf(ptp, pfp, pfn);
  const pointScores: Record<string, Accuracy> = {};
  for (const k of [...perPoint.keys()].sort()) {
    const c = perPoint.get(k) ?? { agree: 0, total: 0 };
    pointScores[k] = { ...c, accuracy: c.total === 0 ? 1 : c.agree / c.total };
  }
  return {
    dialogues: gold.size,
    profile: { ...profile, microF1: profile.f1, perTag: finish(perTag) },
    compliance: { ...prf(ctp, cfp, cfn), perRule: finish(perRule) },
    keyPoints: { agree, total, accuracy: total === 0 ? 1 : agree / total, perPoint: pointScores },
    errors,
  };
}
