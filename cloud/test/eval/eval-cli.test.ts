import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      // and read back with --against (no engine run), the same figures
      const against = JSON.parse(execFileSync(TSX, ['cloud/src/eval/main.ts', FIXTURES, '--json', '--against', predFile], { cwd: ROOT, encoding: 'utf8' })) as Record<string, number>;
      for (const k of ['profile.microF1', 'compliance.precision', 'compliance.recall', 'keyPoints.accuracy']) {
        expect(against[k]).toBeCloseTo(figures[k] ?? -1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--against scores a second annotation: the gold itself agrees fully, one change shows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-eval-'));
    try {
      const dialogues = loadDialogues(FIXTURES).slice(0, 6);
      const only = `^(${dialogues.map((d) => d.id).join('|')})$`;
      const annotations: Record<string, Gold> = Object.fromEntries(dialogues.map((d) => [d.id, structuredClone(d.gold)]));
      const file = path.join(dir, 'second.json');
      writeFileSync(file, JSON.stringify(annotations));
      const run = (): Record<string, number> => JSON.parse(execFileSync(TSX, ['cloud/src/eval/main.ts', FIXTURES, '--only', only, '--json', '--against', file], { cwd: ROOT, encoding: 'utf8' })) as Record<string, number>;
      const same = run();
      expect(same['profile.microF1']).toBe(1);
      expect(same['keyPoints.accuracy']).toBe(1);
      // the second annotator leaves out one profile tag: recall drops by exactly one item
      const first = dialogues.find((d) => d.gold.profile.length > 0);
      if (!first) throw new Error('fixtures need a dialogue with a profile tag');
      annotations[first.id]?.profile.pop();
      writeFileSync(file, JSON.stringify(annotations));
      const total = dialogues.reduce((n, d) => n + new Set(d.gold.profile.map((p) => `${p.family}.${p.tag}=${p.value}`)).size, 0);
      const one = run();
      expect(one['profile.precision']).toBe(1);
      expect(one['profile.recall']).toBeCloseTo((total - 1) / total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--against refuses a file that misses dialogues or cites text they do not contain', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-eval-'));
    try {
      const dialogues = loadDialogues(FIXTURES).slice(0, 2);
      const only = `^(${dialogues.map((d) => d.id).join('|')})$`;
      const file = path.join(dir, 'second.json');
      const fail = (): string => {
        try {
          execFileSync(TSX, ['cloud/src/eval/main.ts', FIXTURES, '--only', only, '--against', file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
        } catch (err) {
          const e = err as { status: number; stderr: string };
          expect(e.status).toBe(2);
          return e.stderr;
        }
        throw new Error('expected exit code 2');
      };
      const [a, b] = dialogues;
      if (!a || !b) throw new Error('fixtures need two dialogues');
      writeFileSync(file, JSON.stringify({ [a.id]: a.gold }));
      expect(fail()).toContain(`no annotation for 1 dialogue(s): ${b.id}`);
      const forged = structuredClone(b.gold);
      forged.profile.push({ family: 'basic', tag: 'investment_experience', value: 'novice', turn: 0, quote: '这句话不在对话里' });
      writeFileSync(file, JSON.stringify({ [a.id]: a.gold, [b.id]: forged }));
      expect(fail()).toContain(`${b.id}: profile[${forged.profile.length - 1}] must cite a turn of the dialogue and a quote from it`);
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
