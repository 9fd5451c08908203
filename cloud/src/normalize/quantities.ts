/**
 * Amounts, durations and percentages found in normalised text (digits already
 * Arabic). Spans refer to the ORIGINAL text through the offset map.
 *
 * - amount: money in yuan (五十万 → 500000, 3万 → 30000, 两三万 → 20000..30000);
 *   a number counts as money when it carries 万/千/元/块, or when it was
 *   written as a Chinese numeral with 万/亿 in it.
 * - duration: in days (三个月 → 90, 半年 → 180, 一年 → 365, 三五年 → 1095..1825,
 *   一年多 / 一年以上 → 365..547, 十天半个月 → 10..15, 个把月 → 30, 一年半载 → 180..365,
 *   大半年 → 210..330, 小半年 → 120..170); 一年到头, 三天两头 and 一天到晚 are not horizons.
 * - percent: 3.5% / 3.5个点 / 百分之三 / 三成 (→ 30), and a bare rate after a
 *   rate word (收益起码得三点五 → 3.5), and the spoken 三个二 (3.2%) after a
 *   rate word or 一年, and 三个半 (3.5%) after a rate word or before 就满意了, and a
 *   bare decimal before contentment (有个三点二我就满意了 → 3.2).
 */
import { originalSpan, type MappedText } from './mapped-text.js';

export type QuantityKind = 'amount' | 'duration' | 'percent';

export interface Quantity {
  kind: QuantityKind;
  /** lower bound (or the value) — yuan, days or percent */
  value: number;
  /** upper bound when the text gives a range (两三万, 2%-3%), else equal to value */
  max: number;
  /** span in the original text */
  start: number;
  end: number;
  /** the original text of the span */
  text: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?)(?:\s*(?:-|~|到|至)\s*(\d+(?:\.\d+)?))?`;

const AMOUNT = new RegExp(String.raw`${NUM}\s*(多|来|几)?\s*(万|千|百)?\s*(多|来|几)?\s*(元|块钱|块)?`, 'gu');
const DURATION = new RegExp(String.raw`${NUM}\s*(个)?\s*(多|几|来)?\s*(个月|月|年|天|日|周|个星期|星期|礼拜)(?!前|底|初|份|号|费|薪|假|终|检|龄|级|到头|到晚|两头|打鱼)`, 'gu');
const PERCENT = new RegExp(String.raw`(\d+(?:\.\d+)?)(?:\s*%?\s*(?:-|~|到|至)\s*(\d+(?:\.\d+)?))?\s*(%|个点|成)`, 'gu');
/** A bare rate after a rate word: 收益起码得三点五, 年化二点六到三点一 (read as percent when < 30). */
const BARE_RATE = /(年化|收益率?|利率|利息|回报|基准)[^,，。;；\d]{0,6}?(\d+(?:\.\d+)?)(?:\s*(?:-|~|到|至)\s*(\d+(?:\.\d+)?))?(?![\d%万千元块年月天个.\-~到至])/gu;
/** 2.6%到3.1: the unit written on the first number only. */
const PERCENT_LEADING = /(\d+(?:\.\d+)?)%\s*(?:-|~|到|至)\s*(\d+(?:\.\d+)?)(?![\d%.])/gu;
/** Spoken rates: 一年三个二 = 3.2%, 利率两个八 = 2.8% (integer 个 tenth digit, after a rate word). */
const SPOKEN_RATE = /(年化|收益率?|利率|利息|回报|基准|一年|1年)[^,，。;；\d]{0,4}?(\d)个([一二两三四五六七八九]|\d(?![\d.]))(?![个万千元块年月天周日点%克])/gu;
/**
 * A floor on a rate in the clause after one that names the rate: 收益好点的，至少得二点五以上 → 2.5.
 * Read as percent only when a rate word occurs shortly before and the number is below 20.
 */
const RATE_FLOOR = /(至少|起码|最少|最低|不低于)[得要能有个也]{0,3}(\d+(?:\.\d+)?)(?![\d%万千元块年月天周日个克.])/gu;
const RATE_WORD_BEFORE = /(年化|收益|利率|利息|回报|基准)[^。;；!?]{0,16}$/u;
const SPOKEN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HALF_YEAR = /(?<![大小])半年|(?<![大小])半个月|一年半(?!载)|1年半(?!载)/gu;
/**
 * Spoken horizons without a plain count: 个把月 (about a month), 个把星期, 年把 and
 * 一年半载 (half a year to a year).
 */
const IDIOM_HORIZON: readonly [RegExp, number, number][] = [
  [/个把月/gu, 30, 30],
  [/个把(星期|礼拜)/gu, 7, 7],
  [/(1|一)?年半载|年把/gu, 180, 365],
  // 大半年 is most of a year (seven to eleven months), 小半年 not quite six months
  [/大半年/gu, 210, 330],
  [/小半年/gu, 120, 170],
  [/大半个月/gu, 20, 25],
  [/小半个月/gu, 10, 14],
];
/** 一年多, 三个月以上, 两年出头: somewhat more than the count (read as up to half a unit more). */
const MORE_THAN = /^(以上|多|出头|往上)/u;
/**
 * N个半 with no unit after it (三个半左右): a rate of N.5 % when a rate word or a one-year
 * period comes shortly before, or contentment follows (三个半我就满意了).
 */
const HALF_RATE = /(\d)个半(?!小时|钟头|月|年|天|星期|礼拜|点|%)/gu;
const HALF_RATE_BEFORE = /(年化|收益|利率|利息|回报|基准|1年|每年)[^。;；!?]{0,16}$/u;
const HALF_RATE_AFTER = /^(左右|上下)?(的)?(话)?(我)?(就|也)?(满意|知足|可以|行|够了)/u;
/** A bare decimal before contentment (能有个三点二我就满意了): a rate in percent when below 20. */
const CONTENT_RATE = /(?<![\d.])(\d+\.\d+)(?=(左右|上下)?(的)?(话)?(我)?(就|也)?(满意|知足|够了))/gu;

function toNum(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

export function extractQuantities(mt: MappedText, original: string): Quantity[] {
  const out: Quantity[] = [];
  const t = mt.text;
  const push = (kind: QuantityKind, lo: number, hi: number, s: number, e: number): void => {
    const span = originalSpan(mt, s, e, original);
    out.push({ kind, value: lo, max: hi, start: span.start, end: span.end, text: original.slice(span.start, span.end) });
  };

  for (const m of t.matchAll(PERCENT)) {
    const a = toNum(m[1]) ?? 0;
    const b = toNum(m[2]) ?? a;
    const scale = m[3] === '成' ? 10 : 1;
    push('percent', a * scale, b * scale, m.index, m.index + m[0].length);
  }

  // 两个半点 / 3个半点: N and a half percent
  for (const m of t.matchAll(/(\d+)个半(点|%)/gu)) {
    const v = (toNum(m[1]) ?? 0) + 0.5;
    push('percent', v, v, m.index, m.index + m[0].length);
  }

  for (const m of t.matchAll(PERCENT_LEADING)) {
    push('percent', toNum(m[1]) ?? 0, toNum(m[2]) ?? 0, m.index, m.index + m[0].length);
  }

  for (const m of t.matchAll(BARE_RATE)) {
    const a = toNum(m[2]) ?? 0;
    const b = toNum(m[3]) ?? a;
    if (b >= 30 || a <= 0) continue;
    const numStart = m.index + m[0].indexOf(m[2] ?? '', (m[1] ?? '').length);
    push('percent', a, b, numStart, m.index + m[0].length);
  }

  for (const m of t.matchAll(RATE_FLOOR)) {
    const v = toNum(m[2]) ?? 0;
    if (v <= 0 || v >= 20) continue;
    const numStart = m.index + m[0].length - (m[2] ?? '').length;
    if (!RATE_WORD_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
    // already read as a rate (收益起码得三点五)
    const at = originalSpan(mt, numStart, numStart + 1, original).start;
    if (out.some((q) => q.kind === 'percent' && at >= q.start && at < q.end)) continue;
    push('percent', v, v, numStart, m.index + m[0].length);
  }

  for (const m of t.matchAll(HALF_RATE)) {
    const after = t.slice(m.index + m[0].length);
    if (!HALF_RATE_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index)) && !HALF_RATE_AFTER.test(after)) continue;
    const v = (toNum(m[1]) ?? 0) + 0.5;
    push('percent', v, v, m.index, m.index + m[0].length);
  }

  for (const m of t.matchAll(CONTENT_RATE)) {
    const v = toNum(m[1]) ?? 0;
    if (v <= 0 || v >= 20) continue;
    const at = originalSpan(mt, m.index, m.index + 1, original).start;
    if (out.some((q) => q.kind === 'percent' && at >= q.start && at < q.end)) continue;
    push('percent', v, v, m.index, m.index + m[0].length);
  }

  for (const m of t.matchAll(SPOKEN_RATE)) {
    const tenth = SPOKEN_DIGIT[m[3] ?? ''] ?? Number(m[3]);
    const v = (toNum(m[2]) ?? 0) + tenth / 10;
    const numStart = m.index + m[0].length - (m[2] ?? '').length - 1 - (m[3] ?? '').length;
    push('percent', v, v, numStart, m.index + m[0].length);
  }

  // durations, then 半年到一年-style pairs merged into one range
  const durations: { lo: number; hi: number; s: number; e: number }[] = [];
  for (const m of t.matchAll(DURATION)) {
    const a = toNum(m[1]) ?? 0;
    const b = toNum(m[2]) ?? a;
    const unit = m[5] ?? '';
    if (unit === '月' && m[3] === undefined) continue; // 3月 is March, not three months
    if (unit === '年' && a >= 1900) continue; // a calendar year
    const days = unit.includes('月') ? 30 : unit === '年' ? 365 : unit === '天' || unit === '日' ? 1 : 7;
    const more = MORE_THAN.exec(t.slice(m.index + m[0].length));
    const e = m.index + m[0].length + (more ? more[0].length : 0);
    durations.push({ lo: a * days, hi: b * days + (more ? days / 2 : 0), s: m.index, e });
  }
  for (const [re, lo, hi] of IDIOM_HORIZON) {
    for (const m of t.matchAll(re)) durations.push({ lo, hi, s: m.index, e: m.index + m[0].length });
  }
  for (const m of t.matchAll(HALF_YEAR)) {
    const days = m[0] === '半个月' ? 15 : m[0] === '半年' ? 180 : 545;
    durations.push({ lo: days, hi: days, s: m.index, e: m.index + m[0].length });
  }
  // a count inside a wider reading of the same words (一年 in 一年半, 一年半载) is dropped
  const widest = durations.filter((d) => !durations.some((o) => o !== d && o.s <= d.s && d.e <= o.e && o.e - o.s > d.e - d.s));
  widest.sort((x, y) => x.s - y.s);
  for (let i = 0; i < widest.length; i++) {
    const d = widest[i];
    if (!d) continue;
    const next = widest[i + 1];
    // 半年到一年, 半年以上一年以内, and two counts side by side (十天半个月)
    if (next && /^\s*(以上|往上)?\s*(到|至|-|~)?\s*$/u.test(t.slice(d.e, next.s)) && next.hi >= d.lo) {
      push('duration', d.lo, next.hi, d.s, next.e);
      i++;
    } else {
      push('duration', d.lo, d.hi, d.s, d.e);
    }
  }

  for (const m of t.matchAll(AMOUNT)) {
    if (m[0].trim().length === 0) continue;
    const a = toNum(m[1]) ?? 0;
    const b = toNum(m[2]) ?? a;
    const unit = m[4];
    const currency = m[6];
    const end = m.index + m[0].length;
    const nextCh = t[end];
    // skip what is clearly not money
    if (nextCh !== undefined && /[%个年月天日周号岁点克期折成倍次楼层分秒]/u.test(nextCh) && currency === undefined) continue;
    const origStart = mt.map[m.index] ?? 0;
    const wasChinese = /[零〇一二两三四五六七八九十百千万亿]/u.test(original[origStart] ?? '');
    const origSpan = originalSpan(mt, m.index, m.index + (m[1]?.length ?? 0) + (m[2] ? m[0].indexOf(m[2]) + m[2].length - (m[1]?.length ?? 0) : 0), original);
    const writtenWithWan = wasChinese && /[万亿]/u.test(original.slice(origSpan.start, origSpan.end + 1));
    if (unit === undefined && currency === undefined && !writtenWithWan) continue;
    const mult = unit === '万' ? 10_000 : unit === '千' ? 1000 : unit === '百' ? 100 : 1;
    push('amount', a * mult, b * mult, m.index, end);
  }
  // overlapping finds of one kind: keep the widest (2.6%到3.1 over 2.6%)
  const kept = out.filter((q) => !out.some((o) => o !== q && o.kind === q.kind && o.start <= q.start && q.end <= o.end && (o.end - o.start > q.end - q.start || (o.end - o.start === q.end - q.start && out.indexOf(o) < out.indexOf(q)))));
  kept.sort((x, y) => x.start - y.start || x.kind.localeCompare(y.kind));
  return kept;
}
