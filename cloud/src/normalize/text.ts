/**
 * The normalisation stage: width folding → filler removal → Cantonese function
 * words to Mandarin → Chinese numerals,
 * composed so the result still maps back to the original text.
 */
import { identity, type MappedText } from './mapped-text.js';
import { toHalfWidth } from './width.js';
import { removeFillers } from './fillers.js';
import { foldCantonese } from './dialect.js';
import { convertNumerals } from './numerals.js';
import { extractQuantities, type Quantity } from './quantities.js';

export interface NormalizeOptions {
  /** remove spoken fillers (default true) */
  fillers?: boolean;
  /** convert Chinese numerals to digits (default true) */
  numerals?: boolean;
  /** lower-case Latin letters (default true) */
  lowercase?: boolean;
  /** fold Cantonese function words to Mandarin: 唔 → 不, 冇 → 没 (default true) */
  dialect?: boolean;
}

export interface NormalizedText extends MappedText {
  readonly original: string;
  readonly quantities: readonly Quantity[];
}

export function normalizeMapped(original: string, opts: NormalizeOptions = {}): NormalizedText {
  let folded = toHalfWidth(original);
  if (opts.lowercase !== false) folded = folded.toLowerCase();
  let mt: MappedText = { text: folded, map: identity(folded).map };
  if (opts.fillers !== false) mt = removeFillers(mt);
  // after filler removal, so a lone hesitation 唔 is gone and every 唔 left is a negation
  if (opts.dialect !== false) mt = { text: foldCantonese(mt.text), map: mt.map };
  if (opts.numerals !== false) mt = convertNumerals(mt);
  return { text: mt.text, map: mt.map, original, quantities: extractQuantities(mt, original) };
}

/** Normalised text only (for the pipeline's normalise stage and for search). */
export function normalizeText(original: string, opts: NormalizeOptions = {}): string {
  return normalizeMapped(original, opts).text;
}
