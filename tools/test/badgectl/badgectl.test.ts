import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createLogger, loadConfig, type Gateway } from '@parley/gateway';
import { parseSettings, runBadgectl } from '../../src/badgectl/cli.js';
import { renderTable } from '../../src/badgectl/table.js';

const BIN = fileURLToPath(new URL('../../bin/badgectl.js', import.meta.url));

describe('badgectl against a real gateway', () => {
  let gateway: Gateway;
  let dataDir: string;
  let url: string;

  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runBadgectl(argv, { env: { PARLEY_URL: url, PARLEY_TOKEN: gateway.adminToken }, out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badgectl-'));
    const config = loadConfig({ base: { dataDir, host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } }, env: {} });
    gateway = await build({ config, logger: createLogger({ level: 'silent' }), processMetrics: false });
    const addresses = await gateway.listen();
    url = `http://127.0.0.1:${addresses.http}`;
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up a branch, staff and a badge, assigns it, configures and commands it, with tables and --json', async () => {
    expect(await run('branches', 'create', 'paris-01', '--name', 'Paris Opéra', '--region', 'IDF')).toMatchObject({ code: 0, out: 'created branch paris-01\n' });
    expect((await run('staff', 'create', 'alice', '--name', 'Alice Martin', '--branch', 'paris-01')).code).toBe(0);
    const created = await run('devices', 'create', '--serial', 'SN-1', '--hw', 'r2', '--id', 'badge-cli');
    expect(created.out).toMatch(/^created badge-cli\nsecret \(shown once, store it in the badge\): [A-Za-z0-9_-]{43}\n$/);
    expect((await run('devices', 'branch', 'badge-cli', 'paris-01')).code).toBe(0);
    expect((await run('assign', 'badge-cli', 'alice', '--at', '2026-11-22T09:00:00Z')).out).toBe('badge-cli is worn by alice from 2026-11-22T09:00:00Z\n');

    const list = await run('devices', 'list');
    expect(list.out.split('\n')[0]).toMatch(/^ID\s+SERIAL\s+HW\s+FIRMWARE\s+STATUS\s+ONLINE\s+LAST SEEN$/);
    expect(list.out).toMatch(/badge-cli\s+SN-1\s+r2\s+-\s+provisioned\s+no\s+-/);
    const json = JSON.parse((await run('devices', 'list', '--json')).out) as { devices: { id: string }[] };
    expect(json.devices.map((d) => d.id)).toEqual(['badge-cli']);

    expect((await run('config', 'set', 'fleet', '*', 'bitrate=16000', 'telemetryIntervalS=60')).code).toBe(0);
    expect((await run('config', 'set', 'branch', 'paris-01', 'telemetryIntervalS=30')).code).toBe(0);
    const shown = JSON.parse((await run('config', 'show', 'badge-cli', '--json')).out) as { config: Record<string, unknown>; drift: boolean };
    expect(shown.config).toMatchObject({ bitrate: 16000, telemetryIntervalS: 30, staffId: 'alice' });
    expect(shown.drift).toBe(true);
    expect((await run('config', 'drift')).out).toMatch(/badge-cli/);

    const command = await run('command', 'badge-cli', 'locate', '--ttl', '600');
    expect(command.out).toMatch(/^locate [0-9a-f-]{36}: queued \(expires /);
    expect((await run('commands', 'badge-cli')).out).toMatch(/locate\s+queued/);
  });

  it('imports devices from a CSV file and prints each secret once', async () => {
    const file = join(dataDir, 'devices.csv');
    writeFileSync(file, 'serial,hardwareRevision\nSN-100,r2\nSN-101,r2\nSN-100,r2\n');
    const res = await run('devices', 'import', file);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/2 created, 1 failed\n$/);
    expect(res.out).toMatch(/CONFLICT/);
  });

  it('exports the audit log and shows admin actions', async () => {
    const out = join(dataDir, 'audit.csv');
    const res = await run('audit', 'export', '--format', 'csv', '--out', out);
    expect(res.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('seq,atIso,actor,action,target,source,outcome,details');
    expect(csv).toMatch(/,admin,branch\.created,paris-01,/);
    expect((await run('audit', '--action', 'device.assigned')).out).toMatch(/device\.assigned\s+badge-cli\s+ok/);
  });

  it('reports gateway errors, usage errors, a missing token and an unreachable gateway with distinct exit codes', async () => {
    const unknown = await run('devices', 'show', 'badge-nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/DEVICE_UNKNOWN \(404\)/);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('devices', 'list', '--bogus')).code).toBe(2);
    expect((await run('rollout', 'start', 'rel-nope')).code).toBe(1);
    const noToken = await runBadgectl(['devices', 'list'], { env: { PARLEY_URL: url }, out: () => {}, err: () => {} });
    expect(noToken).toBe(2);
    let err = '';
    const down = await runBadgectl(['devices', 'list', '--url', 'http://127.0.0.1:1'], { env: { PARLEY_TOKEN: 'x' }, out: () => {}, err: (t) => (err += t) });
    expect(down).toBe(3);
    expect(err).toMatch(/Gateway cannot be reached/);
    const forbidden = await runBadgectl(['devices', 'list'], { env: { PARLEY_URL: url, PARLEY_TOKEN: 'pat_wrong' }, out: () => {}, err: (t) => (err += t) });
    expect(forbidden).toBe(1);
    expect(err).toMatch(/UNAUTHORIZED \(401\)/);
  });

  it('uploads a release and starts, shows and aborts a rollout', async () => {
    const file = join(dataDir, 'firmware.bin');
    writeFileSync(file, Buffer.alloc(5000, 7));
    const uploaded = JSON.parse((await run('release', 'upload', file, '--version', '3.1.0', '--min-hw', 'r2', '--json')).out) as { id: string; size: number };
    expect(uploaded.size).toBe(5000);
    expect((await run('release', 'list')).out).toMatch(/3\.1\.0\s+5000\s+r2/);
    const started = await run('rollout', 'start', uploaded.id, '--stages', '50,100', '--threshold', '20', '--json');
    expect(started.code).toBe(0);
    const rollout = JSON.parse(started.out) as { id: string; state: string; stages: number[] };
    expect(rollout).toMatchObject({ state: 'running', stages: [50, 100] });
    expect((await run('rollout', 'show', rollout.id)).out).toMatch(/50 % \(1\/2\)\s+running/);
    expect((await run('rollout', 'abort', rollout.id)).out).toMatch(/aborted/);
    expect((await run('rollout', 'resume', rollout.id)).err).toMatch(/CONFLICT \(409\)/);
  });

  it('runs as a program through the bin launcher', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'devices', 'list', '--json'], { env: { ...process.env, PARLEY_URL: url, PARLEY_TOKEN: gateway.adminToken } });
    expect((JSON.parse(stdout) as { devices: unknown[] }).devices.length).toBe(3);
  });
});

describe('badgectl helpers', () => {
  it('parses key=value settings as JSON with bare strings', () => {
    expect(parseSettings(['bitrate=16000', 'led={"brightnessPercent":5,"statusLedEnabled":true}', 'x=word'])).toEqual({ bitrate: 16000, led: { brightnessPercent: 5, statusLedEnabled: true }, x: 'word' });
    expect(() => parseSettings(['novalue'])).toThrow(/key=value/);
  });

  it('aligns tables and marks empty cells', () => {
    expect(renderTable([{ a: 'x', b: null }, { a: 'longer', b: 2 }], [{ header: 'a', value: (r) => r.a }, { header: 'b', value: (r) => r.b }])).toBe('A       B\nx       -\nlonger  2\n');
    expect(renderTable([], [])).toBe('(none)\n');
  });
});
