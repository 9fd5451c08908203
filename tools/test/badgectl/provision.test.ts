import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createLogger, loadConfig, type Gateway } from '@parley/gateway';
import { runBadgectl } from '../../src/badgectl/cli.js';
import { BadgeEmulator, openPtyPair } from '../../src/badge-emulator/index.js';
import { closeSerialPort, openSerialPort } from '../../src/badgectl/serial-port.js';
import { BADGE_SPOOL_CHIP } from '@parley/firmware/spool-chip';

/** A small stand-in bundle: what matters here is that its bytes reach the badge intact. */
const BUNDLE = Buffer.from(`/* parley test bundle */ const FIRMWARE_VERSION = "0.9.0"; ${'x'.repeat(3000)}`, 'latin1');

describe('badgectl provision over a real pty (socat) to the badge emulator, against a real gateway', () => {
  let gateway: Gateway;
  let dir: string;
  let url: string;
  let mqtt: string;
  let bundlePath: string;

  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runBadgectl(argv, { env: { PARLEY_URL: url, PARLEY_TOKEN: gateway.adminToken }, out: (t) => (out += t), err: (t) => { err += t; if (process.env.DEBUG_PROVISION) process.stderr.write(new Date().toISOString() + ' ' + t); } });
    return { code, out, err };
  };

  /** An emulator serving one end of a fresh pty pair. */
  const emulated = async (name: string, board?: { board?: string; espruinoVersion?: string }) => {
    const pair = await openPtyPair();
    const emulator = new BadgeEmulator({ storageDir: join(dir, name), board: { serialNumber: `SN-${name}`, ...board }, ...(process.env.DEBUG_PROVISION ? { onOutput: (t: string) => process.stderr.write(`[${name}] ${t}`), onBoot: (i: unknown) => process.stderr.write(`[${name}] BOOT ${JSON.stringify(i)}\n`) } : {}) });
    const port = await openSerialPort(pair.badgePath);
    emulator.attach(port);
    return {
      pair,
      emulator,
      async close() {
        emulator.powerOff();
        emulator.detach();
        await closeSerialPort(port);
        await pair.close();
      },
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'provision-'));
    bundlePath = join(dir, 'bundle.js');
    writeFileSync(bundlePath, BUNDLE);
    const config = loadConfig({ base: { dataDir: join(dir, 'gw'), host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } }, env: {} });
    gateway = await build({ config, logger: createLogger({ level: 'silent' }), processMetrics: false });
    const addresses = await gateway.listen();
    url = `http://127.0.0.1:${addresses.http}`;
    mqtt = `127.0.0.1:${addresses.mqtt}`;
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flashes, creates the device, writes and verifies the identity, and waits until the badge connected; a re-run verifies, --rotate issues a new secret', { timeout: 90_000 }, async () => {
    const badge = await emulated('one');
    try {
      const first = await run('provision', '--port', badge.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--id', 'badge-prov-1', '--staff', 'alice', '--timeout', '20', '--json');
      expect(first.code, first.err).toBe(0);
      const result = JSON.parse(first.out);
      expect(result).toMatchObject({ deviceId: 'badge-prov-1', serial: 'SN-one', identity: 'created', flashed: true, bundleBytes: BUNDLE.length, board: 'ESP32', espruinoVersion: '2v29', spool: 'chip' });
      expect(result.onlineAtMs).toBeGreaterThan(0);
      // The badge applied the config the gateway sent it on connect.
      const config = (await gateway.http.inject({ method: 'GET', url: '/api/v1/devices/badge-prov-1/config', headers: { authorization: `Bearer ${gateway.adminToken}` } })).json();
      expect(result.configVersion).toBe(config.wantedVersion);
      expect(config.appliedVersion).toBe(config.wantedVersion);
      expect(first.err).toContain('waiting for badge-prov-1 to apply its config');
      // Plain progress lines (stderr is not a TTY here), each step named.
      expect(first.err).toContain('flashing the firmware bundle to .bootcde');
      expect(first.err).toContain('100% (');
      expect(first.err).toContain('waiting for badge-prov-1 to connect');
      // The bytes on the badge are the bundle; the identity is what the firmware reads.
      expect(Buffer.from(badge.emulator.flash.readFile('.bootcde')!)).toEqual(BUNDLE);
      const id = JSON.parse(Buffer.from(badge.emulator.flash.readFile('id')!).toString());
      // The badge board has the SPI NOR chip: its spool goes there.
      expect(id).toMatchObject({ deviceId: 'badge-prov-1', mqttHost: '127.0.0.1', staffId: 'alice', spoolChip: BADGE_SPOOL_CHIP });
      expect(first.err).toContain('spool on the SPI NOR chip: 124 segments of 1048320 bytes');
      const device = await gateway.devices.get('badge-prov-1');
      expect(device).toMatchObject({ serial: 'SN-one', hardwareRevision: 'B', status: 'active' });
      // The firmware version the badge reported in its Hello (the bundle's FIRMWARE_VERSION).
      await expect.poll(async () => (await gateway.devices.get('badge-prov-1')).firmwareVersion, { timeout: 5000 }).toBe('0.9.0');

      const again = await run('provision', '--port', badge.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '20', '--json');
      expect(again.code, again.err).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({ deviceId: 'badge-prov-1', identity: 'verified', flashed: false, spool: 'chip' });
      expect(Buffer.from(badge.emulator.flash.readFile('id')!).toString()).toBe(JSON.stringify(id));

      const rotated = await run('provision', '--port', badge.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--rotate', '--timeout', '20', '--json');
      expect(rotated.code, rotated.err).toBe(0);
      expect(JSON.parse(rotated.out)).toMatchObject({ deviceId: 'badge-prov-1', identity: 'rotated', flashed: false });
      const newId = JSON.parse(Buffer.from(badge.emulator.flash.readFile('id')!).toString());
      expect(newId.secret).not.toBe(id.secret);
      expect(newId.spoolChip).toEqual(BADGE_SPOOL_CHIP);
      // A badge whose spool is in Storage keeps it there when its secret is rotated (its backlog is there).
      delete newId.spoolChip;
      badge.emulator.flash.writeFile('id', Buffer.from(JSON.stringify(newId)));
      const kept = await run('provision', '--port', badge.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--rotate', '--timeout', '0', '--json');
      expect(kept.code, kept.err).toBe(0);
      expect(JSON.parse(kept.out)).toMatchObject({ identity: 'rotated', spool: 'storage' });
      expect(JSON.parse(Buffer.from(badge.emulator.flash.readFile('id')!).toString()).spoolChip).toBeUndefined();
    } finally {
      await badge.close();
    }
  });

  it('refuses a board that is not a Parley badge, and an Espruino older than the firmware needs', async () => {
    const puck = await emulated('puck', { board: 'PUCKJS' });
    try {
      const res = await run('provision', '--port', puck.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '0');
      expect(res.code).toBe(4);
      expect(res.err).toContain('not a Parley badge');
      expect(res.err).toContain('PUCKJS');
      expect(puck.emulator.flash.readFile('.bootcde')).toBeUndefined();
    } finally {
      await puck.close();
    }
    const old = await emulated('old', { espruinoVersion: '2v19' });
    try {
      const res = await run('provision', '--port', old.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '0');
      expect(res.code).toBe(4);
      expect(res.err).toContain('2v19 is older than 2v29');
    } finally {
      await old.close();
    }
  });

  it('names a missing device, a silent one, a missing bundle, and a serial the gateway already has', { timeout: 60_000 }, async () => {
    const missing = await run('provision', '--port', join(dir, 'no-such-tty'), '--bundle', bundlePath, '--mqtt', mqtt);
    expect(missing.code).toBe(4);
    expect(missing.err).toContain('No badge on that serial port');

    const pair = await openPtyPair();
    try {
      const silent = await run('provision', '--port', pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt);
      expect(silent.code).toBe(4);
      expect(silent.err).toContain('does not answer like an Espruino console');
    } finally {
      await pair.close();
    }

    const nobundle = await run('provision', '--port', '/dev/null', '--bundle', join(dir, 'none.js'));
    expect(nobundle.code).toBe(2);
    expect(nobundle.err).toContain('Firmware bundle not found');

    await gateway.devices.provision({ id: 'badge-prov-dup', serial: 'SN-dup', hardwareRevision: 'B' }, { actor: 'test' });
    const dup = await emulated('dup');
    try {
      const res = await run('provision', '--port', dup.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '0');
      expect(res.code).toBe(4);
      expect(res.err).toContain('serial SN-dup is badge-prov-dup in the gateway');
      // A hardware revision without board data here: the spool stays in Storage.
      const fixed = await run('provision', '--port', dup.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--rotate', '--hw', 'proto-1', '--timeout', '20', '--json');
      expect(fixed.code, fixed.err).toBe(0);
      expect(JSON.parse(fixed.out)).toMatchObject({ deviceId: 'badge-prov-dup', identity: 'rotated', spool: 'storage' });
      expect(JSON.parse(Buffer.from(dup.emulator.flash.readFile('id')!).toString()).spoolChip).toBeUndefined();
    } finally {
      await dup.close();
    }
  });

  it('reports a write the badge refuses, and a verify mismatch', async () => {
    const full = await emulated('full');
    try {
      full.emulator.flash.failWrites(1);
      const res = await run('provision', '--port', full.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '0');
      expect(res.code).toBe(4);
      expect(res.err).toContain("Writing to the badge's Storage failed");
      // Nothing was created in the gateway: the bundle is written first.
      expect((await gateway.devices.list()).some((d) => d.serial === 'SN-full')).toBe(false);
    } finally {
      await full.close();
    }
    const liar = await emulated('liar');
    try {
      // A badge whose Storage hands back other bytes than it was given (a failing flash).
      const storage = liar.emulator.storage;
      const read = storage.read.bind(storage);
      storage.read = (name: unknown, offset?: unknown, length?: unknown) => {
        const s = read(name, offset, length);
        return name === '.bootcde' && s !== undefined ? s.replace(/x/g, 'y') : s;
      };
      const res = await run('provision', '--port', liar.pair.hostPath, '--bundle', bundlePath, '--mqtt', mqtt, '--timeout', '0');
      expect(res.code).toBe(4);
      expect(res.err).toContain('differs from what was written');
    } finally {
      await liar.close();
    }
  });
});
