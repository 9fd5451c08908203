/**
 * Frame encoder for the co-processor link. The MCU uses it on the badge for
 * commands; the simulator's co-processor emulation uses it in Node for audio,
 * status, ack and boot frames. Espruino subset; the only allocation is the
 * output array of encodeFrame (writeFrame writes into the caller's buffer).
 */
import { hardwareError, HardwareErrorCode } from '../errors.js';
import { crc16 } from './crc16.js';
import {
  CRC_LEN,
  HEADER_LEN,
  LinkDirection,
  MAX_PAYLOAD,
  SYNC0,
  SYNC1,
  UNKNOWN_TYPE,
  VARIABLE_LENGTH,
  directionOf,
  payloadLengths,
} from './frame-format.js';

const toMcuLengths = payloadLengths(LinkDirection.ToMcu);
const toCoprocLengths = payloadLengths(LinkDirection.ToCoproc);

function checkByte(name: string, value: number, max: number): void {
  if (!(value >= 0 && value <= max && Math.floor(value) === value)) {
    throw hardwareError(HardwareErrorCode.LinkBadArgument, name + ' must be an integer 0..' + max + ', got ' + value);
  }
}

/** Throws unless a payload of `length` bytes is valid for `type`. */
export function checkFrameShape(type: number, length: number): void {
  checkByte('frame type', type, 0xff);
  const lens = directionOf(type) === LinkDirection.ToMcu ? toMcuLengths : toCoprocLengths;
  const want = lens[type] as number;
  if (want === UNKNOWN_TYPE) {
    throw hardwareError(HardwareErrorCode.LinkBadArgument, 'unknown frame type 0x' + type.toString(16));
  }
  if (length > MAX_PAYLOAD) {
    throw hardwareError(HardwareErrorCode.LinkPayloadTooLarge, 'payload of ' + length + ' bytes exceeds ' + MAX_PAYLOAD);
  }
  if (want === VARIABLE_LENGTH ? length < 1 : length !== want) {
    throw hardwareError(
      HardwareErrorCode.LinkBadPayload,
      'frame type 0x' + type.toString(16) + ' takes ' + (want === VARIABLE_LENGTH ? '1..' + MAX_PAYLOAD : want) +
        ' payload bytes, got ' + length,
    );
  }
}

/** Total bytes on the wire for a payload of `payloadLength` bytes. */
export function frameLength(payloadLength: number): number {
  return HEADER_LEN + payloadLength + CRC_LEN;
}

/**
 * Writes one frame into out[outOffset..] and returns the bytes written.
 * The payload is payload[payloadOffset, payloadOffset + payloadLength).
 */
export function writeFrame(
  out: Uint8Array,
  outOffset: number,
  type: number,
  flags: number,
  index: number,
  payload: Uint8Array,
  payloadOffset: number,
  payloadLength: number,
): number {
  checkFrameShape(type, payloadLength);
  checkByte('flags', flags, 0xff);
  checkByte('index', index, 0xffff);
  if (payloadOffset < 0 || payloadOffset + payloadLength > payload.length) {
    throw hardwareError(HardwareErrorCode.LinkBadArgument, 'payload range outside the payload array');
  }
  const total = frameLength(payloadLength);
  if (outOffset < 0 || outOffset + total > out.length) {
    throw hardwareError(HardwareErrorCode.LinkBadArgument, 'output buffer too small for a ' + total + '-byte frame');
  }
  const o = outOffset;
  out[o] = SYNC0;
  out[o + 1] = SYNC1;
  out[o + 2] = type;
  out[o + 3] = flags;
  out[o + 4] = index & 0xff;
  out[o + 5] = (index >> 8) & 0xff;
  out[o + 6] = payloadLength & 0xff;
  out[o + 7] = (payloadLength >> 8) & 0xff;
  for (let i = 0; i < payloadLength; i++) out[o + HEADER_LEN + i] = payload[payloadOffset + i] as number;
  const crc = crc16(out, o + 2, o + HEADER_LEN + payloadLength);
  out[o + HEADER_LEN + payloadLength] = crc & 0xff;
  out[o + HEADER_LEN + payloadLength + 1] = (crc >> 8) & 0xff;
  return total;
}

/** Encodes one frame into a new array. */
export function encodeFrame(type: number, flags: number, index: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(frameLength(payload.length));
  writeFrame(out, 0, type, flags, index, payload, 0, payload.length);
  return out;
}
