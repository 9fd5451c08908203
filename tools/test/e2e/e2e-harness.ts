/**
 * Runs one scenario end to end for the zero-loss suite: a real in-process
 * gateway, optionally the fault proxy in front of it, the simulator's badges,
 * then the zero-loss check against the gateway's finalised sessions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaultProxy } from '../../src/faults/fault-proxy.js';
import type { FaultProxy } from '../../src/faults/fault-proxy.js';
import { parseScenarioText } from '../../src/scenario/scenario-file.js';
import { startInProcessGateway } from '../../src/simulator/in-process-gateway.js';
import { waitForFinalised } from '../../src/simulator/session-records.js';
import { Simulator } from '../../src/simulator/simulator.js';
import { checkZeroLoss } from '../../src/simulator/zero-loss-check.js';
import type { ZeroLossReport } from '../../src/simulator/zero-loss-check.js';

export const corpusDir = process.env.PARLEY_CORPUS_DIR ?? fileURLToPath(new URL('../../../../shared/corpus/dev/', import.meta.url));

export interface E2eOptions {
  /** Badges connect through the fault proxy. */
  proxy?: boolean;
  /** Called once the badges run (the proxy, if any, is passed). */
  during?: (ctx: { proxy: FaultProxy | null; sim: Simulator }) => Promise<void> | void;
  drainTimeoutMs?: number;
}

export async function runScenarioE2e(yaml: string, opts: E2eOptions = {}): Promise<ZeroLossReport> {
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
    return await checkZeroLoss({
      scenario: scenario.name,
      badges: result.badges,
      finalised: sessions.finalised,
      openAtGateway: sessions.open.length,
      frameMs: scenario.opus.frameMs,
    });
  } finally {
    sim?.shutdown();
    await proxy?.close();
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
