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

describe('firmware against the real gateway (aedes + ingest + mqtt.js)', () => {
  it('a recorded session is acknowledged, finalised by the gateway and deleted from the badge', async () => {
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
    const deviceId = 'badge-fw-int-01';
    const { secret } = await gateway.devices.provision({ id: deviceId, serial: 'SN-1', hardwareRevision: 'r1' }, { actor: 'test' });

    const platform = createNodePlatform({ flashBytes: 4 * 1024 * 1024, mqttUrl: `mqtt://127.0.0.1:${addr.mqtt}`, deviceId, secret });
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
