import type { Database } from 'better-sqlite3';

/**
 * Versioned schema migrations, one list per owner (e.g. 'registry', 'ingest',
 * 'fleet'), so modules own their tables without editing a shared file. Each
 * step runs once, inside a transaction, in order.
 */
export function migrate(db: Database, owner: string, steps: readonly string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    owner TEXT NOT NULL,
    version INTEGER NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (owner, version)
  )`);
  const row = db
    .prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations WHERE owner = ?')
    .get(owner) as { v: number };
  const record = db.prepare('INSERT INTO schema_migrations (owner, version, applied_at) VALUES (?, ?, ?)');
  for (let version = row.v + 1; version <= steps.length; version++) {
    const sql = steps[version - 1]!;
    db.transaction(() => {
      db.exec(sql);
      record.run(owner, version, Date.now());
    })();
  }
}
