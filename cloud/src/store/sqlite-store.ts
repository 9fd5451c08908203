import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PipelineError } from '../errors.js';
import {
  STAGES,
  type Channel,
  type Conversation,
  type ConversationDetail,
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
  ConversationFilter,
  ConversationPage,
  ConversationStore,
  HitKind,
  KeyPointCounts,
  NewConversation,
  Overview,
  RollupDimension,
  VocEntry,
  RollupFilter,
  ComplianceTrendRow,
  ConversationDigest,
  ConversationTrendRow,
  CustomerListingPage,
  KeyPointTrendRow,
  ProfileSource,
  TagCondition,
  TrendFilter,
  TrendInterval,
  VocKindCount,
  VocListItem,
  RerunJob,
  RuleSetVersionInfo,
  RuleSetVersionRecord,
  StageClaim,
  TextQuery,
  Voiceprint,
} from './conversation-store.js';
import { CLOUD_MIGRATIONS } from './sqlite-schema.js';
import { REVIEW_RULES_MIGRATIONS } from './sqlite-schema-review-rules.js';
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
  type StoreRow,
} from './row-mapping.js';
import type { WaveformPeaks } from '../audio/peaks.js';

/** Applies the steps of one migration owner not applied yet, each in its own transaction. */
function migrate(db: Database, owner: string, steps: readonly string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    owner TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (owner, version))`);
  const { v } = db
    .prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations WHERE owner = ?')
    .get(owner) as { v: number };
  for (let version = v + 1; version <= steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version - 1]!);
      db.prepare('INSERT INTO schema_migrations (owner, version, applied_at) VALUES (?, ?, ?)').run(owner, version, Date.now());
    })();
  }
}

/** FTS5 query text for a structured text query; every term quoted so user input cannot inject syntax. */
export function fts5Match(q: TextQuery): string | null {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const parts: string[] = [];
  if (q.words.length > 0) {
    parts.push(`words : (${q.words.map((w) => quote(w) + (q.prefix ? '*' : '')).join(' AND ')})`);
  }
  if (q.pinyinPhrase.length > 0) parts.push(`pinyin : ${quote(q.pinyinPhrase.join(' '))}`);
  return parts.length > 0 ? parts.map((p) => `(${p})`).join(' OR ') : null;
}

const HIT_TABLES: Record<HitKind, string> = { tag: 'tag_hits', compliance: 'compliance_hits', keyPoint: 'key_points' };

/** SQLite (better-sqlite3, WAL) implementation of the conversation store. */
export class SqliteConversationStore implements ConversationStore {
  readonly db: Database;
  private readonly stmts: Record<string, Statement>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, 'cloud', CLOUD_MIGRATIONS);
    migrate(this.db, 'review-rules', REVIEW_RULES_MIGRATIONS);
    const p = (sql: string) => this.q(sql);
    this.stmts = {
      convById: p('SELECT * FROM conversations WHERE id = ?'),
      stagesById: p('SELECT * FROM stages WHERE conversation_id = ? ORDER BY ord'),
      setStage: p(
        `UPDATE stages SET state = @state, error_code = @code, error = @error, next_attempt_at = @next, updated_at = @now
         WHERE conversation_id = @id AND stage = @stage`,
      ),
      setConvNext: p(
        `UPDATE conversations SET next_stage = @stage, next_due_at = @due, state = @state, updated_at = @now WHERE id = @id`,
      ),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readonly cache = new Map<string, Statement>();

  /** Prepared statement for `sql`, compiled once (filter combinations are few, so the cache stays small). */
  private q(sql: string): Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, st);
    }
    return st;
  }

  // ---------- directory ----------

  upsertBranch(b: Branch): void {
    this
      .q('INSERT INTO branches (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = COALESCE(excluded.name, name)')
      .run(b.id, b.name);
  }

  upsertTeam(t: Team): void {
    this
      .q(
        `INSERT INTO teams (id, name, branch_id) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET
         name = COALESCE(excluded.name, name), branch_id = COALESCE(excluded.branch_id, branch_id)`,
      )
      .run(t.id, t.name, t.branchId);
  }

  upsertStaff(s: Staff): void {
    this
      .q(
        `INSERT INTO staff (id, name, team_id, branch_id) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
         name = COALESCE(excluded.name, name), team_id = COALESCE(excluded.team_id, team_id),
         branch_id = COALESCE(excluded.branch_id, branch_id)`,
      )
      .run(s.id, s.name, s.teamId, s.branchId);
  }

  getStaff(id: string): Staff | null {
    const r = this.q('SELECT * FROM staff WHERE id = ?').get(id) as StoreRow | undefined;
    return r ? rowToStaff(r) : null;
  }

  setVoiceprint(v: Voiceprint): void {
    this.q(
      `INSERT INTO voiceprints (staff_id, embedding, dim, speech_ms, model, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(staff_id) DO UPDATE SET embedding = excluded.embedding, dim = excluded.dim, speech_ms = excluded.speech_ms,
       model = excluded.model, created_at = excluded.created_at`,
    ).run(v.staffId, Buffer.from(v.embedding.buffer, v.embedding.byteOffset, v.embedding.byteLength), v.embedding.length, v.speechMs, v.model, v.createdAt);
  }

  getVoiceprint(staffId: string): Voiceprint | null {
    const r = this.q('SELECT * FROM voiceprints WHERE staff_id = ?').get(staffId) as StoreRow | undefined;
    return r ? rowToVoiceprint(r) : null;
  }

  listStaff(): Staff[] {
    return (this.q('SELECT * FROM staff ORDER BY id').all() as StoreRow[]).map(rowToStaff);
  }

  listTeams(): Team[] {
    return (this.q('SELECT * FROM teams ORDER BY id').all() as StoreRow[]).map(rowToTeam);
  }

  listBranches(): Branch[] {
    return (this.q('SELECT * FROM branches ORDER BY id').all() as StoreRow[]).map(rowToBranch);
  }

  upsertCustomer(c: Omit<Customer, 'createdAt'>): Customer {
    this
      .q(
        `INSERT INTO customers (id, phone, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
         phone = COALESCE(excluded.phone, phone), name = COALESCE(excluded.name, name)`,
      )
      .run(c.id, c.phone, c.name, Date.now());
    return this.getCustomer(c.id)!;
  }

  findCustomerByPhone(phone: string): Customer | null {
    const r = this.q('SELECT * FROM customers WHERE phone = ?').get(phone) as StoreRow | undefined;
    return r ? rowToCustomer(r) : null;
  }

  getCustomer(id: string): Customer | null {
    const r = this.q('SELECT * FROM customers WHERE id = ?').get(id) as StoreRow | undefined;
    return r ? rowToCustomer(r) : null;
  }

  // ---------- conversations ----------

  createConversation(c: NewConversation, now: number): boolean {
    return this.db.transaction(() => {
      const staff = c.staffId ? this.getStaff(c.staffId) : null;
      const res = this
        .q(
          `INSERT INTO conversations (id, channel, source, staff_id, team_id, branch_id, customer_id, started_at, ended_at,
             duration_ms, audio_path, audio_format, transcript_source, gaps, has_gaps, state, next_stage, next_due_at,
             created_at, updated_at)
           VALUES (@id, @channel, @source, @staff, @team, @branch, @customer, @started, @ended, @duration, @audio, @format,
             @tsource, @gaps, @hasGaps, 'processing', NULL, NULL, @now, @now)
           ON CONFLICT(id) DO NOTHING`,
        )
        .run({
          id: c.id,
          channel: c.channel,
          source: JSON.stringify(c.source),
          staff: c.staffId,
          team: staff?.teamId ?? null,
          branch: c.branchId ?? staff?.branchId ?? null,
          customer: c.customerId,
          started: c.startedAt,
          ended: c.endedAt,
          duration: c.durationMs,
          audio: c.audioPath,
          format: c.audioFormat,
          tsource: c.transcriptSource,
          gaps: JSON.stringify(c.gaps),
          hasGaps: c.gaps.length > 0 ? 1 : 0,
          now,
        });
      if (res.changes === 0) return false;
      const insertStage = this.q(
        `INSERT INTO stages (conversation_id, stage, ord, state, attempts, updated_at) VALUES (?, ?, ?, ?, 0, ?)`,
      );
      STAGES.forEach((s, i) => insertStage.run(c.id, s, i, c.skipStages.includes(s) ? 'skipped' : 'pending', now));
      this.writeSegments(c.id, c.segments);
      this.advance(c.id, 0, now);
      return true;
    })();
  }

  /** Points the conversation at its first stage from `fromOrd` that still has to run. */
  private advance(id: string, fromOrd: number, now: number): void {
    const next = this
      .q(
        `SELECT stage FROM stages WHERE conversation_id = ? AND ord >= ? AND state NOT IN ('done','skipped') ORDER BY ord LIMIT 1`,
      )
      .get(id, fromOrd) as { stage: StageName } | undefined;
    if (next) {
      this.stmts.setStage!.run({ id, stage: next.stage, state: 'pending', code: null, error: null, next: now, now });
      this.stmts.setConvNext!.run({ id, stage: next.stage, due: now, state: 'processing', now });
    } else {
      this.stmts.setConvNext!.run({ id, stage: null, due: null, state: 'analyzed', now });
    }
  }

  getConversation(id: string): Conversation | null {
    const r = this.stmts.convById!.get(id) as StoreRow | undefined;
    return r ? rowToConversation(r) : null;
  }

  getDetail(id: string): ConversationDetail | null {
    const conversation = this.getConversation(id);
    if (!conversation) return null;
    const tags = (this.q('SELECT * FROM tag_hits WHERE conversation_id = ? ORDER BY id').all(id) as StoreRow[]).map(rowToTagHit);
    const compliance = (this.q('SELECT * FROM compliance_hits WHERE conversation_id = ? ORDER BY id').all(id) as StoreRow[]).map(rowToComplianceFinding);
    const keyPoints = (this.q('SELECT * FROM key_points WHERE conversation_id = ? ORDER BY id').all(id) as StoreRow[]).map(rowToKeyPointFinding);
    const s = this.q('SELECT * FROM summaries WHERE conversation_id = ?').get(id) as StoreRow | undefined;
    return {
      ...conversation,
      stages: this.getStages(id),
      segments: this.getSegments(id),
      tags,
      compliance,
      keyPoints,
      summary: s
        ? {
            data: parseJson(s.data, 'summary'),
            voc: parseJson(s.voc, 'voc'),
            rulesVersion: s.rules_version as string,
          }
        : null,
    };
  }

  private filterSql(f: ConversationFilter): { where: string[]; params: Record<string, unknown>; fts: boolean } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const eq = (col: string, key: string, v: unknown) => {
      if (v !== undefined) {
        where.push(`c.${col} = @${key}`);
        params[key] = v;
      }
    };
    eq('channel', 'channel', f.channel);
    eq('branch_id', 'branch', f.branchId);
    eq('team_id', 'team', f.teamId);
    eq('staff_id', 'staff', f.staffId);
    eq('customer_id', 'customer', f.customerId);
    eq('state', 'state', f.state);
    if (f.from !== undefined) {
      where.push('c.started_at >= @from');
      params.from = f.from;
    }
    if (f.to !== undefined) {
      where.push('c.started_at < @to');
      params.to = f.to;
    }
    if (f.hasGaps !== undefined) {
      where.push('c.has_gaps = @hasGaps');
      params.hasGaps = f.hasGaps ? 1 : 0;
    }
    if (f.tag) {
      const m = /^([a-z_]+)\.([a-z_]+)(?:=([a-z0-9_]+))?$/.exec(f.tag);
      if (!m) throw new PipelineError('BAD_REQUEST', 'tag filter must be family.tag or family.tag=value');
      params.tFamily = m[1];
      params.tTag = m[2];
      if (m[3]) {
        params.tValue = m[3];
        where.push(
          `EXISTS (SELECT 1 FROM tag_hits t WHERE t.family = @tFamily AND t.tag = @tTag AND COALESCE(t.corrected_value, t.value) = @tValue AND t.conversation_id = c.id AND t.review_state != 'dismissed')`,
        );
      } else {
        where.push(
          `EXISTS (SELECT 1 FROM tag_hits t WHERE t.family = @tFamily AND t.tag = @tTag AND t.conversation_id = c.id AND t.review_state != 'dismissed')`,
        );
      }
    }
    if (f.severity) {
      params.severity = f.severity;
      where.push(
        `EXISTS (SELECT 1 FROM compliance_hits h WHERE h.severity = @severity AND h.conversation_id = c.id AND h.review_state != 'dismissed')`,
      );
    }
    if (f.complianceRule) {
      params.cRule = f.complianceRule;
      where.push(
        `EXISTS (SELECT 1 FROM compliance_hits h WHERE h.rule = @cRule AND h.conversation_id = c.id AND h.review_state != 'dismissed')`,
      );
    }
    if (f.reviewState) {
      params.review = f.reviewState;
      where.push(`(EXISTS (SELECT 1 FROM compliance_hits h WHERE h.review_state = @review AND h.conversation_id = c.id)
        OR EXISTS (SELECT 1 FROM tag_hits t WHERE t.review_state = @review AND t.conversation_id = c.id)
        OR EXISTS (SELECT 1 FROM key_points k WHERE k.review_state = @review AND k.conversation_id = c.id))`);
    }
    if (f.keyPoint) {
      params.kPoint = f.keyPoint.point;
      let cond = 'k.point = @kPoint AND k.applicable = 1 AND k.conversation_id = c.id';
      if (f.keyPoint.raised !== undefined) {
        cond += ' AND k.raised = @kRaised';
        params.kRaised = f.keyPoint.raised ? 1 : 0;
      }
      if (f.keyPoint.toStandard !== undefined) {
        cond += ' AND k.to_standard = @kStd';
        params.kStd = f.keyPoint.toStandard ? 1 : 0;
      }
      where.push(`EXISTS (SELECT 1 FROM key_points k WHERE ${cond})`);
    }
    let fts = false;
    if (f.text) {
      const match = fts5Match(f.text);
      if (match) {
        fts = true;
        params.match = match;
        where.push('c.seq IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH @match)');
      }
    }
    return { where, params, fts };
  }

  listConversations(filter: ConversationFilter, page: { limit: number; cursor?: string | null }): ConversationPage {
    const { where, params } = this.filterSql(filter);
    if (page.cursor) {
      const c = decodeCursor(page.cursor);
      where.push('(c.started_at < @cStart OR (c.started_at = @cStart AND c.seq < @cSeq))');
      params.cStart = c.startedAt;
      params.cSeq = c.seq;
    }
    params.limit = page.limit + 1;
    const sql = `SELECT c.* FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY c.started_at DESC, c.seq DESC LIMIT @limit`;
    const rows = this.q(sql).all(params) as StoreRow[];
    return rowsToPage(rows, page.limit, rowToConversation, (last) => encodeCursor(last.started_at as number, last.seq as number));
  }

  countConversations(filter: ConversationFilter): number {
    const { where, params } = this.filterSql(filter);
    const sql = `SELECT COUNT(*) AS n FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    return (this.q(sql).get(params) as { n: number }).n;
  }

  setCustomer(id: string, customerId: string | null): void {
    this.q('UPDATE conversations SET customer_id = ?, updated_at = ? WHERE id = ?').run(customerId, Date.now(), id);
  }

  setDuration(id: string, durationMs: number): void {
    this.q('UPDATE conversations SET duration_ms = ?, updated_at = ? WHERE id = ?').run(durationMs, Date.now(), id);
  }

  // ---------- stages ----------

  claimDueStage(now: number): StageClaim | null {
    return this.db.transaction((): StageClaim | null => {
      const r = this
        .q(
          `SELECT id, next_stage FROM conversations WHERE next_due_at IS NOT NULL AND next_due_at <= ?
           ORDER BY next_due_at, seq LIMIT 1`,
        )
        .get(now) as { id: string; next_stage: StageName } | undefined;
      if (!r) return null;
      this.q('UPDATE conversations SET next_due_at = NULL, updated_at = ? WHERE id = ?').run(now, r.id);
      this
        .q(
          `UPDATE stages SET state = 'running', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ?
           WHERE conversation_id = ? AND stage = ?`,
        )
        .run(now, r.id, r.next_stage);
      const s = this
        .q('SELECT attempts FROM stages WHERE conversation_id = ? AND stage = ?')
        .get(r.id, r.next_stage) as { attempts: number };
      return { conversationId: r.id, stage: r.next_stage, attempts: s.attempts };
    }).immediate();
  }

  nextDueAt(): number | null {
    const r = this
      .q('SELECT MIN(next_due_at) AS t FROM conversations WHERE next_due_at IS NOT NULL')
      .get() as { t: number | null };
    return r.t;
  }

  completeStage(id: string, stage: StageName, outcome: 'done' | 'skipped', now: number): void {
    this.db.transaction(() => {
      this.stmts.setStage!.run({ id, stage, state: outcome, code: null, error: null, next: null, now });
      this.advance(id, STAGE_ORD.get(stage)! + 1, now);
    })();
  }

  failStage(id: string, stage: StageName, error: { code: string; message: string }, retryAt: number | null, now: number): void {
    this.db.transaction(() => {
      this.stmts.setStage!.run({
        id,
        stage,
        state: retryAt === null ? 'failed' : 'pending',
        code: error.code,
        error: error.message,
        next: retryAt,
        now,
      });
      this.stmts.setConvNext!.run({ id, stage, due: retryAt, state: retryAt === null ? 'failed' : 'processing', now });
    })();
  }

  waitStage(id: string, stage: StageName, error: { code: string; message: string }, now: number): void {
    this.db.transaction(() => {
      this.stmts.setStage!.run({ id, stage, state: 'waiting', code: error.code, error: error.message, next: null, now });
      this.stmts.setConvNext!.run({
        id,
        stage,
        due: null,
        state: stage === 'transcribe' ? 'awaiting_transcription' : 'processing',
        now,
      });
    })();
  }

  resumeWaiting(stage: StageName, now: number): number {
    return this.db.transaction(() => {
      const ids = (
        this.q(`SELECT conversation_id AS id FROM stages WHERE stage = ? AND state = 'waiting'`).all(stage) as Array<{
          id: string;
        }>
      ).map((r) => r.id);
      for (const id of ids) {
        this.db
          .prepare(`UPDATE stages SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE conversation_id = ? AND stage = ?`)
          .run(now, now, id, stage);
        this.stmts.setConvNext!.run({ id, stage, due: now, state: 'processing', now });
      }
      return ids.length;
    })();
  }

  recoverRunning(now: number): number {
    return this.db.transaction(() => {
      const rows = this.q(`SELECT conversation_id AS id, stage FROM stages WHERE state = 'running'`).all() as Array<{
        id: string;
        stage: StageName;
      }>;
      for (const r of rows) {
        this.stmts.setStage!.run({ id: r.id, stage: r.stage, state: 'pending', code: null, error: null, next: now, now });
        this.stmts.setConvNext!.run({ id: r.id, stage: r.stage, due: now, state: 'processing', now });
      }
      return rows.length;
    })();
  }

  rerunFrom(id: string, stage: StageName, now: number): void {
    this.db.transaction(() => {
      if (!this.stmts.convById!.get(id)) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      const ord = STAGE_ORD.get(stage)!;
      this
        .q(
          `UPDATE stages SET state = 'pending', attempts = 0, error_code = NULL, error = NULL, next_attempt_at = NULL, updated_at = ?
           WHERE conversation_id = ? AND ord >= ? AND state != 'skipped'`,
        )
        .run(now, id, ord);
      this.advance(id, ord, now);
    })();
  }

  rerunAll(stage: StageName, filter: RollupFilter, now: number): number {
    const { sql, params } = this.rollupWhere(filter);
    const ord = STAGE_ORD.get(stage)!;
    return this.db.transaction(() => {
      const ids = (this.q(`SELECT c.id AS id FROM conversations c WHERE c.state = 'analyzed' ${sql}`).all(params) as Array<{ id: string }>).map(
        (r) => r.id,
      );
      const reset = this.q(
        `UPDATE stages SET state = 'pending', attempts = 0, error_code = NULL, error = NULL, next_attempt_at = NULL, updated_at = ?
         WHERE conversation_id = ? AND ord >= ? AND state != 'skipped'`,
      );
      for (const id of ids) {
        reset.run(now, id, ord);
        this.advance(id, ord, now);
      }
      return ids.length;
    })();
  }

  getStages(id: string): StageStatus[] {
    return (this.stmts.stagesById!.all(id) as StoreRow[]).map(rowToStageStatus);
  }

  // ---------- content ----------

  private writeSegments(id: string, segments: Segment[]): void {
    this.q('DELETE FROM segments WHERE conversation_id = ?').run(id);
    const ins = this.q(
      `INSERT INTO segments (conversation_id, idx, start_ms, end_ms, role, channel, text, normalized_text, confidence, level_db)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of segments) {
      ins.run(id, s.index, s.startMs, s.endMs, s.role, s.channel, s.text, s.normalizedText, s.confidence, s.levelDb);
    }
  }

  replaceSegments(id: string, segments: Segment[]): void {
    this.db.transaction(() => this.writeSegments(id, segments))();
  }

  getSegments(id: string): Segment[] {
    return (this.q('SELECT * FROM segments WHERE conversation_id = ? ORDER BY idx').all(id) as StoreRow[]).map(rowToSegment);
  }

  setNormalizedTexts(id: string, texts: Array<{ index: number; normalizedText: string }>): void {
    const up = this.q('UPDATE segments SET normalized_text = ? WHERE conversation_id = ? AND idx = ?');
    this.db.transaction(() => {
      for (const t of texts) up.run(t.normalizedText, id, t.index);
    })();
  }

  setTranscript(id: string, index: number, text: string, confidence: number): void {
    this
      .q('UPDATE segments SET text = ?, confidence = ? WHERE conversation_id = ? AND idx = ?')
      .run(text, confidence, id, index);
  }

  replaceAnalysis(id: string, a: AnalysisRecord, now: number): void {
    const firstTurn = (ev: EvidenceRef[]) => (ev[0] ? String(ev[0].turn) : '-');
    const reviewed = (table: string) =>
      this.q(`SELECT * FROM ${table} WHERE conversation_id = ? AND review_state != 'pending'`).all(id) as StoreRow[];
    this.db.transaction(() => {
      // Reviewed rows stay as the reviewer saw them; a new finding for the same thing is not added beside them.
      const tagKeys = new Set<string>();
      for (const r of reviewed('tag_hits')) {
        tagKeys.add([r.family, r.tag, r.value].join('|'));
        if (r.corrected_value) tagKeys.add([r.family, r.tag, r.corrected_value].join('|'));
      }
      const compKeys = new Set(
        reviewed('compliance_hits').map((r) => [r.rule, firstTurn(parseJson(r.evidence, 'evidence'))].join('|')),
      );
      const kpKeys = new Set(reviewed('key_points').map((r) => String(r.point)));
      for (const t of ['tag_hits', 'compliance_hits', 'key_points']) {
        this.q(`DELETE FROM ${t} WHERE conversation_id = ? AND review_state = 'pending'`).run(id);
      }
      const insTag = this.q(
        `INSERT INTO tag_hits (conversation_id, family, tag, value, detail, confidence, rule_id, evidence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const t of a.tags) {
        if (tagKeys.has([t.family, t.tag, t.value].join('|'))) continue;
        insTag.run(id, t.family, t.tag, t.value, t.detail, t.confidence, t.ruleId, JSON.stringify(t.evidence));
      }
      const insComp = this.q(
        `INSERT INTO compliance_hits (conversation_id, rule, severity, rule_id, evidence) VALUES (?, ?, ?, ?, ?)`,
      );
      for (const c of a.compliance) {
        if (compKeys.has([c.rule, firstTurn(c.evidence)].join('|'))) continue;
        insComp.run(id, c.rule, c.severity, c.ruleId, JSON.stringify(c.evidence));
      }
      const insKp = this.q(
        `INSERT INTO key_points (conversation_id, point, applicable, raised, to_standard, evidence) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const k of a.keyPoints) {
        if (kpKeys.has(k.point)) continue;
        insKp.run(id, k.point, k.applicable ? 1 : 0, k.raised ? 1 : 0, k.toStandard ? 1 : 0, JSON.stringify(k.evidence));
      }
      this
        .q(
          `INSERT INTO summaries (conversation_id, rules_version, data, voc, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(conversation_id) DO UPDATE SET rules_version = excluded.rules_version, data = excluded.data,
           voc = excluded.voc, updated_at = excluded.updated_at`,
        )
        .run(id, a.rulesVersion, JSON.stringify(a.summary), JSON.stringify(a.voc), now);
      this.writeVocItems(id, a.voc);
    })();
  }

  review(kind: HitKind, hitId: number, review: Omit<Review, 'reviewedAt'>, now: number): { conversationId: string } | null {
    const table = HIT_TABLES[kind];
    const corrected = kind === 'tag' && review.state === 'confirmed' ? (review.correctedValue ?? null) : null;
    const r = (
      kind === 'tag'
        ? this
            .q(
              `UPDATE tag_hits SET review_state = ?, review_reason = ?, reviewer = ?, reviewed_at = ?, corrected_value = ?
               WHERE id = ? RETURNING conversation_id`,
            )
            .get(review.state, review.reason, review.reviewer, now, corrected, hitId)
        : this
            .q(
              `UPDATE ${table} SET review_state = ?, review_reason = ?, reviewer = ?, reviewed_at = ? WHERE id = ?
               RETURNING conversation_id`,
            )
            .get(review.state, review.reason, review.reviewer, now, hitId)
    ) as { conversation_id: string } | undefined;
    return r ? { conversationId: r.conversation_id } : null;
  }

  hitConversation(kind: HitKind, hitId: number): string | null {
    const r = this.q(`SELECT conversation_id FROM ${HIT_TABLES[kind]} WHERE id = ?`).get(hitId) as { conversation_id: string } | undefined;
    return r?.conversation_id ?? null;
  }

  // ---------- waveform peaks ----------

  setWaveformPeaks(id: string, peaks: WaveformPeaks): void {
    this.db.transaction(() => {
      this.q('DELETE FROM waveform_peaks WHERE conversation_id = ?').run(id);
      const ins = this.q('INSERT INTO waveform_peaks (conversation_id, per_second, duration_ms, data) VALUES (?, ?, ?, ?)');
      for (const l of peaks.levels) {
        ins.run(id, l.perSecond, peaks.durationMs, Buffer.from(l.data.buffer, l.data.byteOffset, l.data.byteLength));
      }
    })();
  }

  getWaveformPeaks(id: string): WaveformPeaks | null {
    const rows = this
      .q('SELECT per_second, duration_ms, data FROM waveform_peaks WHERE conversation_id = ? ORDER BY per_second DESC')
      .all(id) as Array<{ per_second: number; duration_ms: number; data: Buffer }>;
    return rowsToWaveformPeaks(id, rows);
  }

  // ---------- rule-set history ----------

  addRuleSetVersion(v: Omit<RuleSetVersionRecord, 'seq' | 'active'>): RuleSetVersionInfo {
    return this.db.transaction(() => {
      if (this.q('SELECT 1 FROM rule_set_versions WHERE version = ?').get(v.version)) {
        throw new PipelineError('CONFLICT', `rule set version ${v.version} already exists`);
      }
      const r = this
        .q(
          `INSERT INTO rule_set_versions (version, source, based_on, author, note, content_hash, document, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(v.version, v.source, v.basedOn, v.author, v.note, v.contentHash, JSON.stringify(v.document), v.createdAt) as StoreRow;
      return rowToRuleSetVersion(r);
    })();
  }

  listRuleSetVersions(): RuleSetVersionInfo[] {
    return (this.q('SELECT * FROM rule_set_versions ORDER BY seq DESC').all() as StoreRow[]).map(rowToRuleSetVersion);
  }

  getRuleSetVersion(version: string): RuleSetVersionRecord | null {
    const r = this.q('SELECT * FROM rule_set_versions WHERE version = ?').get(version) as StoreRow | undefined;
    return r ? { ...rowToRuleSetVersion(r), document: parseJson<Record<string, unknown>>(r.document, `rule set ${version}`) } : null;
  }

  findRuleSetVersionByHash(contentHash: string): RuleSetVersionInfo | null {
    const r = this.q('SELECT * FROM rule_set_versions WHERE content_hash = ? ORDER BY seq DESC LIMIT 1').get(contentHash) as
      | StoreRow
      | undefined;
    return r ? rowToRuleSetVersion(r) : null;
  }

  setActiveRuleSetVersion(version: string): void {
    this.db.transaction(() => {
      if (!this.q('SELECT 1 FROM rule_set_versions WHERE version = ?').get(version)) {
        throw new PipelineError('NOT_FOUND', `rule set version ${version}`);
      }
      this.q('UPDATE rule_set_versions SET active = (version = ?)').run(version);
    })();
  }

  getActiveRuleSetVersion(): RuleSetVersionInfo | null {
    const r = this.q('SELECT * FROM rule_set_versions WHERE active = 1').get() as StoreRow | undefined;
    return r ? rowToRuleSetVersion(r) : null;
  }

  // ---------- re-run jobs ----------

  createRerunJob(job: { id: string; filter: RollupFilter; rulesVersion: string; createdBy: string }, now: number): RerunJob {
    const { sql, params } = this.rollupWhere(job.filter);
    return this.db.transaction(() => {
      if (this.q('SELECT 1 FROM rerun_jobs WHERE id = ?').get(job.id)) throw new PipelineError('CONFLICT', `re-run job ${job.id} exists`);
      const items = this
        .q(
          `INSERT INTO rerun_job_items (job_id, conversation_id)
           SELECT @job, c.id FROM conversations c WHERE c.state = 'analyzed' ${sql}`,
        )
        .run({ ...params, job: job.id });
      const r = this
        .q(
          `INSERT INTO rerun_jobs (id, state, filter, rules_version, total, created_by, created_at, updated_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          job.id,
          items.changes === 0 ? 'done' : 'running',
          JSON.stringify(job.filter),
          job.rulesVersion,
          items.changes,
          job.createdBy,
          now,
          now,
          items.changes === 0 ? now : null,
        ) as StoreRow;
      return rowToRerunJob(r);
    })();
  }

  getRerunJob(id: string): RerunJob | null {
    const r = this.q('SELECT * FROM rerun_jobs WHERE id = ?').get(id) as StoreRow | undefined;
    return r ? rowToRerunJob(r) : null;
  }

  listRerunJobs(limit: number): RerunJob[] {
    return (this.q('SELECT * FROM rerun_jobs ORDER BY seq DESC LIMIT ?').all(limit) as StoreRow[]).map(rowToRerunJob);
  }

  runningRerunJobs(): RerunJob[] {
    return (this.q(`SELECT * FROM rerun_jobs WHERE state = 'running' ORDER BY seq`).all() as StoreRow[]).map(rowToRerunJob);
  }

  pendingRerunItems(jobId: string, limit: number): string[] {
    return (
      this
        .q(`SELECT conversation_id FROM rerun_job_items WHERE job_id = ? AND state = 'pending' ORDER BY conversation_id LIMIT ?`)
        .all(jobId, limit) as Array<{ conversation_id: string }>
    ).map((r) => r.conversation_id);
  }

  finishRerunItem(jobId: string, conversationId: string, error: { code: string; message: string } | null, now: number): void {
    this.db.transaction(() => {
      const changed = this
        .q(`UPDATE rerun_job_items SET state = ?, error = ? WHERE job_id = ? AND conversation_id = ? AND state = 'pending'`)
        .run(error ? 'failed' : 'done', error ? `${error.code}: ${error.message}` : null, jobId, conversationId).changes;
      if (changed === 0) return;
      if (error) {
        this
          .q('UPDATE rerun_jobs SET failed = failed + 1, last_error = ?, updated_at = ? WHERE id = ?')
          .run(`${conversationId}: ${error.code}: ${error.message}`, now, jobId);
      } else {
        this.q('UPDATE rerun_jobs SET done = done + 1, updated_at = ? WHERE id = ?').run(now, jobId);
      }
    })();
  }

  endRerunJob(jobId: string, state: 'done' | 'cancelled', now: number): RerunJob | null {
    return this.db.transaction(() => {
      this
        .q(`UPDATE rerun_jobs SET state = ?, finished_at = ?, updated_at = ? WHERE id = ? AND state = 'running'`)
        .run(state, now, now, jobId);
      return this.getRerunJob(jobId);
    })();
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
      for (const r of this
        .q('SELECT DISTINCT customer_id FROM profile_observations WHERE conversation_id = ?')
        .all(conversationId) as Array<{ customer_id: string }>) {
        affected.add(r.customer_id);
      }
      this.q('DELETE FROM profile_observations WHERE conversation_id = ?').run(conversationId);
      const ins = this.q(
        `INSERT INTO profile_observations (customer_id, conversation_id, channel, family, tag, value, detail, multi, observed_at, quote)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const o of obs) {
        ins.run(customerId, conversationId, conv.channel, o.family, o.tag, o.value, o.detail, o.multi ? 1 : 0, conv.startedAt, o.quote);
      }
      for (const c of affected) this.recomputeCurrent(c);
    })();
  }

  /** Latest value wins: per single-value tag the newest observation; per multi tag the newest observation of each value. */
  private recomputeCurrent(customerId: string): void {
    const rows = this
      .q('SELECT id, family, tag, value, multi FROM profile_observations WHERE customer_id = ? ORDER BY observed_at DESC, id DESC')
      .all(customerId) as Array<{ id: number; family: string; tag: string; value: string; multi: number }>;
    const seen = new Set<string>();
    const current: number[] = [];
    for (const r of rows) {
      const key = r.multi ? `${r.family}|${r.tag}|${r.value}` : `${r.family}|${r.tag}`;
      if (seen.has(key)) continue;
      seen.add(key);
      current.push(r.id);
    }
    this.q('UPDATE profile_observations SET current = 0 WHERE customer_id = ?').run(customerId);
    const set = this.q('UPDATE profile_observations SET current = 1 WHERE id = ?');
    for (const id of current) set.run(id);
  }

  getProfile(customerId: string): CustomerProfile | null {
    const customer = this.getCustomer(customerId);
    if (!customer) return null;
    const history = (
      this
        .q('SELECT * FROM profile_observations WHERE customer_id = ? ORDER BY observed_at DESC, id DESC')
        .all(customerId) as StoreRow[]
    ).map(rowToProfileObservation);
    return { customer, current: history.filter((h) => h.current), history };
  }

  findCustomersByTags(tags: Array<{ family: string; tag: string; value?: string }>, limit: number): Customer[] {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const t of tags) {
      where.push(
        `EXISTS (SELECT 1 FROM profile_observations p WHERE p.customer_id = c.id AND p.current = 1 AND p.family = ? AND p.tag = ?${
          t.value ? ' AND p.value = ?' : ''
        })`,
      );
      params.push(t.family, t.tag);
      if (t.value) params.push(t.value);
    }
    params.push(limit);
    const sql = `SELECT * FROM customers c ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.id LIMIT ?`;
    return (this.q(sql).all(...params) as StoreRow[]).map(rowToCustomer);
  }

  // ---------- search ----------

  indexTranscript(id: string, doc: { words: string; pinyin: string }): void {
    const r = this.q('SELECT seq FROM conversations WHERE id = ?').get(id) as { seq: number } | undefined;
    if (!r) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
    this.db.transaction(() => {
      this.q('DELETE FROM transcript_fts WHERE rowid = ?').run(r.seq);
      this.q('INSERT INTO transcript_fts (rowid, words, pinyin) VALUES (?, ?, ?)').run(r.seq, doc.words, doc.pinyin);
    })();
  }

  // ---------- roll-ups ----------

  /** Conditions on the conversation scope; `a` is the alias of a table that has the scope columns (conversations, or the roll-up tables' copies). */
  private rollupWhere(f: RollupFilter, a = 'c'): { sql: string; params: Record<string, unknown> } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (cond: string, key: string, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      where.push(cond);
      params[key] = value;
    };
    add(`${a}.started_at >= @from`, 'from', f.from);
    add(`${a}.started_at < @to`, 'to', f.to);
    add(`${a}.channel = @channel`, 'channel', f.channel);
    add(`${a}.branch_id = @branch`, 'branch', f.branchId);
    add(`${a}.team_id = @team`, 'team', f.teamId);
    add(`${a}.staff_id = @staff`, 'staff', f.staffId);
    return { sql: where.length ? 'AND ' + where.join(' AND ') : '', params };
  }

  private groupColumn(d: RollupDimension, a = 'c'): string {
    return d === 'staff' ? `${a}.staff_id` : d === 'team' ? `${a}.team_id` : d === 'branch' ? `${a}.branch_id` : "'all'";
  }

  // Key points and compliance hits carry their conversation's scope (time, channel, staff, team, branch; kept by
  // triggers), so the roll-ups read one covering index and never join the conversations.
  keyPointCounts(dimension: RollupDimension, filter: RollupFilter): KeyPointCounts[] {
    const { sql, params } = this.rollupWhere(filter, 'k');
    const g = this.groupColumn(dimension, 'k');
    return this
      .q(
        `SELECT k.point AS point, ${g} AS grp, SUM(k.applicable) AS applicable,
           SUM(k.applicable AND k.raised) AS raised, SUM(k.applicable AND k.to_standard) AS to_standard
         FROM key_points k
         WHERE k.review_state != 'dismissed' ${sql}
         GROUP BY k.point, grp ORDER BY k.point, grp`,
      )
      .all(params)
      .map((r) => rowToKeyPointCounts(r as StoreRow));
  }

  complianceCounts(dimension: RollupDimension, filter: RollupFilter): ComplianceCounts[] {
    const { sql, params } = this.rollupWhere(filter, 'h');
    const g = this.groupColumn(dimension, 'h');
    return this
      .q(
        `SELECT h.rule AS rule, h.severity AS severity, ${g} AS grp,
           SUM(h.review_state != 'dismissed') AS hits,
           COUNT(DISTINCT CASE WHEN h.review_state != 'dismissed' THEN h.conversation_id END) AS conversations,
           SUM(h.review_state = 'confirmed') AS confirmed, SUM(h.review_state = 'dismissed') AS dismissed
         FROM compliance_hits h
         WHERE 1 = 1 ${sql}
         GROUP BY h.rule, h.severity, grp ORDER BY h.rule, grp`,
      )
      .all(params)
      .map((r) => rowToComplianceCounts(r as StoreRow));
  }

  overview(filter: RollupFilter): Overview {
    const { sql, params } = this.rollupWhere(filter);
    const WEEK = 7 * 86_400_000;
    // Unix epoch was a Thursday: shift by 3 days so weeks start on Monday.
    const MONDAY_SHIFT = 3 * 86_400_000;
    const total = this
      .q(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT c.customer_id) AS customers, AVG(c.duration_ms) AS avg
         FROM conversations c WHERE 1 = 1 ${sql}`,
      )
      .get(params) as { n: number; customers: number; avg: number | null };
    const weeks = this
      .q(
        `SELECT ((c.started_at + ${MONDAY_SHIFT}) / ${WEEK}) * ${WEEK} - ${MONDAY_SHIFT} AS week, COUNT(*) AS n,
           COUNT(DISTINCT c.customer_id) AS customers, AVG(c.duration_ms) AS avg
         FROM conversations c WHERE 1 = 1 ${sql} GROUP BY week ORDER BY week`,
      )
      .all(params) as Array<{ week: number; n: number; customers: number; avg: number | null }>;
    return rowsToOverview(total, weeks);
  }

  vocItems(filter: RollupFilter & { kind?: string }, limit: number): VocEntry[] {
    const { sql, params } = this.rollupWhere(filter);
    const kindSql = filter.kind ? `AND json_extract(v.value, '$.kind') = @kind` : '';
    if (filter.kind) params.kind = filter.kind;
    params.limit = limit;
    return (
      this
        .q(
          `SELECT c.id AS id, c.started_at AS startedAt, json_extract(v.value, '$.kind') AS kind,
             json_extract(v.value, '$.text') AS text, json_extract(v.value, '$.evidence') AS evidence
           FROM conversations c JOIN summaries s ON s.conversation_id = c.id, json_each(s.voc) v
           WHERE 1 = 1 ${sql} ${kindSql}
           ORDER BY c.started_at DESC, c.seq DESC LIMIT @limit`,
        )
        .all(params) as Array<{ id: string; startedAt: number; kind: string; text: string; evidence: string | null }>
    ).map((r) => ({
      conversationId: r.id,
      startedAt: r.startedAt,
      kind: r.kind,
      text: r.text,
      evidence: r.evidence ? parseJson(r.evidence, 'voc evidence') : null,
    }));
  }

  // ---------- dashboards ----------

  /** One row per VoC item (kind and text required; evidence optional), in the analysis' order. */
  private writeVocItems(id: string, voc: unknown[]): void {
    this.q('DELETE FROM voc_items WHERE conversation_id = ?').run(id);
    const ins = this.q(
      `INSERT INTO voc_items (conversation_id, ord, kind, text, segment, quote, start_ms, evidence,
         started_at, conv_seq, channel, staff_id, team_id, branch_id)
       SELECT @id, @ord, @kind, @text, @segment, @quote, @startMs, @evidence, c.started_at, c.seq, c.channel, c.staff_id, c.team_id, c.branch_id
       FROM conversations c WHERE c.id = @id`,
    );
    voc.forEach((item, ord) => {
      if (typeof item !== 'object' || item === null) return;
      const v = item as { kind?: unknown; text?: unknown; evidence?: unknown };
      if (typeof v.kind !== 'string') return;
      const ev = (typeof v.evidence === 'object' && v.evidence !== null ? v.evidence : null) as Partial<EvidenceRef> | null;
      ins.run({
        id,
        ord,
        kind: v.kind,
        text: typeof v.text === 'string' ? v.text : '',
        segment: typeof ev?.turn === 'number' ? ev.turn : null,
        quote: typeof ev?.quote === 'string' ? ev.quote : null,
        startMs: typeof ev?.startMs === 'number' ? ev.startMs : null,
        evidence: ev ? JSON.stringify(ev) : null,
      });
    });
  }

  /**
   * SQL for the start (epoch ms) of the bucket holding c.started_at, in local time UTC + @off ms.
   * The epoch was a Thursday: +3 days makes weeks start on Monday.
   */
  private bucketSql(interval: TrendInterval, a = 'c'): string {
    const local = `(${a}.started_at + CAST(@off AS INTEGER))`;
    if (interval === 'day') return `((${local} / 86400000) * 86400000 - CAST(@off AS INTEGER))`;
    if (interval === 'week') return `(((${local} + 259200000) / 604800000) * 604800000 - 259200000 - CAST(@off AS INTEGER))`;
    return `(CAST(strftime('%s', ${local} / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - CAST(@off AS INTEGER))`;
  }

  private trendWhere(f: TrendFilter, a = 'c'): { sql: string; params: Record<string, unknown> } {
    const off = f.utcOffsetMinutes ?? 0;
    if (!Number.isInteger(off) || Math.abs(off) > 14 * 60) throw new PipelineError('BAD_REQUEST', 'utcOffsetMinutes must be an integer within ±840');
    const w = this.rollupWhere(f, a);
    return { sql: w.sql, params: { ...w.params, off: off * 60_000 } };
  }

  keyPointTrend(interval: TrendInterval, dimension: RollupDimension, filter: TrendFilter & { point?: string }): KeyPointTrendRow[] {
    const { sql, params } = this.trendWhere(filter, 'k');
    let pointSql = '';
    if (filter.point) {
      pointSql = 'AND k.point = @point';
      params.point = filter.point;
    }
    const g = this.groupColumn(dimension, 'k');
    return (
      this
        .q(
          `SELECT ${this.bucketSql(interval, 'k')} AS bucket, k.point AS point, ${g} AS grp, SUM(k.applicable) AS applicable,
             SUM(k.applicable AND k.raised) AS raised, SUM(k.applicable AND k.to_standard) AS to_standard
           FROM key_points k
           WHERE k.review_state != 'dismissed' ${pointSql} ${sql}
           GROUP BY bucket, k.point, grp ORDER BY bucket, k.point, grp`,
        )
        .all(params) as StoreRow[]
    ).map(rowToKeyPointTrendRow);
  }

  complianceTrend(
    interval: TrendInterval,
    dimension: RollupDimension,
    filter: TrendFilter & { rule?: string; severity?: string },
  ): ComplianceTrendRow[] {
    const { sql, params } = this.trendWhere(filter, 'h');
    let hitSql = '';
    if (filter.rule) {
      hitSql += ' AND h.rule = @rule';
      params.rule = filter.rule;
    }
    if (filter.severity) {
      hitSql += ' AND h.severity = @severity';
      params.severity = filter.severity;
    }
    const g = this.groupColumn(dimension, 'h');
    return (
      this
        .q(
          `SELECT ${this.bucketSql(interval, 'h')} AS bucket, h.rule AS rule, h.severity AS severity, ${g} AS grp,
             SUM(h.review_state != 'dismissed') AS hits,
             COUNT(DISTINCT CASE WHEN h.review_state != 'dismissed' THEN h.conversation_id END) AS conversations,
             SUM(h.review_state = 'confirmed') AS confirmed, SUM(h.review_state = 'dismissed') AS dismissed
           FROM compliance_hits h
           WHERE 1 = 1 ${hitSql} ${sql}
           GROUP BY bucket, h.rule, h.severity, grp ORDER BY bucket, h.rule, grp`,
        )
        .all(params) as StoreRow[]
    ).map(rowToComplianceTrendRow);
  }

  conversationTrend(interval: TrendInterval, filter: TrendFilter): ConversationTrendRow[] {
    const { sql, params } = this.trendWhere(filter);
    return (
      this
        .q(
          `SELECT ${this.bucketSql(interval)} AS bucket, c.channel AS channel, COUNT(*) AS n,
             COUNT(DISTINCT c.customer_id) AS customers, AVG(c.duration_ms) AS avg
           FROM conversations c WHERE 1 = 1 ${sql}
           GROUP BY bucket, c.channel ORDER BY bucket, c.channel`,
        )
        .all(params) as StoreRow[]
    ).map(rowToConversationTrendRow);
  }

  vocPage(
    filter: RollupFilter & { kind?: string },
    page: { limit: number; cursor?: string | null },
  ): { items: VocListItem[]; nextCursor: string | null } {
    const { sql, params } = this.rollupWhere(filter, 'v');
    let extra = '';
    if (filter.kind) {
      extra += ' AND v.kind = @kind';
      params.kind = filter.kind;
    }
    if (page.cursor) {
      const c = decodeVocCursor(page.cursor);
      extra += ` AND (v.started_at < @cStart OR (v.started_at = @cStart AND (v.conv_seq < @cSeq OR (v.conv_seq = @cSeq AND v.ord > @cOrd))))`;
      params.cStart = c.startedAt;
      params.cSeq = c.seq;
      params.cOrd = c.ord;
    }
    params.limit = page.limit + 1;
    const rows = this
      .q(
        `SELECT c.id AS id, c.seq AS seq, c.started_at AS started_at, c.channel AS channel, c.staff_id AS staff_id,
           c.customer_id AS customer_id, v.ord AS ord, v.kind AS kind, v.text AS text, v.segment AS segment, v.quote AS quote,
           v.start_ms AS start_ms, v.evidence AS evidence
         FROM voc_items v JOIN conversations c ON c.id = v.conversation_id
         WHERE 1 = 1 ${sql} ${extra}
         ORDER BY v.started_at DESC, v.conv_seq DESC, v.ord ASC LIMIT @limit`,
      )
      .all(params) as StoreRow[];
    return rowsToPage(rows, page.limit, rowToVocListItem, encodeVocCursor);
  }

  vocCounts(filter: RollupFilter): VocKindCount[] {
    const { sql, params } = this.rollupWhere(filter, 'v');
    return (
      this
        .q(
          `SELECT v.kind AS kind, COUNT(*) AS items, COUNT(DISTINCT v.conversation_id) AS conversations
           FROM voc_items v
           WHERE 1 = 1 ${sql} GROUP BY v.kind ORDER BY v.kind`,
        )
        .all(params) as StoreRow[]
    ).map(rowToVocKindCount);
  }

  /**
   * The customer ids matching every tag condition, in id order: driven by one condition through the
   * (family, tag, value, current, customer_id) index, the others checked per customer through the
   * partial index of current values.
   */
  private customerMatchSql(tags: TagCondition[]): { sql: string; params: unknown[] } {
    if (tags.length === 0) return { sql: 'SELECT c.id AS customer_id FROM customers c WHERE c.id > ?', params: [] };
    const driverAt = Math.max(0, tags.findIndex((t) => t.value !== undefined));
    const driver = tags[driverAt]!;
    const params: unknown[] = [driver.family, driver.tag];
    let sql = `SELECT DISTINCT p.customer_id AS customer_id FROM profile_observations p
      WHERE p.family = ? AND p.tag = ?${driver.value !== undefined ? ' AND p.value = ?' : ''} AND p.current = 1`;
    if (driver.value !== undefined) params.push(driver.value);
    tags.forEach((t, i) => {
      if (i === driverAt) return;
      sql += ` AND EXISTS (SELECT 1 FROM profile_observations o WHERE o.customer_id = p.customer_id AND o.family = ? AND o.tag = ?${
        t.value !== undefined ? ' AND o.value = ?' : ''
      } AND o.current = 1)`;
      params.push(t.family, t.tag);
      if (t.value !== undefined) params.push(t.value);
    });
    return { sql: sql + ' AND p.customer_id > ?', params };
  }

  customersByTags(tags: TagCondition[], page: { limit: number; cursor?: string | null }): CustomerListingPage {
    const after = page.cursor ? decodeCustomerCursor(page.cursor) : '';
    const m = this.customerMatchSql(tags);
    const ids = (
      this.q(`${m.sql} ORDER BY customer_id LIMIT ?`).all(...m.params, after, page.limit + 1) as Array<{ customer_id: string }>
    ).map((r) => r.customer_id);
    const more = ids.length > page.limit;
    const pageIds = ids.slice(0, page.limit);
    // Three set queries per page (not three per customer): an export walks every page.
    const idList = JSON.stringify(pageIds);
    const customers = new Map(
      (this.q('SELECT * FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(idList) as StoreRow[]).map((r) => [r.id as string, rowToCustomer(r)]),
    );
    const current = new Map<string, Array<{ family: string; tag: string; value: string }>>();
    for (const r of this
      .q(
        `SELECT customer_id, family, tag, value FROM profile_observations
         WHERE customer_id IN (SELECT value FROM json_each(?)) AND current = 1 ORDER BY customer_id, family, tag, value`,
      )
      .all(idList) as Array<{ customer_id: string; family: string; tag: string; value: string }>) {
      const list = current.get(r.customer_id) ?? [];
      list.push({ family: r.family, tag: r.tag, value: r.value });
      current.set(r.customer_id, list);
    }
    const stats = new Map(
      (
        this
          .q(
            `SELECT customer_id, COUNT(*) AS n, MAX(started_at) AS last, GROUP_CONCAT(DISTINCT channel) AS channels
             FROM conversations WHERE customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`,
          )
          .all(idList) as Array<{ customer_id: string; n: number; last: number | null; channels: string | null }>
      ).map((r) => [r.customer_id, r]),
    );
    const items = [];
    for (const id of pageIds) {
      const customer = customers.get(id);
      if (!customer) continue; // observations of a customer row that is gone: nothing to list
      const st = stats.get(id);
      items.push({
        ...customer,
        current: current.get(id) ?? [],
        conversations: st?.n ?? 0,
        lastConversationAt: st?.last ?? null,
        channels: (st?.channels ? st.channels.split(',').sort() : []) as Channel[],
      });
    }
    const last = pageIds[pageIds.length - 1];
    return { items, nextCursor: more && last ? encodeCustomerCursor(last) : null };
  }

  countCustomersByTags(tags: TagCondition[]): number {
    const m = this.customerMatchSql(tags);
    return (this.q(`SELECT COUNT(*) AS n FROM (${m.sql})`).get(...m.params, '') as { n: number }).n;
  }

  profileSources(customerId: string): ProfileSource[] {
    return (
      this
        .q(
          `SELECT p.*, (SELECT t.evidence FROM tag_hits t
              WHERE t.family = p.family AND t.tag = p.tag AND t.value = p.value AND t.conversation_id = p.conversation_id
                AND json_extract(t.evidence, '$[0].quote') = p.quote
              ORDER BY t.id LIMIT 1) AS hit_evidence
           FROM profile_observations p WHERE p.customer_id = ? ORDER BY p.observed_at DESC, p.id DESC`,
        )
        .all(customerId) as StoreRow[]
    ).map(rowToProfileSource);
  }

  conversationDigests(ids: string[]): ConversationDigest[] {
    const out: ConversationDigest[] = [];
    const order = ['critical', 'high', 'medium', 'low'] as const;
    for (const id of ids) {
      if (!this.stmts.convById!.get(id)) continue;
      const tags = (this.q(`SELECT COUNT(*) AS n FROM tag_hits WHERE conversation_id = ? AND review_state != 'dismissed'`).get(id) as { n: number }).n;
      const sev = this
        .q(`SELECT severity, COUNT(*) AS n FROM compliance_hits WHERE conversation_id = ? AND review_state != 'dismissed' GROUP BY severity`)
        .all(id) as Array<{ severity: string; n: number }>;
      const s = this.q('SELECT data FROM summaries WHERE conversation_id = ?').get(id) as { data: string } | undefined;
      out.push({
        conversationId: id,
        tags,
        complianceHits: sev.reduce((a, r) => a + r.n, 0),
        worstSeverity: order.find((o) => sev.some((r) => r.severity === o)) ?? null,
        summary: s ? parseJson<Record<string, unknown>>(s.data, 'summary') : null,
      });
    }
    return out;
  }
  // ---------- end of dashboards ----------
}
