/**
 * The system under test, in its own process so its CPU and RSS are its own:
 *   gateway: aedes + the Parley ingest (real spool files, fsync, SQLite)
 *   bare:    aedes whose published() hook only counts chunk messages
 * Talks to bench/ingest/main.ts over IPC: sends {ready, port}; answers
 * 'stats' with {count, cpuMs, rss}.
 */
import { createServer, type AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import pino from 'pino';
import { Registry } from 'prom-client';
import { openDatabase } from '../../gateway/src/storage/database.js';
import { createIngest } from '../../gateway/src/ingest/index.js';

const mode = process.argv[2];
const overrides = JSON.parse(process.argv[3] ?? '{}') as Record<string, number>;
if (mode !== 'gateway' && mode !== 'bare') throw new Error('usage: server.ts gateway|bare');
const broker = await Aedes.createBroker({ concurrency: 0 }); // as the gateway's broker: no delivery cap (see gateway/src/broker/broker.ts)
const server = createServer(broker.handle);
let count = 0;
let stats: () => Promise<number>;
let detail: () => Promise<Record<string, number>> = async () => ({});
let shutdown: () => Promise<void> = async () => undefined;

if (mode === 'bare') {
  broker.published = (packet, client, done) => {
    if (client && packet.topic.endsWith('/up/chunk')) count++;
    // Not synchronously: with thousands queued, mqemitter's release chain recurses past the stack limit.
    process.nextTick(done);
  };
  stats = async () => count;
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-ingest-'));
  const db = openDatabase(join(dataDir, 'gateway.db'));
  const registry = new Registry();
  const ingest = createIngest({ broker, db, dataDir, logger: pino({ level: 'warn' }), metrics: registry, config: overrides });
  stats = async () => {
    const m = await registry.getSingleMetric('parley_ingest_chunks_total')!.get();
    return m.values.reduce((a, v) => a + v.value, 0);
  };
  detail = async () => {
    const out: Record<string, number> = {};
    for (const name of ['parley_ingest_fsync_seconds', 'parley_ingest_ack_latency_seconds', 'parley_ingest_commit_chunks']) {
      const m = await registry.getSingleMetric(name)!.get();
      const sum = m.values.find((v) => (v as { metricName?: string }).metricName === `${name}_sum`)?.value ?? 0;
      const count = m.values.find((v) => (v as { metricName?: string }).metricName === `${name}_count`)?.value ?? 0;
      out[`${name}_mean`] = count ? sum / count : 0;
      out[`${name}_count`] = count;
    }
    return out;
  };
  shutdown = async () => {
    await ingest.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 4096, resolve));
const cpu0 = process.cpuUsage();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'stats') {
    void Promise.all([stats(), detail()]).then(([n, d]) => {
      const cpu = process.cpuUsage(cpu0);
      const detailWithLoop = { ...d, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 };
      process.send!({ stats: { count: n, cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss, detail: detailWithLoop } });
    });
  } else if (msg.cmd === 'stop') {
    void shutdown().finally(() => process.exit(0));
  }
});
process.send!({ ready: true, port: (server.address() as AddressInfo).port });
