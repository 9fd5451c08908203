/**
 * Re-running the active rules over past conversations in the background: a
 * job selects the analysed conversations in a filter (date range, channel,
 * branch, team, staff), then re-analyses their stored transcripts one by one
 * (no decoding, no ASR). Progress lives in the store per conversation, so a
 * job is idempotent (a conversation finished is never counted twice) and
 * resumes after a restart where it stopped. One job runs at a time; the
 * others wait their turn. Human review survives: see replaceAnalysis.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { PipelineError, describeError } from '../errors.js';
import type { Conversation } from '../model/conversation.js';
import type { ConversationStore, RerunJob, RollupFilter } from '../store/conversation-store.js';

export interface RerunJobsDeps {
  store: ConversationStore;
  /** Re-analyses one conversation from its stored transcript with the active rules. */
  analyze(conversation: Conversation): Promise<void>;
  rulesVersion(): string;
  logger: Logger;
  now?: () => number;
  /** Conversations taken from the store per step (default 20). */
  batch?: number;
  /** Conversations re-analysed at once (default 2: one analysing on a worker while the last one's results are stored). */
  concurrency?: number;
}

export class RerunJobs {
  private readonly now: () => number;
  private loop: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly deps: RerunJobsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Resumes the jobs left running by a restart. */
  start(): void {
    this.stopped = false;
    const running = this.deps.store.runningRerunJobs();
    if (running.length > 0) this.deps.logger.info({ jobs: running.map((j) => j.id) }, 're-run jobs resume');
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  create(filter: RollupFilter, createdBy: string): RerunJob {
    const job = this.deps.store.createRerunJob({ id: randomUUID(), filter, rulesVersion: this.deps.rulesVersion(), createdBy }, this.now());
    this.deps.logger.info({ job: job.id, total: job.total, filter, createdBy }, 're-run job created');
    this.kick();
    return job;
  }

  /** Cancels a running job (what it finished stays finished); null when unknown. */
  cancel(id: string): RerunJob | null {
    return this.deps.store.endRerunJob(id, 'cancelled', this.now());
  }

  get(id: string): RerunJob | null {
    return this.deps.store.getRerunJob(id);
  }

  list(limit: number): RerunJob[] {
    return this.deps.store.listRerunJobs(limit);
  }

  /** Resolves when no job is running (tests). */
  async whenIdle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private kick(): void {
    if (this.stopped || this.loop) return;
    this.loop = this.drain()
      .catch((err: unknown) => this.deps.logger.error({ err }, 're-run jobs stopped on an unexpected error'))
      .finally(() => {
        this.loop = null;
      });
  }

  private async drain(): Promise<void> {
    const { store, logger } = this.deps;
    const batch = this.deps.batch ?? 20;
    for (;;) {
      if (this.stopped) return;
      const job = store.runningRerunJobs()[0];
      if (!job) return;
      const ids = store.pendingRerunItems(job.id, batch);
      if (ids.length === 0) {
        const done = store.endRerunJob(job.id, 'done', this.now());
        logger.info({ job: job.id, done: done?.done, failed: done?.failed }, 're-run job finished');
        continue;
      }
      // up to `concurrency` conversations in flight; a cancel or stop is seen before each next one
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < ids.length) {
          if (this.stopped || store.getRerunJob(job.id)?.state !== 'running') return;
          const id = ids[next++]!;
          await this.runOne(job.id, id);
          // let requests in between conversations
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, this.deps.concurrency ?? 2) }, lane));
      if (this.stopped) return;
    }
  }

  private async runOne(jobId: string, conversationId: string): Promise<void> {
    const { store } = this.deps;
    const c = store.getConversation(conversationId);
    try {
      if (!c) throw new PipelineError('NOT_FOUND', `conversation ${conversationId} is gone`);
      // Not analysed now (re-processing from an earlier stage): its own analyze stage will use the active rules.
      if (c.state === 'analyzed') await this.deps.analyze(c);
      store.finishRerunItem(jobId, conversationId, null, this.now());
    } catch (err) {
      const e = describeError(err);
      store.finishRerunItem(jobId, conversationId, { code: e.code, message: e.message }, this.now());
      this.deps.logger.warn({ job: jobId, conversationId, code: e.code, err: e.message }, 're-run of a conversation failed');
    }
  }
}
