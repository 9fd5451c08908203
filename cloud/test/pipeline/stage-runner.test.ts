import { describe, expect, it } from 'vitest';
import { backoffDelay, StageRunner } from '../../src/pipeline/stage-runner.js';
import { resolvePipelineConfig } from '../../src/config.js';
import { PipelineError } from '../../src/errors.js';
import type { StageContext, StageHandlers } from '../../src/stages/context.js';
import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { silentLogger } from '../helpers.js';

describe('stage runner', () => {
  it('backs off exponentially with bounded jitter and a ceiling', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffDelay(2, 1000, 60_000, () => 0)).toBe(1600);
    expect(backoffDelay(2, 1000, 60_000, () => 1)).toBe(2400);
  });

  it('retries a failing stage until it succeeds, gives up on bad input at once, records errors', async () => {
    const store = new SqliteConversationStore(':memory:');
    const base = {
      channel: 'phone' as const, source: {}, staffId: null, branchId: null, customerId: null, startedAt: 0, endedAt: 0,
      durationMs: null, audioPath: null, audioFormat: null, transcriptSource: null, gaps: [], segments: [],
      skipStages: ['vad', 'roles', 'transcribe', 'normalize', 'analyze', 'index'] as const,
    };
    store.createConversation({ ...base, id: 'flaky', skipStages: [...base.skipStages] }, Date.now());
    store.createConversation({ ...base, id: 'broken', skipStages: [...base.skipStages] }, Date.now());
    let flakyCalls = 0;
    const ok = async () => ({ kind: 'done' as const });
    const handlers: StageHandlers = {
      decode: async (_ctx, c) => {
        if (c.id === 'broken') throw new PipelineError('AUDIO_CORRUPT', 'garbage', { retryable: false });
        if (++flakyCalls < 3) throw new Error('transient');
        return { kind: 'done' };
      },
      vad: ok, roles: ok, transcribe: ok, normalize: ok, analyze: ok, index: ok,
    };
    const config = resolvePipelineConfig({ stages: { backoffBaseMs: 5, backoffMaxMs: 20, pollMs: 10, maxAttempts: 5 } });
    const ctx = { store, config } as unknown as StageContext;
    const runner = new StageRunner(ctx, handlers, config.stages, silentLogger());
    runner.start();
    const deadline = Date.now() + 5000;
    while (store.getConversation('flaky')!.state !== 'analyzed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(flakyCalls).toBe(3);
    expect(store.getConversation('flaky')!.state).toBe('analyzed');
    expect(store.getStages('flaky')[0]).toMatchObject({ state: 'done', attempts: 3, error: null });
    expect(store.getConversation('broken')!.state).toBe('failed');
    expect(store.getStages('broken')[0]).toMatchObject({ state: 'failed', attempts: 1, errorCode: 'AUDIO_CORRUPT' });
    store.close();
  });

  it('gives the event loop a turn between stages, even when they finish without I/O', async () => {
    const store = new SqliteConversationStore(':memory:');
    const base = {
      channel: 'phone' as const, source: {}, staffId: null, branchId: null, customerId: null, startedAt: 0, endedAt: 0,
      durationMs: null, audioPath: null, audioFormat: null, transcriptSource: null, gaps: [], segments: [],
    };
    for (let i = 0; i < 40; i++) store.createConversation({ ...base, id: `c${i}`, skipStages: ['vad', 'roles', 'transcribe'] }, 0);
    let finished = 0;
    const sync = async () => {
      finished++;
      return { kind: 'done' as const };
    };
    const handlers: StageHandlers = { decode: sync, vad: sync, roles: sync, transcribe: sync, normalize: sync, analyze: sync, index: sync };
    const config = resolvePipelineConfig({ stages: { pollMs: 10 } });
    const runner = new StageRunner({ store, config } as unknown as StageContext, handlers, config.stages, silentLogger());
    const seenByTimer = new Promise<number>((resolve) => setImmediate(() => resolve(finished)));
    runner.start();
    // 160 stage runs are due; a timer queued before them must not wait for all of them
    expect(await seenByTimer).toBeLessThan(20);
    await runner.whenIdle();
    await runner.stop();
    expect(finished).toBe(160);
    expect(store.countConversations({ state: 'analyzed' })).toBe(40);
    store.close();
  });

  it('survives a store that fails while it looks for work or reads a claimed conversation: it logs, retries the stage, and the work gets done', async () => {
    const store = new SqliteConversationStore(':memory:');
    const base = {
      channel: 'phone' as const, source: {}, staffId: null, branchId: null, customerId: null, startedAt: 0, endedAt: 0,
      durationMs: null, audioPath: null, audioFormat: null, transcriptSource: null, gaps: [], segments: [],
    };
    store.createConversation({ ...base, id: 'c1', skipStages: ['vad', 'roles', 'transcribe', 'normalize', 'analyze', 'index'] }, 0);
    // The store is unreachable for its first two looks for work and the first read of a claimed conversation.
    let lookFailures = 2;
    let readFailures = 1;
    const unavailable = () => new PipelineError('STORE_UNAVAILABLE', 'PostgreSQL did not answer');
    const flaky = new Proxy(store, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if ((prop === 'nextDueAt' || prop === 'claimDueStage') && lookFailures > 0) {
            lookFailures--;
            throw unavailable();
          }
          if (prop === 'getConversation' && readFailures > 0) {
            readFailures--;
            throw unavailable();
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const ok = async () => ({ kind: 'done' as const });
    const handlers: StageHandlers = { decode: ok, vad: ok, roles: ok, transcribe: ok, normalize: ok, analyze: ok, index: ok };
    const config = resolvePipelineConfig({ stages: { pollMs: 10, backoffBaseMs: 10 } });
    const errors: string[] = [];
    const warnings: string[] = [];
    const logger = silentLogger();
    logger.error = ((obj: { code?: string }, msg?: string) => errors.push(`${obj.code}: ${msg}`)) as typeof logger.error;
    logger.warn = ((obj: { code?: string }, msg?: string) => warnings.push(`${obj.code}: ${msg}`)) as typeof logger.warn;
    const runner = new StageRunner({ store: flaky, config } as unknown as StageContext, handlers, config.stages, logger);
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    try {
      runner.start(); // would throw out of start() (and later out of a timer) before
      // the failed read of the claimed conversation is a failed attempt, retried after the backoff: the claim is not
      // left running until a restart or an expired lease
      const deadline = Date.now() + 4000;
      while (store.getConversation('c1')!.state !== 'analyzed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await runner.stop();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(store.getConversation('c1')!.state).toBe('analyzed');
    expect(errors.filter((e) => e === 'STORE_UNAVAILABLE: could not look for due stages; trying again')).toHaveLength(2);
    expect(warnings).toContain('STORE_UNAVAILABLE: stage failed, will retry');
    expect(errors.filter((e) => e.includes('could not be run or recorded'))).toEqual([]);
    expect(store.getStages('c1').find((s) => s.stage === 'decode')).toMatchObject({ state: 'done', attempts: 2 });
    expect(unhandled).toEqual([]);
    store.close();
  });
});
