import type { Logger } from 'pino';
import { describeError } from '../errors.js';
import type { StageName } from '../model/conversation.js';
import type { StageContext, StageHandlers } from '../stages/context.js';

export interface RunnerOptions {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollMs: number;
  concurrency: number;
}

/** How a stage attempt ended: finished, blocked outside the pipeline, failed with a retry scheduled, or failed for good. */
export type StageResult =
  | { kind: 'done' | 'skipped' }
  | { kind: 'waiting'; code: string }
  | { kind: 'retry' | 'failed'; code: string };

/** Told about every stage attempt (the pipeline's metrics). */
export interface StageObserver {
  stageStarted(stage: StageName): void;
  stageFinished(stage: StageName, result: StageResult, seconds: number): void;
}

/** Exponential backoff with ±20% jitter so failures of many conversations do not retry in lockstep. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Drives conversations through their stages. Work lives in the store (each
 * conversation points at its next stage and when it is due), so a restart
 * resumes where it stopped: running stages left by a crash are made due
 * again at start. Up to `concurrency` stages run at once.
 */
export class StageRunner {
  private timer: NodeJS.Timeout | null = null;
  private active = 0;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();
  /** `conversationId/stage` of the stages running now, in claim order. */
  private readonly claimed = new Set<string>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly ctx: StageContext,
    private readonly handlers: StageHandlers,
    private readonly opts: RunnerOptions,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly observer: StageObserver | null = null,
  ) {}

  /** Stages running now. */
  get running(): number {
    return this.active;
  }

  /** Which stages run now, as `conversationId/stage` (health checks, tests). */
  runningStages(): string[] {
    return [...this.claimed];
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const recovered = this.ctx.store.recoverRunning(this.now());
    if (recovered > 0) this.logger.warn({ recovered }, 'stages interrupted by a restart are due again');
    this.kick();
  }

  /** Look for due work now (new conversation, review, rule change). */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    try {
      this.claimAndSchedule();
    } catch (err) {
      // The store is unreachable (PostgreSQL down, SQLite busy): it is called from timers and stage ends, where a
      // throw would take the process down. Try again after the poll interval; the stages stay where they were.
      const e = describeError(err);
      this.logger.error({ code: e.code, err: e.message }, 'could not look for due stages; trying again');
      this.timer = setTimeout(() => this.kick(), this.opts.pollMs);
      this.timer.unref();
    }
  }

  /** Claims due stages up to the concurrency, then schedules the next look. */
  private claimAndSchedule(): void {
    while (this.active < this.opts.concurrency) {
      const claim = this.ctx.store.claimDueStage(this.now());
      if (!claim) break;
      this.active++;
      const key = `${claim.conversationId}/${claim.stage}`;
      this.claimed.add(key);
      const p = this.runOne(claim.conversationId, claim.stage, claim.attempts)
        .catch((err: unknown) => {
          // runOne records a stage's own failure; this is the store failing around it. The claim stays running
          // until recovery (restart, or an expired lease) makes it due again.
          const e = describeError(err);
          this.logger.error({ code: e.code, err: e.message, conversationId: claim.conversationId, stage: claim.stage }, 'stage could not be run or recorded');
        })
        .finally(() => {
          this.active--;
          this.claimed.delete(key);
          this.inFlight.delete(p);
          // On the next turn of the event loop: a stage that finishes without real I/O resolves in a microtask, and
          // claiming the next one straight away would chain a whole backlog into one long stall of the shared loop.
          setImmediate(() => this.kick());
        });
      this.inFlight.add(p);
    }
    if (this.active === 0) {
      const due = this.ctx.store.nextDueAt();
      if (due === null || due > this.now()) {
        for (const w of this.idleWaiters.splice(0)) w();
      }
    }
    const due = this.ctx.store.nextDueAt();
    const wait = due === null ? this.opts.pollMs : Math.max(0, Math.min(this.opts.pollMs, due - this.now()));
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }

  /** Resolves when nothing is running and nothing is due now (tests, benchmarks). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.kick();
    });
  }

  private async runOne(id: string, stage: keyof StageHandlers, attempts: number): Promise<void> {
    const { store } = this.ctx;
    const started = this.now();
    const t0 = performance.now();
    const finished = (result: StageResult) => this.observer?.stageFinished(stage, result, (performance.now() - t0) / 1000);
    this.observer?.stageStarted(stage);
    try {
      // Inside the try: a store that fails to read the conversation fails the stage (retried with backoff) rather
      // than leaving the claim running until a restart or an expired lease makes it due again.
      const conversation = store.getConversation(id);
      if (!conversation) return; // deleted since it was claimed: its stages went with it
      const outcome = await this.handlers[stage](this.ctx, conversation);
      if (outcome.kind === 'waiting') {
        store.waitStage(id, stage, { code: outcome.code, message: outcome.message }, this.now());
        this.logger.info({ conversationId: id, stage, reason: outcome.message }, 'stage waiting');
        finished({ kind: 'waiting', code: outcome.code });
      } else {
        store.completeStage(id, stage, outcome.kind, this.now());
        this.logger.debug({ conversationId: id, stage, ms: this.now() - started }, 'stage finished');
        finished({ kind: outcome.kind });
      }
    } catch (err) {
      const e = describeError(err);
      const retry = e.retryable && attempts < this.opts.maxAttempts;
      const retryAt = retry ? this.now() + backoffDelay(attempts, this.opts.backoffBaseMs, this.opts.backoffMaxMs) : null;
      try {
        store.failStage(id, stage, { code: e.code, message: e.message }, retryAt, this.now());
      } catch (storeErr) {
        this.logger.error({ err: storeErr, conversationId: id, stage }, 'could not record a stage failure');
      }
      finished({ kind: retry ? 'retry' : 'failed', code: e.code });
      this.logger[retry ? 'warn' : 'error'](
        { conversationId: id, stage, attempts, code: e.code, err: e.message, retryAt },
        retry ? 'stage failed, will retry' : 'stage failed',
      );
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
