/**
 * Schema of tag corrections, waveform peaks, the rule-set history and re-run
 * jobs (analyst app, issue 9). Its own migration owner ('review-rules') so its
 * steps are numbered independently of the core schema's; applied after it.
 */
export const REVIEW_RULES_MIGRATIONS: readonly string[] = [
  `
  ALTER TABLE tag_hits ADD COLUMN corrected_value TEXT;

  CREATE TABLE waveform_peaks (
    conversation_id TEXT NOT NULL, per_second INTEGER NOT NULL, duration_ms INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (conversation_id, per_second)
  ) WITHOUT ROWID;

  CREATE TABLE rule_set_versions (
    seq INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, source TEXT NOT NULL, based_on TEXT,
    author TEXT NOT NULL, note TEXT, content_hash TEXT NOT NULL, document TEXT NOT NULL,
    created_at INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX rule_set_hash ON rule_set_versions (content_hash);

  CREATE TABLE rerun_jobs (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, state TEXT NOT NULL, filter TEXT NOT NULL,
    rules_version TEXT NOT NULL, total INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL, finished_at INTEGER, last_error TEXT
  );
  CREATE INDEX rerun_jobs_state ON rerun_jobs (state);
  CREATE TABLE rerun_job_items (
    job_id TEXT NOT NULL, conversation_id TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', error TEXT,
    PRIMARY KEY (job_id, conversation_id)
  ) WITHOUT ROWID;
  CREATE INDEX rerun_items_state ON rerun_job_items (job_id, state);
  `,
];
