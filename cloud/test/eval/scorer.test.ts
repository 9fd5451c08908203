import { describe, expect, it } from 'vitest';
import { prf, score } from '../../src/eval/scorer.js';
import type { Gold } from '../../src/eval/corpus.js';

const P = (family: string, tag: string, value: string) => ({ family, tag, value, turn: 0, quote: 'q' });
const C = (rule: string) => ({ rule, turn: 0, quote: 'q' });

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    expect(prf(3, 1, 2)).toEqual({ tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6, f1: (2 * 0.75 * 0.6) / 1.35 });
  });
  it('treats nothing expected and nothing found as perfect, and 0/0 otherwise as 0', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1 });
    expect(prf(0, 2, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf(0, 0, 2)).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('score (hand-computed)', () => {
  const gold = new Map<string, Gold>([
    ['a', {
      profile: [P('basic', 'funds_status', 'idle_funds'), P('preference', 'risk', 'stable'), P('preference', 'product', 'deposit')],
      compliance: [C('promise_guarantee'), C('promise_guarantee'), C('rude_language')],
      keyPoints: { kyc: true, add_wecom: false, invite_visit: null },
    }],
    ['b', {
      profile: [P('preference', 'risk', 'high')],
      compliance: [],
      keyPoints: { kyc: null, add_wecom: true, invite_visit: null },
    }],
  ]);
  const found = new Map<string, Gold>([
    ['a', {
      // 2 right (idle_funds, stable), 1 wrong value (product=wealth), 1 missed (deposit)
      profile: [P('basic', 'funds_status', 'idle_funds'), P('preference', 'risk', 'stable'), P('preference', 'product', 'wealth'), P('basic', 'funds_status', 'idle_funds')],
      // promise twice counts once; rude missed; disparage is a false alarm
      compliance: [C('promise_guarantee'), C('promise_guarantee'), C('disparage_peers')],
      keyPoints: { kyc: true, add_wecom: null, invite_visit: null },
    }],
    // 'b' missing entirely: finds nothing
  ]);
  const s = score(gold, found);

  it('profile: set of (dialogue, family, tag, value), micro-averaged', () => {
    // tp = 2, fp = 1 (wealth), fn = 1 (deposit) + 1 (b: high) = 2
    expect(s.profile).toMatchObject({ tp: 2, fp: 1, fn: 2 });
    expect(s.profile.precision).toBeCloseTo(2 / 3);
    expect(s.profile.recall).toBeCloseTo(2 / 4);
    expect(s.profile.microF1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect(s.profile.perTag['preference.product']).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(s.profile.perTag['preference.risk']).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('compliance: set of (dialogue, rule), repeated hits once', () => {
    expect(s.compliance).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(s.compliance.perRule['promise_guarantee']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.compliance.perRule['rude_language']).toMatchObject({ tp: 0, fn: 1 });
    expect(s.compliance.perRule['disparage_peers']).toMatchObject({ fp: 1 });
  });

  it('key points: agreement per (dialogue, point); a missing value disagrees', () => {
    // a: kyc ok, add_wecom wrong, invite ok; b: kyc null vs missing wrong, add_wecom wrong, invite null vs missing wrong
    expect(s.keyPoints).toMatchObject({ agree: 2, total: 6 });
    expect(s.keyPoints.accuracy).toBeCloseTo(2 / 6);
    expect(s.keyPoints.perPoint['kyc']).toMatchObject({ agree: 1, total: 2 });
  });

  it('lists every disagreement', () => {
    expect(s.errors).toContainEqual({ dialogue: 'a', kind: 'compliance', item: 'rude_language', expected: 'present', found: 'absent' });
    expect(s.errors).toContainEqual({ dialogue: 'b', kind: 'keyPoint', item: 'kyc', expected: 'null', found: 'missing' });
  });
});
