import type { Database, Statement } from 'better-sqlite3';
import type { FinalisedSession } from '@parley/proto';
import { migrate } from '../storage/migrate.js';

/** The ingest's tables (owner 'ingest' in schema_migrations). */
export const INGEST_MIGRATIONS: readonly string[] = [
  `CREATE TABLE ingest_sessions (
     device_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finalised')),
     start_json TEXT,
     start_received_ms INTEGER,
     end_json TEXT,
     end_received_ms INTEGER,
     created_ms INTEGER NOT NULL,
     last_activity_ms INTEGER NOT NULL,
     finalised_ms INTEGER,
     audio_path TEXT,
     PRIMARY KEY (device_id, session_id)
   ) WITHOUT ROWID;
   CREATE INDEX ingest_sessions_open ON ingest_sessions (state, device_id);
   CREATE TABLE ingest_chunks (
     device_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     offset INTEGER NOT NULL,
     length INTEGER NOT NULL,
     first_frame INTEGER NOT NULL,
     frame_count INTEGER NOT NULL,
     PRIMARY KEY (device_id, session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE ingest_bookmarks (
     device_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     frame_index INTEGER NOT NULL,
     PRIMARY KEY (device_id, session_id, frame_index)
   ) WITHOUT ROWID;
   CREATE TABLE ingest_outbox (
     session_id TEXT PRIMARY KEY,
     device_id TEXT NOT NULL,
     record TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     delivered_ms INTEGER,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_ms INTEGER NOT NULL,
     last_error TEXT
   );
   CREATE INDEX ingest_outbox_pending ON ingest_outbox (delivered_ms, next_attempt_ms);`,
  // The spool files are the chunk index (a per-commit SQLite transaction measured too slow).
  `DROP TABLE ingest_chunks;`,
];

export interface SessionRow {
  device_id: string;
  session_id: string;
  state: 'open' | 'finalised';
  start_json: string | null;
  start_received_ms: number | null;
  end_json: string | null;
  end_received_ms: number | null;
  created_ms: number;
  last_activity_ms: number;
  finalised_ms: number | null;
  audio_path: string | null;
}

export interface OutboxRow {
  session_id: string;
  device_id: string;
  record: string;
  attempts: number;
  next_attempt_ms: number;
}

/** Prepared statements over the ingest tables; every write is one short transaction. */
export class IngestStore {
  private readonly s: Record<string, Statement>;
  readonly createSessions: (sessions: ReadonlyArray<{ deviceId: string; sessionId: string }>, now: number) => void;
  readonly markFinalised: (deviceId: string, sessionId: string, record: FinalisedSession) => boolean;

  constructor(readonly db: Database) {
    migrate(db, 'ingest', INGEST_MIGRATIONS);
    const p = (sql: string): Statement => db.prepare(sql);
    this.s = {
      getSession: p('SELECT * FROM ingest_sessions WHERE device_id = ? AND session_id = ?'),
      ensureSession: p(
        `INSERT INTO ingest_sessions (device_id, session_id, created_ms, last_activity_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id, session_id) DO UPDATE SET last_activity_ms = excluded.last_activity_ms`,
      ),
      createSession: p('INSERT OR IGNORE INTO ingest_sessions (device_id, session_id, created_ms, last_activity_ms) VALUES (?, ?, ?, ?)'),
      setStart: p('UPDATE ingest_sessions SET start_json = ?, start_received_ms = ?, last_activity_ms = ? WHERE device_id = ? AND session_id = ? AND start_json IS NULL'),
      setEnd: p('UPDATE ingest_sessions SET end_json = ?, end_received_ms = ?, last_activity_ms = ? WHERE device_id = ? AND session_id = ? AND end_json IS NULL'),
      openSessions: p("SELECT * FROM ingest_sessions WHERE state = 'open'"),
      openSessionsOf: p("SELECT * FROM ingest_sessions WHERE state = 'open' AND device_id = ?"),
      finalise: p("UPDATE ingest_sessions SET state = 'finalised', finalised_ms = ?, audio_path = ? WHERE device_id = ? AND session_id = ? AND state = 'open'"),
      insertOutbox: p('INSERT OR IGNORE INTO ingest_outbox (session_id, device_id, record, created_ms, next_attempt_ms) VALUES (?, ?, ?, ?, ?)'),
      dueOutbox: p('SELECT session_id, device_id, record, attempts, next_attempt_ms FROM ingest_outbox WHERE delivered_ms IS NULL ORDER BY next_attempt_ms LIMIT ?'),
      delivered: p('UPDATE ingest_outbox SET delivered_ms = ?, attempts = attempts + 1, last_error = NULL WHERE session_id = ?'),
      failed: p('UPDATE ingest_outbox SET attempts = attempts + 1, next_attempt_ms = ?, last_error = ? WHERE session_id = ?'),
      addBookmark: p('INSERT OR IGNORE INTO ingest_bookmarks (device_id, session_id, frame_index) VALUES (?, ?, ?)'),
      bookmarks: p('SELECT frame_index FROM ingest_bookmarks WHERE device_id = ? AND session_id = ? ORDER BY frame_index'),
    };
    const s = this.s;
    this.createSessions = db.transaction((sessions: ReadonlyArray<{ deviceId: string; sessionId: string }>, now: number) => {
      for (const x of sessions) s.createSession!.run(x.deviceId, x.sessionId, now, now);
    });
    this.markFinalised = db.transaction((deviceId: string, sessionId: string, record: FinalisedSession): boolean => {
      const changed = s.finalise!.run(record.finalisedAtMs, record.audioPath, deviceId, sessionId).changes;
      if (changed === 0) return false;
      s.insertOutbox!.run(sessionId, deviceId, JSON.stringify(record), record.finalisedAtMs, record.finalisedAtMs);
      return true;
    });
  }

  getSession(deviceId: string, sessionId: string): SessionRow | undefined {
    return this.s.getSession!.get(deviceId, sessionId) as SessionRow | undefined;
  }

  ensureSession(deviceId: string, sessionId: string, now: number): void {
    this.s.ensureSession!.run(deviceId, sessionId, now, now);
  }

  /** Creates the row if missing, without touching an existing one. */
  createSession(deviceId: string, sessionId: string, createdMs: number): void {
    this.s.createSession!.run(deviceId, sessionId, createdMs, createdMs);
  }

  /** Records SessionStart once; returns false when it was already known. */
  setStart(deviceId: string, sessionId: string, json: string, now: number): boolean {
    this.ensureSession(deviceId, sessionId, now);
    return this.s.setStart!.run(json, now, now, deviceId, sessionId).changes > 0;
  }

  setEnd(deviceId: string, sessionId: string, json: string, now: number): boolean {
    this.ensureSession(deviceId, sessionId, now);
    return this.s.setEnd!.run(json, now, now, deviceId, sessionId).changes > 0;
  }

  openSessions(deviceId?: string): SessionRow[] {
    return (deviceId === undefined ? this.s.openSessions!.all() : this.s.openSessionsOf!.all(deviceId)) as SessionRow[];
  }

  dueOutbox(limit: number): OutboxRow[] {
    return this.s.dueOutbox!.all(limit) as OutboxRow[];
  }

  markDelivered(sessionId: string, now: number): void {
    this.s.delivered!.run(now, sessionId);
  }

  markFailed(sessionId: string, nextAttemptMs: number, error: string): void {
    this.s.failed!.run(nextAttemptMs, error.slice(0, 2000), sessionId);
  }

  addBookmark(deviceId: string, sessionId: string, frameIndex: number): void {
    this.s.addBookmark!.run(deviceId, sessionId, frameIndex);
  }

  bookmarks(deviceId: string, sessionId: string): number[] {
    return (this.s.bookmarks!.all(deviceId, sessionId) as Array<{ frame_index: number }>).map((r) => r.frame_index);
  }
}
