/**
 * Worker-thread side of SyncPostgresConnection: owns one `pg` client and
 * runs the statements the blocked main thread sends, one at a time. Each
 * reply is posted on the private port before the shared signal is flipped,
 * so the main thread finds it with receiveMessageOnPort once woken.
 */
import pg from 'pg';
import { workerData, type MessagePort } from 'node:worker_threads';

/** Statements run in order in one round trip; the reply is the last one's result, or the first error. */
export type ConnectionRequest = { type: 'batch'; statements: Array<{ sql: string; params: unknown[] }> } | { type: 'close' };
export type ConnectionReply =
  | { ok: true; rows: Array<Record<string, unknown>>; rowCount: number }
  | { ok: false; message: string; sqlstate: string | null };

interface Init {
  url: string;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
  signal: SharedArrayBuffer;
  port: MessagePort;
}

// int8 (counts, millisecond timestamps) and numeric (averages) as JS numbers: every value the store keeps is below 2^53.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'),
} as pg.CustomTypesConfig;

/** Slots of the shared signal (SyncPostgresConnection): reply posted; module loaded and listening. */
const REPLY = 0;
const LOADED = 1;

const init = workerData as Init | undefined;
if (init) {
  const signal = new Int32Array(init.signal);
  let client: pg.Client | null = null;

  const connect = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = new pg.Client({
      connectionString: init.url,
      statement_timeout: init.statementTimeoutMs,
      connectionTimeoutMillis: init.connectTimeoutMs,
      application_name: 'parley-pipeline',
      types,
    });
    // A dropped connection is replaced on the next statement (the statement in flight fails; the caller retries).
    c.on('error', () => {
      if (client === c) client = null;
    });
    c.on('end', () => {
      if (client === c) client = null;
    });
    await c.connect();
    client = c;
    return c;
  };

  const reply = (r: ConnectionReply) => {
    init.port.postMessage(r);
    Atomics.store(signal, REPLY, 1);
    Atomics.notify(signal, REPLY);
  };

  init.port.on('message', (m: ConnectionRequest) => {
    void (async () => {
      if (m.type === 'close') {
        const c = client;
        client = null;
        await c?.end().catch(() => undefined);
        reply({ ok: true, rows: [], rowCount: 0 });
        init.port.close();
        return;
      }
      try {
        const c = await connect();
        let last: pg.QueryResult | null = null;
        for (const st of m.statements) {
          const params = st.params.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v));
          last = await c.query({ text: st.sql, values: params });
        }
        reply({ ok: true, rows: (last?.rows ?? []) as Array<Record<string, unknown>>, rowCount: last?.rowCount ?? 0 });
      } catch (err) {
        const e = err as { message?: string; code?: string };
        reply({ ok: false, message: e.message ?? String(err), sqlstate: typeof e.code === 'string' ? e.code : null });
      }
    })();
  });
  // Listening: the blocked main thread may start counting the statement's time.
  Atomics.store(signal, LOADED, 1);
  Atomics.notify(signal, LOADED);
}
