import type {
  AudioGap,
  Channel,
  ComplianceFinding,
  Conversation,
  ConversationDetail,
  ConversationState,
  EvidenceRef,
  KeyPointFinding,
  Review,
  ReviewState,
  Segment,
  StageName,
  StageStatus,
  TagHit,
} from '../model/conversation.js';
import type { Branch, Customer, CustomerProfile, ProfileObservation, Staff, Team } from '../model/directory.js';
import type { WaveformPeaks } from '../audio/peaks.js';

/**
 * Everything the pipeline persists, behind one interface so the SQLite
 * implementation can be swapped for PostgreSQL; test/store/contract.ts is
 * the suite every implementation must pass.
 */
export interface NewConversation {
  id: string;
  channel: Channel;
  source: Record<string, string | null>;
  staffId: string | null;
  branchId: string | null;
  customerId: string | null;
  startedAt: number;
  endedAt: number;
  durationMs: number | null;
  audioPath: string | null;
  audioFormat: Conversation['audioFormat'];
  transcriptSource: Conversation['transcriptSource'];
  gaps: AudioGap[];
  /** Stages not needed for this conversation (e.g. vad + transcribe when the call system sent a transcript). */
  skipStages: StageName[];
  /** Segments supplied with the conversation (call-system transcript). */
  segments: Segment[];
}

export interface ConversationFilter {
  channel?: Channel;
  branchId?: string;
  teamId?: string;
  staffId?: string;
  customerId?: string;
  from?: number;
  to?: number;
  state?: ConversationState;
  /** "family.tag" or "family.tag=value" */
  tag?: string;
  severity?: 'critical' | 'high' | 'medium' | 'low';
  complianceRule?: string;
  /** Conversations with at least one hit (tag, compliance or key point) in this review state. */
  reviewState?: ReviewState;
  hasGaps?: boolean;
  /** Key-point drill-down: conversations where this point applied (and optionally raised / to standard). */
  keyPoint?: { point: string; raised?: boolean; toStandard?: boolean };
  /** Full-text match (already segmented by the search module). */
  text?: TextQuery;
}

export interface TextQuery {
  /** Every word must match (AND). */
  words: string[];
  /** Alternative: the pinyin syllable sequence as a phrase (homophones). */
  pinyinPhrase: string[];
  /** Match words as prefixes (fuzzy mode for partial input). */
  prefix: boolean;
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

export interface AnalysisRecord {
  rulesVersion: string;
  tags: Array<Omit<TagHit, 'id' | 'review'>>;
  compliance: Array<Omit<ComplianceFinding, 'id' | 'review'>>;
  keyPoints: Array<Omit<KeyPointFinding, 'id' | 'review'>>;
  summary: Record<string, unknown>;
  voc: unknown[];
}

export type HitKind = 'tag' | 'compliance' | 'keyPoint';

export type RollupDimension = 'staff' | 'team' | 'branch' | 'all';

export interface RollupFilter {
  from?: number;
  to?: number;
  channel?: Channel;
  branchId?: string;
  teamId?: string;
  staffId?: string;
}

export interface KeyPointCounts {
  point: string;
  /** Group key (staff/team/branch id; 'all' for the whole population; null: not attributed). */
  group: string | null;
  applicable: number;
  raised: number;
  toStandard: number;
}

export interface ComplianceCounts {
  rule: string;
  severity: string;
  group: string | null;
  hits: number;
  conversations: number;
  confirmed: number;
  dismissed: number;
}

export interface Overview {
  conversations: number;
  customers: number;
  avgDurationMs: number | null;
  /** Conversations per ISO week (Monday 00:00 UTC), oldest first. */
  byWeek: Array<{ weekStart: number; conversations: number; customers: number; avgDurationMs: number | null }>;
}

export interface VocEntry {
  conversationId: string;
  startedAt: number;
  kind: string;
  text: string;
  evidence: unknown;
}

/**
 * ---- Dashboard queries (issue 9) ----
 * Buckets are calendar periods in a fixed UTC offset (the branch's local
 * time; China has no daylight saving): `day` starts at local midnight, `week`
 * on Monday at local midnight, `month` on the 1st. A bucket is identified by
 * its start as epoch ms. Conversations are bucketed by `startedAt`.
 */
export type TrendInterval = 'day' | 'week' | 'month';

export interface TrendFilter extends RollupFilter {
  /** Local time = UTC + this many minutes (e.g. 480 for China). Default 0. */
  utcOffsetMinutes?: number;
}

/** Key-point counts of one bucket (pooled like keyPointCounts; dismissed findings excluded). */
export interface KeyPointTrendRow extends KeyPointCounts {
  bucket: number;
}

/** Compliance counts of one bucket (same columns and rules as complianceCounts). */
export interface ComplianceTrendRow extends ComplianceCounts {
  bucket: number;
}

/** Conversations of one bucket and channel. */
export interface ConversationTrendRow {
  bucket: number;
  channel: Channel;
  conversations: number;
  /** Distinct known customers in this bucket and channel. */
  customers: number;
  avgDurationMs: number | null;
}

/** Voice-of-the-customer item with where it was said (for click-through to the line). */
export interface VocListItem extends VocEntry {
  /** Position of the item within its conversation's VoC list (stable for paging). */
  ord: number;
  channel: Channel;
  staffId: string | null;
  customerId: string | null;
  /** Transcript segment (line index) the quote is on, or null when the analysis gave none. */
  segment: number | null;
  quote: string | null;
  startMs: number | null;
}

export interface VocKindCount {
  kind: string;
  items: number;
  conversations: number;
}

/** Profile-tag condition of the customer insight: current value of family.tag (equal to value when given). */
export interface TagCondition {
  family: string;
  tag: string;
  value?: string;
}

/** A customer in the insight list: who, their current tags, and how much we have talked. */
export interface CustomerListing extends Customer {
  current: Array<{ family: string; tag: string; value: string }>;
  conversations: number;
  lastConversationAt: number | null;
  channels: Channel[];
}

export interface CustomerListingPage {
  items: CustomerListing[];
  /** Opaque keyset cursor (customer id order); null on the last page. */
  nextCursor: string | null;
}

/** A profile observation with the transcript line its quote comes from. */
export interface ProfileSource extends ProfileObservation {
  /** Segment index of the evidence in that conversation (null: the tag hit is gone or had no evidence). */
  segment: number | null;
  startMs: number | null;
}

/** What the customer timeline shows per conversation besides the conversation itself. */
export interface ConversationDigest {
  conversationId: string;
  tags: number;
  /** Compliance hits not dismissed. */
  complianceHits: number;
  /** Worst severity among them, or null. */
  worstSeverity: 'critical' | 'high' | 'medium' | 'low' | null;
  summary: Record<string, unknown> | null;
}
/* ---- end of dashboard queries ---- */

export interface Voiceprint {
  staffId: string;
  embedding: Float32Array;
  speechMs: number;
  /** Which embedding model made it (a voiceprint from another model is not comparable). */
  model: string;
  createdAt: number;
}

export interface StageClaim {
  conversationId: string;
  stage: StageName;
  attempts: number;
}

/** One version of the analysis rules in the history: the shipped files, or an edit through the API (a revert re-activates a version). */
export interface RuleSetVersionInfo {
  /** The rule set's own `version` field; unique in the history. */
  version: string;
  /** Order of recording (newest highest). */
  seq: number;
  source: 'files' | 'edit';
  /** The version an edit or revert started from. */
  basedOn: string | null;
  /** Who recorded it: the signed-in user, or 'system' for the shipped files. */
  author: string;
  note: string | null;
  /** SHA-256 of the canonical document (the shipped files are recorded once per content). */
  contentHash: string;
  createdAt: number;
  /** The version the pipeline analyses with. */
  active: boolean;
}

export interface RuleSetVersionRecord extends RuleSetVersionInfo {
  /** The merged raw rule set (version, defaults, lexicons, patterns, homophones, rules). */
  document: Record<string, unknown>;
}

export type RerunJobState = 'running' | 'done' | 'cancelled';

/** A background re-analysis of stored transcripts with the active rules (no ASR). */
export interface RerunJob {
  id: string;
  state: RerunJobState;
  filter: RollupFilter;
  /** Rules version active when the job started. */
  rulesVersion: string;
  total: number;
  done: number;
  failed: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The last failure (code and message), if any. */
  lastError: string | null;
}

export interface ConversationStore {
  close(): void;

  // directory
  upsertBranch(b: Branch): void;
  upsertTeam(t: Team): void;
  upsertStaff(s: Staff): void;
  getStaff(id: string): Staff | null;
  setVoiceprint(v: Voiceprint): void;
  getVoiceprint(staffId: string): Voiceprint | null;
  listStaff(): Staff[];
  listTeams(): Team[];
  listBranches(): Branch[];
  upsertCustomer(c: Omit<Customer, 'createdAt'>): Customer;
  findCustomerByPhone(phone: string): Customer | null;
  getCustomer(id: string): Customer | null;

  // conversations
  /** Inserts unless a conversation with this id exists; returns whether it was new. Atomic. */
  createConversation(c: NewConversation, now: number): boolean;
  getConversation(id: string): Conversation | null;
  getDetail(id: string): ConversationDetail | null;
  listConversations(filter: ConversationFilter, page: { limit: number; cursor?: string | null }): ConversationPage;
  countConversations(filter: ConversationFilter): number;
  setCustomer(id: string, customerId: string | null): void;
  setDuration(id: string, durationMs: number): void;

  // stages
  /** Takes the earliest due stage (all earlier stages done/skipped) and marks it running. */
  claimDueStage(now: number): StageClaim | null;
  /** Earliest time a pending stage becomes due, or null. */
  nextDueAt(): number | null;
  completeStage(id: string, stage: StageName, outcome: 'done' | 'skipped', now: number): void;
  failStage(
    id: string,
    stage: StageName,
    error: { code: string; message: string },
    retryAt: number | null,
    now: number,
  ): void;
  waitStage(id: string, stage: StageName, error: { code: string; message: string }, now: number): void;
  /** Makes waiting stages of this kind due again (e.g. an ASR model got configured). Returns how many. */
  resumeWaiting(stage: StageName, now: number): number;
  /** Running stages left by a crash become due again. */
  recoverRunning(now: number): number;
  /** Re-runs this stage and every later one (retry after failure, re-analysis with new rules). */
  rerunFrom(id: string, stage: StageName, now: number): void;
  getStages(id: string): StageStatus[];
  /** rerunFrom for every analysed conversation matching the filter (new rules over past conversations). Returns how many. */
  rerunAll(stage: StageName, filter: RollupFilter, now: number): number;

  // content
  replaceSegments(id: string, segments: Segment[]): void;
  getSegments(id: string): Segment[];
  setNormalizedTexts(id: string, texts: Array<{ index: number; normalizedText: string }>): void;
  /** Stores one recognised segment (the transcribe stage resumes after the last one stored). */
  setTranscript(id: string, index: number, text: string, confidence: number): void;
  /**
   * Replaces the analysis. Human review wins over re-analysis: a reviewed hit
   * or key-point result (state not pending) is kept exactly as reviewed, and a
   * new finding for the same thing (tag value at the same evidence start, rule
   * at the same turn, the same key point) is dropped; only pending results
   * are replaced.
   */
  replaceAnalysis(id: string, a: AnalysisRecord, now: number): void;
  review(kind: HitKind, hitId: number, review: Omit<Review, 'reviewedAt'>, now: number): { conversationId: string } | null;
  /** The conversation a hit belongs to, or null. */
  hitConversation(kind: HitKind, hitId: number): string | null;

  // waveform peaks (computed once per recording)
  setWaveformPeaks(id: string, peaks: WaveformPeaks): void;
  getWaveformPeaks(id: string): WaveformPeaks | null;

  // rule-set history
  /** Records a version; CONFLICT when the version string is already in the history. */
  addRuleSetVersion(v: Omit<RuleSetVersionRecord, 'seq' | 'active'>): RuleSetVersionInfo;
  /** Newest first. */
  listRuleSetVersions(): RuleSetVersionInfo[];
  getRuleSetVersion(version: string): RuleSetVersionRecord | null;
  findRuleSetVersionByHash(contentHash: string): RuleSetVersionInfo | null;
  /** Marks one version active (the others inactive); NOT_FOUND when unknown. */
  setActiveRuleSetVersion(version: string): void;
  getActiveRuleSetVersion(): RuleSetVersionInfo | null;

  // re-run jobs
  /** Creates a running job over the analysed conversations matching the filter, one pending item each. */
  createRerunJob(job: { id: string; filter: RollupFilter; rulesVersion: string; createdBy: string }, now: number): RerunJob;
  getRerunJob(id: string): RerunJob | null;
  /** Newest first. */
  listRerunJobs(limit: number): RerunJob[];
  /** Jobs still running (to resume after a restart). */
  runningRerunJobs(): RerunJob[];
  /** Up to `limit` conversation ids of the job not yet re-analysed. */
  pendingRerunItems(jobId: string, limit: number): string[];
  /** Records one item's outcome (idempotent: an item already finished is not counted twice). */
  finishRerunItem(jobId: string, conversationId: string, error: { code: string; message: string } | null, now: number): void;
  /** Ends a running job (done or cancelled); returns the job, or null when unknown. Ending an ended job changes nothing. */
  endRerunJob(jobId: string, state: 'done' | 'cancelled', now: number): RerunJob | null;

  // profile
  /** Replaces the profile observations this conversation contributed and recomputes the customer's current values. */
  replaceProfileObservations(
    conversationId: string,
    customerId: string,
    obs: Array<Omit<ProfileObservation, 'current' | 'conversationId' | 'channel' | 'observedAt'> & { multi: boolean }>,
  ): void;
  getProfile(customerId: string): CustomerProfile | null;
  findCustomersByTags(tags: Array<{ family: string; tag: string; value?: string }>, limit: number): Customer[];

  // search index
  indexTranscript(id: string, doc: { words: string; pinyin: string }): void;

  // roll-ups
  keyPointCounts(dimension: RollupDimension, filter: RollupFilter): KeyPointCounts[];
  complianceCounts(dimension: RollupDimension, filter: RollupFilter): ComplianceCounts[];
  overview(filter: RollupFilter): Overview;
  /** Voice-of-the-customer items of analysed conversations, newest conversations first. */
  vocItems(filter: RollupFilter & { kind?: string }, limit: number): VocEntry[];

  // dashboards (issue 9) — see the types above for bucket and counting rules
  /** keyPointCounts per bucket; `point` narrows to one key point. Ordered by bucket, point, group. */
  keyPointTrend(interval: TrendInterval, dimension: RollupDimension, filter: TrendFilter & { point?: string }): KeyPointTrendRow[];
  /** complianceCounts per bucket; `rule` / `severity` narrow it. Ordered by bucket, rule, group. */
  complianceTrend(
    interval: TrendInterval,
    dimension: RollupDimension,
    filter: TrendFilter & { rule?: string; severity?: string },
  ): ComplianceTrendRow[];
  /** Conversations per bucket and channel. Ordered by bucket, channel. */
  conversationTrend(interval: TrendInterval, filter: TrendFilter): ConversationTrendRow[];
  /** Voice-of-the-customer items newest conversation first (then in transcript order), keyset-paged. */
  vocPage(filter: RollupFilter & { kind?: string }, page: { limit: number; cursor?: string | null }): { items: VocListItem[]; nextCursor: string | null };
  /** Items and distinct conversations per VoC kind. */
  vocCounts(filter: RollupFilter): VocKindCount[];
  /** Customers whose current profile has every condition (AND), by customer id, keyset-paged. No conditions: every customer. */
  customersByTags(tags: TagCondition[], page: { limit: number; cursor?: string | null }): CustomerListingPage;
  countCustomersByTags(tags: TagCondition[]): number;
  /** The customer's whole profile history (newest first) with the transcript line of each quote; [] for an unknown customer. */
  profileSources(customerId: string): ProfileSource[];
  /** Per-conversation counts and summary for the given ids (unknown ids are left out). */
  conversationDigests(ids: string[]): ConversationDigest[];
  // end of dashboards
}

export type { EvidenceRef };
