/**
 * Clauses of a normalised turn: the stretches between pauses (punctuation, or
 * the spaces of ASR text). Negation, exclusion patterns and `sameClause`
 * conditions all read the same pauses.
 */

/** A pause character. */
export const CLAUSE_BREAK = /[\s,，。.!！?？;；:：、…]/u;

/** Whether the character at `i` ends a clause: a pause, but not the point of a decimal number (3.5). */
export function isPause(text: string, i: number): boolean {
  const c = text[i] ?? '';
  if (!CLAUSE_BREAK.test(c)) return false;
  return !(c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

/**
 * The clause each character of a text belongs to: the number of pauses before it. A pause
 * character belongs to the clause it closes, so a question mark is in its question's clause.
 */
export function clauseIndex(text: string): number[] {
  const out = new Array<number>(text.length);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = k;
    if (isPause(text, i)) k++;
  }
  return out;
}
