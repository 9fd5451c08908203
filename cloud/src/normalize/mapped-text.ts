/**
 * Text that remembers where each of its characters came from. Every
 * normalisation step rewrites text; the analysis engine must still cite spans
 * of the ORIGINAL utterance, so each step carries an offset map along.
 *
 * `map[i]` is the index in the original text of the normalised character i;
 * `map[text.length]` is the original length (the end sentinel), so a
 * normalised span [s, e) maps back to [map[s], endOf(e)).
 */
export interface MappedText {
  readonly text: string;
  readonly map: readonly number[];
}

export function identity(text: string): MappedText {
  const map = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

/** Accumulates output pieces, each tied to the original span it replaces. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly map: number[] = [];
  private length = 0;

  constructor(private readonly source: MappedText) {}

  /** Copy source characters [from, to) unchanged. */
  copy(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.parts.push(this.source.text[i] ?? '');
      this.map.push(this.source.map[i] ?? 0);
    }
    this.length += to - from;
  }

  /**
   * Emit `replacement` in place of source characters [from, to). Its
   * characters are spread over the source span in proportion, so a span that
   * ends inside a replacement still maps to a sensible original span.
   */
  replace(from: number, to: number, replacement: string): void {
    const width = Math.max(1, to - from);
    for (let i = 0; i < replacement.length; i++) {
      const src = from + Math.min(width - 1, Math.floor((i * width) / Math.max(1, replacement.length)));
      this.parts.push(replacement[i] ?? '');
      this.map.push(this.source.map[src] ?? 0);
    }
    this.length += replacement.length;
  }

  build(): MappedText {
    const end = this.source.map[this.source.text.length] ?? this.source.text.length;
    return { text: this.parts.join(''), map: [...this.map, end] };
  }
}

/**
 * Original span [start, end) of the normalised span [s, e). The end is the
 * original position just after the last normalised character's source.
 */
export function originalSpan(mt: MappedText, s: number, e: number, original: string): { start: number; end: number } {
  const start = mt.map[s] ?? 0;
  let end: number;
  if (e >= mt.text.length) {
    end = mt.map[mt.text.length] ?? original.length;
  } else {
    // The next normalised char's origin bounds the span, unless it shares the
    // origin of the last char (a replacement that expanded one source run).
    end = mt.map[e] ?? original.length;
    const lastOrigin = mt.map[e - 1] ?? start;
    if (end <= lastOrigin) end = lastOrigin + 1;
  }
  if (end <= start) end = Math.min(original.length, start + 1);
  return { start, end };
}
