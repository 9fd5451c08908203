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

/**
 * A topic put first and negated after it by the speaker (别的银行我都没去过, 基金我从来不碰,
 * 手机银行俺压根不会用, 其他银行我一家都没开过): the speaker as subject, a few adverbs or a "not a
 * single one" (一家, 一次), then the negator, right after the hit.
 */
const TOPIC_NEGATED = /^的?(?:我们|咱们|我|俺|咱|阿拉)(?:是|也|都|从来|从|压根|根本|一直|向来|还|就|真|基本|完全|可|倒|一[^\s,.!?;。]?)*(?:没|不|别|从没|从不)/u;

/**
 * Whether the match at [start, end) is negated: a negator shortly before it in its clause, or,
 * when `end` is given, the topic-comment form where the speaker negates it right after it.
 */
export function isNegated(text: string, start: number, end?: number): boolean {
  if (end !== undefined && TOPIC_NEGATED.test(text.slice(end, end + 12).replace(NOT_NEGATING, (m) => '_'.repeat(m.length)))) return true;
  let s = start;
  while (s > 0 && start - s < NEGATION_WINDOW && !CLAUSE_BREAK.test(text[s - 1] ?? '')) s--;
  if (s === start) return false;
  const before = text.slice(s, start).replace(NOT_NEGATING, (m) => '_'.repeat(m.length));
  return NEGATORS.test(before);
}
