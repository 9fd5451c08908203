import { describe, expect, it } from 'vitest';
import { isPipelineError } from '../../src/errors.js';
import { SyncPostgresConnection } from '../../src/store/postgres-connection.js';

/** No server needed: what the store reports when PostgreSQL cannot be reached, and after it is closed. */
describe('PostgreSQL connection errors', () => {
  it('an unreachable server is STORE_UNAVAILABLE (retryable); a closed connection is SHUTTING_DOWN', () => {
    // Port 1 on loopback: nothing listens there, the connect is refused at once.
    const conn = new SyncPostgresConnection({ url: 'postgres://parley@127.0.0.1:1/parley', statementTimeoutMs: 5_000, connectTimeoutMs: 5_000 });
    try {
      let err: unknown = null;
      try {
        conn.query('SELECT 1');
      } catch (e) {
        err = e;
      }
      expect(isPipelineError(err, 'STORE_UNAVAILABLE')).toBe(true);
      expect((err as { retryable: boolean }).retryable).toBe(true);
      expect((err as Error).message).toMatch(/PostgreSQL/);
    } finally {
      conn.close();
    }
    let closedErr: unknown = null;
    try {
      conn.query('SELECT 1');
    } catch (e) {
      closedErr = e;
    }
    expect(isPipelineError(closedErr, 'SHUTTING_DOWN')).toBe(true);
  }, 30_000);
});
