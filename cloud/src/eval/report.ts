/** The readable table `npm run eval` prints, and the flat JSON figures. */
import type { PRF, Scores } from './scorer.js';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function row(name: string, s: PRF, width: number): string {
  return `  ${name.padEnd(width)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`;
}

export interface Targets { profileF1: number; complianceRecall: number; compliancePrecision: number; keyPoints: number }
export const TARGETS: Targets = { profileF1: 0.85, complianceRecall: 0.9, compliancePrecision: 0.85, keyPoints: 0.9 };

export function meetsTargets(s: Scores, t: Targets = TARGETS): boolean {
  return s.profile.microF1 >= t.profileF1 && s.compliance.recall >= t.complianceRecall && s.compliance.precision >= t.compliancePrecision && s.keyPoints.accuracy >= t.keyPoints;
}

export function formatTable(s: Scores, title: string): string {
  const out: string[] = [];
  const tagW = Math.max(24, ...Object.keys(s.profile.perTag).map((k) => k.length));
  out.push(`${title} — ${s.dialogues} dialogues`, '');
  out.push(`Profile tags                ${' '.repeat(Math.max(0, tagW - 24))}  P%     R%     F1%    tp  fp  fn`);
  for (const [k, v] of Object.entries(s.profile.perTag)) out.push(row(k, v, tagW));
  out.push(row('micro', s.profile, tagW), '');
  out.push(`Compliance (dialogue, rule) ${' '.repeat(Math.max(0, tagW - 24))}  P%     R%     F1%    tp  fp  fn`);
  for (const [k, v] of Object.entries(s.compliance.perRule)) out.push(row(k, v, tagW));
  out.push(row('overall', s.compliance, tagW), '');
  out.push('Key points                  accuracy  agree/total');
  for (const [k, v] of Object.entries(s.keyPoints.perPoint)) out.push(`  ${k.padEnd(tagW)} ${pct(v.accuracy)}    ${v.agree}/${v.total}`);
  out.push(`  ${'overall'.padEnd(tagW)} ${pct(s.keyPoints.accuracy)}    ${s.keyPoints.agree}/${s.keyPoints.total}`, '');
  const mark = (ok: boolean): string => (ok ? 'ok ' : 'MISS');
  out.push('Targets');
  out.push(`  [${mark(s.profile.microF1 >= TARGETS.profileF1)}] profile micro-F1 ${pct(s.profile.microF1)}% ≥ ${TARGETS.profileF1 * 100}%`);
  out.push(`  [${mark(s.compliance.recall >= TARGETS.complianceRecall)}] compliance recall ${pct(s.compliance.recall)}% ≥ ${TARGETS.complianceRecall * 100}%`);
  out.push(`  [${mark(s.compliance.precision >= TARGETS.compliancePrecision)}] compliance precision ${pct(s.compliance.precision)}% ≥ ${TARGETS.compliancePrecision * 100}%`);
  out.push(`  [${mark(s.keyPoints.accuracy >= TARGETS.keyPoints)}] key-point accuracy ${pct(s.keyPoints.accuracy)}% ≥ ${TARGETS.keyPoints * 100}%`);
  return out.join('\n');
}

/** Flat JSON: the headline keys the issue names, plus per-tag/rule/point figures. */
export function toJson(s: Scores): Record<string, unknown> {
  const out: Record<string, unknown> = {
    dialogues: s.dialogues,
    'profile.precision': s.profile.precision,
    'profile.recall': s.profile.recall,
    'profile.microF1': s.profile.microF1,
    'compliance.precision': s.compliance.precision,
    'compliance.recall': s.compliance.recall,
    'compliance.f1': s.compliance.f1,
    'keyPoints.accuracy': s.keyPoints.accuracy,
  };
  for (const [k, v] of Object.entries(s.profile.perTag)) {
    out[`profile.tag.${k}.precision`] = v.precision;
    out[`profile.tag.${k}.recall`] = v.recall;
    out[`profile.tag.${k}.f1`] = v.f1;
  }
  for (const [k, v] of Object.entries(s.compliance.perRule)) {
    out[`compliance.rule.${k}.precision`] = v.precision;
    out[`compliance.rule.${k}.recall`] = v.recall;
  }
  for (const [k, v] of Object.entries(s.keyPoints.perPoint)) out[`keyPoints.point.${k}.accuracy`] = v.accuracy;
  return out;
}
