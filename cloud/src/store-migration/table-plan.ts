import type { Database } from 'better-sqlite3';
import type { SyncPostgresConnection } from '../store/postgres-connection.js';
import { StoreMigrationError } from './errors.js';

/**
 * Which tables of the SQLite conversation store (store/sqlite-schema*.ts)
 * are copied to PostgreSQL (store/postgres-schema.ts), and how. The list is
 * explicit: a table added to the SQLite schema and not named here makes
 * every migration (and a test) fail with SOURCE_UNCOVERED until it is added.
 * Columns are matched by name between the two schemas; a SQLite column
 * missing in PostgreSQL must be listed as `sqliteOnly` (the SQLite store's
 * denormalised copies of the conversation's scope, which the PostgreSQL
 * store reads through joins), or the migration refuses to run.
 */
export interface CopiedTable {
  table: string;
  /** Order of the copy (stable, so the progress and the batches are reproducible). */
  orderBy: string;
  /** Columns of the SQLite table the PostgreSQL table does not have. */
  sqliteOnly?: readonly string[];
}

const SCOPE = ['started_at', 'channel', 'staff_id', 'team_id', 'branch_id'] as const;

export const COPIED_TABLES: readonly CopiedTable[] = [
  { table: 'branches', orderBy: 'id' },
  { table: 'teams', orderBy: 'id' },
  { table: 'staff', orderBy: 'id' },
  { table: 'customers', orderBy: 'id' },
  { table: 'conversations', orderBy: 'seq' },
  { table: 'stages', orderBy: 'conversation_id, stage' },
  { table: 'segments', orderBy: 'conversation_id, idx' },
  { table: 'tag_hits', orderBy: 'id' },
  { table: 'compliance_hits', orderBy: 'id', sqliteOnly: SCOPE },
  { table: 'key_points', orderBy: 'id', sqliteOnly: SCOPE },
  { table: 'summaries', orderBy: 'conversation_id' },
  { table: 'profile_observations', orderBy: 'id' },
  { table: 'voc_items', orderBy: 'conversation_id, ord', sqliteOnly: [...SCOPE, 'conv_seq'] },
  { table: 'voiceprints', orderBy: 'staff_id' },
  { table: 'waveform_peaks', orderBy: 'conversation_id, per_second' },
  { table: 'rule_set_versions', orderBy: 'seq' },
  { table: 'rerun_jobs', orderBy: 'seq' },
  { table: 'rerun_job_items', orderBy: 'job_id, conversation_id' },
];

/** The SQLite search index (FTS5, contentless): rebuilt from the transcripts into these PostgreSQL tables. */
export const SQLITE_SEARCH_INDEX = 'transcript_fts';
export const POSTGRES_SEARCH_INDEX = ['transcript_words', 'transcript_pinyin'] as const;
/** Each store's own migration bookkeeping: not copied (the target is migrated to the current schema when opened). */
export const MIGRATION_BOOKKEEPING = 'schema_migrations';

export type Conversion = 'as-is' | 'boolean' | 'jsonb';

export interface ColumnPlan {
  name: string;
  conversion: Conversion;
}

export interface TablePlan extends CopiedTable {
  columns: ColumnPlan[];
  /** The PostgreSQL identity column whose sequence is moved past the copied values. */
  identity: string | null;
}

/** Tables of the SQLite file, without SQLite's own and the search index's shadow tables. */
export function sqliteTables(db: Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>;
  return rows.map((r) => r.name).filter((name) => !name.startsWith(`${SQLITE_SEARCH_INDEX}_`));
}

type PgColumn = {
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
};

/**
 * Checks that every table and column of the source has a place in the
 * target (and the target no table the source lacks), and returns how each
 * table is copied.
 */
export function planCopy(source: Database, target: SyncPostgresConnection): TablePlan[] {
  const known = new Set<string>([...COPIED_TABLES.map((t) => t.table), SQLITE_SEARCH_INDEX, MIGRATION_BOOKKEEPING]);
  const uncovered = sqliteTables(source).filter((t) => !known.has(t));
  if (uncovered.length > 0) {
    throw new StoreMigrationError(
      'SOURCE_UNCOVERED',
      `table(s) ${uncovered.join(', ')} of the SQLite store are not in cloud/src/store-migration/table-plan.ts (a newer schema than this migration knows): nothing was copied`,
    );
  }
  const targetTables = target
    .query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
    .map((r) => r.table_name);
  const expectedTarget = new Set<string>([...COPIED_TABLES.map((t) => t.table), ...POSTGRES_SEARCH_INDEX, MIGRATION_BOOKKEEPING]);
  const extra = targetTables.filter((t) => !expectedTarget.has(t));
  const missing = [...expectedTarget].filter((t) => !targetTables.includes(t));
  if (extra.length > 0 || missing.length > 0) {
    throw new StoreMigrationError(
      'TARGET_SCHEMA_MISMATCH',
      [extra.length ? `table(s) ${extra.join(', ')} not in the SQLite store` : '', missing.length ? `table(s) ${missing.join(', ')} missing` : ''].filter(Boolean).join('; '),
    );
  }

  return COPIED_TABLES.map((t) => {
    const sqliteColumns = (source.prepare(`PRAGMA table_info(${t.table})`).all() as Array<{ name: string }>).map((c) => c.name);
    if (sqliteColumns.length === 0) throw new StoreMigrationError('SOURCE_INVALID', `table ${t.table} is missing`);
    const pgColumns = target.query<PgColumn>(
      `SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [t.table],
    );
    const byName = new Map(pgColumns.map((c) => [c.column_name, c]));
    const sqliteOnly = new Set(t.sqliteOnly ?? []);
    const unplaced = sqliteColumns.filter((c) => !byName.has(c) && !sqliteOnly.has(c));
    if (unplaced.length > 0) {
      throw new StoreMigrationError('SOURCE_UNCOVERED', `column(s) ${unplaced.map((c) => `${t.table}.${c}`).join(', ')} have no place in the PostgreSQL schema`);
    }
    const unfilled = pgColumns.filter((c) => !sqliteColumns.includes(c.column_name) && c.is_nullable === 'NO' && c.column_default === null && c.is_identity === 'NO');
    if (unfilled.length > 0) {
      throw new StoreMigrationError('TARGET_SCHEMA_MISMATCH', `required column(s) ${unfilled.map((c) => `${t.table}.${c.column_name}`).join(', ')} have no source in SQLite`);
    }
    const columns = sqliteColumns
      .filter((c) => byName.has(c))
      .map((name): ColumnPlan => {
        const type = byName.get(name)!.data_type;
        return { name, conversion: type === 'boolean' ? 'boolean' : type === 'jsonb' ? 'jsonb' : 'as-is' };
      });
    const identity = pgColumns.find((c) => c.is_identity === 'YES')?.column_name ?? null;
    return { ...t, columns, identity };
  });
}

/** A SQLite value as the PostgreSQL column takes it. */
export function convertValue(value: unknown, conversion: Conversion): unknown {
  if (value === null || value === undefined) return null;
  switch (conversion) {
    case 'boolean':
      return value !== 0 && value !== 0n && value !== '0';
    case 'jsonb':
      // stored as JSON text in SQLite; a parameter for a jsonb column is parsed by the server
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return typeof value === 'bigint' ? value.toString() : value;
  }
}
