import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// Who decides about the money, a wanted rate named with 那种, and complaints about staff who
// withheld a condition or asked for a secret. Sentences written for this test, not taken from a
// scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const found = (text: string): string[] =>
  analyze(convo([['staff', '这款产品您觉得怎么样？'], ['customer', text]], 'phone'), rules, taxonomy).profile
    .map((p) => `${p.family}.${p.tag}=${p.value}`);

describe('who decides', () => {
  it('joint money or someone else deciding, in Mandarin and Wu', () => {
    expect(found('这钱是我们两口子共同的，我一个人定不了。')).toContain('basic.fund_manager=other');
    expect(found('买不买要看阿拉女儿，伊做主。')).toContain('basic.fund_manager=other');
  });
});

describe('a wanted rate', () => {
  it('a figure followed by 那种 is the return expected, over a vaguer 高一点', () => {
    const f = found('收益我想高一点，最好四个点那种。');
    expect(f).toContain('preference.return=specific');
    expect(f).not.toContain('preference.return=high');
  });
  it('a higher rate elsewhere is no figure', () => {
    expect(found('钱放在别的银行那种互联网存款里，利息高一点。')).not.toContain('preference.return=specific');
  });
});

describe('complaints about staff', () => {
  it('a condition emphatically never mentioned', () => {
    expect(found('买的时候压根没人提醒我有封闭期。')).toContain('feedback.negative=service_unprofessional');
  });
  it('staff asking for a secret, complained about', () => {
    expect(found('你们客服打电话要我验证码，这不是骗人吗，太不放心了。')).toContain('feedback.negative=service_unprofessional');
  });
  it('the customer not having said something, or a code never to be given, is no complaint', () => {
    expect(found('这个我根本没说过要买。')).not.toContain('feedback.negative=service_unprofessional');
    expect(found('验证码我知道不能给别人。')).not.toContain('feedback.negative=service_unprofessional');
  });
});
