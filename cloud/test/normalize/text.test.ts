import { describe, expect, it } from 'vitest';
import { normalizeMapped, normalizeText, originalSpan, toFullWidth, toHalfWidth } from '../../src/normalize/index.js';

describe('width folding', () => {
  it('folds full-width ASCII and the ideographic space, keeping Chinese punctuation', () => {
    expect(toHalfWidth('ＡＢＣ１２３，！？\u3000好。')).toBe('ABC123,!? 好。');
    expect(toFullWidth('A1,')).toBe('Ａ１，');
  });

  it('lower-cases Latin text in the normalised form', () => {
    expect(normalizeText('ＡＰＰ卡了')).toBe('app卡了');
  });
});

describe('fillers', () => {
  it('removes hesitations and stand-alone fillers from ASR text', () => {
    expect(normalizeText('嗯 那个 就是说 一定要保本的')).toBe('一定要保本的');
    expect(normalizeText('我就是说你们那个手机银行')).toBe('我你们那个手机银行');
  });

  it('keeps 那个 when it is a real demonstrative', () => {
    expect(normalizeText('那个农商行不错')).toBe('那个农商行不错');
  });
});

describe('offset map', () => {
  it('maps every normalised span back to an exact substring of the original', () => {
    const original = '嗯 那个 我有五十万 想放三个月';
    const n = normalizeMapped(original);
    const s = n.text.indexOf('500000');
    const span = originalSpan(n, s, s + 6, original);
    expect(original.slice(span.start, span.end)).toBe('五十万');
    const t = n.text.indexOf('3个月');
    const span2 = originalSpan(n, t, t + 3, original);
    expect(original.slice(span2.start, span2.end)).toBe('三个月');
  });
});

describe('Cantonese function words', () => {
  it('fold to Mandarin with offsets unchanged, so Mandarin rules read them', () => {
    const n = normalizeMapped('我唔想亏钱，冇买过基金');
    expect(n.text).toBe('我不想亏钱,没买过基金');
    expect(originalSpan(n, n.text.indexOf('不想'), n.text.indexOf('不想') + 2, n.original)).toMatchObject({ start: 1, end: 3 });
  });
  it('folds Wu 侬 and 勿要, but not a lone 勿 (请勿 is Mandarin too)', () => {
    expect(normalizeMapped('侬讲的这个我勿要').text).toBe('你讲的这个我不要');
    expect(normalizeMapped('请勿外传').text).toBe('请勿外传');
  });
  it('leaves a lone hesitation 唔 to filler removal', () => {
    expect(normalizeMapped('唔，我想想').text).toBe(',我想想');
  });
});
