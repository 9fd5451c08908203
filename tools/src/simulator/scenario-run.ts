/**
 * Runs one scenario end to end and checks it: a real gateway (in this
 * process, or — for `gateway-crash` faults — `gateway/src/main.ts` in a
 * supervised child on fixed free ports, provisioned through its admin API),
 * the fault proxy in front of it when the scenario has network faults, the
 * simulator's badges, then the zero-loss check. Used by the e2e suite and
 * `npm run bench -- e2e`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaultProxy } from '../faults/fault-proxy.js';
import type { FaultProxy } from '../faults/fault-proxy.js';
import type { FaultLogEntry } from '../faults/fault-schedule.js';
import type { FinalisedSession } from '@parley/proto';
import type { BadgeShiftAudio } from '../opus/badge-shift-audio.js';
import { ProcessSupervisor } from '../faults/process-supervisor.js';
import type { Scenario } from '../scenario/types.js';
import { adminApiGateway } from './admin-api-gateway.js';
import { startInProcessGateway } from './in-process-gateway.js';
import { waitForFinalised } from './session-records.js';
import type { SimulatedBadge } from './simulated-badge.js';
import { Simulator } from './simulator.js';
import type { SimulatorGateway, SimulatorSummary } from './simulator.js';
import { checkZeroLoss } from './zero-loss-check.js';
import type { ZeroLossReport } from './zero-loss-check.js';

const NETWORK_FAULTS = new Set(['cut', 'stall', 'throttle', 'delay', 'flap', 'network-down']);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const defaultCorpusDir = process.env.PARLEY_CORPUS_DIR ?? fileURLToPath(new URL('../../../../shared/corpus/dev/', import.meta.url));

export interface ScenarioRunOptions {
  corpusDir?: string;
  /** Default: a child gateway when the scenario crashes the gateway, else in process. */
  gateway?: 'in-process' | 'child';
  /** Default: when the scenario has network faults. */
  proxy?: boolean;
  drainTimeoutMs?: number;
  onSummary?: (s: SimulatorSummary) => void;
  onFault?: (e: FaultLogEntry) => void;
}

/** The zero-loss report plus what the fault schedule did (faults that failed to inject show as phase 'error'). */
export type ScenarioRunReport = ZeroLossReport & {
  faults: FaultLogEntry[];
  deliveryFaults: { duplicated: number; reordered: number };
  wallMs: number;
  /** Opus bytes the badges sent and bytes the proxy forwarded upstream (when there is a proxy). */
  proxyBytesUp: number | null;
  /** The gateway's finalised sessions (every badge). */
  finalised: FinalisedSession[];
  /** Each badge's audio as played (playlist with voice flags, conversations placed). */
  audio: Map<string, BadgeShiftAudio>;
};

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
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

export async function runScenario(scenario: Scenario, opts: ScenarioRunOptions = {}): Promise<ScenarioRunReport> {
  const mode = opts.gateway ?? (scenario.faults.some((f) => f.kind === 'gateway-crash') ? 'child' : 'in-process');
  const useProxy = opts.proxy ?? scenario.faults.some((f) => NETWORK_FAULTS.has(f.kind));
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-run-'));
  const cleanups: (() => Promise<unknown> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  let proxy: FaultProxy | null = null;
  try {
    let mqttPort: number;
    let gateway: (mqttUrl: string) => SimulatorGateway;
    let supervisor: ProcessSupervisor | undefined;
    let inProcess: Awaited<ReturnType<typeof startInProcessGateway>> | null = null;
    if (mode === 'child') {
      const httpPort = await freePort();
      mqttPort = await freePort();
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
      cleanups.unshift(() => child.stop());
      await child.start();
      supervisor = child;
      const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
      gateway = (mqttUrl) => adminApiGateway({ httpUrl: `http://127.0.0.1:${httpPort}`, token, mqttUrl, scenario });
    } else {
      const gw = await startInProcessGateway({ dataDir });
      inProcess = gw;
      cleanups.unshift(() => gw.close());
      mqttPort = gw.addresses.mqtt;
      gateway = (mqttUrl) => gw.provisioner(mqttUrl);
    }
    let mqttUrl = `mqtt://127.0.0.1:${mqttPort}`;
    if (useProxy) {
      const p = createFaultProxy({ target: { host: '127.0.0.1', port: mqttPort } });
      proxy = p;
      cleanups.unshift(() => p.close());
      mqttUrl = `mqtt://127.0.0.1:${(await p.listen()).port}`;
    }
    const sim = new Simulator({
      scenario,
      corpusDir: opts.corpusDir ?? defaultCorpusDir,
      gateway: gateway(mqttUrl),
      proxy: proxy ?? undefined,
      supervisor,
      drainTimeoutMs: opts.drainTimeoutMs ?? 120_000,
    });
    cleanups.unshift(() => sim.shutdown());
    if (opts.onSummary) sim.on('summary', opts.onSummary);
    if (opts.onFault) sim.on('fault', opts.onFault);
    await sim.prepare();
    const result = await sim.run();
    const expected = result.badges.reduce((n, b) => n + b.ledger.all().length, 0);
    let finalised: FinalisedSession[] = [];
    const check = async (db: Parameters<typeof waitForFinalised>[0]): Promise<ZeroLossReport> => {
      const sessions = await waitForFinalised(db, expected, 60_000);
      finalised = sessions.finalised;
      return checkZeroLoss({ scenario: scenario.name, badges: result.badges, finalised: sessions.finalised, openAtGateway: sessions.open.length, frameMs: scenario.opus.frameMs });
    };
    let report: ZeroLossReport;
    if (supervisor) {
      // The badges stay powered (their flash is checked); they only retry a closed port.
      await supervisor.stop();
      const gw = await startInProcessGateway({ dataDir });
      try {
        report = await check(gw.gateway.db);
      } finally {
        await gw.close();
      }
    } else {
      report = await check((inProcess as NonNullable<typeof inProcess>).gateway.db);
    }
    return { ...report, faults: result.faultLog, deliveryFaults: deliveryFaults(result.badges), wallMs: result.wallMs, proxyBytesUp: proxy ? proxy.stats().bytesUp : null, finalised, audio: result.audio };
  } finally {
    for (const c of cleanups) await c();
  }
}
