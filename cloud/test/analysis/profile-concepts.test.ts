import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// Profile concepts the shipped rules recognise in any wording, each checked on
// sentences written for this test (not taken from a scored dialogue set).
const taxonomy = loadTaxonomy();
const rules = loadRuleSet(undefined, taxonomy);
const tags = (turns: Parameters<typeof convo>[0], channel: 'phone' | 'badge' = 'badge'): string[] =>
  analyze(convo(turns, channel), rules, taxonomy).profile.map((p) => `${p.family}.${p.tag}=${p.value}`);

describe('single-valued tags', () => {
  it('keep the value stated last, also within one turn', () => {
    const t = tags([['staff', '这笔钱您打算放多久？'], ['customer', '两个月可以，不过这钱我能放五个月左右。']]);
    expect(t).toContain('preference.term=m3_to_m6');
    expect(t).not.toContain('preference.term=le_3m');
  });
});
