import type { DecodedUp } from '@parley/proto';

/** SessionStart as kept in ingest_sessions.start_json. */
export interface StoredStart {
  staffId: string;
  startTimeMs: number;
  clockSynced: boolean;
  monotonicMs: number;
  codec: { sampleRate: number; channels: number; frameMs: number; bitrate: number } | null;
  trigger: number;
  bootCount: number;
}

/** SessionEnd as kept in ingest_sessions.end_json. */
export interface StoredEnd {
  reason: number;
  endTimeMs: number;
  clockSynced: boolean;
  totalFrames: number;
  totalBytes: number;
  totalChunks: number;
  digest: number;
  droppedFrames: number;
  gaps: Array<{ firstFrame: number; frameCount: number }>;
  timeCorrected: boolean;
  clockOffsetMs: number;
}

export function storedStart(m: DecodedUp<'session-start'>): StoredStart {
  return {
    staffId: m.staffId,
    startTimeMs: m.startTimeMs,
    clockSynced: m.clockSynced,
    monotonicMs: m.monotonicMs,
    codec: m.codec ? { sampleRate: m.codec.sampleRate, channels: m.codec.channels, frameMs: m.codec.frameMs, bitrate: m.codec.bitrate } : null,
    trigger: m.trigger,
    bootCount: m.bootCount,
  };
}

export function storedEnd(m: DecodedUp<'session-end'>): StoredEnd {
  return {
    reason: m.reason,
    endTimeMs: m.endTimeMs,
    clockSynced: m.clockSynced,
    totalFrames: m.totalFrames,
    totalBytes: m.totalBytes,
    totalChunks: m.totalChunks,
    digest: m.digest >>> 0,
    droppedFrames: m.droppedFrames,
    gaps: m.gaps.map((g) => ({ firstFrame: g.firstFrame, frameCount: g.frameCount })),
    timeCorrected: m.timeCorrected,
    clockOffsetMs: m.clockOffsetMs,
  };
}

const END_REASONS = ['unspecified', 'button', 'silence', 'max-length', 'low-battery', 'storage-full', 'mute', 'shutdown', 'command', 'schedule', 'reboot'];

export function endReasonName(end: StoredEnd | null): string {
  if (!end) return 'no-session-end';
  return END_REASONS[end.reason] ?? `reason-${end.reason}`;
}
