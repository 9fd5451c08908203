import { join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { loadTaxonomy } from '../analysis/index.js';
import type { AsrEngine } from '../asr/engine.js';
import type { SpeakerEmbedder } from '../asr/speaker-embedder.js';
import type { PipelineConfig } from '../config.js';
import { PipelineError } from '../errors.js';
import { createPipeline, type Pipeline } from '../pipeline/create.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { PostgresConversationStore } from '../store/postgres-store.js';
import { ActiveRulesFollower } from './active-rules.js';
import { checkSharedRecordings } from './recordings-check.js';

export interface PipelineWorkerOptions {
  /** The main job's dataDir: the pipeline's files are under `<dataDir>/cloud`, which must be the main job's (shared storage). */
  dataDir: string;
  /** store must be postgres (loadWorkerConfig checks it); stages.runInProcess is ignored. */
  pipeline: PipelineConfig;
  logger: Logger;
  /** A store other than the one the config selects (tests). The caller closes it. */
  store?: ConversationStore;
  /** Explicit ASR engine (tests) or null; omitted: sherpa-onnx from pipeline.asr.modelDir. */
  asr?: AsrEngine | null;
  embedder?: SpeakerEmbedder | null;
  rulesDir?: string;
  taxonomy?: Taxonomy;
}

export interface PipelineWorker {
  /** /healthz and /metrics only. */
  app: FastifyInstance;
  pipeline: Pipeline;
  rules: ActiveRulesFollower;
  /** Checks the shared storage, takes the active rule version and starts claiming stages. */
  start(): Promise<void>;
  /** Binds the HTTP port (pipeline.worker.host/port); call after start(). */
  listen(): Promise<{ host: string; port: number }>;
  /** Stops claiming, waits for the stages it runs to finish (or fail), closes the ASR child, analysis threads, HTTP and the store. */
  close(): Promise<void>;
}

/**
 * A pipeline-only process (`npm run pipeline-worker`): the stage runner,
 * the analysis pool and speech recognition over the PostgreSQL store the
 * main job shares, and nothing else — no broker, no ingest, no drop folder,
 * no API. Several run side by side: each claims due stages with FOR UPDATE
 * SKIP LOCKED, so a stage runs in one of them. Rule changes made through the
 * main job's API reach it through the store (ActiveRulesFollower).
 */
export async function buildPipelineWorker(opts: PipelineWorkerOptions): Promise<PipelineWorker> {
  const { logger } = opts;
  if (!opts.store && opts.pipeline.store !== 'postgres') {
    throw new PipelineError('CONFIG_INVALID', "pipeline.store must be 'postgres' for a pipeline worker (SQLite is single-process)", { retryable: false });
  }
  const config: PipelineConfig = { ...opts.pipeline, stages: { ...opts.pipeline.stages, runInProcess: true } };
  const pipelineDir = join(opts.dataDir, 'cloud');
  const taxonomy = opts.taxonomy ?? loadTaxonomy();
  const pipeline = createPipeline({
    dataDir: pipelineDir,
    logger,
    config,
    taxonomy,
    dropFolder: false,
    watchRuleFiles: false,
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.asr !== undefined ? { asr: opts.asr } : {}),
    ...(opts.embedder !== undefined ? { embedder: opts.embedder } : {}),
    ...(opts.rulesDir ? { rulesDir: opts.rulesDir } : {}),
  });
  const { store } = pipeline.services;
  const follower = new ActiveRulesFollower({
    store,
    rules: pipeline.services.rules,
    taxonomy,
    logger,
    pollMs: config.worker.rulesPollMs,
    // One short row per poll rather than the whole rule document.
    ...(store instanceof PostgresConversationStore
      ? { activeVersion: () => store.db.one<{ version: string }>('SELECT version FROM rule_set_versions WHERE active')?.version ?? null }
      : {}),
  });

  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  pipeline.metrics.register(registry);
  const rules = pipeline.services.rules;
  new Gauge({
    name: 'parley_pipeline_worker_rules_info',
    help: 'The rule-set version this worker analyses with (value 1): after a rule change every worker should show the new one',
    labelNames: ['version'],
    registers: [registry],
    collect() {
      this.reset();
      this.set({ version: rules.current().version }, 1);
    },
  });

  let state: 'starting' | 'running' | 'stopping' = 'starting';
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  // Probes and scrapes every few seconds: their requests are not logged.
  const quiet = { logLevel: 'warn' as const };
  app.get('/healthz', quiet, async (_req, reply) => {
    const body = { status: state, rulesVersion: rules.current().version, stagesRunning: pipeline.services.runner.running };
    return reply.status(state === 'stopping' ? 503 : 200).send(body);
  });
  app.get('/metrics', quiet, async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));

  let started = false;
  let closed: Promise<void> | null = null;
  return {
    app,
    pipeline,
    rules: follower,
    async start() {
      // a signal during startup closes the worker: it must not start claiming afterwards
      if (started || closed) return;
      started = true;
      const recordings = checkSharedRecordings(store, pipelineDir, config.worker.recordingsCheckCount);
      const version = follower.check();
      await pipeline.start();
      follower.start();
      state = 'running';
      logger.info({ rulesVersion: version, recordingsChecked: recordings.checked, concurrency: config.stages.concurrency }, 'pipeline worker running');
    },
    async listen() {
      await app.listen({ host: config.worker.host, port: config.worker.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.worker.port;
      return { host: config.worker.host, port };
    },
    close() {
      closed ??= (async () => {
        state = 'stopping';
        follower.stop();
        await pipeline.close();
        await app.close();
      })();
      return closed;
    },
  };
}
