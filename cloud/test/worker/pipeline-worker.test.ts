import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/app.js';
import { resolvePipelineConfig } from '../../src/config.js';
import { isPipelineError } from '../../src/errors.js';
import type { Pipeline } from '../../src/pipeline/create.js';
import type { ConversationStore } from '../../src/store/conversation-store.js';
import { buildPipelineWorker, type PipelineWorker } from '../../src/worker/app.js';
import { corpusDialogue, makeStereoPhoneWav, MARS_RULE, silentLogger, tempDir } from '../helpers.js';
import { findPostgresBin, skipWithoutPostgres, startPostgres, type PostgresServer } from '../store/postgres-server.js';

/**
 * The main job's pipeline with stages.runInProcess false (ingest + API only)
 * and pipeline workers sharing its PostgreSQL database and data directory.
 */
const API = '/api/v1/cloud';

function transcript(extraStaffLine?: string) {
  const d = corpusDialogue('dev-002');
  const turns = d.turns.map((t) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text }));
  if (extraStaffLine) turns.push({ speaker: '坐席', text: extraStaffLine });
  return turns.map((t, i) => ({ ...t, startMs: i * 4000, endMs: i * 4000 + 3500 }));
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const bin = findPostgresBin();
if (!bin) {
  skipWithoutPostgres('pipeline worker');
} else {
  describe('pipeline worker beside a main job that does not run stages', { timeout: 120_000 }, () => {
    let server: PostgresServer;
    const cleanups: Array<() => unknown> = [];
    beforeAll(() => {
      server = startPostgres(bin);
    }, 120_000);
    afterAll(() => server?.stop(), 60_000);
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    async function mainJob(dataDir: string, url: string): Promise<{ app: FastifyInstance; pipeline: Pipeline }> {
      const main = await build({
        dataDir: join(dataDir, 'cloud'),
        logger: silentLogger(),
        asr: null,
        webApp: false,
        config: { store: 'postgres', postgres: { url }, stages: { runInProcess: false, pollMs: 20 } },
      });
      cleanups.push(() => main.app.close());
      return main;
    }

    async function worker(dataDir: string, url: string, extra: { leaseMs?: number } = {}): Promise<PipelineWorker> {
      const w = await buildPipelineWorker({
        dataDir,
        logger: silentLogger(),
        asr: null,
        pipeline: resolvePipelineConfig({
          store: 'postgres',
          postgres: { url },
          stages: { pollMs: 20, backoffBaseMs: 20, ...(extra.leaseMs ? { leaseMs: extra.leaseMs } : {}) },
          worker: { port: 0, host: '127.0.0.1', rulesPollMs: 100 },
        }),
      });
      cleanups.push(() => w.close());
      return w;
    }

    const stateOf = (store: ConversationStore, id: string) => store.getConversation(id)?.state;

    it('the main job only ingests; a worker decodes, analyses and indexes the call, and follows a rule change made through the API', async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      const url = server.createDatabase();
      const { app, pipeline } = await mainJob(tmp.dir, url);
      const store = pipeline.services.store;

      await pipeline.services.ingestPhone(
        { callId: 'w-1', agentId: 'agent-1', direction: 'inbound', startTime: 1_790_000_000_000, transcript: transcript() },
        makeStereoPhoneWav(tmp.dir),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(stateOf(store, 'phone-w-1')).toBe('processing');
      expect(store.getStages('phone-w-1').find((s) => s.stage === 'decode')).toMatchObject({ state: 'pending', attempts: 0 });

      // a worker that does not see the main job's recordings refuses to start, saying why
      const elsewhere = tempDir();
      cleanups.push(elsewhere.cleanup);
      const blind = await worker(elsewhere.dir, url);
      const refused = await blind.start().then(() => null, (err: unknown) => err);
      expect(isPipelineError(refused, 'CONFIG_INVALID')).toBe(true);
      expect((refused as Error).message).toMatch(/shared storage/);
      await blind.close();
      expect(store.getStages('phone-w-1').find((s) => s.stage === 'decode')?.attempts).toBe(0);

      const w = await worker(tmp.dir, url);
      await w.start();
      await until('phone-w-1 analysed by the worker', () => stateOf(store, 'phone-w-1') === 'analyzed');
      const detail = (await app.inject({ url: `${API}/conversations/phone-w-1` })).json();
      expect(Object.fromEntries(detail.stages.map((s: { stage: string; state: string }) => [s.stage, s.state]))).toEqual({
        decode: 'done', vad: 'skipped', roles: 'skipped', transcribe: 'skipped', normalize: 'done', analyze: 'done', index: 'done',
      });
      expect(detail.durationMs).toBeGreaterThan(17_000);
      expect(detail.keyPoints.length).toBeGreaterThan(0);
      const word = corpusDialogue('dev-002').turns[0]!.text.slice(0, 2);
      const found = (await app.inject({ url: `${API}/conversations?q=${encodeURIComponent(word)}` })).json();
      expect(found.items.map((c: { id: string }) => c.id)).toEqual(['phone-w-1']);
      const filesVersion = pipeline.services.rules.current().version;
      expect(detail.summary.rulesVersion).toBe(filesVersion);

      // an edited rule saved through the main job's API reaches the worker through the store
      const saved = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { yaml: MARS_RULE, reviewer: 'ana' } });
      expect(saved.statusCode, saved.body).toBe(201);
      const edited = saved.json().version.version as string;
      await until('the worker to follow the edited version', () => w.pipeline.services.rules.current().version === edited, 10_000);
      const health = await w.app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'running', rulesVersion: edited });

      await pipeline.services.ingestPhone(
        { callId: 'w-2', agentId: 'agent-1', direction: 'inbound', startTime: 1_790_000_100_000, transcript: transcript('我们的火星计划收益很好') },
        null,
      );
      await until('phone-w-2 analysed by the worker', () => stateOf(store, 'phone-w-2') === 'analyzed');
      const second = (await app.inject({ url: `${API}/conversations/phone-w-2` })).json();
      expect(second.summary.rulesVersion).toBe(edited);
      expect(second.compliance.map((h: { ruleId: string }) => h.ruleId)).toContain('compliance.test.mars_plan');

      // reverting through the API: the worker follows back
      const reverted = await app.inject({ method: 'POST', url: `${API}/rules/versions/${encodeURIComponent(filesVersion)}/activate`, payload: { reviewer: 'ana' } });
      expect(reverted.statusCode, reverted.body).toBe(200);
      await until('the worker to follow the revert', () => w.pipeline.services.rules.current().version === filesVersion, 10_000);

      const metrics = await w.app.inject({ url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toMatch(/parley_pipeline_stage_started_total\{stage="analyze"\} 2/);
      expect(metrics.body).toMatch(/parley_process_cpu_seconds_total/);
      expect(metrics.body).toContain(`parley_pipeline_worker_rules_info{version="${filesVersion}"} 1`);
      expect(metrics.body).not.toContain(`version="${edited}"`);
      expect((await w.app.inject({ url: `${API}/conversations` })).statusCode).toBe(404); // no API on a worker
    });

    it('two workers share the work without running a stage twice; a stopping worker finishes the stage it claimed', async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      const url = server.createDatabase();
      const { pipeline } = await mainJob(tmp.dir, url);
      const store = pipeline.services.store;
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        await pipeline.services.ingestPhone({ callId: `s-${i}`, agentId: 'agent-2', direction: 'outbound', startTime: 1_790_000_000_000 + i, transcript: transcript() }, null);
        ids.push(`phone-s-${i}`);
      }
      const a = await worker(tmp.dir, url);
      const b = await worker(tmp.dir, url);
      await a.start();
      await b.start();
      // stop one as soon as it runs a stage: it claims nothing more and leaves no stage half done
      await until('worker a to run a stage', () => a.pipeline.services.runner.running > 0, 30_000);
      await a.close();
      expect(a.pipeline.services.runner.running).toBe(0);
      const running = ids.flatMap((id) => store.getStages(id).filter((s) => s.state === 'running').map((s) => `${id}/${s.stage}`));
      // whatever is still running belongs to worker b: named, so a stage left behind says which one it is
      const bRuns = b.pipeline.services.runner.runningStages();
      expect(running.filter((s) => !bRuns.includes(s)), `running in the store ${running.join(', ')}; worker b runs ${bRuns.join(', ')}`).toEqual([]);
      await until('every call analysed', () => ids.every((id) => stateOf(store, id) === 'analyzed'));
      for (const id of ids) {
        for (const s of store.getStages(id)) expect(s.attempts, `${id}/${s.stage}`).toBeLessThanOrEqual(1);
      }
    });

    it('a worker starting while another runs a stage does not take that stage away from it', async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      const url = server.createDatabase();
      const { pipeline } = await mainJob(tmp.dir, url);
      const store = pipeline.services.store;
      await pipeline.services.ingestPhone({ callId: 'r-1', agentId: 'agent-4', direction: 'inbound', startTime: 1_790_000_000_000, transcript: transcript() }, makeStereoPhoneWav(tmp.dir));
      const a = await worker(tmp.dir, url);
      await a.start();
      expect(a.pipeline.services.runner.running).toBe(1); // claimed decode at once
      const b = await worker(tmp.dir, url);
      await b.start();
      expect(b.pipeline.services.runner.running).toBe(0);
      await until('phone-r-1 analysed', () => stateOf(store, 'phone-r-1') === 'analyzed');
      expect(store.getStages('phone-r-1').find((s) => s.stage === 'decode')?.attempts).toBe(1);
    });

    it('a stage claimed by a process that died is retaken once its lease expires, not before', async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      const url = server.createDatabase();
      const { pipeline } = await mainJob(tmp.dir, url);
      const store = pipeline.services.store;
      await pipeline.services.ingestPhone({ callId: 'd-1', agentId: 'agent-5', direction: 'inbound', startTime: 1_790_000_000_000, transcript: transcript() }, null);
      const w = await worker(tmp.dir, url, { leaseMs: 5000 });
      // a process claims the first due stage and dies without finishing it
      const claimedAt = Date.now();
      expect(store.claimDueStage(claimedAt)).toMatchObject({ conversationId: 'phone-d-1', stage: 'decode' });
      await w.start();
      await new Promise((r) => setTimeout(r, 500));
      expect(store.getStages('phone-d-1').find((s) => s.stage === 'decode')).toMatchObject({ state: 'running', attempts: 1 });
      await until('phone-d-1 analysed after the lease expired', () => stateOf(store, 'phone-d-1') === 'analyzed', 30_000);
      expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(5000);
      expect(store.getStages('phone-d-1').find((s) => s.stage === 'decode')).toMatchObject({ state: 'skipped', attempts: 2 });
    });

    it('npm run pipeline-worker: the real entry reads the PARLEY_* environment, analyses, serves /healthz and stops cleanly on SIGTERM', async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      const url = server.createDatabase();
      const { pipeline } = await mainJob(tmp.dir, url);
      await pipeline.services.ingestPhone({ callId: 'e-1', agentId: 'agent-3', direction: 'inbound', startTime: 1_790_000_000_000, transcript: transcript() }, null);
      const entry = join(import.meta.dirname, '..', '..', 'src', 'worker-main.ts');
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, PARLEY_DATA_DIR: tmp.dir, PARLEY_LOG_LEVEL: 'info' };

      // SQLite (the default store) is refused before anything starts
      const refused = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      refused.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const [refusedCode] = (await once(refused, 'exit')) as [number | null];
      expect(refusedCode).toBe(78);
      expect(stderr).toMatch(/pipeline\.store: a pipeline worker needs 'postgres'/);

      const child = spawn(process.execPath, ['--import', 'tsx', entry], {
        env: {
          ...env,
          PARLEY_PIPELINE_STORE: 'postgres',
          PARLEY_PIPELINE_POSTGRES_URL: url,
          PARLEY_PIPELINE_WORKER_HOST: '127.0.0.1',
          PARLEY_PIPELINE_WORKER_PORT: '0',
          PARLEY_PIPELINE_STAGES_POLL_MS: '20',
          PARLEY_MQTT_PORT: '1999', // the main job's keys in a shared environment are left to it
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      cleanups.push(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
      });
      const lines: Array<Record<string, unknown>> = [];
      const listening = new Promise<number>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const entry = JSON.parse(line) as Record<string, unknown>;
          lines.push(entry);
          if (entry.msg === 'pipeline worker listening') resolve(entry.port as number);
        });
        void exited.then(([code]) => reject(new Error(`worker exited (${code}) before listening`)));
      });
      const port = await listening;
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'running' });
      await until('phone-e-1 analysed by the worker process', () => stateOf(pipeline.services.store, 'phone-e-1') === 'analyzed');
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toMatch(/parley_pipeline_stage_succeeded_total\{stage="index",outcome="done"\} 1/);

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['pipeline worker running', 'shutting down: finishing the stages in progress', 'stopped']));
    });
  });
}
