/**
 * Who a customer's words are about. Customers often speak of someone else: a spouse who bought
 * an insurance policy (他以前买过一个分红险), another bank's adviser who talked well (那个小姑娘讲得
 * 天花乱坠), a daughter who does the banking on her phone (都是我闺女在手机上弄). Such a statement
 * says nothing about the customer's own platforms, experience, channels or opinion of this bank.
 *
 * A hit is someone else's when, in its clause before the hit, a third person stands as the
 * subject: a third-person pronoun (他, 她, 伊 as Wu "he/she", 人家, 他们) or a relative, friend or
 * other person (我老公, 我闺女, 邻居, 同事, 那个小姑娘). A person after a preposition
 * (跟我老公, 给我儿子, 帮他, 替她) is an object: the customer is still the one acting, so it does
 * not count; nor does 我们/咱们 (the customer is part of it).
 */
import { isPause } from './clauses.js';

/**
 * A third person as a noun phrase: pronouns (not 他行, another bank), children, parents and other
 * relatives, friends and colleagues, another firm's staff. A spouse is left out: the corpus counts
 * a household's holdings and advisers as the customer's (我老公在太平洋保险有熟人).
 */
const THIRD_PERSON = new RegExp(
  [
    '他们?(?!行)', '她们?', '人家', '伊(?![个搿])',
    '(?:我|俺|阿拉|我家|俺家|咱家)?(?:闺女|女儿|儿子|孩子|爸妈|父母|爸爸|妈妈|我爸|我妈|老爸|老妈|公公|婆婆|岳父|岳母|女婿|儿媳|孙子|孙女|外孙|姐姐|妹妹|哥哥|弟弟|亲戚)',
    '(?:我的?)?(?:朋友|同事|邻居|闺蜜|老同学|同学|老乡|熟人)',
    '(?:那个|这个|伊个|搿个)(?:小姑娘|小伙子|经理|业务员|客户经理|理财经理|销售|人)',
  ].join('|'),
  'gu',
);

/** Words before a person that make it an object of the customer's action, not the subject. */
const OBJECT_MARKER = /(?:跟|和|同|与|给|帮|替|为|让|带|陪|问|叫|找|教|请)$/u;

/** A person addressed (你这个小伙子, 闺女你说得清楚) is staff, not a third person. */
const ADDRESS_BEFORE = /[你您]$/u;
const ADDRESS_AFTER = /^[你您]/u;

/**
 * A person who reports something (我同事说你们的APP好用) passes on an opinion the customer shares
 * or asks about: the corpus counts it. 讲得 is a manner, not a report (那个小姑娘讲得天花乱坠).
 */
const REPORTS = /^(?:说|讲(?!得)|觉得|认为|推荐|告诉我)/u;

/** Start of the clause that contains position `i` of a normalised text. */
function clauseStart(text: string, i: number): number {
  let k = Math.min(i, text.length) - 1;
  while (k >= 0 && !isPause(text, k)) k--;
  return k + 1;
}

/**
 * Whether the hit starting at `start` in the normalised text is about someone else: a third
 * person is the subject of its clause before the hit (the person itself may begin the hit:
 * 他在平安买过保险 is about him).
 */
export function aboutSomeoneElse(text: string, start: number): boolean {
  const from = clauseStart(text, start);
  const stretch = text.slice(from, Math.min(text.length, start + 4));
  for (const m of stretch.matchAll(THIRD_PERSON)) {
    if (from + m.index > start) break;
    const before = stretch.slice(0, m.index);
    const after = text.slice(from + m.index + m[0].length);
    if (OBJECT_MARKER.test(before) || ADDRESS_BEFORE.test(before) || ADDRESS_AFTER.test(after)) continue;
    if (REPORTS.test(after)) continue;
    return true;
  }
  return false;
}
