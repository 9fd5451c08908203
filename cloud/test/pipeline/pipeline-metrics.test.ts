import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type Pipeline } from '../../src/index.js';
import { PipelineMetrics } from '../../src/pipeline/metrics.js';
import { corpusDialogue, makeStereoPhoneWav, silentLogger, tempDir } from '../helpers.js';

const FAULTY = new URL('./fixtures/faulty-analysis-worker.ts', import.meta.url);

/** The value of one sample line of the Prometheus text output (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v) && Object.keys(have).length === Object.keys(labels).length) return Number(m[3]);
  }
  return 0;
}

describe('pipeline metrics', { timeout: 90_000 }, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    delete process.env.PARLEY_TEST_CRASH_MARKER;
  });

  async function until(pipeline: Pipeline, id: string, state: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (pipeline.services.store.getConversation(id)?.state !== state) {
      if (Date.now() > deadline) throw new Error(`${id} never reached ${state}: ${JSON.stringify(pipeline.services.store.getStages(id))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('counts stage attempts, a worker crash retried with backoff, backlog and awaiting transcription on the host registry', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    process.env.PARLEY_TEST_CRASH_MARKER = join(tmp.dir, 'crashed');
    const { app, pipeline } = await build({
      dataDir: join(tmp.dir, 'data'),
      logger: silentLogger(),
      asr: null,
      webApp: false,
      analysisWorkerModule: FAULTY,
      config: { stages: { pollMs: 20, backoffBaseMs: 20, backoffMaxMs: 100 } },
    });
    cleanups.push(() => app.close());
    const registry = new Registry();
    pipeline.metrics.register(registry);

    const d = corpusDialogue('dev-002');
    const transcript = d.turns.map((t, i) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: i * 4000, endMs: i * 4000 + 3500 }));
    const meta = (callId: string) => ({ callId, agentId: 'agent-1', direction: 'inbound' as const, startTime: 1_790_000_000_000, transcript });
    // the first analysis of this one kills its worker; the stage is retried on a fresh worker
    await pipeline.services.ingestPhone(meta('crash-01'), null);
    await pipeline.services.ingestPhone(meta('calm-02'), null);
    // audio without a transcript and no ASR model: waits for transcription
    await pipeline.services.ingestPhone({ ...meta('audio-03'), transcript: undefined }, makeStereoPhoneWav(tmp.dir));
    await until(pipeline, 'phone-crash-01', 'analyzed');
    await until(pipeline, 'phone-calm-02', 'analyzed');
    await until(pipeline, 'phone-audio-03', 'awaiting_transcription');

    expect(pipeline.services.store.getStages('phone-crash-01').find((s) => s.stage === 'analyze')).toMatchObject({ state: 'done', attempts: 2 });
    await new Promise((r) => setTimeout(r, 5100)); // backlog figures are re-read at most every 5 s
    const text = await registry.metrics();
    expect(sample(text, 'parley_pipeline_stage_started_total', { stage: 'analyze' })).toBe(3);
    expect(sample(text, 'parley_pipeline_stage_succeeded_total', { stage: 'analyze', outcome: 'done' })).toBe(2);
    expect(sample(text, 'parley_pipeline_stage_retried_total', { stage: 'analyze', code: 'ANALYSIS_WORKER_CRASHED' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_failed_total', { stage: 'analyze', code: 'ANALYSIS_WORKER_CRASHED' })).toBe(0);
    expect(sample(text, 'parley_pipeline_stage_succeeded_total', { stage: 'vad', outcome: 'skipped' })).toBe(0); // skipped at creation, never run
    expect(sample(text, 'parley_pipeline_stage_waiting_total', { stage: 'transcribe', code: 'ASR_NOT_CONFIGURED' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_duration_seconds_count', { stage: 'analyze', result: 'succeeded' })).toBe(2);
    expect(sample(text, 'parley_pipeline_stage_duration_seconds_count', { stage: 'analyze', result: 'retried' })).toBe(1);
    expect(sample(text, 'parley_pipeline_awaiting_transcription')).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'transcribe', status: 'waiting' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'analyze', status: 'due' })).toBe(0);
    expect(sample(text, 'parley_pipeline_analysis_workers')).toBe(1);
    expect(sample(text, 'parley_pipeline_analysis_worker_restarts_total')).toBe(1);
    expect(sample(text, 'parley_pipeline_analysis_worker_busy_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'parley_pipeline_analysis_queue')).toBe(0);
  });

  it('reports stage failures and backlog due/scheduled/failed from the store', async () => {
    const rows = [
      { stage: 'decode' as const, status: 'due' as const, conversations: 4 },
      { stage: 'analyze' as const, status: 'scheduled' as const, conversations: 2 },
      { stage: 'decode' as const, status: 'failed' as const, conversations: 1 },
    ];
    let now = 0;
    const m = new PipelineMetrics({ backlog: { stageBacklog: () => rows }, pool: () => null, running: () => 3, now: () => now });
    const registry = new Registry();
    m.register(registry);
    m.stageStarted('decode');
    m.stageFinished('decode', { kind: 'failed', code: 'AUDIO_CORRUPT' }, 0.02);
    let text = await registry.metrics();
    expect(sample(text, 'parley_pipeline_stage_failed_total', { stage: 'decode', code: 'AUDIO_CORRUPT' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_duration_seconds_bucket', { stage: 'decode', result: 'failed', le: '0.025' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'decode', status: 'due' })).toBe(4);
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'analyze', status: 'scheduled' })).toBe(2);
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'decode', status: 'failed' })).toBe(1);
    expect(sample(text, 'parley_pipeline_stages_running')).toBe(3);
    expect(sample(text, 'parley_pipeline_analysis_workers')).toBe(0);
    rows.length = 0;
    now = 1000; // within 5 s: the last figures stand
    text = await registry.metrics();
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'decode', status: 'due' })).toBe(4);
    now = 6000;
    text = await registry.metrics();
    expect(sample(text, 'parley_pipeline_stage_backlog', { stage: 'decode', status: 'due' })).toBe(0);
  });
});
