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

// Sets 2, 4, 5 and 6 were scored blind first, then their errors were analysed and fixed at the level
// of concepts: they must keep meeting the targets, so a rule change that undoes one
// of those generalisations fails here.
describe.each([
  { folder: 'heldout-2', dialogues: 28 },
  { folder: 'heldout-4', dialogues: 14 },
  { folder: 'heldout-5', dialogues: 12 },
  { folder: 'heldout-6', dialogues: 8 },
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

// Set 3 is never tuned on: its figures are the honest estimate on unseen conversations. It
// meets the compliance targets but NOT the profile and key-point targets (docs/rules.md): for
// those the floors are the figures the current rules reach, so a change that makes the engine
// worse on unseen text fails CI even though nobody may look at this set's errors.
describe('shipped rules on heldout-3 (frozen: never tuned on)', () => {
  const scores = scoresOf('heldout-3');
  const FLOOR = { profileF1: 0.79, keyPoints: 0.82 };

  it('scores every dialogue', () => {
    expect(scores.dialogues).toBe(14);
  });
  it(`compliance recall ≥ ${TARGETS.complianceRecall} with precision ≥ ${TARGETS.compliancePrecision}`, () => {
    expect(scores.compliance.recall).toBeGreaterThanOrEqual(TARGETS.complianceRecall);
    expect(scores.compliance.precision).toBeGreaterThanOrEqual(TARGETS.compliancePrecision);
  });
  it('profile and key points do not fall below the figures the rules reach (short of the targets)', () => {
    expect(scores.profile.microF1).toBeGreaterThanOrEqual(FLOOR.profileF1);
    expect(scores.keyPoints.accuracy).toBeGreaterThanOrEqual(FLOOR.keyPoints);
  });
});
