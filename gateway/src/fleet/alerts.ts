import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { AlertWebhook } from './alert-webhook.js';
import type { ConfigProfiles } from './config-profiles.js';
import type { FleetConfig } from './config.js';
import type { HealthStore } from './health.js';
import { workingMsBetween } from './working-hours.js';
import type { Alert, AlertKind, AlertQuery, AlertSeverity } from '../api-types.js';

interface AlertRow {
  id: number;
  device_id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  details: string;
  opened_at: number;
  resolved_at: number | null;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  deviceId: r.device_id,
  kind: r.kind,
  severity: r.severity,
  message: r.message,
  details: JSON.parse(r.details) as Record<string, unknown>,
  openedAtMs: r.opened_at,
  resolvedAtMs: r.resolved_at,
});

/** A condition that holds for a device now. */
export interface Finding {
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  details: Record<string, unknown>;
}

export interface AlertDeps {
  db: Database;
  health: HealthStore;
  profiles: ConfigProfiles;
  isOnline: (deviceId: string) => boolean;
  config: FleetConfig;
  logger: Logger;
  now: () => number;
  /** Default: global fetch. */
  fetch?: typeof fetch;
  /** The webhook's retry timer runs on its own (false: only evaluations and `webhook.flush()` deliver). */
  webhookAutoRetry?: boolean;
}

export type { AlertNotification } from './alert-webhook.js';

interface DeviceRow {
  id: string;
  status: string;
  last_seen_at: number | null;
  created_at: number;
}

/**
 * Alert rules over health, presence and the audit log, evaluated
 * periodically. One open alert per (device, kind): a condition that appears
 * opens one, one that changes severity updates it, one that is gone resolves
 * it. Every change is stored in the webhook's durable outbox in the same
 * transaction (POST JSON, in order, retried with backoff, resumed after a
 * restart: AlertWebhook).
 */
export class AlertEngine {
  private readonly log: Logger;
  readonly webhook: AlertWebhook;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: AlertDeps) {
    this.log = deps.logger.child({ module: 'fleet-alerts' });
    this.webhook = new AlertWebhook({
      db: deps.db,
      url: deps.config.alertWebhookUrl,
      timeoutMs: deps.config.alertWebhookTimeoutMs,
      logger: deps.logger,
      now: deps.now,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.webhookAutoRetry !== undefined ? { autoRetry: deps.webhookAutoRetry } : {}),
    });
  }

  close(): void {
    this.webhook.close();
  }

  /** What holds for one device now. */
  findings(device: DeviceRow, nowMs: number): Finding[] {
    const { config, health, profiles } = this.deps;
    const out: Finding[] = [];
    const h = health.get(device.id);
    if (!this.deps.isOnline(device.id)) {
      const since = device.last_seen_at ?? device.created_at;
      const cfg = profiles.state(device.id).config;
      const windows = (cfg.workingHours ?? []).map((w) => ({ weekdays: w.weekdays ?? 0, startMinute: w.startMinute ?? 0, endMinute: w.endMinute ?? 0 }));
      const offlineMs = workingMsBetween(since, nowMs, windows, cfg.utcOffsetMin ?? 0);
      if (device.last_seen_at !== null && offlineMs >= config.offlineAfterHours * 3_600_000) {
        out.push({ kind: 'offline', severity: 'warning', message: `offline for ${(offlineMs / 3_600_000).toFixed(1)} h of working time`, details: { lastSeenAtMs: device.last_seen_at, offlineWorkingMs: offlineMs } });
      }
    }
    if (h) {
      if (h.flashUsedPercent !== null) {
        const crossed = [...config.flashThresholdsPercent].sort((a, b) => a - b).filter((t) => h.flashUsedPercent! >= t);
        const top = crossed.at(-1);
        if (top !== undefined) {
          const highest = Math.max(...config.flashThresholdsPercent);
          out.push({ kind: 'flash', severity: top === highest ? 'critical' : 'warning', message: `flash ${h.flashUsedPercent.toFixed(0)} % used (over ${top} %)`, details: { thresholdPercent: top, usedPercent: h.flashUsedPercent } });
        }
      }
      if (h.batteryPercent !== null && h.batteryPercent < config.batteryLowPercent && h.charging !== true) {
        out.push({ kind: 'battery_low', severity: h.batteryPercent < config.batteryLowPercent / 2 ? 'critical' : 'warning', message: `battery ${h.batteryPercent} %`, details: { batteryPercent: h.batteryPercent } });
      }
      if (h.clockState === 'unsynced') {
        const since = this.unsyncedSince(device.id, nowMs);
        if (nowMs - since >= config.clockUnsyncedAfterMs) out.push({ kind: 'clock_unsynced', severity: 'warning', message: 'clock not synced', details: { sinceMs: since } });
      } else this.clearUnsynced(device.id);
      if (h.droppedFrames !== null && h.droppedFrames > 0) {
        out.push({ kind: 'dropped_audio', severity: 'warning', message: `${h.droppedFrames} audio frames dropped since boot`, details: { droppedFrames: h.droppedFrames, bootCount: h.bootCount } });
      }
      if (h.spoolEraseStalls !== null && h.spoolEraseStalls > 0) {
        out.push({
          kind: 'spool_erase_stalls',
          severity: 'warning',
          message: `${h.spoolEraseStalls} flash erases in the foreground since boot (recording waited)`,
          details: { spoolEraseStalls: h.spoolEraseStalls, bootCount: h.bootCount },
        });
      }
      const growing = this.backlogGrowing(device.id);
      if (growing) out.push({ kind: 'backlog_growing', severity: 'warning', message: `backlog growing (${growing.join(' → ')} s)`, details: { backlogSeconds: growing } });
    }
    const failures = (
      this.deps.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE target = ? AND action = 'mqtt.auth.failed' AND at > ?`).get(device.id, nowMs - config.authFailuresWindowMs) as { n: number }
    ).n;
    if (failures >= config.authFailuresThreshold) {
      out.push({ kind: 'auth_failures', severity: 'critical', message: `${failures} refused logins in ${Math.round(config.authFailuresWindowMs / 60_000)} min`, details: { failures } });
    }
    return out;
  }

  /** Evaluates every device, opens/updates/resolves alerts, then flushes the webhook queue. */
  evaluate(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  list(query: AlertQuery = {}): Alert[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.state === 'open') where.push('resolved_at IS NULL');
    if (query.state === 'resolved') where.push('resolved_at IS NOT NULL');
    if (query.deviceId !== undefined) {
      where.push('device_id = ?');
      params.push(query.deviceId);
    }
    const limit = Math.min(Math.max(query.limit ?? 200, 1), 1000);
    const sql = `SELECT * FROM fleet_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.deps.db.prepare(sql).all(...params, limit) as AlertRow[]).map(toAlert);
  }

  /** Notifications not yet accepted by the webhook. */
  pendingNotifications(): number {
    return this.webhook.pending();
  }

  private async run(): Promise<void> {
    const { db, now } = this.deps;
    const nowMs = now();
    const devices = db.prepare(`SELECT id, status, last_seen_at, created_at FROM devices WHERE status IN ('provisioned', 'active') ORDER BY id`).all() as DeviceRow[];
    const openOf = db.prepare('SELECT * FROM fleet_alerts WHERE device_id = ? AND resolved_at IS NULL');
    const insert = db.prepare('INSERT INTO fleet_alerts (device_id, kind, severity, message, details, opened_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *');
    const update = db.prepare('UPDATE fleet_alerts SET severity = ?, message = ?, details = ? WHERE id = ? RETURNING *');
    const resolve = db.prepare('UPDATE fleet_alerts SET resolved_at = ? WHERE id = ? RETURNING *');
    const active = new Set(devices.map((d) => d.id));
    const webhook = this.webhook;
    // An alert change and its notification are stored together.
    const apply = db.transaction((device: DeviceRow, findings: Finding[]) => {
      const open = new Map((openOf.all(device.id) as AlertRow[]).map((r) => [r.kind, r]));
      for (const f of findings) {
        const existing = open.get(f.kind);
        open.delete(f.kind);
        if (!existing) webhook.enqueue({ event: 'alert.opened', alert: toAlert(insert.get(device.id, f.kind, f.severity, f.message, JSON.stringify(f.details), nowMs) as AlertRow) });
        else if (existing.severity !== f.severity) webhook.enqueue({ event: 'alert.updated', alert: toAlert(update.get(f.severity, f.message, JSON.stringify(f.details), existing.id) as AlertRow) });
        else update.run(f.severity, f.message, JSON.stringify(f.details), existing.id);
      }
      for (const gone of open.values()) webhook.enqueue({ event: 'alert.resolved', alert: toAlert(resolve.get(nowMs, gone.id) as AlertRow) });
    });
    for (const device of devices) {
      let findings: Finding[];
      try {
        findings = this.findings(device, nowMs);
      } catch (err) {
        this.log.error({ err, deviceId: device.id }, 'alert rules failed for a device');
        continue;
      }
      apply(device, findings);
    }
    // Devices that left service (revoked, retired, locked) have nothing to alert about any more.
    db.transaction(() => {
      for (const row of db.prepare('SELECT * FROM fleet_alerts WHERE resolved_at IS NULL').all() as AlertRow[]) {
        if (!active.has(row.device_id)) webhook.enqueue({ event: 'alert.resolved', alert: toAlert(resolve.get(nowMs, row.id) as AlertRow) });
      }
    })();
    await webhook.flush();
  }

  private backlogGrowing(deviceId: string): number[] | null {
    const n = this.deps.config.backlogGrowingSamples;
    const rows = this.deps.db
      .prepare('SELECT backlog_seconds AS b FROM fleet_health_samples WHERE device_id = ? AND backlog_seconds IS NOT NULL ORDER BY bucket_ms DESC LIMIT ?')
      .all(deviceId, n) as { b: number }[];
    if (rows.length < n) return null;
    const values = rows.map((r) => r.b).reverse();
    for (let i = 1; i < values.length; i++) if (values[i]! <= values[i - 1]!) return null;
    return values.at(-1)! >= this.deps.config.backlogGrowingMinSeconds ? values : null;
  }

  private unsyncedSince(deviceId: string, nowMs: number): number {
    this.deps.db.prepare('INSERT OR IGNORE INTO fleet_clock_unsynced (device_id, since) VALUES (?, ?)').run(deviceId, nowMs);
    return (this.deps.db.prepare('SELECT since FROM fleet_clock_unsynced WHERE device_id = ?').get(deviceId) as { since: number }).since;
  }

  private clearUnsynced(deviceId: string): void {
    this.deps.db.prepare('DELETE FROM fleet_clock_unsynced WHERE device_id = ?').run(deviceId);
  }
}
