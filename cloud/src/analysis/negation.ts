/**
 * Negation of a match: 不保本, 我们不能承诺保本, 我不是小白, 没亏过. A match is
 * negated when a negator occurs shortly before it in the same clause.
 * Compounds that contain a negator character without negating (不过 "but",
 * 不错 "good", 非常 "very", 别的 "other", 特别 "especially", 未来 "future",
 * 区别 "difference" …) are masked first, and so are the yes-no questions 有没有, 能不能, 可不可以 (有没有保本的, 能不能给我推荐个货币基金 ask,
 * they do not negate).
 */
import { CLAUSE_BREAK } from './clauses.js';

const NEGATORS = /[不没别未非无勿莫甭]/u;
const NOT_NEGATING = /实在不行|特别|分别|区别|差别|级别|类别|识别|告别|别墅|未来|不得不|非得|无限|不行的话|要不然|不然的话|不过|不错|不少|不久|不断|不仅|不同|不好意思|差不多|不然|要不|不如|了不起|不得了|不管|非常|别的|别人|别家|无论|无所谓|没事|没关系|没问题|不一样|有没有|能不能|可不可以/gu;

/** How far back (in normalised characters) a negator can reach. */
export const NEGATION_WINDOW = 10;

export function isNegated(text: string, start: number): boolean {
  let s = start;
  while (s > 0 && start - s < NEGATION_WINDOW && !CLAUSE_BREAK.test(text[s - 1] ?? '')) s--;
  if (s === start) return false;
  const before = text.slice(s, start).replace(NOT_NEGATING, (m) => '_'.repeat(m.length));
  return NEGATORS.test(before);
}
