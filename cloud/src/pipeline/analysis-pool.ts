import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AnalysisInput, AnalysisResult, RuleSet, Taxonomy } from '../analysis/index.js';
import { PipelineError } from '../errors.js';
import type { IndexedText } from '../search/segmenter.js';
import { analysisFailed, type AnalysisExecutor } from './analysis-executor.js';
import type { AnalysisTask } from './analysis-tasks.js';
import type { PoolToWorker, WorkerToPool } from './analysis-worker-host.js';
import { startTypeScriptWorker, stopTypeScriptWorker } from './typescript-worker.js';

export interface AnalysisPoolOptions {
  /** Worker threads (≥ 1). */
  size: number;
  /** A task running longer than this terminates its worker (then replaced) and fails retryably. */
  timeoutMs: number;
  /** The active rule set; a worker is sent the new set before its next analysis whenever this returns another object. */
  rules: () => RuleSet;
  taxonomy: Taxonomy;
  logger: Logger;
  /** Worker entry module (tests substitute one that crashes). */
  workerModule?: URL;
}

/** Counters the pipeline's Prometheus metrics read at scrape time. */
export interface AnalysisPoolStats {
  size: number;
  /** Workers running a task now. */
  busy: number;
  /** Tasks waiting for a free worker. */
  queued: number;
  /** Seconds workers have spent on tasks since start (running tasks included up to now). */
  busySeconds: number;
  /** Workers replaced after dying or timing out. */
  restarts: number;
}

interface Job {
  id: number;
  task: AnalysisTask;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its modules and dictionaries (task timeouts count from here). */
  ready: boolean;
  /** The rule set this worker holds (identity), null until sent. */
  rules: RuleSet | null;
  job: Job | null;
  startedAt: number;
  timer: NodeJS.Timeout | null;
}

const DEFAULT_WORKER = new URL('./analysis-worker.ts', import.meta.url);
const STARTUP_ALLOWANCE_MS = 60_000;

/**
 * A fixed pool of worker threads for the text stages' CPU work (analysis,
 * normalisation, index building), so the event loop that also serves MQTT
 * ingest and the HTTP API never runs it. Tasks queue FIFO for the first free
 * worker. Rule changes reach the workers as data: before an analysis, a worker
 * whose rule set is not the pipeline's current one is sent the current set
 * (it was validated once, on the main thread). A worker that dies or exceeds
 * `timeoutMs` is replaced; its task fails with a retryable error, so the stage
 * runner retries the conversation with its usual backoff.
 */
export class AnalysisWorkerPool implements AnalysisExecutor {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private busyMs = 0;
  private restarts = 0;
  private readonly workerModule: URL;

  constructor(private readonly opts: AnalysisPoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new PipelineError('CONFIG_INVALID', 'analysis pool size must be at least 1');
    this.workerModule = opts.workerModule ?? DEFAULT_WORKER;
    this.slots = Array.from({ length: opts.size }, () => ({ worker: null, ready: false, rules: null, job: null, startedAt: 0, timer: null }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts every worker now (they load jieba and pinyin tables) rather than on the first conversation. */
  start(): void {
    for (const slot of this.slots) if (!slot.worker && !this.closed) this.spawn(slot);
  }

  async analyze(input: AnalysisInput): Promise<AnalysisResult> {
    try {
      return (await this.run({ kind: 'analyze', input })) as AnalysisResult;
    } catch (err) {
      if (err instanceof PipelineError) throw err;
      throw analysisFailed((err as Error).message, err);
    }
  }

  async normalize(texts: string[]): Promise<string[]> {
    return (await this.run({ kind: 'normalize', texts }).catch(rethrowInternal)) as string[];
  }

  async index(text: string): Promise<IndexedText> {
    return (await this.run({ kind: 'index', text }).catch(rethrowInternal)) as IndexedText;
  }

  stats(): AnalysisPoolStats {
    const now = performance.now();
    let busy = 0;
    let running = 0;
    for (const s of this.slots) {
      if (s.job) {
        busy++;
        running += now - s.startedAt;
      }
    }
    return { size: this.slots.length, busy, queued: this.queue.length, busySeconds: (this.busyMs + running) / 1000, restarts: this.restarts };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PipelineError('SHUTTING_DOWN', 'analysis pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker;
        slot.worker = null;
        if (slot.job) this.finish(slot)?.reject(new PipelineError('SHUTTING_DOWN', 'analysis pool closed'));
        if (w) await stopTypeScriptWorker(w);
      }),
    );
  }

  private run(task: AnalysisTask): Promise<unknown> {
    if (this.closed) return Promise.reject(new PipelineError('SHUTTING_DOWN', 'analysis pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      const worker = slot.worker ?? this.spawn(slot);
      if (job.task.kind === 'analyze') {
        const rules = this.opts.rules();
        if (slot.rules !== rules) {
          worker.postMessage({ type: 'rules', rules } satisfies PoolToWorker);
          slot.rules = rules;
        }
      }
      slot.job = job;
      slot.startedAt = performance.now();
      // A worker still starting gets STARTUP_ALLOWANCE_MS more: loading the engine and dictionaries is not the task's time.
      slot.timer = setTimeout(() => this.timeOut(slot, worker), this.opts.timeoutMs + (slot.ready ? 0 : STARTUP_ALLOWANCE_MS));
      worker.postMessage({ type: 'task', id: job.id, task: job.task } satisfies PoolToWorker);
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = startTypeScriptWorker(this.workerModule, {
      workerData: { taxonomy: this.opts.taxonomy },
      name: 'parley-analysis',
      stdout: false,
      stderr: false,
    });
    slot.worker = worker;
    slot.ready = false;
    slot.rules = null;
    worker.on('message', (m: WorkerToPool) => {
      if (slot.worker !== worker) return;
      if (m.type === 'ready') {
        slot.ready = true;
        if (slot.job && slot.timer) {
          clearTimeout(slot.timer);
          slot.timer = setTimeout(() => this.timeOut(slot, worker), this.opts.timeoutMs);
        }
        return;
      }
      if (!slot.job || slot.job.id !== m.id) return;
      const job = this.finish(slot)!;
      if (m.type === 'result') job.resolve(m.value);
      else job.reject(analysisFailed(m.message));
      this.dispatch();
    });
    worker.on('error', (err) => this.lost(slot, worker, `analysis worker failed: ${err.message}`));
    worker.on('exit', (code) => this.lost(slot, worker, `analysis worker exited with code ${code}`));
    return worker;
  }

  /** Clears the slot's job (adding its busy time) and returns it. */
  private finish(slot: Slot): Job | null {
    const job = slot.job;
    if (!job) return null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    this.busyMs += performance.now() - slot.startedAt;
    slot.job = null;
    return job;
  }

  private timeOut(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker) return;
    const job = this.finish(slot);
    slot.worker = null;
    this.restarts++;
    this.opts.logger.error({ timeoutMs: this.opts.timeoutMs, task: job?.task.kind }, 'analysis task timed out; worker replaced');
    void stopTypeScriptWorker(worker);
    job?.reject(new PipelineError('ANALYSIS_TIMEOUT', `analysis worker took longer than ${this.opts.timeoutMs} ms and was replaced`, { retryable: true }));
    this.dispatch();
  }

  private lost(slot: Slot, worker: Worker, detail: string): void {
    if (slot.worker !== worker) return; // already replaced (timeout, close)
    slot.worker = null;
    slot.rules = null;
    const job = this.finish(slot);
    if (this.closed) return;
    this.restarts++;
    this.opts.logger.error({ err: detail, task: job?.task.kind }, 'analysis worker died; it is replaced');
    job?.reject(new PipelineError('ANALYSIS_WORKER_CRASHED', detail, { retryable: true }));
    this.dispatch();
  }
}

function rethrowInternal(err: unknown): never {
  if (err instanceof PipelineError && err.code !== 'ANALYSIS_FAILED') throw err;
  throw new PipelineError('INTERNAL', (err as Error).message, { cause: err });
}
