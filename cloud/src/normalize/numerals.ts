/**
 * Chinese numerals to Arabic digits: 五十万 → 500000, 两万 → 20000,
 * 一百五十万 → 1500000, 三点五 → 3.5, 百分之三 → 3%, 三八一二 → 3812,
 * 千分之五 → 0.5%, colloquial 一万二 → 12000, approximate ranges 两三 → 2-3, 三四万 → 30000-40000.
 * A lone digit converts only before a measure word (三个月, 一年), so words
 * such as 一定, 一下, 比一比 keep their form.
 * Runs that start with a bare unit (千万 "by all means", 万一 "in case") are
 * words, not numbers, and are left alone.
 */
import { MappedTextBuilder, type MappedText } from './mapped-text.js';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

const MEASURE = /[个年月天周岁元块克次份笔期成折倍号楼层位点万千百亿%]/u;
const NUMERAL_CHARS = '零〇一二两俩三四五六七八九十百千万亿';
const RUN = new RegExp(`[${NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`, 'gu');

function isDigit(ch: string): boolean {
  return ch in DIGITS;
}

/**
 * Value of an integer numeral such as 一百五十万, 十五, 三千零五十, 一万二, 三八一二.
 * Returns undefined when the string is not a well-formed numeral.
 */
export function parseChineseInteger(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const chars = [...s];
  // digit-by-digit strings (工号三八一二, 二零二四)
  if (chars.length >= 2 && chars.every(isDigit)) {
    return Number(chars.map((c) => String(DIGITS[c])).join(''));
  }
  let yi = 0; // count of 亿
  let wan = 0; // count of 万 below the last 亿
  let section = 0; // current section below 万
  let digit: number | undefined;
  let lastUnit = 1; // unit of the last term, for colloquial 一万二 / 三百五
  let sawUnit = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (isDigit(c)) {
      if (digit !== undefined && digit !== 0) return undefined; // 五五 inside a unit numeral
      digit = DIGITS[c] ?? 0;
    } else if (c in SMALL_UNITS) {
      const u = SMALL_UNITS[c] ?? 1;
      if (digit === undefined) {
        if (c !== '十' || i !== 0) return undefined; // only 十 may stand alone (十五)
        digit = 1;
      }
      section += digit * u;
      digit = undefined;
      lastUnit = u;
      sawUnit = true;
    } else if (c in BIG_UNITS) {
      if (digit !== undefined) section += digit;
      digit = undefined;
      if (c === '万') {
        if (section === 0) return undefined; // 万 without a count
        wan = section;
        lastUnit = 10_000;
      } else {
        const below = wan * 10_000 + section;
        if (below === 0 && yi === 0) return undefined;
        yi = yi + below; // 亿 counts everything before it
        wan = 0;
        lastUnit = 100_000_000;
      }
      section = 0;
      sawUnit = true;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) {
    // trailing digit after a unit is one order below it: 一万二 = 12000, 三百五 = 350
    const prev = chars[chars.length - 2];
    if (sawUnit && prev !== undefined && !isDigit(prev) && prev !== '零' && lastUnit >= 100) section += digit * (lastUnit / 10);
    else section += digit;
  }
  return yi * 100_000_000 + wan * 10_000 + section;
}

/** Value of a numeral with an optional decimal part: 三点五 → 3.5, 二点一五 → 2.15. */
export function parseChineseNumber(s: string): number | undefined {
  const dot = s.indexOf('点');
  if (dot < 0) return parseChineseInteger(s);
  const int = dot === 0 ? 0 : parseChineseInteger(s.slice(0, dot));
  if (int === undefined) return undefined;
  const frac = [...s.slice(dot + 1)];
  if (frac.length === 0 || !frac.every(isDigit)) return undefined;
  return Number(`${int}.${frac.map((c) => String(DIGITS[c])).join('')}`);
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/**
 * Arabic form of one numeral run, or undefined to leave it as written.
 * Handles approximate ranges (两三, 三四万, 二三十万 → "a-b").
 */
export function numeralRunToDigits(run: string): string | undefined {
  const chars = [...run];
  const first = chars[0] ?? '';
  if (!isDigit(first) && first !== '十') return undefined; // 千万, 万一, 百分 …
  const second = chars[1];
  if (second !== undefined && isDigit(first) && isDigit(second)) {
    const a = DIGITS[first] ?? 0;
    const b = DIGITS[second] ?? 0;
    const rest = chars.slice(2).join('');
    const restIsUnits = rest.length > 0 && [...rest].every((c) => c in SMALL_UNITS || c in BIG_UNITS);
    // adjacent counts (两三, 三四万) or a short pair such as 三五年 / 一两个 are ranges
    const isRange = (b === a + 1 && a > 0) || (chars.length === 2 && a > 0 && b > a && b - a <= 2);
    if (isRange && (rest.length === 0 || restIsUnits)) {
      const lo = parseChineseNumber(first + rest);
      const hi = parseChineseNumber(second + rest);
      if (lo !== undefined && hi !== undefined) return `${format(lo)}-${format(hi)}`;
    }
  }
  const v = parseChineseNumber(run);
  return v === undefined ? undefined : format(v);
}

/** Replace numeral runs (and 百分之N) with Arabic digits, keeping the offset map. */
export function convertNumerals(src: MappedText): MappedText {
  const text = src.text;
  const b = new MappedTextBuilder(src);
  let copiedTo = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    let start = m.index;
    let run = m[0];
    let percent = false;
    // 百分之三 / 千分之五 / 万分之一: the run is 百/千/万, then 分之, then the number
    let scale = 1;
    if ((run === '百' || run === '千' || run === '万') && text.startsWith('分之', start + 1)) {
      const after = new RegExp(`^[${NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`, 'u').exec(text.slice(start + 3));
      if (after) {
        percent = true;
        scale = run === '百' ? 1 : run === '千' ? 0.1 : 0.01;
        run = after[0];
        RUN.lastIndex = start + 3 + run.length;
      }
    }
    // a lone digit is a number only before a measure word (三个月, 两万, 一年);
    // elsewhere it is part of a word (一定, 一下, 比一比, 一样) and stays as written
    if (!percent && [...run].length === 1 && isDigit(run) && !MEASURE.test(text[start + 1] ?? '')) continue;
    let digits = numeralRunToDigits(run);
    if (digits === undefined) continue;
    if (percent && scale !== 1) {
      const v = parseChineseNumber(run);
      if (v === undefined) continue;
      digits = format(v * scale);
    }
    const end = percent ? start + 3 + run.length : start + m[0].length;
    b.copy(copiedTo, start);
    b.replace(start, end, percent ? `${digits}%` : digits);
    copiedTo = end;
    start = end;
  }
  b.copy(copiedTo, text.length);
  return b.build();
}
