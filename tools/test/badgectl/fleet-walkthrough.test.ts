/**
 * The fleet admin's walkthrough (docs/fleet.md), each step through badgectl
 * against a real gateway (build(): aedes, fastify, SQLite, ingest) on
 * ephemeral ports, with the badge an emulator on a real socat pty pair
 * running the firmware core on its Node platform over real MQTT.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { build, createLogger, loadConfig, type Gateway } from '@parley/gateway';
import { runBadgectl } from '../../src/badgectl/cli.js';
import { closeSerialPort, openSerialPort } from '../../src/badgectl/serial-port.js';
import { BadgeEmulator, LoopingMicrophone, openPtyPair, voicedToneAudio, type BootInfo, type PtyPair } from '../../src/badge-emulator/index.js';

const DEVICE = 'badge-0001';
/** Bundles standing in for two firmware builds: the emulator reports the version, the bytes must arrive intact. */
const BUNDLE_1 = Buffer.from(`/* parley */ const FIRMWARE_VERSION = "1.0.0"; ${'a'.repeat(6000)}`, 'latin1');
const BUNDLE_2 = Buffer.from(`/* parley */ const FIRMWARE_VERSION = "1.1.0"; ${'b'.repeat(10000)}`, 'latin1');

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('fleet walkthrough: branch and staff, provision an emulated badge over a pty, assign, online, config, commands, firmware rollout, revoke', () => {
  let gateway: Gateway;
  let dir: string;
  let url: string;
  let mqttPort: number;
  let pair: PtyPair;
  let emulator: BadgeEmulator;
  let closePort: () => Promise<void>;
  const boots: BootInfo[] = [];
  const finalised: FinalisedSession[] = [];

  const badgectl = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runBadgectl(argv, { env: { PARLEY_URL: url, PARLEY_TOKEN: gateway.adminToken }, out: (t) => (out += t), err: (t) => (err += t) });
    if (code !== 0) throw new Error(`badgectl ${argv.join(' ')} exited ${code}: ${err}`);
    return { out, err };
  };
  const json = async <T = Record<string, unknown>>(...argv: string[]): Promise<T> => JSON.parse((await badgectl(...argv, '--json')).out) as T;
  const running = () => {
    const r = emulator.firmware.running();
    if (!r) throw new Error('the emulated badge runs no firmware');
    return r;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-walkthrough-'));
    writeFileSync(join(dir, 'badge-1.0.0.js'), BUNDLE_1);
    writeFileSync(join(dir, 'badge-1.1.0.js'), BUNDLE_2);
    const config = loadConfig({ base: { dataDir: join(dir, 'gateway'), host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } }, env: {} });
    gateway = await build({
      config,
      logger: createLogger({ level: 'silent' }),
      processMetrics: false,
      extensions: [{ name: 'walkthrough-probe', onFinalised: async (session) => void finalised.push(session) }],
    });
    const addresses = await gateway.listen();
    url = `http://127.0.0.1:${addresses.http}`;
    mqttPort = addresses.mqtt;

    pair = await openPtyPair();
    emulator = new BadgeEmulator({
      storageDir: join(dir, 'badge-storage'),
      board: { serialNumber: 'SN-0001' },
      microphone: new LoopingMicrophone(await voicedToneAudio()),
      onBoot: (info) => boots.push(info),
    });
    const port = await openSerialPort(pair.badgePath);
    emulator.attach(port);
    closePort = () => closeSerialPort(port);
  });

  afterAll(async () => {
    emulator?.powerOff();
    emulator?.detach();
    await closePort?.();
    await pair?.close();
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('1. creates a branch and a staff member', async () => {
    await badgectl('branches', 'create', 'paris-01', '--name', 'Paris Opéra', '--region', 'IDF');
    await badgectl('staff', 'create', 'alice', '--name', 'Alice Martin', '--branch', 'paris-01');
    expect((await json<{ staff: unknown[] }>('staff', 'list', '--branch', 'paris-01')).staff).toEqual([expect.objectContaining({ id: 'alice', branchId: 'paris-01' })]);
    // Badges upload live in this fleet (so commands reach them at once).
    await badgectl('config', 'set', 'fleet', '*', 'uploadPolicy=0', 'telemetryIntervalS=60');
  });

  it('2. provisions the emulated badge over the pty: flashed, created, identity written and verified, first connection seen', { timeout: 60_000 }, async () => {
    const result = await json('provision', '--port', pair.hostPath, '--bundle', join(dir, 'badge-1.0.0.js'), '--mqtt', `127.0.0.1:${mqttPort}`, '--id', DEVICE, '--timeout', '30');
    expect(result).toMatchObject({ deviceId: DEVICE, serial: 'SN-0001', identity: 'created', flashed: true, bundleBytes: BUNDLE_1.length });
    expect(result.onlineAtMs).toEqual(expect.any(Number));
    // The fleet profile (live uploads) reached the badge and it said so.
    const config = await json<{ wantedVersion: number; appliedVersion: number }>('config', 'show', DEVICE);
    expect(result.configVersion).toBe(config.wantedVersion);
    expect(running().badge.effectiveConfig().uploadPolicy).toBe(0);
    expect(boots.at(-1)).toEqual({ deviceId: DEVICE, slot: 'a', firmwareVersion: '1.0.0' });
  });

  it('3. assigns it to the branch and to alice', async () => {
    await badgectl('devices', 'branch', DEVICE, 'paris-01');
    await badgectl('assign', DEVICE, 'alice');
    const { assignments } = await json<{ assignments: { deviceId: string; staffId: string; toMs: number | null }[] }>('assignments', '--device', DEVICE);
    expect(assignments).toEqual([expect.objectContaining({ deviceId: DEVICE, staffId: 'alice', toMs: null })]);
  });

  it('4. sees it online in the fleet API, active, with the firmware version from its Hello', async () => {
    const device = await until('the badge online', async () => {
      const { devices } = await json<{ devices: { id: string; online: boolean; status: string; firmwareVersion: string | null; hardwareRevision: string }[] }>('devices', 'list');
      const d = devices.find((x) => x.id === DEVICE);
      return d?.online && d.firmwareVersion === '1.0.0' ? d : undefined;
    });
    expect(device).toMatchObject({ status: 'active', hardwareRevision: 'B' });
    const health = await json('devices', 'health', DEVICE);
    expect(health).toMatchObject({ online: true, firmwareVersion: '1.0.0' });
  });

  it('5. records a conversation and uploads it: the gateway finalises a session attributed to alice at paris-01', { timeout: 60_000 }, async () => {
    await badgectl('command', DEVICE, 'start');
    await until('recording', async () => running().badge.recorder.isRecording());
    await new Promise((r) => setTimeout(r, 3000));
    await badgectl('command', DEVICE, 'stop');
    const session = await until('a finalised session', async () => finalised.find((s) => s.deviceId === DEVICE), 30_000);
    expect(session).toMatchObject({ staffId: 'alice', branchId: 'paris-01' });
    expect(session.durationMs).toBeGreaterThan(1000);
  });

  it('6. changes its config and sees the badge apply it (the applied version reported back)', async () => {
    const before = await json<{ wantedVersion: number }>('config', 'show', DEVICE);
    await badgectl('config', 'set', 'device', DEVICE, 'telemetryIntervalS=30');
    const state = await until('the config applied', async () => {
      const s = await json<{ wantedVersion: number; appliedVersion: number | null; drift: boolean }>('config', 'show', DEVICE);
      return s.wantedVersion > before.wantedVersion && s.appliedVersion === s.wantedVersion ? s : undefined;
    });
    expect(state.drift).toBe(false);
    expect(running().badge.effectiveConfig()).toMatchObject({ version: state.wantedVersion, telemetryIntervalS: 30 });
  });

  it('7. sends locate and mute and sees their CommandResults', async () => {
    const cuesBefore = running().platform.indicators.cues.length;
    const locate = await json<{ id: string }>('command', DEVICE, 'locate');
    const mute = await json<{ id: string }>('command', DEVICE, 'mute');
    const results = await until('both results', async () => {
      const { commands } = await json<{ commands: { id: string; state: string; result: { status: string } | null }[] }>('commands', DEVICE);
      const l = commands.find((c) => c.id === locate.id);
      const m = commands.find((c) => c.id === mute.id);
      return l?.result && m?.result ? { l, m } : undefined;
    });
    expect(results.l.result?.status).toBe('ok');
    expect(results.m.result?.status).toBe('ok');
    expect(running().platform.indicators.cues.length).toBeGreaterThan(cuesBefore);
    expect(running().badge.store.state.muted).toBe(true);
  });

  it('8. rolls firmware 1.1.0 out to a cohort and sees it applied (the version the badge says in its Hello)', { timeout: 60_000 }, async () => {
    await badgectl('groups', 'create', 'pilot', '--name', 'Pilot cohort');
    await badgectl('groups', 'add', 'pilot', DEVICE);
    const release = await json<{ id: string; version: string; size: number }>('release', 'upload', join(dir, 'badge-1.1.0.js'), '--version', '1.1.0', '--min-hw', 'B');
    expect(release).toMatchObject({ version: '1.1.0', size: BUNDLE_2.length });
    const rollout = await json<{ id: string; eligible: number }>('rollout', 'start', release.id, '--group', 'pilot', '--stages', '100');
    expect(rollout.eligible).toBe(1);
    const shown = await until('the rollout completed', async () => {
      const s = await json<{ rollout: { state: string }; devices: { deviceId: string; state: string }[] }>('rollout', 'show', rollout.id);
      return s.rollout.state === 'completed' ? s : undefined;
    }, 40_000);
    expect(shown.devices).toEqual([expect.objectContaining({ deviceId: DEVICE, state: 'applied' })]);
    const device = await until('the new version reported', async () => {
      const d = await json<{ firmwareVersion: string | null; online: boolean }>('devices', 'show', DEVICE);
      return d.firmwareVersion === '1.1.0' && d.online ? d : undefined;
    }, 30_000);
    expect(device.firmwareVersion).toBe('1.1.0');
    // The badge rebooted into the other slot with the image it downloaded, and confirmed it.
    expect(boots.at(-1)).toEqual({ deviceId: DEVICE, slot: 'b', firmwareVersion: '1.1.0' });
    expect(Buffer.from(emulator.flash.readFile('fw.b')!)).toEqual(BUNDLE_2);
    await until('the update confirmed', async () => !running().badge.ota.pendingConfirm());
  });

  it('9. revokes it: its connection is dropped and every connect is refused at CONNACK', { timeout: 30_000 }, async () => {
    await badgectl('devices', 'revoke', DEVICE);
    await until('the badge offline', async () => !gateway.broker.isOnline(DEVICE));
    expect(await json('devices', 'show', DEVICE)).toMatchObject({ status: 'revoked', online: false });
    // The badge's own credentials, as it holds them, are refused with "not authorized".
    const identity = JSON.parse(Buffer.from(emulator.flash.readFile('id')!).toString()) as { secret: string };
    const code = await new Promise<number | undefined>((resolve) => {
      const client = mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, { clientId: DEVICE, username: DEVICE, password: identity.secret, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 });
      client.on('connect', () => {
        client.end(true);
        resolve(0);
      });
      client.on('error', (err) => {
        client.end(true);
        resolve((err as Error & { code?: number }).code);
      });
    });
    expect(code).toBe(5);
    // The firmware keeps retrying; each attempt is refused and audited.
    const { entries } = await until('refusals in the audit log', async () => {
      const page = await json<{ entries: { action: string; target: string | null; outcome: string }[] }>('audit', '--action', 'mqtt.auth.failed', '--target', DEVICE);
      return page.entries.length > 0 ? page : undefined;
    });
    expect(entries[0]).toMatchObject({ action: 'mqtt.auth.failed', target: DEVICE });
    expect(running().badge.uploader.isReady()).toBe(false);
  });
});
