import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// Agreeing to the channel staff propose: staff ask whether to call this number and the customer
// agrees at the start of the reply. Sentences written for this test, not taken from a scored set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const channels = (turns: Parameters<typeof convo>[0]): string[] =>
  analyze(convo(turns, 'phone'), rules, taxonomy).profile
    .filter((p) => p.family === 'preference' && p.tag === 'communication')
    .map((p) => p.value);
const asked: ['staff', string] = ['staff', '结果出来以后我打您这个手机可以吗？'];

describe('agreeing to be called', () => {
  it('a consent at the start of the reply', () => {
    expect(channels([asked, ['customer', '行，就打这个，白天都在。']])).toContain('phone');
    expect(channels([asked, ['customer', '好嘞，没问题。']])).toContain('phone');
  });
  it('a refusal or a question back is no consent', () => {
    expect(channels([asked, ['customer', '不行，这个号我不常用。']])).not.toContain('phone');
    expect(channels([asked, ['customer', '可以不打吗？发短信吧。']])).not.toContain('phone');
  });
  it('agreeing to something else staff said is no phone preference', () => {
    expect(channels([['staff', '资料我放在柜台，您看行吗？'], ['customer', '行，我下午来拿。']])).not.toContain('phone');
  });
});

describe('phone preference: being called, not the customer calling someone (session 7)', () => {
  const phone = (text: string): boolean => analyze(convo([['staff', '这款理财您考虑一下，有问题随时找我。'], ['customer', text]]), rules, taxonomy).profile
    .some((p) => p.tag === 'communication' && p.value === 'phone');
  it('the customer asks to be called', () => {
    expect(phone('有事你给我打电话就行。')).toBe(true);
    expect(phone('你打我电话，微信我不看。')).toBe(true);
  });
  it('the customer calling someone else, or complaining about calling, is no preference', () => {
    expect(phone('我回去打电话问问我老伴。')).toBe(false);
    expect(phone('我明天还得打电话投诉你们那个客服。')).toBe(false);
    expect(phone('以后我在网上问，打电话排队太久了。')).toBe(false);
  });
  it('calls told of, not asked for, are no preference (rules -51)', () => {
    expect(phone('之前那个客户经理老打电话，我都不想接。')).toBe(false);
    expect(phone('多亏你们打电话提醒，不然我就转过去了。')).toBe(false);
    expect(phone('现在打电话的一半都是推销的。')).toBe(false);
  });
});
