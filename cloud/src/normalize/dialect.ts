/**
 * Cantonese (and a few Wu) function words folded to their Mandarin equivalents, so rules
 * written in Mandarin read a Cantonese-speaking customer too: 我唔想亏 is
 * 我不想亏, 冇买过 is 没买过, 我讲咗 is 我讲了. Only words that are never
 * anything else in Mandarin text are folded; each replacement has the same
 * length, so offsets back to the original are unchanged.
 */
const PAIRS: readonly [string, string][] = [
  ['乜嘢', '什么'],
  ['点解', '为何'],
  ['唔', '不'],
  ['冇', '没'],
  ['嘅', '的'],
  ['咗', '了'],
  ['佢', '他'],
  ['啲', '些'],
  ['睇', '看'],
  ['俾', '给'],
  ['淨', '净'],
  // Wu (Shanghainese): 侬 you, 勿要 don't want (a lone 勿 stays: 请勿 is Mandarin too)
  ['勿要', '不要'],
  ['侬', '你'],
];

const FIND = new RegExp(PAIRS.map(([c]) => c).join('|'), 'gu');
const TO = new Map(PAIRS);

/** The text with Cantonese function words in Mandarin (same length). */
export function foldCantonese(text: string): string {
  return text.replace(FIND, (m) => TO.get(m) ?? m);
}
