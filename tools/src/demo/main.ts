/**
 * `npm run demo`: the main job (tools/src/start/main.ts, exactly what
 * `npm start` runs, web badge included, as a child process) plus five simulated badges in two branches,
 * provisioned through the admin API, producing conversations from the
 * corpus. Prints where to look, then a live summary; Ctrl-C stops it all.
 *
 * Options: --minutes N (scenario length, default 30), --speed N (default 1,
 * real time), --per-hour N (conversations per badge per hour, default 15).
 * Ports: PARLEY_HTTP_PORT (default 8080), PARLEY_MQTT_PORT (default 1883).
 * Data: data/demo (wiped at start; the demo owns it).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ProcessSupervisor } from '../faults/process-supervisor.js';
import { adminApiGateway } from '../simulator/admin-api-gateway.js';
import { createProgressPrinter } from '../simulator/progress.js';
import { Simulator } from '../simulator/simulator.js';
import { demoScenario } from './demo-scenario.js';
import { createDemoUsers, uploadDemoCalls } from './demo-content.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number, got ${value}`);
  return n;
}

async function waitForFile(path: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > end) throw new Error(`${path} did not appear`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return readFileSync(path, 'utf8').trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string' }, speed: { type: 'string' }, 'per-hour': { type: 'string' } } });
  const scenario = demoScenario({
    minutes: positive('minutes', values.minutes, 30),
    speed: positive('speed', values.speed, 1),
    conversationsPerHour: positive('per-hour', values['per-hour'], 15),
  });
  const httpPort = Number(process.env.PARLEY_HTTP_PORT ?? 8080);
  const mqttPort = Number(process.env.PARLEY_MQTT_PORT ?? 1883);
  const dataDir = resolve(root, 'data/demo');
  rmSync(dataDir, { recursive: true, force: true });

  const gateway = new ProcessSupervisor({
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'tools/src/start/main.ts')],
    cwd: root,
    env: {
      ...process.env,
      PARLEY_DATA_DIR: dataDir,
      PARLEY_HOST: '127.0.0.1',
      PARLEY_HTTP_PORT: String(httpPort),
      PARLEY_MQTT_PORT: String(mqttPort),
      PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn',
    },
    readiness: { tcp: { host: '127.0.0.1', port: mqttPort } },
    readyTimeoutMs: 60_000,
  });
  const abort = new AbortController();
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    abort.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`starting the main job (tools/src/start/main.ts, as npm start) with data in ${dataDir} …`);
  await gateway.start();
  let sim: Simulator | null = null;
  try {
    const token = await waitForFile(join(dataDir, 'admin-token'), 30_000);
    const httpUrl = `http://127.0.0.1:${httpPort}`;
    const corpusDir = resolve(root, '../shared/corpus/dev');
    sim = new Simulator({
      scenario,
      corpusDir,
      gateway: adminApiGateway({ httpUrl, token, mqttUrl: `mqtt://127.0.0.1:${mqttPort}`, scenario }),
      drainTimeoutMs: 10 * 60_000,
    });
    console.log('speaking the conversations with espeak-ng and encoding them to Opus (cached in data/cache after the first run) …');
    await sim.prepare();
    const users = await createDemoUsers(httpUrl, token);
    const staff = scenario.branches.flatMap((b) => b.staff.map((m) => ({ staffId: m.id, name: m.name, branchId: b.id })));
    const calls = await uploadDemoCalls({ httpUrl, token, corpusDir, staff, now: Date.now() });
    const login = (role: string) => users.filter((u) => u.role === role).map((u) => `${u.id} / ${u.password}`).join(', ');
    const auth = `-H 'authorization: Bearer ${token}'`;
    console.log(`
Parley demo: 5 badges in 2 branches (br-north: 3, br-east: 2), ${scenario.durationMs / 60_000} simulated minutes at ${scenario.speed}x.
  fleet UI     ${httpUrl}/admin/   sign in as ${login('admin')}   (badges online, battery, backlog, sessions)
  analyst UI   ${httpUrl}/app/     sign in as ${login('analyst')}   (conversations, dashboards, customers)
  web badge    ${httpUrl}/badge/   (record from this browser; create a device in the fleet UI first)
  API docs     ${httpUrl}/docs      health curl ${httpUrl}/healthz   metrics curl ${httpUrl}/metrics
  badges       curl ${auth} ${httpUrl}/api/v1/devices
  audio        ${dataDir}/  (finalised sessions as Ogg Opus)
${calls} phone calls from the corpus were uploaded with their call-system transcripts and are analysed now.
Badge sessions go through the same pipeline; they are transcribed once a speech model is configured
(docs/asr.md) and wait in "awaiting transcription" until then. The web apps build on first start (a few seconds).
Ctrl-C stops the badges and the gateway.
`);
    const progress = createProgressPrinter(process.stderr);
    sim.on('summary', (s) => progress.update(s));
    sim.on('fault', (e: { kind: string; phase: string; detail: string }) => {
      progress.done();
      console.log(`fault ${e.kind} ${e.phase}: ${e.detail}`);
    });
    try {
      await sim.run({ signal: abort.signal, summaryIntervalMs: 1000 });
      progress.done();
      console.log('scenario finished; every badge has uploaded everything. The gateway keeps running until Ctrl-C.');
      await new Promise<void>((r) => abort.signal.addEventListener('abort', () => r(), { once: true }));
    } catch (err) {
      progress.done();
      if (!abort.signal.aborted) throw err;
    }
  } finally {
    sim?.shutdown();
    console.log('stopping the gateway …');
    await gateway.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
