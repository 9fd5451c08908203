import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/eval/scorer.js';
import { loadDialogues } from '../../src/eval/corpus.js';
import type { Gold } from '../../src/eval/corpus.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const FIXTURES = path.resolve(HERE, '../fixtures/dialogues');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('npm run eval (cloud/src/eval/main.ts)', () => {
  it('scores a folder, prints JSON figures and writes predictions in the gold format', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-eval-'));
    try {
      const predFile = path.join(dir, 'pred.json');
      const out = execFileSync(TSX, ['cloud/src/eval/main.ts', FIXTURES, '--json', '--predictions', predFile], { cwd: ROOT, encoding: 'utf8' });
      const figures = JSON.parse(out) as Record<string, number>;
      for (const k of ['profile.microF1', 'compliance.precision', 'compliance.recall', 'keyPoints.accuracy']) {
        expect(typeof figures[k]).toBe('number');
      }
      const predictions = JSON.parse(readFileSync(predFile, 'utf8')) as Record<string, Gold>;
      const dialogues = loadDialogues(FIXTURES);
      expect(Object.keys(predictions).sort()).toEqual(dialogues.map((d) => d.id).sort());
      // the predictions file, scored independently, gives the printed figures
      const again = score(new Map(dialogues.map((d) => [d.id, d.gold])), new Map(Object.entries(predictions)));
      expect(again.profile.microF1).toBeCloseTo(figures['profile.microF1'] ?? -1);
      expect(again.keyPoints.accuracy).toBeCloseTo(figures['keyPoints.accuracy'] ?? -1);
      for (const d of dialogues) {
        for (const p of predictions[d.id]?.profile ?? []) expect(d.turns[p.turn]?.text).toContain(p.quote);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the readable table by default', () => {
    const out = execFileSync(TSX, ['cloud/src/eval/main.ts', FIXTURES], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('Profile tags');
    expect(out).toContain('Compliance (dialogue, rule)');
    expect(out).toContain('Key points');
    expect(out).toMatch(/micro\s+\d/);
  }, 60_000);
});
