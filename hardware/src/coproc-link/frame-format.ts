/**
 * The badge's MCU <-> audio co-processor UART link: wire constants.
 * docs/hardware.md ("Co-processor link") is the prose specification; this
 * file is its single source of numbers. Runs on the badge (Espruino subset).
 *
 * Frame (all multi-byte fields little-endian):
 *
 *   offset size field
 *   0      1    sync 0xA5
 *   1      1    sync 0x5A
 *   2      1    type        (FrameType; bit 7 set = MCU -> co-processor)
 *   3      1    flags       (AudioFlag for AUDIO frames, 0 otherwise)
 *   4      2    index       (AUDIO: capture frame counter since START;
 *                            others: per-direction control sequence number;
 *                            ACK: the index of the command it answers)
 *   6      2    length      (payload bytes, 0..MAX_PAYLOAD, fixed per type
 *                            except AUDIO)
 *   8      n    payload
 *   8+n    2    crc         CRC-16/IBM-3740 over bytes 2 .. 8+n-1
 */
export const SYNC0 = 0xa5;
export const SYNC1 = 0x5a;
export const HEADER_LEN = 8;
export const CRC_LEN = 2;
/**
 * Largest payload. Opus at the link's highest bitrate (64 kbit/s) averages
 * 160 bytes per 20 ms frame; the co-processor runs constrained VBR, whose
 * packets stay within 2x the average.
 */
export const MAX_PAYLOAD = 320;
export const MAX_FRAME_LEN = HEADER_LEN + MAX_PAYLOAD + CRC_LEN;
export const INDEX_MODULO = 0x10000;

/** Frame types. Co-processor -> MCU have bit 7 clear; MCU -> co-processor set. */
export const FrameType = {
  /** One Opus packet (20 ms) with its VAD flag. */
  Audio: 0x01,
  /** Co-processor state snapshot: sent after START/STOP, on STATUS_REQUEST, and every second while capturing. */
  Status: 0x02,
  /** Answer to one command: [command type, AckResult]. */
  Ack: 0x03,
  /** Sent once after the co-processor (re)boots: everything it held is gone. */
  Boot: 0x04,
  /** Start capture: power the encoder path, reset the audio frame counter to 0. */
  Start: 0x81,
  /** Stop capture. Frames already queued are still sent while credits last. */
  Stop: 0x82,
  /** Set the Opus bitrate: u16 bits per second. */
  SetBitrate: 0x83,
  /** Set the microphone gain: i8 dB. */
  SetGain: 0x84,
  /** Grant audio credits: u8 frames the MCU can take. */
  Credit: 0x85,
  /** Ask for a STATUS frame. */
  StatusRequest: 0x86,
} as const;

/** AUDIO frame flags. */
export const AudioFlag = {
  /** The co-processor's voice-activity detector judged this frame speech. */
  Vad: 0x01,
  /**
   * The co-processor dropped frames just before this one (its queue filled
   * while it had no credits). The gap shows in the index too.
   */
  Overflow: 0x02,
} as const;

/** ACK results. */
export const AckResult = {
  Ok: 0,
  BadArgument: 1,
  /** Not valid in the current state (e.g. SET_BITRATE while capturing is allowed; START while started is not). */
  BadState: 2,
  Unsupported: 3,
} as const;

/** Co-processor states reported in STATUS. */
export const CoprocState = {
  Idle: 0,
  Capturing: 1,
  Fault: 2,
} as const;

export const STATUS_PAYLOAD_LEN = 10;
export const ACK_PAYLOAD_LEN = 2;
export const BOOT_PAYLOAD_LEN = 4;

/** Opus bitrates the co-processor accepts (bits per second). */
export const MIN_BITRATE = 6000;
export const MAX_BITRATE = 64000;
/** Microphone gain range (dB). */
export const MIN_GAIN_DB = -12;
export const MAX_GAIN_DB = 24;
/** Credits granted by one CREDIT frame. */
export const MAX_CREDIT_GRANT = 255;
/** Frames the co-processor can queue while it has no credit (1.28 s at 20 ms). */
export const COPROC_QUEUE_FRAMES = 64;
/** Version of this framing, sent in BOOT. */
export const LINK_PROTOCOL_VERSION = 1;

/** Payload length of a type: a fixed length, VARIABLE (1..MAX_PAYLOAD) or UNKNOWN. */
export const UNKNOWN_TYPE = -1;
export const VARIABLE_LENGTH = -2;

/** Which end's frames a decoder accepts. */
export const LinkDirection = {
  /** Frames the co-processor sends (the MCU's decoder). */
  ToMcu: 0,
  /** Frames the MCU sends (the co-processor's decoder / emulator). */
  ToCoproc: 1,
} as const;

/**
 * payloadLengths(direction)[type] is the payload length the type requires:
 * a fixed length, VARIABLE_LENGTH, or UNKNOWN_TYPE for types that direction
 * never carries. Used to reject a false sync before waiting for its payload.
 */
export function payloadLengths(direction: number): Int8Array {
  const lens = new Int8Array(256);
  lens.fill(UNKNOWN_TYPE);
  if (direction === LinkDirection.ToMcu) {
    lens[FrameType.Audio] = VARIABLE_LENGTH;
    lens[FrameType.Status] = STATUS_PAYLOAD_LEN;
    lens[FrameType.Ack] = ACK_PAYLOAD_LEN;
    lens[FrameType.Boot] = BOOT_PAYLOAD_LEN;
  } else {
    lens[FrameType.Start] = 0;
    lens[FrameType.Stop] = 0;
    lens[FrameType.SetBitrate] = 2;
    lens[FrameType.SetGain] = 1;
    lens[FrameType.Credit] = 1;
    lens[FrameType.StatusRequest] = 0;
  }
  return lens;
}

/** Direction a frame type travels in. */
export function directionOf(type: number): number {
  return type & 0x80 ? LinkDirection.ToCoproc : LinkDirection.ToMcu;
}

/** Opus frame length on the link (ms). */
export const FRAME_MS = 20;
/** While capturing, the co-processor sends STATUS every this many frames (1 s). */
export const STATUS_EVERY_FRAMES = 50;
/** The MCU resends a command (same index) when no ACK arrives within this time. */
export const COMMAND_ACK_TIMEOUT_MS = 50;
/** Resends before the MCU gives up and resets the co-processor. */
export const COMMAND_RETRIES = 3;
/** Capturing, with no frame for this long: STATUS_REQUEST, then reset if still silent. */
export const LINK_SILENCE_TIMEOUT_MS = 500;

/**
 * Largest AUDIO payload at a bitrate: the co-processor passes twice the
 * average packet size as opus_encode()'s max_data_bytes, a hard cap.
 */
export function maxAudioPayloadFor(bitrateBps: number): number {
  const twiceAverage = 2 * Math.ceil((bitrateBps * FRAME_MS) / 8000);
  return twiceAverage < MAX_PAYLOAD ? twiceAverage : MAX_PAYLOAD;
}

/**
 * Most AUDIO credits the MCU may have outstanding: as many of the largest
 * frames at this bitrate as fit in its UART receive buffer, so the buffer
 * can never overrun, however late the MCU reads it.
 */
export function creditWindow(rxBufferBytes: number, bitrateBps: number): number {
  const n = Math.floor(rxBufferBytes / (HEADER_LEN + maxAudioPayloadFor(bitrateBps) + CRC_LEN));
  return n < MAX_CREDIT_GRANT ? n : MAX_CREDIT_GRANT;
}
/** After power-up or reset, BOOT must arrive within this time or the MCU resets again. */
export const LINK_BOOT_TIMEOUT_MS = 1000;
/** Consecutive failed resets before the MCU gives up on the co-processor (fault). */
export const LINK_MAX_RESETS = 3;
/** A STATUS showing fewer credits than the MCU counts is believed once no CREDIT has been sent for this long. */
export const CREDIT_SETTLE_MS = 100;
