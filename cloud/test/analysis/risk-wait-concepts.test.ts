import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// Risk appetite stated as a self-description or a limit, and complaints about a long wait or a
// lone branch. Sentences written for this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const found = (text: string): string[] =>
  analyze(convo([['staff', '您对风险怎么看？'], ['customer', text]]), rules, taxonomy).profile
    .map((p) => `${p.family}.${p.tag}=${p.value}`);

describe('risk appetite', () => {
  it('placing oneself in the middle is medium', () => {
    expect(found('我应该属于中等的吧，不激进也不保守。')).toContain('preference.risk=medium');
  });
  it('no big swings is stable', () => {
    expect(found('涨跌一点我理解，就是受不了大起大落。')).toContain('preference.risk=stable');
  });
  it('the principal must not be touched is capital preserving', () => {
    expect(found('本钱可不能少，别的好商量。')).toContain('preference.risk=capital_preserving');
  });
  it('a stated self-description that is a question is none', () => {
    expect(found('中等风险是什么意思？')).not.toContain('preference.risk=medium');
  });
});

describe('branch complaints', () => {
  it('a long wait with its length', () => {
    expect(found('我在这等了快一个多小时了还没叫到我。')).toContain('feedback.negative=branch_long_wait');
    expect(found('排了四十多分钟都没轮上。')).toContain('feedback.negative=branch_long_wait');
  });
  it('a short wait is no complaint', () => {
    expect(found('等了五分钟就办好了。')).not.toContain('feedback.negative=branch_long_wait');
  });
  it('only one branch nearby', () => {
    expect(found('我们那边就一个网点，还老关门。')).toContain('feedback.negative=branch_few');
  });
});
