/**
 * What the gateway hands to the analysis pipeline when a badge session is
 * finalised (through its durable outbox). Delivery is at-least-once; the
 * pipeline de-duplicates on `sessionId`.
 */
export interface SessionGap {
  /** First lost frame index. */
  firstFrame: number;
  frameCount: number;
  /** Offsets in the session's timeline, milliseconds from the first frame. */
  startMs: number;
  endMs: number;
  /** 'badge-dropped': the badge reported it (flash full); 'lost': never arrived and the badge no longer has it. */
  cause: 'badge-dropped' | 'lost';
}

export interface SessionBookmark {
  frameIndex: number;
  offsetMs: number;
}

export interface FinalisedSession {
  /** 32 lowercase hex characters (the badge's 16-byte session id). */
  sessionId: string;
  deviceId: string;
  /** Staff member assigned to the badge at capture time (fleet history), else the badge's provisioned staff id, else null. */
  staffId: string | null;
  branchId: string | null;
  /** Unix ms of the first frame (corrected after clock sync when `clockCorrected`). */
  startTimeMs: number;
  endTimeMs: number;
  clockSynced: boolean;
  clockCorrected: boolean;
  /** Absolute path of the assembled Ogg Opus file. */
  audioPath: string;
  codec: { sampleRate: number; channels: number; frameMs: number; bitrate: number };
  /** Frame indices used by the badge, dropped ones included. */
  totalFrames: number;
  /** Audio actually present, in ms. */
  durationMs: number;
  gaps: SessionGap[];
  bookmarks: SessionBookmark[];
  endReason: string;
  finalisedAtMs: number;
}
