/**
 * The badge protocol messages (proto/badge.proto) as the firmware sees them:
 * protobufjs camelCase field names, numbers for 64-bit fields (unix ms fit in
 * 2^53), Uint8Array for bytes. Only the fields the firmware reads or writes.
 */
export const ClockState = { UNSYNCED: 0, SYNCED: 1, STALE: 2 } as const;
export const DeviceState = { IDLE: 0, RECORDING: 1, MUTED: 2, STORAGE_FULL: 3, LOW_BATTERY: 4, LOCKED: 5 } as const;
export type DeviceStateValue = (typeof DeviceState)[keyof typeof DeviceState];
export const StartTrigger = { BUTTON: 0, VOICE: 1, SCHEDULE: 2, COMMAND: 3, SPLIT: 4 } as const;
export const EndReason = {
  UNSPECIFIED: 0, BUTTON: 1, SILENCE: 2, MAX_LENGTH: 3, LOW_BATTERY: 4, STORAGE_FULL: 5,
  MUTE: 6, SHUTDOWN: 7, COMMAND: 8, SCHEDULE: 9, REBOOT: 10,
} as const;
export const EventKind = {
  UNSPECIFIED: 0, BUTTON: 1, STATE_CHANGE: 2, ERROR: 3, BOOKMARK: 4, STORAGE_ALARM: 5,
  CLOCK_SYNCED: 6, BOOT: 7, FIRMWARE: 8, CONFIG_APPLIED: 9,
} as const;
export const ButtonAction = { NONE: 0, SHORT: 1, LONG: 2, DOUBLE: 3 } as const;
export const CommandStatus = { OK: 0, FAILED: 1, REJECTED: 2, UNSUPPORTED: 3, IN_PROGRESS: 4, EXPIRED: 5 } as const;
export const RecordingMode = { MANUAL: 0, VOICE_ACTIVATED: 1, SCHEDULED: 2 } as const;
export const UploadPolicy = { LIVE: 0, BATCHED: 1, ON_CHARGER: 2 } as const;
/** Bits of HelloReply.capabilities. */
export const Capability = { NONE: 0, PACKED_FRAMES: 1, COMPACT_CHUNKS: 2 } as const;
export const CommandKind = {
  UNSPECIFIED: 0, START: 1, STOP: 2, MUTE: 3, UNMUTE: 4, LOCATE: 5, REBOOT: 6, LOCK: 7,
  WIPE_ACKNOWLEDGED: 8, WIPE_ALL: 9, FIRMWARE_UPDATE: 10,
} as const;

export interface CodecParams { codec?: number; sampleRate: number; channels: number; frameMs: number; bitrate: number }
export interface SeqRange { first: number; last: number }
export interface FrameGap { firstFrame: number; frameCount: number }

export interface SessionInventory { sessionId: Uint8Array; firstSeq: number; lastSeq: number; closed: boolean; hasChunks: boolean; sessionAlias?: number }
export interface Hello {
  deviceId: string; firmwareVersion: string; hardwareRevision: string; bootCount: number; uptimeS: number;
  clockState: number; configVersion: number; backlog: SessionInventory[]; flashUsedBytes: number;
  flashFreeBytes: number; deviceTimeMs: number; firmwareSlot: string; firmwarePendingConfirm: boolean;
}
export interface SessionStart {
  sessionId: Uint8Array; staffId: string; startTimeMs: number; clockSynced: boolean; monotonicMs: number;
  codec: CodecParams; trigger: number; bootCount: number;
}
export interface SessionEnd {
  sessionId: Uint8Array; reason: number; endTimeMs: number; clockSynced: boolean; totalFrames: number;
  totalBytes: number; totalChunks: number; digest: number; droppedFrames: number; gaps: FrameGap[];
  timeCorrected: boolean; clockOffsetMs: number;
}
/**
 * Frames in exactly one form: `frames` (legacy, one field per frame) or
 * `frameData` (the frames concatenated) + `frameSizes` (one varint per frame),
 * which the badge records and sends to a gateway with CAPABILITY_PACKED_FRAMES.
 * The compact form (`sessionAlias`, `frameSizesRice`) is made from the stored
 * bytes at the wire level (chunk-form.ts), never encoded from an object.
 */
export interface AudioChunk {
  sessionId: Uint8Array; seq: number; firstFrame: number; frames?: Uint8Array[]; captureTimeMs: number;
  clockSynced: boolean; crc32: number; backlog: boolean; frameData?: Uint8Array; frameSizes?: Uint8Array;
}
export interface Telemetry {
  batteryPercent: number; batteryMv: number; charging: boolean; flashUsedBytes: number; flashFreeBytes: number;
  backlogSeconds: number; rssiDbm: number; uptimeS: number; state: number; droppedFrames: number;
  clockState: number; firmwareVersion: string; lastErrorCode: number; timeMs: number; configVersion: number;
  bootCount: number; spoolEraseStalls: number;
}
export interface Event {
  kind: number; timeMs: number; clockSynced: boolean; eventSeq: number; sessionId?: Uint8Array;
  frameIndex?: number; button?: number; fromState?: number; toState?: number; errorCode?: number;
  value?: number; detail?: string;
}
export interface CommandResult { commandId: string; status: number; detail: string; timeMs: number; progress: number }
export interface FirmwareRequest { releaseId: string; offset: number; length: number }

export interface ResumePoint { sessionId: Uint8Array; receivedThrough: number; missing?: SeqRange[]; complete?: boolean }
export interface HelloReply {
  serverTimeMs?: number; wantedConfigVersion?: number; resume?: ResumePoint[]; locked?: boolean; capabilities?: number;
}
export interface ChunkAck { sessionId: Uint8Array; contiguousThrough: number; missing?: SeqRange[]; complete?: boolean }
export interface WifiNetwork { ssid: string; psk: string }
export interface ScheduleWindow { weekdays: number; startMinute: number; endMinute: number }
export interface Config {
  version?: number; recordingMode?: number; bitrate?: number; chunkDurationMs?: number; silenceSplitS?: number;
  maxSessionS?: number; uploadPolicy?: number; batchIntervalMin?: number; telemetryIntervalS?: number;
  wifi?: WifiNetwork[]; workingHours?: ScheduleWindow[];
  led?: { brightnessPercent?: number; statusLedEnabled?: boolean };
  haptic?: { enabled?: boolean; strengthPercent?: number };
  utcOffsetMin?: number; staffId?: string; otaConfirmTimeoutMin?: number;
}
export interface FirmwareUpdate { releaseId: string; version: string; size: number; sha256: Uint8Array; chunkSize: number }
export interface Command { id: string; kind: number; issuedAtMs?: number; expiresAtMs?: number; firmware?: FirmwareUpdate }
export interface FirmwareChunk { releaseId: string; offset: number; data: Uint8Array; totalSize: number }

export interface UpMessages {
  hello: Hello;
  'session-start': SessionStart;
  'session-end': SessionEnd;
  chunk: AudioChunk;
  telemetry: Telemetry;
  event: Event;
  'command-result': CommandResult;
  'firmware-request': FirmwareRequest;
}
export interface DownMessages {
  'hello-reply': HelloReply;
  ack: ChunkAck;
  config: Config;
  command: Command;
  firmware: FirmwareChunk;
}
export type UpKind = keyof UpMessages;
export type DownKind = keyof DownMessages;
