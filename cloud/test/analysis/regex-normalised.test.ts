import { describe, expect, it } from 'vitest';
import { asNormalised } from '../../src/rules/schema.js';
import { fires } from './helpers.js';

// Turn text is matched after normalisation (一个 → 1个, 唔 → 不); a regular expression's
// literal text is normalised the same way, so a pattern written as people speak matches.
describe('regular expressions read like normalised text', () => {
  it('rewrites numerals and Cantonese words, and leaves regex syntax alone', () => {
    expect(asNormalised('(一|1)个比一个低')).toBe('(一|1)个比1个低');
    expect(asNormalised('唔想(亏|赔)')).toBe('不想(亏|赔)');
    expect(asNormalised('\\d+(\\.\\d+)?(%|个点)|百分之|[?？]')).toBe('\\d+(\\.\\d+)?(%|个点)|百分之|[?？]');
    expect(asNormalised('一定|一下|万一')).toBe('一定|一下|万一');
  });
  it('so a pattern with numerals in words matches the turn it was written for', () => {
    expect(fires({ role: 'customer', match: { regex: '一个比一个低' } }, [['customer', '收益一个比一个低']])).toHaveLength(1);
    expect(fires({ role: 'customer', match: { regex: '亏了一万' } }, [['customer', '去年亏了一万']])).toHaveLength(1);
    expect(fires({ role: 'customer', match: { regex: '唔想亏' } }, [['customer', '我唔想亏']])).toHaveLength(1);
  });
});
