import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describeError } from '../errors.js';
import { indexText } from '../search/segmenter.js';
import { PostgresConversationStore } from '../store/postgres-store.js';
import { CLOUD_MIGRATIONS } from '../store/sqlite-schema.js';
import { REVIEW_RULES_MIGRATIONS } from '../store/sqlite-schema-review-rules.js';
import { SqliteConversationStore } from '../store/sqlite-store.js';
import { StoreMigrationError } from './errors.js';
import { convertValue, COPIED_TABLES, planCopy, POSTGRES_SEARCH_INDEX, SQLITE_SEARCH_INDEX, type TablePlan } from './table-plan.js';

export interface StoreMigrationOptions {
  /** The SQLite conversation store (`<dataDir>/cloud/cloud.db`). Nothing else may write to it meanwhile: stop the main job. */
  sqliteFile: string;
  /** An empty PostgreSQL database; it is migrated to the current schema first. */
  postgresUrl: string;
  /** Rows per INSERT (default 500). */
  batchRows?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Called after every batch. */
  progress?: (p: { table: string; copied: number; total: number }) => void;
}

export interface StoreMigrationReport {
  /** Rows copied per table (equal in both stores: verified before the commit). */
  tables: Array<{ table: string; rows: number }>;
  /** Conversations whose search index entry was rebuilt. */
  searchIndexed: number;
  ms: number;
}

const SEARCH_PROGRESS = 'search index';
/** Rough upper bound of one INSERT's parameters (strings counted at 3 bytes a character). */
const MAX_INSERT_BYTES = 8 * 1024 * 1024;

/** Rows a single INSERT may carry: PostgreSQL takes at most 65,535 parameters per statement. */
function rowsPerInsert(plan: TablePlan, batchRows: number): number {
  return Math.max(1, Math.min(batchRows, Math.floor(65_535 / plan.columns.length)));
}

function openSource(file: string): Database {
  if (!existsSync(file)) throw new StoreMigrationError('SOURCE_INVALID', `${file} does not exist`);
  const versions = (db: Database): Map<string, number> | null => {
    const hasTables = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('conversations', 'schema_migrations')").get() as { n: number };
    if (hasTables.n !== 2) return null;
    const rows = db.prepare('SELECT owner, MAX(version) AS v FROM schema_migrations GROUP BY owner').all() as Array<{ owner: string; v: number }>;
    return new Map(rows.map((r) => [r.owner, r.v]));
  };
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StoreMigrationError('SOURCE_INVALID', `${file}: ${describeError(err).message}`, { cause: err });
  }
  let found: Map<string, number> | null;
  try {
    found = versions(db);
  } catch (err) {
    db.close();
    throw new StoreMigrationError('SOURCE_INVALID', `${file}: ${describeError(err).message}`, { cause: err });
  }
  if (!found || !found.has('cloud')) {
    db.close();
    throw new StoreMigrationError('SOURCE_INVALID', `${file} has no conversation-store tables (expected <dataDir>/cloud/cloud.db)`);
  }
  const want = new Map([
    ['cloud', CLOUD_MIGRATIONS.length],
    ['review-rules', REVIEW_RULES_MIGRATIONS.length],
  ]);
  const newer = [...want].filter(([owner, v]) => (found.get(owner) ?? 0) > v);
  if (newer.length > 0) {
    db.close();
    throw new StoreMigrationError('SOURCE_INVALID', `${file} was written by a newer Parley (schema ${newer.map(([o]) => `${o} ${found.get(o)}`).join(', ')}): run this version's migration`);
  }
  if ([...want].some(([owner, v]) => (found.get(owner) ?? 0) < v)) {
    // An older schema: brought up to date exactly as starting this version of the pipeline would.
    db.close();
    new SqliteConversationStore(file).close();
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  }
  return db;
}

function openTarget(opts: StoreMigrationOptions): PostgresConversationStore {
  try {
    return new PostgresConversationStore({
      url: opts.postgresUrl,
      statementTimeoutMs: opts.statementTimeoutMs ?? 300_000,
      connectTimeoutMs: opts.connectTimeoutMs ?? 10_000,
    });
  } catch (err) {
    throw new StoreMigrationError('TARGET_UNREACHABLE', describeError(err).message, { cause: err });
  }
}

function copyTable(source: Database, target: PostgresConversationStore, plan: TablePlan, opts: StoreMigrationOptions): number {
  const total = (source.prepare(`SELECT COUNT(*) AS n FROM ${plan.table}`).get() as { n: number }).n;
  const perInsert = rowsPerInsert(plan, opts.batchRows ?? 500);
  const names = plan.columns.map((c) => c.name);
  const overriding = plan.identity ? ' OVERRIDING SYSTEM VALUE' : '';
  let batch: unknown[][] = [];
  let batchBytes = 0;
  let copied = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    target.db.run(`INSERT INTO ${plan.table} (${names.join(', ')})${overriding} VALUES ${tuples.join(', ')}`, params);
    copied += batch.length;
    batch = [];
    batchBytes = 0;
    opts.progress?.({ table: plan.table, copied, total });
  };
  const rows = source.prepare(`SELECT ${names.join(', ')} FROM ${plan.table} ORDER BY ${plan.orderBy}`).raw(true).iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    batch.push(row.map((v, i) => convertValue(v, plan.columns[i]!.conversion)));
    batchBytes += row.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length * 3 : Buffer.isBuffer(v) ? v.length : 8), 0);
    // rows of big documents or waveform peaks: a statement stays within a few MB however many rows that is
    if (batch.length >= perInsert || batchBytes >= MAX_INSERT_BYTES) flush();
  }
  flush();
  if (total === 0) opts.progress?.({ table: plan.table, copied: 0, total: 0 });
  if (plan.identity) {
    // New rows in PostgreSQL continue after the copied ids.
    target.db.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${plan.identity}), 1), MAX(${plan.identity}) IS NOT NULL) FROM ${plan.table}`, [plan.table, plan.identity]);
  }
  return copied;
}

/**
 * The SQLite search index is contentless FTS5 (it keeps no text to copy):
 * each indexed conversation's entry is rebuilt from its transcript exactly
 * as the pipeline's index stage builds it (segments' text, jieba words and
 * pinyin) and written through the PostgreSQL store.
 */
function rebuildSearchIndex(source: Database, target: PostgresConversationStore, opts: StoreMigrationOptions): number {
  const indexed = source.prepare(`SELECT c.id FROM ${SQLITE_SEARCH_INDEX} f JOIN conversations c ON c.seq = f.rowid ORDER BY c.seq`).pluck().all() as string[];
  const segments = source.prepare('SELECT text FROM segments WHERE conversation_id = ? ORDER BY idx').pluck();
  let done = 0;
  for (const id of indexed) {
    const text = (segments.all(id) as string[]).join('\n');
    target.indexTranscript(id, indexText(text));
    done++;
    if (done % 100 === 0 || done === indexed.length) opts.progress?.({ table: SEARCH_PROGRESS, copied: done, total: indexed.length });
  }
  return indexed.length;
}

function assertEmpty(target: PostgresConversationStore): void {
  const tables = [...COPIED_TABLES.map((t) => t.table), ...POSTGRES_SEARCH_INDEX];
  const holding = tables.filter((t) => target.db.one<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${t}) AS any`)!.any);
  if (holding.length > 0) {
    throw new StoreMigrationError(
      'TARGET_NOT_EMPTY',
      `${holding.join(', ')} hold rows. The migration copies into an empty database only (so a second run cannot duplicate or mix data): ` +
        'create a new database (createdb) or drop and recreate this one, and do not start the gateway on it before migrating. Nothing was copied',
    );
  }
}

/**
 * Copies a SQLite conversation store into an empty PostgreSQL database, in
 * one PostgreSQL transaction: either everything is there, counts verified
 * per table, or nothing is (an error, a lost connection or Ctrl-C leaves the
 * target empty, and the run can simply be repeated). The source is read in
 * one SQLite read transaction (a consistent snapshot) and never written,
 * except that a store with an older schema is first migrated as starting
 * this version of the pipeline would. Recordings (`<dataDir>/cloud/audio`)
 * are files and stay where they are.
 */
export function migrateSqliteToPostgres(opts: StoreMigrationOptions): StoreMigrationReport {
  const t0 = performance.now();
  const source = openSource(opts.sqliteFile);
  let target: PostgresConversationStore | null = null;
  try {
    target = openTarget(opts);
    const pg = target;
    const plans = planCopy(source, pg.db);
    assertEmpty(pg);
    source.exec('BEGIN');
    const report = pg.db.transaction((): StoreMigrationReport => {
      const tables = plans.map((plan) => ({ table: plan.table, rows: copyTable(source, pg, plan, opts) }));
      const searchIndexed = rebuildSearchIndex(source, pg, opts);
      const mismatches: string[] = [];
      for (const plan of plans) {
        const want = (source.prepare(`SELECT COUNT(*) AS n FROM ${plan.table}`).get() as { n: number }).n;
        const got = Number(pg.db.one<{ n: string | number }>(`SELECT COUNT(*) AS n FROM ${plan.table}`)!.n);
        if (want !== got) mismatches.push(`${plan.table}: ${want} in SQLite, ${got} in PostgreSQL`);
      }
      const words = Number(pg.db.one<{ n: string | number }>('SELECT COUNT(*) AS n FROM transcript_words')!.n);
      if (words !== searchIndexed) mismatches.push(`search index: ${searchIndexed} in SQLite, ${words} in PostgreSQL`);
      if (mismatches.length > 0) throw new StoreMigrationError('VERIFY_FAILED', `${mismatches.join('; ')}; rolled back, nothing was copied`);
      return { tables, searchIndexed, ms: 0 };
    });
    return { ...report, ms: Math.round(performance.now() - t0) };
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    target?.close();
  }
}
