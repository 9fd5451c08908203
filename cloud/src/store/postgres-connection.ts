import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { PipelineError } from '../errors.js';
import { startTypeScriptWorker, stopTypeScriptWorker } from '../pipeline/typescript-worker.js';
import type { ConnectionReply, ConnectionRequest } from './postgres-connection-worker.js';

export interface PostgresConnectionOptions {
  url: string;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

export type PgRow = Record<string, unknown>;

interface Link {
  worker: Worker;
  port: MessagePort;
  /** [REPLY]: 1 once the worker posted its reply; [LOADED]: 1 once its module graph is loaded and listening. */
  signal: Int32Array;
  loaded: boolean;
}

const REPLY = 0;
const LOADED = 1;
/**
 * Longest a fresh connection worker may take to load its modules (tsx, pg)
 * before its first statement: counted apart from the statement's own budget,
 * since on a loaded machine the load alone has taken tens of seconds, which
 * was then reported as the database not answering.
 */
const WORKER_START_MS = 120_000;

/**
 * Failures that mean the server is unreachable rather than the query wrong:
 * SQLSTATE class 08 (connection exception), 53 (insufficient resources),
 * 57P01–57P03 (shutdown, crash, cannot connect now), and the socket errors
 * node-postgres reports with Node's own codes (ECONNREFUSED, ENOENT…).
 */
const CONNECTION_SQLSTATE = /^(?:08|53|57P0[123])|^E[A-Z]+$/;

const WORKER = new URL('./postgres-connection-worker.ts', import.meta.url);

/**
 * A synchronous PostgreSQL connection. The ConversationStore interface is
 * synchronous (it was shaped around better-sqlite3), so the PostgreSQL store
 * keeps that contract: one worker thread owns a `pg` client, and `query()`
 * posts the statement and blocks on a shared-memory signal (Atomics.wait)
 * until the worker has the result. Like better-sqlite3, each call holds the
 * calling thread for the statement's duration (a local round trip is
 * ~0.1–0.3 ms); unlike it, the time includes the network, so the database
 * should be near the pipeline. Statements run one at a time on one
 * connection, which also makes `transaction()` safe.
 *
 * Inside a transaction, statements whose result is not needed (`defer`) are
 * held back and sent with the next statement that needs an answer (or the
 * COMMIT), so a transaction costs a round trip per result read rather than
 * one per statement; an error in a held-back statement surfaces there and
 * rolls the transaction back like any other.
 *
 * A statement that gets no answer within statement timeout + connect
 * timeout + 5 s ends the worker; the next statement starts a fresh one.
 */
export class SyncPostgresConnection {
  private link: Link | null = null;
  private depth = 0;
  /** Statements held back inside the current transaction (sent with the next one that needs an answer). */
  private deferred: Array<{ sql: string; params: unknown[] }> = [];
  /** The link a transaction began on: statements on a replacement link would run outside it. */
  private txLink: Link | null = null;
  private closed = false;
  /** Round trips to the connection's worker so far (what each call costs the event loop). */
  roundTrips = 0;

  constructor(private readonly opts: PostgresConnectionOptions) {}

  query<T extends PgRow = PgRow>(sql: string, params: readonly unknown[] = []): T[] {
    return this.exec(sql, params).rows as T[];
  }

  /** Rows changed by an INSERT/UPDATE/DELETE. */
  run(sql: string, params: readonly unknown[] = []): number {
    return this.exec(sql, params).rowCount;
  }

  one<T extends PgRow = PgRow>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.query<T>(sql, params)[0];
  }

  /** A statement whose result is not needed: inside a transaction it travels with the next one; outside, it runs now. */
  defer(sql: string, params: readonly unknown[] = []): void {
    if (this.depth === 0) {
      this.exec(sql, params);
      return;
    }
    this.deferred.push({ sql, params: [...params] });
  }

  /** Runs `fn` in one transaction (nested calls join the outer one); rolls back when it throws. */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    this.depth = 1;
    this.deferred.push({ sql: 'BEGIN', params: [] });
    try {
      const out = fn();
      this.exec('COMMIT', []);
      return out;
    } catch (err) {
      const begun = this.txLink !== null;
      this.deferred = [];
      if (begun) {
        try {
          this.exec('ROLLBACK', []);
        } catch {
          // the connection is gone: the server rolled back already
        }
      }
      throw err;
    } finally {
      this.deferred = [];
      this.depth = 0;
      this.txLink = null;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const link = this.link;
    this.link = null;
    if (!link) return;
    try {
      // A worker still loading has no client to end.
      if (link.loaded) this.roundTrip(link, { type: 'close' }, 5000);
    } catch {
      // ending anyway
    }
    void stopTypeScriptWorker(link.worker);
  }

  private exec(sql: string, params: readonly unknown[]): { rows: PgRow[]; rowCount: number } {
    if (this.closed) throw new PipelineError('SHUTTING_DOWN', 'PostgreSQL store is closed');
    const link = this.link ?? this.start();
    const statements = [...this.deferred.splice(0), { sql, params: [...params] }];
    if (this.depth > 0) {
      if (this.txLink === null && statements[0]?.sql === 'BEGIN') this.txLink = link;
      else if (link !== this.txLink && sql !== 'ROLLBACK') throw new PipelineError('STORE_UNAVAILABLE', 'PostgreSQL connection was lost inside a transaction');
    }
    const r = this.roundTrip(link, { type: 'batch', statements }, this.opts.statementTimeoutMs + this.opts.connectTimeoutMs + 5000);
    if (!r.ok) {
      throw new PipelineError(r.sqlstate && CONNECTION_SQLSTATE.test(r.sqlstate) ? 'STORE_UNAVAILABLE' : 'STORE_QUERY_FAILED', `PostgreSQL: ${r.message}`, { details: { sqlstate: r.sqlstate } });
    }
    return r;
  }

  private roundTrip(link: Link, request: ConnectionRequest, timeoutMs: number): ConnectionReply {
    this.roundTrips++;
    if (!link.loaded) {
      if (Atomics.wait(link.signal, LOADED, 0, WORKER_START_MS) === 'timed-out') {
        this.drop(link);
        throw new PipelineError('STORE_UNAVAILABLE', `PostgreSQL connection worker did not start within ${WORKER_START_MS} ms`);
      }
      link.loaded = true;
    }
    Atomics.store(link.signal, REPLY, 0);
    link.port.postMessage(request);
    const waited = Atomics.wait(link.signal, REPLY, 0, timeoutMs);
    const message = receiveMessageOnPort(link.port);
    if (waited === 'timed-out' || !message) {
      this.drop(link);
      throw new PipelineError('STORE_UNAVAILABLE', `PostgreSQL did not answer within ${timeoutMs} ms; connection restarted`);
    }
    return message.message as ConnectionReply;
  }

  private drop(link: Link): void {
    if (this.link === link) this.link = null;
    void stopTypeScriptWorker(link.worker);
  }

  private start(): Link {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(8);
    const worker = startTypeScriptWorker(WORKER, {
      workerData: { ...this.opts, signal, port: port2 },
      transferList: [port2],
      name: 'parley-postgres',
    });
    // The worker never holds the process open; a crashed worker is replaced on the next statement.
    worker.unref();
    const link: Link = { worker, port: port1, signal: new Int32Array(signal), loaded: false };
    worker.on('exit', () => {
      if (this.link === link) this.link = null;
    });
    worker.on('error', () => {
      if (this.link === link) this.link = null;
    });
    this.link = link;
    return link;
  }
}
