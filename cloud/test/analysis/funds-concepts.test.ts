import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// basic.funds_status: money the customer can spare (idle) and money that has just come or is
// coming in (incoming). Sentences written for this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const funds = (text: string): string[] =>
  analyze(convo([['staff', '您平时有没有打理过闲钱？'], ['customer', text]]), rules, taxonomy).profile
    .filter((p) => p.family === 'basic' && p.tag === 'funds_status')
    .map((p) => p.value);

describe('money to spare', () => {
  it('an amount the customer can put aside every month or year', () => {
    expect(funds('一个月省下来三千块还是拿得出的。')).toContain('idle_funds');
    expect(funds('每年能拿出五万左右吧。')).toContain('idle_funds');
  });
  it('money that can wait', () => {
    expect(funds('这些钱我放得住，不着急。')).toContain('idle_funds');
  });
  it('a person idling is no idle money', () => {
    expect(funds('我退休了，天天在家闲着没事。')).not.toContain('idle_funds');
  });
  it('nothing to spare is no idle money', () => {
    expect(funds('我哪拿得出两万块。')).not.toContain('idle_funds');
  });
});

describe('money coming in', () => {
  it('an asset sold and the money arriving', () => {
    expect(funds('门面卖掉了，钱下礼拜就要打过来。')).toContain('incoming_funds');
  });
  it('payment for work just settled is incoming, not idle', () => {
    const found = funds('有笔工程款刚结回来，二十多万，想找个地方放。');
    expect(found).toContain('incoming_funds');
    expect(found).not.toContain('idle_funds');
  });
  it('asking when pay arrives is not money arriving', () => {
    expect(funds('那我的工资什么时候能打进来？')).not.toContain('incoming_funds');
  });
});

describe('a sum that is not money held', () => {
  it('an imagined sum is no idle money', () => {
    expect(funds('假如我手上有个三十万，你们会怎么帮我配？')).not.toContain('idle_funds');
    expect(funds('要是我有点闲钱，说不定会来看看。')).not.toContain('idle_funds');
  });
  it('the deposit-insurance limit is no idle money', () => {
    expect(funds('听说存款保险五十万以内都保，是吧？')).not.toContain('idle_funds');
  });
  it('a sum the customer lacks or owes is no idle money', () => {
    expect(funds('厂里设备要换，还缺个四十来万。')).not.toContain('idle_funds');
    expect(funds('车贷还剩十二万没还完呢。')).not.toContain('idle_funds');
  });
  it('a denial of spare money, a sum to pay a loan off, or money still on its way is not idle (rules -51)', () => {
    expect(funds('我哪来的余钱，信用卡还没还清。')).not.toContain('idle_funds');
    expect(funds('手里凑了二十万，打算提前还房贷。')).not.toContain('idle_funds');
    expect(funds('年底货款打过来有三十来万，到时候再说。')).not.toContain('idle_funds');
  });
});

describe('who manages the money', () => {
  const manager = (text: string): string[] =>
    analyze(convo([['staff', '这张卡平时是您自己打理吗？'], ['customer', text]]), rules, taxonomy).profile
      .filter((p) => p.family === 'basic' && p.tag === 'fund_manager')
      .map((p) => p.value);
  it("a parent's card run by the speaker is managed by someone other than its holder", () => {
    expect(manager('我爸这张卡一直都是我在帮他管。')).toEqual(['other']);
  });
  it("one's own card, run by oneself, is self, whatever the spouse", () => {
    expect(manager('我的卡我自己管，我爱人管不着。')).toEqual(['self']);
  });
});
