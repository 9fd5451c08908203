import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { insideQuotedName } from '../../src/analysis/engine.js';
import { isNegated } from '../../src/analysis/negation.js';
import { convo, fires } from './helpers.js';

const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const run = (turns: Parameters<typeof convo>[0], channel: 'phone' | 'badge' = 'phone'): ReturnType<typeof analyze> =>
  analyze(convo(turns, channel), rules, taxonomy);
const at = (text: string, word: string): number => text.indexOf(word);

describe('negation', () => {
  it('does not read words that merely contain a negator as negating (特别, 区别, 未来)', () => {
    expect(isNegated('我特别怕亏', at('我特别怕亏', '怕亏'))).toBe(false);
    expect(isNegated('两者区别大吗', at('两者区别大吗', '大'))).toBe(false);
    expect(isNegated('未来收益不错', at('未来收益不错', '收益'))).toBe(false);
    expect(isNegated('实在不行我买点黄金', at('实在不行我买点黄金', '黄金'))).toBe(false);
  });
  it('still reads real negations', () => {
    expect(isNegated('我不怕亏', at('我不怕亏', '怕亏'))).toBe(true);
    expect(isNegated('这个别买黄金', at('这个别买黄金', '黄金'))).toBe(true);
  });
  it('lets a customer who is especially afraid of loss trigger the suitability rule', () => {
    const r = run([['staff', '您好，我是理财经理小景。'], ['customer', '我特别怕亏，亏一点都受不了。'], ['staff', '那你可以试试这只偏股混合基金，有风险，净值会波动。']], 'badge');
    expect(r.compliance.map((c) => c.rule)).toContain('suitability_mismatch');
  });
});

describe('quoted product names', () => {
  it('finds the quoted name around a span', () => {
    const text = '这个"锦程稳健一号"主要投什么的?';
    expect(insideQuotedName(text, { s: text.indexOf('稳健'), e: text.indexOf('稳健') + 2 })).toBe(true);
    expect(insideQuotedName(text, { s: text.indexOf('主要'), e: text.indexOf('主要') + 2 })).toBe(false);
  });
  it('a name the customer reads out says nothing about the customer', () => {
    expect(fires({ role: 'customer', match: { any: ['稳健'] } }, [['customer', '这个“锦程稳健一号”主要投什么的？']])).toEqual([]);
    expect(fires({ role: 'customer', match: { any: ['稳健'] } }, [['customer', '我想要稳健一点的']])).toHaveLength(1);
  });
});

describe('a call the customer only turns down', () => {
  const refused: Parameters<typeof convo>[0] = [
    ['staff', '您好，我是锦程银行的客户经理，想跟您介绍一下我们的基金定投服务。'],
    ['customer', '不用了，没兴趣，别再打了。'],
    ['staff', '不好意思打扰您了，我帮您备注一下，再见。'],
  ];
  it('leaves the marketing points N/A and names no pitch without disclosure', () => {
    const r = run(refused);
    for (const p of ['kyc', 'outside_funds', 'product_fab', 'risk_disclosure', 'closing_attempt', 'add_wecom']) expect(r.keyPoints[p]?.value).toBeNull();
    expect(r.compliance.map((c) => c.rule)).not.toContain('missing_risk_disclosure');
    expect(r.keyPoints['objection_handling']?.value).toBe(true);
  });
  it('keeps them applicable once staff described the product before the refusal', () => {
    const r = run([
      ['staff', '您好，我是锦程银行的客户经理，给您推荐一款理财，年化3.2%，90天持有期。'],
      ['customer', '不用了，没兴趣。'],
      ['staff', '好的，再见。'],
    ]);
    expect(r.keyPoints['kyc']?.value).toBe(false);
    expect(r.keyPoints['product_fab']?.value).toBe(true);
    expect(r.compliance.map((c) => c.rule)).toContain('missing_risk_disclosure');
  });
  it('keeps them applicable when the customer goes on talking', () => {
    const r = run([...refused.slice(0, 2), ['staff', '理解，那您平时钱一般放在哪里呢？'], ['customer', '我一般放在余额宝里，收益还可以吧。']]);
    expect(r.keyPoints['kyc']?.value).not.toBeNull();
  });
});

describe('objection handling', () => {
  const pitch: Parameters<typeof convo>[0] = [
    ['staff', '您好，我是理财经理小许，给您推荐一款理财，业绩比较基准3%，理财有风险。'],
    ['customer', '你们这个收益也太低了。'],
  ];
  it('counts a substantive answer to a complaint', () => {
    const r = run([...pitch, ['staff', '现在各家利率都在往下走，我们这款在同类产品里算高的，还可以随时赎回。']]);
    expect(r.keyPoints['objection_handling']?.value).toBe(true);
  });
  it('does not count a bare acceptance followed by a follow-up', () => {
    const r = run([...pitch, ['staff', '好的，那我晚上再把资料发给您。']]);
    expect(r.keyPoints['objection_handling']?.value).toBe(false);
  });
});
