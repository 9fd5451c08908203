import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { pb, type DecodedUp } from '@parley/proto';
import { AlertEngine, type AlertNotification } from '../../src/fleet/alerts.js';
import { ConfigProfiles } from '../../src/fleet/config-profiles.js';
import { resolveFleetConfig, type FleetConfig } from '../../src/fleet/config.js';
import { FleetDirectory } from '../../src/fleet/directory.js';
import { HealthStore } from '../../src/fleet/health.js';
import { FLEET_MIGRATIONS } from '../../src/fleet/schema.js';
import { createLogger } from '../../src/observability/logger.js';
import { SqliteAuditLog } from '../../src/registry/audit-log.js';
import { SqliteDeviceStore } from '../../src/registry/sqlite-device-store.js';
import { openDatabase } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';

const by = { actor: 'admin' };
const HOUR = 3_600_000;
// Monday 2026-11-23 00:00 UTC
const MONDAY = Date.UTC(2026, 10, 23);

function telemetry(values: Partial<DecodedUp<'telemetry'>>): DecodedUp<'telemetry'> {
  return {
    batteryPercent: 80, batteryMv: 3900, charging: false, flashUsedBytes: 100, flashFreeBytes: 900, backlogSeconds: 0, rssiDbm: -60, uptimeS: 100,
    state: pb.DeviceState.DEVICE_STATE_IDLE, droppedFrames: 0, clockState: pb.ClockState.CLOCK_STATE_SYNCED, firmwareVersion: '1.0.0',
    lastErrorCode: 0, timeMs: 0, configVersion: 1, bootCount: 1, spoolEraseStalls: 0, ...values,
  };
}

describe('AlertEngine', () => {
  let db: Database;
  let store: SqliteDeviceStore;
  let audit: SqliteAuditLog;
  let health: HealthStore;
  let profiles: ConfigProfiles;
  let clock: number;
  let online: Set<string>;
  let server: Server;
  let received: AlertNotification[];
  let failNext: number;
  let url: string;

  const engine = (config: Partial<FleetConfig> = {}) =>
    new AlertEngine({ db, health, profiles, isOnline: (id) => online.has(id), config: resolveFleetConfig({ alertWebhookUrl: url, ...config }), logger: createLogger({ level: 'silent' }), now: () => clock, webhookAutoRetry: false });

  beforeEach(async () => {
    clock = MONDAY + 10 * HOUR;
    online = new Set();
    received = [];
    failNext = 0;
    db = openDatabase(':memory:');
    store = new SqliteDeviceStore(db);
    audit = new SqliteAuditLog(db);
    migrate(db, 'fleet', FLEET_MIGRATIONS);
    const directory = new FleetDirectory(db, store, audit, () => clock);
    profiles = new ConfigProfiles(db, directory, audit, () => clock);
    health = new HealthStore(db);
    for (const id of ['badge-a', 'badge-b']) {
      await store.create({ id, serial: `SN-${id}`, hardwareRevision: 'r1', secretHash: 'x', atMs: 0 });
      await store.markSeen(id, clock);
    }
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body) as AlertNotification);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterEach(async () => {
    db.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens, escalates and resolves flash, battery and dropped-audio alerts and posts each change to the webhook', async () => {
    const alerts = engine();
    online.add('badge-a');
    health.recordTelemetry('badge-a', telemetry({ flashUsedBytes: 850, flashFreeBytes: 150, batteryPercent: 9, droppedFrames: 2 }), clock);
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => [a.kind, a.severity]).sort()).toEqual([
      ['battery_low', 'warning'],
      ['dropped_audio', 'warning'],
      ['flash', 'warning'],
    ]);
    expect(received.map((n) => `${n.event}:${n.alert.kind}`).sort()).toEqual(['alert.opened:battery_low', 'alert.opened:dropped_audio', 'alert.opened:flash']);

    clock += 60_000;
    health.recordTelemetry('badge-a', telemetry({ flashUsedBytes: 960, flashFreeBytes: 40, batteryPercent: 9, charging: true, droppedFrames: 0 }), clock);
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => [a.kind, a.severity])).toEqual([['flash', 'critical']]);
    expect(received.slice(3).map((n) => `${n.event}:${n.alert.kind}`).sort()).toEqual(['alert.resolved:battery_low', 'alert.resolved:dropped_audio', 'alert.updated:flash']);
    expect(alerts.list({ state: 'open' })[0]!.details).toMatchObject({ thresholdPercent: 95 });

    await alerts.evaluate(); // nothing changed: nothing posted
    expect(received).toHaveLength(6);
  });

  it('warns about flash erases in the foreground since boot, and resolves once a badge reports none (after a reboot)', async () => {
    const alerts = engine();
    online.add('badge-a');
    health.recordTelemetry('badge-a', telemetry({ spoolEraseStalls: 0, bootCount: 4 }), clock);
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' })).toEqual([]);

    clock += 60_000;
    health.recordTelemetry('badge-a', telemetry({ spoolEraseStalls: 2, bootCount: 4 }), clock);
    await alerts.evaluate();
    const [open] = alerts.list({ state: 'open' });
    expect([open?.deviceId, open?.kind, open?.severity]).toEqual(['badge-a', 'spool_erase_stalls', 'warning']);
    expect(open?.details).toEqual({ spoolEraseStalls: 2, bootCount: 4 });
    expect(open?.message).toBe('2 flash erases in the foreground since boot (recording waited)');
    expect(received.map((n) => `${n.event}:${n.alert.kind}`)).toEqual(['alert.opened:spool_erase_stalls']);

    // More stalls keep the one alert (same severity: nothing posted), with the count brought up to date.
    clock += 60_000;
    health.recordTelemetry('badge-a', telemetry({ spoolEraseStalls: 5, bootCount: 4 }), clock);
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => a.details)).toEqual([{ spoolEraseStalls: 5, bootCount: 4 }]);
    expect(received).toHaveLength(1);

    // The count is per boot: the next boot's telemetry resolves it.
    clock += 60_000;
    health.recordTelemetry('badge-a', telemetry({ spoolEraseStalls: 0, bootCount: 5 }), clock);
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' })).toEqual([]);
    expect(received.map((n) => `${n.event}:${n.alert.kind}`)).toEqual(['alert.opened:spool_erase_stalls', 'alert.resolved:spool_erase_stalls']);
  });

  it('counts offline time only within working hours', async () => {
    // Working hours Mon-Fri 09:00-17:00 UTC+1.
    await profiles.setProfile('fleet', '*', { workingHours: [{ weekdays: 0b11111, startMinute: 9 * 60, endMinute: 17 * 60 }], utcOffsetMin: 60 }, by);
    const alerts = engine({ offlineAfterHours: 4 });
    await store.markSeen('badge-b', MONDAY + 15 * HOUR); // 16:00 local: one working hour left that day
    online.add('badge-a');
    clock = MONDAY + 24 * HOUR + 10 * HOUR; // Tuesday 11:00 local: 1 h Monday + 2 h Tuesday = 3 h of working time
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' })).toEqual([]);
    clock = MONDAY + 24 * HOUR + 11 * HOUR; // Tuesday 12:00 local: 4 h
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => [a.deviceId, a.kind])).toEqual([['badge-b', 'offline']]);
    online.add('badge-b');
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' })).toEqual([]);
  });

  it('flags a growing backlog, an unsynced clock that lasts, and repeated refused logins', async () => {
    const alerts = engine({ backlogGrowingSamples: 3, backlogGrowingMinSeconds: 600, clockUnsyncedAfterMs: 10 * 60_000, authFailuresThreshold: 3 });
    online.add('badge-a');
    for (const [i, backlog] of [500, 650, 800].entries()) {
      health.recordTelemetry('badge-a', telemetry({ backlogSeconds: backlog, clockState: pb.ClockState.CLOCK_STATE_UNSYNCED }), clock + i * 60_000);
    }
    clock += 3 * 60_000;
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => a.kind)).toEqual(['backlog_growing']);
    clock += 10 * 60_000;
    for (let i = 0; i < 3; i++) {
      await audit.append({ actor: 'anonymous', action: 'mqtt.auth.failed', target: 'badge-a', outcome: 'denied', atMs: clock - i });
    }
    await alerts.evaluate();
    expect(alerts.list({ state: 'open' }).map((a) => a.kind).sort()).toEqual(['auth_failures', 'backlog_growing', 'clock_unsynced']);
  });

  it('keeps notifications the webhook refused and delivers them once the backoff has passed, in order', async () => {
    const alerts = engine();
    online.add('badge-a');
    health.recordTelemetry('badge-a', telemetry({ batteryPercent: 5 }), clock);
    failNext = 1;
    await alerts.evaluate();
    expect(received).toEqual([]);
    expect(alerts.pendingNotifications()).toBe(1);
    health.recordTelemetry('badge-a', telemetry({ batteryPercent: 50 }), clock);
    // Within the backoff (5 s after the first failure) nothing is sent, the resolve waits behind the open.
    clock += 1_000;
    await alerts.evaluate();
    expect(received).toEqual([]);
    expect(alerts.pendingNotifications()).toBe(2);
    clock += 5_000;
    await alerts.evaluate();
    expect(received.map((n) => n.event)).toEqual(['alert.opened', 'alert.resolved']);
    expect(alerts.pendingNotifications()).toBe(0);
  });
});
