import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// basic.investment_experience = novice: never or hardly ever having tried investments, named or as
// "anything else", or not being able to read them. Sentences written for this test, not taken
// from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const experience = (text: string): string[] =>
  analyze(convo([['staff', '您之前投资过吗？'], ['customer', text]]), rules, taxonomy).profile
    .filter((p) => p.family === 'basic' && p.tag === 'investment_experience')
    .map((p) => p.value);

describe('never having tried investments', () => {
  it.each([
    '我就存过定期，其他的从来没弄过。',
    '基金理财啥的我也没接触过。',
    '说实话我没怎么买过这些东西。',
    '股票我从来不碰，理财也从来不买。',
    '那些产品说明我看不懂。',
  ])('%s → novice', (text) => {
    expect(experience(text)).toContain('novice');
  });
});

describe('no novice', () => {
  it.each([
    '基金买过好几年了，没亏过。',
    '我老公从来没买过理财，我买过几只基金。',
    '你们这个没有保本吗？',
    '我不是小白，别的也没少买。',
    '钱都在余额宝里放着，别的没买过。',
  ])('%s ↛ novice', (text) => {
    expect(experience(text)).not.toContain('novice');
  });
});

describe('experienced: having both lost and gained (session 7)', () => {
  it('赔过也赚过 in either order is experience; a loss alone is not', () => {
    const exp = (text: string): boolean => analyze(convo([['staff', '您以前投过什么吗？'], ['customer', text]]), rules, taxonomy).profile
      .some((p) => p.tag === 'investment_experience' && p.value === 'experienced');
    expect(exp('基金买过一点，也赚过也亏过。')).toBe(true);
    expect(exp('股票嘛赔过也赚过，就那样。')).toBe(true);
    expect(exp('就亏过一次，后来再没碰。')).toBe(false);
  });
});

describe('working in the trade', () => {
  it('the customer working at a fund company or a broker is professional', () => {
    expect(experience('我自己就在证券公司做投研的。')).toContain('professional');
    expect(experience('我做了八年交易员，这些都门儿清。')).toContain('professional');
  });
});
