import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Alert, AlertEvent, WebhookDelivery, WebhookDeliveryState, WebhookStatus } from '../api-types.js';

export interface AlertNotification {
  event: AlertEvent;
  alert: Alert;
}

/** Retry after 5 s, doubling per failure up to 30 min. */
export const WEBHOOK_RETRY_BASE_MS = 5_000;
export const WEBHOOK_RETRY_MAX_MS = 30 * 60_000;
/** At most this many notifications wait; past it the oldest are dropped (logged and kept as `dropped`). */
export const WEBHOOK_MAX_PENDING = 10_000;
/** Delivered and dropped notifications kept for the status API. */
export const WEBHOOK_KEEP_FINISHED = 1_000;

interface Row {
  id: number;
  event: AlertEvent;
  alert_id: number;
  device_id: string;
  payload: string;
  state: WebhookDeliveryState;
  attempts: number;
  created_at: number;
  last_attempt_at: number | null;
  next_attempt_at: number | null;
  delivered_at: number | null;
  last_error: string | null;
}

const toDelivery = (r: Row): WebhookDelivery => ({
  id: r.id,
  event: r.event,
  alertId: r.alert_id,
  deviceId: r.device_id,
  state: r.state,
  attempts: r.attempts,
  createdAtMs: r.created_at,
  lastAttemptAtMs: r.last_attempt_at,
  nextAttemptAtMs: r.state === 'pending' ? r.next_attempt_at : null,
  deliveredAtMs: r.delivered_at,
  lastError: r.last_error,
});

export function retryDelayMs(attempts: number): number {
  return Math.min(WEBHOOK_RETRY_MAX_MS, WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface AlertWebhookOptions {
  db: Database;
  /** http(s) URL; empty: no webhook (nothing is queued). */
  url: string;
  timeoutMs: number;
  logger: Logger;
  now: () => number;
  fetch?: typeof fetch;
  /** Retry timers run on their own (false in tests that drive `flush()`). */
  autoRetry?: boolean;
}

/**
 * The alert webhook's outbox, in SQLite: a notification is stored in the
 * same process step that changed the alert, so it survives a restart; it is
 * POSTed in order (the oldest pending first; a failure holds the rest back),
 * retried with exponential backoff (5 s doubling to 30 min) by its own timer
 * and at every alert evaluation once due, and after a restart from where it
 * stopped. The queue is bounded (oldest dropped past WEBHOOK_MAX_PENDING,
 * logged); delivered and dropped entries are kept for the status API.
 */
export class AlertWebhook {
  private readonly log: Logger;
  private readonly insert: Statement;
  private readonly head: Statement<[], Row>;
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Pending rows (this outbox is their only writer): bounds the queue without a COUNT per notification. */
  private pendingCount: number;

  constructor(private readonly o: AlertWebhookOptions) {
    this.log = o.logger.child({ module: 'fleet-alert-webhook' });
    this.insert = o.db.prepare(
      `INSERT INTO fleet_alert_webhook (event, alert_id, device_id, payload, state, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.head = o.db.prepare(`SELECT * FROM fleet_alert_webhook WHERE state = 'pending' ORDER BY id LIMIT 1`);
    this.pendingCount = (o.db.prepare(`SELECT COUNT(*) AS n FROM fleet_alert_webhook WHERE state = 'pending'`).get() as { n: number }).n;
    // Left over from before a restart: resume delivery when it is due.
    if (o.url !== '' && o.autoRetry !== false) this.schedule();
  }

  enabled(): boolean {
    return this.o.url !== '';
  }

  /** Stores a notification for delivery (nothing without a webhook URL). */
  enqueue(n: AlertNotification): void {
    if (!this.enabled()) return;
    const atMs = this.o.now();
    this.insert.run(n.event, n.alert.id, n.alert.deviceId, JSON.stringify(n), atMs, atMs);
    this.pendingCount++;
    if (this.pendingCount > WEBHOOK_MAX_PENDING) this.dropOldest(atMs, this.pendingCount - WEBHOOK_MAX_PENDING);
  }

  /** Delivers what is due, in order, stopping at the first failure. Concurrent calls share one run. */
  flush(): Promise<void> {
    this.flushing ??= this.deliver().finally(() => {
      this.flushing = null;
      if (this.o.autoRetry !== false) this.schedule();
    });
    return this.flushing;
  }

  status(): WebhookStatus {
    const counts = Object.fromEntries(
      (this.o.db.prepare('SELECT state, COUNT(*) AS n FROM fleet_alert_webhook GROUP BY state').all() as { state: WebhookDeliveryState; n: number }[]).map((r) => [r.state, r.n]),
    ) as Partial<Record<WebhookDeliveryState, number>>;
    const head = this.head.get();
    return { configured: this.enabled(), pending: counts.pending ?? 0, delivered: counts.delivered ?? 0, dropped: counts.dropped ?? 0, head: head ? toDelivery(head) : null };
  }

  /** Newest first. */
  list(query: { state?: WebhookDeliveryState; limit?: number } = {}): WebhookDelivery[] {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = (
      query.state
        ? this.o.db.prepare('SELECT * FROM fleet_alert_webhook WHERE state = ? ORDER BY id DESC LIMIT ?').all(query.state, limit)
        : this.o.db.prepare('SELECT * FROM fleet_alert_webhook ORDER BY id DESC LIMIT ?').all(limit)
    ) as Row[];
    return rows.map(toDelivery);
  }

  pending(): number {
    return this.pendingCount;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async deliver(): Promise<void> {
    if (!this.enabled() || this.closed) return;
    const doFetch = this.o.fetch ?? fetch;
    const { db } = this.o;
    for (;;) {
      const row = this.head.get();
      if (!row) return;
      const nowMs = this.o.now();
      if ((row.next_attempt_at ?? 0) > nowMs) return;
      try {
        const res = await doFetch(this.o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-parley-delivery': String(row.id) },
          body: row.payload,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        await res.body?.cancel();
        if (!res.ok) throw new Error(`webhook answered ${res.status}`);
        const done = db.prepare(`UPDATE fleet_alert_webhook SET state = 'delivered', attempts = attempts + 1, last_attempt_at = ?, delivered_at = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ? AND state = 'pending'`).run(nowMs, this.o.now(), row.id);
        this.pendingCount -= done.changes;
      } catch (err) {
        const attempts = row.attempts + 1;
        const message = (err as Error).message.slice(0, 300);
        const next = nowMs + retryDelayMs(attempts);
        db.prepare('UPDATE fleet_alert_webhook SET attempts = ?, last_attempt_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(attempts, nowMs, next, message, row.id);
        this.log.warn({ err, deliveryId: row.id, attempts, retryAtMs: next, pending: this.pending() }, 'alert webhook failed; retrying with backoff');
        return;
      } finally {
        this.prune();
      }
    }
  }

  /** Arms the timer for the head's next attempt. */
  private schedule(): void {
    if (this.closed || !this.enabled()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const head = this.head.get();
    if (!head) return;
    const delay = Math.max(0, (head.next_attempt_at ?? 0) - this.o.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((err: unknown) => this.log.error({ err }, 'alert webhook delivery failed'));
    }, delay);
    this.timer.unref();
  }

  private dropOldest(atMs: number, count: number): void {
    const { changes } = this.o.db
      .prepare(`UPDATE fleet_alert_webhook SET state = 'dropped', last_error = 'queue full', next_attempt_at = NULL WHERE id IN (SELECT id FROM fleet_alert_webhook WHERE state = 'pending' ORDER BY id LIMIT ?)`)
      .run(count);
    this.pendingCount -= changes;
    this.log.error({ dropped: changes, max: WEBHOOK_MAX_PENDING, atMs }, 'alert webhook queue full: dropped the oldest notifications');
  }

  private prune(): void {
    this.o.db
      .prepare(`DELETE FROM fleet_alert_webhook WHERE state != 'pending' AND id <= (SELECT id FROM fleet_alert_webhook WHERE state != 'pending' ORDER BY id DESC LIMIT 1 OFFSET ?)`)
      .run(WEBHOOK_KEEP_FINISHED);
  }
}
