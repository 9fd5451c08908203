// GENERATED from proto/badge.proto by proto/src/device-codec: do not edit.
// Regenerate with `npm run generate -w proto`. Runs on Espruino (see runtime notes below) and in Node.

/**
 * A message descriptor (an opaque table at run time). `M` is the decoded
 * shape: every field present, sub-messages null when absent.
 */
export interface MessageType<M> {
  readonly __message?: M;
}

/** What encode accepts: any subset of the fields; null/undefined mean "absent". */
export type MessageInput<M> = {
  [K in keyof M]?: M[K] extends Uint8Array
    ? Uint8Array
    : M[K] extends readonly (infer E)[]
      ? (E extends Uint8Array ? Uint8Array : E extends object ? MessageInput<E> : E)[] | null
      : M[K] extends object | null
        ? MessageInput<NonNullable<M[K]>> | null
        : M[K] | null;
};

/** Codes of the Errors thrown by encode/decode (as err.code). */
export declare const ERR: {
  /** A varint, fixed field or length-delimited field runs past the end. */
  readonly TRUNCATED: 'PROTO_TRUNCATED';
  /** A varint longer than 10 bytes. */
  readonly VARINT: 'PROTO_VARINT';
  /** Wire type 6 or 7, or an end-group tag without a group. */
  readonly WIRE_TYPE: 'PROTO_WIRE_TYPE';
  /** Field number 0, a tag longer than 5 bytes or 32 bits, or a mismatched end-group tag. */
  readonly TAG: 'PROTO_TAG';
  /** A string field that is not valid UTF-8. */
  readonly UTF8: 'PROTO_UTF8';
  /** Messages or groups nested more than 16 deep. */
  readonly DEPTH: 'PROTO_DEPTH';
  /** encode: a field of the wrong type or out of range; decode: input is not a Uint8Array. */
  readonly VALUE: 'PROTO_VALUE';
};
export type DeviceCodecErrorCode = (typeof ERR)[keyof typeof ERR];
export interface DeviceCodecError extends Error {
  code: DeviceCodecErrorCode;
}

/**
 * Encodes a message, omitting proto3 default values exactly like protobufjs
 * (the bytes are identical). Throws a DeviceCodecError (code PROTO_VALUE) for a
 * field of the wrong type or out of its integer range.
 */
export declare function encode<M>(type: MessageType<M>, message: MessageInput<M>): Uint8Array;
/** The length encode() would return (validates the same way). */
export declare function encodedSize<M>(type: MessageType<M>, message: MessageInput<M>): number;
/**
 * Decodes a message: every field present (defaults filled), 64-bit integers
 * as numbers (exact to 2^53), bytes as views into `bytes`, unknown fields
 * skipped. Throws a DeviceCodecError on malformed input.
 */
export declare function decode<M>(type: MessageType<M>, bytes: Uint8Array): M;
/** CRC-32/ISO-HDLC (zlib/PNG), continuable: pass the CRC of the preceding bytes as `previous`. */
export declare function crc32(data: Uint8Array, previous?: number): number;

// ---------------------------------------------------------------- parley.badge.v1

export declare const ClockState: {
  /** never synced since boot: times are monotonic */
  readonly CLOCK_STATE_UNSYNCED: 0;
  /** synced from the gateway's HelloReply */
  readonly CLOCK_STATE_SYNCED: 1;
  /** synced once, but long ago (drift possible) */
  readonly CLOCK_STATE_STALE: 2;
};
export declare const DeviceState: {
  readonly DEVICE_STATE_IDLE: 0;
  readonly DEVICE_STATE_RECORDING: 1;
  /** privacy pause, kept across reboots */
  readonly DEVICE_STATE_MUTED: 2;
  readonly DEVICE_STATE_STORAGE_FULL: 3;
  readonly DEVICE_STATE_LOW_BATTERY: 4;
  /** revoked or reported lost */
  readonly DEVICE_STATE_LOCKED: 5;
};
export declare const Codec: {
  readonly CODEC_OPUS: 0;
};
export declare const StartTrigger: {
  readonly START_TRIGGER_BUTTON: 0;
  readonly START_TRIGGER_VOICE: 1;
  readonly START_TRIGGER_SCHEDULE: 2;
  readonly START_TRIGGER_COMMAND: 3;
  /** continues a session split at max length */
  readonly START_TRIGGER_SPLIT: 4;
};
export declare const EndReason: {
  readonly END_REASON_UNSPECIFIED: 0;
  readonly END_REASON_BUTTON: 1;
  readonly END_REASON_SILENCE: 2;
  readonly END_REASON_MAX_LENGTH: 3;
  readonly END_REASON_LOW_BATTERY: 4;
  readonly END_REASON_STORAGE_FULL: 5;
  readonly END_REASON_MUTE: 6;
  readonly END_REASON_SHUTDOWN: 7;
  readonly END_REASON_COMMAND: 8;
  readonly END_REASON_SCHEDULE: 9;
  /** closed at next boot after a crash/power cut */
  readonly END_REASON_REBOOT: 10;
};
export declare const EventKind: {
  readonly EVENT_KIND_UNSPECIFIED: 0;
  readonly EVENT_KIND_BUTTON: 1;
  readonly EVENT_KIND_STATE_CHANGE: 2;
  readonly EVENT_KIND_ERROR: 3;
  readonly EVENT_KIND_BOOKMARK: 4;
  /** value = percent threshold crossed (80/90/95) */
  readonly EVENT_KIND_STORAGE_ALARM: 5;
  /** value = correction applied, ms */
  readonly EVENT_KIND_CLOCK_SYNCED: 6;
  readonly EVENT_KIND_BOOT: 7;
  /** staged / switched / rolled back (detail) */
  readonly EVENT_KIND_FIRMWARE: 8;
  /** value = config version */
  readonly EVENT_KIND_CONFIG_APPLIED: 9;
};
export declare const ButtonAction: {
  readonly BUTTON_ACTION_NONE: 0;
  readonly BUTTON_ACTION_SHORT: 1;
  readonly BUTTON_ACTION_LONG: 2;
  readonly BUTTON_ACTION_DOUBLE: 3;
};
export declare const CommandStatus: {
  readonly COMMAND_STATUS_OK: 0;
  readonly COMMAND_STATUS_FAILED: 1;
  /** not allowed in this state */
  readonly COMMAND_STATUS_REJECTED: 2;
  readonly COMMAND_STATUS_UNSUPPORTED: 3;
  /** e.g. firmware download under way */
  readonly COMMAND_STATUS_IN_PROGRESS: 4;
  readonly COMMAND_STATUS_EXPIRED: 5;
};
/**
 * Bits of HelloReply.capabilities: protocol features a gateway accepts
 * beyond the first version. A gateway that does not know a feature leaves its
 * bit clear (absent field = 0), so the badge keeps to the first version.
 */
export declare const Capability: {
  readonly CAPABILITY_NONE: 0;
  /** AudioChunk frame_data + frame_sizes */
  readonly CAPABILITY_PACKED_FRAMES: 1;
  /** session_alias (Hello, SessionStart, AudioChunk) + frame_sizes_rice */
  readonly CAPABILITY_COMPACT_CHUNKS: 2;
};
export declare const RecordingMode: {
  readonly RECORDING_MODE_MANUAL: 0;
  readonly RECORDING_MODE_VOICE_ACTIVATED: 1;
  readonly RECORDING_MODE_SCHEDULED: 2;
};
export declare const UploadPolicy: {
  readonly UPLOAD_POLICY_LIVE: 0;
  /** radio up every batch_interval_min */
  readonly UPLOAD_POLICY_BATCHED: 1;
  readonly UPLOAD_POLICY_ON_CHARGER: 2;
};
export declare const CommandKind: {
  readonly COMMAND_KIND_UNSPECIFIED: 0;
  readonly COMMAND_KIND_START: 1;
  readonly COMMAND_KIND_STOP: 2;
  readonly COMMAND_KIND_MUTE: 3;
  readonly COMMAND_KIND_UNMUTE: 4;
  readonly COMMAND_KIND_LOCATE: 5;
  readonly COMMAND_KIND_REBOOT: 6;
  readonly COMMAND_KIND_LOCK: 7;
  readonly COMMAND_KIND_WIPE_ACKNOWLEDGED: 8;
  readonly COMMAND_KIND_WIPE_ALL: 9;
  readonly COMMAND_KIND_FIRMWARE_UPDATE: 10;
};

export interface CodecParams {
  /** Codec = 1 */
  codec: number;
  /** Hz, e.g. 16000 (uint32 = 2) */
  sampleRate: number;
  /** 1 (uint32 = 3) */
  channels: number;
  /** 20 (uint32 = 4) */
  frameMs: number;
  /** bits per second, e.g. 16000 (uint32 = 5) */
  bitrate: number;
}
export declare const CodecParams: MessageType<CodecParams>;

/** Inclusive range of chunk sequence numbers. */
export interface SeqRange {
  /** uint32 = 1 */
  first: number;
  /** uint32 = 2 */
  last: number;
}
export declare const SeqRange: MessageType<SeqRange>;

/** Inclusive range of frame indices lost on the badge. */
export interface FrameGap {
  /** uint32 = 1 */
  firstFrame: number;
  /** uint32 = 2 */
  frameCount: number;
}
export declare const FrameGap: MessageType<FrameGap>;

/** One session the badge still holds chunks of. */
export interface SessionInventory {
  /** bytes = 1 */
  sessionId: Uint8Array;
  /** lowest seq still in flash (uint32 = 2) */
  firstSeq: number;
  /** highest seq written so far (uint32 = 3) */
  lastSeq: number;
  /** SessionEnd written (bool = 4) */
  closed: boolean;
  /** false when the session has no chunk in flash (bool = 5) */
  hasChunks: boolean;
  /** this connection's alias of the session (CAPABILITY_COMPACT_CHUNKS); 0: none (uint32 = 6) */
  sessionAlias: number;
}
export declare const SessionInventory: MessageType<SessionInventory>;

/** up/hello: first message after every MQTT connect. */
export interface Hello {
  /** string = 1 */
  deviceId: string;
  /** string = 2 */
  firmwareVersion: string;
  /** string = 3 */
  hardwareRevision: string;
  /** uint32 = 4 */
  bootCount: number;
  /** uint32 = 5 */
  uptimeS: number;
  /** ClockState = 6 */
  clockState: number;
  /** version of the config the badge applied (uint32 = 7) */
  configVersion: number;
  /** repeated SessionInventory = 8 */
  backlog: SessionInventory[];
  /** uint32 = 9 */
  flashUsedBytes: number;
  /** uint32 = 10 */
  flashFreeBytes: number;
  /** badge clock when sent (see conventions) (uint64 = 11) */
  deviceTimeMs: number;
  /** "a" / "b": which image is running (string = 12) */
  firmwareSlot: string;
  /** running a new image not yet confirmed (bool = 13) */
  firmwarePendingConfirm: boolean;
  /** sessions the badge holds beyond those listed in backlog (parked in flash, listed once re-admitted); 0: backlog lists every session held (uint32 = 14) */
  backlogUnlisted: number;
}
export declare const Hello: MessageType<Hello>;

/** up/session-start */
export interface SessionStart {
  /** 16 random bytes (bytes = 1) */
  sessionId: Uint8Array;
  /** as provisioned on the badge (may be empty) (string = 2) */
  staffId: string;
  /** unix ms when clock_synced, else monotonic ms (uint64 = 3) */
  startTimeMs: number;
  /** bool = 4 */
  clockSynced: boolean;
  /** badge monotonic ms at the first frame (uint64 = 5) */
  monotonicMs: number;
  /** CodecParams = 6 */
  codec: CodecParams | null;
  /** StartTrigger = 7 */
  trigger: number;
  /** with monotonic_ms, identifies the time base (uint32 = 8) */
  bootCount: number;
  /** this connection's alias of the session (CAPABILITY_COMPACT_CHUNKS); 0: none (uint32 = 9) */
  sessionAlias: number;
}
export declare const SessionStart: MessageType<SessionStart>;

/** up/session-end */
export interface SessionEnd {
  /** bytes = 1 */
  sessionId: Uint8Array;
  /** EndReason = 2 */
  reason: number;
  /** uint64 = 3 */
  endTimeMs: number;
  /** bool = 4 */
  clockSynced: boolean;
  /** frame indices used, dropped ones included (uint32 = 5) */
  totalFrames: number;
  /** Opus bytes of the frames kept (uint64 = 6) */
  totalBytes: number;
  /** chunks written: seq 0 .. total_chunks-1 (uint32 = 7) */
  totalChunks: number;
  /** crc32 continued over every kept frame's bytes, in frame order (fixed32 = 8) */
  digest: number;
  /** uint32 = 9 */
  droppedFrames: number;
  /** where the dropped frames are (repeated FrameGap = 10) */
  gaps: FrameGap[];
  /** start time was corrected after a clock sync (bool = 11) */
  timeCorrected: boolean;
  /** unix ms = monotonic ms + clock_offset_ms (sint64 = 12) */
  clockOffsetMs: number;
}
export declare const SessionEnd: MessageType<SessionEnd>;

/**
 * up/chunk
 * 
 * The frames travel in one of two forms, exactly one per chunk (a chunk with
 * both is malformed):
 * - legacy: `frames`, one field per Opus packet (2 bytes of tag + length
 * per ~40-byte frame);
 * - packed: `frame_data`, the packets concatenated, and `frame_sizes`, each
 * packet's length as a varint, in order (the same bytes as a packed
 * `repeated uint32`): 1 byte per frame below 128 bytes. Every size is
 * 1..1275 and the sizes add up to the length of frame_data.
 * - compact sizes: `frame_data` with `frame_sizes_rice` instead of
 * `frame_sizes`: the sizes Rice-coded (docs/protocol.md has the bit-level
 * description): ~5.6 bits per frame instead of 8; and `first_frame_delta`
 * instead of `first_frame`.
 * A badge sends the packed form only to a gateway whose HelloReply has
 * CAPABILITY_PACKED_FRAMES; every gateway that sets it decodes both forms.
 * 
 * The session is named by exactly one of `session_id` and `session_alias`
 * (a small number the badge announced for it on this MQTT connection, in
 * Hello's inventory or in SessionStart). A badge uses `session_alias` and
 * `frame_sizes_rice` only with a gateway whose HelloReply has
 * CAPABILITY_COMPACT_CHUNKS.
 */
export interface AudioChunk {
  /** bytes = 1 */
  sessionId: Uint8Array;
  /** uint32 = 2 */
  seq: number;
  /** frame index of the chunk's first frame (uint32 = 3) */
  firstFrame: number;
  /** legacy form: Opus packets, one per frame (repeated bytes = 4) */
  frames: Uint8Array[];
  /** capture time of the chunk's first frame (uint64 = 5) */
  captureTimeMs: number;
  /** bool = 6 */
  clockSynced: boolean;
  /** crc32 over the concatenated frames (either form) (fixed32 = 7) */
  crc32: number;
  /** false: live; true: drained from flash (bool = 8) */
  backlog: boolean;
  /** packed form: the Opus packets concatenated (bytes = 9) */
  frameData: Uint8Array;
  /** packed form: one varint per packet, its length (bytes = 10) */
  frameSizes: Uint8Array;
  /** instead of session_id: this connection's alias of the session (uint32 = 11) */
  sessionAlias: number;
  /** compact sizes: instead of frame_sizes, the sizes Rice-coded (bytes = 12) */
  frameSizesRice: Uint8Array;
  /**
   * With frame_sizes_rice, instead of first_frame (which is then absent):
   * first_frame = seq * (frames in this chunk) + first_frame_delta, 0 (absent)
   * for every chunk of a session whose chunks all have the same frame count. (sint64 = 13)
   */
  firstFrameDelta: number;
}
export declare const AudioChunk: MessageType<AudioChunk>;

/** up/telemetry */
export interface Telemetry {
  /** uint32 = 1 */
  batteryPercent: number;
  /** uint32 = 2 */
  batteryMv: number;
  /** bool = 3 */
  charging: boolean;
  /** uint32 = 4 */
  flashUsedBytes: number;
  /** uint32 = 5 */
  flashFreeBytes: number;
  /** uint32 = 6 */
  backlogSeconds: number;
  /** sint32 = 7 */
  rssiDbm: number;
  /** uint32 = 8 */
  uptimeS: number;
  /** DeviceState = 9 */
  state: number;
  /** since boot (uint32 = 10) */
  droppedFrames: number;
  /** ClockState = 11 */
  clockState: number;
  /** string = 12 */
  firmwareVersion: string;
  /** uint32 = 13 */
  lastErrorCode: number;
  /** uint64 = 14 */
  timeMs: number;
  /** uint32 = 15 */
  configVersion: number;
  /** uint32 = 16 */
  bootCount: number;
  /** since boot: flash segments the badge had to erase in the foreground (recording waited) (uint32 = 17) */
  spoolEraseStalls: number;
}
export declare const Telemetry: MessageType<Telemetry>;

/** up/event */
export interface Event {
  /** EventKind = 1 */
  kind: number;
  /** uint64 = 2 */
  timeMs: number;
  /** bool = 3 */
  clockSynced: boolean;
  /** per boot, for de-duplication (uint32 = 4) */
  eventSeq: number;
  /** the session it belongs to, if any (bytes = 5) */
  sessionId: Uint8Array;
  /** bookmarks: the frame at the moment (uint32 = 6) */
  frameIndex: number;
  /** ButtonAction = 7 */
  button: number;
  /** DeviceState = 8 */
  fromState: number;
  /** DeviceState = 9 */
  toState: number;
  /** uint32 = 10 */
  errorCode: number;
  /** sint64 = 11 */
  value: number;
  /** string = 12 */
  detail: string;
}
export declare const Event: MessageType<Event>;

/** up/command-result */
export interface CommandResult {
  /** string = 1 */
  commandId: string;
  /** CommandStatus = 2 */
  status: number;
  /** string = 3 */
  detail: string;
  /** uint64 = 4 */
  timeMs: number;
  /** bytes done, for long commands (firmware) (uint32 = 5) */
  progress: number;
}
export declare const CommandResult: MessageType<CommandResult>;

/**
 * up/firmware-request: the badge pulls firmware in ranges, so a download
 * resumes from the bytes already staged after any disconnect or reboot.
 */
export interface FirmwareRequest {
  /** string = 1 */
  releaseId: string;
  /** uint32 = 2 */
  offset: number;
  /** uint32 = 3 */
  length: number;
}
export declare const FirmwareRequest: MessageType<FirmwareRequest>;

/** What the gateway durably holds of one session the badge listed. */
export interface ResumePoint {
  /** bytes = 1 */
  sessionId: Uint8Array;
  /** every seq <= this is stored; -1: none (sint64 = 2) */
  receivedThrough: number;
  /** gaps above received_through, up to the highest seq stored (repeated SeqRange = 3) */
  missing: SeqRange[];
  /** finalised: the badge may delete it all (bool = 4) */
  complete: boolean;
}
export declare const ResumePoint: MessageType<ResumePoint>;

/** down/hello-reply */
export interface HelloReply {
  /** uint64 = 1 */
  serverTimeMs: number;
  /** uint32 = 2 */
  wantedConfigVersion: number;
  /** repeated ResumePoint = 3 */
  resume: ResumePoint[];
  /** the badge must enter the locked state (bool = 4) */
  locked: boolean;
  /** OR of Capability values the gateway accepts (uint32 = 5) */
  capabilities: number;
}
export declare const HelloReply: MessageType<HelloReply>;

/** down/ack: sent only once the acknowledged chunks are durably stored. */
export interface ChunkAck {
  /** bytes = 1 */
  sessionId: Uint8Array;
  /** every seq <= this is stored; -1: none (sint64 = 2) */
  contiguousThrough: number;
  /** repeated SeqRange = 3 */
  missing: SeqRange[];
  /** SessionEnd processed and session finalised (bool = 4) */
  complete: boolean;
}
export declare const ChunkAck: MessageType<ChunkAck>;

export interface WifiNetwork {
  /** string = 1 */
  ssid: string;
  /** string = 2 */
  psk: string;
}
export declare const WifiNetwork: MessageType<WifiNetwork>;

/** Minutes since local midnight; weekdays is a bit mask, bit 0 = Monday. */
export interface ScheduleWindow {
  /** uint32 = 1 */
  weekdays: number;
  /** uint32 = 2 */
  startMinute: number;
  /** uint32 = 3 */
  endMinute: number;
}
export declare const ScheduleWindow: MessageType<ScheduleWindow>;

export interface LedSettings {
  /** status LEDs; the recording LED is wired to capture power (uint32 = 1) */
  brightnessPercent: number;
  /** bool = 2 */
  statusLedEnabled: boolean;
}
export declare const LedSettings: MessageType<LedSettings>;

export interface HapticSettings {
  /** bool = 1 */
  enabled: boolean;
  /** uint32 = 2 */
  strengthPercent: number;
}
export declare const HapticSettings: MessageType<HapticSettings>;

/** down/config: retained per device. Zero fields mean "firmware default". */
export interface Config {
  /** uint32 = 1 */
  version: number;
  /** RecordingMode = 2 */
  recordingMode: number;
  /** uint32 = 3 */
  bitrate: number;
  /** uint32 = 4 */
  chunkDurationMs: number;
  /** uint32 = 5 */
  silenceSplitS: number;
  /** uint32 = 6 */
  maxSessionS: number;
  /** UploadPolicy = 7 */
  uploadPolicy: number;
  /** uint32 = 8 */
  batchIntervalMin: number;
  /** uint32 = 9 */
  telemetryIntervalS: number;
  /** repeated WifiNetwork = 10 */
  wifi: WifiNetwork[];
  /** repeated ScheduleWindow = 11 */
  workingHours: ScheduleWindow[];
  /** LedSettings = 12 */
  led: LedSettings | null;
  /** HapticSettings = 13 */
  haptic: HapticSettings | null;
  /** sint32 = 14 */
  utcOffsetMin: number;
  /** who wears the badge now (string = 15) */
  staffId: string;
  /** uint32 = 16 */
  otaConfirmTimeoutMin: number;
}
export declare const Config: MessageType<Config>;

export interface FirmwareUpdate {
  /** string = 1 */
  releaseId: string;
  /** string = 2 */
  version: string;
  /** uint32 = 3 */
  size: number;
  /** bytes = 4 */
  sha256: Uint8Array;
  /** uint32 = 5 */
  chunkSize: number;
}
export declare const FirmwareUpdate: MessageType<FirmwareUpdate>;

/** down/command */
export interface Command {
  /** string = 1 */
  id: string;
  /** CommandKind = 2 */
  kind: number;
  /** uint64 = 3 */
  issuedAtMs: number;
  /** 0: never (uint64 = 4) */
  expiresAtMs: number;
  /** for COMMAND_KIND_FIRMWARE_UPDATE (FirmwareUpdate = 5) */
  firmware: FirmwareUpdate | null;
}
export declare const Command: MessageType<Command>;

/** down/firmware: answer to a FirmwareRequest. */
export interface FirmwareChunk {
  /** string = 1 */
  releaseId: string;
  /** uint32 = 2 */
  offset: number;
  /** bytes = 3 */
  data: Uint8Array;
  /** uint32 = 4 */
  totalSize: number;
}
export declare const FirmwareChunk: MessageType<FirmwareChunk>;

/** Every message descriptor by message name. */
export declare const MESSAGES: {
  readonly CodecParams: MessageType<CodecParams>;
  readonly SeqRange: MessageType<SeqRange>;
  readonly FrameGap: MessageType<FrameGap>;
  readonly SessionInventory: MessageType<SessionInventory>;
  readonly Hello: MessageType<Hello>;
  readonly SessionStart: MessageType<SessionStart>;
  readonly SessionEnd: MessageType<SessionEnd>;
  readonly AudioChunk: MessageType<AudioChunk>;
  readonly Telemetry: MessageType<Telemetry>;
  readonly Event: MessageType<Event>;
  readonly CommandResult: MessageType<CommandResult>;
  readonly FirmwareRequest: MessageType<FirmwareRequest>;
  readonly ResumePoint: MessageType<ResumePoint>;
  readonly HelloReply: MessageType<HelloReply>;
  readonly ChunkAck: MessageType<ChunkAck>;
  readonly WifiNetwork: MessageType<WifiNetwork>;
  readonly ScheduleWindow: MessageType<ScheduleWindow>;
  readonly LedSettings: MessageType<LedSettings>;
  readonly HapticSettings: MessageType<HapticSettings>;
  readonly Config: MessageType<Config>;
  readonly FirmwareUpdate: MessageType<FirmwareUpdate>;
  readonly Command: MessageType<Command>;
  readonly FirmwareChunk: MessageType<FirmwareChunk>;
};

export declare const TOPIC_ROOT: 'badges';
/** Device -> gateway: topic kind -> message descriptor. */
export declare const UP: {
  readonly 'hello': MessageType<Hello>;
  readonly 'session-start': MessageType<SessionStart>;
  readonly 'session-end': MessageType<SessionEnd>;
  readonly 'chunk': MessageType<AudioChunk>;
  readonly 'telemetry': MessageType<Telemetry>;
  readonly 'event': MessageType<Event>;
  readonly 'command-result': MessageType<CommandResult>;
  readonly 'firmware-request': MessageType<FirmwareRequest>;
};
/** Gateway -> device: topic kind -> message descriptor. */
export declare const DOWN: {
  readonly 'hello-reply': MessageType<HelloReply>;
  readonly 'ack': MessageType<ChunkAck>;
  readonly 'config': MessageType<Config>;
  readonly 'command': MessageType<Command>;
  readonly 'firmware': MessageType<FirmwareChunk>;
};
export type UpKind = keyof typeof UP;
export type DownKind = keyof typeof DOWN;
/** `badges/{deviceId}/up/{kind}` */
export declare function upTopic(deviceId: string, kind: UpKind): string;
/** `badges/{deviceId}/down/{kind}` */
export declare function downTopic(deviceId: string, kind: DownKind): string;
