/**
 * Badge audio is mono and the wearer's mouth is a hand-span from the
 * microphone while the customer is a metre or more away: the wearer's speech
 * is typically 10–20 dB louder. Per session (levels vary with placement and
 * room), the segment levels are split into two clusters by 1-D two-means;
 * when the clusters are at least `minGapDb` apart the louder one is the
 * wearer. Otherwise only one voice level is present and every segment is
 * attributed to the wearer.
 */
export interface Separation {
  wearer: boolean[];
  /** Cluster centres (dB) and the decision threshold; null when one cluster. */
  loudDb: number;
  quietDb: number | null;
  thresholdDb: number | null;
}

export function separateWearer(levelsDb: readonly number[], minGapDb: number): Separation {
  if (levelsDb.length === 0) return { wearer: [], loudDb: -120, quietDb: null, thresholdDb: null };
  const sorted = [...levelsDb].sort((a, b) => a - b);
  let lo = sorted[0]!;
  let hi = sorted[sorted.length - 1]!;
  if (hi - lo < minGapDb) {
    return { wearer: levelsDb.map(() => true), loudDb: mean(levelsDb), quietDb: null, thresholdDb: null };
  }
  for (let iter = 0; iter < 50; iter++) {
    const t = (lo + hi) / 2;
    const low = sorted.filter((v) => v < t);
    const high = sorted.filter((v) => v >= t);
    const nlo = low.length ? mean(low) : lo;
    const nhi = high.length ? mean(high) : hi;
    if (Math.abs(nlo - lo) < 1e-6 && Math.abs(nhi - hi) < 1e-6) break;
    lo = nlo;
    hi = nhi;
  }
  if (hi - lo < minGapDb) {
    return { wearer: levelsDb.map(() => true), loudDb: mean(levelsDb), quietDb: null, thresholdDb: null };
  }
  const threshold = (lo + hi) / 2;
  return { wearer: levelsDb.map((v) => v >= threshold), loudDb: hi, quietDb: lo, thresholdDb: threshold };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
