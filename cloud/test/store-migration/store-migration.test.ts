import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/app.js';
import { PostgresConversationStore } from '../../src/store/postgres-store.js';
import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { parseStoreMigrateArguments } from '../../src/store-migration/arguments.js';
import { migrateSqliteToPostgres } from '../../src/store-migration/copy.js';
import { isStoreMigrationError } from '../../src/store-migration/errors.js';
import { COPIED_TABLES, MIGRATION_BOOKKEEPING, SQLITE_SEARCH_INDEX, sqliteTables } from '../../src/store-migration/table-plan.js';
import { corpusDialogue, makeStereoPhoneWav, MARS_RULE, silentLogger, tempDir } from '../helpers.js';
import { findPostgresBin, skipWithoutPostgres, startPostgres, type PostgresServer } from '../store/postgres-server.js';

const API = '/api/v1/cloud';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('store migration plan', () => {
  it('covers every table of the current SQLite schema (a new table fails here until the migration copies it)', () => {
    const tmp = tempDir();
    try {
      const store = new SqliteConversationStore(join(tmp.dir, 'cloud.db'));
      const known = new Set([...COPIED_TABLES.map((t) => t.table), SQLITE_SEARCH_INDEX, MIGRATION_BOOKKEEPING]);
      expect(sqliteTables(store.db).filter((t) => !known.has(t))).toEqual([]);
      // and nothing listed that the schema does not have
      expect(COPIED_TABLES.map((t) => t.table).filter((t) => !sqliteTables(store.db).includes(t))).toEqual([]);
      store.close();
    } finally {
      tmp.cleanup();
    }
  });

  it('parses --from sqlite:<path> --to <url> and rejects anything else with the usage', () => {
    expect(parseStoreMigrateArguments(['--from', 'sqlite:data/cloud/cloud.db', '--to=postgres://parley@db/parley'], '/srv')).toEqual({
      sqliteFile: '/srv/data/cloud/cloud.db', postgresUrl: 'postgres://parley@db/parley', batchRows: 500,
    });
    expect(parseStoreMigrateArguments(['--from=sqlite:/a/cloud.db', '--to', 'postgresql://x/y', '--batch', '50']).batchRows).toBe(50);
    for (const argv of [[], ['--from', 'sqlite:/a.db'], ['--from', '/a.db', '--to', 'postgres://x/y'], ['--from', 'sqlite:/a.db', '--to', 'mysql://x/y'], ['--from', 'sqlite:/a.db', '--to', 'postgres://x/y', '--batch', '0'], ['--frm', 'x']]) {
      const err = thrown(() => parseStoreMigrateArguments(argv));
      expect(isStoreMigrationError(err, 'USAGE'), `${argv.join(' ')}: ${err.message}`).toBe(true);
    }
  });
});

const bin = findPostgresBin();
if (!bin) {
  skipWithoutPostgres('SQLite -> PostgreSQL store migration');
} else {
  describe('SQLite -> PostgreSQL store migration', { timeout: 180_000 }, () => {
    let server: PostgresServer;
    const tmp = tempDir();
    const dataDir = join(tmp.dir, 'cloud');
    const dbFile = join(dataDir, 'cloud.db');
    const ids = ['phone-m-1', 'phone-m-2', 'phone-m-3'];
    let sourceCounts: Record<string, number>;

    beforeAll(async () => {
      server = startPostgres(bin);
      // A store filled through the real pipeline: calls with transcripts (one with audio: waveform peaks), an edited
      // rule-set version, reviews, a re-run job, a voiceprint and the directory.
      const { app, pipeline } = await build({ dataDir, logger: silentLogger(), asr: null, webApp: false, config: { stages: { pollMs: 20 } } });
      try {
        const store = pipeline.services.store;
        store.upsertBranch({ id: 'branch-1', name: '城东支行' });
        store.upsertTeam({ id: 'team-1', name: '理财一组', branchId: 'branch-1' });
        store.setVoiceprint({ staffId: 'agent-1', embedding: Float32Array.from([0.25, -0.5, 0.125]), speechMs: 12_000, model: 'test-model', createdAt: 1_790_000_000_000 });
        const saved = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { yaml: MARS_RULE, reviewer: 'ana' } });
        expect(saved.statusCode, saved.body).toBe(201);
        const dialogues = ['dev-001', 'dev-002', 'dev-003'];
        for (const [i, dialogue] of dialogues.entries()) {
          const d = corpusDialogue(dialogue);
          await pipeline.services.ingestPhone(
            {
              callId: `m-${i + 1}`, agentId: 'agent-1', teamId: 'team-1', branchId: 'branch-1', customerNumber: `1380013800${i % 2}`,
              direction: 'inbound', startTime: 1_790_000_000_000 + i * 3_600_000,
              transcript: d.turns.map((t, n) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: n * 4000, endMs: n * 4000 + 3500 })),
            },
            i === 0 ? makeStereoPhoneWav(tmp.dir) : null,
          );
        }
        await pipeline.whenIdle();
        const first = (await app.inject({ url: `${API}/conversations/phone-m-1` })).json();
        expect(first.state).toBe('analyzed');
        const tag = first.tags[0];
        expect((await app.inject({ method: 'POST', url: `${API}/reviews/tag/${tag.id}`, payload: { action: 'confirm', reviewer: 'ana' } })).statusCode).toBe(200);
        const kp = first.keyPoints[0];
        expect((await app.inject({ method: 'POST', url: `${API}/reviews/key-point/${kp.id}`, payload: { verdict: 'wrong', reason: '未按标准', reviewer: 'bob' } })).statusCode).toBe(200);
        expect((await app.inject({ url: `${API}/conversations/phone-m-1/peaks` })).statusCode).toBe(200);
        const job = await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs`, payload: { channel: 'phone', reviewer: 'ana' } });
        expect(job.statusCode, job.body).toBe(202);
        const jobId = job.json().id as string;
        const deadline = Date.now() + 60_000;
        while ((await app.inject({ url: `${API}/rules/rerun-jobs/${jobId}` })).json().state !== 'done') {
          if (Date.now() > deadline) throw new Error('re-run job did not finish');
          await new Promise((r) => setTimeout(r, 50));
        }
        await pipeline.whenIdle();
      } finally {
        await app.close();
      }
      const db = new BetterSqlite3(dbFile, { readonly: true });
      sourceCounts = Object.fromEntries(COPIED_TABLES.map((t) => [t.table, (db.prepare(`SELECT COUNT(*) AS n FROM ${t.table}`).get() as { n: number }).n]));
      db.close();
    }, 180_000);
    afterAll(() => {
      server?.stop();
      tmp.cleanup();
    }, 60_000);

    it('the filled store has rows in every table, so every table is exercised', () => {
      const empty = Object.entries(sourceCounts).filter(([, n]) => n === 0).map(([t]) => t);
      expect(empty).toEqual([]);
    });

    it('copies every table in batches into an empty database; the API answers the same from both stores', async () => {
      const url = server.createDatabase();
      const progress: Array<{ table: string; copied: number; total: number }> = [];
      const report = migrateSqliteToPostgres({ sqliteFile: dbFile, postgresUrl: url, batchRows: 7, progress: (p) => progress.push(p) });
      expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toEqual(sourceCounts);
      expect(report.searchIndexed).toBe(ids.length);
      // several batches for the bigger tables, each reported
      const segmentBatches = progress.filter((p) => p.table === 'segments');
      expect(segmentBatches.length).toBeGreaterThan(2);
      expect(segmentBatches.at(-1)).toEqual({ table: 'segments', copied: sourceCounts.segments, total: sourceCounts.segments });

      const pgStore = new PostgresConversationStore({ url, statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
      const sqlite = await build({ dataDir, logger: silentLogger(), asr: null, webApp: false, start: false });
      const pg = await build({ dataDir, logger: silentLogger(), asr: null, webApp: false, start: false, store: pgStore });
      try {
        const word = corpusDialogue('dev-002').turns[0]!.text.slice(0, 2);
        const urls = [
          ...ids.map((id) => `/conversations/${id}`),
          '/conversations/phone-m-1/peaks', // the call with a recording
          '/conversations',
          '/conversations?channel=phone&staffId=agent-1',
          `/conversations?q=${encodeURIComponent(word)}`,
          `/conversations?q=${encodeURIComponent('火星')}`,
          '/customers',
          '/customers/tel-13800138000',
          '/customers/tel-13800138000/timeline',
          '/customers/tel-13800138000/profile-sources',
          '/directory',
          '/metrics/overview',
          '/metrics/key-points?groupBy=team',
          '/metrics/compliance',
          '/metrics/voc',
          '/dashboards/overview?from=1789000000000&to=1800000000000',
          '/dashboards/compliance?from=1789000000000&to=1800000000000',
          '/dashboards/voc?from=1789000000000&to=1800000000000',
          '/rules',
          '/rules/versions',
          '/rules/rerun-jobs',
        ];
        for (const u of urls) {
          const [a, b] = await Promise.all([sqlite.app.inject({ url: `${API}${u}` }), pg.app.inject({ url: `${API}${u}` })]);
          expect(a.statusCode, `${u}: ${a.body}`).toBe(200);
          expect(b.statusCode, `${u}: ${b.body}`).toBe(200);
          expect(b.json(), u).toEqual(a.json());
        }
        // the review, the edited active version and the voiceprint came along
        const detail = (await pg.app.inject({ url: `${API}/conversations/phone-m-1` })).json();
        expect(detail.tags[0].review).toMatchObject({ state: 'confirmed', reviewer: 'ana' });
        expect(pg.pipeline.services.rules.current().version).toMatch(/\+e1$/);
        expect(pgStore.getVoiceprint('agent-1')?.embedding).toEqual(Float32Array.from([0.25, -0.5, 0.125]));
        // new rows continue after the copied ids
        await pg.pipeline.services.ingestPhone({ callId: 'm-new', agentId: 'agent-1', direction: 'inbound', startTime: 1_800_000_000_000, transcript: [{ speaker: '坐席', text: '您好' }] }, null);
        expect(pgStore.getConversation('phone-m-new')).not.toBeNull();
      } finally {
        await sqlite.app.close();
        await pg.app.close();
        pgStore.close();
      }

      // a second run into the same database is refused, nothing changes
      const again = thrown(() => migrateSqliteToPostgres({ sqliteFile: dbFile, postgresUrl: url }));
      expect(isStoreMigrationError(again, 'TARGET_NOT_EMPTY'), again.message).toBe(true);
      expect(again.message).toMatch(/conversations/);
    });

    it('refuses a source with a table it does not know, and leaves the target empty', () => {
      const copy = join(tmp.dir, 'newer.db');
      copyFileSync(dbFile, copy);
      const db = new BetterSqlite3(copy);
      db.exec('CREATE TABLE call_notes (conversation_id TEXT, note TEXT)');
      db.close();
      const url = server.createDatabase();
      const err = thrown(() => migrateSqliteToPostgres({ sqliteFile: copy, postgresUrl: url }));
      expect(isStoreMigrationError(err, 'SOURCE_UNCOVERED'), err.message).toBe(true);
      expect(err.message).toMatch(/call_notes/);
      const target = new PostgresConversationStore({ url, statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
      expect(target.countConversations({})).toBe(0);
      target.close();

      const notAStore = join(tmp.dir, 'other.db');
      new BetterSqlite3(notAStore).exec('CREATE TABLE t (x)');
      expect(isStoreMigrationError(thrown(() => migrateSqliteToPostgres({ sqliteFile: notAStore, postgresUrl: url })), 'SOURCE_INVALID')).toBe(true);
      expect(isStoreMigrationError(thrown(() => migrateSqliteToPostgres({ sqliteFile: join(tmp.dir, 'missing.db'), postgresUrl: url })), 'SOURCE_INVALID')).toBe(true);
    });

    it('a failure in the middle of the copy rolls everything back', () => {
      const url = server.createDatabase();
      const err = thrown(() =>
        migrateSqliteToPostgres({
          sqliteFile: dbFile, postgresUrl: url, batchRows: 5,
          progress: (p) => {
            if (p.table === 'summaries') throw new Error('interrupted');
          },
        }),
      );
      expect(err.message).toBe('interrupted');
      const target = new PostgresConversationStore({ url, statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
      expect(target.countConversations({})).toBe(0);
      target.close();
      // and the run can simply be repeated, here through the command (npm run store-migrate)
      const main = join(import.meta.dirname, '..', '..', 'src', 'store-migration', 'main.ts');
      const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', timeout: 120_000 });
      const ok = cli('--from', `sqlite:${dbFile}`, '--to', url, '--batch', '4');
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`conversations\t3\n`);
      expect(ok.stdout).toContain(`segments\t${sourceCounts.segments}\n`);
      expect(ok.stdout).toContain('search index\t3\n');
      expect(ok.stderr).toMatch(/segments: \d+\/\d+/);
      expect(ok.stderr).toMatch(/row counts verified per table/);
      const refused = cli('--from', `sqlite:${dbFile}`, '--to', url);
      expect(refused.status).toBe(65);
      expect(refused.stderr).toMatch(/already holds conversation-store data/);
      expect(cli('--to', url).status).toBe(64);
    });
  });
}
