import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// preference.term is how long the customer's money can stay, not any span of time in a turn:
// a rate per period, a frequency, time already spent, a bill or a question back are none.
// Sentences written for this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const terms = (text: string): string[] =>
  analyze(convo([['staff', '我们这有几款理财，您看看。'], ['customer', text]]), rules, taxonomy).profile
    .filter((p) => p.family === 'preference' && p.tag === 'term')
    .map((p) => p.value);

describe('a span of time that is no holding period', () => {
  it.each([
    '我放在微信里，一年才一块几毛的利息，一年也就两个点不到。',
    '你们客服一个星期打了四回了，烦不烦。',
    '我买基金都快十年了，这些我懂。',
    '那就是要存三年了？',
    '我这张卡上个月突然扣了一个年费。',
  ])('%s → no term', (text) => {
    expect(terms(text)).toEqual([]);
  });
});

describe('a holding period still reads', () => {
  it.each([
    ['这笔钱放个一年没问题。', 'm6_to_m12'],
    ['三年五年都行，我不着急用。', 'gt_1y'],
  ])('%s → %s', (text, value) => {
    expect(terms(text)).toContain(value);
  });
});

describe('periods that are no holding period (session 7)', () => {
  it.each([
    '这个理财一年能多拿个五六千？',
    '每个月存个几百块，攒着。',
    '工资卡一年要扣十二块钱年费。',
    '这三个月店里生意一般。',
    '到账要三天，太慢了。',
    '头一年免费，第二年才收。',
    '我下个月出国，回来再说。',
    '那个客户经理跟了我五六年了。',
    // 一年 as the period of a rate or a fee (rules -51)
    '这款一年下来比定期能多多少？',
    '那一年要交多少钱？',
    '这个一年费用多少？',
  ])('%s states no term', (text) => {
    expect(terms(text)).toEqual([]);
  });
  it('a period the customer would place the money for still counts', () => {
    expect(terms('这钱我能放一年左右。')).toContain('m6_to_m12');
    expect(terms('最多放三个月，下个月内也可能要用。')).not.toEqual([]);
  });
});

describe('how much of a year', () => {
  it('most of a year is six to twelve months', () => {
    expect(terms('这笔钱放个大半年应该没问题。')).toEqual(['m6_to_m12']);
  });
  it('between half a year and a year is six to twelve months', () => {
    expect(terms('半年以上一年以内都可以放。')).toEqual(['m6_to_m12']);
  });
  it('a year of complaints is no holding period', () => {
    expect(terms('你们这活动一年到头也没几回。')).toEqual([]);
    expect(terms('你们三天两头打电话，烦死了。')).toEqual([]);
  });
});
