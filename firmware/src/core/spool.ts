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
 * as the session. A segment is erased only when no held session may have an
 * unacknowledged chunk in it: nothing unacknowledged is ever overwritten. The
 * last free segment is reserved for metadata, so a full spool can still close
 * its sessions.
 *
 * The RAM index has a fixed size, set at construction, whatever the backlog
 * (a badge offline for a shift fills the whole chip): per segment its
 * generation, flags and the first chunk in it (session row and seq), 10
 * bytes; per session a row of the session table (last and acknowledged seq,
 * where its current START and END records are, the span of segments its
 * unacknowledged chunks may be in), its 16-byte id, whether the row is in use
 * and its place in the age order, 38 bytes. Sessions are named by their row
 * number: no JS object exists per session held (`SpoolSession` is a view made
 * on demand, and for the one session being recorded). After a reboot a
 * session's acknowledged seq is one below its lowest chunk still in flash:
 * only acknowledged chunks are ever erased.
 * Chunks of a session are appended in seq order, so the span is exact for
 * sessions recorded one after another (the recorder's way) and conservative
 * (keeps more) when sessions interleave. START and END bytes, gaps and the
 * running totals of the last chunk stay in flash and are read when needed;
 * where the last chunk written is (the live session's, read by the uploader
 * right after) is kept for that one chunk only.
 *
 * The table is a working set, not a bound on what flash holds: a new session
 * that finds it full parks the newest closed session held (a PARK record,
 * its row as it stands and the location of the PARK record before it, goes
 * to flash: the parked sessions are a chain, and RAM keeps the newest's
 * location and the count) and takes its row. While sessions are parked,
 * every segment from the oldest generation a parked session needs on is
 * kept (nothing of a parked session is erased or has to be copied forward).
 * As rows free up (a session completes), parked sessions are re-admitted
 * oldest first from their PARK records. A boot rebuilds the index from
 * START, CHUNK and END records (PARK records describe rows of the run that
 * wrote them) and parks as recording does when its replay finds the table
 * full. Only when neither a row nor a park slot is left is a new session
 * refused like a full flash.
 */
export const SpoolRecord = { HEADER: 1, START: 2, CHUNK: 3, GAP: 4, END: 5, PARK: 6 } as const;

const MAGIC = 0xa5;
/** Magic, type, length, CRC. */
export const RECORD_OVERHEAD = 8;
const SID_BYTES = 16;
/** Chunk payload prefix: session id, seq, frames end, bytes total, digest. */
const CHUNK_PREFIX = SID_BYTES + 16;
const MAX_PAYLOAD = 0xffff;
/** PARK record payload: session id, the row's numbers, the location of the PARK record before it. */
const PARK_BYTES = SID_BYTES + 4 * 5 + 4;
/** Offset of the first record after the segment's HEADER. */
const FIRST_RECORD = 4 + RECORD_OVERHEAD;

export type Crc32 = (data: Uint8Array, crc: number) => number;

/**
 * Rows of the session table by default: the sessions held in RAM, uploaded
 * and listed in Hello (sessions beyond are parked in flash). Set by the
 * memory budget: a row costs ~2.5 Espruino variables (38 bytes here, 7 of
 * the uploader's send state), and ~7 more at a reconnect while its
 * inventory entry and resume point are sent and read. On the 2v29
 * interpreter with the spool on the whole chip, 32 rows came to 5,879 at a
 * reconnect with the table full (headroom 121); 12 rows and 148 park slots
 * hold 160 sessions in less.
 */
export const DEFAULT_MAX_SESSIONS = 12;
/**
 * Sessions parked in flash beyond the table at most by default: with the
 * table, 160 (a shift of short sessions offline is 100-160). A parked
 * session costs no RAM (4 bytes while a boot replays); each one makes a
 * re-admission read one more 48-byte record.
 */
export const DEFAULT_MAX_PARKED = 148;
/** Largest session table, parked sessions included at boot: rows are numbered in a byte (255 is "none"). */
export const MAX_SESSIONS = 254;
/** Largest segment: a record's location packs segment and offset in one number (offset below 2^20). */
export const MAX_SEGMENT_BYTES = 1 << 20;
const LOC_SEG = MAX_SEGMENT_BYTES;
/** Most segments: locations stay below 2^31, spans pack two segment numbers in one int32. */
export const MAX_SEGMENTS = 2047;

/** Bytes a segment file costs in flash beyond its size (Espruino Storage's header, with slack). */
const SEGMENT_FILE_OVERHEAD = 64;
/** Segment flags. */
const PRESENT = 1;
const SEALED = 2;
/** Holds records of a session the table had no room for at open: kept until the next open. */
const PINNED = 4;
const NO_ROW = 0xff;

/**
 * Fields of a session table row (`Spool.rowField`). LAST: highest chunk seq written, -1 none. ACKED: every seq <=
 * this is at the gateway (after a reboot: below the lowest chunk in flash, only acknowledged chunks being erased).
 * START_AT, END_AT: location (segment * 2^20 + offset) of the current START and END records (`Spool.recordAt`), -1
 * when none.
 */
export const SessionField = { LAST: 0, ACKED: 1, START_AT: 2, END_AT: 3 } as const;
const LAST = SessionField.LAST;
const ACKED = SessionField.ACKED;
const START_AT = SessionField.START_AT;
const END_AT = SessionField.END_AT;
/**
 * Segments that may hold the session's unacknowledged chunks, oldest (pin)
 * and newest (last), packed `pin << 16 | last`; -1 when no chunk of it is in flash.
 */
const SPAN = 4;
const ROW = 5;

/**
 * A view of one session held in flash: its row in the spool's session table
 * and its id. Made on demand (`Spool.view`, `find`, `sessions`) for the
 * session being recorded, tools and tests; the firmware names held sessions
 * by row number, so no object exists per session held. `row()` checks that
 * the row still holds this id: once the session is complete (or wiped) the
 * view is detached (-1) even if its row serves another session. Its numbers
 * are read with `Spool.rowField(view.row(), SessionField.*)`.
 */
export class SpoolSession {
  readonly sp: Spool;
  readonly slot: number;
  /** The 16-byte session id (the view's own copy). */
  readonly id: Uint8Array;

  constructor(sp: Spool, slot: number, id: Uint8Array) {
    this.sp = sp;
    this.slot = slot;
    this.id = id;
  }

  /** The session's row, -1 once it is no longer held. */
  row(): number {
    return this.sp.holds(this.slot, this.id) ? this.slot : -1;
  }

  /** The 16-byte session id in hex. */
  get hex(): string {
    return toHex(this.id);
  }

  /** The running totals as of the last chunk (read from flash, `Spool.lastTotals`): next frame index, 0 when none. */
  get framesEnd(): number {
    const t = this.sp.lastTotals(this.row());
    return t ? (t[0] as number) : 0;
  }
}

export interface SpoolOptions {
  /** Bytes the spool may use; rounded down to whole segments (at least 3, at most MAX_SEGMENTS). */
  capacityBytes: number;
  /** 1 KiB .. MAX_SEGMENT_BYTES. */
  segmentBytes: number;
  /** File name prefix of the segments. */
  prefix: string;
  crc32: Crc32;
  /** Rows of the session table (default DEFAULT_MAX_SESSIONS): the sessions held in RAM, uploaded and listed in Hello. */
  maxSessions?: number;
  /**
   * Sessions parked in flash beyond the table at most (default DEFAULT_MAX_PARKED; maxSessions + maxParked at most
   * MAX_SESSIONS). A new session finding the table full and every park slot taken is refused as FLASH_FULL.
   */
  maxParked?: number;
}

/** Told when the spool parks a session: its row now serves another session (the uploader drops the row's send state). */
export interface SpoolRowObserver {
  rowParked(k: number): void;
}

export interface SpoolOpenReport {
  segments: number;
  tornSegments: number;
  sessions: number;
  /** Segments holding records of sessions neither the table nor a park slot had room for (kept, not indexed, until the next open). */
  pinnedSegments: number;
  /** Sessions parked in flash beyond the table (re-admitted as rows free up). */
  parkedSessions: number;
}

export class Spool {
  private readonly flash: FlashStorage;
  private readonly opts: SpoolOptions;
  private readonly segmentCount: number;
  private readonly segmentGen: Uint32Array;
  private readonly segmentFlags: Uint8Array;
  /** The first chunk in each segment: its session row (NO_ROW when none) and seq. */
  private readonly firstRow: Uint8Array;
  private readonly firstSeq: Uint32Array;
  /** The session table: ROW numbers per session, the 16-byte ids, 1 where a row is in use. */
  private readonly rows: Int32Array;
  private readonly ids: Uint8Array;
  private readonly rowUsed: Uint8Array;
  /** The rows in use, oldest session first (`held` of them; re-admitted sessions after those held then). */
  private readonly order: Uint8Array;
  private held = 0;
  /** Park slots: sessions parked at most. */
  private readonly maxParked: number;
  /**
   * The PARK record of the session parked last, -1 when none: each PARK record names the one before it, so the
   * parked sessions are a chain in flash, newest first, `parked` long (no RAM per session parked).
   */
  private parkHead = -1;
  private parked = 0;
  /** Unacknowledged chunks of the parked sessions (as their PARK records say). */
  private parkedUnacked = 0;
  /** While sessions are parked: the lowest generation any of them has a record in; every segment from it on is kept. */
  private parkFloor = 0;
  /**
   * While a boot replays: the first 4 bytes of the ids of the sessions it parked (a later copy of their START or
   * END must not make a second row), null otherwise.
   */
  private bootParked: Uint32Array | null = null;
  /** The last open found a session neither the table nor a park slot had room for. */
  private overflowed = false;
  /** Told when a session is parked (the uploader). */
  observer: SpoolRowObserver | null = null;
  /** The last chunk appended: its row (-1 none), seq and location (the live chunk the uploader reads right after). */
  private lastRow = -1;
  private lastRowSeq = -1;
  private lastRowAt = -1;
  private activeSegment = -1;
  /** Bytes written in the active segment (a sealed segment counts as full). */
  private activeUsed = 0;
  private nextGeneration = 1;
  private cursorSeg = -1;
  private cursorOff = 0;
  /** Where the last segment replayed ends (its end of log, or where a torn record begins). */
  private scanEnd = 0;
  /** Offset of the record the last append wrote. */
  private appendedOff = 0;
  private collecting = false;
  /** A segment sealed while a collection was running (it opened the segment its metadata went to): checked after it. */
  private sealedWhileCollecting = -1;

  constructor(flash: FlashStorage, opts: SpoolOptions) {
    this.flash = flash;
    this.opts = opts;
    this.segmentCount = Math.floor(opts.capacityBytes / opts.segmentBytes);
    if (this.segmentCount < 3) throw new FirmwareError('FLASH_FULL', 'spool needs at least 3 segments');
    if (this.segmentCount > MAX_SEGMENTS) throw new FirmwareError('FLASH_FULL', 'spool has too many segments');
    if (opts.segmentBytes < 1024 || opts.segmentBytes > MAX_SEGMENT_BYTES) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', 'segments must be 1 KiB .. 1 MiB');
    const n = opts.maxSessions ?? DEFAULT_MAX_SESSIONS;
    const p = opts.maxParked ?? Math.min(DEFAULT_MAX_PARKED, MAX_SESSIONS - n);
    if (n < 1 || p < 0 || n + p > MAX_SESSIONS) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', 'maxSessions + maxParked must be 1..' + MAX_SESSIONS);
    this.segmentGen = new Uint32Array(this.segmentCount);
    this.segmentFlags = new Uint8Array(this.segmentCount);
    this.firstRow = new Uint8Array(this.segmentCount);
    this.firstSeq = new Uint32Array(this.segmentCount);
    this.maxParked = p;
    this.rows = new Int32Array(n * ROW);
    this.ids = new Uint8Array(n * SID_BYTES);
    this.rowUsed = new Uint8Array(n);
    this.order = new Uint8Array(n);
  }


  /** Reads every segment back after boot, oldest first; drops torn tails. */
  open(): SpoolOpenReport {
    this.resetIndex();
    let torn = 0;
    let count = 0;
    for (let i = 0; i < this.segmentCount; i++) {
      const name = this.segmentName(i);
      if (this.flash.size(name) < 0) continue;
      // The HEADER record: its generation orders the segments. A segment whose header was torn holds nothing.
      const h = this.flash.read(name, 0, FIRST_RECORD);
      if (!h || h.length < FIRST_RECORD || h[0] !== MAGIC || h[1] !== SpoolRecord.HEADER || getU16(h, 2) !== 4 || this.opts.crc32(h.subarray(1, 8), 0) !== getU32(h, 8)) {
        this.flash.erase(name);
        continue;
      }
      const gen = getU32(h, 4);
      this.segmentFlags[i] = PRESENT;
      this.segmentGen[i] = gen;
      count++;
      if (gen >= this.nextGeneration) this.nextGeneration = gen + 1;
    }
    // Oldest first, without an array of the segments: the next generation up each time. A session that finds the
    // table full parks one as at run time (its PARK record goes to a new segment, the newest, replayed last).
    let newest = -1;
    try {
      for (let i = this.nextByAge(0); i >= 0; i = this.nextByAge(this.segmentGen[i] as number)) {
        if (!this.scanSegment(i)) torn++;
        newest = i;
      }
    } finally {
      this.bootParked = null;
    }
    if (newest >= 0 && !this.segmentSealed(newest)) {
      this.activeSegment = newest;
      this.activeUsed = this.scanEnd;
    } else this.activeSegment = -1;
    // Seal every older segment: appends only go to the newest one.
    for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i) && i !== this.activeSegment) this.markSegment(i, SEALED);
    let pinned = 0;
    for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i) && (this.segmentFlags[i] as number) & PINNED) pinned++;
    this.collect();
    return { segments: count, tornSegments: torn, sessions: this.held, pinnedSegments: pinned, parkedSessions: this.parked };
  }

  /** How many sessions are held in the table (parked ones not counted). */
  sessionCount(): number {
    return this.held;
  }

  /**
   * How many sessions are held beyond the table, at least: those parked in flash, and one more when the last open
   * found sessions neither the table nor a park slot had room for (their segments pinned until an open with room).
   * The Hello's `backlog_unlisted`.
   */
  parkedCount(): number {
    return this.parked + (this.overflowed ? 1 : 0);
  }

  /** The row of the `i`-th session held, oldest first (0 <= i < sessionCount()). */
  sessionRow(i: number): number {
    return this.order[i] as number;
  }

  /** Views of the sessions held, oldest first (complete ones excluded): new objects each call, for tools and tests. */
  sessions(): SpoolSession[] {
    const out: SpoolSession[] = [];
    for (let i = 0; i < this.held; i++) out.push(this.view(this.order[i] as number));
    return out;
  }

  /** A view of row `k` (which must be in use). */
  view(k: number): SpoolSession {
    return new SpoolSession(this, k, copyBytes(this.idOf(k)));
  }

  /** A view of the session with this id in hex, null when not held. */
  find(hex: string): SpoolSession | null {
    if (hex.length !== 2 * SID_BYTES) return null;
    const k = this.rowOf(fromHex(hex), 0);
    return k < 0 ? null : this.view(k);
  }

  /** The row of the session with the 16-byte id at `at` in `id`, -1 when not held. */
  rowOf(id: Uint8Array, at: number): number {
    if (id.length < at + SID_BYTES) return -1;
    for (let i = 0; i < this.held; i++) {
      const k = this.order[i] as number;
      let same = true;
      for (let b = 0; b < SID_BYTES && same; b++) if (this.ids[k * SID_BYTES + b] !== id[at + b]) same = false;
      if (same) return k;
    }
    return -1;
  }

  /** True when row `k` is in use by the session `id`. */
  holds(k: number, id: Uint8Array): boolean {
    return this.rowUsed[k] === 1 && sameBytes(id, 0, this.idOf(k));
  }

  /** Rows of the session table: sessions held in RAM at once (row numbers are below it). */
  maxSessions(): number {
    return this.rowUsed.length;
  }

  capacity(): number {
    return this.segmentCount * this.opts.segmentBytes;
  }

  usedBytes(): number {
    let used = 0;
    for (let i = 0; i < this.segmentCount; i++) {
      if (!this.segmentPresent(i)) continue;
      used += i === this.activeSegment && !this.segmentSealed(i) ? this.activeUsed : this.opts.segmentBytes;
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
    return (this.freeSessionRow() < 0 && this.parkable() < 0) || this.bytesFullFor(payloadBytes);
  }

  /** Chunks written and not yet acknowledged (the parked sessions' included). */
  unackedChunks(): number {
    let n = this.parkedUnacked;
    for (let k = 0; k < this.rowUsed.length; k++) {
      if (!this.rowUsed[k]) continue;
      const ahead = this.rowField(k, LAST) - this.rowField(k, ACKED);
      if (ahead > 0) n += ahead;
    }
    return n;
  }

  /**
   * Starts a session; returns its row. With the table full, the newest closed session held is parked first.
   * Throws FLASH_FULL when no row can be had that way or not even the START fits.
   */
  beginSession(id: Uint8Array, start: Uint8Array): number {
    let k = this.sessionOf(id, 0);
    if (k < 0) {
      const v = this.parkable();
      if (v >= 0 && this.park(v)) k = this.sessionOf(id, 0);
    }
    if (k < 0) throw new FirmwareError('FLASH_FULL', 'spool holds ' + this.held + ' sessions and ' + this.parked + ' parked');
    this.appendMeta(k, SpoolRecord.START, start);
    return k;
  }

  /**
   * Appends one chunk. Returns false (and writes nothing) when the spool is
   * full for chunks. A session's seqs must rise (SPOOL_CORRUPT otherwise): the
   * index relies on chunks being appended in seq order.
   */
  appendChunk(k: number, seq: number, framesEnd: number, bytesTotal: number, digest: number, chunk: Uint8Array): boolean {
    if (this.rowUsed[k] !== 1) return false;
    if (seq <= this.rowField(k, LAST)) throw new FirmwareError('SPOOL_CORRUPT', 'chunk ' + seq + ' after ' + this.rowField(k, LAST));
    if (this.bytesFullFor(chunk.length)) return false;
    const payload = new Uint8Array(CHUNK_PREFIX + chunk.length);
    payload.set(this.idOf(k), 0);
    putU32(payload, SID_BYTES, seq);
    putU32(payload, SID_BYTES + 4, framesEnd);
    putU32(payload, SID_BYTES + 8, bytesTotal);
    putU32(payload, SID_BYTES + 12, digest);
    payload.set(chunk, CHUNK_PREFIX);
    const seg = this.appendRecord(SpoolRecord.CHUNK, payload, false);
    this.indexChunk(seg, k, seq, this.appendedOff);
    return true;
  }

  appendGap(k: number, firstFrame: number, count: number): void {
    if (this.rowUsed[k] !== 1) return;
    const payload = new Uint8Array(8);
    putU32(payload, 0, firstFrame);
    putU32(payload, 4, count);
    this.appendMeta(k, SpoolRecord.GAP, payload);
  }

  /** Writes (or replaces) the session's SessionEnd. */
  endSession(k: number, end: Uint8Array): void {
    if (this.rowUsed[k] !== 1) return;
    this.appendMeta(k, SpoolRecord.END, end);
  }

  /** The AudioChunk bytes of `seq`, or null when that chunk is not in flash (or is corrupt). */
  readChunk(k: number, seq: number): Uint8Array | null {
    if (this.rowUsed[k] !== 1) return null;
    const rec = this.chunkRecord(k, seq);
    return rec ? rec.subarray(4 + CHUNK_PREFIX, rec.length - 4) : null;
  }

  /** The gateway holds every seq <= `through`; segments wholly acknowledged are erased. */
  acknowledge(k: number, through: number): void {
    if (this.rowUsed[k] !== 1 || through <= this.rowField(k, ACKED)) return;
    this.setRowField(k, ACKED, through);
    const span = this.rowField(k, SPAN);
    if (span === -1) return;
    const pin = span >>> 16;
    const last = span & 0xffff;
    // The segment holding the lowest unacknowledged chunk: the newest of the span that begins
    // with a chunk of this session at or below through + 1 (chunks are appended in seq order).
    let next = last;
    if (through < this.rowField(k, LAST)) {
      next = pin;
      const lastGen = this.segmentGen[last] as number;
      for (let i = 0; i < this.segmentCount; i++) {
        const g = this.segmentGen[i] as number;
        if (this.firstRow[i] === k && this.segmentPresent(i) && (this.firstSeq[i] as number) <= through + 1 && g > (this.segmentGen[next] as number) && g <= lastGen) next = i;
      }
    }
    if (next === pin && next !== last) return;
    this.setRowField(k, SPAN, (next << 16) | last);
    // Every segment of the span before the new pin (all of it once everything is acknowledged) may be dead now.
    this.collectBetween(this.segmentGen[pin] as number, next === last ? (this.segmentGen[last] as number) : (this.segmentGen[next] as number) - 1);
  }

  /** The gateway finalised the session: everything of it may go. */
  complete(k: number): void {
    if (this.rowUsed[k] !== 1) return;
    const span = this.rowField(k, SPAN);
    const startSeg = Math.floor(this.rowField(k, START_AT) / LOC_SEG);
    const endSeg = Math.floor(this.rowField(k, END_AT) / LOC_SEG);
    this.releaseSession(k);
    if (span !== -1) this.collectBetween(this.segmentGen[span >>> 16] as number, this.segmentGen[span & 0xffff] as number);
    // Where its START and END were (metadata copied forward may be a segment of no session's chunks).
    for (const m of [startSeg, endSeg]) {
      if (m >= 0 && this.segmentPresent(m)) this.collectBetween(this.segmentGen[m] as number, this.segmentGen[m] as number);
    }
    // The row is free: the oldest parked session takes it.
    this.readmit();
  }

  /** Erases every segment holding nothing unacknowledged; returns how many. */
  collect(): number {
    return this.collectBetween(0, 0xffffffff);
  }

  /** Erases everything, unacknowledged audio included (the WIPE_ALL command). */
  wipeAll(): void {
    for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i)) this.flash.erase(this.segmentName(i));
    this.resetIndex();
  }

  /** The session id of table row `k` (a view into the table: copy it to keep it). */
  idOf(k: number): Uint8Array {
    return this.ids.subarray(k * SID_BYTES, k * SID_BYTES + SID_BYTES);
  }

  /** A number of row `k` (SessionField), -1 when the row is not in use. */
  rowField(k: number, field: number): number {
    return this.rowUsed[k] === 1 ? (this.rows[k * ROW + field] as number) : -1;
  }

  /** The body (after the session id) of the record at location `at`, null when none or corrupt. */
  recordAt(at: number): Uint8Array | null {
    if (at < 0) return null;
    const rec = this.validRecord(Math.floor(at / LOC_SEG), at % LOC_SEG);
    return rec && rec.length >= SID_BYTES + RECORD_OVERHEAD ? copyBytes(rec.subarray(4 + SID_BYTES, rec.length - 4)) : null;
  }

  /**
   * The running totals the session's last chunk recorded, read from its
   * record in flash: next frame index, Opus bytes kept, digest; null when no
   * chunk of it is in flash.
   */
  lastTotals(k: number): Uint32Array | null {
    if (this.rowUsed[k] !== 1) return null;
    const seq = this.rowField(k, LAST);
    const rec = seq < 0 ? null : this.chunkRecord(k, seq);
    if (!rec) return null;
    const totals = new Uint32Array(3);
    for (let t = 0; t < 3; t++) totals[t] = getU32(rec, 4 + SID_BYTES + 4 + 4 * t);
    return totals;
  }

  /** The session's dropped-frame gaps, flat pairs (first frame, count) by first frame, read from every GAP record of it in flash (copies left by copying forward merged). */
  gapsOf(k: number): number[] {
    const gaps: number[] = [];
    if (this.rowUsed[k] !== 1) return gaps;
    const id = this.idOf(k);
    for (let i = 0; i < this.segmentCount; i++) {
      if (!this.segmentPresent(i)) continue;
      const name = this.segmentName(i);
      const end = this.segmentEnd(i);
      let off = FIRST_RECORD;
      while (off + RECORD_OVERHEAD <= end) {
        const head = this.flash.read(name, off, 4 + SID_BYTES);
        if (!head || head.length < 4 || head[0] !== MAGIC) break;
        const len = getU16(head, 2);
        if (head[1] === SpoolRecord.GAP && head.length >= 4 + SID_BYTES && sameBytes(head, 4, id)) {
          const body = this.recordAt(i * LOC_SEG + off);
          if (body && body.length >= 8) {
            // Kept ordered by first frame, once (copies left by copying forward are the same gap).
            const first = getU32(body, 0);
            let at = 0;
            while (at < gaps.length && (gaps[at] as number) < first) at += 2;
            if (gaps[at] !== first) gaps.splice(at, 0, first, getU32(body, 4));
          }
        }
        off += len + RECORD_OVERHEAD;
      }
    }
    return gaps;
  }

  // ---------------------------------------------------------------- internals

  private setRowField(k: number, field: number, value: number): void {
    this.rows[k * ROW + field] = value;
  }

  private resetIndex(): void {
    this.held = 0;
    this.overflowed = false;
    this.parked = 0;
    this.parkHead = -1;
    this.parkedUnacked = 0;
    this.lastRow = -1;
    this.rowUsed.fill(0);
    this.segmentFlags.fill(0);
    this.segmentGen.fill(0);
    this.firstRow.fill(NO_ROW);
    this.activeSegment = -1;
    this.activeUsed = 0;
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

  /** Where a reader of segment `i` stops at the latest: the active segment's end of log, else the segment's end (a sealed log ends at its first 0xFF or torn record). */
  private segmentEnd(i: number): number {
    return i === this.activeSegment ? this.activeUsed : this.opts.segmentBytes;
  }

  /** The present segment of the lowest generation above `gen`, -1 when none. */
  private nextByAge(gen: number): number {
    let best = -1;
    for (let i = 0; i < this.segmentCount; i++) {
      const g = this.segmentGen[i] as number;
      if (this.segmentPresent(i) && g > gen && (best < 0 || g < (this.segmentGen[best] as number))) best = i;
    }
    return best;
  }

  private freeSegments(): number {
    let n = 0;
    for (let i = 0; i < this.segmentCount; i++) if (!this.segmentPresent(i)) n++;
    return n;
  }

  /**
   * True when a chunk of `payloadBytes` fits neither the active segment nor a
   * new one: a new segment for chunks must fit in flash with the metadata
   * reserve still creatable (the storage can be fuller than the spool's own
   * accounting, other files, and then chunks stop here instead of a segment
   * create failing mid-write).
   */
  private bytesFullFor(payloadBytes: number): boolean {
    const need = payloadBytes + CHUNK_PREFIX + RECORD_OVERHEAD;
    const act = this.activeSegment;
    if (act >= 0 && !this.segmentSealed(act) && this.activeUsed + need <= this.opts.segmentBytes) return false;
    return !(this.freeSegments() > 1 && this.flash.getFree() >= 2 * (this.opts.segmentBytes + SEGMENT_FILE_OVERHEAD));
  }

  private freeSessionRow(): number {
    for (let k = 0; k < this.rowUsed.length; k++) if (!this.rowUsed[k]) return k;
    return -1;
  }

  /** The row of the 16-byte id at `at` in `id`, taken into the table (newest) if new; -1 when the table is full. */
  private sessionOf(id: Uint8Array, at: number): number {
    const known = this.rowOf(id, at);
    if (known >= 0) return known;
    const k = this.freeSessionRow();
    if (k < 0) return -1;
    this.ids.set(id.subarray(at, at + SID_BYTES), k * SID_BYTES);
    for (let f = 0; f < ROW; f++) this.setRowField(k, f, -1);
    this.rowUsed[k] = 1;
    this.order[this.held++] = k;
    return k;
  }

  /**
   * The session to park for a new one: the newest closed session held (no chunk of it will be written again) whose
   * START is known, -1 when none or every park slot is taken. (A boot's replay may meet a session's START only later,
   * copied forward: parked before, its PARK record would not say where it is.) While a boot replays, also a closed
   * session with no chunk in flash whose START is not known (what is left of one completed before). A session with
   * no END is never parked: the recorder closes it after the boot.
   */
  private parkable(): number {
    if (this.parked >= this.maxParked) return -1;
    for (let i = this.held - 1; i >= 0; i--) {
      const k = this.order[i] as number;
      if (this.rowField(k, END_AT) >= 0 && (this.rowField(k, START_AT) >= 0 || (this.bootParked && this.rowField(k, LAST) < 0))) return k;
    }
    return -1;
  }

  /** The lowest of `floor` and the generations of the segments a row's START and END locations and span (its pin) name. */
  private floorOf(startAt: number, endAt: number, span: number, floor: number): number {
    const segs = [startAt < 0 ? -1 : Math.floor(startAt / LOC_SEG), endAt < 0 ? -1 : Math.floor(endAt / LOC_SEG), span === -1 ? -1 : span >>> 16];
    for (const seg of segs) if (seg >= 0 && this.segmentPresent(seg) && (this.segmentGen[seg] as number) < floor) floor = this.segmentGen[seg] as number;
    return floor;
  }

  /**
   * Parks row `k`: its row as it stands goes to flash in a PARK record (session id, LAST, ACKED, START_AT, END_AT,
   * SPAN, then the location of the PARK record before it), and every segment from the lowest generation the session
   * has a record in is kept from then on. Returns false (nothing changed) when the record does not fit.
   */
  private park(k: number): boolean {
    const payload = new Uint8Array(PARK_BYTES);
    payload.set(this.idOf(k), 0);
    for (let f = 0; f < ROW; f++) putU32(payload, SID_BYTES + 4 * f, this.rows[k * ROW + f] as number);
    putU32(payload, SID_BYTES + 4 * ROW, this.parkHead);
    // Kept from now on, also while the record is written (a new segment for it collects the one it seals): the
    // record says where its START and END are.
    const floor = this.floorOf(this.rowField(k, START_AT), this.rowField(k, END_AT), this.rowField(k, SPAN), this.nextGeneration);
    const before = this.parkFloor;
    if (this.parked === 0 || floor < this.parkFloor) this.parkFloor = floor;
    this.parked++;
    let seg: number;
    try {
      seg = this.appendRecord(SpoolRecord.PARK, payload, true);
    } catch (err) {
      this.parked--;
      this.parkFloor = before;
      if (err instanceof FirmwareError && err.errorName === 'FLASH_FULL') return false;
      throw err;
    }
    this.parkHead = seg * LOC_SEG + this.appendedOff;
    if (this.bootParked) this.bootParked[this.parked - 1] = getU32(this.ids, k * SID_BYTES);
    const ahead = this.rowField(k, LAST) - this.rowField(k, ACKED);
    if (ahead > 0) this.parkedUnacked += ahead;
    this.releaseSession(k);
    if (this.observer) this.observer.rowParked(k);
    return true;
  }

  /**
   * Re-admits parked sessions, oldest first, while a row is free: the chain is walked from the newest to the oldest,
   * whose row is restored from its record (what it names was kept since), and the floor of those left is taken on
   * the way. A PARK record that no longer reads back (never expected: CRC-checked flash) keeps every segment until
   * the next open, whose replay finds the sessions.
   */
  private readmit(): void {
    const old = this.parkFloor;
    while (this.parked > 0 && this.freeSessionRow() >= 0) {
      let at = this.parkHead;
      let floor = 0xffffffff;
      let rec: Uint8Array | null = null;
      for (let j = 0; j < this.parked; j++) {
        rec = this.validRecord(Math.floor(at / LOC_SEG), at % LOC_SEG);
        if (!rec || rec[1] !== SpoolRecord.PARK || rec.length !== PARK_BYTES + RECORD_OVERHEAD) {
          for (let i = 0; i < this.segmentCount; i++) if (this.segmentPresent(i)) this.markSegment(i, PINNED);
          this.parked = 0;
          this.parkHead = -1;
          this.overflowed = true;
          return;
        }
        if (j === this.parked - 1) break;
        const own = this.segmentGen[Math.floor(at / LOC_SEG)] as number;
        floor = this.floorOf(getU32(rec, 4 + SID_BYTES + 4 * START_AT) | 0, getU32(rec, 4 + SID_BYTES + 4 * END_AT) | 0, getU32(rec, 4 + SID_BYTES + 4 * SPAN) | 0, own < floor ? own : floor);
        at = getU32(rec, 4 + PARK_BYTES - 4) | 0;
      }
      const k = this.sessionOf(rec as Uint8Array, 4);
      for (let f = 0; f < ROW; f++) this.setRowField(k, f, getU32(rec as Uint8Array, 4 + SID_BYTES + 4 * f) | 0);
      const ahead = this.rowField(k, LAST) - this.rowField(k, ACKED);
      if (ahead > 0) this.parkedUnacked -= ahead;
      if (--this.parked === 0) {
        this.parkHead = -1;
        this.parkedUnacked = 0;
      }
      this.parkFloor = floor;
    }
    // Segments kept only for the sessions re-admitted may go now.
    if (this.parkFloor > old) this.collectBetween(old, this.parked > 0 ? this.parkFloor - 1 : 0xffffffff);
  }

  /** While a boot replays: true when the session with the 16-byte id at the start of `id` was parked by it. */
  private parkedAtBoot(id: Uint8Array): boolean {
    const seen = this.bootParked;
    if (!seen) return false;
    const h = getU32(id, 0);
    for (let j = 0; j < this.parked; j++) {
      if (seen[j] !== h) continue;
      // The first bytes match: the PARK records say whether the whole id does.
      let at = this.parkHead;
      for (let n = 0; n < this.parked && at >= 0; n++) {
        const rec = this.validRecord(Math.floor(at / LOC_SEG), at % LOC_SEG);
        if (!rec) return true;
        if (sameBytes(id, 0, rec.subarray(4, 4 + SID_BYTES))) return true;
        at = getU32(rec, 4 + PARK_BYTES - 4) | 0;
      }
      return false;
    }
    return false;
  }

  private releaseSession(k: number): void {
    let i = 0;
    while (i < this.held && this.order[i] !== k) i++;
    for (; i + 1 < this.held; i++) this.order[i] = this.order[i + 1] as number;
    this.held--;
    if (this.lastRow === k) this.lastRow = -1;
    this.rowUsed[k] = 0;
    // The row will serve another session: segments no longer name it as their first chunk's.
    for (let i = 0; i < this.segmentCount; i++) if (this.firstRow[i] === k) this.firstRow[i] = NO_ROW;
  }

  /**
   * True when no held session may have an unacknowledged chunk in segment
   * `i`: no session with chunks above its acknowledged seq spans it.
   */
  private segmentDead(i: number): boolean {
    if ((this.segmentFlags[i] as number) & PINNED) return false;
    const g = this.segmentGen[i] as number;
    if (this.parked > 0 && g >= this.parkFloor) return false;
    for (let k = 0; k < this.rowUsed.length; k++) {
      if (!this.rowUsed[k]) continue;
      const span = this.rowField(k, SPAN);
      if (span === -1 || this.rowField(k, LAST) <= this.rowField(k, ACKED)) continue;
      if ((this.segmentGen[span >>> 16] as number) <= g && g <= (this.segmentGen[span & 0xffff] as number)) return false;
    }
    return true;
  }

  /** Erases the dead segments of generations lo..hi (not the active one); returns how many. */
  private collectBetween(lo: number, hi: number): number {
    if (this.collecting) return 0;
    this.collecting = true;
    let erased = 0;
    try {
      for (let i = 0; i < this.segmentCount; i++) {
        const g = this.segmentGen[i] as number;
        if (!this.segmentPresent(i) || i === this.activeSegment || g < lo || g > hi || !this.segmentDead(i)) continue;
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
    // Once, not again for what this check seals: the segment the carried metadata filled may hold nothing live.
    const sealed = this.sealedWhileCollecting;
    this.sealedWhileCollecting = -1;
    if (sealed >= 0 && this.segmentPresent(sealed)) {
      this.collecting = true;
      try {
        if (sealed !== this.activeSegment && this.segmentDead(sealed)) {
          this.carryForward(sealed);
          this.flash.erase(this.segmentName(sealed));
          this.dropSegment(sealed);
          erased++;
        }
      } catch (err) {
        if (!(err instanceof FirmwareError && err.errorName === 'FLASH_FULL')) throw err;
      } finally {
        this.collecting = false;
        this.sealedWhileCollecting = -1;
      }
    }
    return erased;
  }

  /**
   * Copies the metadata of held sessions out of segment `i` before it is
   * erased: the current START and END records (an older END stays behind, a
   * newer one is elsewhere) and every GAP.
   */
  private carryForward(i: number): void {
    const name = this.segmentName(i);
    const end = this.segmentEnd(i);
    let off = FIRST_RECORD;
    while (off + RECORD_OVERHEAD <= end) {
      const head = this.flash.read(name, off, 4 + SID_BYTES);
      if (!head || head.length < 4 || head[0] !== MAGIC) break;
      const len = getU16(head, 2);
      const type = head[1] as number;
      const k = type === SpoolRecord.CHUNK || head.length < 4 + SID_BYTES ? -1 : this.rowOf(head, 4);
      const at = i * LOC_SEG + off;
      const current =
        k >= 0 &&
        (type === SpoolRecord.GAP ||
          (type === SpoolRecord.START && this.rowField(k, START_AT) === at) ||
          (type === SpoolRecord.END && this.rowField(k, END_AT) === at));
      if (current) {
        // A corrupt record is not copied (its reader would reject it anyway).
        const rec = this.validRecord(i, off);
        if (rec) {
          const seg = this.appendRecord(type, rec.subarray(4, 4 + len), true);
          this.locateMeta(k, type, seg, this.appendedOff);
        }
      }
      off += len + RECORD_OVERHEAD;
    }
  }

  /** The whole record at `off` in segment `seg` when its magic, length and CRC hold; null otherwise. */
  private validRecord(seg: number, off: number): Uint8Array | null {
    if (seg < 0 || seg >= this.segmentCount || !this.segmentPresent(seg)) return null;
    const name = this.segmentName(seg);
    const head = this.flash.read(name, off, 4);
    if (!head || head.length < 4 || head[0] !== MAGIC) return null;
    const len = getU16(head, 2);
    const rec = this.flash.read(name, off, len + RECORD_OVERHEAD);
    if (!rec || rec.length < len + RECORD_OVERHEAD) return null;
    if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) return null;
    return rec;
  }

  private locateMeta(k: number, type: number, seg: number, off: number): void {
    if (type === SpoolRecord.START) this.setRowField(k, START_AT, seg * LOC_SEG + off);
    else if (type === SpoolRecord.END) this.setRowField(k, END_AT, seg * LOC_SEG + off);
  }

  private appendMeta(k: number, type: number, body: Uint8Array): void {
    const payload = new Uint8Array(SID_BYTES + body.length);
    payload.set(this.idOf(k), 0);
    payload.set(body, SID_BYTES);
    const seg = this.appendRecord(type, payload, true);
    this.locateMeta(k, type, seg, this.appendedOff);
  }

  /** Appends one record to the active segment, opening a new segment when needed; returns the segment. */
  private appendRecord(type: number, payload: Uint8Array, reserveOk: boolean): number {
    if (payload.length > MAX_PAYLOAD) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', String(payload.length));
    const total = payload.length + RECORD_OVERHEAD;
    if (total + FIRST_RECORD > this.opts.segmentBytes) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', String(total));
    const rec = new Uint8Array(total);
    rec[0] = MAGIC;
    rec[1] = type;
    rec[2] = payload.length & 0xff;
    rec[3] = payload.length >> 8;
    rec.set(payload, 4);
    putU32(rec, 4 + payload.length, this.opts.crc32(rec.subarray(1, 4 + payload.length), 0));
    for (let attempt = 0; attempt < 2; attempt++) {
      let seg = this.activeSegment;
      if (seg < 0 || this.segmentSealed(seg) || this.activeUsed + total > this.opts.segmentBytes) {
        if (this.freeSegments() <= (reserveOk ? 0 : 1)) throw new FirmwareError('FLASH_FULL', 'spool');
        seg = this.openSegment();
      }
      const at = this.activeUsed;
      try {
        this.flash.writeAt(this.segmentName(seg), at, rec);
        this.activeUsed = at + total;
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
    const header = new Uint8Array(FIRST_RECORD);
    header[0] = MAGIC;
    header[1] = SpoolRecord.HEADER;
    header[2] = 4;
    header[3] = 0;
    putU32(header, 4, gen);
    putU32(header, 8, this.opts.crc32(header.subarray(1, 8), 0));
    this.flash.create(this.segmentName(idx), this.opts.segmentBytes, header);
    this.segmentFlags[idx] = PRESENT;
    this.segmentGen[idx] = gen;
    this.firstRow[idx] = NO_ROW;
    this.activeSegment = idx;
    this.activeUsed = header.length;
    // The previous active segment may be dead already (checked after the collection that filled it, if one runs).
    if (prev >= 0 && this.collecting) this.sealedWhileCollecting = prev;
    else if (prev >= 0) this.collectBetween(this.segmentGen[prev] as number, this.segmentGen[prev] as number);
    return idx;
  }

  private dropSegment(i: number): void {
    this.segmentFlags[i] = 0;
    this.segmentGen[i] = 0;
    this.firstRow[i] = NO_ROW;
    if (this.cursorSeg === i) this.cursorSeg = -1;
    if (this.lastRow >= 0 && Math.floor(this.lastRowAt / LOC_SEG) === i) this.lastRow = -1;
    // A START or END located there was copied forward (or its session is gone); a session spanning
    // it had nothing unacknowledged in flash (or the segment would not be dead): its span is reset.
    for (let k = 0; k < this.rowUsed.length; k++) {
      if (!this.rowUsed[k]) continue;
      if (Math.floor(this.rowField(k, START_AT) / LOC_SEG) === i) this.setRowField(k, START_AT, -1);
      if (Math.floor(this.rowField(k, END_AT) / LOC_SEG) === i) this.setRowField(k, END_AT, -1);
      const span = this.rowField(k, SPAN);
      if (span !== -1 && (span >>> 16 === i || (span & 0xffff) === i)) this.setRowField(k, SPAN, -1);
    }
  }

  /** Replays one segment's records; returns false when it ended in a torn record. Leaves its end of log in scanEnd. */
  private scanSegment(i: number): boolean {
    const name = this.segmentName(i);
    const size = this.opts.segmentBytes;
    let off = FIRST_RECORD;
    for (;;) {
      if (off + RECORD_OVERHEAD > size) break;
      const head = this.flash.read(name, off, 4) as Uint8Array;
      if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) {
        this.scanEnd = off;
        // The end of the log only if what a torn record there could have reached is erased (a torn
        // program may leave bits behind): not the whole rest of a 1 MiB segment, read at every boot.
        const stop = Math.min(size, off + MAX_PAYLOAD + RECORD_OVERHEAD);
        for (let at = off; at < stop; at += 256) {
          const block = this.flash.read(name, at, Math.min(256, stop - at)) as Uint8Array;
          for (let b = 0; b < block.length; b++) {
            if (block[b] !== 0xff) {
              this.markSegment(i, SEALED);
              return false;
            }
          }
        }
        return true;
      }
      const len = getU16(head, 2);
      if (head[0] !== MAGIC || off + len + RECORD_OVERHEAD > size) break;
      const rec = this.flash.read(name, off, len + RECORD_OVERHEAD) as Uint8Array;
      if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) break;
      this.replayRecord(i, off, rec);
      off += len + RECORD_OVERHEAD;
    }
    this.scanEnd = off;
    this.markSegment(i, SEALED);
    return off + RECORD_OVERHEAD > size;
  }

  /** Indexes one valid record (whole, `rec`) at `off` in segment `i`. */
  private replayRecord(i: number, off: number, rec: Uint8Array): void {
    const type = rec[1] as number;
    const payload = rec.subarray(4, rec.length - 4);
    // A PARK record describes a row of the run that wrote it: the replay rebuilds rows from the records themselves.
    if (payload.length < SID_BYTES || type === SpoolRecord.PARK) return;
    let k = this.sessionOf(payload, 0);
    if (k < 0 && this.parkedAtBoot(payload)) {
      // A later copy of a parked session's START or END (its PARK record names the earlier one, kept since); a
      // chunk of it here was never written so: kept, with its segment.
      if (type === SpoolRecord.CHUNK) {
        this.markSegment(i, PINNED);
        this.overflowed = true;
      }
      return;
    }
    if (k < 0) {
      // The table is full: the newest closed session is parked, as at run time, and this one takes its row. With
      // none to park, a row of a session with no chunk and no END met so far is let go instead (what is left of a
      // session completed before: no audio; an END of it met later makes a closed row of it, which can be parked).
      if (!this.bootParked) this.bootParked = new Uint32Array(this.maxParked);
      const v = this.parkable();
      if (v >= 0 && this.park(v)) k = this.sessionOf(payload, 0);
      for (let j = this.held - 1; k < 0 && j >= 0; j--) {
        const e = this.order[j] as number;
        if (this.rowField(e, END_AT) < 0 && this.rowField(e, LAST) < 0) {
          this.releaseSession(e);
          k = this.sessionOf(payload, 0);
        }
      }
    }
    if (k < 0) {
      // No row for this session: its records stay, unindexed, until an open with room.
      this.markSegment(i, PINNED);
      this.overflowed = true;
      return;
    }
    if (type === SpoolRecord.CHUNK && payload.length >= CHUNK_PREFIX) {
      const seq = getU32(payload, SID_BYTES);
      // Seqs rise in append order; one that does not (never written so) is kept out of the span logic by pinning.
      if (seq <= this.rowField(k, LAST)) this.markSegment(i, PINNED);
      else this.indexChunk(i, k, seq, off);
    } else if (type === SpoolRecord.START || type === SpoolRecord.END) {
      // The latest copy wins (segments replay oldest first).
      this.locateMeta(k, type, i, off);
    }
  }

  private indexChunk(i: number, k: number, seq: number, off: number): void {
    if (this.firstRow[i] === NO_ROW) {
      this.firstRow[i] = k;
      this.firstSeq[i] = seq;
    }
    const span = this.rowField(k, SPAN);
    this.setRowField(k, SPAN, span === -1 ? (i << 16) | i : (span & 0x7fff0000) | i);
    // The first chunk of the row: every seq below it is acknowledged (only acknowledged chunks are erased) or was
    // never written (0 when recording).
    if (this.rowField(k, LAST) < 0 && seq - 1 > this.rowField(k, ACKED)) this.setRowField(k, ACKED, seq - 1);
    this.setRowField(k, LAST, seq);
    this.lastRow = k;
    this.lastRowSeq = seq;
    this.lastRowAt = i * LOC_SEG + off;
  }

  /**
   * The whole record of chunk `seq` of row `k` (CRC checked), null when not
   * in flash. The last chunk is where the row says (the live session's is
   * read as soon as it is written); others: the segment the last read ended
   * in first when it is in the span (the uploader drains in order), then the
   * span's segment that begins at or below `seq`, then the rest of the span.
   * A 1 MiB segment holds ~500 records: a scan from its start is the slow
   * path.
   */
  private chunkRecord(k: number, seq: number): Uint8Array | null {
    const span = this.rowField(k, SPAN);
    if (span === -1 || seq > this.rowField(k, LAST)) return null;
    const lastAt = this.lastRowAt;
    if (k === this.lastRow && seq === this.lastRowSeq) {
      const rec = this.validRecord(Math.floor(lastAt / LOC_SEG), lastAt % LOC_SEG);
      if (rec) return rec;
    }
    const id = this.idOf(k);
    const lastGen = this.segmentGen[span & 0xffff] as number;
    const lo = seq > this.rowField(k, ACKED) ? (this.segmentGen[span >>> 16] as number) : 0;
    const cursorGen = this.cursorSeg >= 0 ? (this.segmentGen[this.cursorSeg] as number) : -1;
    if (cursorGen >= lo && cursorGen <= lastGen) {
      const rec = this.findChunk(this.cursorSeg, id, seq, this.cursorOff);
      if (rec) return rec;
    }
    let hint = -1;
    for (let i = 0; i < this.segmentCount; i++) {
      const g = this.segmentGen[i] as number;
      if (this.firstRow[i] === k && this.segmentPresent(i) && (this.firstSeq[i] as number) <= seq && g <= lastGen && (hint < 0 || g > (this.segmentGen[hint] as number))) hint = i;
    }
    if (hint >= 0) {
      const rec = this.findChunk(hint, id, seq, FIRST_RECORD);
      if (rec) return rec;
    }
    for (let i = 0; i < this.segmentCount; i++) {
      const g = this.segmentGen[i] as number;
      if (i === hint || !this.segmentPresent(i) || g < lo || g > lastGen) continue;
      const rec = this.findChunk(i, id, seq, FIRST_RECORD);
      if (rec) return rec;
    }
    return null;
  }

  /**
   * The record of chunk (`id`, `seq`) in segment `i` from offset `from` on
   * whose CRC holds (a torn copy left by a failed write is passed over), null
   * when not there; moves the read cursor past it.
   */
  private findChunk(i: number, id: Uint8Array, seq: number, from: number): Uint8Array | null {
    if (!this.segmentPresent(i)) return null;
    const name = this.segmentName(i);
    const end = this.segmentEnd(i);
    let off = from;
    while (off + RECORD_OVERHEAD <= end) {
      const head = this.flash.read(name, off, 4 + CHUNK_PREFIX);
      if (!head || head.length < 4 || head[0] !== MAGIC) break;
      const len = getU16(head, 2);
      if (head[1] === SpoolRecord.CHUNK && head.length >= 4 + CHUNK_PREFIX && sameBytes(head, 4, id)) {
        const q = getU32(head, 4 + SID_BYTES);
        // A session's chunks are in seq order: past it, it is not here.
        if (q > seq) break;
        const rec = q === seq ? this.validRecord(i, off) : null;
        if (rec) {
          this.cursorSeg = i;
          this.cursorOff = off + len + RECORD_OVERHEAD;
          return rec;
        }
      }
      off += len + RECORD_OVERHEAD;
    }
    return null;
  }
}
