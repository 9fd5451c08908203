import type { WaveformPeaks } from '../audio/peaks.js';
import { PipelineError } from '../errors.js';
import {
  STAGES,
  type Channel,
  type Conversation,
  type ConversationDetail,
  type ConversationState,
  type EvidenceRef,
  type Review,
  type Segment,
  type StageName,
  type StageStatus,
} from '../model/conversation.js';
import type { Branch, Customer, CustomerProfile, ProfileObservation, Staff, Team } from '../model/directory.js';
import type {
  AnalysisRecord,
  ComplianceCounts,
  ComplianceTrendRow,
  ConversationDigest,
  ConversationTrendRow,
  CustomerListing,
  CustomerListingPage,
  KeyPointTrendRow,
  ProfileSource,
  RerunJob,
  RuleSetVersionInfo,
  RuleSetVersionRecord,
  TagCondition,
  TrendFilter,
  TrendInterval,
  VocKindCount,
  VocListItem,
  ConversationFilter,
  ConversationPage,
  ConversationStore,
  HitKind,
  KeyPointCounts,
  NewConversation,
  Overview,
  RollupDimension,
  RollupFilter,
  StageClaim,
  TextQuery,
  VocEntry,
  Voiceprint,
} from './conversation-store.js';
import { SyncPostgresConnection, type PostgresConnectionOptions } from './postgres-connection.js';
import { MIGRATION_LOCK_KEY, PINYIN_PART_OVERLAP, PINYIN_PART_SYLLABLES, POSTGRES_MIGRATIONS } from './postgres-schema.js';
import {
  decodeCursor,
  decodeCustomerCursor,
  decodeVocCursor,
  encodeCursor,
  encodeCustomerCursor,
  encodeVocCursor,
  parseJson,
  rowsToOverview,
  rowsToPage,
  rowsToWaveformPeaks,
  rowToBranch,
  rowToComplianceCounts,
  rowToComplianceFinding,
  rowToComplianceTrendRow,
  rowToConversation,
  rowToConversationTrendRow,
  rowToCustomer,
  rowToKeyPointCounts,
  rowToKeyPointFinding,
  rowToKeyPointTrendRow,
  rowToProfileObservation,
  rowToProfileSource,
  rowToRerunJob,
  rowToRuleSetVersion,
  rowToSegment,
  rowToStaff,
  rowToStageStatus,
  rowToTagHit,
  rowToTeam,
  rowToVocKindCount,
  rowToVocListItem,
  rowToVoiceprint,
  STAGE_ORD,
} from './row-mapping.js';
import { backlogRows, STAGE_BACKLOG_SQL, type StageBacklogRow, type StageBacklogSource } from './stage-backlog.js';

/** Numbered placeholders ($1, $2, …) for a statement built from optional parts. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A tsquery lexeme literal: quoted, so search input is never read as tsquery operators. */
function tsLexeme(word: string, prefix: boolean): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** `to_tsquery('simple', …)` text for the words of a query: all of them (AND), as prefixes in fuzzy mode. */
export function wordsTsQuery(q: TextQuery): string | null {
  return q.words.length > 0 ? q.words.map((w) => tsLexeme(w, q.prefix)).join(' & ') : null;
}

/** `to_tsquery('simple', …)` text for the pinyin syllables in a row (phrase). */
export function pinyinTsQuery(q: TextQuery): string | null {
  return q.pinyinPhrase.length > 0 ? q.pinyinPhrase.map((w) => tsLexeme(w, false)).join(' <-> ') : null;
}

/** Pinyin syllable parts that fit tsvector positions, overlapping so a phrase across a boundary still matches. */
export function pinyinParts(pinyin: string): string[] {
  const syllables = pinyin.split(' ').filter((s) => s !== '');
  if (syllables.length <= PINYIN_PART_SYLLABLES) return [syllables.join(' ')];
  const parts: string[] = [];
  for (let from = 0; from < syllables.length; from += PINYIN_PART_SYLLABLES - PINYIN_PART_OVERLAP) {
    parts.push(syllables.slice(from, from + PINYIN_PART_SYLLABLES).join(' '));
    if (from + PINYIN_PART_SYLLABLES >= syllables.length) break;
  }
  return parts;
}

const HIT_TABLES: Record<HitKind, string> = { tag: 'tag_hits', compliance: 'compliance_hits', keyPoint: 'key_points' };

function migrate(db: SyncPostgresConnection): void {
  db.transaction(() => {
    // Serialises concurrent starts: the second process waits, then finds the migrations applied.
    db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      owner TEXT NOT NULL, version INTEGER NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (owner, version))`);
    const v = db.one<{ v: number }>("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations WHERE owner = 'cloud'")!.v;
    for (let version = v + 1; version <= POSTGRES_MIGRATIONS.length; version++) {
      db.run(POSTGRES_MIGRATIONS[version - 1]!);
      db.run("INSERT INTO schema_migrations (owner, version, applied_at) VALUES ('cloud', $1, $2)", [version, Date.now()]);
    }
  });
}

export type PostgresStoreOptions = PostgresConnectionOptions;

/**
 * PostgreSQL implementation of the conversation store (the same contract
 * suite as SQLite: test/store). Synchronous through SyncPostgresConnection.
 * Several pipeline processes may share one database: stage claims take the
 * conversation row with FOR UPDATE SKIP LOCKED, so no stage runs twice.
 */
export class PostgresConversationStore implements ConversationStore, StageBacklogSource {
  readonly db: SyncPostgresConnection;

  constructor(opts: PostgresStoreOptions) {
    this.db = new SyncPostgresConnection(opts);
    try {
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  close(): void {
    this.db.close();
  }

  // ---------- directory ----------

  upsertBranch(b: Branch): void {
    this.db.defer('INSERT INTO branches (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, branches.name)', [b.id, b.name]);
  }

  upsertTeam(t: Team): void {
    this.db.defer(
      `INSERT INTO teams (id, name, branch_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET
       name = COALESCE(excluded.name, teams.name), branch_id = COALESCE(excluded.branch_id, teams.branch_id)`,
      [t.id, t.name, t.branchId],
    );
  }

  upsertStaff(s: Staff): void {
    this.db.defer(
      `INSERT INTO staff (id, name, team_id, branch_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET
       name = COALESCE(excluded.name, staff.name), team_id = COALESCE(excluded.team_id, staff.team_id),
       branch_id = COALESCE(excluded.branch_id, staff.branch_id)`,
      [s.id, s.name, s.teamId, s.branchId],
    );
  }

  getStaff(id: string): Staff | null {
    const r = this.db.one('SELECT * FROM staff WHERE id = $1', [id]);
    return r ? rowToStaff(r) : null;
  }

  setVoiceprint(v: Voiceprint): void {
    this.db.defer(
      `INSERT INTO voiceprints (staff_id, embedding, dim, speech_ms, model, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (staff_id) DO UPDATE SET embedding = excluded.embedding, dim = excluded.dim, speech_ms = excluded.speech_ms,
       model = excluded.model, created_at = excluded.created_at`,
      [v.staffId, Buffer.from(v.embedding.buffer, v.embedding.byteOffset, v.embedding.byteLength), v.embedding.length, v.speechMs, v.model, v.createdAt],
    );
  }

  getVoiceprint(staffId: string): Voiceprint | null {
    const r = this.db.one('SELECT * FROM voiceprints WHERE staff_id = $1', [staffId]);
    return r ? rowToVoiceprint(r) : null;
  }

  listStaff(): Staff[] {
    return this.db.query('SELECT * FROM staff ORDER BY id COLLATE "C"').map(rowToStaff);
  }

  listTeams(): Team[] {
    return this.db.query('SELECT * FROM teams ORDER BY id COLLATE "C"').map(rowToTeam);
  }

  listBranches(): Branch[] {
    return this.db.query('SELECT * FROM branches ORDER BY id COLLATE "C"').map(rowToBranch);
  }

  upsertCustomer(c: Omit<Customer, 'createdAt'>): Customer {
    const r = this.db.one(
      `INSERT INTO customers (id, phone, name, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET
       phone = COALESCE(excluded.phone, customers.phone), name = COALESCE(excluded.name, customers.name) RETURNING *`,
      [c.id, c.phone, c.name, Date.now()],
    );
    return rowToCustomer(r!);
  }

  findCustomerByPhone(phone: string): Customer | null {
    const r = this.db.one('SELECT * FROM customers WHERE phone = $1', [phone]);
    return r ? rowToCustomer(r) : null;
  }

  getCustomer(id: string): Customer | null {
    const r = this.db.one('SELECT * FROM customers WHERE id = $1', [id]);
    return r ? rowToCustomer(r) : null;
  }

  // ---------- conversations ----------

  createConversation(c: NewConversation, now: number): boolean {
    return this.db.transaction(() => {
      const staff = c.staffId ? this.getStaff(c.staffId) : null;
      const inserted = this.db.run(
        `INSERT INTO conversations (id, channel, source, staff_id, team_id, branch_id, customer_id, started_at, ended_at,
           duration_ms, audio_path, audio_format, transcript_source, gaps, has_gaps, state, next_stage, next_due_at,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'processing', NULL, NULL, $16, $16)
         ON CONFLICT (id) DO NOTHING`,
        [
          c.id, c.channel, JSON.stringify(c.source), c.staffId, staff?.teamId ?? null, c.branchId ?? staff?.branchId ?? null, c.customerId,
          c.startedAt, c.endedAt, c.durationMs, c.audioPath, c.audioFormat, c.transcriptSource, JSON.stringify(c.gaps), c.gaps.length > 0, now,
        ],
      );
      if (inserted === 0) return false;
      this.db.defer(
        `INSERT INTO stages (conversation_id, stage, ord, state, attempts, updated_at)
         SELECT $1, s.stage, s.ord - 1, CASE WHEN s.stage = ANY ($3::text[]) THEN 'skipped' ELSE 'pending' END, 0, $4
         FROM unnest($2::text[]) WITH ORDINALITY AS s (stage, ord)`,
        [c.id, [...STAGES], c.skipStages, now],
      );
      this.writeSegments(c.id, c.segments);
      this.advance(c.id, 0, now);
      return true;
    });
  }

  /** Points the conversation at its first stage from `fromOrd` that still has to run. */
  private advance(id: string, fromOrd: number, now: number): void {
    const next = this.db.one<{ stage: StageName }>(
      `SELECT stage FROM stages WHERE conversation_id = $1 AND ord >= $2 AND state NOT IN ('done','skipped') ORDER BY ord LIMIT 1`,
      [id, fromOrd],
    );
    if (next) {
      this.setStage(id, next.stage, 'pending', null, now, now);
      this.setConvNext(id, next.stage, now, 'processing', now);
    } else {
      this.setConvNext(id, null, null, 'analyzed', now);
    }
  }

  private setStage(
    id: string,
    stage: StageName,
    state: string,
    error: { code: string; message: string } | null,
    next: number | null,
    now: number,
  ): void {
    this.db.defer(
      `UPDATE stages SET state = $3, error_code = $4, error = $5, next_attempt_at = $6, updated_at = $7
       WHERE conversation_id = $1 AND stage = $2`,
      [id, stage, state, error?.code ?? null, error?.message ?? null, next, now],
    );
  }

  private setConvNext(id: string, stage: StageName | null, due: number | null, state: ConversationState, now: number): void {
    this.db.defer('UPDATE conversations SET next_stage = $2, next_due_at = $3, state = $4, updated_at = $5 WHERE id = $1', [id, stage, due, state, now]);
  }

  getConversation(id: string): Conversation | null {
    const r = this.db.one('SELECT * FROM conversations WHERE id = $1', [id]);
    return r ? rowToConversation(r) : null;
  }

  getDetail(id: string): ConversationDetail | null {
    const conversation = this.getConversation(id);
    if (!conversation) return null;
    const tags = this.db.query('SELECT * FROM tag_hits WHERE conversation_id = $1 ORDER BY id', [id]).map(rowToTagHit);
    const compliance = this.db.query('SELECT * FROM compliance_hits WHERE conversation_id = $1 ORDER BY id', [id]).map(rowToComplianceFinding);
    const keyPoints = this.db.query('SELECT * FROM key_points WHERE conversation_id = $1 ORDER BY id', [id]).map(rowToKeyPointFinding);
    const s = this.db.one('SELECT * FROM summaries WHERE conversation_id = $1', [id]);
    return {
      ...conversation,
      stages: this.getStages(id),
      segments: this.getSegments(id),
      tags,
      compliance,
      keyPoints,
      summary: s ? { data: parseJson(s.data, 'summary'), voc: s.voc as unknown[], rulesVersion: s.rules_version as string } : null,
    };
  }

  private filterSql(f: ConversationFilter, p: Params): string[] {
    const where: string[] = [];
    const eq = (col: string, v: unknown) => {
      if (v !== undefined) where.push(`c.${col} = ${p.add(v)}`);
    };
    eq('channel', f.channel);
    eq('branch_id', f.branchId);
    eq('team_id', f.teamId);
    eq('staff_id', f.staffId);
    eq('customer_id', f.customerId);
    eq('state', f.state);
    if (f.from !== undefined) where.push(`c.started_at >= ${p.add(f.from)}`);
    if (f.to !== undefined) where.push(`c.started_at < ${p.add(f.to)}`);
    if (f.hasGaps !== undefined) where.push(`c.has_gaps = ${p.add(f.hasGaps)}`);
    if (f.tag) {
      const m = /^([a-z_]+)\.([a-z_]+)(?:=([a-z0-9_]+))?$/.exec(f.tag);
      if (!m) throw new PipelineError('BAD_REQUEST', 'tag filter must be family.tag or family.tag=value');
      const value = m[3] ? ` AND COALESCE(t.corrected_value, t.value) = ${p.add(m[3])}` : '';
      where.push(
        `EXISTS (SELECT 1 FROM tag_hits t WHERE t.family = ${p.add(m[1])} AND t.tag = ${p.add(m[2])}${value} AND t.conversation_id = c.id AND t.review_state != 'dismissed')`,
      );
    }
    if (f.severity) {
      where.push(
        `EXISTS (SELECT 1 FROM compliance_hits h WHERE h.severity = ${p.add(f.severity)} AND h.conversation_id = c.id AND h.review_state != 'dismissed')`,
      );
    }
    if (f.complianceRule) {
      where.push(
        `EXISTS (SELECT 1 FROM compliance_hits h WHERE h.rule = ${p.add(f.complianceRule)} AND h.conversation_id = c.id AND h.review_state != 'dismissed')`,
      );
    }
    if (f.reviewState) {
      const r = p.add(f.reviewState);
      where.push(`(EXISTS (SELECT 1 FROM compliance_hits h WHERE h.review_state = ${r} AND h.conversation_id = c.id)
        OR EXISTS (SELECT 1 FROM tag_hits t WHERE t.review_state = ${r} AND t.conversation_id = c.id)
        OR EXISTS (SELECT 1 FROM key_points k WHERE k.review_state = ${r} AND k.conversation_id = c.id))`);
    }
    if (f.keyPoint) {
      let cond = `k.point = ${p.add(f.keyPoint.point)} AND k.applicable AND k.conversation_id = c.id`;
      if (f.keyPoint.raised !== undefined) cond += ` AND k.raised = ${p.add(f.keyPoint.raised)}`;
      if (f.keyPoint.toStandard !== undefined) cond += ` AND k.to_standard = ${p.add(f.keyPoint.toStandard)}`;
      where.push(`EXISTS (SELECT 1 FROM key_points k WHERE ${cond})`);
    }
    if (f.text) {
      const words = wordsTsQuery(f.text);
      const pinyin = pinyinTsQuery(f.text);
      const alternatives: string[] = [];
      if (words) alternatives.push(`c.seq IN (SELECT conversation_seq FROM transcript_words WHERE words @@ to_tsquery('simple', ${p.add(words)}))`);
      if (pinyin) alternatives.push(`c.seq IN (SELECT conversation_seq FROM transcript_pinyin WHERE pinyin @@ to_tsquery('simple', ${p.add(pinyin)}))`);
      if (alternatives.length > 0) where.push(`(${alternatives.join(' OR ')})`);
    }
    return where;
  }

  listConversations(filter: ConversationFilter, page: { limit: number; cursor?: string | null }): ConversationPage {
    const p = new Params();
    const where = this.filterSql(filter, p);
    if (page.cursor) {
      const c = decodeCursor(page.cursor);
      const start = p.add(c.startedAt);
      where.push(`(c.started_at < ${start} OR (c.started_at = ${start} AND c.seq < ${p.add(c.seq)}))`);
    }
    const rows = this.db.query(
      `SELECT c.* FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY c.started_at DESC, c.seq DESC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return rowsToPage(rows, page.limit, rowToConversation, (last) => encodeCursor(last.started_at as number, last.seq as number));
  }

  countConversations(filter: ConversationFilter): number {
    const p = new Params();
    const where = this.filterSql(filter, p);
    return this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`, p.values)!.n;
  }

  setCustomer(id: string, customerId: string | null): void {
    this.db.defer('UPDATE conversations SET customer_id = $1, updated_at = $2 WHERE id = $3', [customerId, Date.now(), id]);
  }

  setDuration(id: string, durationMs: number): void {
    this.db.defer('UPDATE conversations SET duration_ms = $1, updated_at = $2 WHERE id = $3', [durationMs, Date.now(), id]);
  }

  // ---------- stages ----------

  claimDueStage(now: number): StageClaim | null {
    // One statement (one round trip, atomic on its own). SKIP LOCKED: another pipeline process claiming at the same
    // moment takes the next conversation instead of waiting for this one.
    const r = this.db.one<{ conversation_id: string; stage: StageName; attempts: number }>(
      `WITH next AS (
         SELECT id, next_stage FROM conversations WHERE next_due_at IS NOT NULL AND next_due_at <= $1
         ORDER BY next_due_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE conversations c SET next_due_at = NULL, updated_at = $1 FROM next WHERE c.id = next.id
         RETURNING c.id, next.next_stage)
       UPDATE stages s SET state = 'running', attempts = s.attempts + 1, next_attempt_at = NULL, updated_at = $1
       FROM claimed WHERE s.conversation_id = claimed.id AND s.stage = claimed.next_stage
       RETURNING s.conversation_id, s.stage, s.attempts`,
      [now],
    );
    return r ? { conversationId: r.conversation_id, stage: r.stage, attempts: r.attempts } : null;
  }

  nextDueAt(): number | null {
    return this.db.one<{ t: number | null }>('SELECT MIN(next_due_at) AS t FROM conversations WHERE next_due_at IS NOT NULL')!.t;
  }

  completeStage(id: string, stage: StageName, outcome: 'done' | 'skipped', now: number): void {
    this.db.transaction(() => {
      this.setStage(id, stage, outcome, null, null, now);
      this.advance(id, STAGE_ORD.get(stage)! + 1, now);
    });
  }

  failStage(id: string, stage: StageName, error: { code: string; message: string }, retryAt: number | null, now: number): void {
    this.db.transaction(() => {
      this.setStage(id, stage, retryAt === null ? 'failed' : 'pending', error, retryAt, now);
      this.setConvNext(id, stage, retryAt, retryAt === null ? 'failed' : 'processing', now);
    });
  }

  waitStage(id: string, stage: StageName, error: { code: string; message: string }, now: number): void {
    this.db.transaction(() => {
      this.setStage(id, stage, 'waiting', error, null, now);
      this.setConvNext(id, stage, null, stage === 'transcribe' ? 'awaiting_transcription' : 'processing', now);
    });
  }

  resumeWaiting(stage: StageName, now: number): number {
    return this.db.transaction(() => {
      const ids = this.db
        .query<{ id: string }>(
          `UPDATE stages SET state = 'pending', attempts = 0, next_attempt_at = $1, updated_at = $1
           WHERE stage = $2 AND state = 'waiting' RETURNING conversation_id AS id`,
          [now, stage],
        )
        .map((r) => r.id);
      if (ids.length > 0) {
        this.db.defer(
          `UPDATE conversations SET next_stage = $1, next_due_at = $2, state = 'processing', updated_at = $2 WHERE id = ANY ($3::text[])`,
          [stage, now, ids],
        );
      }
      return ids.length;
    });
  }

  recoverRunning(now: number): number {
    return this.db.transaction(() => {
      const rows = this.db.query<{ id: string; stage: StageName }>(
        `UPDATE stages SET state = 'pending', error_code = NULL, error = NULL, next_attempt_at = $1, updated_at = $1
         WHERE state = 'running' RETURNING conversation_id AS id, stage`,
        [now],
      );
      for (const r of rows) this.setConvNext(r.id, r.stage, now, 'processing', now);
      return rows.length;
    });
  }

  /**
   * Stage leases (worker/stage-leases.ts): the running stages listed are
   * alive, their claim renewed at `now`.
   */
  renewStageLeases(held: ReadonlyArray<{ id: string; stage: StageName }>, now: number): void {
    if (held.length === 0) return;
    this.db.run(
      `UPDATE stages s SET updated_at = $1 FROM unnest($2::text[], $3::text[]) AS h (id, stage)
       WHERE s.conversation_id = h.id AND s.stage = h.stage AND s.state = 'running'`,
      [now, held.map((e) => e.id), held.map((e) => e.stage)],
    );
  }

  /**
   * Recovery beside other processes: only running stages whose claim was not
   * renewed since `now - leaseMs` (their process is gone) are due again;
   * `keep` (the caller's own) never are. Returns the stages made due.
   */
  recoverExpiredStageLeases(now: number, leaseMs: number, keep: ReadonlyArray<{ id: string; stage: StageName }>): Array<{ id: string; stage: StageName }> {
    return this.db.transaction(() => {
      const rows = this.db.query<{ id: string; stage: StageName }>(
        `UPDATE stages SET state = 'pending', error_code = NULL, error = NULL, next_attempt_at = $1, updated_at = $1
         WHERE state = 'running' AND updated_at < $2
           AND NOT (conversation_id || '/' || stage = ANY ($3::text[]))
         RETURNING conversation_id AS id, stage`,
        [now, now - leaseMs, keep.map((e) => `${e.id}/${e.stage}`)],
      );
      for (const r of rows) this.setConvNext(r.id, r.stage, now, 'processing', now);
      return rows;
    });
  }

  rerunFrom(id: string, stage: StageName, now: number): void {
    this.db.transaction(() => {
      if (!this.db.one('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [id])) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      const ord = STAGE_ORD.get(stage)!;
      this.db.defer(
        `UPDATE stages SET state = 'pending', attempts = 0, error_code = NULL, error = NULL, next_attempt_at = NULL, updated_at = $1
         WHERE conversation_id = $2 AND ord >= $3 AND state != 'skipped'`,
        [now, id, ord],
      );
      this.advance(id, ord, now);
    });
  }

  rerunAll(stage: StageName, filter: RollupFilter, now: number): number {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    const ord = STAGE_ORD.get(stage)!;
    return this.db.transaction(() => {
      const ids = this.db.query<{ id: string }>(`SELECT c.id AS id FROM conversations c WHERE c.state = 'analyzed' ${where}`, p.values).map((r) => r.id);
      if (ids.length === 0) return 0;
      this.db.defer(
        `UPDATE stages SET state = 'pending', attempts = 0, error_code = NULL, error = NULL, next_attempt_at = NULL, updated_at = $1
         WHERE conversation_id = ANY ($2::text[]) AND ord >= $3 AND state != 'skipped'`,
        [now, ids, ord],
      );
      // Every stage from `ord` was reset to pending, so each conversation's next stage is its first non-skipped one from there.
      this.db.defer(
        `UPDATE conversations c SET next_stage = n.stage, next_due_at = $1, state = 'processing', updated_at = $1
         FROM (SELECT DISTINCT ON (conversation_id) conversation_id, stage FROM stages
               WHERE conversation_id = ANY ($2::text[]) AND ord >= $3 AND state NOT IN ('done','skipped')
               ORDER BY conversation_id, ord) n
         WHERE c.id = n.conversation_id`,
        [now, ids, ord],
      );
      this.db.defer(
        `UPDATE stages s SET next_attempt_at = $1, updated_at = $1 FROM conversations c
         WHERE c.id = ANY ($2::text[]) AND s.conversation_id = c.id AND s.stage = c.next_stage`,
        [now, ids],
      );
      // Conversations with nothing left to run (every later stage skipped) stay analysed.
      return ids.length;
    });
  }

  getStages(id: string): StageStatus[] {
    return this.db.query('SELECT * FROM stages WHERE conversation_id = $1 ORDER BY ord', [id]).map(rowToStageStatus);
  }

  stageBacklog(now: number): StageBacklogRow[] {
    return backlogRows(this.db.query<{ stage: string; state: string; due: number; n: number }>(STAGE_BACKLOG_SQL, [now]));
  }

  // ---------- content ----------

  private writeSegments(id: string, segments: Segment[]): void {
    this.db.defer('DELETE FROM segments WHERE conversation_id = $1', [id]);
    if (segments.length === 0) return;
    // One statement for the whole transcript: a row per segment from parallel arrays.
    this.db.defer(
      `INSERT INTO segments (conversation_id, idx, start_ms, end_ms, role, channel, text, normalized_text, confidence, level_db)
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[], $9::float8[], $10::float8[])`,
      [
        id,
        segments.map((s) => s.index),
        segments.map((s) => s.startMs),
        segments.map((s) => s.endMs),
        segments.map((s) => s.role),
        segments.map((s) => s.channel),
        segments.map((s) => s.text),
        segments.map((s) => s.normalizedText),
        segments.map((s) => s.confidence),
        segments.map((s) => s.levelDb),
      ],
    );
  }

  replaceSegments(id: string, segments: Segment[]): void {
    this.db.transaction(() => this.writeSegments(id, segments));
  }

  getSegments(id: string): Segment[] {
    return this.db.query('SELECT * FROM segments WHERE conversation_id = $1 ORDER BY idx', [id]).map(rowToSegment);
  }

  setNormalizedTexts(id: string, texts: Array<{ index: number; normalizedText: string }>): void {
    if (texts.length === 0) return;
    this.db.defer(
      `UPDATE segments s SET normalized_text = t.text FROM unnest($2::int[], $3::text[]) AS t (idx, text)
       WHERE s.conversation_id = $1 AND s.idx = t.idx`,
      [id, texts.map((t) => t.index), texts.map((t) => t.normalizedText)],
    );
  }

  setTranscript(id: string, index: number, text: string, confidence: number): void {
    this.db.defer('UPDATE segments SET text = $1, confidence = $2 WHERE conversation_id = $3 AND idx = $4', [text, confidence, id, index]);
  }

  replaceAnalysis(id: string, a: AnalysisRecord, now: number): void {
    const firstTurn = (ev: EvidenceRef[]) => (ev[0] ? String(ev[0].turn) : '-');
    const reviewed = (table: string) => this.db.query(`SELECT * FROM ${table} WHERE conversation_id = $1 AND review_state != 'pending'`, [id]);
    this.db.transaction(() => {
      // Reviewed rows stay as the reviewer saw them; a new finding for the same thing is not added beside them.
      const tagKeys = new Set<string>();
      for (const r of reviewed('tag_hits')) {
        tagKeys.add([r.family, r.tag, r.value].join('|'));
        if (r.corrected_value) tagKeys.add([r.family, r.tag, r.corrected_value].join('|'));
      }
      const compKeys = new Set(reviewed('compliance_hits').map((r) => [r.rule, firstTurn(parseJson(r.evidence, 'evidence'))].join('|')));
      const kpKeys = new Set(reviewed('key_points').map((r) => String(r.point)));
      for (const t of ['tag_hits', 'compliance_hits', 'key_points']) {
        this.db.defer(`DELETE FROM ${t} WHERE conversation_id = $1 AND review_state = 'pending'`, [id]);
      }
      const tags = a.tags.filter((t) => !tagKeys.has([t.family, t.tag, t.value].join('|')));
      if (tags.length > 0) {
        this.db.defer(
          `INSERT INTO tag_hits (conversation_id, family, tag, value, detail, confidence, rule_id, evidence)
           SELECT $1, f, t, v, d, c, r, e
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[]) WITH ORDINALITY AS x (f, t, v, d, c, r, e, o)
           ORDER BY o`,
          [
            id, tags.map((t) => t.family), tags.map((t) => t.tag), tags.map((t) => t.value), tags.map((t) => t.detail),
            tags.map((t) => t.confidence), tags.map((t) => t.ruleId), tags.map((t) => JSON.stringify(t.evidence)),
          ],
        );
      }
      const compliance = a.compliance.filter((c) => !compKeys.has([c.rule, firstTurn(c.evidence)].join('|')));
      if (compliance.length > 0) {
        this.db.defer(
          `INSERT INTO compliance_hits (conversation_id, rule, severity, rule_id, evidence)
           SELECT $1, r, s, i, e FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x (r, s, i, e, o) ORDER BY o`,
          [id, compliance.map((c) => c.rule), compliance.map((c) => c.severity), compliance.map((c) => c.ruleId), compliance.map((c) => JSON.stringify(c.evidence))],
        );
      }
      const keyPoints = a.keyPoints.filter((k) => !kpKeys.has(k.point));
      if (keyPoints.length > 0) {
        this.db.defer(
          `INSERT INTO key_points (conversation_id, point, applicable, raised, to_standard, evidence)
           SELECT $1, p, a, r, s, e FROM unnest($2::text[], $3::bool[], $4::bool[], $5::bool[], $6::text[]) WITH ORDINALITY AS x (p, a, r, s, e, o) ORDER BY o`,
          [
            id, keyPoints.map((k) => k.point), keyPoints.map((k) => k.applicable), keyPoints.map((k) => k.raised),
            keyPoints.map((k) => k.toStandard), keyPoints.map((k) => JSON.stringify(k.evidence)),
          ],
        );
      }
      this.db.defer(
        `INSERT INTO summaries (conversation_id, rules_version, data, voc, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (conversation_id) DO UPDATE SET rules_version = excluded.rules_version, data = excluded.data,
         voc = excluded.voc, updated_at = excluded.updated_at`,
        [id, a.rulesVersion, JSON.stringify(a.summary), JSON.stringify(a.voc), now],
      );
      this.writeVocItems(id, a.voc);
    });
  }

  /** One row per VoC item (kind required; text and evidence optional), in the analysis' order. */
  private writeVocItems(id: string, voc: unknown[]): void {
    this.db.defer('DELETE FROM voc_items WHERE conversation_id = $1', [id]);
    const rows: Array<[number, string, string, number | null, string | null, number | null, string | null]> = [];
    voc.forEach((item, ord) => {
      if (typeof item !== 'object' || item === null) return;
      const v = item as { kind?: unknown; text?: unknown; evidence?: unknown };
      if (typeof v.kind !== 'string') return;
      const ev = (typeof v.evidence === 'object' && v.evidence !== null ? v.evidence : null) as Partial<EvidenceRef> | null;
      rows.push([
        ord,
        v.kind,
        typeof v.text === 'string' ? v.text : '',
        typeof ev?.turn === 'number' ? ev.turn : null,
        typeof ev?.quote === 'string' ? ev.quote : null,
        typeof ev?.startMs === 'number' ? ev.startMs : null,
        ev ? JSON.stringify(ev) : null,
      ]);
    });
    if (rows.length === 0) return;
    this.db.defer(
      `INSERT INTO voc_items (conversation_id, ord, kind, text, segment, quote, start_ms, evidence)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bigint[], $8::text[])`,
      [id, ...[0, 1, 2, 3, 4, 5, 6].map((col) => rows.map((r) => r[col]))],
    );
  }

  review(kind: HitKind, hitId: number, review: Omit<Review, 'reviewedAt'>, now: number): { conversationId: string } | null {
    if (!Number.isSafeInteger(hitId)) return null;
    const corrected = kind === 'tag' && review.state === 'confirmed' ? (review.correctedValue ?? null) : null;
    const r =
      kind === 'tag'
        ? this.db.one<{ conversation_id: string }>(
            `UPDATE tag_hits SET review_state = $1, review_reason = $2, reviewer = $3, reviewed_at = $4, corrected_value = $5
             WHERE id = $6 RETURNING conversation_id`,
            [review.state, review.reason, review.reviewer, now, corrected, hitId],
          )
        : this.db.one<{ conversation_id: string }>(
            `UPDATE ${HIT_TABLES[kind]} SET review_state = $1, review_reason = $2, reviewer = $3, reviewed_at = $4 WHERE id = $5
             RETURNING conversation_id`,
            [review.state, review.reason, review.reviewer, now, hitId],
          );
    return r ? { conversationId: r.conversation_id } : null;
  }

  hitConversation(kind: HitKind, hitId: number): string | null {
    if (!Number.isSafeInteger(hitId)) return null;
    return this.db.one<{ conversation_id: string }>(`SELECT conversation_id FROM ${HIT_TABLES[kind]} WHERE id = $1`, [hitId])?.conversation_id ?? null;
  }

  // ---------- waveform peaks ----------

  setWaveformPeaks(id: string, peaks: WaveformPeaks): void {
    this.db.transaction(() => {
      this.db.defer('DELETE FROM waveform_peaks WHERE conversation_id = $1', [id]);
      for (const l of peaks.levels) {
        this.db.defer('INSERT INTO waveform_peaks (conversation_id, per_second, duration_ms, data) VALUES ($1, $2, $3, $4)', [
          id,
          l.perSecond,
          peaks.durationMs,
          Buffer.from(l.data.buffer, l.data.byteOffset, l.data.byteLength),
        ]);
      }
    });
  }

  getWaveformPeaks(id: string): WaveformPeaks | null {
    const rows = this.db.query<{ per_second: number; duration_ms: number; data: Uint8Array }>(
      'SELECT per_second, duration_ms, data FROM waveform_peaks WHERE conversation_id = $1 ORDER BY per_second DESC',
      [id],
    );
    return rowsToWaveformPeaks(id, rows);
  }

  // ---------- rule-set history ----------

  addRuleSetVersion(v: Omit<RuleSetVersionRecord, 'seq' | 'active'>): RuleSetVersionInfo {
    return this.db.transaction(() => {
      const r = this.db.one(
        `INSERT INTO rule_set_versions (version, source, based_on, author, note, content_hash, document, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (version) DO NOTHING RETURNING *`,
        [v.version, v.source, v.basedOn, v.author, v.note, v.contentHash, JSON.stringify(v.document), v.createdAt],
      );
      if (!r) throw new PipelineError('CONFLICT', `rule set version ${v.version} already exists`);
      return rowToRuleSetVersion(r);
    });
  }

  listRuleSetVersions(): RuleSetVersionInfo[] {
    return this.db.query('SELECT * FROM rule_set_versions ORDER BY seq DESC').map(rowToRuleSetVersion);
  }

  getRuleSetVersion(version: string): RuleSetVersionRecord | null {
    const r = this.db.one('SELECT * FROM rule_set_versions WHERE version = $1', [version]);
    return r ? { ...rowToRuleSetVersion(r), document: parseJson<Record<string, unknown>>(r.document, `rule set ${version}`) } : null;
  }

  findRuleSetVersionByHash(contentHash: string): RuleSetVersionInfo | null {
    const r = this.db.one('SELECT * FROM rule_set_versions WHERE content_hash = $1 ORDER BY seq DESC LIMIT 1', [contentHash]);
    return r ? rowToRuleSetVersion(r) : null;
  }

  setActiveRuleSetVersion(version: string): void {
    this.db.transaction(() => {
      if (!this.db.one('SELECT 1 FROM rule_set_versions WHERE version = $1', [version])) throw new PipelineError('NOT_FOUND', `rule set version ${version}`);
      this.db.defer('UPDATE rule_set_versions SET active = (version = $1)', [version]);
    });
  }

  getActiveRuleSetVersion(): RuleSetVersionInfo | null {
    const r = this.db.one('SELECT * FROM rule_set_versions WHERE active');
    return r ? rowToRuleSetVersion(r) : null;
  }

  // ---------- re-run jobs ----------

  createRerunJob(job: { id: string; filter: RollupFilter; rulesVersion: string; createdBy: string }, now: number): RerunJob {
    return this.db.transaction(() => {
      if (this.db.one('SELECT 1 FROM rerun_jobs WHERE id = $1', [job.id])) throw new PipelineError('CONFLICT', `re-run job ${job.id} exists`);
      const p = new Params();
      const jobParam = p.add(job.id);
      const where = this.rollupWhere(job.filter, p);
      const items = this.db.run(
        `INSERT INTO rerun_job_items (job_id, conversation_id) SELECT ${jobParam}, c.id FROM conversations c WHERE c.state = 'analyzed' ${where}`,
        p.values,
      );
      const r = this.db.one(
        `INSERT INTO rerun_jobs (id, state, filter, rules_version, total, created_by, created_at, updated_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING *`,
        [job.id, items === 0 ? 'done' : 'running', JSON.stringify(job.filter), job.rulesVersion, items, job.createdBy, now, items === 0 ? now : null],
      );
      return rowToRerunJob(r!);
    });
  }

  getRerunJob(id: string): RerunJob | null {
    const r = this.db.one('SELECT * FROM rerun_jobs WHERE id = $1', [id]);
    return r ? rowToRerunJob(r) : null;
  }

  listRerunJobs(limit: number): RerunJob[] {
    return this.db.query('SELECT * FROM rerun_jobs ORDER BY seq DESC LIMIT $1', [limit]).map(rowToRerunJob);
  }

  runningRerunJobs(): RerunJob[] {
    return this.db.query(`SELECT * FROM rerun_jobs WHERE state = 'running' ORDER BY seq`).map(rowToRerunJob);
  }

  pendingRerunItems(jobId: string, limit: number): string[] {
    return this.db
      .query<{ conversation_id: string }>(
        `SELECT conversation_id FROM rerun_job_items WHERE job_id = $1 AND state = 'pending' ORDER BY conversation_id COLLATE "C" LIMIT $2`,
        [jobId, limit],
      )
      .map((r) => r.conversation_id);
  }

  finishRerunItem(jobId: string, conversationId: string, error: { code: string; message: string } | null, now: number): void {
    this.db.transaction(() => {
      const changed = this.db.run(
        `UPDATE rerun_job_items SET state = $1, error = $2 WHERE job_id = $3 AND conversation_id = $4 AND state = 'pending'`,
        [error ? 'failed' : 'done', error ? `${error.code}: ${error.message}` : null, jobId, conversationId],
      );
      if (changed === 0) return;
      if (error) {
        this.db.defer('UPDATE rerun_jobs SET failed = failed + 1, last_error = $1, updated_at = $2 WHERE id = $3', [
          `${conversationId}: ${error.code}: ${error.message}`,
          now,
          jobId,
        ]);
      } else {
        this.db.defer('UPDATE rerun_jobs SET done = done + 1, updated_at = $1 WHERE id = $2', [now, jobId]);
      }
    });
  }

  endRerunJob(jobId: string, state: 'done' | 'cancelled', now: number): RerunJob | null {
    return this.db.transaction(() => {
      this.db.defer(`UPDATE rerun_jobs SET state = $1, finished_at = $2, updated_at = $2 WHERE id = $3 AND state = 'running'`, [state, now, jobId]);
      return this.getRerunJob(jobId);
    });
  }

  // ---------- profile ----------

  replaceProfileObservations(
    conversationId: string,
    customerId: string,
    obs: Array<Omit<ProfileObservation, 'current' | 'conversationId' | 'channel' | 'observedAt'> & { multi: boolean }>,
  ): void {
    this.db.transaction(() => {
      const conv = this.getConversation(conversationId);
      if (!conv) throw new PipelineError('NOT_FOUND', `conversation ${conversationId}`);
      const affected = new Set<string>([customerId]);
      for (const r of this.db.query<{ customer_id: string }>(
        'DELETE FROM profile_observations WHERE conversation_id = $1 RETURNING customer_id',
        [conversationId],
      )) {
        affected.add(r.customer_id);
      }
      if (obs.length > 0) {
        this.db.defer(
          `INSERT INTO profile_observations (customer_id, conversation_id, channel, family, tag, value, detail, multi, observed_at, quote)
           SELECT $1, $2, $3, f, t, v, d, m, $4, q FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::bool[], $10::text[]) AS o (f, t, v, d, m, q)`,
          [
            customerId, conversationId, conv.channel, conv.startedAt,
            obs.map((o) => o.family), obs.map((o) => o.tag), obs.map((o) => o.value), obs.map((o) => o.detail), obs.map((o) => o.multi), obs.map((o) => o.quote),
          ],
        );
      }
      for (const c of affected) this.recomputeCurrent(c);
    });
  }

  /** Latest value wins: per single-value tag the newest observation; per multi tag the newest observation of each value. */
  private recomputeCurrent(customerId: string): void {
    this.db.defer(
      `UPDATE profile_observations p SET current = (o.id = o.winner)
       FROM (SELECT id, FIRST_VALUE(id) OVER (
               PARTITION BY family, tag, CASE WHEN multi THEN value ELSE '' END ORDER BY observed_at DESC, id DESC) AS winner
             FROM profile_observations WHERE customer_id = $1) o
       WHERE p.id = o.id`,
      [customerId],
    );
  }

  getProfile(customerId: string): CustomerProfile | null {
    const customer = this.getCustomer(customerId);
    if (!customer) return null;
    const history = this.db
      .query('SELECT * FROM profile_observations WHERE customer_id = $1 ORDER BY observed_at DESC, id DESC', [customerId])
      .map(rowToProfileObservation);
    return { customer, current: history.filter((h) => h.current), history };
  }

  findCustomersByTags(tags: Array<{ family: string; tag: string; value?: string }>, limit: number): Customer[] {
    const p = new Params();
    const where = tags.map(
      (t) =>
        `EXISTS (SELECT 1 FROM profile_observations o WHERE o.customer_id = c.id AND o.current AND o.family = ${p.add(t.family)} AND o.tag = ${p.add(t.tag)}${
          t.value ? ` AND o.value = ${p.add(t.value)}` : ''
        })`,
    );
    const sql = `SELECT * FROM customers c ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.id COLLATE "C" LIMIT ${p.add(limit)}`;
    return this.db.query(sql, p.values).map(rowToCustomer);
  }

  // ---------- search ----------

  indexTranscript(id: string, doc: { words: string; pinyin: string }): void {
    this.db.transaction(() => {
      const r = this.db.one<{ seq: number }>('SELECT seq FROM conversations WHERE id = $1', [id]);
      if (!r) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      this.db.defer(
        `INSERT INTO transcript_words (conversation_seq, words) VALUES ($1, strip(to_tsvector('simple', $2)))
         ON CONFLICT (conversation_seq) DO UPDATE SET words = excluded.words`,
        [r.seq, doc.words],
      );
      this.db.defer('DELETE FROM transcript_pinyin WHERE conversation_seq = $1', [r.seq]);
      this.db.defer(
        `INSERT INTO transcript_pinyin (conversation_seq, part, pinyin)
         SELECT $1, ord::int, to_tsvector('simple', part) FROM unnest($2::text[]) WITH ORDINALITY AS p (part, ord)`,
        [r.seq, pinyinParts(doc.pinyin)],
      );
    });
  }

  // ---------- roll-ups ----------

  private rollupWhere(f: RollupFilter, p: Params): string {
    const where: string[] = [];
    const add = (cond: (ph: string) => string, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      where.push(cond(p.add(value)));
    };
    add((x) => `c.started_at >= ${x}`, f.from);
    add((x) => `c.started_at < ${x}`, f.to);
    add((x) => `c.channel = ${x}`, f.channel);
    add((x) => `c.branch_id = ${x}`, f.branchId);
    add((x) => `c.team_id = ${x}`, f.teamId);
    add((x) => `c.staff_id = ${x}`, f.staffId);
    return where.length ? 'AND ' + where.join(' AND ') : '';
  }

  private groupColumn(d: RollupDimension): string {
    return d === 'staff' ? 'c.staff_id' : d === 'team' ? 'c.team_id' : d === 'branch' ? 'c.branch_id' : "'all'::text";
  }

  keyPointCounts(dimension: RollupDimension, filter: RollupFilter): KeyPointCounts[] {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    const g = this.groupColumn(dimension);
    return this.db
      .query(
        `SELECT k.point AS point, ${g} AS grp, COUNT(*) FILTER (WHERE k.applicable) AS applicable,
           COUNT(*) FILTER (WHERE k.applicable AND k.raised) AS raised, COUNT(*) FILTER (WHERE k.applicable AND k.to_standard) AS to_standard
         FROM key_points k JOIN conversations c ON c.id = k.conversation_id
         WHERE k.review_state != 'dismissed' ${where}
         GROUP BY k.point, grp ORDER BY k.point COLLATE "C", ${g} COLLATE "C" NULLS FIRST`,
        p.values,
      )
      .map(rowToKeyPointCounts);
  }

  complianceCounts(dimension: RollupDimension, filter: RollupFilter): ComplianceCounts[] {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    const g = this.groupColumn(dimension);
    return this.db
      .query(
        `SELECT h.rule AS rule, h.severity AS severity, ${g} AS grp,
           COUNT(*) FILTER (WHERE h.review_state != 'dismissed') AS hits,
           COUNT(DISTINCT h.conversation_id) FILTER (WHERE h.review_state != 'dismissed') AS conversations,
           COUNT(*) FILTER (WHERE h.review_state = 'confirmed') AS confirmed, COUNT(*) FILTER (WHERE h.review_state = 'dismissed') AS dismissed
         FROM compliance_hits h JOIN conversations c ON c.id = h.conversation_id
         WHERE TRUE ${where}
         GROUP BY h.rule, h.severity, grp ORDER BY h.rule COLLATE "C", ${g} COLLATE "C" NULLS FIRST`,
        p.values,
      )
      .map(rowToComplianceCounts);
  }

  overview(filter: RollupFilter): Overview {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    const WEEK = 7 * 86_400_000;
    // The Unix epoch was a Thursday: shift by 3 days so weeks start on Monday.
    const MONDAY_SHIFT = 3 * 86_400_000;
    const total = this.db.one<{ n: number; customers: number; avg: number | null }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT c.customer_id) AS customers, AVG(c.duration_ms)::float8 AS avg
       FROM conversations c WHERE TRUE ${where}`,
      p.values,
    )!;
    const weeks = this.db.query<{ week: number; n: number; customers: number; avg: number | null }>(
      `SELECT ((c.started_at + ${MONDAY_SHIFT}) / ${WEEK}) * ${WEEK} - ${MONDAY_SHIFT} AS week, COUNT(*) AS n,
         COUNT(DISTINCT c.customer_id) AS customers, AVG(c.duration_ms)::float8 AS avg
       FROM conversations c WHERE TRUE ${where} GROUP BY week ORDER BY week`,
      p.values,
    );
    return rowsToOverview(total, weeks);
  }

  vocItems(filter: RollupFilter & { kind?: string }, limit: number): VocEntry[] {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    const kind = filter.kind ? `AND v.item ->> 'kind' = ${p.add(filter.kind)}` : '';
    return this.db
      .query<{ id: string; started_at: number; kind: string; text: string; evidence: unknown }>(
        `SELECT c.id AS id, c.started_at AS started_at, v.item ->> 'kind' AS kind, v.item ->> 'text' AS text, v.item -> 'evidence' AS evidence
         FROM conversations c JOIN summaries s ON s.conversation_id = c.id
         CROSS JOIN LATERAL jsonb_array_elements(s.voc) WITH ORDINALITY AS v (item, ord)
         WHERE TRUE ${where} ${kind}
         ORDER BY c.started_at DESC, c.seq DESC, v.ord LIMIT ${p.add(limit)}`,
        p.values,
      )
      .map((r) => ({ conversationId: r.id, startedAt: r.started_at, kind: r.kind, text: r.text, evidence: r.evidence ?? null }));
  }

  // ---------- dashboards ----------

  /** SQL for the start (epoch ms) of the bucket holding c.started_at, in local time UTC + `off` ms (a placeholder). */
  private bucketSql(interval: TrendInterval, off: string): string {
    const local = `(c.started_at + ${off}::bigint)`;
    if (interval === 'day') return `((${local} / 86400000) * 86400000 - ${off}::bigint)`;
    // The epoch was a Thursday: +3 days makes weeks start on Monday.
    if (interval === 'week') return `(((${local} + 259200000) / 604800000) * 604800000 - 259200000 - ${off}::bigint)`;
    return `((EXTRACT(EPOCH FROM date_trunc('month', to_timestamp(${local} / 1000) AT TIME ZONE 'UTC')) * 1000)::bigint - ${off}::bigint)`;
  }

  private trendOffset(f: TrendFilter): number {
    const off = f.utcOffsetMinutes ?? 0;
    if (!Number.isInteger(off) || Math.abs(off) > 14 * 60) throw new PipelineError('BAD_REQUEST', 'utcOffsetMinutes must be an integer within ±840');
    return off * 60_000;
  }

  keyPointTrend(interval: TrendInterval, dimension: RollupDimension, filter: TrendFilter & { point?: string }): KeyPointTrendRow[] {
    const p = new Params();
    const bucket = this.bucketSql(interval, p.add(this.trendOffset(filter)));
    const where = this.rollupWhere(filter, p);
    const pointSql = filter.point ? `AND k.point = ${p.add(filter.point)}` : '';
    const g = this.groupColumn(dimension);
    return this.db
      .query(
        `SELECT ${bucket} AS bucket, k.point AS point, ${g} AS grp, COUNT(*) FILTER (WHERE k.applicable) AS applicable,
           COUNT(*) FILTER (WHERE k.applicable AND k.raised) AS raised, COUNT(*) FILTER (WHERE k.applicable AND k.to_standard) AS to_standard
         FROM key_points k JOIN conversations c ON c.id = k.conversation_id
         WHERE k.review_state != 'dismissed' ${pointSql} ${where}
         GROUP BY 1, 2, 3 ORDER BY 1, k.point COLLATE "C", ${g} COLLATE "C" NULLS FIRST`,
        p.values,
      )
      .map(rowToKeyPointTrendRow);
  }

  complianceTrend(
    interval: TrendInterval,
    dimension: RollupDimension,
    filter: TrendFilter & { rule?: string; severity?: string },
  ): ComplianceTrendRow[] {
    const p = new Params();
    const bucket = this.bucketSql(interval, p.add(this.trendOffset(filter)));
    const where = this.rollupWhere(filter, p);
    let hitSql = '';
    if (filter.rule) hitSql += ` AND h.rule = ${p.add(filter.rule)}`;
    if (filter.severity) hitSql += ` AND h.severity = ${p.add(filter.severity)}`;
    const g = this.groupColumn(dimension);
    return this.db
      .query(
        `SELECT ${bucket} AS bucket, h.rule AS rule, h.severity AS severity, ${g} AS grp,
           COUNT(*) FILTER (WHERE h.review_state != 'dismissed') AS hits,
           COUNT(DISTINCT h.conversation_id) FILTER (WHERE h.review_state != 'dismissed') AS conversations,
           COUNT(*) FILTER (WHERE h.review_state = 'confirmed') AS confirmed, COUNT(*) FILTER (WHERE h.review_state = 'dismissed') AS dismissed
         FROM compliance_hits h JOIN conversations c ON c.id = h.conversation_id
         WHERE TRUE ${hitSql} ${where}
         GROUP BY 1, 2, 3, 4 ORDER BY 1, h.rule COLLATE "C", ${g} COLLATE "C" NULLS FIRST`,
        p.values,
      )
      .map(rowToComplianceTrendRow);
  }

  conversationTrend(interval: TrendInterval, filter: TrendFilter): ConversationTrendRow[] {
    const p = new Params();
    const bucket = this.bucketSql(interval, p.add(this.trendOffset(filter)));
    const where = this.rollupWhere(filter, p);
    return this.db
      .query(
        `SELECT ${bucket} AS bucket, c.channel AS channel, COUNT(*) AS n, COUNT(DISTINCT c.customer_id) AS customers,
           AVG(c.duration_ms)::float8 AS avg
         FROM conversations c WHERE TRUE ${where}
         GROUP BY 1, 2 ORDER BY 1, c.channel COLLATE "C"`,
        p.values,
      )
      .map(rowToConversationTrendRow);
  }

  vocPage(
    filter: RollupFilter & { kind?: string },
    page: { limit: number; cursor?: string | null },
  ): { items: VocListItem[]; nextCursor: string | null } {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    let extra = '';
    if (filter.kind) extra += ` AND v.kind = ${p.add(filter.kind)}`;
    if (page.cursor) {
      const c = decodeVocCursor(page.cursor);
      const start = p.add(c.startedAt);
      const seq = p.add(c.seq);
      extra += ` AND (c.started_at < ${start} OR (c.started_at = ${start} AND (c.seq < ${seq} OR (c.seq = ${seq} AND v.ord > ${p.add(c.ord)}))))`;
    }
    const rows = this.db.query(
      `SELECT c.id AS id, c.seq AS seq, c.started_at AS started_at, c.channel AS channel, c.staff_id AS staff_id,
         c.customer_id AS customer_id, v.ord AS ord, v.kind AS kind, v.text AS text, v.segment AS segment, v.quote AS quote,
         v.start_ms AS start_ms, v.evidence AS evidence
       FROM conversations c JOIN voc_items v ON v.conversation_id = c.id
       WHERE TRUE ${where} ${extra}
       ORDER BY c.started_at DESC, c.seq DESC, v.ord ASC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return rowsToPage(rows, page.limit, rowToVocListItem, encodeVocCursor);
  }

  vocCounts(filter: RollupFilter): VocKindCount[] {
    const p = new Params();
    const where = this.rollupWhere(filter, p);
    return this.db
      .query(
        `SELECT v.kind AS kind, COUNT(*) AS items, COUNT(DISTINCT v.conversation_id) AS conversations
         FROM voc_items v JOIN conversations c ON c.id = v.conversation_id
         WHERE TRUE ${where} GROUP BY v.kind ORDER BY v.kind COLLATE "C"`,
        p.values,
      )
      .map(rowToVocKindCount);
  }

  /** Customer ids with every tag condition among their current values, after `after` in id order (byte order). */
  private customerMatchSql(tags: TagCondition[], p: Params, after: string): string {
    const conditions = tags.map((t) => {
      const value = t.value !== undefined ? ` AND o.value = ${p.add(t.value)}` : '';
      return `EXISTS (SELECT 1 FROM profile_observations o WHERE o.customer_id = c.id AND o.current AND o.family = ${p.add(t.family)} AND o.tag = ${p.add(t.tag)}${value})`;
    });
    return `SELECT c.id AS customer_id FROM customers c WHERE c.id COLLATE "C" > ${p.add(after)}${conditions.map((x) => ` AND ${x}`).join('')}`;
  }

  customersByTags(tags: TagCondition[], page: { limit: number; cursor?: string | null }): CustomerListingPage {
    const after = page.cursor ? decodeCustomerCursor(page.cursor) : '';
    const p = new Params();
    const sql = this.customerMatchSql(tags, p, after);
    const ids = this.db
      .query<{ customer_id: string }>(`${sql} ORDER BY c.id COLLATE "C" LIMIT ${p.add(page.limit + 1)}`, p.values)
      .map((r) => r.customer_id);
    const more = ids.length > page.limit;
    const pageIds = ids.slice(0, page.limit);
    const items: CustomerListing[] = [];
    for (const id of pageIds) {
      const customer = this.getCustomer(id);
      if (!customer) continue;
      const current = this.db.query<{ family: string; tag: string; value: string }>(
        'SELECT family, tag, value FROM profile_observations WHERE customer_id = $1 AND current ORDER BY family COLLATE "C", tag COLLATE "C", value COLLATE "C"',
        [id],
      );
      const stats = this.db.one<{ n: number; last: number | null; channels: string[] | null }>(
        `SELECT COUNT(*) AS n, MAX(started_at) AS last, array_agg(DISTINCT channel ORDER BY channel) FILTER (WHERE channel IS NOT NULL) AS channels
         FROM conversations WHERE customer_id = $1`,
        [id],
      )!;
      items.push({
        ...customer,
        current: current.map((r) => ({ family: r.family, tag: r.tag, value: r.value })),
        conversations: stats.n,
        lastConversationAt: stats.last,
        channels: (stats.channels ?? []).sort() as Channel[],
      });
    }
    const last = pageIds[pageIds.length - 1];
    return { items, nextCursor: more && last ? encodeCustomerCursor(last) : null };
  }

  countCustomersByTags(tags: TagCondition[]): number {
    const p = new Params();
    const sql = this.customerMatchSql(tags, p, '');
    return this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql}) m`, p.values)!.n;
  }

  profileSources(customerId: string): ProfileSource[] {
    return this.db
      .query(
        `SELECT p.*, (SELECT t.evidence FROM tag_hits t
            WHERE t.family = p.family AND t.tag = p.tag AND t.value = p.value AND t.conversation_id = p.conversation_id
              AND (t.evidence::jsonb -> 0 ->> 'quote') = p.quote
            ORDER BY t.id LIMIT 1) AS hit_evidence
         FROM profile_observations p WHERE p.customer_id = $1 ORDER BY p.observed_at DESC, p.id DESC`,
        [customerId],
      )
      .map(rowToProfileSource);
  }

  conversationDigests(ids: string[]): ConversationDigest[] {
    if (ids.length === 0) return [];
    const order = ['critical', 'high', 'medium', 'low'] as const;
    const rows = this.db.query<{ id: string; tags: number; severities: Array<string | null> | null; data: string | null }>(
      `SELECT c.id,
         (SELECT COUNT(*) FROM tag_hits t WHERE t.conversation_id = c.id AND t.review_state != 'dismissed') AS tags,
         (SELECT array_agg(h.severity) FROM compliance_hits h WHERE h.conversation_id = c.id AND h.review_state != 'dismissed') AS severities,
         (SELECT s.data FROM summaries s WHERE s.conversation_id = c.id) AS data
       FROM conversations c WHERE c.id = ANY ($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: ConversationDigest[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      const sev = r.severities ?? [];
      out.push({
        conversationId: id,
        tags: r.tags,
        complianceHits: sev.length,
        worstSeverity: order.find((o) => sev.includes(o)) ?? null,
        summary: r.data ? parseJson<Record<string, unknown>>(r.data, 'summary') : null,
      });
    }
    return out;
  }
}
