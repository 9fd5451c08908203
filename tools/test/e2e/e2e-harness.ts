/**
 * Runs one scenario end to end for the zero-loss suite: a real in-process
 * gateway, optionally the fault proxy in front of it, the simulator's badges,
 * then the zero-loss check against the gateway's finalised sessions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createFaultProxy } from '../../src/faults/fault-proxy.js';
import { ProcessSupervisor } from '../../src/faults/process-supervisor.js';
import { adminApiGateway } from '../../src/simulator/admin-api-gateway.js';
import { freePort } from '../helpers/free-port.js';
import type { FaultProxy } from '../../src/faults/fault-proxy.js';
import { parseScenarioText } from '../../src/scenario/scenario-file.js';
import { startInProcessGateway } from '../../src/simulator/in-process-gateway.js';
import { waitForFinalised } from '../../src/simulator/session-records.js';
import { Simulator } from '../../src/simulator/simulator.js';
import type { SimulatedBadge } from '../../src/simulator/simulated-badge.js';
import { checkZeroLoss } from '../../src/simulator/zero-loss-check.js';
import type { ZeroLossReport } from '../../src/simulator/zero-loss-check.js';
import type { FaultLogEntry } from '../../src/faults/fault-schedule.js';

/** The zero-loss report plus what the fault schedule did (faults that failed to inject show as phase 'error'). */
export type E2eReport = ZeroLossReport & { faults: FaultLogEntry[]; deliveryFaults: { duplicated: number; reordered: number } };

export const corpusDir = process.env.PARLEY_CORPUS_DIR ?? fileURLToPath(new URL('../../../../shared/corpus/dev/', import.meta.url));

export interface E2eOptions {
  /** Badges connect through the fault proxy. */
  proxy?: boolean;
  /** Called once the badges run (the proxy, if any, is passed). */
  during?: (ctx: { proxy: FaultProxy | null; sim: Simulator }) => Promise<void> | void;
  drainTimeoutMs?: number;
}

function deliveryFaults(badges: readonly SimulatedBadge[]): { duplicated: number; reordered: number } {
  let duplicated = 0;
  let reordered = 0;
  for (const b of badges) {
    const c = b.deliveryFaultCounts();
    duplicated += c.duplicated;
    reordered += c.reordered;
  }
  return { duplicated, reordered };
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * For kill -9: the gateway as `npm start` runs it (gateway/src/main.ts) in a
 * supervised child on fixed free ports, badges provisioned through its admin
 * API. After the run the child is stopped and the same data directory is
 * opened by an in-process gateway to read (and, if still pending, finalise)
 * the sessions.
 */
export async function runScenarioE2eWithChildGateway(yaml: string, opts: E2eOptions = {}): Promise<E2eReport> {
  const scenario = parseScenarioText(yaml, 'yaml', 'e2e');
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-child-'));
  const [httpPort, mqttPort] = [await freePort(), await freePort()];
  const child = new ProcessSupervisor({
    command: process.execPath,
    args: ['--import', 'tsx', join(repoRoot, 'gateway/src/main.ts')],
    cwd: repoRoot,
    env: {
      ...process.env,
      PARLEY_DATA_DIR: dataDir,
      PARLEY_HOST: '127.0.0.1',
      PARLEY_HTTP_PORT: String(httpPort),
      PARLEY_MQTT_PORT: String(mqttPort),
      PARLEY_AUTH_SCRYPT_COST: '1024',
      PARLEY_LOG_LEVEL: 'warn',
    },
    readiness: { tcp: { host: '127.0.0.1', port: mqttPort } },
    readyTimeoutMs: 60_000,
  });
  let sim: Simulator | null = null;
  try {
    await child.start();
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const gateway = adminApiGateway({ httpUrl: `http://127.0.0.1:${httpPort}`, token, mqttUrl: `mqtt://127.0.0.1:${mqttPort}`, scenario });
    sim = new Simulator({ scenario, corpusDir, gateway, supervisor: child, drainTimeoutMs: opts.drainTimeoutMs ?? 90_000 });
    await sim.prepare();
    const result = await sim.run();
    // The badges stay powered (their flash is checked below); they only retry a closed port.
    await child.stop();
    const gw = await startInProcessGateway({ dataDir });
    try {
      const expected = result.badges.reduce((n, b) => n + b.ledger.all().length, 0);
      const sessions = await waitForFinalised(gw.gateway.db, expected, 30_000);
      const report = await checkZeroLoss({
        scenario: scenario.name,
        badges: result.badges,
        finalised: sessions.finalised,
        openAtGateway: sessions.open.length,
        frameMs: scenario.opus.frameMs,
      });
      return { ...report, faults: result.faultLog, deliveryFaults: deliveryFaults(result.badges) };
    } finally {
      await gw.close();
    }
  } finally {
    sim?.shutdown();
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runScenarioE2e(yaml: string, opts: E2eOptions = {}): Promise<E2eReport> {
  const scenario = parseScenarioText(yaml, 'yaml', 'e2e');
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const gw = await startInProcessGateway({ dataDir });
  let proxy: FaultProxy | null = null;
  let sim: Simulator | null = null;
  try {
    let mqttUrl = gw.mqttUrl;
    if (opts.proxy) {
      proxy = createFaultProxy({ target: { host: '127.0.0.1', port: gw.addresses.mqtt } });
      const { port } = await proxy.listen();
      mqttUrl = `mqtt://127.0.0.1:${port}`;
    }
    sim = new Simulator({ scenario, corpusDir, gateway: gw.provisioner(mqttUrl), proxy: proxy ?? undefined, drainTimeoutMs: opts.drainTimeoutMs ?? 60_000 });
    await sim.prepare();
    const running = sim.run();
    if (opts.during) await opts.during({ proxy, sim });
    const result = await running;
    const expected = result.badges.reduce((n, b) => n + b.ledger.all().length, 0);
    const sessions = await waitForFinalised(gw.gateway.db, expected, 30_000);
    const report = await checkZeroLoss({
      scenario: scenario.name,
      badges: result.badges,
      finalised: sessions.finalised,
      openAtGateway: sessions.open.length,
      frameMs: scenario.opus.frameMs,
    });
    return { ...report, faults: result.faultLog, deliveryFaults: deliveryFaults(result.badges) };
  } finally {
    sim?.shutdown();
    await proxy?.close();
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
