import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WriteBatch } from '../../src/ingest/write-batch.js';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('WriteBatch', () => {
  function setup(): { db: Database.Database; batch: WriteBatch; callbackErrors: unknown[] } {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    const callbackErrors: unknown[] = [];
    return { db, batch: new WriteBatch(db, (e) => callbackErrors.push(e)), callbackErrors };
  }

  it('runs the writes queued in one event-loop turn in one transaction, then calls each done with its result', async () => {
    const { db, batch } = setup();
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const seen: Array<[string, unknown, boolean]> = [];
    for (const k of ['a', 'b', 'c'])
      batch.add(
        () => {
          seen.push([k, null, db.inTransaction]);
          return insert.run(k, 1).changes;
        },
        (err, changes) => {
          expect(err).toBeNull();
          seen.push([k, changes, db.inTransaction]);
        },
      );
    // Nothing is written synchronously.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    await turn();
    expect(seen).toEqual([
      ['a', null, true],
      ['b', null, true],
      ['c', null, true],
      ['a', 1, false],
      ['b', 1, false],
      ['c', 1, false],
    ]);
  });

  it('a failing write gets its own error; the others are written and succeed', async () => {
    const { db, batch } = setup();
    db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run('dup', 0);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const results: Record<string, string> = {};
    for (const k of ['x', 'dup', 'y']) batch.add(() => insert.run(k, 2), (err) => (results[k] = err ? err.message : 'ok'));
    await turn();
    expect(results.x).toBe('ok');
    expect(results.y).toBe('ok');
    expect(results.dup).toMatch(/UNIQUE/);
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'dup' }, { k: 'x' }, { k: 'y' }]);
  });

  it('flush() writes at once; a throwing callback is reported and does not stop the others', () => {
    const { db, batch, callbackErrors } = setup();
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const done: string[] = [];
    batch.add(
      () => insert.run('p', 1),
      () => {
        throw new Error('callback bug');
      },
    );
    batch.add(
      () => insert.run('q', 1),
      () => done.push('q'),
    );
    batch.flush();
    expect(done).toEqual(['q']);
    expect(callbackErrors).toHaveLength(1);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
  });
});
