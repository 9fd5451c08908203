import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy, type AnalysisInput, type RuleSet } from '../../src/analysis/index.js';
import { isPipelineError } from '../../src/errors.js';
import { normalizeText } from '../../src/normalize/index.js';
import { AnalysisWorkerPool } from '../../src/pipeline/analysis-pool.js';
import { InlineAnalysisExecutor } from '../../src/pipeline/analysis-executor.js';
import { indexText } from '../../src/search/segmenter.js';
import { corpusDialogue, silentLogger, tempDir } from '../helpers.js';

const FAULTY = new URL('./fixtures/faulty-analysis-worker.ts', import.meta.url);
const taxonomy = loadTaxonomy();
const rules = loadRuleSet(undefined, taxonomy);

function input(dialogueId: string, conversationId = dialogueId): AnalysisInput {
  const d = corpusDialogue(dialogueId);
  return { conversationId, channel: d.channel, turns: d.turns.map((t, i) => ({ index: i, role: t.role, text: t.text })) };
}

describe('analysis worker pool', { timeout: 60_000 }, () => {
  const pools: AnalysisWorkerPool[] = [];
  const pool = (o: Partial<ConstructorParameters<typeof AnalysisWorkerPool>[0]> = {}) => {
    const p = new AnalysisWorkerPool({ size: 1, timeoutMs: 30_000, rules: () => rules, taxonomy, logger: silentLogger(), ...o });
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('gives the same analysis, normalisation and index as the inline path, on two workers at once', async () => {
    const p = pool({ size: 2 });
    const inline = new InlineAnalysisExecutor(() => rules, taxonomy);
    const ids = ['dev-001', 'dev-002', 'dev-003', 'dev-004'];
    const results = await Promise.all(ids.map((id) => p.analyze(input(id))));
    for (const [i, id] of ids.entries()) {
      expect(results[i]).toEqual(analyze(input(id), rules, taxonomy));
      expect(results[i]).toEqual(await inline.analyze(input(id)));
    }
    const texts = corpusDialogue('dev-002').turns.map((t) => t.text);
    expect(await p.normalize(texts)).toEqual(texts.map((t) => normalizeText(t)));
    expect(await p.index(texts.join('\n'))).toEqual(indexText(texts.join('\n')));
    const stats = p.stats();
    expect(stats).toMatchObject({ size: 2, busy: 0, queued: 0, restarts: 0 });
    expect(stats.busySeconds).toBeGreaterThan(0);
  });

  it('sends a reloaded rule set to the workers before their next analysis', async () => {
    let active: RuleSet = rules;
    const p = pool({ rules: () => active });
    const before = await p.analyze(input('dev-002'));
    expect(before.rulesVersion).toBe(rules.version);
    expect(before.compliance.length + before.profile.length).toBeGreaterThan(0);
    // key-point rules only, and no learned tagger: the reloaded set finds no profile value and no violation
    active = { ...rules, tagger: undefined, version: 'test-reloaded', rules: rules.rules.filter((r) => r.kind === 'keyPoint') };
    const after = await p.analyze(input('dev-002'));
    expect(after.rulesVersion).toBe('test-reloaded');
    expect(after.compliance).toEqual([]);
    expect(after.profile).toEqual([]);
  });

  it('replaces a worker that dies mid-task: the task fails retryably, the next one succeeds', async () => {
    const tmp = tempDir();
    process.env.PARLEY_TEST_CRASH_MARKER = join(tmp.dir, 'crashed');
    try {
      const p = pool({ workerModule: FAULTY });
      const err = await p.analyze(input('dev-001', 'crash-1')).catch((e: unknown) => e);
      expect(isPipelineError(err, 'ANALYSIS_WORKER_CRASHED')).toBe(true);
      expect((err as { retryable: boolean }).retryable).toBe(true);
      expect((err as Error).message).toMatch(/exited with code 3/);
      const ok = await p.analyze(input('dev-001', 'crash-1'));
      expect(ok).toEqual(analyze(input('dev-001', 'crash-1'), rules, taxonomy));
      expect(p.stats().restarts).toBe(1);
    } finally {
      delete process.env.PARLEY_TEST_CRASH_MARKER;
      tmp.cleanup();
    }
  });

  it('terminates and replaces a worker stuck past the timeout; queued tasks still run', async () => {
    const p = pool({ workerModule: FAULTY, timeoutMs: 1500 });
    p.start();
    const stuck = p.analyze(input('dev-001', 'hang-1')).catch((e: unknown) => e);
    const queued = p.analyze(input('dev-003'));
    const err = await stuck;
    expect(isPipelineError(err, 'ANALYSIS_TIMEOUT')).toBe(true);
    expect((err as { retryable: boolean }).retryable).toBe(true);
    expect((err as Error).message).toMatch(/longer than 1500 ms/);
    expect((await queued).rulesVersion).toBe(rules.version);
    expect(p.stats().restarts).toBe(1);
  });

  it('reports engine errors as ANALYSIS_FAILED, not retryable; a closed pool refuses work', async () => {
    const p = pool();
    const bad = { conversationId: 'x', channel: 'phone', turns: [{ index: 0, role: 'nobody', text: '你好' }] } as unknown as AnalysisInput;
    const inlineErr = await new InlineAnalysisExecutor(() => rules, taxonomy).analyze(bad).catch((e: unknown) => e);
    const err = await p.analyze(bad).catch((e: unknown) => e);
    expect(isPipelineError(inlineErr, 'ANALYSIS_FAILED')).toBe(true);
    expect(isPipelineError(err, 'ANALYSIS_FAILED')).toBe(true);
    expect((err as { retryable: boolean }).retryable).toBe(false);
    await p.close();
    expect(isPipelineError(await p.analyze(input('dev-001')).catch((e: unknown) => e), 'SHUTTING_DOWN')).toBe(true);
  });
});
