import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { loadTaxonomy } from '../../src/analysis/taxonomy.js';
import { loadDialogues } from '../../src/eval/corpus.js';
import { evaluateDialogues } from '../../src/eval/run.js';
import { TARGETS } from '../../src/eval/report.js';

// Held-out dialogues written without reading the rules (cloud/test/fixtures/heldout-*/README.md).
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const taxonomy = loadTaxonomy();
const rules = loadRuleSet(undefined, taxonomy);
const scoresOf = (folder: string): ReturnType<typeof evaluateDialogues>['scores'] =>
  evaluateDialogues(loadDialogues(path.join(FIXTURES, folder)), rules, taxonomy).scores;

// Sets 2 and 4 were scored blind first, then their errors were analysed and fixed at the level
// of concepts: they must keep meeting the targets, so a rule change that undoes one
// of those generalisations fails here.
describe.each([
  { folder: 'heldout-2', dialogues: 28 },
  { folder: 'heldout-4', dialogues: 14 },
])('shipped rules on $folder (analysed after its blind score)', ({ folder, dialogues }) => {
  const scores = scoresOf(folder);

  it('scores every dialogue', () => {
    expect(scores.dialogues).toBe(dialogues);
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

// Set 3 is never tuned on: its figures are the honest estimate on unseen conversations, and
// they do NOT all meet the targets (docs/rules.md). The floors are the figures the current
// rules reach, so a change that makes the engine worse on unseen text fails CI even though
// nobody may look at this set's errors to make it better.
describe('shipped rules on heldout-3 (frozen: never tuned on)', () => {
  const scores = scoresOf('heldout-3');
  const FLOOR = { profileF1: 0.78, compliancePrecision: 0.83, complianceRecall: 0.9, keyPoints: 0.81 };

  it('scores every dialogue', () => {
    expect(scores.dialogues).toBe(14);
  });
  it('does not fall below the figures it reached blind', () => {
    expect(scores.profile.microF1).toBeGreaterThanOrEqual(FLOOR.profileF1);
    expect(scores.compliance.precision).toBeGreaterThanOrEqual(FLOOR.compliancePrecision);
    expect(scores.compliance.recall).toBeGreaterThanOrEqual(FLOOR.complianceRecall);
    expect(scores.keyPoints.accuracy).toBeGreaterThanOrEqual(FLOOR.keyPoints);
  });
});
