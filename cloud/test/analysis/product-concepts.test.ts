import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// preference.product: favouring a kind (trusting it, wanting it "best"), and what is no preference
// (a held product disposed of, years of buying, a choice question, a comparison, a general kind
// where a specific one is named). Sentences written for this test, not taken from a scored set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const products = (text: string): string[] =>
  analyze(convo([['staff', '您看看对哪类产品感兴趣？'], ['customer', text]]), rules, taxonomy).profile
    .filter((p) => p.family === 'preference' && p.tag === 'product')
    .map((p) => p.value);

describe('favouring a kind', () => {
  it('trusting a kind', () => {
    expect(products('黄金我一直是信得过的。')).toContain('gold');
  });
  it('a kind that would be best', () => {
    expect(products('要买的话最好是债券型的基金。')).toContain('fund_bond');
  });
  it('interest in index funds named as 指数的', () => {
    expect(products('指数的我倒是挺感兴趣。')).toContain('fund_index');
  });
});

describe('no preference', () => {
  it.each([
    ['我想把我那只基金先处理掉', 'fund'],
    ['我做理财都快十年了', 'wealth'],
    ['这个到底是理财还是存款啊', 'deposit'],
    ['存定期比买理财放心多了', 'wealth'],
  ])('%s ↛ %s', (text, value) => {
    expect(products(text)).not.toContain(value);
  });
  it('a specific kind of fund is not funds in general', () => {
    const found = products('我想买个混合型的基金。');
    expect(found).toContain('fund_hybrid');
    expect(found).not.toContain('fund');
  });
});

describe('choosing a term among the deposits staff set out', () => {
  const after = (staff: string, customer: string): string[] =>
    analyze(convo([['staff', staff], ['customer', customer]]), rules, taxonomy).profile
      .filter((p) => p.family === 'preference' && p.tag === 'product')
      .map((p) => p.value);
  const offer = '一年期定期一点五，三年期大额存单一点九，二十万起存。';

  it('the chosen term, in any words, is a deposit', () => {
    expect(after(offer, '行，那就三年的吧。')).toContain('deposit');
    expect(after(offer, '我存一年的，下个月钱到了就来。')).toContain('deposit');
    expect(after('您可以考虑一下定期。', '还是六个月定期好了，方便点。')).toContain('deposit');
  });

  it('a question about a term, a term refused, or a term after a fund pitch is not', () => {
    expect(after(offer, '三年的利率多少？')).not.toContain('deposit');
    expect(after(offer, '三年的不行，太长了。')).not.toContain('deposit');
    expect(after('这只债券基金建议持有一年以上。', '那我拿一年的吧。')).not.toContain('deposit');
  });
});
