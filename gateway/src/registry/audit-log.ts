import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry, AuditQuery } from '../api-types.js';
import { migrate } from '../storage/migrate.js';

/** An entry to append (AuditEntry): the log numbers it; target, source and details may be left out. */
export type AuditEntryInput = Omit<AuditEntry, 'seq' | 'target' | 'source' | 'details'> & Partial<Pick<AuditEntry, 'target' | 'source' | 'details'>>;

/**
 * Append-only audit log of admin actions and security events. Entries are
 * never updated or deleted (the SQLite table refuses both).
 */
export interface AuditLog {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

export const AUDIT_MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     source TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
     details TEXT NOT NULL DEFAULT '{}'
   );
   CREATE INDEX audit_log_action ON audit_log (action, seq);
   CREATE INDEX audit_log_target ON audit_log (target, seq);
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
];

/** Longest stored target/source: they can hold untrusted input (an MQTT username as sent). */
const MAX_FIELD = 256;

function clip(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return value.length > MAX_FIELD ? `${value.slice(0, MAX_FIELD)}…` : value;
}

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  source: string | null;
  outcome: AuditEntry['outcome'];
  details: string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    atMs: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    source: row.source,
    outcome: row.outcome,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export class SqliteAuditLog implements AuditLog {
  private readonly insert: Statement;

  constructor(private readonly db: Database) {
    migrate(db, 'audit', AUDIT_MIGRATIONS);
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, target, source, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
    );
  }

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const row = this.insert.get(
      entry.atMs,
      clip(entry.actor) ?? 'unknown',
      entry.action,
      clip(entry.target),
      clip(entry.source),
      entry.outcome,
      JSON.stringify(entry.details ?? {}),
    ) as AuditRow;
    return toEntry(row);
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = ['seq > ?'];
    const params: unknown[] = [query.afterSeq ?? 0];
    if (query.action !== undefined) {
      where.push('action = ?');
      params.push(query.action);
    }
    if (query.target !== undefined) {
      where.push('target = ?');
      params.push(query.target);
    }
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = this.db.prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...params, limit);
    return (rows as AuditRow[]).map(toEntry);
  }
}
