import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { loadTaxonomy } from '../../src/analysis/taxonomy.js';
import { loadDialogues } from '../../src/eval/corpus.js';
import { evaluateDialogues } from '../../src/eval/run.js';
import { TARGETS } from '../../src/eval/report.js';

// Regression guard: the shipped rules must keep meeting the targets on the dev corpus.
describe('shipped rules on ../shared/corpus/dev', () => {
  const taxonomy = loadTaxonomy();
  const { scores } = evaluateDialogues(loadDialogues(), loadRuleSet(undefined, taxonomy), taxonomy);

  it('covers the whole corpus', () => {
    expect(scores.dialogues).toBe(35);
  });
  it(`profile micro-F1 ≥ ${TARGETS.profileF1}`, () => {
    expect(scores.profile.microF1).toBeGreaterThanOrEqual(TARGETS.profileF1);
  });
  it(`compliance recall ≥ ${TARGETS.complianceRecall} with precision ≥ ${TARGETS.compliancePrecision}`, () => {
    expect(scores.compliance.recall).toBeGreaterThanOrEqual(TARGETS.complianceRecall);
    expect(scores.compliance.precision).toBeGreaterThanOrEqual(TARGETS.compliancePrecision);
  });
  it(`key-point accuracy ≥ ${TARGETS.keyPoints}`, () => {
    expect(scores.keyPoints.accuracy).toBeGreaterThanOrEqual(TARGETS.keyPoints);
  });
});

// Our own dialogues (different wording, traps): the same targets, so a rule change that only
// suits the corpus's phrasing fails here.
describe('shipped rules on cloud/test/fixtures/dialogues', async () => {
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/dialogues');
  const taxonomy = loadTaxonomy();
  const { scores } = evaluateDialogues(loadDialogues(dir), loadRuleSet(undefined, taxonomy), taxonomy);

  it('meets the targets', () => {
    expect(scores.dialogues).toBeGreaterThanOrEqual(25);
    expect(scores.profile.microF1).toBeGreaterThanOrEqual(TARGETS.profileF1);
    expect(scores.compliance.recall).toBeGreaterThanOrEqual(TARGETS.complianceRecall);
    expect(scores.compliance.precision).toBeGreaterThanOrEqual(TARGETS.compliancePrecision);
    expect(scores.keyPoints.accuracy).toBeGreaterThanOrEqual(TARGETS.keyPoints);
  });
});
