import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, loadDialogues } from '../../src/eval/corpus.js';
import { loadPredictions } from '../../src/eval/predictions.js';
import { score } from '../../src/eval/scorer.js';

// The second annotations in fixtures/agreement/ (README there): the figures the README and
// docs/rules.md quote as the human ceiling, reproduced from the frozen files.
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

describe.each([
  { name: 'set 15', dir: path.join(FIXTURES, 'heldout-15'), file: 'heldout-15.second.json', only: /./, n: 40, f1: 0.91, p: 0.846, kp: 0.953 },
  { name: 'dev-021…035', dir: DEFAULT_CORPUS_DIR, file: 'dev-021-035.second.json', only: /^dev-0(2[1-9]|3[0-5])$/, n: 15, f1: 0.91, p: 0.8, kp: 0.953 },
])('second annotation of $name', ({ dir, file, only, n, f1, p, kp }) => {
  it('agrees with the first as the README says', () => {
    const dialogues = loadDialogues(dir).filter((d) => only.test(d.id));
    expect(dialogues).toHaveLength(n);
    const second = loadPredictions(path.join(FIXTURES, 'agreement', file), dialogues);
    const s = score(new Map(dialogues.map((d) => [d.id, d.gold])), second);
    expect(s.profile.microF1).toBeCloseTo(f1, 3);
    expect(s.compliance.precision).toBeCloseTo(p, 3);
    expect(s.compliance.recall).toBe(1);
    expect(s.keyPoints.accuracy).toBeCloseTo(kp, 3);
  });
});
