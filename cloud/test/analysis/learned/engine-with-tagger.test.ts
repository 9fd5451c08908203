import { describe, expect, it } from 'vitest';
import { analyze, loadTaxonomy, validateRuleSet, type RuleSet } from '../../../src/analysis/index.js';
import { DEFAULT_FTRL } from '../../../src/analysis/learned/ftrl-logistic.js';
import { TAGGER_FORMAT, type TaggerLabel, type TaggerModel } from '../../../src/analysis/learned/tagger-model.js';
import { FEATURE_BITS, featureHash } from '../../../src/analysis/learned/turn-features.js';
import { convo } from '../helpers.js';

const taxonomy = loadTaxonomy();

/** A label whose model fires (p ≈ 0.98) exactly when the turn holds the given character n-gram. */
function keyed(label: string, kind: TaggerLabel['kind'], gram: string): TaggerLabel {
  return { label, kind, positives: 1, bias: -4, features: Int32Array.from([featureHash(`c${gram}`)]), weights: Float32Array.from([8]) };
}

function constant(label: string, bias: number): TaggerLabel {
  return { label, kind: 'keyPoint', positives: 1, bias, features: new Int32Array(), weights: new Float32Array() };
}

const tagger: TaggerModel = {
  format: TAGGER_FORMAT, version: 'm1', featureBits: FEATURE_BITS, trainedOn: [], rulesVersion: 'test',
  options: DEFAULT_FTRL, keyPointOptions: DEFAULT_FTRL, thresholds: { profile: 0.5, compliance: 0.4, keyPoint: 0.8 },
  labels: [
    keyed('basic.funds_status=idle_funds', 'profile', '闲着'),
    keyed('preference.risk=high', 'profile', '刺激'),
    keyed('promise_guarantee', 'compliance', '稳赚'),
    keyed('not_a_rule', 'compliance', '稳赚'),
    // add_wecom: raised, whatever the conversation (p ≈ 0.99)
    constant('add_wecom=true', 5), constant('add_wecom=null', -5),
    // kyc: unsure (p = 0.5 for raised): the rules' value stands
    constant('kyc=true', 0), constant('kyc=null', -5),
  ],
};

/** One rule: preference.risk=capital_preserving when the customer says 保本. */
const rules: RuleSet = {
  ...validateRuleSet({
    version: 'test',
    rules: [{ id: 'risk-low', kind: 'profile', family: 'preference', tag: 'risk', value: 'capital_preserving', conditions: { c: { role: 'customer', match: [{ any: ['保本'] }] } }, when: 'c' }],
  }, taxonomy),
  tagger,
};

const input = convo([
  ['staff', '您好，这款产品稳赚不赔，您放心。'],
  ['customer', '我这钱现在闲着呢，不过我要保本的，也想来点刺激的。'],
  ['staff', '好的，我加一下您企业微信。'],
]);

describe('the engine with a learned tagger beside the rules', () => {
  const r = analyze(input, rules, taxonomy);

  it('adds the profile values the tagger finds, with the clause that carries them as evidence', () => {
    const idle = r.profile.find((h) => h.tag === 'funds_status');
    expect(idle).toMatchObject({ family: 'basic', value: 'idle_funds', ruleId: 'tagger:m1' });
    expect(idle?.evidence.quote).toBe('我这钱现在闲着呢');
    expect(input.turns[1]?.text.slice(idle?.evidence.start, idle?.evidence.end)).toBe(idle?.evidence.quote);
    expect(idle?.confidence).toBeLessThanOrEqual(0.6);
  });

  it("on a single-valued tag the rule's value stands over the tagger's", () => {
    expect(r.profile.filter((h) => h.tag === 'risk').map((h) => h.value)).toEqual(['capital_preserving']);
  });

  it('adds compliance violations with the taxonomy severity, and ignores labels the taxonomy lacks', () => {
    expect(r.compliance.map((c) => [c.rule, c.evidence.turn, c.ruleId])).toEqual([['promise_guarantee', 0, 'tagger:m1']]);
    expect(r.compliance[0]?.severity).toBe(taxonomy.compliance['promise_guarantee']?.severity);
  });

  it('a confident key-point model decides the point, with a staff turn as evidence; an unsure one leaves the rules\u2019 value', () => {
    expect(r.keyPoints['add_wecom']).toMatchObject({ value: true, raised: true, applicable: true });
    expect(r.keyPoints['add_wecom']?.evidence).toHaveLength(1);
    expect(input.turns[r.keyPoints['add_wecom']?.evidence[0]?.turn ?? -1]?.role).toBe('staff');
    const alone = analyze(input, { ...rules, tagger: undefined }, taxonomy);
    expect(r.keyPoints['kyc']).toEqual(alone.keyPoints['kyc']);
  });

  it('records the model version; without a tagger the rules alone decide', () => {
    expect(r.taggerVersion).toBe('m1');
    const alone = analyze(input, { ...rules, tagger: undefined }, taxonomy);
    expect(alone.taggerVersion).toBeUndefined();
    expect(alone.profile.map((h) => h.value)).toEqual(['capital_preserving']);
    expect(alone.compliance).toEqual([]);
  });
});
