/**
 * Typed builders and readers for every link frame's payload. Espruino subset:
 * the MCU builds commands and reads STATUS/ACK/BOOT with these on the badge;
 * the co-processor emulation (Node) builds the other side's frames.
 * Readers take the decoder's (buffer, offset, length) triple and write into a
 * caller-owned object, so reading allocates nothing.
 */
import { hardwareError, HardwareErrorCode } from '../errors.js';
import {
  ACK_PAYLOAD_LEN,
  AudioFlag,
  BOOT_PAYLOAD_LEN,
  FrameType,
  MAX_BITRATE,
  MAX_CREDIT_GRANT,
  MAX_GAIN_DB,
  MIN_BITRATE,
  MIN_GAIN_DB,
  STATUS_PAYLOAD_LEN,
} from './frame-format.js';
import { encodeFrame } from './frame-writer.js';

const empty = new Uint8Array(0);

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max && Math.floor(value) === value)) {
    throw hardwareError(HardwareErrorCode.LinkBadArgument, name + ' must be an integer ' + min + '..' + max + ', got ' + value);
  }
}

function checkLength(name: string, length: number, want: number): void {
  if (length !== want) {
    throw hardwareError(HardwareErrorCode.LinkBadPayload, name + ' payload must be ' + want + ' bytes, got ' + length);
  }
}

// ------------------------------------------------------------ MCU -> co-processor

export function encodeStart(seq: number): Uint8Array {
  return encodeFrame(FrameType.Start, 0, seq, empty);
}

export function encodeStop(seq: number): Uint8Array {
  return encodeFrame(FrameType.Stop, 0, seq, empty);
}

export function encodeStatusRequest(seq: number): Uint8Array {
  return encodeFrame(FrameType.StatusRequest, 0, seq, empty);
}

/** bitsPerSecond in MIN_BITRATE..MAX_BITRATE. */
export function encodeSetBitrate(seq: number, bitsPerSecond: number): Uint8Array {
  checkRange('bitrate', bitsPerSecond, MIN_BITRATE, MAX_BITRATE);
  const p = new Uint8Array(2);
  p[0] = bitsPerSecond & 0xff;
  p[1] = (bitsPerSecond >> 8) & 0xff;
  return encodeFrame(FrameType.SetBitrate, 0, seq, p);
}

/** gainDb in MIN_GAIN_DB..MAX_GAIN_DB. */
export function encodeSetGain(seq: number, gainDb: number): Uint8Array {
  checkRange('gain', gainDb, MIN_GAIN_DB, MAX_GAIN_DB);
  const p = new Uint8Array(1);
  p[0] = gainDb & 0xff;
  return encodeFrame(FrameType.SetGain, 0, seq, p);
}

/** Grants `credits` (1..MAX_CREDIT_GRANT) more AUDIO frames to the co-processor. */
export function encodeCredit(seq: number, credits: number): Uint8Array {
  checkRange('credits', credits, 1, MAX_CREDIT_GRANT);
  const p = new Uint8Array(1);
  p[0] = credits;
  return encodeFrame(FrameType.Credit, 0, seq, p);
}

export function readBitrate(buf: Uint8Array, offset: number, length: number): number {
  checkLength('SET_BITRATE', length, 2);
  return (buf[offset] as number) | ((buf[offset + 1] as number) << 8);
}

export function readGain(buf: Uint8Array, offset: number, length: number): number {
  checkLength('SET_GAIN', length, 1);
  const v = buf[offset] as number;
  return v > 127 ? v - 256 : v;
}

export function readCredit(buf: Uint8Array, offset: number, length: number): number {
  checkLength('CREDIT', length, 1);
  return buf[offset] as number;
}

// ------------------------------------------------------------ co-processor -> MCU

/** One Opus packet. index: capture frame counter since START, mod 65536. */
export function encodeAudio(index: number, opus: Uint8Array, vad: boolean, overflow: boolean): Uint8Array {
  const flags = (vad ? AudioFlag.Vad : 0) | (overflow ? AudioFlag.Overflow : 0);
  return encodeFrame(FrameType.Audio, flags, index, opus);
}

export interface CoprocStatus {
  /** CoprocState */
  state: number;
  /** Voice activity right now. */
  vad: boolean;
  gainDb: number;
  /** AUDIO credits the co-processor still holds. */
  credits: number;
  bitrate: number;
  /** Frames dropped since START for lack of credit (saturates at 65535). */
  droppedFrames: number;
  /** Frames queued, waiting for credit. */
  queuedFrames: number;
  /** Co-processor's last error code, 0 when none. */
  lastError: number;
}

export function newCoprocStatus(): CoprocStatus {
  return { state: 0, vad: false, gainDb: 0, credits: 0, bitrate: 0, droppedFrames: 0, queuedFrames: 0, lastError: 0 };
}

export function encodeStatus(seq: number, s: CoprocStatus): Uint8Array {
  checkRange('state', s.state, 0, 255);
  checkRange('gain', s.gainDb, -128, 127);
  checkRange('credits', s.credits, 0, 255);
  checkRange('bitrate', s.bitrate, 0, 0xffff);
  checkRange('queued frames', s.queuedFrames, 0, 255);
  checkRange('last error', s.lastError, 0, 255);
  const p = new Uint8Array(STATUS_PAYLOAD_LEN);
  const dropped = s.droppedFrames > 0xffff ? 0xffff : s.droppedFrames;
  p[0] = s.state;
  p[1] = s.vad ? 1 : 0;
  p[2] = s.gainDb & 0xff;
  p[3] = s.credits;
  p[4] = s.bitrate & 0xff;
  p[5] = (s.bitrate >> 8) & 0xff;
  p[6] = dropped & 0xff;
  p[7] = (dropped >> 8) & 0xff;
  p[8] = s.queuedFrames;
  p[9] = s.lastError;
  return encodeFrame(FrameType.Status, 0, seq, p);
}

export function readStatus(buf: Uint8Array, offset: number, length: number, out: CoprocStatus): CoprocStatus {
  checkLength('STATUS', length, STATUS_PAYLOAD_LEN);
  const g = buf[offset + 2] as number;
  out.state = buf[offset] as number;
  out.vad = buf[offset + 1] !== 0;
  out.gainDb = g > 127 ? g - 256 : g;
  out.credits = buf[offset + 3] as number;
  out.bitrate = (buf[offset + 4] as number) | ((buf[offset + 5] as number) << 8);
  out.droppedFrames = (buf[offset + 6] as number) | ((buf[offset + 7] as number) << 8);
  out.queuedFrames = buf[offset + 8] as number;
  out.lastError = buf[offset + 9] as number;
  return out;
}

export interface CoprocAck {
  /** The FrameType of the command answered. */
  command: number;
  /** AckResult */
  result: number;
}

export function encodeAck(commandIndex: number, command: number, result: number): Uint8Array {
  checkRange('command', command, 0x80, 0xff);
  checkRange('result', result, 0, 255);
  const p = new Uint8Array(ACK_PAYLOAD_LEN);
  p[0] = command;
  p[1] = result;
  return encodeFrame(FrameType.Ack, 0, commandIndex, p);
}

export function readAck(buf: Uint8Array, offset: number, length: number, out: CoprocAck): CoprocAck {
  checkLength('ACK', length, ACK_PAYLOAD_LEN);
  out.command = buf[offset] as number;
  out.result = buf[offset + 1] as number;
  return out;
}

export interface CoprocBoot {
  protocolVersion: number;
  firmwareVersion: number;
}

export function encodeBoot(seq: number, protocolVersion: number, firmwareVersion: number): Uint8Array {
  checkRange('protocol version', protocolVersion, 0, 255);
  checkRange('firmware version', firmwareVersion, 0, 0xffff);
  const p = new Uint8Array(BOOT_PAYLOAD_LEN);
  p[0] = protocolVersion;
  p[1] = 0;
  p[2] = firmwareVersion & 0xff;
  p[3] = (firmwareVersion >> 8) & 0xff;
  return encodeFrame(FrameType.Boot, 0, seq, p);
}

export function readBoot(buf: Uint8Array, offset: number, length: number, out: CoprocBoot): CoprocBoot {
  checkLength('BOOT', length, BOOT_PAYLOAD_LEN);
  out.protocolVersion = buf[offset] as number;
  out.firmwareVersion = (buf[offset + 2] as number) | ((buf[offset + 3] as number) << 8);
  return out;
}
