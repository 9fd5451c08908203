import { crc32 } from 'node:zlib';
import { SPOOL_MAGIC, scanFramed, RECORD_HEADER_BYTES, decodeSpoolPayload, type FramedScan, type SpoolChunk } from './spool-record.js';

/**
 * The write-ahead journal: every chunk record is appended to the current
 * journal segment as well as to its session's spool file, and the group
 * commit fsyncs only the journal — one fsync per commit however many
 * sessions are streaming (per-session fsyncs measured here: ~5 ms each
 * serially, hundreds of ms per commit with hundreds of live sessions).
 * Session spool files are fsynced at checkpoints, after which older segments
 * are deleted. A journal record is
 *   magic 'PJR1' | length | crc32 | device id length u8 | device id | session id (16 bytes) | spool record
 */
export const JOURNAL_MAGIC = 0x31524a50; // 'PJR1' read as little-endian u32

export interface JournalEntry {
  deviceId: string;
  sessionHex: string;
  /** The complete spool record (framed), to append to the session file as is. */
  spoolRecord: Buffer;
  chunk: SpoolChunk;
}

/**
 * The journal record for a spool record, as two buffers to write one after
 * the other (header + device/session prefix, then the spool record itself, not copied).
 */
export function encodeJournalRecord(deviceId: string, sessionHex: string, spoolRecord: Buffer): [Buffer, Buffer] {
  const devLen = Buffer.byteLength(deviceId, 'latin1');
  const head = Buffer.allocUnsafe(RECORD_HEADER_BYTES + 1 + devLen + 16);
  const prefix = head.subarray(RECORD_HEADER_BYTES);
  prefix.writeUInt8(devLen, 0);
  prefix.write(deviceId, 1, 'latin1');
  prefix.write(sessionHex, 1 + devLen, 'hex');
  head.writeUInt32LE(JOURNAL_MAGIC, 0);
  head.writeUInt32LE(prefix.length + spoolRecord.length, 4);
  head.writeUInt32LE(crc32(spoolRecord, crc32(prefix)), 8);
  return [head, spoolRecord];
}

function decodeJournalPayload(payload: Buffer): JournalEntry {
  const devLen = payload.readUInt8(0);
  const deviceId = payload.toString('latin1', 1, 1 + devLen);
  const sessionHex = payload.toString('hex', 1 + devLen, 1 + devLen + 16);
  const spoolRecord = payload.subarray(1 + devLen + 16);
  if (spoolRecord.length < RECORD_HEADER_BYTES || spoolRecord.readUInt32LE(0) !== SPOOL_MAGIC) throw new RangeError('journal entry without a spool record');
  const len = spoolRecord.readUInt32LE(4);
  if (RECORD_HEADER_BYTES + len !== spoolRecord.length) throw new RangeError('journal entry spool record length');
  return { deviceId, sessionHex, spoolRecord, chunk: decodeSpoolPayload(spoolRecord.subarray(RECORD_HEADER_BYTES)) };
}

export function scanJournal(buf: Buffer): FramedScan<JournalEntry> {
  return scanFramed(buf, JOURNAL_MAGIC, decodeJournalPayload);
}

/** Segment file names: 16-digit zero-padded sequence numbers. */
export const SEGMENT_PATTERN = /^(\d{16})\.wal$/;

export function segmentName(n: number): string {
  return `${String(n).padStart(16, '0')}.wal`;
}
