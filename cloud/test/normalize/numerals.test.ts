import { describe, expect, it } from 'vitest';
import { numeralRunToDigits, parseChineseInteger, parseChineseNumber, normalizeText } from '../../src/normalize/index.js';

describe('Chinese numerals', () => {
  it.each([
    ['五十万', 500_000],
    ['两万', 20_000],
    ['一百五十万', 1_500_000],
    ['十五', 15],
    ['二十', 20],
    ['三千零五十', 3050],
    ['一万二', 12_000],
    ['三百五', 350],
    ['一亿三千万', 130_000_000],
    ['三八一二', 3812],
  ])('%s = %d', (s, n) => {
    expect(parseChineseInteger(s)).toBe(n);
  });

  it('reads decimals', () => {
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(parseChineseNumber('二点一五')).toBe(2.15);
    expect(parseChineseNumber('零点八')).toBe(0.8);
  });

  it('rejects runs that are words, not numbers', () => {
    expect(numeralRunToDigits('千万')).toBeUndefined();
    expect(numeralRunToDigits('万一')).toBeUndefined();
    expect(parseChineseInteger('五五十')).toBeUndefined();
  });

  it('turns approximate counts into ranges', () => {
    expect(numeralRunToDigits('两三')).toBe('2-3');
    expect(numeralRunToDigits('三四万')).toBe('30000-40000');
    expect(numeralRunToDigits('二三十万')).toBe('200000-300000');
    expect(numeralRunToDigits('三五')).toBe('3-5');
  });

  it('rewrites text, leaving lone digits inside words alone', () => {
    expect(normalizeText('我有五十万，放三个月')).toBe('我有500000,放3个月');
    expect(normalizeText('年化百分之三点五')).toBe('年化3.5%');
    expect(normalizeText('一定要比一比，一下就好')).toBe('一定要比一比,一下就好');
    expect(normalizeText('千万别买')).toBe('千万别买');
  });
});

describe('per-mille rates', () => {
  it('reads 千分之 and 万分之 as percentages', () => {
    expect(normalizeText('手续费千分之五')).toBe('手续费0.5%');
    expect(normalizeText('申购费千分之一点五')).toBe('申购费0.15%');
    expect(normalizeText('佣金万分之一')).toBe('佣金0.01%');
  });
});
