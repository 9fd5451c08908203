import { describe, expect, it } from 'vitest';
import { LinearScorer, trainFtrl, type SparseExample } from '../../../src/analysis/learned/ftrl-logistic.js';

/** Examples where feature 1 marks label 0 and feature 2 marks label 1; features 100+ are noise. */
function toyExamples(n: number): SparseExample[] {
  const out: SparseExample[] = [];
  let seed = 1;
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) {
    const features = [100 + Math.floor(next() * 50), 200 + Math.floor(next() * 50)];
    const labels = new Set<number>();
    if (next() < 0.2) { features.push(1); labels.add(0); }
    if (next() < 0.2) { features.push(2); labels.add(1); }
    out.push({ features, labels });
  }
  return out;
}

describe('FTRL-Proximal logistic regression', () => {
  const examples = toyExamples(600);
  const [m0, m1] = trainFtrl(examples, [0, 1]).map((w) => new LinearScorer(w));

  it('learns each label from the feature that marks it, one model per label', () => {
    expect(m0?.probability([1, 120, 230])).toBeGreaterThan(0.8);
    expect(m0?.probability([2, 120, 230])).toBeLessThan(0.2);
    expect(m1?.probability([2, 120, 230])).toBeGreaterThan(0.8);
    expect(m1?.probability([1, 120, 230])).toBeLessThan(0.2);
  });

  it('L1 leaves weak features at exactly zero: a stronger L1 keeps fewer weights, and the marking feature', () => {
    const [strong] = trainFtrl(examples, [0], { l1: 20 });
    expect(strong?.features).toContain(1);
    expect(strong?.features.length).toBeLessThan((m0?.model.features.length ?? 0) / 2);
    expect(new LinearScorer(strong ?? { bias: 0, features: new Int32Array(), weights: new Float32Array() }).probability([1, 120])).toBeGreaterThan(0.8);
  });

  it('is deterministic: the same examples and seed give the same weights', () => {
    const [again] = trainFtrl(examples, [0]);
    expect(Array.from(again?.weights ?? [])).toEqual(Array.from(m0?.model.weights ?? []));
    const [other] = trainFtrl(examples, [0], { seed: 99 });
    expect(Array.from(other?.weights ?? [])).not.toEqual(Array.from(m0?.model.weights ?? []));
  });

  it('margin without the bias scores a part of an example (a clause) on the same scale', () => {
    const full = m0?.margin([1]) ?? 0;
    const part = m0?.margin([1], false) ?? 0;
    expect(full - part).toBeCloseTo(m0?.model.bias ?? 0, 6);
  });

  it('an example unlabelled for a label is left out of that label only (a mention the gold did not cite is no negative)', () => {
    // feature 1 always marks label 0, but half its examples are (wrongly) negative and marked unlabelled
    const base: SparseExample[] = [];
    for (let i = 0; i < 200; i++) base.push({ features: [1, 100 + (i % 7)], labels: new Set(i % 2 === 0 ? [0] : []) });
    for (let i = 0; i < 200; i++) base.push({ features: [100 + (i % 7)], labels: new Set() });
    const marked = base.map((e) => (e.features.includes(1) && !e.labels.has(0) ? { ...e, unlabelled: new Set([0]) } : e));
    const [noisy] = trainFtrl(base, [0]).map((w) => new LinearScorer(w));
    const [clean] = trainFtrl(marked, [0]).map((w) => new LinearScorer(w));
    expect(noisy?.probability([1])).toBeLessThan(0.85);
    expect(clean?.probability([1])).toBeGreaterThan(0.95);
    // for another label the unlabelled examples still count: its model is the one trained without the marks
    const relabelled = marked.map((e) => ({ ...e, labels: new Set(e.features.includes(1) ? [0, 1] : []) }));
    const [other] = trainFtrl(relabelled, [1]);
    const [unmarked] = trainFtrl(relabelled.map(({ features, labels }) => ({ features, labels })), [1]);
    expect(Array.from(other?.weights ?? [])).toEqual(Array.from(unmarked?.weights ?? []));
    expect(new LinearScorer(other ?? { bias: 0, features: new Int32Array(), weights: new Float32Array() }).probability([1])).toBeGreaterThan(0.95);
  });
});
