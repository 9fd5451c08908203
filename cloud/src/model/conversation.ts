/**
 * The pipeline's data model: one Conversation per phone call or badge
 * session, whatever the channel, flowing through the same stages.
 */
export type Channel = 'phone' | 'badge';
export type Role = 'staff' | 'customer' | 'other';

export const STAGES = ['decode', 'vad', 'roles', 'transcribe', 'normalize', 'analyze', 'index'] as const;
export type StageName = (typeof STAGES)[number];

/**
 * pending: due at `nextAttemptAt`; running; done; skipped (not needed, e.g. a
 * call-system transcript bypasses ASR); waiting: blocked on something outside
 * the pipeline (no ASR model) with the reason in `error`; failed: gave up
 * after the last attempt or on input that no retry can fix.
 */
export type StageState = 'pending' | 'running' | 'done' | 'skipped' | 'waiting' | 'failed';

export interface StageStatus {
  stage: StageName;
  state: StageState;
  attempts: number;
  errorCode: string | null;
  error: string | null;
  nextAttemptAt: number | null;
  updatedAt: number;
}

/** Overall state shown in lists, derived from the stage rows. */
export type ConversationState = 'processing' | 'awaiting_transcription' | 'analyzed' | 'failed';

export interface AudioGap {
  startMs: number;
  endMs: number;
  cause: string;
}

export interface Conversation {
  id: string;
  channel: Channel;
  /** Channel-specific source ids: badge {sessionId, deviceId}; phone {callId, direction, customerNumber}. */
  source: Record<string, string | null>;
  staffId: string | null;
  teamId: string | null;
  branchId: string | null;
  customerId: string | null;
  startedAt: number;
  endedAt: number;
  durationMs: number | null;
  /** Path of the stored audio file, relative to the pipeline's data directory. */
  audioPath: string | null;
  audioFormat: 'wav' | 'ogg_opus' | 'mp3' | null;
  /** 'call_system': segments came with the upload; 'asr': recognised here. */
  transcriptSource: 'call_system' | 'asr' | null;
  gaps: AudioGap[];
  state: ConversationState;
  createdAt: number;
  updatedAt: number;
}

export interface Segment {
  index: number;
  startMs: number | null;
  endMs: number | null;
  role: Role;
  /** Audio channel the segment came from (stereo phone calls), else 0. */
  channel: number;
  text: string;
  /** Text after normalisation (numerals, width, fillers); what analysis reads. */
  normalizedText: string | null;
  confidence: number | null;
  /** Segment loudness (RMS, dBFS) used for wearer/other separation. */
  levelDb: number | null;
}

export type ReviewState = 'pending' | 'confirmed' | 'dismissed';

export interface Review {
  state: ReviewState;
  reason: string | null;
  reviewer: string | null;
  reviewedAt: number | null;
  /** Tags only: the value the reviewer says is right (a correction; the state is then 'confirmed'). */
  correctedValue?: string | null;
}

export interface EvidenceRef {
  turn: number;
  start: number;
  end: number;
  quote: string;
  startMs?: number;
  endMs?: number;
}

export interface TagHit {
  id: number;
  family: string;
  tag: string;
  value: string;
  detail: string | null;
  confidence: number;
  ruleId: string;
  evidence: EvidenceRef[];
  review: Review;
}

export interface ComplianceFinding {
  id: number;
  rule: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  ruleId: string;
  evidence: EvidenceRef[];
  review: Review;
}

export interface KeyPointFinding {
  id: number;
  point: string;
  applicable: boolean;
  raised: boolean;
  toStandard: boolean;
  evidence: EvidenceRef[];
  review: Review;
}

export interface ConversationSummary {
  data: Record<string, unknown>;
  voc: unknown[];
  rulesVersion: string;
}

export interface ConversationDetail extends Conversation {
  stages: StageStatus[];
  segments: Segment[];
  tags: TagHit[];
  compliance: ComplianceFinding[];
  keyPoints: KeyPointFinding[];
  summary: ConversationSummary | null;
}
