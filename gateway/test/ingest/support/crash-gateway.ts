/**
 * A gateway process for the crash tests: aedes on TCP port 0 plus the ingest
 * on `<dataDir>`; prints "READY <port>" and appends each delivered session
 * id to `<dataDir>/delivered.log` (fsync'd) from its outbox consumer. The
 * test kills it with SIGKILL at random moments.
 */
import { createServer, type AddressInfo } from 'node:net';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import pino from 'pino';
import { Registry } from 'prom-client';
import { openDatabase } from '../../../src/storage/database.js';
import { createIngest } from '../../../src/ingest/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-gateway <dataDir>');
const broker = await Aedes.createBroker();
const server = createServer(broker.handle);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const ingest = createIngest({
  broker,
  db: openDatabase(join(dataDir, 'gateway.db')),
  dataDir,
  logger: pino({ level: 'warn' }, pino.destination(2)),
  metrics: new Registry(),
  config: { fsyncIntervalMs: 10, sweepIntervalMs: 3_600_000 },
});
const log = openSync(join(dataDir, 'delivered.log'), 'a');
ingest.onFinalised(async (s) => {
  writeSync(log, `${s.sessionId}\n`);
  fsyncSync(log);
});
process.on('SIGTERM', () => {
  void ingest.close().then(() => {
    closeSync(log);
    process.exit(0);
  });
});
process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
