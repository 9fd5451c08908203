import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// What is past, intended-but-not-done or a comparison says nothing about the customer now: a
// product that has already matured elsewhere, an app the customer meant to use, an insurer used as
// a yardstick. Sentences written for this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const found = (text: string): string[] =>
  analyze(convo([['staff', '您好，今天想办点什么？'], ['customer', text]]), rules, taxonomy).profile
    .map((p) => `${p.family}.${p.tag}=${p.value}`);

describe('maturing elsewhere is still to come', () => {
  it('a product at another bank that will mature', () => {
    expect(found('我在建行有笔定期，下个月就到期了。')).toContain('basic.investment_status=maturing_at_other_bank');
    expect(found('工行那个理财快到期了。')).toContain('basic.investment_status=maturing_at_other_bank');
  });
  it('one that has already matured is not maturing', () => {
    expect(found('我在建行那笔定期上礼拜已经到期了。')).not.toContain('basic.investment_status=maturing_at_other_bank');
    expect(found('招行那个理财到期了，钱转回来了。')).not.toContain('basic.investment_status=maturing_at_other_bank');
  });
});

describe('intentions not carried out and yardsticks', () => {
  it('an app the customer meant to use is no channel preference', () => {
    expect(found('我原本想在手机银行上买的，老是登不上去。')).not.toContain('preference.channel=mobile_banking');
  });
  it('an insurer as a yardstick is no platform', () => {
    expect(found('你比平安那些业务员讲得清楚多了。')).not.toContain('basic.investment_platform=insurance');
    expect(found('我在平安买过一份年金险。')).toContain('basic.investment_platform=insurance');
  });
});
