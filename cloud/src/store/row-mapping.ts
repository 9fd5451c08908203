/**
 * Rows read back from either SQL backend (SQLite, PostgreSQL) into the
 * model's objects: one mapping per object, so both stores read a column the
 * same way and a new column is mapped once. Also the codecs of what such rows
 * carry: JSON text columns and the opaque keyset cursors built from them.
 *
 * Each backend keeps its SQL; the queries alias their columns to the names
 * read here (snake_case, as in the schema).
 */
import type { WaveformPeaks } from '../audio/peaks.js';
import { PipelineError } from '../errors.js';
import {
  STAGES,
  type Channel,
  type ComplianceFinding,
  type Conversation,
  type ConversationState,
  type EvidenceRef,
  type KeyPointFinding,
  type Review,
  type Segment,
  type StageName,
  type StageStatus,
  type TagHit,
} from '../model/conversation.js';
import type { Branch, Customer, ProfileObservation, Staff, Team } from '../model/directory.js';
import type {
  ComplianceCounts,
  ComplianceTrendRow,
  ConversationTrendRow,
  KeyPointCounts,
  KeyPointTrendRow,
  Overview,
  ProfileSource,
  RerunJob,
  RerunJobState,
  RollupFilter,
  RuleSetVersionInfo,
  VocKindCount,
  VocListItem,
  Voiceprint,
} from './conversation-store.js';

/** A row as either backend returns it: column name → value. */
export type StoreRow = Record<string, unknown>;

/** A boolean column of either backend: PostgreSQL returns true/false, SQLite 1/0. */
export function flag(v: unknown): boolean {
  return v === true || v === 1;
}

/** Parses a JSON text column; `what` names it in the STORE_CORRUPT error when it is not JSON. */
export function parseJson<T>(text: unknown, what: string): T {
  try {
    return JSON.parse(String(text)) as T;
  } catch (err) {
    throw new PipelineError('STORE_CORRUPT', `${what} is not valid JSON`, { cause: err });
  }
}

/** Value of a stage row's `ord` column: the stage's position in the pipeline. */
export const STAGE_ORD = new Map<StageName, number>(STAGES.map((s, i) => [s, i]));

// ---------- keyset cursors ----------

/** Cursor of the conversation list after the conversation started at `startedAt` with row number `seq`. */
export function encodeCursor(startedAt: number, seq: number): string {
  return Buffer.from(`${startedAt}:${seq}`).toString('base64url');
}

/** The position an encodeCursor cursor holds (BAD_REQUEST when it is not one). */
export function decodeCursor(cursor: string): { startedAt: number; seq: number } {
  const m = /^(-?\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new PipelineError('BAD_REQUEST', 'cursor is not valid');
  return { startedAt: Number(m[1]), seq: Number(m[2]) };
}

/** Cursor of the VoC list after a row with started_at, seq (the conversation's) and ord (the item's) columns. */
export function encodeVocCursor(r: StoreRow): string {
  return Buffer.from(`${String(r.started_at)}:${String(r.seq)}:${String(r.ord)}`).toString('base64url');
}

/** The position an encodeVocCursor cursor holds (BAD_REQUEST when it is not one). */
export function decodeVocCursor(cursor: string): { startedAt: number; seq: number; ord: number } {
  const m = /^(-?\d+):(\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new PipelineError('BAD_REQUEST', 'cursor is not valid');
  return { startedAt: Number(m[1]), seq: Number(m[2]), ord: Number(m[3]) };
}

/** Cursor of the customer list after the customer with id `id`. */
export function encodeCustomerCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

/** The customer id an encodeCustomerCursor cursor holds (BAD_REQUEST when it is not one). */
export function decodeCustomerCursor(cursor: string): string {
  const after = Buffer.from(cursor, 'base64url').toString();
  if (!after || Buffer.from(after).toString('base64url') !== cursor) throw new PipelineError('BAD_REQUEST', 'cursor is not valid');
  return after;
}

/** One keyset page from rows read with LIMIT limit + 1: the first `limit` as items, and the cursor after the last of them when a row was left over. */
export function rowsToPage<T>(
  rows: StoreRow[],
  limit: number,
  toItem: (r: StoreRow) => T,
  cursorAfter: (last: StoreRow) => string,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => toItem(r)), nextCursor: more && last ? cursorAfter(last) : null };
}

// ---------- directory ----------

/** A branches row. */
export function rowToBranch(r: StoreRow): Branch {
  return { id: r.id as string, name: r.name as string | null };
}

/** A teams row. */
export function rowToTeam(r: StoreRow): Team {
  return { id: r.id as string, name: r.name as string | null, branchId: r.branch_id as string | null };
}

/** A staff row. */
export function rowToStaff(r: StoreRow): Staff {
  return { id: r.id as string, name: r.name as string | null, teamId: r.team_id as string | null, branchId: r.branch_id as string | null };
}

/** A customers row. */
export function rowToCustomer(r: StoreRow): Customer {
  return { id: r.id as string, phone: r.phone as string | null, name: r.name as string | null, createdAt: r.created_at as number };
}

/** A voiceprints row; the embedding blob (Buffer from SQLite, Uint8Array from pg) holds `dim` little-endian float32s. */
export function rowToVoiceprint(r: StoreRow): Voiceprint {
  const staffId = r.staff_id as string;
  const raw = r.embedding as Uint8Array;
  const blob = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const dim = r.dim as number;
  if (blob.length !== dim * 4) throw new PipelineError('STORE_CORRUPT', `voiceprint of ${staffId} has ${blob.length} bytes for ${dim} dims`);
  const embedding = new Float32Array(dim);
  for (let i = 0; i < dim; i++) embedding[i] = blob.readFloatLE(i * 4);
  return { staffId, embedding, speechMs: r.speech_ms as number, model: r.model as string, createdAt: r.created_at as number };
}

// ---------- conversations ----------

/** A conversations row. */
export function rowToConversation(r: StoreRow): Conversation {
  return {
    id: r.id as string,
    channel: r.channel as Conversation['channel'],
    source: parseJson(r.source, 'conversation source'),
    staffId: r.staff_id as string | null,
    teamId: r.team_id as string | null,
    branchId: r.branch_id as string | null,
    customerId: r.customer_id as string | null,
    startedAt: r.started_at as number,
    endedAt: r.ended_at as number,
    durationMs: r.duration_ms as number | null,
    audioPath: r.audio_path as string | null,
    audioFormat: r.audio_format as Conversation['audioFormat'],
    transcriptSource: r.transcript_source as Conversation['transcriptSource'],
    gaps: parseJson(r.gaps, 'conversation gaps'),
    state: r.state as ConversationState,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  };
}

/** A stages row. */
export function rowToStageStatus(r: StoreRow): StageStatus {
  return {
    stage: r.stage as StageName,
    state: r.state as StageStatus['state'],
    attempts: r.attempts as number,
    errorCode: r.error_code as string | null,
    error: r.error as string | null,
    nextAttemptAt: r.next_attempt_at as number | null,
    updatedAt: r.updated_at as number,
  };
}

/** A segments row. */
export function rowToSegment(r: StoreRow): Segment {
  return {
    index: r.idx as number,
    startMs: r.start_ms as number | null,
    endMs: r.end_ms as number | null,
    role: r.role as Segment['role'],
    channel: r.channel as number,
    text: r.text as string,
    normalizedText: r.normalized_text as string | null,
    confidence: r.confidence as number | null,
    levelDb: r.level_db as number | null,
  };
}

/** The waveform_peaks rows of conversation `id`, finest level first (null when there are none). */
export function rowsToWaveformPeaks(
  id: string,
  rows: ReadonlyArray<{ per_second: number; duration_ms: number; data: Uint8Array }>,
): WaveformPeaks | null {
  const first = rows[0];
  if (!first) return null;
  return {
    durationMs: first.duration_ms,
    levels: rows.map((r) => {
      if (r.data.length % 2 !== 0) throw new PipelineError('STORE_CORRUPT', `waveform peaks of ${id} have an odd length`);
      // copy: the blob may be a view into a pooled allocation
      return { perSecond: r.per_second, data: new Int8Array(Uint8Array.from(r.data).buffer) };
    }),
  };
}

// ---------- findings ----------

/** The review columns of a tag_hits, compliance_hits or key_points row. */
export function rowToReview(r: StoreRow): Review {
  const review: Review = {
    state: r.review_state as Review['state'],
    reason: (r.review_reason as string | null) ?? null,
    reviewer: (r.reviewer as string | null) ?? null,
    reviewedAt: (r.reviewed_at as number | null) ?? null,
  };
  // only tag hits can be corrected
  if ('corrected_value' in r) review.correctedValue = (r.corrected_value as string | null) ?? null;
  return review;
}

/** A tag_hits row. */
export function rowToTagHit(r: StoreRow): TagHit {
  return {
    id: r.id as number,
    family: r.family as string,
    tag: r.tag as string,
    value: r.value as string,
    detail: r.detail as string | null,
    confidence: r.confidence as number,
    ruleId: r.rule_id as string,
    evidence: parseJson<EvidenceRef[]>(r.evidence, 'evidence'),
    review: rowToReview(r),
  };
}

/** A compliance_hits row. */
export function rowToComplianceFinding(r: StoreRow): ComplianceFinding {
  return {
    id: r.id as number,
    rule: r.rule as string,
    severity: r.severity as ComplianceFinding['severity'],
    ruleId: r.rule_id as string,
    evidence: parseJson<EvidenceRef[]>(r.evidence, 'evidence'),
    review: rowToReview(r),
  };
}

/** A key_points row. */
export function rowToKeyPointFinding(r: StoreRow): KeyPointFinding {
  return {
    id: r.id as number,
    point: r.point as string,
    applicable: flag(r.applicable),
    raised: flag(r.raised),
    toStandard: flag(r.to_standard),
    evidence: parseJson<EvidenceRef[]>(r.evidence, 'evidence'),
    review: rowToReview(r),
  };
}

// ---------- rule-set history and re-run jobs ----------

/** A rule_set_versions row without its document. */
export function rowToRuleSetVersion(r: StoreRow): RuleSetVersionInfo {
  return {
    version: r.version as string,
    seq: r.seq as number,
    source: r.source as RuleSetVersionInfo['source'],
    basedOn: (r.based_on as string | null) ?? null,
    author: r.author as string,
    note: (r.note as string | null) ?? null,
    contentHash: r.content_hash as string,
    createdAt: r.created_at as number,
    active: flag(r.active),
  };
}

/** A rerun_jobs row. */
export function rowToRerunJob(r: StoreRow): RerunJob {
  return {
    id: r.id as string,
    state: r.state as RerunJobState,
    filter: parseJson<RollupFilter>(r.filter, 'rerun job filter'),
    rulesVersion: r.rules_version as string,
    total: r.total as number,
    done: r.done as number,
    failed: r.failed as number,
    createdBy: r.created_by as string,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    finishedAt: (r.finished_at as number | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
  };
}

// ---------- profile ----------

/** A profile_observations row. */
export function rowToProfileObservation(r: StoreRow): ProfileObservation {
  return {
    family: r.family as string,
    tag: r.tag as string,
    value: r.value as string,
    detail: r.detail as string | null,
    conversationId: r.conversation_id as string,
    channel: r.channel as string,
    observedAt: r.observed_at as number,
    quote: r.quote as string,
    current: flag(r.current),
  };
}

/** A profile_observations row with `hit_evidence`, the evidence JSON of the tag hit it came from (or null). */
export function rowToProfileSource(r: StoreRow): ProfileSource {
  const ev = r.hit_evidence ? parseJson<EvidenceRef[]>(r.hit_evidence, 'evidence')[0] : undefined;
  return { ...rowToProfileObservation(r), segment: ev?.turn ?? null, startMs: ev?.startMs ?? null };
}

// ---------- roll-ups and dashboards ----------

/** A key-point roll-up row: point, grp and the applicable, raised and to_standard counts. */
export function rowToKeyPointCounts(r: StoreRow): KeyPointCounts {
  return {
    point: r.point as string,
    group: r.grp as string | null,
    applicable: Number(r.applicable),
    raised: Number(r.raised),
    toStandard: Number(r.to_standard),
  };
}

/** A compliance roll-up row: rule, severity, grp and the hits, conversations, confirmed and dismissed counts. */
export function rowToComplianceCounts(r: StoreRow): ComplianceCounts {
  return {
    rule: r.rule as string,
    severity: r.severity as string,
    group: r.grp as string | null,
    hits: Number(r.hits),
    conversations: Number(r.conversations),
    confirmed: Number(r.confirmed),
    dismissed: Number(r.dismissed),
  };
}

/** A key-point trend row: a key-point roll-up row with its bucket. */
export function rowToKeyPointTrendRow(r: StoreRow): KeyPointTrendRow {
  return { bucket: Number(r.bucket), ...rowToKeyPointCounts(r) };
}

/** A compliance trend row: a compliance roll-up row with its bucket. */
export function rowToComplianceTrendRow(r: StoreRow): ComplianceTrendRow {
  return { bucket: Number(r.bucket), ...rowToComplianceCounts(r) };
}

/** A conversation trend row: bucket, channel, n, customers and avg (duration). */
export function rowToConversationTrendRow(r: StoreRow): ConversationTrendRow {
  return {
    bucket: Number(r.bucket),
    channel: r.channel as Channel,
    conversations: Number(r.n),
    customers: Number(r.customers),
    avgDurationMs: r.avg === null ? null : Math.round(Number(r.avg)),
  };
}

/** The overview from its total row and its rows per week (n, customers, avg duration; week: the week's start). */
export function rowsToOverview(
  total: { n: number; customers: number; avg: number | null },
  weeks: ReadonlyArray<{ week: number; n: number; customers: number; avg: number | null }>,
): Overview {
  return {
    conversations: total.n,
    customers: total.customers,
    avgDurationMs: total.avg === null ? null : Math.round(total.avg),
    byWeek: weeks.map((w) => ({
      weekStart: Number(w.week),
      conversations: w.n,
      customers: w.customers,
      avgDurationMs: w.avg === null ? null : Math.round(w.avg),
    })),
  };
}

/** A voc_items row joined with its conversation (id, started_at, channel, staff_id, customer_id). */
export function rowToVocListItem(r: StoreRow): VocListItem {
  return {
    conversationId: r.id as string,
    startedAt: r.started_at as number,
    kind: r.kind as string,
    text: r.text as string,
    evidence: r.evidence ? parseJson(r.evidence, 'voc evidence') : null,
    ord: r.ord as number,
    channel: r.channel as Channel,
    staffId: r.staff_id as string | null,
    customerId: r.customer_id as string | null,
    segment: r.segment as number | null,
    quote: r.quote as string | null,
    startMs: r.start_ms as number | null,
  };
}

/** A VoC count row: kind, items, conversations. */
export function rowToVocKindCount(r: StoreRow): VocKindCount {
  return { kind: r.kind as string, items: Number(r.items), conversations: Number(r.conversations) };
}
