/**
 * The PostgreSQL store's schema, one migration per entry, applied once and in
 * order under an advisory lock (several pipeline processes may start at once).
 * Same tables as the SQLite schema (sqlite-schema.ts) with PostgreSQL types;
 * full-text search is two tsvector tables instead of FTS5:
 * - transcript_words: the jieba words (cutForSearch, the same tokenisation as
 *   the SQLite path) as a stripped 'simple' tsvector (presence only, so no
 *   position limit),
 * - transcript_pinyin: the toneless pinyin syllables with positions for
 *   phrase queries, in parts of at most PINYIN_PART_SYLLABLES syllables
 *   (tsvector positions stop at 16383) overlapping by PINYIN_PART_OVERLAP.
 */
export const PINYIN_PART_SYLLABLES = 16_000;
export const PINYIN_PART_OVERLAP = 64;

/** Advisory lock key taken while migrating ("parley" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x7061726c6579;

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE branches (id TEXT PRIMARY KEY, name TEXT);
  CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT, branch_id TEXT);
  CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT, team_id TEXT, branch_id TEXT);
  CREATE TABLE customers (id TEXT PRIMARY KEY, phone TEXT UNIQUE, name TEXT, created_at BIGINT NOT NULL);

  CREATE TABLE conversations (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('phone','badge')),
    source TEXT NOT NULL,
    staff_id TEXT, team_id TEXT, branch_id TEXT, customer_id TEXT,
    started_at BIGINT NOT NULL, ended_at BIGINT NOT NULL, duration_ms BIGINT,
    audio_path TEXT, audio_format TEXT, transcript_source TEXT,
    gaps TEXT NOT NULL, has_gaps BOOLEAN NOT NULL,
    state TEXT NOT NULL,
    next_stage TEXT, next_due_at BIGINT,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL
  );
  CREATE INDEX conv_time ON conversations (started_at, seq);
  CREATE INDEX conv_channel ON conversations (channel, started_at, seq);
  CREATE INDEX conv_branch ON conversations (branch_id, started_at, seq);
  CREATE INDEX conv_team ON conversations (team_id, started_at, seq);
  CREATE INDEX conv_staff ON conversations (staff_id, started_at, seq);
  CREATE INDEX conv_customer ON conversations (customer_id, started_at, seq);
  CREATE INDEX conv_state ON conversations (state, started_at, seq);
  CREATE INDEX conv_due ON conversations (next_due_at, seq) WHERE next_due_at IS NOT NULL;
  CREATE INDEX conv_next_stage ON conversations (next_stage) WHERE next_stage IS NOT NULL;

  CREATE TABLE stages (
    conversation_id TEXT NOT NULL, stage TEXT NOT NULL, ord INTEGER NOT NULL,
    state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    error_code TEXT, error TEXT, next_attempt_at BIGINT, updated_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, stage)
  );
  CREATE INDEX stages_state ON stages (stage, state);

  CREATE TABLE segments (
    conversation_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start_ms BIGINT, end_ms BIGINT, role TEXT NOT NULL, channel INTEGER NOT NULL,
    text TEXT NOT NULL, normalized_text TEXT, confidence DOUBLE PRECISION, level_db DOUBLE PRECISION,
    PRIMARY KEY (conversation_id, idx)
  );

  CREATE TABLE tag_hits (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id TEXT NOT NULL,
    family TEXT NOT NULL, tag TEXT NOT NULL, value TEXT NOT NULL, detail TEXT,
    confidence DOUBLE PRECISION NOT NULL, rule_id TEXT NOT NULL, evidence TEXT NOT NULL,
    review_state TEXT NOT NULL DEFAULT 'pending', review_reason TEXT, reviewer TEXT, reviewed_at BIGINT,
    corrected_value TEXT
  );
  CREATE INDEX tag_hits_conv ON tag_hits (conversation_id);
  CREATE INDEX tag_hits_tag ON tag_hits (family, tag, value, conversation_id);
  CREATE INDEX tag_hits_review ON tag_hits (review_state, conversation_id);

  CREATE TABLE compliance_hits (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id TEXT NOT NULL,
    rule TEXT NOT NULL, severity TEXT NOT NULL, rule_id TEXT NOT NULL, evidence TEXT NOT NULL,
    review_state TEXT NOT NULL DEFAULT 'pending', review_reason TEXT, reviewer TEXT, reviewed_at BIGINT
  );
  CREATE INDEX compliance_conv ON compliance_hits (conversation_id);
  CREATE INDEX compliance_rule ON compliance_hits (rule, conversation_id);
  CREATE INDEX compliance_severity ON compliance_hits (severity, conversation_id);
  CREATE INDEX compliance_review ON compliance_hits (review_state, conversation_id);

  CREATE TABLE key_points (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id TEXT NOT NULL, point TEXT NOT NULL,
    applicable BOOLEAN NOT NULL, raised BOOLEAN NOT NULL, to_standard BOOLEAN NOT NULL, evidence TEXT NOT NULL,
    review_state TEXT NOT NULL DEFAULT 'pending', review_reason TEXT, reviewer TEXT, reviewed_at BIGINT
  );
  CREATE INDEX key_points_conv ON key_points (conversation_id);
  CREATE INDEX key_points_point ON key_points (point, applicable, conversation_id);
  CREATE INDEX key_points_review ON key_points (review_state, conversation_id);

  CREATE TABLE summaries (
    conversation_id TEXT PRIMARY KEY, rules_version TEXT NOT NULL, data TEXT NOT NULL, voc JSONB NOT NULL,
    updated_at BIGINT NOT NULL
  );

  CREATE TABLE profile_observations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id TEXT NOT NULL, conversation_id TEXT NOT NULL, channel TEXT NOT NULL,
    family TEXT NOT NULL, tag TEXT NOT NULL, value TEXT NOT NULL, detail TEXT, multi BOOLEAN NOT NULL,
    observed_at BIGINT NOT NULL, quote TEXT NOT NULL, current BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX profile_customer ON profile_observations (customer_id, observed_at);
  CREATE INDEX profile_conv ON profile_observations (conversation_id);
  CREATE INDEX profile_tag ON profile_observations (family, tag, value, current, customer_id);
  CREATE INDEX profile_current ON profile_observations (customer_id, family, tag, value) WHERE current;

  CREATE TABLE voc_items (
    conversation_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    segment INTEGER, quote TEXT, start_ms BIGINT, evidence TEXT,
    PRIMARY KEY (conversation_id, ord)
  );
  CREATE INDEX voc_kind ON voc_items (kind, conversation_id);

  CREATE TABLE waveform_peaks (
    conversation_id TEXT NOT NULL, per_second INTEGER NOT NULL, duration_ms BIGINT NOT NULL, data BYTEA NOT NULL,
    PRIMARY KEY (conversation_id, per_second)
  );

  CREATE TABLE rule_set_versions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, version TEXT NOT NULL UNIQUE, source TEXT NOT NULL, based_on TEXT,
    author TEXT NOT NULL, note TEXT, content_hash TEXT NOT NULL, document TEXT NOT NULL,
    created_at BIGINT NOT NULL, active BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX rule_set_hash ON rule_set_versions (content_hash);

  CREATE TABLE rerun_jobs (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id TEXT NOT NULL UNIQUE, state TEXT NOT NULL, filter TEXT NOT NULL,
    rules_version TEXT NOT NULL, total INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL, finished_at BIGINT, last_error TEXT
  );
  CREATE INDEX rerun_jobs_state ON rerun_jobs (state);
  CREATE TABLE rerun_job_items (
    job_id TEXT NOT NULL, conversation_id TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', error TEXT,
    PRIMARY KEY (job_id, conversation_id)
  );
  CREATE INDEX rerun_items_state ON rerun_job_items (job_id, state);

  CREATE TABLE voiceprints (
    staff_id TEXT PRIMARY KEY, embedding BYTEA NOT NULL, dim INTEGER NOT NULL, speech_ms BIGINT NOT NULL,
    model TEXT NOT NULL, created_at BIGINT NOT NULL
  );

  CREATE TABLE transcript_words (
    conversation_seq BIGINT PRIMARY KEY REFERENCES conversations (seq) ON DELETE CASCADE,
    words tsvector NOT NULL
  );
  CREATE INDEX transcript_words_gin ON transcript_words USING GIN (words);
  CREATE TABLE transcript_pinyin (
    conversation_seq BIGINT NOT NULL REFERENCES conversations (seq) ON DELETE CASCADE,
    part INTEGER NOT NULL,
    pinyin tsvector NOT NULL,
    PRIMARY KEY (conversation_seq, part)
  );
  CREATE INDEX transcript_pinyin_gin ON transcript_pinyin USING GIN (pinyin);
  `,
];
