import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// feedback.positive as an appraisal: a thing judged (the explanation, the attitude, the
// offer, the app, the wait) and a positive judgement after any number of degree words, in
// Mandarin and dialect. Sentences written for this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const positives = (text: string): string[] =>
  analyze(convo([['staff', '您看还有什么不清楚的？'], ['customer', text]]), rules, taxonomy).profile
    .filter((p) => p.family === 'feedback' && p.tag === 'positive')
    .map((p) => p.value);

describe('a positive judgement after any degree words', () => {
  it.each([
    ['小伙子你解释得真是透彻', 'service_professional'],
    ['你介绍得贼明白，我一听就懂', 'service_professional'],
    ['侬讲得老清爽额', 'service_professional'],
    ['你们这个服务也蛮到位的', 'service_attitude_good'],
    ['柜台那个姑娘态度倒是一直挺好', 'service_attitude_good'],
    // in other words (rules -52)
    ['你们这儿服务是真到位', 'service_attitude_good'],
    ['这个小伙子说话中听，人也实在', 'service_attitude_good'],
    ['态度嘛是没话说', 'service_attitude_good'],
    ['你们这口碑向来都不错', 'brand_reputation_good'],
    ['你们行里的产品还真挺丰富', 'product_rich'],
    ['这次送的礼品还挺实惠的', 'activity_generous'],
    ['你们那个手机银行我早用顺了', 'system_easy'],
    ['我原以为得等半天呢', 'branch_short_wait'],
  ])('%s → %s', (text, value) => {
    expect(positives(text)).toContain(value);
  });
});

describe('no praise without a positive judgement', () => {
  it.each([
    ['你讲得不清楚，我还是没听懂', 'service_professional'],
    ['说了半天我也没明白', 'service_professional'],
    ['态度不好我就投诉', 'service_attitude_good'],
    ['你态度能好一点吗', 'service_attitude_good'],
    ['活动可以参加吗', 'activity_generous'],
    ['东西太少了，没啥可选的', 'product_rich'],
    ['我以为要等半天，结果真等了一上午', 'branch_short_wait'],
  ])('%s ↛ %s', (text, value) => {
    expect(positives(text)).not.toContain(value);
  });

  it('an app that feels handy is easy to use, not a smooth one', () => {
    const found = positives('你们那个app我用着挺顺手');
    expect(found).toContain('system_easy');
    expect(found).not.toContain('system_smooth');
  });
});

// Session 7: negative judgements with degree words and hedged negations (sentences written for this test).
describe('a negative judgement after any degree words (session 7)', () => {
  const negatives = (text: string): string[] =>
    analyze(convo([['staff', '我们行这款理财您了解一下，起点一万。'], ['customer', text]]), rules, taxonomy).profile
      .filter((p) => p.family === 'feedback' && p.tag === 'negative')
      .map((p) => p.value);
  it.each([
    ['你们的品种好像不怎么齐啊。', 'product_limited'],
    ['你们银行口碑那么差，我哪敢买。', 'brand_reputation_bad'],
    ['开户就送十块钱话费？也太抠了。', 'activity_weak'],
    ['你们这么办事很不正规啊。', 'service_unprofessional'],
    // a bad attitude in other words (rules -52)
    ['你这话说得也太难听了。', 'service_attitude_bad'],
    ['上回来问个事，窗口那人爱理不理的。', 'service_attitude_bad'],
    ['你们这个服务态度，实在要不得。', 'service_attitude_bad'],
  ])('%s → %s', (text, value) => {
    expect(negatives(text)).toContain(value);
  });
  it.each([
    ['你们品种挺全的，不过我不太懂。', 'product_limited'],
    ['他们家流程不太规范我听说过，你们应该还好吧。', 'service_unprofessional'],
  ])('%s is no %s', (text, value) => {
    expect(negatives(text)).not.toContain(value);
  });
});
