import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, type Gateway } from '../../src/app.js';
import { loadConfig } from '../../src/config/load.js';
import { AlertWebhook, retryDelayMs, WEBHOOK_MAX_PENDING, type AlertNotification } from '../../src/fleet/alert-webhook.js';
import { FLEET_MIGRATIONS } from '../../src/fleet/schema.js';
import { createLogger } from '../../src/observability/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { BadgeDouble } from './badge-double.js';

/** A real HTTP receiver whose answer the test sets. */
async function receiver(): Promise<{ server: Server; url: string; received: AlertNotification[]; deliveryIds: string[]; answer: { status: number } }> {
  const received: AlertNotification[] = [];
  const deliveryIds: string[] = [];
  const answer = { status: 204 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (answer.status < 300) {
        received.push(JSON.parse(body) as AlertNotification);
        deliveryIds.push(String(req.headers['x-parley-delivery']));
      }
      res.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, deliveryIds, answer };
}

const notification = (alertId: number, event: AlertNotification['event'] = 'alert.opened'): AlertNotification => ({
  event,
  alert: { id: alertId, deviceId: 'badge-a', kind: 'battery_low', severity: 'warning', message: 'battery 5 %', details: {}, openedAtMs: 0, resolvedAtMs: null },
});

describe('AlertWebhook: the durable, ordered, bounded webhook outbox', () => {
  let db: Database;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let clock: number;
  const webhook = () => new AlertWebhook({ db, url: hook.url, timeoutMs: 2_000, logger: createLogger({ level: 'silent' }), now: () => clock, autoRetry: false });

  beforeEach(async () => {
    clock = 1_000_000;
    db = openDatabase(':memory:');
    migrate(db, 'fleet', FLEET_MIGRATIONS);
    hook = await receiver();
  });
  afterEach(async () => {
    db.close();
    await new Promise((resolve) => hook.server.close(resolve));
  });

  it('backs off exponentially (5 s doubling, capped at 30 min)', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(30 * 60_000);
  });

  it('delivers in order, holds the queue behind a failure until its retry time, and records every attempt', async () => {
    const w = webhook();
    hook.answer.status = 500;
    w.enqueue(notification(1));
    w.enqueue(notification(1, 'alert.resolved'));
    await w.flush();
    expect(hook.received).toEqual([]);
    expect(w.status()).toMatchObject({ configured: true, pending: 2, delivered: 0, head: { alertId: 1, event: 'alert.opened', attempts: 1, lastError: 'webhook answered 500', nextAttemptAtMs: clock + 5_000 } });
    clock += 5_000;
    await w.flush();
    expect(w.status().head).toMatchObject({ attempts: 2, nextAttemptAtMs: clock + 10_000 });
    hook.answer.status = 204;
    clock += 9_999;
    await w.flush();
    expect(hook.received).toEqual([]);
    clock += 1;
    await w.flush();
    expect(hook.received.map((n) => n.event)).toEqual(['alert.opened', 'alert.resolved']);
    expect(w.status()).toMatchObject({ pending: 0, delivered: 2, dropped: 0, head: null });
    const deliveries = w.list();
    expect(deliveries.map((d) => [d.event, d.state, d.attempts])).toEqual([
      ['alert.resolved', 'delivered', 1],
      ['alert.opened', 'delivered', 3],
    ]);
    expect(hook.deliveryIds).toEqual(deliveries.map((d) => String(d.id)).reverse());
  });

  it('is bounded: past the limit the oldest waiting notifications are dropped, and shown as dropped', async () => {
    const w = webhook();
    const insert = db.transaction(() => {
      for (let i = 0; i < WEBHOOK_MAX_PENDING + 3; i++) w.enqueue(notification(i));
    });
    insert();
    const status = w.status();
    expect(status).toMatchObject({ pending: WEBHOOK_MAX_PENDING, dropped: 3, head: { alertId: 3 } });
    expect(w.list({ state: 'dropped' }).map((d) => [d.alertId, d.lastError])).toEqual([
      [2, 'queue full'],
      [1, 'queue full'],
      [0, 'queue full'],
    ]);
  });

  it('queues nothing without a webhook URL', async () => {
    const w = new AlertWebhook({ db, url: '', timeoutMs: 1_000, logger: createLogger({ level: 'silent' }), now: () => clock });
    w.enqueue(notification(1));
    expect(w.status()).toEqual({ configured: false, pending: 0, delivered: 0, dropped: 0, head: null });
  });
});

describe('alert webhook across a gateway restart (real gateway, real HTTP receiver, real MQTT badge)', () => {
  let dir: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let gateway: Gateway | null = null;

  const start = async () => {
    const config = loadConfig({ base: { dataDir: dir, host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } }, env: {} });
    // Alert evaluations only on demand (an hour apart): what delivers after the restart is the outbox's own retry.
    const g = await build({ config, logger: createLogger({ level: 'silent' }), processMetrics: false, fleetConfig: { alertWebhookUrl: hook.url, alertIntervalMs: 3_600_000 } });
    return { g, addresses: await g.listen() };
  };
  const api = (g: Gateway, method: 'GET' | 'POST', url: string) => g.http.inject({ method, url, headers: { authorization: `Bearer ${g.adminToken}` } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-webhook-'));
    hook = await receiver();
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => hook.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a notification the webhook refused through a restart and delivers it after the backoff, with its status in the API', { timeout: 30_000 }, async () => {
    const first = await start();
    gateway = first.g;
    const { secret } = await first.g.devices.provision({ id: 'badge-hook', serial: 'SN-hook', hardwareRevision: 'B' }, { actor: 'test' });
    const { badge } = await BadgeDouble.connect(first.addresses.mqtt, 'badge-hook', secret);
    try {
      await badge!.send('telemetry', {
        batteryPercent: 5, batteryMv: 3500, charging: false, flashUsedBytes: 100, flashFreeBytes: 900, backlogSeconds: 0, rssiDbm: -60, uptimeS: 100,
        state: 0, droppedFrames: 0, clockState: 1, firmwareVersion: '1.0.0', lastErrorCode: 0, timeMs: 0, configVersion: 0, bootCount: 1,
      });
      const deadline = Date.now() + 5_000;
      while (!first.g.fleet.health.get('badge-hook')?.batteryPercent) {
        if (Date.now() > deadline) throw new Error('telemetry not recorded');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await badge!.close();
    }
    hook.answer.status = 503;
    await api(first.g, 'POST', '/api/v1/alerts/evaluate');
    const failed = (await api(first.g, 'GET', '/api/v1/alerts/webhook')).json();
    expect(failed).toMatchObject({ configured: true, pending: 1, delivered: 0, head: { event: 'alert.opened', deviceId: 'badge-hook', attempts: 1, lastError: 'webhook answered 503' } });
    const retryAt = failed.head.nextAttemptAtMs as number;
    expect(retryAt - failed.head.lastAttemptAtMs).toBe(5_000);
    await first.g.close();
    gateway = null;

    hook.answer.status = 204;
    const second = await start();
    gateway = second.g;
    expect((await api(second.g, 'GET', '/api/v1/alerts/webhook')).json()).toMatchObject({ pending: 1 });
    const deadline = Date.now() + 15_000;
    while (hook.received.length === 0) {
      if (Date.now() > deadline) throw new Error('not delivered after the restart');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now()).toBeGreaterThanOrEqual(retryAt);
    expect(hook.received).toEqual([expect.objectContaining({ event: 'alert.opened', alert: expect.objectContaining({ deviceId: 'badge-hook', kind: 'battery_low' }) })]);
    // The receiver has the request before the gateway has its answer: wait for the outbox to record the delivery.
    let status = (await api(second.g, 'GET', '/api/v1/alerts/webhook')).json();
    while (status.delivered === 0) {
      if (Date.now() > deadline) throw new Error('delivery not recorded');
      await new Promise((r) => setTimeout(r, 20));
      status = (await api(second.g, 'GET', '/api/v1/alerts/webhook')).json();
    }
    expect(status).toMatchObject({ pending: 0, delivered: 1, head: null });
    const { deliveries } = (await api(second.g, 'GET', '/api/v1/alerts/webhook/deliveries?state=delivered')).json();
    expect(deliveries).toEqual([expect.objectContaining({ state: 'delivered', attempts: 2, lastError: null })]);
  });
});
