import { crc32 } from 'node:zlib';

/**
 * One chunk as stored in a session's spool file. A record is
 *   magic u32 'PSR1' | payload length u32 | crc32(payload) u32 | payload
 * (little-endian) and the payload is
 *   seq u32 | first frame u32 | capture time f64 | flags u8 (1: clock synced, 2: backlog)
 *   | reserved u8 | frame count u16 | frame lengths u16 × count | frame bytes.
 * The length + CRC let recovery tell a complete record from a torn tail.
 */
export interface SpoolChunk {
  seq: number;
  firstFrame: number;
  captureTimeMs: number;
  clockSynced: boolean;
  backlog: boolean;
  frames: Uint8Array[];
}

export const SPOOL_MAGIC = 0x31525350; // 'PSR1' read as little-endian u32
export const RECORD_HEADER_BYTES = 12;
/** No record may claim more than this (a chunk is bounded far below). */
export const MAX_RECORD_PAYLOAD = 16 * 1024 * 1024;

export function encodeSpoolRecord(chunk: SpoolChunk): Buffer {
  let frameBytes = 0;
  for (const f of chunk.frames) frameBytes += f.length;
  const payloadLen = 20 + 2 * chunk.frames.length + frameBytes;
  const b = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payloadLen);
  b.writeUInt32LE(SPOOL_MAGIC, 0);
  b.writeUInt32LE(payloadLen, 4);
  let p = RECORD_HEADER_BYTES;
  b.writeUInt32LE(chunk.seq, p);
  b.writeUInt32LE(chunk.firstFrame, p + 4);
  b.writeDoubleLE(chunk.captureTimeMs, p + 8);
  b.writeUInt8((chunk.clockSynced ? 1 : 0) | (chunk.backlog ? 2 : 0), p + 16);
  b.writeUInt8(0, p + 17);
  b.writeUInt16LE(chunk.frames.length, p + 18);
  p += 20;
  for (const f of chunk.frames) {
    b.writeUInt16LE(f.length, p);
    p += 2;
  }
  for (const f of chunk.frames) {
    b.set(f, p);
    p += f.length;
  }
  b.writeUInt32LE(crc32(b.subarray(RECORD_HEADER_BYTES)), 8);
  return b;
}

/** Decodes a payload whose CRC was already checked; throws RangeError if it is inconsistent. */
export function decodeSpoolPayload(payload: Uint8Array): SpoolChunk {
  const b = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (b.length < 20) throw new RangeError('spool payload too short');
  const count = b.readUInt16LE(18);
  let p = 20 + 2 * count;
  if (p > b.length) throw new RangeError('spool payload frame table truncated');
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const len = b.readUInt16LE(20 + 2 * i);
    if (p + len > b.length) throw new RangeError('spool payload frames truncated');
    frames.push(b.subarray(p, p + len));
    p += len;
  }
  if (p !== b.length) throw new RangeError('spool payload has trailing bytes');
  const flags = b.readUInt8(16);
  return {
    seq: b.readUInt32LE(0),
    firstFrame: b.readUInt32LE(4),
    captureTimeMs: b.readDoubleLE(8),
    clockSynced: (flags & 1) !== 0,
    backlog: (flags & 2) !== 0,
    frames,
  };
}

export interface ScannedRecord {
  offset: number;
  length: number;
  chunk: SpoolChunk;
}

export interface SpoolScan {
  records: ScannedRecord[];
  /** Byte offset after the last valid record: everything from here on is a torn tail. */
  validEnd: number;
  /** Damaged regions between valid records (not a torn tail: real corruption). */
  corrupt: Array<{ offset: number; length: number }>;
}

export interface FramedScan<R> {
  records: Array<{ offset: number; length: number; value: R }>;
  validEnd: number;
  corrupt: Array<{ offset: number; length: number }>;
}

/**
 * Reads every valid framed record of `buf`. A bad record followed by valid
 * ones is reported as corruption (skipped by searching for the next record
 * that checks out); a bad record with nothing valid after it is the torn
 * tail of an interrupted append.
 */
export function scanFramed<R>(buf: Buffer, magic: number, decode: (payload: Buffer) => R): FramedScan<R> {
  const at = (offset: number): { length: number; value: R } | null => {
    if (buf.length - offset < RECORD_HEADER_BYTES) return null;
    if (buf.readUInt32LE(offset) !== magic) return null;
    const len = buf.readUInt32LE(offset + 4);
    if (len > MAX_RECORD_PAYLOAD || offset + RECORD_HEADER_BYTES + len > buf.length) return null;
    const payload = buf.subarray(offset + RECORD_HEADER_BYTES, offset + RECORD_HEADER_BYTES + len);
    if (crc32(payload) !== buf.readUInt32LE(offset + 8)) return null;
    try {
      return { length: RECORD_HEADER_BYTES + len, value: decode(payload) };
    } catch {
      return null;
    }
  };
  const magicBytes = Buffer.alloc(4);
  magicBytes.writeUInt32LE(magic);
  const records: FramedScan<R>['records'] = [];
  const corrupt: FramedScan<R>['corrupt'] = [];
  let offset = 0;
  let validEnd = 0;
  while (offset < buf.length) {
    const rec = at(offset);
    if (rec) {
      records.push({ offset, ...rec });
      offset += rec.length;
      validEnd = offset;
      continue;
    }
    let next = -1;
    let from = offset + 1;
    for (;;) {
      const m = buf.indexOf(magicBytes, from);
      if (m < 0) break;
      if (at(m)) {
        next = m;
        break;
      }
      from = m + 1;
    }
    if (next < 0) break;
    corrupt.push({ offset, length: next - offset });
    offset = next;
  }
  return { records, validEnd, corrupt };
}

/** Reads every valid chunk record of a spool file's bytes (see scanFramed). */
export function scanSpool(buf: Buffer): SpoolScan {
  const scan = scanFramed(buf, SPOOL_MAGIC, decodeSpoolPayload);
  return { records: scan.records.map((r) => ({ offset: r.offset, length: r.length, chunk: r.value })), validEnd: scan.validEnd, corrupt: scan.corrupt };
}
