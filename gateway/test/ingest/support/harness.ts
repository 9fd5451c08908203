import { createServer, type AddressInfo, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src/storage/database.js';
import { createIngest, type Ingest, type IngestDeps } from '../../../src/ingest/index.js';

export interface LogLine {
  level: number;
  msg: string;
  code?: string;
  [k: string]: unknown;
}

export interface Harness {
  broker: Aedes;
  server: Server;
  port: number;
  ingest: Ingest;
  db: Database;
  dataDir: string;
  logs: LogLine[];
  registry: Registry;
  /** Stops ingest, broker, server and database; removes the data dir unless `keep`. */
  close(opts?: { keep?: boolean }): Promise<void>;
}

/** A real aedes broker on a TCP port 0 with the ingest hooked in (no auth: tests pick device ids freely). */
export async function startHarness(opts: { dataDir?: string; config?: IngestDeps['config'] } & Partial<Pick<IngestDeps, 'resolveAttribution' | 'wantedConfigVersion' | 'now'>> = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-ingest-'));
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const db = openDatabase(join(dataDir, 'gateway.db'));
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) });
  const registry = new Registry();
  const ingest = createIngest({
    broker,
    db,
    dataDir,
    logger,
    metrics: registry,
    config: { sweepIntervalMs: 3_600_000, ...opts.config },
    ...(opts.resolveAttribution ? { resolveAttribution: opts.resolveAttribution } : {}),
    ...(opts.wantedConfigVersion ? { wantedConfigVersion: opts.wantedConfigVersion } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    broker,
    server,
    port,
    ingest,
    db,
    dataDir,
    logs,
    registry,
    async close(closeOpts = {}) {
      await ingest.close();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      if (!closeOpts.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sum of a counter/gauge on the registry (all label sets, or the one given). */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = registry.getSingleMetric(name);
  if (!m) throw new Error(`no metric ${name}`);
  const data = await m.get();
  return data.values.filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val)).reduce((a, v) => a + v.value, 0);
}
