import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { STAGES, type StageName } from '../model/conversation.js';
import type { BacklogStatus, StageBacklogSource } from '../store/stage-backlog.js';
import type { AnalysisPoolStats } from './analysis-pool.js';
import type { StageObserver, StageResult } from './stage-runner.js';

const BACKLOG_STATUSES: readonly BacklogStatus[] = ['due', 'scheduled', 'running', 'waiting', 'failed'];

/** Backlog figures are a query over every unfinished conversation: at most one per this interval, however often /metrics is scraped. */
const BACKLOG_MAX_AGE_MS = 5000;

export interface PipelineMetricsSources {
  backlog: StageBacklogSource | null;
  /** Analysis pool figures; null when the text stages run inline. */
  pool: () => AnalysisPoolStats | null;
  /** Stages running in this process now. */
  running: () => number;
  now?: () => number;
  /** A backlog query failed during a scrape (the previous figures stay). */
  onError?: (err: unknown) => void;
}

/**
 * The pipeline's Prometheus metrics (prom-client). Created unregistered; the
 * host registers them on its registry (the main job: the gateway's, so they
 * appear on its GET /metrics). Stage counters and durations are fed by the
 * stage runner; backlog, awaiting-transcription and worker-pool figures are
 * read when scraped.
 */
export class PipelineMetrics implements StageObserver {
  readonly started: Counter<'stage'>;
  readonly succeeded: Counter<'stage' | 'outcome'>;
  readonly failed: Counter<'stage' | 'code'>;
  readonly retried: Counter<'stage' | 'code'>;
  readonly waited: Counter<'stage' | 'code'>;
  readonly duration: Histogram<'stage' | 'result'>;
  readonly backlog: Gauge<'stage' | 'status'>;
  readonly awaitingTranscription: Gauge;
  readonly running: Gauge;
  readonly poolWorkers: Gauge;
  readonly poolBusy: Gauge;
  readonly poolQueued: Gauge;
  readonly poolBusySeconds: Counter;
  readonly poolRestarts: Counter;
  private backlogReadAt = -Infinity;

  constructor(sources: PipelineMetricsSources) {
    const now = sources.now ?? Date.now;
    this.started = new Counter({ name: 'parley_pipeline_stage_started_total', help: 'Stage attempts started, by stage', labelNames: ['stage'], registers: [] });
    this.succeeded = new Counter({
      name: 'parley_pipeline_stage_succeeded_total',
      help: 'Stage attempts that finished, by stage and outcome (done, skipped)',
      labelNames: ['stage', 'outcome'],
      registers: [],
    });
    this.failed = new Counter({
      name: 'parley_pipeline_stage_failed_total',
      help: 'Stage attempts that failed for good (not retryable, or out of attempts), by stage and error code',
      labelNames: ['stage', 'code'],
      registers: [],
    });
    this.retried = new Counter({
      name: 'parley_pipeline_stage_retried_total',
      help: 'Stage attempts that failed and were scheduled for a retry with backoff, by stage and error code',
      labelNames: ['stage', 'code'],
      registers: [],
    });
    this.waited = new Counter({
      name: 'parley_pipeline_stage_waiting_total',
      help: 'Stage attempts that ended waiting on something outside the pipeline (e.g. no ASR model), by stage and reason code',
      labelNames: ['stage', 'code'],
      registers: [],
    });
    this.duration = new Histogram({
      name: 'parley_pipeline_stage_duration_seconds',
      help: 'Wall time of a stage attempt, by stage and result (succeeded, failed, retried, waiting)',
      labelNames: ['stage', 'result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [],
    });
    const readBacklog = () => this.readBacklog(sources, now());
    this.backlog = new Gauge({
      name: 'parley_pipeline_stage_backlog',
      help: 'Unfinished conversations by their next stage and status (due: queued now; scheduled: retry backing off; running; waiting; failed)',
      labelNames: ['stage', 'status'],
      registers: [],
      collect() {
        readBacklog();
      },
    });
    this.awaitingTranscription = new Gauge({
      name: 'parley_pipeline_awaiting_transcription',
      help: 'Conversations waiting for a speech recognition model',
      registers: [],
      collect() {
        readBacklog();
      },
    });
    this.running = new Gauge({
      name: 'parley_pipeline_stages_running',
      help: 'Stage attempts running in this process now',
      registers: [],
      collect() {
        this.set(sources.running());
      },
    });
    this.poolWorkers = new Gauge({
      name: 'parley_pipeline_analysis_workers',
      help: 'Worker threads of the analysis pool (0: text stages run on the event loop)',
      registers: [],
      collect() {
        this.set(sources.pool()?.size ?? 0);
      },
    });
    this.poolBusy = new Gauge({
      name: 'parley_pipeline_analysis_workers_busy',
      help: 'Analysis workers running a task now',
      registers: [],
      collect() {
        this.set(sources.pool()?.busy ?? 0);
      },
    });
    this.poolQueued = new Gauge({
      name: 'parley_pipeline_analysis_queue',
      help: 'Analysis, normalisation and index tasks waiting for a free worker',
      registers: [],
      collect() {
        this.set(sources.pool()?.queued ?? 0);
      },
    });
    let busyReported = 0;
    this.poolBusySeconds = new Counter({
      name: 'parley_pipeline_analysis_worker_busy_seconds_total',
      help: 'Seconds analysis workers spent on tasks; utilisation = rate(this) / parley_pipeline_analysis_workers',
      registers: [],
      collect() {
        const total = sources.pool()?.busySeconds ?? 0;
        if (total > busyReported) this.inc(total - busyReported);
        busyReported = Math.max(busyReported, total);
      },
    });
    let restartsReported = 0;
    this.poolRestarts = new Counter({
      name: 'parley_pipeline_analysis_worker_restarts_total',
      help: 'Analysis workers replaced after dying or timing out',
      registers: [],
      collect() {
        const total = sources.pool()?.restarts ?? 0;
        if (total > restartsReported) this.inc(total - restartsReported);
        restartsReported = Math.max(restartsReported, total);
      },
    });
    for (const stage of STAGES) {
      this.started.inc({ stage }, 0);
      this.succeeded.inc({ stage, outcome: 'done' }, 0);
    }
  }

  /** Adds every pipeline metric to `registry` (e.g. the gateway's, served on GET /metrics). */
  register(registry: Registry): void {
    for (const m of [
      this.started, this.succeeded, this.failed, this.retried, this.waited, this.duration, this.backlog, this.awaitingTranscription,
      this.running, this.poolWorkers, this.poolBusy, this.poolQueued, this.poolBusySeconds, this.poolRestarts,
    ]) {
      registry.registerMetric(m);
    }
  }

  stageStarted(stage: StageName): void {
    this.started.inc({ stage });
  }

  stageFinished(stage: StageName, result: StageResult, seconds: number): void {
    switch (result.kind) {
      case 'done':
      case 'skipped':
        this.succeeded.inc({ stage, outcome: result.kind });
        this.duration.observe({ stage, result: 'succeeded' }, seconds);
        break;
      case 'waiting':
        this.waited.inc({ stage, code: result.code });
        this.duration.observe({ stage, result: 'waiting' }, seconds);
        break;
      case 'retry':
        this.retried.inc({ stage, code: result.code });
        this.duration.observe({ stage, result: 'retried' }, seconds);
        break;
      case 'failed':
        this.failed.inc({ stage, code: result.code });
        this.duration.observe({ stage, result: 'failed' }, seconds);
        break;
    }
  }

  private readBacklog(sources: PipelineMetricsSources, now: number): void {
    if (!sources.backlog || now - this.backlogReadAt < BACKLOG_MAX_AGE_MS) return;
    this.backlogReadAt = now;
    let rows;
    try {
      rows = sources.backlog.stageBacklog(now);
    } catch (err) {
      sources.onError?.(err);
      return;
    }
    this.backlog.reset();
    for (const stage of STAGES) for (const status of BACKLOG_STATUSES) this.backlog.set({ stage, status }, 0);
    let awaiting = 0;
    for (const r of rows) {
      this.backlog.set({ stage: r.stage, status: r.status }, r.conversations);
      if (r.stage === 'transcribe' && r.status === 'waiting') awaiting += r.conversations;
    }
    this.awaitingTranscription.set(awaiting);
  }
}
