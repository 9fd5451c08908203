import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, createLogger, loadConfig } from '@parley/gateway';
import type { Gateway } from '@parley/gateway';
import type { FinalisedSession } from '@parley/proto';
import { createBadge } from '../../src/app/create-badge.js';
import { EndReason, StartTrigger, UploadPolicy } from '../../src/core/messages.js';
import { createNodePlatform } from '../../src/platform/node/index.js';

/** A 20 ms wideband SILK Opus TOC byte, then a distinct body per frame. */
function opusFrame(n: number): Uint8Array {
  const f = new Uint8Array(38);
  f[0] = 0x48;
  for (let i = 1; i < f.length; i++) f[i] = (n * 13 + i) & 0xff;
  return f;
}

async function until(what: string, cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A gateway on loopback ports and a provisioned device for it. */
async function gatewayWithDevice(deviceId: string): Promise<{ mqttUrl: string; secret: string; finalised: FinalisedSession[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-fw-gw-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    base: { dataDir, host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } },
    env: {},
  });
  const gateway: Gateway = await build({ config, logger: createLogger({ level: 'silent' }), processMetrics: false });
  cleanups.push(() => gateway.close());
  const finalised: FinalisedSession[] = [];
  gateway.ingest.onFinalised(async (s) => {
    finalised.push(s);
  });
  const addr = await gateway.listen();
  const { secret } = await gateway.devices.provision({ id: deviceId, serial: 'SN-' + deviceId, hardwareRevision: 'r1' }, { actor: 'test' });
  return { mqttUrl: `mqtt://127.0.0.1:${addr.mqtt}`, secret, finalised };
}

describe('firmware against the real gateway (aedes + ingest + mqtt.js)', () => {
  it('sessions recorded offline beyond the table are parked, listed as unlisted in the Hello, then all finalised whole', async () => {
    const deviceId = 'badge-fw-int-02';
    const gw = await gatewayWithDevice(deviceId);
    const platform = createNodePlatform({ flashBytes: 4 * 1024 * 1024, mqttUrl: gw.mqttUrl, deviceId, secret: gw.secret });
    // Uploads only on the charger: the radio stays off while the ten sessions are recorded.
    const badge = createBadge(platform, { deviceId, hardwareRevision: 'r1', firmwareVersion: '1.0.0', staffId: 'staff-1' }, {
      spoolBytes: 1024 * 1024, segmentBytes: 16 * 1024, defaultUploadPolicy: UploadPolicy.ON_CHARGER, spoolMaxSessions: 3,
    });
    badge.boot();
    cleanups.push(() => badge.halt());
    const frames = (n: number): number => 60 + 7 * n;
    for (let n = 0; n < 10; n++) {
      expect(badge.startSession(StartTrigger.BUTTON)).toBeNull();
      for (let i = 0; i < frames(n); i++) platform.audio.push(opusFrame(1000 * n + i), true);
      expect(badge.stopSession(EndReason.BUTTON)).toBeNull();
    }
    expect([badge.spool.sessionCount(), badge.spool.parkedCount()]).toEqual([3, 7]);
    expect(badge.uploader.isReady()).toBe(false);

    platform.battery.onCharger = true;
    await until('all ten sessions finalised', () => gw.finalised.length === 10, 40_000);
    expect(gw.finalised.map((s) => s.totalFrames).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(frames));
    for (const s of gw.finalised) expect(s.gaps).toEqual([]);
    await until('the badge to delete them all', () => badge.spool.sessionCount() === 0 && badge.spool.parkedCount() === 0, 10_000);
    expect(badge.spool.unackedChunks()).toBe(0);
  }, 60_000);

  it('a recorded session is acknowledged, finalised by the gateway and deleted from the badge', async () => {
    const deviceId = 'badge-fw-int-01';
    const { mqttUrl, secret, finalised } = await gatewayWithDevice(deviceId);
    const platform = createNodePlatform({ flashBytes: 4 * 1024 * 1024, mqttUrl, deviceId, secret });
    const badge = createBadge(platform, { deviceId, hardwareRevision: 'r1', firmwareVersion: '1.0.0', staffId: 'staff-1' }, {
      spoolBytes: 1024 * 1024, segmentBytes: 16 * 1024, defaultUploadPolicy: UploadPolicy.LIVE,
    });
    badge.boot();
    cleanups.push(() => badge.halt());
    await until('the HelloReply', () => badge.uploader.isReady(), 10_000);
    expect(badge.clock.isSynced()).toBe(true);

    expect(badge.startSession(StartTrigger.BUTTON)).toBeNull();
    for (let i = 0; i < 175; i++) platform.audio.push(opusFrame(i), true);
    expect(badge.stopSession(EndReason.BUTTON)).toBeNull();

    await until('the session to be finalised', () => finalised.length === 1, 20_000);
    const s = finalised[0] as FinalisedSession;
    expect(s.deviceId).toBe(deviceId);
    expect(s.totalFrames).toBe(175);
    expect(s.gaps).toEqual([]);
    expect(s.endReason.toLowerCase()).toContain('button');
    await until('the badge to delete the session', () => badge.spool.sessions().length === 0, 10_000);
    expect(badge.spool.unackedChunks()).toBe(0);
  }, 60_000);
});
