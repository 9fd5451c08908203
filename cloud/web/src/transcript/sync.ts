/**
 * Pure logic of the transcript view: which line the player is in, and where
 * an evidence quote sits in a displayed line. No DOM, so it is unit-tested in node.
 */

export interface TimedLine {
  index: number;
  startMs: number | null;
}

/** Index of the line being played: the last one (in time order) started at or before `ms`; null before the first. */
export function activeLine(lines: readonly TimedLine[], ms: number): number | null {
  let active: number | null = null;
  let activeStart = -Infinity;
  for (const l of lines) {
    if (l.startMs === null) continue;
    if (l.startMs <= ms && l.startMs >= activeStart) {
      active = l.index;
      activeStart = l.startMs;
    }
  }
  return active;
}

export interface QuoteRef {
  start: number;
  end: number;
  quote: string;
}

/**
 * Where a quote sits in the displayed line, as [start, end). Evidence offsets
 * are computed on the normalised text, so they are used only when they still
 * match the displayed text; else the quote is searched for (the occurrence
 * nearest the given offset); else the whole line is marked.
 */
export function locateQuote(text: string, ref: QuoteRef): [number, number] {
  if (ref.quote && text.slice(ref.start, ref.end) === ref.quote) return [ref.start, ref.end];
  if (ref.quote) {
    let best = -1;
    for (let at = text.indexOf(ref.quote); at >= 0; at = text.indexOf(ref.quote, at + 1)) {
      if (best < 0 || Math.abs(at - ref.start) < Math.abs(best - ref.start)) best = at;
    }
    if (best >= 0) return [best, best + ref.quote.length];
  }
  return [0, text.length];
}

/** Splits a line into plain and marked pieces; overlapping marks are clipped so every character appears once. */
export function splitMarked<T>(text: string, marks: ReadonlyArray<{ range: [number, number]; data: T }>): Array<{ text: string; mark: T | null }> {
  const sorted = [...marks].sort((a, b) => a.range[0] - b.range[0]);
  const out: Array<{ text: string; mark: T | null }> = [];
  let pos = 0;
  for (const m of sorted) {
    const s = Math.max(Math.min(m.range[0], text.length), pos);
    const e = Math.min(m.range[1], text.length);
    if (e <= s) continue;
    if (s > pos) out.push({ text: text.slice(pos, s), mark: null });
    out.push({ text: text.slice(s, e), mark: m.data });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: null });
  return out;
}
