import type { Logger } from 'pino';
import { describeError } from '../errors.js';
import type { StageName } from '../model/conversation.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { PostgresConversationStore } from '../store/postgres-store.js';

/**
 * Stage claims as leases, for pipeline processes sharing one PostgreSQL
 * store (the main job and pipeline workers).
 *
 * The store's own recovery (`recoverRunning`, called when a stage runner
 * starts) makes every `running` stage due again: right for one process
 * restarting after a crash, wrong beside other processes, whose stages in
 * progress it would hand out a second time. Here instead:
 * - the process renews the stages it runs (their `updated_at`) every
 *   leaseMs / 4 while they run;
 * - recovery, at start and every leaseMs after, only makes due again the
 *   stages whose claim was not renewed for leaseMs: their process crashed,
 *   was killed or cut off from the database.
 * Stage handlers are idempotent, so a stage retaken after an expired lease
 * (a process frozen longer than leaseMs) only costs the work twice.
 */
export interface StageLeaseOptions {
  leaseMs: number;
  logger: Logger;
  now?: () => number;
}

type Key = `${string}/${StageName}`;

export class StageLeases {
  private readonly held = new Map<Key, { id: string; stage: StageName }>();
  private renewTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly store: PostgresConversationStore,
    private readonly opts: StageLeaseOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** Stages this process holds now. */
  get holding(): number {
    return this.held.size;
  }

  /**
   * The store as the stage runner should see it: claims are remembered (and
   * renewed) until the stage completes, fails or waits, and recoverRunning
   * recovers expired leases only.
   */
  wrap(): ConversationStore {
    const target = this.store;
    const release = (id: string, stage: StageName) => this.held.delete(`${id}/${stage}`);
    const overrides: Partial<ConversationStore> = {
      claimDueStage: (now) => {
        const claim = target.claimDueStage(now);
        if (claim) this.held.set(`${claim.conversationId}/${claim.stage}`, { id: claim.conversationId, stage: claim.stage });
        return claim;
      },
      completeStage: (id, stage, outcome, now) => {
        try {
          target.completeStage(id, stage, outcome, now);
        } finally {
          release(id, stage);
        }
      },
      failStage: (id, stage, error, retryAt, now) => {
        try {
          target.failStage(id, stage, error, retryAt, now);
        } finally {
          release(id, stage);
        }
      },
      waitStage: (id, stage, reason, now) => {
        try {
          target.waitStage(id, stage, reason, now);
        } finally {
          release(id, stage);
        }
      },
      recoverRunning: (now) => this.recoverExpired(now),
    };
    return new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof ConversationStore];
        const value: unknown = Reflect.get(t, prop, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
    }) as ConversationStore;
  }

  /** Marks the stages this process runs as alive. */
  renew(now = this.now()): void {
    this.store.renewStageLeases([...this.held.values()], now);
  }

  /** Makes stages whose lease expired due again (their process is gone); returns how many. */
  recoverExpired(now = this.now()): number {
    const recovered = this.store.recoverExpiredStageLeases(now, this.opts.leaseMs, [...this.held.values()]);
    if (recovered.length > 0) this.opts.logger.warn({ recovered: recovered.map((r) => `${r.id}/${r.stage}`), leaseMs: this.opts.leaseMs }, 'stages whose process stopped renewing them are due again');
    return recovered.length;
  }

  start(): void {
    if (this.renewTimer) return;
    const guard = (what: string, fn: () => void) => () => {
      try {
        fn();
      } catch (err) {
        this.opts.logger.warn({ err: describeError(err).message }, `stage leases: could not ${what}`);
      }
    };
    this.renewTimer = setInterval(guard('renew the stages in progress', () => this.renew()), Math.max(50, Math.floor(this.opts.leaseMs / 4)));
    this.sweepTimer = setInterval(guard('recover expired stages', () => this.recoverExpired()), this.opts.leaseMs);
    this.renewTimer.unref();
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.renewTimer = null;
    this.sweepTimer = null;
  }
}
