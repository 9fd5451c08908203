import { describe, expect, it } from 'vitest';
import { loadTaggerModel } from '../../../src/analysis/learned/tagger-model.js';
import { profileLabels } from '../../../src/analysis/learned/train-tagger.js';
import { loadTaxonomy } from '../../../src/analysis/taxonomy.js';
import { loadRuleSet } from '../../../src/rules/load.js';
import { BLIND_SETS, TRAINING_SETS, describeSet } from '../../../src/eval/training-sets.js';

// The committed model (cloud/models/turn-tagger.json) must be what `npm run train-tagger` makes from
// the training sets and rules as they are now, and must never have seen a blind set.
describe('the shipped tagger model', () => {
  const model = loadTaggerModel();
  const taxonomy = loadTaxonomy();

  it('was trained on exactly the training sets, as they are now (else: npm run train-tagger)', () => {
    expect(model.trainedOn).toEqual(TRAINING_SETS.map(({ set, dir }) => describeSet(set, dir)));
  });

  it('never saw a blind set', () => {
    for (const s of model.trainedOn) expect(BLIND_SETS).not.toContain(s.set);
  });

  it('was trained with the shipped rules (its key-point models read their values; else: npm run train-tagger)', () => {
    expect(model.rulesVersion).toBe(loadRuleSet(undefined, taxonomy, { tagger: null }).version);
  });

  it('covers the whole taxonomy: every profile value, compliance rule and key point', () => {
    const names = model.labels.map((l) => l.label);
    expect(names).toEqual([
      ...profileLabels(taxonomy),
      ...Object.keys(taxonomy.compliance),
      ...Object.keys(taxonomy.keyPoints).flatMap((p) => [`${p}=true`, `${p}=null`]),
    ]);
  });

  it('runs beside the shipped rules, and only those', () => {
    expect(loadRuleSet(undefined, taxonomy).tagger?.version).toBe(model.version);
    expect(loadRuleSet(undefined, taxonomy, { tagger: null }).tagger).toBeUndefined();
  });
});
