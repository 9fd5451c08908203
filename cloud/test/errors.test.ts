import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError, describeError } from '../src/errors.js';
import { tempDir } from './helpers.js';

/** What a stage's error column and metrics say for each kind of failure. */
describe('describeError', () => {
  it('keeps a PipelineError code and its retryability', () => {
    expect(describeError(new PipelineError('AUDIO_CORRUPT', 'bad page'))).toEqual({ code: 'AUDIO_CORRUPT', message: 'Audio file is corrupt: bad page', retryable: false });
    expect(describeError(new PipelineError('ANALYSIS_TIMEOUT', 'slow'))).toMatchObject({ code: 'ANALYSIS_TIMEOUT', retryable: true });
  });

  it('classifies real SQLite failures: a damaged file is STORE_CORRUPT, a bad query STORE_QUERY_FAILED, a busy database STORE_UNAVAILABLE', () => {
    const tmp = tempDir();
    try {
      const path = join(tmp.dir, 'not-a-db.sqlite');
      writeFileSync(path, 'this is not an SQLite database, it is a text file of some length '.repeat(20));
      let corrupt: unknown;
      try {
        new Database(path).prepare('SELECT 1 FROM sqlite_master').get();
      } catch (e) {
        corrupt = e;
      }
      expect(describeError(corrupt)).toMatchObject({ code: 'STORE_CORRUPT', retryable: false });

      const db = new Database(join(tmp.dir, 'ok.sqlite'));
      let query: unknown;
      try {
        db.prepare('SELECT * FROM no_such_table').all();
      } catch (e) {
        query = e;
      }
      expect(describeError(query)).toMatchObject({ code: 'STORE_QUERY_FAILED', retryable: true });

      db.exec('CREATE TABLE t (x)');
      const other = new Database(join(tmp.dir, 'ok.sqlite'), { timeout: 0 });
      db.exec('BEGIN EXCLUSIVE');
      let busy: unknown;
      try {
        other.prepare('INSERT INTO t VALUES (1)').run();
      } catch (e) {
        busy = e;
      }
      db.exec('ROLLBACK');
      expect(describeError(busy)).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
      other.close();
      db.close();
    } finally {
      tmp.cleanup();
    }
  });

  it('anything else is INTERNAL and retried', () => {
    expect(describeError(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', message: 'x is undefined', retryable: true });
    expect(describeError('a string')).toMatchObject({ code: 'INTERNAL', message: 'a string' });
  });
});
