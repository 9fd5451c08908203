import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, end } from './support/mqtt-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Started {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs `npm start` with the given environment, collecting its JSON log lines. */
function npmStart(env: Record<string, string>, args: string[] = []): Started {
  const child = spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, signalled as a whole like a terminal's Ctrl-C or systemd's stop:
    // npm does not pass SIGTERM on to the script's process.
    detached: true,
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

async function waitFor<T>(probe: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const running: Started[] = [];
const dirs: string[] = [];
function signalGroup(started: Started, signal: NodeJS.Signals): void {
  try {
    process.kill(-started.child.pid!, signal);
  } catch {
    // already gone
  }
}

afterEach(async () => {
  for (const started of running.splice(0)) {
    signalGroup(started, 'SIGKILL');
    await started.exited;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start (end to end)', () => {
  it('starts on a temporary data dir and free ports, answers /healthz, refuses unknown MQTT credentials, accepts a provisioned badge, stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    dirs.push(dataDir);
    const started = npmStart({ PARLEY_DATA_DIR: dataDir, PARLEY_HTTP_PORT: '0', PARLEY_MQTT_PORT: '0', PARLEY_HOST: '127.0.0.1' });
    running.push(started);
    const listening = await waitFor(() => started.lines.find((l) => l.msg === 'gateway listening'), 60_000);
    const httpPort = listening.http as number;
    const mqttPort = listening.mqtt as number;
    expect(listening).toMatchObject({ host: '127.0.0.1', mqtts: null, dataDir });

    const health = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${httpPort}/readyz`)).status).toBe(200);

    const url = `mqtt://127.0.0.1:${mqttPort}`;
    expect((await connect(url, { username: 'badge-unknown', password: 'guess', clientId: 'badge-unknown' })).returnCode).toBe(4);

    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const created = await fetch(`http://127.0.0.1:${httpPort}/api/v1/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'badge-e2e', serial: 'SN-E2E', hardwareRevision: 'r1' }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const ok = await connect(url, { username: 'badge-e2e', password: secret, clientId: 'badge-e2e' });
    expect(ok.returnCode).toBe(0);
    await end(ok.client);

    const logText = JSON.stringify(started.lines);
    expect(logText).not.toContain(secret);
    expect(logText).not.toContain(token);

    signalGroup(started, 'SIGTERM');
    await started.exited;
    expect(started.lines.filter((l) => l.msg === 'shutting down')).toHaveLength(1);
    expect(started.lines.some((l) => l.msg === 'stopped')).toBe(true);
    await expect(fetch(`http://127.0.0.1:${httpPort}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('exits with an error when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    dirs.push(dataDir);
    const started = npmStart({ PARLEY_DATA_DIR: dataDir, PARLEY_HTTP_PORT: '0', PARLEY_MQTT_PORT: String(port), PARLEY_HOST: '127.0.0.1' });
    running.push(started);
    try {
      expect(await started.exited).not.toBe(0);
      const fatal = started.lines.find((l) => l.msg === 'could not start listening');
      expect(fatal, `log: ${JSON.stringify(started.lines)}\nstderr: ${started.stderr()}`).toMatchObject({ level: 60, err: { code: 'EADDRINUSE' } });
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('exits 78 (EX_CONFIG) on settings that are valid alone but not together: stages off-process with the SQLite store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    dirs.push(dataDir);
    const started = npmStart({ PARLEY_DATA_DIR: dataDir, PARLEY_HTTP_PORT: '0', PARLEY_MQTT_PORT: '0', PARLEY_HOST: '127.0.0.1', PARLEY_PIPELINE_STAGES_RUN_IN_PROCESS: 'false' });
    running.push(started);
    expect(await started.exited).toBe(78);
    const fatal = started.lines.find((l) => l.msg === 'could not start the gateway');
    expect(JSON.stringify(fatal?.err)).toMatch(/runInProcess false needs store postgres/);
  }, 60_000);

  it('refuses to start on an invalid configuration, naming the problem', async () => {
    const started = npmStart({ PARLEY_HTTP_PORT: 'eighty', PARLEY_NO_SUCH_KEY: '1' });
    running.push(started);
    expect(await started.exited).not.toBe(0);
    expect(started.stderr()).toMatch(/PARLEY_HTTP_PORT: expected an integer/);
    expect(started.stderr()).toMatch(/PARLEY_NO_SUCH_KEY: unknown environment variable/);
  }, 60_000);
});
