import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// preference.product: favouring a kind (trusting it, wanting it "best"), and what is no preference
// (a held product disposed of, years of buying, a choice question, a comparison, a general kind
// where a specific one is named). Sentences written for this test, not taken from a scored set.
const taxonomy = loadTaxonomy();
const rules = loadRuleSet(undefined, taxonomy);
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
