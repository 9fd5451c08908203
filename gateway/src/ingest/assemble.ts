import { crc32 } from 'node:zlib';
import type { FinalisedSession, SessionGap } from '@parley/proto';
import { opusLossPacket } from './ogg/opus-packet.js';
import type { SpoolChunk } from './spool-record.js';
import { endReasonName, type StoredEnd, type StoredStart } from './session-meta.js';

export const DEFAULT_CODEC = { sampleRate: 16_000, channels: 1, frameMs: 20, bitrate: 16_000 } as const;

export interface AssembleInput {
  deviceId: string;
  sessionId: string;
  start: StoredStart | null;
  /** Gateway time SessionStart (or else the first chunk) arrived: the start time of last resort. */
  firstSeenMs: number;
  end: StoredEnd | null;
  /** Stored chunks in seq order. */
  chunks: SpoolChunk[];
  bookmarkFrames: number[];
  attribution: { staffId: string | null; branchId: string | null } | null;
  audioPath: string;
  nowMs: number;
}

export interface AssembledSession {
  record: FinalisedSession;
  /** Packets for the Ogg file in frame order; a lost frame becomes a one-byte concealment packet. */
  packets: Uint8Array[];
  keptFrames: number;
  /** null when it cannot be checked (no SessionEnd, or frames lost in transit). */
  digestMatches: boolean | null;
  /** Frames claimed by two chunks (kept once, first seq wins). */
  overlappingFrames: number;
}

/**
 * Lays a session's chunks on its frame timeline, finds every hole (split
 * into what the badge reported dropping and what was lost in transit),
 * checks the SessionEnd digest and builds the record for the outbox.
 */
export function assembleSession(input: AssembleInput): AssembledSession {
  const codec = input.start?.codec && input.start.codec.frameMs > 0 ? { ...DEFAULT_CODEC, ...nonZero(input.start.codec) } : { ...DEFAULT_CODEC };
  let highest = 0;
  for (const c of input.chunks) highest = Math.max(highest, c.firstFrame + c.frames.length);
  const totalFrames = Math.max(highest, input.end?.totalFrames ?? 0);
  const timeline: Array<Uint8Array | undefined> = new Array<Uint8Array | undefined>(totalFrames);
  let overlapping = 0;
  for (const c of input.chunks) {
    for (let i = 0; i < c.frames.length; i++) {
      const idx = c.firstFrame + i;
      if (timeline[idx] !== undefined) overlapping++;
      else timeline[idx] = c.frames[i];
    }
  }

  const dropped = new Uint8Array(totalFrames);
  for (const g of input.end?.gaps ?? []) {
    for (let i = g.firstFrame; i < Math.min(totalFrames, g.firstFrame + g.frameCount); i++) dropped[i] = 1;
  }

  const gaps: SessionGap[] = [];
  const packets: Uint8Array[] = [];
  let kept = 0;
  let digest = 0;
  let lastToc = -1;
  let firstToc = -1;
  for (let i = 0; i < totalFrames; i++) {
    const f = timeline[i];
    if (f !== undefined && f.length > 0) {
      firstToc = f[0]!;
      break;
    }
  }
  let runStart = -1;
  let runCause: SessionGap['cause'] = 'lost';
  const closeRun = (endIdx: number): void => {
    if (runStart < 0) return;
    gaps.push({ firstFrame: runStart, frameCount: endIdx - runStart, startMs: runStart * codec.frameMs, endMs: endIdx * codec.frameMs, cause: runCause });
    runStart = -1;
  };
  for (let i = 0; i < totalFrames; i++) {
    const f = timeline[i];
    if (f !== undefined) {
      closeRun(i);
      packets.push(f);
      kept++;
      digest = crc32(f, digest);
      lastToc = f[0]!;
      continue;
    }
    const cause: SessionGap['cause'] = dropped[i] ? 'badge-dropped' : 'lost';
    if (runStart >= 0 && cause !== runCause) closeRun(i);
    if (runStart < 0) {
      runStart = i;
      runCause = cause;
    }
    const toc = lastToc >= 0 ? lastToc : firstToc;
    if (toc >= 0) packets.push(opusLossPacket(toc));
  }
  closeRun(totalFrames);

  const lost = gaps.some((g) => g.cause === 'lost');
  const digestMatches = input.end && !lost ? (digest >>> 0) === input.end.digest >>> 0 : null;

  const first = input.chunks[0];
  let startTimeMs: number;
  let clockSynced = false;
  let clockCorrected = false;
  if (input.start?.clockSynced) {
    startTimeMs = input.start.startTimeMs;
    clockSynced = true;
  } else if (input.start && input.end && (input.end.timeCorrected || input.end.clockOffsetMs !== 0)) {
    startTimeMs = input.start.monotonicMs + input.end.clockOffsetMs;
    clockCorrected = true;
  } else if (first?.clockSynced) {
    startTimeMs = first.captureTimeMs - first.firstFrame * codec.frameMs;
    clockCorrected = true;
  } else {
    startTimeMs = input.firstSeenMs;
  }

  const attributed = input.attribution;
  const staffId = attributed?.staffId ?? (input.start?.staffId ? input.start.staffId : null);
  const record: FinalisedSession = {
    sessionId: input.sessionId,
    deviceId: input.deviceId,
    staffId,
    branchId: attributed?.branchId ?? null,
    startTimeMs,
    endTimeMs: startTimeMs + totalFrames * codec.frameMs,
    clockSynced,
    clockCorrected,
    audioPath: input.audioPath,
    codec,
    totalFrames,
    durationMs: kept * codec.frameMs,
    gaps,
    bookmarks: input.bookmarkFrames.filter((f) => f < Math.max(totalFrames, 1)).map((f) => ({ frameIndex: f, offsetMs: f * codec.frameMs })),
    endReason: endReasonName(input.end),
    finalisedAtMs: input.nowMs,
  };
  return { record, packets, keptFrames: kept, digestMatches, overlappingFrames: overlapping };
}

function nonZero(c: { sampleRate: number; channels: number; frameMs: number; bitrate: number }): Partial<typeof c> {
  const out: Partial<typeof c> = {};
  if (c.sampleRate > 0) out.sampleRate = c.sampleRate;
  if (c.channels > 0) out.channels = c.channels;
  if (c.frameMs > 0) out.frameMs = c.frameMs;
  if (c.bitrate > 0) out.bitrate = c.bitrate;
  return out;
}
