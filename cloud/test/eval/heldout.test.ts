import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { loadTaxonomy } from '../../src/analysis/taxonomy.js';
import { loadDialogues } from '../../src/eval/corpus.js';
import { evaluateDialogues } from '../../src/eval/run.js';
import { TARGETS } from '../../src/eval/report.js';
import { BLIND_SETS } from '../../src/eval/training-sets.js';

// Held-out dialogues written without reading the rules (cloud/test/fixtures/heldout-*/README.md).
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const taxonomy = loadTaxonomy();
// The floors hold the rules alone: the learned tagger is trained on these sets, so with it the
// figures would say nothing about whether a rule change undid a generalisation.
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const scoresOf = (folder: string, set = rules): ReturnType<typeof evaluateDialogues>['scores'] =>
  evaluateDialogues(loadDialogues(path.join(FIXTURES, folder)), set, taxonomy).scores;

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

// Sets 8 to 13, then 3 and 7, were each scored blind, then tuned on by concept. The floors are the
// figures the current rules reach (every set now meets the compliance and key-point targets).
// Rules -46 lowered three: calls refused for convenience (别打电话，我上班不方便) are no longer
// dislikes_calls, as the dev corpus and 23 of 34 conversations across the annotated sets have it,
// while the writers of sets 7, 8 and 12 tagged them (h7-20, h8-08, h12-06).
describe.each([
  { folder: 'heldout-8', dialogues: 10, floor: { profileF1: 0.95, precision: 1, recall: 1, keyPoints: 0.98 } },
  { folder: 'heldout-9', dialogues: 10, floor: { profileF1: 0.96, precision: 1, recall: 1, keyPoints: 0.97 } },
  { folder: 'heldout-10', dialogues: 10, floor: { profileF1: 0.92, precision: 1, recall: 1, keyPoints: 0.97 } },
  { folder: 'heldout-11', dialogues: 10, floor: { profileF1: 0.9, precision: 1, recall: 1, keyPoints: 0.94 } },
  { folder: 'heldout-12', dialogues: 6, floor: { profileF1: 0.92, precision: 1, recall: 1, keyPoints: 0.93 } },
  { folder: 'heldout-13', dialogues: 4, floor: { profileF1: 0.96, precision: 1, recall: 1, keyPoints: 0.97 } },
  // sets 3 and 7 were frozen (never tuned on) until rules 2026.11.22-36; their key-point and
  // compliance errors have been analysed since, so they are tuning sets like the others
  { folder: 'heldout-3', dialogues: 14, floor: { profileF1: 0.93, precision: 1, recall: 1, keyPoints: 0.98 } },
  { folder: 'heldout-7', dialogues: 34, floor: { profileF1: 0.94, precision: 1, recall: 1, keyPoints: 0.96 } },
  // set 14 was frozen until 2026-11-23 (blind: profile 0.648, compliance 0.607/0.680, key points
  // 0.828); in session 5 its errors were analysed by concept, so it is a tuning set like the others
  { folder: 'heldout-14', dialogues: 40, floor: { profileF1: 0.89, precision: 1, recall: 1, keyPoints: 0.94 } },
  // set 15 was frozen until 2026-11-23 (blind: 0.698, 0.810/0.773, 0.895); session 7 tuned on it by class
  { folder: 'heldout-15', dialogues: 40, floor: { profileF1: 0.78, precision: 0.95, recall: 1, keyPoints: 0.9 } },
  // set 16 was frozen until 2026-11-23 (blind: 0.732, 0.778/0.636, 0.858); session 7's second round tuned on it by class
  { folder: 'heldout-16', dialogues: 40, floor: { profileF1: 0.74, precision: 1, recall: 0.95, keyPoints: 0.86 } },
])('shipped rules on $folder (tuning set, analysed after its blind score)', ({ folder, dialogues, floor }) => {
  const scores = scoresOf(folder);

  it('scores every dialogue', () => {
    expect(scores.dialogues).toBe(dialogues);
  });
  it('does not fall below the figures the rules reach', () => {
    expect(scores.profile.microF1).toBeGreaterThanOrEqual(floor.profileF1);
    expect(scores.compliance.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(scores.compliance.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(scores.keyPoints.accuracy).toBeGreaterThanOrEqual(floor.keyPoints);
  });
});

// The blind sets (BLIND_SETS: 17 to 23) are blind measures (their READMEs; docs/rules.md, "What to expect on unseen
// conversations"). No floor: a floor would make their figures something to tune against. The loader
// checks their structure, and every dialogue must reach the scorer, with the rules alone and with the
// shipped tagger (which was never trained on them: cloud/test/analysis/learned/shipped-model.test.ts).
describe.each([...BLIND_SETS])('held-out set %s (blind)', (folder) => {
  // the first one also loads the tagger and its dictionary (about 1 s, more on a busy machine)
  it('loads and scores all 40 dialogues, with the rules alone and with the tagger', { timeout: 60_000 }, () => {
    expect(scoresOf(folder).dialogues).toBe(40);
    expect(scoresOf(folder, loadRuleSet(undefined, taxonomy)).dialogues).toBe(40);
  });
});
