import type { FlashStorage } from '../hal/flash.js';
import { copyBytes, fromHex, getU16, getU32, putU32, sameBytes, toHex } from './bytes.js';
import { FirmwareError } from './errors.js';

/**
 * The store-and-forward spool: an append-only log of records in fixed-size
 * flash segments, crash-safe at every byte.
 *
 * Record: 0xA5, type, payload length (u16 LE), payload, CRC-32 (u32 LE) over
 * type, length and payload. Erased flash reads 0xFF, so the first 0xFF header
 * byte ends a segment's log; a record whose magic, length or CRC is wrong is
 * a torn write: it and everything after it in that segment are ignored and
 * the segment is sealed (never appended to again). Every segment starts with
 * a HEADER record holding its generation, which orders segments after a reboot.
 *
 * Session metadata (START, GAP, END records) is copied forward into the
 * active segment before the segment holding it is erased, so it lives as long
 * as the session. A segment is erased only when every chunk in it is
 * acknowledged by the gateway (ChunkAck) or its session is complete: nothing
 * unacknowledged is ever overwritten. The last free segment is reserved for
 * metadata, so a full spool can still close its sessions.
 *
 * The RAM index has a fixed size, set at construction, whatever the backlog
 * (a badge offline for a shift holds hundreds of segments): typed arrays of
 * segCount entries (generation, bytes used, flags), K session slots per
 * segment (session table row, first and last seq), and a table of at most
 * maxSessions sessions (numbers and 16-byte ids in typed arrays). START and
 * END protobuf bytes and gaps stay in flash: the table holds where the
 * current START and END records are, and they are read when needed. A
 * segment that would take chunks of a (K+1)-th session is sealed; a new
 * session that finds the table full is refused like a full flash.
 */
export const SpoolRecord = { HEADER: 1, START: 2, CHUNK: 3, GAP: 4, END: 5 } as const;

const MAGIC = 0xa5;
/** Magic, type, length, CRC. */
export const RECORD_OVERHEAD = 8;
const SID_BYTES = 16;
/** Chunk payload prefix: session id, seq, frames end, bytes total, digest. */
const CHUNK_PREFIX = SID_BYTES + 16;
const MAX_PAYLOAD = 0xffff;

export type Crc32 = (data: Uint8Array, crc: number) => number;

/** Sessions the spool holds at most by default (a badge records a few dozen a shift). */
export const DEFAULT_MAX_SESSIONS = 32;
/** Sessions whose chunks one segment indexes by default (a segment is tens of seconds of audio). */
export const DEFAULT_SESSIONS_PER_SEGMENT = 4;

/** Bytes a segment file costs in flash beyond its size (Espruino Storage's header, with slack). */
const SEGMENT_FILE_OVERHEAD = 64;
/** Segment flags. */
const PRESENT = 1;
const SEALED = 2;
/** Holds chunks of more sessions than it has slots (written by an older firmware): found dead by reading it. */
const OVERFLOW = 4;
/** Holds records of a session the table had no room for at open: kept until the next open. */
const PINNED = 8;
const NO_SLOT = 0xff;

/**
 * One session still held in flash: a handle on a row of the spool's session
 * table. Its numbers are read from the table; `start`, `end` and `gaps` are
 * read from flash on each use. Once the session is complete (or wiped) the
 * handle is detached: `complete` is true and the row serves another session.
 */
export class SpoolSession {
  /** Row in the spool's session table, -1 once detached. */
  slot: number;
  readonly hex: string;
  private readonly sp: Spool;
  private readonly t: SessionTable;

  constructor(sp: Spool, t: SessionTable, slot: number, hex: string) {
    this.sp = sp;
    this.t = t;
    this.slot = slot;
    this.hex = hex;
  }

  /** The 16-byte session id (a copy). */
  get id(): Uint8Array {
    if (this.slot < 0) return fromHex(this.hex);
    return copyBytes(this.t.ids.subarray(this.slot * SID_BYTES, this.slot * SID_BYTES + SID_BYTES));
  }

  /** SessionStart protobuf bytes (read from flash), null if lost (should not happen). */
  get start(): Uint8Array | null {
    return this.slot < 0 ? null : this.sp.recordBody(this.t.get(this.slot, START_SEG), this.t.get(this.slot, START_OFF));
  }

  /** Latest SessionEnd protobuf bytes (read from flash), null while open. */
  get end(): Uint8Array | null {
    return this.slot < 0 ? null : this.sp.recordBody(this.t.get(this.slot, END_SEG), this.t.get(this.slot, END_OFF));
  }

  /** A SessionEnd is stored (without reading it). */
  get closed(): boolean {
    return this.slot >= 0 && this.t.get(this.slot, END_SEG) >= 0;
  }

  /** Dropped-frame gaps (read from flash), flat pairs: first frame, count. */
  get gaps(): number[] {
    return this.slot < 0 ? [] : this.sp.gapsOf(this);
  }

  /** Lowest chunk seq still in flash, -1 when none. */
  get lowestSeq(): number {
    return this.slot < 0 ? -1 : this.t.get(this.slot, LOWEST);
  }

  /** Highest chunk seq written, -1 when none. */
  get lastSeq(): number {
    return this.slot < 0 ? -1 : this.t.get(this.slot, LAST);
  }

  /** Every seq <= this is durably stored at the gateway. */
  get ackedThrough(): number {
    return this.slot < 0 ? -1 : this.t.get(this.slot, ACKED);
  }

  get complete(): boolean {
    return this.slot < 0;
  }

  /** Running totals as of the last chunk: next frame index, Opus bytes kept, digest. */
  get framesEnd(): number {
    return this.slot < 0 ? 0 : this.t.get(this.slot, FRAMES);
  }

  get bytesTotal(): number {
    return this.slot < 0 ? 0 : this.t.get(this.slot, BYTES);
  }

  get digest(): number {
    return this.slot < 0 ? 0 : this.t.get(this.slot, DIGEST) >>> 0;
  }
}

/** Fields of a session table row. */
const LOWEST = 0;
const LAST = 1;
const ACKED = 2;
const FRAMES = 3;
const BYTES = 4;
const DIGEST = 5;
/** Segment and offset of the current START and END records, segment -1 when none. */
const START_SEG = 6;
const START_OFF = 7;
const END_SEG = 8;
const END_OFF = 9;
/** 1 where the row holds a session (its handle is in the spool's held sessions). */
const USED = 10;
const ROW = 11;

/**
 * The session table: one row of ROW numbers per session held, all rows in one
 * typed array (on Espruino each typed array costs ~10 variables of its own),
 * and the 16-byte ids in another.
 */
export class SessionTable {
  readonly ids: Uint8Array;
  readonly rows: Int32Array;
  readonly size: number;

  constructor(n: number) {
    this.size = n;
    this.ids = new Uint8Array(n * SID_BYTES);
    this.rows = new Int32Array(n * ROW);
  }

  get(k: number, field: number): number {
    return this.rows[k * ROW + field] as number;
  }

  set(k: number, field: number, value: number): void {
    this.rows[k * ROW + field] = value;
  }

  /** The row holding `id` (16 bytes at `at`), -1 when none. */
  rowOf(id: Uint8Array, at: number): number {
    for (let k = 0; k < this.size; k++) {
      if (!this.get(k, USED)) continue;
      let same = true;
      for (let b = 0; b < SID_BYTES && same; b++) if (this.ids[k * SID_BYTES + b] !== id[at + b]) same = false;
      if (same) return k;
    }
    return -1;
  }
}

export interface SpoolOptions {
  /** Bytes the spool may use; rounded down to whole segments (at least 3). */
  capacityBytes: number;
  segmentBytes: number;
  /** File name prefix of the segments. */
  prefix: string;
  crc32: Crc32;
  /** Sessions held at most (default DEFAULT_MAX_SESSIONS, at most 254): a new one beyond is refused as FLASH_FULL. */
  maxSessions?: number;
  /** Sessions whose chunks one segment indexes (default DEFAULT_SESSIONS_PER_SEGMENT). */
  sessionsPerSegment?: number;
}

export interface SpoolOpenReport {
  segments: number;
  tornSegments: number;
  sessions: number;
  /** Segments holding records of sessions the table had no room for (kept, not indexed, until the next open). */
  pinnedSegments: number;
}

export class Spool {
  private readonly flash: FlashStorage;
  private readonly opts: SpoolOptions;
  private readonly segmentCount: number;
  private readonly slotsPerSegment: number;
  private readonly segmentGen: Uint32Array;
  private readonly segmentUsed: Uint32Array;
  private readonly segmentFlags: Uint8Array;
  /** K slots per segment: session table row (NO_SLOT when free), first and last seq of its chunks there. */
  private readonly slotSession: Uint8Array;
  private readonly slotFirst: Uint32Array;
  private readonly slotLastSeq: Uint32Array;
  private readonly sessionTable: SessionTable;
  /** Handles of the sessions held, oldest first. */
  private heldSessions: SpoolSession[] = [];
  private activeSegment = -1;
  private nextGeneration = 1;
  private cursorSeg = -1;
  private cursorOff = 0;
  /** Offset of the record the last append wrote. */
  private appendedOff = 0;
  private collecting = false;

  constructor(flash: FlashStorage, opts: SpoolOptions) {
    this.flash = flash;
    this.opts = opts;
    this.segmentCount = Math.floor(opts.capacityBytes / opts.segmentBytes);
    if (this.segmentCount < 3) throw new FirmwareError('FLASH_FULL', 'spool needs at least 3 segments');
    if (this.segmentCount > 0x7fff) throw new FirmwareError('FLASH_FULL', 'spool has too many segments');
    if (opts.segmentBytes < 1024) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', 'segments must be at least 1 KiB');
    const n = opts.maxSessions ?? DEFAULT_MAX_SESSIONS;
    if (n < 1 || n >= NO_SLOT) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', 'maxSessions must be 1..254');
    this.slotsPerSegment = Math.max(1, opts.sessionsPerSegment ?? DEFAULT_SESSIONS_PER_SEGMENT);
    this.segmentGen = new Uint32Array(this.segmentCount);
    this.segmentUsed = new Uint32Array(this.segmentCount);
    this.segmentFlags = new Uint8Array(this.segmentCount);
    this.slotSession = new Uint8Array(this.segmentCount * this.slotsPerSegment);
    this.slotFirst = new Uint32Array(this.segmentCount * this.slotsPerSegment);
    this.slotLastSeq = new Uint32Array(this.segmentCount * this.slotsPerSegment);
    this.sessionTable = new SessionTable(n);
  }

  /** Reads every segment back after boot; drops torn tails. */
  open(): SpoolOpenReport {
    this.resetIndex();
    let torn = 0;
    const scanOrder: number[] = [];
    for (let i = 0; i < this.segmentCount; i++) {
      const name = this.segmentName(i);
      if (this.flash.size(name) < 0) continue;
      const gen = this.readGeneration(name);
      if (gen < 0) {
        // A segment whose header was torn holds nothing.
        this.flash.erase(name);
        continue;
      }
      this.segmentFlags[i] = PRESENT;
      this.segmentGen[i] = gen;
      scanOrder.push(i);
      if (gen >= this.nextGeneration) this.nextGeneration = gen + 1;
    }
    const gens = this.segmentGen;
    scanOrder.sort((a, b) => (gens[a] as number) - (gens[b] as number));
    for (const i of scanOrder) {
      if (!this.scanSegment(i)) torn++;
    }
    let newest = -1;
    for (const i of scanOrder) newest = i;
    if (newest >= 0 && !this.segmentSealed(newest)) this.activeSegment = newest;
    // Seal every older segment: appends only go to the newest one.
    let pinned = 0;
    for (const i of scanOrder) {
      if (i !== this.activeSegment) this.markSegment(i, SEALED);
      if ((this.segmentFlags[i] as number) & PINNED) pinned++;
    }
    this.collect();
    return { segments: scanOrder.length, tornSegments: torn, sessions: this.heldSessions.length, pinnedSegments: pinned };
  }

  /** Sessions still held, oldest first (complete ones excluded). */
  sessions(): SpoolSession[] {
    return this.heldSessions;
  }

  find(hex: string): SpoolSession | null {
    for (const s of this.heldSessions) if (s.hex === hex) return s;
    return null;
  }

  /** Sessions the spool may hold at once. */
  maxSessions(): number {
    return this.sessionTable.size;
  }

  capacity(): number {
    return this.segmentCount * this.opts.segmentBytes;
  }

  usedBytes(): number {
    let used = 0;
    for (let i = 0; i < this.segmentCount; i++) {
      const f = (this.segmentFlags[i] as number);
      if (f & PRESENT) used += f & SEALED ? this.opts.segmentBytes : (this.segmentUsed[i] as number);
    }
    return used;
  }

  freeBytes(): number {
    return this.capacity() - this.usedBytes();
  }

  /** Whole percent in use of the capacity audio may fill (the metadata reserve segment excluded); 100 when full. */
  percentUsed(): number {
    const usable = this.capacity() - this.opts.segmentBytes;
    return Math.min(100, Math.floor((this.usedBytes() * 100) / usable));
  }

  /**
   * True when a chunk record of `payloadBytes` would not fit without touching
   * the metadata reserve, or when the session table has no row for a new session.
   */
  isFullFor(payloadBytes: number): boolean {
    return this.freeSessionRow() < 0 || this.bytesFullFor(payloadBytes);
  }

  /** Chunks written and not yet acknowledged. */
  unackedChunks(): number {
    let n = 0;
    for (const s of this.heldSessions) if (s.lastSeq > s.ackedThrough) n += s.lastSeq - s.ackedThrough;
    return n;
  }

  /** Starts a session. Throws FLASH_FULL when the session table is full or not even the START fits. */
  beginSession(id: Uint8Array, start: Uint8Array): SpoolSession {
    const s = this.sessionOf(id, 0);
    if (!s) throw new FirmwareError('FLASH_FULL', 'spool holds ' + this.sessionTable.size + ' sessions');
    this.appendMeta(s, SpoolRecord.START, start);
    return s;
  }

  /**
   * Appends one chunk. Returns false (and writes nothing) when the spool is
   * full for chunks.
   */
  appendChunk(s: SpoolSession, seq: number, framesEnd: number, bytesTotal: number, digest: number, chunk: Uint8Array): boolean {
    const k = s.slot;
    if (k < 0) return false;
    if (this.bytesFullFor(chunk.length)) return false;
    const act = this.activeSegment;
    if (act >= 0 && !this.segmentSealed(act) && this.slotOfSession(act, k) < 0) {
      // No slot for this session in the active segment: the chunk goes to a new one.
      if (!this.canOpenChunkSegment()) return false;
      this.markSegment(act, SEALED);
    }
    const payload = new Uint8Array(CHUNK_PREFIX + chunk.length);
    payload.set(this.sessionTable.ids.subarray(k * SID_BYTES, k * SID_BYTES + SID_BYTES), 0);
    putU32(payload, SID_BYTES, seq);
    putU32(payload, SID_BYTES + 4, framesEnd);
    putU32(payload, SID_BYTES + 8, bytesTotal);
    putU32(payload, SID_BYTES + 12, digest);
    payload.set(chunk, CHUNK_PREFIX);
    const seg = this.appendRecord(SpoolRecord.CHUNK, payload, false);
    this.indexChunk(seg, k, seq, framesEnd, bytesTotal, digest);
    return true;
  }

  appendGap(s: SpoolSession, firstFrame: number, count: number): void {
    if (s.slot < 0) return;
    const payload = new Uint8Array(8);
    putU32(payload, 0, firstFrame);
    putU32(payload, 4, count);
    this.appendMeta(s, SpoolRecord.GAP, payload);
  }

  /** Writes (or replaces) the session's SessionEnd. */
  endSession(s: SpoolSession, end: Uint8Array): void {
    if (s.slot < 0) return;
    this.appendMeta(s, SpoolRecord.END, end);
  }

  /** The AudioChunk bytes of `seq`, or null when that chunk is not in flash (or is corrupt). */
  readChunk(s: SpoolSession, seq: number): Uint8Array | null {
    const k = s.slot;
    if (k < 0) return null;
    const id = this.sessionTable.ids.subarray(k * SID_BYTES, k * SID_BYTES + SID_BYTES);
    for (let i = 0; i < this.segmentCount; i++) {
      if (!this.segmentPresent(i) || !this.segmentHolds(i, k, seq)) continue;
      const found = this.findChunk(i, id, seq);
      if (found) return found;
    }
    return null;
  }

  /** The gateway holds every seq <= `through`; segments wholly acknowledged are erased. */
  acknowledge(s: SpoolSession, through: number): void {
    const k = s.slot;
    if (k >= 0 && through > this.sessionTable.get(k, ACKED)) {
      this.sessionTable.set(k, ACKED, through);
      this.collect();
    }
  }

  /** The gateway finalised the session: everything of it may go. */
  complete(s: SpoolSession): void {
    const k = s.slot;
    if (k < 0) return;
    for (let j = 0; j < this.slotSession.length; j++) if (this.slotSession[j] === k) this.slotSession[j] = NO_SLOT;
    this.releaseSession(s);
    this.collect();
  }

  /** Erases every segment holding nothing unacknowledged; returns how many. */
  collect(): number {
    if (this.collecting) return 0;
    this.collecting = true;
    let erased = 0;
    try {
      for (let i = 0; i < this.segmentCount; i++) {
        if (!this.segmentPresent(i) || i === this.activeSegment || !this.segmentDead(i)) continue;
        try {
          this.carryForward(i);
        } catch (err) {
          // No room in storage for the carried metadata (it is fuller than the
          // spool's own accounting): keep the segment, collect at a later ack.
          if (err instanceof FirmwareError && err.errorName === 'FLASH_FULL') break;
          throw err;
        }
        this.flash.erase(this.segmentName(i));
        this.dropSegment(i);
        erased++;
      }
    } finally {
      this.collecting = false;
    }
    return erased;
  }

  /** Erases everything, unacknowledged audio included (the WIPE_ALL command). */
  wipeAll(): void {
    for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i)) this.flash.erase(this.segmentName(i));
    this.resetIndex();
  }

  /** The body (after the session id) of the record at `off` in segment `seg`, null when none or corrupt. */
  recordBody(seg: number, off: number): Uint8Array | null {
    if (seg < 0 || !this.segmentPresent(seg)) return null;
    const name = this.segmentName(seg);
    const head = this.flash.read(name, off, 4);
    if (!head || head.length < 4 || head[0] !== MAGIC) return null;
    const len = getU16(head, 2);
    const rec = this.flash.read(name, off, len + RECORD_OVERHEAD);
    if (!rec || rec.length < len + RECORD_OVERHEAD || len < SID_BYTES) return null;
    if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) return null;
    return copyBytes(rec.subarray(4 + SID_BYTES, 4 + len));
  }

  /** The session's gaps, read from every GAP record of it in flash (duplicates left by copying forward merged). */
  gapsOf(s: SpoolSession): number[] {
    const gaps: number[] = [];
    const k = s.slot;
    if (k < 0) return gaps;
    const id = this.sessionTable.ids.subarray(k * SID_BYTES, k * SID_BYTES + SID_BYTES);
    const order = this.segmentsByAge();
    for (const i of order) {
      const name = this.segmentName(i);
      const used = (this.segmentUsed[i] as number);
      let off = 4 + RECORD_OVERHEAD;
      while (off + RECORD_OVERHEAD <= used) {
        const head = this.flash.read(name, off, 4 + SID_BYTES) as Uint8Array;
        const len = getU16(head, 2);
        if (head[0] !== MAGIC) break;
        if (head[1] === SpoolRecord.GAP && sameBytes(head, 4, id)) {
          const body = this.recordBody(i, off);
          if (body && body.length >= 8) {
            const first = getU32(body, 0);
            let dup = false;
            for (let g = 0; g < gaps.length && !dup; g += 2) if (gaps[g] === first) dup = true;
            if (!dup) gaps.push(first, getU32(body, 4));
          }
        }
        off += len + RECORD_OVERHEAD;
      }
    }
    return gaps;
  }

  // ---------------------------------------------------------------- internals

  private resetIndex(): void {
    for (const s of this.heldSessions) s.slot = -1;
    this.heldSessions = [];
    for (let k = 0; k < this.sessionTable.size; k++) this.sessionTable.set(k, USED, 0);
    for (let i = 0; i < this.segmentCount; i++) {
      this.segmentFlags[i] = 0;
      this.segmentUsed[i] = 0;
      this.segmentGen[i] = 0;
    }
    for (let j = 0; j < this.slotSession.length; j++) this.slotSession[j] = NO_SLOT;
    this.activeSegment = -1;
    this.cursorSeg = -1;
  }

  private markSegment(i: number, flag: number): void {
    this.segmentFlags[i] = (this.segmentFlags[i] as number) | flag;
  }

  private segmentName(i: number): string {
    return this.opts.prefix + i;
  }

  private segmentPresent(i: number): boolean {
    return ((this.segmentFlags[i] as number) & PRESENT) !== 0;
  }

  private segmentSealed(i: number): boolean {
    return ((this.segmentFlags[i] as number) & SEALED) !== 0;
  }

  private freeSegments(): number {
    let n = 0;
    for (let i = 0; i < this.segmentCount; i++) if (!this.segmentPresent(i)) n++;
    return n;
  }

  /** Present segments, oldest first. */
  private segmentsByAge(): number[] {
    const order: number[] = [];
    for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i)) order.push(i);
    const gens = this.segmentGen;
    order.sort((a, b) => (gens[a] as number) - (gens[b] as number));
    return order;
  }

  private bytesFullFor(payloadBytes: number): boolean {
    const need = payloadBytes + CHUNK_PREFIX + RECORD_OVERHEAD;
    const act = this.activeSegment;
    if (act >= 0 && !this.segmentSealed(act) && (this.segmentUsed[act] as number) + need <= this.opts.segmentBytes) return false;
    return !this.canOpenChunkSegment();
  }

  /**
   * A new segment for chunks must fit in flash with the metadata reserve still
   * creatable: the storage can be fuller than the spool's own accounting (other
   * files), and then chunks stop here instead of a segment create failing mid-write.
   */
  private canOpenChunkSegment(): boolean {
    return this.freeSegments() > 1 && this.flash.getFree() >= 2 * (this.opts.segmentBytes + SEGMENT_FILE_OVERHEAD);
  }

  private freeSessionRow(): number {
    const t = this.sessionTable;
    for (let k = 0; k < t.size; k++) if (!t.get(k, USED)) return k;
    return -1;
  }

  /** The session of the 16-byte id at `at` in `id`, taken into the table if new; null when the table is full. */
  private sessionOf(id: Uint8Array, at: number): SpoolSession | null {
    const t = this.sessionTable;
    const known = t.rowOf(id, at);
    if (known >= 0) {
      for (const s of this.heldSessions) if (s.slot === known) return s;
      return null;
    }
    const k = this.freeSessionRow();
    if (k < 0) return null;
    const sid = id.subarray(at, at + SID_BYTES);
    t.ids.set(sid, k * SID_BYTES);
    t.set(k, LOWEST, -1);
    t.set(k, LAST, -1);
    t.set(k, ACKED, -1);
    t.set(k, FRAMES, 0);
    t.set(k, BYTES, 0);
    t.set(k, DIGEST, 0);
    t.set(k, START_SEG, -1);
    t.set(k, END_SEG, -1);
    const s = new SpoolSession(this, t, k, toHex(sid));
    t.set(k, USED, 1);
    this.heldSessions.push(s);
    return s;
  }

  private releaseSession(s: SpoolSession): void {
    const idx = this.heldSessions.indexOf(s);
    if (idx >= 0) this.heldSessions.splice(idx, 1);
    if (s.slot >= 0) this.sessionTable.set(s.slot, USED, 0);
    s.slot = -1;
  }

  /** The slot of row `k` in segment `i`, -1 when it has none. */
  private slotOfSession(i: number, k: number): number {
    let free = -1;
    for (let j = i * this.slotsPerSegment; j < (i + 1) * this.slotsPerSegment; j++) {
      if (this.slotSession[j] === k) return j;
      if (free < 0 && this.slotSession[j] === NO_SLOT) free = j;
    }
    return free;
  }

  private segmentHolds(i: number, k: number, seq: number): boolean {
    if ((this.segmentFlags[i] as number) & (OVERFLOW | PINNED)) return true;
    for (let j = i * this.slotsPerSegment; j < (i + 1) * this.slotsPerSegment; j++) {
      if (this.slotSession[j] === k && seq >= (this.slotFirst[j] as number) && seq <= (this.slotLastSeq[j] as number)) return true;
    }
    return false;
  }

  private segmentDead(i: number): boolean {
    const f = (this.segmentFlags[i] as number);
    if (f & PINNED) return false;
    if (f & OVERFLOW) return this.readSegmentDead(i);
    const t = this.sessionTable;
    for (let j = i * this.slotsPerSegment; j < (i + 1) * this.slotsPerSegment; j++) {
      const k = this.slotSession[j] as number;
      if (k !== NO_SLOT && (this.slotLastSeq[j] as number) > t.get(k, ACKED)) return false;
    }
    return true;
  }

  /** An overflowing segment is dead when no chunk in it belongs to a held session above its acknowledged seq. */
  private readSegmentDead(i: number): boolean {
    const name = this.segmentName(i);
    const used = (this.segmentUsed[i] as number);
    let off = 4 + RECORD_OVERHEAD;
    while (off + RECORD_OVERHEAD <= used) {
      const head = this.flash.read(name, off, 4 + CHUNK_PREFIX) as Uint8Array;
      if (head[0] !== MAGIC) break;
      if (head[1] === SpoolRecord.CHUNK) {
        const k = this.sessionTable.rowOf(head, 4);
        if (k >= 0 && getU32(head, 4 + SID_BYTES) > this.sessionTable.get(k, ACKED)) return false;
      }
      off += getU16(head, 2) + RECORD_OVERHEAD;
    }
    return true;
  }

  /**
   * Copies the metadata of held sessions out of segment `i` before it is
   * erased: the current START and END records (an older END stays behind, a
   * newer one is elsewhere) and every GAP.
   */
  private carryForward(i: number): void {
    const name = this.segmentName(i);
    const used = (this.segmentUsed[i] as number);
    const t = this.sessionTable;
    let off = 4 + RECORD_OVERHEAD;
    while (off + RECORD_OVERHEAD <= used) {
      const head = this.flash.read(name, off, 4 + SID_BYTES) as Uint8Array;
      if (head[0] !== MAGIC) break;
      const len = getU16(head, 2);
      const type = (head[1] as number);
      const k = type === SpoolRecord.CHUNK ? -1 : t.rowOf(head, 4);
      const current =
        k >= 0 &&
        (type === SpoolRecord.GAP ||
          (type === SpoolRecord.START && t.get(k, START_SEG) === i && t.get(k, START_OFF) === off) ||
          (type === SpoolRecord.END && t.get(k, END_SEG) === i && t.get(k, END_OFF) === off));
      if (current) {
        const rec = this.flash.read(name, off, len + RECORD_OVERHEAD) as Uint8Array;
        // A corrupt record is not copied (its reader would reject it anyway).
        if (this.opts.crc32(rec.subarray(1, 4 + len), 0) === getU32(rec, 4 + len)) {
          const seg = this.appendRecord(type, rec.subarray(4, 4 + len), true);
          this.locateMeta(k, type, seg, this.appendedOff);
        }
      }
      off += len + RECORD_OVERHEAD;
    }
  }

  private locateMeta(k: number, type: number, seg: number, off: number): void {
    const t = this.sessionTable;
    if (type === SpoolRecord.START) {
      t.set(k, START_SEG, seg);
      t.set(k, START_OFF, off);
    } else if (type === SpoolRecord.END) {
      t.set(k, END_SEG, seg);
      t.set(k, END_OFF, off);
    }
  }

  private appendMeta(s: SpoolSession, type: number, body: Uint8Array): void {
    const k = s.slot;
    const payload = new Uint8Array(SID_BYTES + body.length);
    payload.set(this.sessionTable.ids.subarray(k * SID_BYTES, k * SID_BYTES + SID_BYTES), 0);
    payload.set(body, SID_BYTES);
    const seg = this.appendRecord(type, payload, true);
    this.locateMeta(k, type, seg, this.appendedOff);
  }

  /** Appends one record to the active segment, opening a new segment when needed; returns the segment. */
  private appendRecord(type: number, payload: Uint8Array, reserveOk: boolean): number {
    if (payload.length > MAX_PAYLOAD) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', String(payload.length));
    const total = payload.length + RECORD_OVERHEAD;
    if (total + RECORD_OVERHEAD + 4 > this.opts.segmentBytes) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', String(total));
    const rec = new Uint8Array(total);
    rec[0] = MAGIC;
    rec[1] = type;
    rec[2] = payload.length & 0xff;
    rec[3] = payload.length >> 8;
    rec.set(payload, 4);
    putU32(rec, 4 + payload.length, this.opts.crc32(rec.subarray(1, 4 + payload.length), 0));
    for (let attempt = 0; attempt < 2; attempt++) {
      let seg = this.activeSegment;
      if (seg < 0 || this.segmentSealed(seg) || (this.segmentUsed[seg] as number) + total > this.opts.segmentBytes) {
        if (this.freeSegments() <= (reserveOk ? 0 : 1)) throw new FirmwareError('FLASH_FULL', 'spool');
        seg = this.openSegment();
      }
      const at = (this.segmentUsed[seg] as number);
      try {
        this.flash.writeAt(this.segmentName(seg), at, rec);
        this.segmentUsed[seg] = at + total;
        this.appendedOff = at;
        return seg;
      } catch (err) {
        if (err instanceof FirmwareError && err.errorName === 'POWER_CUT') throw err;
        // Whatever was half-written stays behind: seal the segment, retry in a fresh one.
        this.markSegment(seg, SEALED);
        if (attempt === 1) throw new FirmwareError('FLASH_WRITE', String(err));
      }
    }
    throw new FirmwareError('FLASH_WRITE', 'unreachable');
  }

  private openSegment(): number {
    let idx = -1;
    for (let i = 0; i < this.segmentCount && idx < 0; i++) if (!this.segmentPresent(i)) idx = i;
    if (idx < 0) throw new FirmwareError('FLASH_FULL', 'no free segment');
    const prev = this.activeSegment;
    if (prev >= 0) this.markSegment(prev, SEALED);
    const gen = this.nextGeneration++;
    const header = new Uint8Array(4 + RECORD_OVERHEAD);
    header[0] = MAGIC;
    header[1] = SpoolRecord.HEADER;
    header[2] = 4;
    header[3] = 0;
    putU32(header, 4, gen);
    putU32(header, 8, this.opts.crc32(header.subarray(1, 8), 0));
    this.flash.create(this.segmentName(idx), this.opts.segmentBytes, header);
    this.segmentFlags[idx] = PRESENT;
    this.segmentGen[idx] = gen;
    this.segmentUsed[idx] = header.length;
    for (let j = idx * this.slotsPerSegment; j < (idx + 1) * this.slotsPerSegment; j++) this.slotSession[j] = NO_SLOT;
    this.activeSegment = idx;
    // The previous active segment may be dead already.
    if (prev >= 0) this.collect();
    return idx;
  }

  private dropSegment(i: number): void {
    this.segmentFlags[i] = 0;
    this.segmentUsed[i] = 0;
    for (let j = i * this.slotsPerSegment; j < (i + 1) * this.slotsPerSegment; j++) this.slotSession[j] = NO_SLOT;
    if (this.cursorSeg === i) this.cursorSeg = -1;
    // A START or END located there was copied forward (or its session is gone).
    const t = this.sessionTable;
    for (let k = 0; k < t.size; k++) {
      if (t.get(k, START_SEG) === i) t.set(k, START_SEG, -1);
      if (t.get(k, END_SEG) === i) t.set(k, END_SEG, -1);
    }
  }

  private readGeneration(name: string): number {
    const h = this.flash.read(name, 0, 4 + RECORD_OVERHEAD);
    if (!h || h.length < 12 || h[0] !== MAGIC || h[1] !== SpoolRecord.HEADER || getU16(h, 2) !== 4) return -1;
    if (this.opts.crc32(h.subarray(1, 8), 0) !== getU32(h, 8)) return -1;
    return getU32(h, 4);
  }

  /** Replays one segment's records; returns false when it ended in a torn record. */
  private scanSegment(i: number): boolean {
    const name = this.segmentName(i);
    const size = this.opts.segmentBytes;
    let off = 4 + RECORD_OVERHEAD;
    for (;;) {
      if (off + RECORD_OVERHEAD > size) break;
      const head = this.flash.read(name, off, 4) as Uint8Array;
      if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) {
        this.segmentUsed[i] = off;
        if (!this.erasedFrom(name, off)) {
          this.markSegment(i, SEALED);
          return false;
        }
        return true;
      }
      const len = getU16(head, 2);
      if (head[0] !== MAGIC || off + len + RECORD_OVERHEAD > size) break;
      const rec = this.flash.read(name, off, len + RECORD_OVERHEAD) as Uint8Array;
      if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) break;
      this.replayRecord(i, off, (head[1] as number), rec.subarray(4, 4 + len));
      off += len + RECORD_OVERHEAD;
    }
    this.segmentUsed[i] = off;
    this.markSegment(i, SEALED);
    return off + RECORD_OVERHEAD > size;
  }

  private erasedFrom(name: string, off: number): boolean {
    const size = this.opts.segmentBytes;
    for (let at = off; at < size; at += 256) {
      const block = this.flash.read(name, at, Math.min(256, size - at)) as Uint8Array;
      for (let k = 0; k < block.length; k++) if (block[k] !== 0xff) return false;
    }
    return true;
  }

  private replayRecord(i: number, off: number, type: number, payload: Uint8Array): void {
    if (payload.length < SID_BYTES) return;
    const s = this.sessionOf(payload, 0);
    if (!s) {
      // No row for this session: its records stay, unindexed, until an open with room.
      this.markSegment(i, PINNED);
      return;
    }
    const body = payload.subarray(SID_BYTES);
    if (type === SpoolRecord.CHUNK && body.length >= 16) {
      this.indexChunk(i, s.slot, getU32(body, 0), getU32(body, 4), getU32(body, 8), getU32(body, 12));
    } else if (type === SpoolRecord.START || type === SpoolRecord.END) {
      // The latest copy wins (segments replay oldest first).
      this.locateMeta(s.slot, type, i, off);
    }
  }

  private indexChunk(i: number, k: number, seq: number, framesEnd: number, bytesTotal: number, digest: number): void {
    const j = this.slotOfSession(i, k);
    if (j < 0) this.markSegment(i, OVERFLOW);
    else if (this.slotSession[j] !== k) {
      this.slotSession[j] = k;
      this.slotFirst[j] = seq;
      this.slotLastSeq[j] = seq;
    } else {
      if (seq < (this.slotFirst[j] as number)) this.slotFirst[j] = seq;
      if (seq > (this.slotLastSeq[j] as number)) this.slotLastSeq[j] = seq;
    }
    const t = this.sessionTable;
    const low = t.get(k, LOWEST);
    if (low < 0 || seq < low) t.set(k, LOWEST, seq);
    if (seq >= t.get(k, LAST)) {
      t.set(k, LAST, seq);
      t.set(k, FRAMES, framesEnd);
      t.set(k, BYTES, bytesTotal);
      t.set(k, DIGEST, digest);
    }
  }

  private findChunk(i: number, id: Uint8Array, seq: number): Uint8Array | null {
    const name = this.segmentName(i);
    const used = (this.segmentUsed[i] as number);
    let off = this.cursorSeg === i ? this.cursorOff : 4 + RECORD_OVERHEAD;
    for (let pass = 0; pass < 2; pass++) {
      while (off + RECORD_OVERHEAD <= used) {
        const head = this.flash.read(name, off, 4 + CHUNK_PREFIX) as Uint8Array;
        const len = getU16(head, 2);
        if (head[0] !== MAGIC) break;
        if (head[1] === SpoolRecord.CHUNK && sameBytes(head, 4, id) && getU32(head, 4 + SID_BYTES) === seq) {
          const rec = this.flash.read(name, off, len + RECORD_OVERHEAD) as Uint8Array;
          if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) return null;
          this.cursorSeg = i;
          this.cursorOff = off + len + RECORD_OVERHEAD;
          return rec.subarray(4 + CHUNK_PREFIX, 4 + len);
        }
        off += len + RECORD_OVERHEAD;
      }
      off = 4 + RECORD_OVERHEAD;
    }
    return null;
  }
}
