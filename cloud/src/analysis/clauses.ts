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
 * A question tag that asks about the statement before it (…银行倒了不赔，是真的不？ / …保本，对吧？):
 * on its own it has no topic, so it joins the clause it asks about.
 */
const QUESTION_TAG = /^(?:是|对|真|真的|是真的|是不是|是不是真的|对不对|真的假的|有这回事|有这事|是这样|是这样的)(?:吗|吧|不|么|啊|呀|嘛|哈|呢)?$/u;

/**
 * The clause each character of a text belongs to: the number of pauses before it. A pause
 * character belongs to the clause it closes, so a question mark is in its question's clause,
 * and a question tag (是真的不？, 对吧？) belongs to the clause before it.
 */
export function clauseIndex(text: string): number[] {
  const out = new Array<number>(text.length);
  let k = 0;
  let start = 0;
  // join a tag clause [from, to] (its mark included) to the clause it asks about
  const joinTag = (from: number, to: number): void => {
    if (from > 0 && QUESTION_TAG.test(text.slice(from, to).trim())) {
      const prev = out[from - 1] ?? 0;
      for (let j = from; j <= to && j < text.length; j++) out[j] = prev;
    }
  };
  for (let i = 0; i < text.length; i++) {
    out[i] = k;
    if (isPause(text, i)) {
      joinTag(start, i);
      k++;
      start = i + 1;
    }
  }
  // the last clause may be a tag with no mark after it (…不收手续费，是真的吗)
  if (start < text.length) joinTag(start, text.length);
  return out;
}
