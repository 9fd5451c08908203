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

describe('a tolerated loss, by its size', () => {
  it('a loss of a few points tolerated is a medium appetite', () => {
    expect(found('跌个六七个点我还扛得住，再多就不行。')).toContain('preference.risk=medium');
    expect(found('跌个六七个点我还扛得住，再多就不行。')).not.toContain('preference.risk=high');
  });
  it('a loss of tens of points tolerated is a high appetite', () => {
    expect(found('跌个三四十个点我都扛得住。')).toContain('preference.risk=high');
  });
  it('a gamble taken on oneself is a high appetite', () => {
    expect(found('年轻嘛，赌一把，亏了算我的。')).toContain('preference.risk=high');
  });
  it('not a cent put at risk is capital preserving', () => {
    expect(found('养老的钱，我一分都不想冒险。')).toContain('preference.risk=capital_preserving');
  });
});

describe('a short wait and a known name', () => {
  const said = (text: string): string[] =>
    analyze(convo([['staff', '您好，您办什么业务？'], ['customer', text]]), rules, taxonomy).profile.map((p) => `${p.family}.${p.tag}=${p.value}`);
  it('hardly any queue is a short wait', () => {
    expect(said('今天倒是没怎么排队，挺好。')).toContain('feedback.positive=branch_short_wait');
    expect(said('你们这排队倒是快。')).toContain('feedback.positive=branch_short_wait');
  });
  it('an old name everyone knows is a well-known brand', () => {
    expect(said('你们是老牌子了，街坊都晓得。')).toContain('feedback.positive=brand_well_known');
    expect(said('你们锦程名气挺响的。')).toContain('feedback.positive=brand_well_known');
  });
  it('sharp words from staff are a bad attitude', () => {
    expect(said('你这小伙子说话咋这么冲？')).toContain('feedback.negative=service_attitude_bad');
    expect(said('你这是什么话，我还不能问了？')).toContain('feedback.negative=service_attitude_bad');
  });
  it('a product the bank sold that still loses is a low return', () => {
    expect(said('你们前年给我推的那只基金，到现在还跌着两成。')).toContain('feedback.negative=product_low_return');
    expect(said('现在这利息跟前几年比差远了。')).toContain('feedback.negative=product_low_return');
  });
});

describe('risk appetite in other words', () => {
  it('a bounded loss tolerated, whatever the tolerance word, is medium', () => {
    expect(found('亏个三五个点 我顶得住')).toContain('preference.risk=medium');
    expect(found('回撤百分之八以内我能接受。')).toContain('preference.risk=medium');
  });
  it('a loss of tens of percent accepted is high', () => {
    expect(found('跌个百分之二三十我也认，放得久。')).toContain('preference.risk=high');
  });
  it('not a cent less, in any wording, is capital preserving', () => {
    expect(found('本金千万不能少，别的都好说。')).toContain('preference.risk=capital_preserving');
    expect(found('不保本我就不买了。')).toContain('preference.risk=capital_preserving');
  });
  it('wanting it steady and certain is stable', () => {
    expect(found('孩子的钱，确定性最重要，收益其次。')).toContain('preference.risk=stable');
  });
});
