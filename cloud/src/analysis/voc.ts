/**
 * Voice of the customer: praise, complaints and questions come from the
 * profile's feedback family (so they share its rules and evidence); explicit
 * `voc` rules add what the profile has no tag for, such as suggestions.
 */
import type { Taxonomy } from './taxonomy.js';
import type { ProfileHit, VocItem, VocKind } from './types.js';

const FEEDBACK_KIND: Record<string, VocKind> = { positive: 'positive', negative: 'negative', question: 'question' };

export function collectVoc(profile: readonly ProfileHit[], fromRules: readonly VocItem[], taxonomy?: Taxonomy): VocItem[] {
  const out: VocItem[] = [];
  for (const h of profile) {
    if (h.family !== 'feedback') continue;
    const kind = FEEDBACK_KIND[h.tag];
    if (!kind) continue;
    const label = taxonomy?.profile[h.family]?.[h.tag]?.values[h.value] ?? h.value;
    out.push({ kind, text: `${label}：${h.evidence.quote}`, evidence: h.evidence });
  }
  const seen = new Set(out.map((v) => `${v.kind}@${v.evidence.turn}:${v.evidence.start}`));
  for (const v of fromRules) {
    const k = `${v.kind}@${v.evidence.turn}:${v.evidence.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out.sort((a, b) => a.evidence.turn - b.evidence.turn || a.evidence.start - b.evidence.start);
}
