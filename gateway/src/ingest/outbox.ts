import type { Logger } from 'pino';
import type { FinalisedSession } from '@parley/proto';
import type { IngestStore } from './store.js';
import type { IngestMetrics } from './metrics.js';

export type FinalisedConsumer = (session: FinalisedSession) => Promise<void>;

/**
 * Delivers finalised sessions from the ingest_outbox table to the registered
 * consumers: oldest first, one at a time, each row marked delivered only
 * after every consumer resolved; a failure is retried with backoff. Rows
 * survive crashes, so delivery is at-least-once and consumers de-duplicate
 * on sessionId.
 */
export class OutboxDispatcher {
  private readonly consumers: FinalisedConsumer[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: IngestStore,
    private readonly logger: Logger,
    private readonly metrics: IngestMetrics,
    private readonly retryMs: number,
  ) {}

  add(consumer: FinalisedConsumer): void {
    this.consumers.push(consumer);
    this.kick();
  }

  /** Looks for due rows now (after a finalisation, or on a timer). */
  kick(): void {
    if (this.closed || this.consumers.length === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const rows = this.store.dueOutbox(50);
      this.metrics.outboxPending.set(rows.length);
      const now = Date.now();
      const due = rows.filter((r) => r.next_attempt_ms <= now);
      if (due.length === 0) {
        const next = rows[0];
        if (next) this.wakeAt(next.next_attempt_ms);
        return;
      }
      for (const row of due) {
        if (this.closed) return;
        const record = JSON.parse(row.record) as FinalisedSession;
        try {
          for (const consumer of [...this.consumers]) await consumer(record);
          // Closed meanwhile: leave the row pending; it is redelivered after the restart.
          if (this.closed) return;
          this.store.markDelivered(row.session_id, Date.now());
        } catch (err) {
          if (this.closed) return;
          const delay = this.retryMs * 2 ** Math.min(row.attempts, 6);
          this.metrics.outboxFailures.inc();
          this.logger.error({ err, sessionId: row.session_id, attempt: row.attempts + 1, retryInMs: delay }, 'outbox consumer failed; will retry');
          this.store.markFailed(row.session_id, Date.now() + delay, err instanceof Error ? err.message : String(err));
        }
      }
    }
  }

  private wakeAt(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.max(0, ms - Date.now()));
    this.timer.unref();
  }

  /** Stops dispatching. A consumer call still running is not awaited: its row stays pending (redelivered later). */
  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    return Promise.resolve();
  }
}
