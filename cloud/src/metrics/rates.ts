import type { ComplianceCounts, KeyPointCounts } from '../store/conversation-store.js';

/**
 * 开口率 (opening rate) = applicable sessions where staff raised the point /
 * applicable sessions; 执行率 (execution rate) = sessions done to standard /
 * applicable sessions; null (N/A) when the point applied nowhere. Roll-ups
 * pool the counts of their members, never average member rates — the store
 * already groups counts at the requested level.
 */
export interface KeyPointRate extends KeyPointCounts {
  openingRate: number | null;
  executionRate: number | null;
}

export function keyPointRates(counts: KeyPointCounts[]): KeyPointRate[] {
  return counts.map((c) => ({
    ...c,
    openingRate: c.applicable > 0 ? c.raised / c.applicable : null,
    executionRate: c.applicable > 0 ? c.toStandard / c.applicable : null,
  }));
}

/** Pools count rows (e.g. staff rows into one team) the same way. */
export function poolCounts(rows: KeyPointCounts[], group: string | null): KeyPointCounts[] {
  const byPoint = new Map<string, KeyPointCounts>();
  for (const r of rows) {
    const acc = byPoint.get(r.point) ?? { point: r.point, group, applicable: 0, raised: 0, toStandard: 0 };
    acc.applicable += r.applicable;
    acc.raised += r.raised;
    acc.toStandard += r.toStandard;
    byPoint.set(r.point, acc);
  }
  return [...byPoint.values()];
}


/** Totals per severity from per-rule rows (a conversation with two rules of one severity counts in both rules but once per rule). */
export function complianceBySeverity(rows: ComplianceCounts[]): Array<{ severity: string; hits: number }> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.severity, (m.get(r.severity) ?? 0) + r.hits);
  return [...m.entries()].map(([severity, hits]) => ({ severity, hits }));
}
