import { join } from 'node:path';
import type { FinalisedSession } from '@parley/proto';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { loadTaxonomy, RuleSetStore, type Taxonomy } from '../analysis/index.js';
import type { AsrEngine } from '../asr/engine.js';
import { SherpaSpeakerEmbedder, type SpeakerEmbedder } from '../asr/speaker-embedder.js';
import { SherpaAsrEngine } from '../asr/sherpa-engine.js';
import { PcmFiles } from '../audio/pcm-files.js';
import { resolvePipelineConfig, type PipelineConfig, type PipelineConfigInput } from '../config.js';
import { describeError } from '../errors.js';
import { AudioStore } from '../ingest/audio-store.js';
import { consumeBadgeSession } from '../ingest/badge-session.js';
import { DropFolderWatcher } from '../ingest/drop-folder.js';
import { ingestPhoneCall, type PhoneIngestResult } from '../ingest/phone-call.js';
import type { PhoneMetadata } from '../ingest/phone-metadata.js';
import { SpeechDetector } from '../audio/vad.js';
import { indexText } from '../search/segmenter.js';
import { STAGE_HANDLERS } from '../stages/index.js';
import type { StageContext } from '../stages/context.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { PostgresConversationStore } from '../store/postgres-store.js';
import { SqliteConversationStore } from '../store/sqlite-store.js';
import { stageBacklogOf } from '../store/stage-backlog.js';
import { InlineAnalysisExecutor, type AnalysisExecutor } from './analysis-executor.js';
import { AnalysisWorkerPool } from './analysis-pool.js';
import { PipelineMetrics } from './metrics.js';
import { StageLeases } from '../worker/stage-leases.js';
import { StageRunner } from './stage-runner.js';
import { apiRoutes } from '../api/routes.js';

export interface PipelineOptions {
  /** The pipeline keeps `cloud.db`, `audio/` and `work/` under `<dataDir>`. */
  dataDir: string;
  logger: Logger;
  config?: PipelineConfig | PipelineConfigInput;
  /** Rule files (default: the analysis package's rules/). */
  rulesDir?: string;
  /** Explicit engine (tests) or null for none; omitted: sherpa-onnx from config.asr.modelDir. */
  asr?: AsrEngine | null;
  /** Explicit speaker embedder (tests) or null; omitted: sherpa-onnx from config.speakerEmbedding.model. */
  embedder?: SpeakerEmbedder | null;
  taxonomy?: Taxonomy;
  /** A store other than the one config.store selects (tests). The caller closes it. */
  store?: ConversationStore;
  /** Called for every transcript view, recording playback and review (the host writes its audit log). */
  audit?: (event: AccessEvent) => void;
  /** Called for every rule change and re-run job started or cancelled (the host writes its audit log). */
  auditRules?: (event: RulesChangeEvent) => void;
  /** Called for every export of customer data (the host writes its audit log). */
  auditExport?: (event: DataExportEvent) => void;
  /** Entry module of the analysis workers (tests inject faults); default the real one. */
  analysisWorkerModule?: URL;
  /** Watch config.dropFolder.dir (default true; a pipeline worker leaves ingest to the main job). */
  dropFolder?: boolean;
  /**
   * Reload the rule files when they change on disk (default true). A pipeline worker does not: it follows the
   * version the main job made active in the shared store.
   */
  watchRuleFiles?: boolean;
}

export interface AccessEvent {
  action: 'conversation.view' | 'recording.play' | 'review.tag' | 'review.keyPoint' | 'review.compliance';
  conversationId: string;
  /** What a review changed. */
  details?: Record<string, unknown>;
  /** Request id and client address from fastify; the host adds the authenticated user it knows. */
  requestId: string;
  ip: string;
  at: number;
}

/** An audited action on a named target, with what it did; the host adds the authenticated user. */
export interface TargetedEvent<A extends string = string> {
  action: A;
  target: string;
  details: Record<string, unknown>;
  requestId: string;
  ip: string;
  at: number;
}

/** A rule change: `target` is the rule-set version saved or activated, or the re-run job. */
export type RulesChangeEvent = TargetedEvent<'rules.save' | 'rules.activate' | 'rules.rerun.start' | 'rules.rerun.cancel'>;

/** A customer-list export: `target` is the file name it was offered as; `details` how many customers, which tag conditions, which language. */
export type DataExportEvent = TargetedEvent<'customers.export'>;

/** What the API and the ingest paths share. */
export interface PipelineServices {
  config: PipelineConfig;
  store: ConversationStore;
  audio: AudioStore;
  runner: StageRunner;
  context: StageContext;
  rules: RuleSetStore;
  logger: Logger;
  audit(event: AccessEvent): void;
  auditRules(event: RulesChangeEvent): void;
  auditExport(event: DataExportEvent): void;
  ingestPhone(meta: PhoneMetadata, audioFile: string | null, opts?: { move?: boolean }): Promise<PhoneIngestResult>;
}

export interface Pipeline {
  /** Fastify plugin with the pipeline's HTTP API; mount under a prefix such as /api/v1/cloud. */
  routes: FastifyPluginAsync;
  consumeBadgeSession(s: FinalisedSession): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when no stage is running or due (tests, benchmarks). */
  whenIdle(): Promise<void>;
  services: PipelineServices;
  /** Stage counters, durations, backlog and worker-pool figures; register them on the host's prom-client registry. */
  metrics: PipelineMetrics;
}

function makeAsr(opts: PipelineOptions, config: PipelineConfig): { engine: AsrEngine | null; reason: string } {
  if (opts.asr !== undefined) {
    return { engine: opts.asr, reason: opts.asr ? '' : 'No speech recognition engine is configured (see docs/asr.md).' };
  }
  if (!config.asr.modelDir) {
    return { engine: null, reason: 'No speech recognition model is configured: set asr.modelDir (see docs/asr.md).' };
  }
  try {
    const engine = new SherpaAsrEngine({
      modelDir: config.asr.modelDir,
      modelType: config.asr.modelType,
      numThreads: config.asr.numThreads,
      timeoutMs: config.asr.timeoutMs,
      logger: opts.logger,
    });
    return { engine, reason: '' };
  } catch (err) {
    const e = describeError(err);
    opts.logger.error({ code: e.code, err: e.message }, 'ASR model rejected; conversations will wait for transcription');
    return { engine: null, reason: `The configured speech recognition model is unusable: ${e.message}` };
  }
}

function makeEmbedder(opts: PipelineOptions, config: PipelineConfig): SpeakerEmbedder | null {
  if (opts.embedder !== undefined) return opts.embedder;
  if (!config.speakerEmbedding.model) return null;
  try {
    return new SherpaSpeakerEmbedder({
      model: config.speakerEmbedding.model,
      numThreads: 1,
      timeoutMs: config.speakerEmbedding.timeoutMs,
      logger: opts.logger,
    });
  } catch (err) {
    const e = describeError(err);
    opts.logger.error({ code: e.code, err: e.message }, 'speaker embedding model rejected; roles by loudness only');
    return null;
  }
}

function makeStore(opts: PipelineOptions, config: PipelineConfig): ConversationStore {
  if (opts.store) return opts.store;
  if (config.store === 'postgres') {
    return new PostgresConversationStore({
      url: config.postgres.url!,
      statementTimeoutMs: config.postgres.statementTimeoutMs,
      connectTimeoutMs: config.postgres.connectTimeoutMs,
    });
  }
  return new SqliteConversationStore(join(opts.dataDir, 'cloud.db'));
}

/** An audit hook whose failure is logged, never thrown into the request that was audited. */
function guardedAuditHook<E>(hook: ((event: E) => void) | undefined, logger: Logger): (event: E) => void {
  return (event) => {
    try {
      hook?.(event);
    } catch (err) {
      logger.error({ err, event }, 'audit hook failed');
    }
  };
}

export function createPipeline(opts: PipelineOptions): Pipeline {
  const config = resolvePipelineConfig(opts.config ?? {});
  const logger = opts.logger.child({ module: 'pipeline' });
  const ownStore = makeStore(opts, config);
  // Processes sharing a PostgreSQL store hold their stages as leases, so one starting does not retake another's.
  const leases = ownStore instanceof PostgresConversationStore && config.stages.runInProcess ? new StageLeases(ownStore, { leaseMs: config.stages.leaseMs, logger }) : null;
  const store = leases ? leases.wrap() : ownStore;
  const audio = new AudioStore(opts.dataDir);
  const rules = new RuleSetStore(opts.rulesDir);
  const taxonomy = opts.taxonomy ?? loadTaxonomy();
  const asr = makeAsr(opts, config);
  const pool =
    config.analysis.workers > 0
      ? new AnalysisWorkerPool({ size: config.analysis.workers, timeoutMs: config.analysis.timeoutMs, rules: () => rules.current(), taxonomy, logger, ...(opts.analysisWorkerModule ? { workerModule: opts.analysisWorkerModule } : {}) })
      : null;
  const analysis: AnalysisExecutor = pool ?? new InlineAnalysisExecutor(() => rules.current(), taxonomy);
  const context: StageContext = {
    store,
    pcm: new PcmFiles(join(opts.dataDir, 'work')),
    dataDir: opts.dataDir,
    config,
    logger,
    asr: asr.engine,
    asrUnavailableReason: asr.reason,
    embedder: makeEmbedder(opts, config),
    rules: () => rules.current(),
    analysis,
    taxonomy,
  };
  const metrics: PipelineMetrics = new PipelineMetrics({
    backlog: stageBacklogOf(store),
    pool: () => pool?.stats() ?? null,
    running: (): number => runner.running, // called at scrape time, after the runner exists
    onError: (err) => logger.error({ err }, 'pipeline backlog metrics could not be read'),
  });
  const runner: StageRunner = new StageRunner(context, STAGE_HANDLERS, config.stages, logger, Date.now, metrics);
  const deps = { store, audio, logger, onNew: () => runner.kick() };
  const services: PipelineServices = {
    config,
    store,
    audio,
    runner,
    context,
    rules,
    logger,
    audit: guardedAuditHook(opts.audit, logger),
    auditRules: guardedAuditHook(opts.auditRules, logger),
    auditExport: guardedAuditHook(opts.auditExport, logger),
    ingestPhone: (meta, file, o) => ingestPhoneCall(deps, meta, file, o),
  };
  const dropFolder = config.dropFolder.dir && opts.dropFolder !== false
    ? new DropFolderWatcher(config.dropFolder.dir, config.dropFolder, (m, f) => services.ingestPhone(m, f), logger)
    : null;
  let started = false;

  return {
    routes: apiRoutes(services),
    consumeBadgeSession: (s) => consumeBadgeSession(deps, s),
    async start() {
      if (started) return;
      started = true;
      const runStages = config.stages.runInProcess;
      if (asr.engine && runStages) {
        const resumed = store.resumeWaiting('transcribe', Date.now());
        if (resumed > 0) logger.info({ resumed }, 'ASR available: waiting conversations resume');
      }
      // Load jieba's dictionaries (search queries segment on this thread) and the Silero model now rather than stall
      // the shared event loop on the first conversation; the analysis workers warm up on their own threads.
      indexText('预热');
      if (runStages) new SpeechDetector(config.vad).finish();
      pool?.start();
      // runInProcess false: pipeline workers sharing the PostgreSQL store claim every stage (docs/deployment.md#scaling).
      if (runStages) {
        leases?.start();
        runner.start();
      }
      else logger.info('stages run on pipeline workers, not in this process (pipeline.stages.runInProcess false)');
      // Rule files edited on disk take effect for new analyses once they validate.
      if (opts.watchRuleFiles !== false) {
        rules.watch((r) => {
          if (r.ok) logger.info({ version: r.version }, 'rules reloaded');
          else logger.error({ err: r.error.message }, 'edited rules rejected; previous rules stay active');
        });
      }
      await dropFolder?.start();
    },
    // Stages running in other processes (runInProcess false) are not waited for.
    whenIdle: () => (config.stages.runInProcess ? runner.whenIdle() : Promise.resolve()),
    metrics,
    async close() {
      await dropFolder?.stop();
      await runner.stop();
      leases?.stop();
      await analysis.close();
      rules.close();
      await asr.engine?.close();
      await context.embedder?.close();
      if (!opts.store) store.close();
    },
    services,
  };
}
