import type { FlashStorage } from '../hal/flash.js';
import { copyBytes, getU16, getU32, putU32, sameBytes, toHex } from './bytes.js';
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

/** What the spool knows of one session still held in flash. */
export interface SpoolSession {
  id: Uint8Array;
  hex: string;
  /** SessionStart protobuf bytes, null if lost (should not happen). */
  start: Uint8Array | null;
  /** Latest SessionEnd protobuf bytes, null while open. */
  end: Uint8Array | null;
  /** Dropped-frame gaps, flat pairs: first frame, count. */
  gaps: number[];
  /** Lowest chunk seq still in flash, -1 when none. */
  lowestSeq: number;
  /** Highest chunk seq written, -1 when none. */
  lastSeq: number;
  /** Every seq <= this is durably stored at the gateway. */
  ackedThrough: number;
  complete: boolean;
  /** Running totals as of the last chunk: next frame index, Opus bytes kept, digest. */
  framesEnd: number;
  bytesTotal: number;
  digest: number;
}


/** Bytes a segment file costs in flash beyond its size (Espruino Storage's header, with slack). */
const SEGMENT_FILE_OVERHEAD = 64;
interface SegmentEntry {
  s: SpoolSession;
  first: number;
  last: number;
}

interface Segment {
  name: string;
  gen: number;
  used: number;
  sealed: boolean;
  entries: SegmentEntry[];
  meta: SpoolSession[];
}

export interface SpoolOptions {
  /** Bytes the spool may use; rounded down to whole segments (at least 3). */
  capacityBytes: number;
  segmentBytes: number;
  /** File name prefix of the segments. */
  prefix: string;
  crc32: Crc32;
}

export interface SpoolOpenReport {
  segments: number;
  tornSegments: number;
  sessions: number;
}

export class Spool {
  private readonly flash: FlashStorage;
  private readonly opts: SpoolOptions;
  private readonly segCount: number;
  private segs: (Segment | null)[] = [];
  private active = -1;
  private nextGen = 1;
  private byHex: { [hex: string]: SpoolSession } = {};
  private order: SpoolSession[] = [];
  private cursorSeg = -1;
  private cursorOff = 0;

  constructor(flash: FlashStorage, opts: SpoolOptions) {
    this.flash = flash;
    this.opts = opts;
    this.segCount = Math.floor(opts.capacityBytes / opts.segmentBytes);
    if (this.segCount < 3) throw new FirmwareError('FLASH_FULL', 'spool needs at least 3 segments');
    if (opts.segmentBytes < 1024) throw new FirmwareError('SPOOL_RECORD_TOO_LARGE', 'segments must be at least 1 KiB');
  }

  /** Reads every segment back after boot; drops torn tails. */
  open(): SpoolOpenReport {
    this.segs = [];
    this.byHex = {};
    this.order = [];
    this.active = -1;
    let torn = 0;
    const scanOrder: number[] = [];
    for (let i = 0; i < this.segCount; i++) {
      this.segs.push(null);
      const name = this.segName(i);
      if (this.flash.size(name) < 0) continue;
      const gen = this.readGeneration(name);
      if (gen < 0) {
        // A segment whose header was torn holds nothing.
        this.flash.erase(name);
        continue;
      }
      this.segs[i] = { name: name, gen: gen, used: 0, sealed: false, entries: [], meta: [] };
      scanOrder.push(i);
      if (gen >= this.nextGen) this.nextGen = gen + 1;
    }
    const segs = this.segs;
    scanOrder.sort((a, b) => (segs[a] as Segment).gen - (segs[b] as Segment).gen);
    for (const i of scanOrder) {
      if (!this.scanSegment(i)) torn++;
    }
    let newest = -1;
    for (const i of scanOrder) newest = i;
    if (newest >= 0 && !(segs[newest] as Segment).sealed) this.active = newest;
    // Seal every older segment: appends only go to the newest one.
    for (const i of scanOrder) if (i !== this.active) (segs[i] as Segment).sealed = true;
    this.collect();
    return { segments: scanOrder.length, tornSegments: torn, sessions: this.order.length };
  }

  /** Sessions still held, oldest first (complete ones excluded). */
  sessions(): SpoolSession[] {
    return this.order;
  }

  find(hex: string): SpoolSession | null {
    return this.byHex[hex] ?? null;
  }

  capacity(): number {
    return this.segCount * this.opts.segmentBytes;
  }

  usedBytes(): number {
    let used = 0;
    for (const seg of this.segs) if (seg) used += seg.sealed ? this.opts.segmentBytes : seg.used;
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

  /** True when a chunk record of `payloadBytes` would not fit without touching the metadata reserve. */
  isFullFor(payloadBytes: number): boolean {
    const need = payloadBytes + CHUNK_PREFIX + RECORD_OVERHEAD;
    const act = this.active >= 0 ? this.segs[this.active] : null;
    if (act && !act.sealed && act.used + need <= this.opts.segmentBytes) return false;
    // A new segment must fit in flash with the metadata reserve still creatable:
    // the storage can be fuller than the spool's own accounting (other files),
    // and then chunks stop here instead of a segment create failing mid-write.
    return this.freeSegments() <= 1 || this.flash.getFree() < 2 * (this.opts.segmentBytes + SEGMENT_FILE_OVERHEAD);
  }

  /** Chunks written and not yet acknowledged. */
  unackedChunks(): number {
    let n = 0;
    for (const s of this.order) if (s.lastSeq > s.ackedThrough) n += s.lastSeq - s.ackedThrough;
    return n;
  }

  beginSession(id: Uint8Array, start: Uint8Array): SpoolSession {
    const s = this.session(copyBytes(id));
    s.start = copyBytes(start);
    this.appendMeta(s, SpoolRecord.START, start);
    return s;
  }

  /**
   * Appends one chunk. Returns false (and writes nothing) when the spool is
   * full for chunks.
   */
  appendChunk(s: SpoolSession, seq: number, framesEnd: number, bytesTotal: number, digest: number, chunk: Uint8Array): boolean {
    if (this.isFullFor(chunk.length)) return false;
    const payload = new Uint8Array(CHUNK_PREFIX + chunk.length);
    payload.set(s.id, 0);
    putU32(payload, SID_BYTES, seq);
    putU32(payload, SID_BYTES + 4, framesEnd);
    putU32(payload, SID_BYTES + 8, bytesTotal);
    putU32(payload, SID_BYTES + 12, digest);
    payload.set(chunk, CHUNK_PREFIX);
    const seg = this.append(SpoolRecord.CHUNK, payload, false);
    this.noteChunk(seg, s, seq, framesEnd, bytesTotal, digest);
    return true;
  }

  appendGap(s: SpoolSession, firstFrame: number, count: number): void {
    this.noteGap(s, firstFrame, count);
    const payload = new Uint8Array(8);
    putU32(payload, 0, firstFrame);
    putU32(payload, 4, count);
    this.appendMeta(s, SpoolRecord.GAP, payload);
  }

  /** Writes (or replaces) the session's SessionEnd. */
  endSession(s: SpoolSession, end: Uint8Array): void {
    s.end = copyBytes(end);
    this.appendMeta(s, SpoolRecord.END, end);
  }

  /** The AudioChunk bytes of `seq`, or null when that chunk is not in flash (or is corrupt). */
  readChunk(s: SpoolSession, seq: number): Uint8Array | null {
    for (let i = 0; i < this.segs.length; i++) {
      const seg = this.segs[i];
      if (!seg || !this.holds(seg, s, seq)) continue;
      const found = this.findChunk(i, seg, s, seq);
      if (found) return found;
    }
    return null;
  }

  /** The gateway holds every seq <= `through`; segments wholly acknowledged are erased. */
  acknowledge(s: SpoolSession, through: number): void {
    if (through > s.ackedThrough) {
      s.ackedThrough = through;
      this.collect();
    }
  }

  /** The gateway finalised the session: everything of it may go. */
  complete(s: SpoolSession): void {
    if (s.complete) return;
    s.complete = true;
    const idx = this.order.indexOf(s);
    if (idx >= 0) this.order.splice(idx, 1);
    delete this.byHex[s.hex];
    this.collect();
  }

  /** Erases every segment holding nothing unacknowledged; returns how many. */
  collect(): number {
    let erased = 0;
    for (let i = 0; i < this.segs.length; i++) {
      const seg = this.segs[i];
      if (!seg || i === this.active || !this.isDead(seg)) continue;
      try {
        this.carryForward(seg);
      } catch (err) {
        // No room in storage for the carried metadata (it is fuller than the
        // spool's own accounting): keep the segment, collect at a later ack.
        if (err instanceof FirmwareError && err.errorName === 'FLASH_FULL') break;
        throw err;
      }
      this.flash.erase(seg.name);
      this.segs[i] = null;
      if (this.cursorSeg === i) this.cursorSeg = -1;
      erased++;
    }
    // The active segment goes too once it is sealed and dead.
    return erased;
  }

  /** Erases everything, unacknowledged audio included (the WIPE_ALL command). */
  wipeAll(): void {
    for (let i = 0; i < this.segs.length; i++) {
      const seg = this.segs[i];
      if (seg) this.flash.erase(seg.name);
      this.segs[i] = null;
    }
    this.active = -1;
    this.cursorSeg = -1;
    this.byHex = {};
    this.order = [];
  }

  // ---------------------------------------------------------------- internals

  private segName(i: number): string {
    return this.opts.prefix + i;
  }

  private freeSegments(): number {
    let n = 0;
    for (const seg of this.segs) if (!seg) n++;
    return n;
  }

  private session(id: Uint8Array): SpoolSession {
    const hex = toHex(id);
    const known = this.byHex[hex];
    if (known) return known;
    const s: SpoolSession = {
      id: id, hex: hex, start: null, end: null, gaps: [], lowestSeq: -1, lastSeq: -1, ackedThrough: -1,
      complete: false, framesEnd: 0, bytesTotal: 0, digest: 0,
    };
    this.byHex[hex] = s;
    this.order.push(s);
    return s;
  }

  private holds(seg: Segment, s: SpoolSession, seq: number): boolean {
    for (const e of seg.entries) if (e.s === s && seq >= e.first && seq <= e.last) return true;
    return false;
  }

  private isDead(seg: Segment): boolean {
    for (const e of seg.entries) if (!e.s.complete && e.last > e.s.ackedThrough) return false;
    return true;
  }

  private carryForward(seg: Segment): void {
    for (const s of seg.meta) {
      // START, GAP and END may sit in different segments: copy all of them (duplicates are harmless).
      if (s.complete) continue;
      if (s.start) this.append(SpoolRecord.START, this.withId(s, s.start), true);
      for (let g = 0; g < s.gaps.length; g += 2) {
        const gap = new Uint8Array(8);
        putU32(gap, 0, s.gaps[g] ?? 0);
        putU32(gap, 4, s.gaps[g + 1] ?? 0);
        this.append(SpoolRecord.GAP, this.withId(s, gap), true);
      }
      if (s.end) this.append(SpoolRecord.END, this.withId(s, s.end), true);
      const act = this.segs[this.active];
      if (act && act.meta.indexOf(s) < 0) act.meta.push(s);
    }
  }

  private withId(s: SpoolSession, body: Uint8Array): Uint8Array {
    const payload = new Uint8Array(SID_BYTES + body.length);
    payload.set(s.id, 0);
    payload.set(body, SID_BYTES);
    return payload;
  }

  private appendMeta(s: SpoolSession, type: number, body: Uint8Array): void {
    const seg = this.append(type, this.withId(s, body), true);
    if (seg.meta.indexOf(s) < 0) seg.meta.push(s);
  }

  /** Appends one record to the active segment, opening a new segment when needed. */
  private append(type: number, payload: Uint8Array, reserveOk: boolean): Segment {
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
      let seg = this.active >= 0 ? this.segs[this.active] : null;
      if (!seg || seg.sealed || seg.used + total > this.opts.segmentBytes) {
        if (this.freeSegments() <= (reserveOk ? 0 : 1)) throw new FirmwareError('FLASH_FULL', 'spool');
        seg = this.openSegment();
      }
      try {
        this.flash.writeAt(seg.name, seg.used, rec);
        seg.used += total;
        return seg;
      } catch (err) {
        if (err instanceof FirmwareError && err.errorName === 'POWER_CUT') throw err;
        // Whatever was half-written stays behind: seal the segment, retry in a fresh one.
        seg.sealed = true;
        if (attempt === 1) throw new FirmwareError('FLASH_WRITE', String(err));
      }
    }
    throw new FirmwareError('FLASH_WRITE', 'unreachable');
  }

  private openSegment(): Segment {
    let idx = -1;
    for (let i = 0; i < this.segs.length && idx < 0; i++) if (!this.segs[i]) idx = i;
    if (idx < 0) throw new FirmwareError('FLASH_FULL', 'no free segment');
    const prev = this.active >= 0 ? this.segs[this.active] : null;
    if (prev) prev.sealed = true;
    const gen = this.nextGen++;
    const header = new Uint8Array(4 + RECORD_OVERHEAD);
    header[0] = MAGIC;
    header[1] = SpoolRecord.HEADER;
    header[2] = 4;
    header[3] = 0;
    putU32(header, 4, gen);
    putU32(header, 8, this.opts.crc32(header.subarray(1, 8), 0));
    const seg: Segment = { name: this.segName(idx), gen: gen, used: header.length, sealed: false, entries: [], meta: [] };
    this.flash.create(seg.name, this.opts.segmentBytes, header);
    this.segs[idx] = seg;
    this.active = idx;
    // The previous active segment may be dead already.
    if (prev) this.collect();
    return seg;
  }

  private readGeneration(name: string): number {
    const h = this.flash.read(name, 0, 4 + RECORD_OVERHEAD);
    if (!h || h.length < 12 || h[0] !== MAGIC || h[1] !== SpoolRecord.HEADER || getU16(h, 2) !== 4) return -1;
    if (this.opts.crc32(h.subarray(1, 8), 0) !== getU32(h, 8)) return -1;
    return getU32(h, 4);
  }

  /** Replays one segment's records; returns false when it ended in a torn record. */
  private scanSegment(i: number): boolean {
    const seg = this.segs[i] as Segment;
    const size = this.opts.segmentBytes;
    let off = 4 + RECORD_OVERHEAD;
    for (;;) {
      if (off + RECORD_OVERHEAD > size) break;
      const head = this.flash.read(seg.name, off, 4) as Uint8Array;
      if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) {
        seg.used = off;
        if (!this.erasedFrom(seg.name, off)) {
          seg.sealed = true;
          return false;
        }
        return true;
      }
      const len = getU16(head, 2);
      if (head[0] !== MAGIC || off + len + RECORD_OVERHEAD > size) break;
      const rec = this.flash.read(seg.name, off, len + RECORD_OVERHEAD) as Uint8Array;
      if (this.opts.crc32(rec.subarray(1, 4 + len), 0) !== getU32(rec, 4 + len)) break;
      this.replay(seg, head[1] ?? 0, rec.subarray(4, 4 + len));
      off += len + RECORD_OVERHEAD;
    }
    seg.used = off;
    seg.sealed = true;
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

  private replay(seg: Segment, type: number, payload: Uint8Array): void {
    if (payload.length < SID_BYTES) return;
    const s = this.session(copyBytes(payload.subarray(0, SID_BYTES)));
    const body = payload.subarray(SID_BYTES);
    if (type === SpoolRecord.CHUNK && body.length >= 16) {
      this.noteChunk(seg, s, getU32(body, 0), getU32(body, 4), getU32(body, 8), getU32(body, 12));
      return;
    }
    if (seg.meta.indexOf(s) < 0) seg.meta.push(s);
    if (type === SpoolRecord.START) {
      if (!s.start) s.start = copyBytes(body);
    } else if (type === SpoolRecord.END) {
      s.end = copyBytes(body);
    } else if (type === SpoolRecord.GAP && body.length >= 8) {
      this.noteGap(s, getU32(body, 0), getU32(body, 4));
    }
  }

  private noteChunk(seg: Segment, s: SpoolSession, seq: number, framesEnd: number, bytesTotal: number, digest: number): void {
    const last = seg.entries.length > 0 ? seg.entries[seg.entries.length - 1] : undefined;
    if (last && last.s === s && seq === last.last + 1) last.last = seq;
    else seg.entries.push({ s: s, first: seq, last: seq });
    if (s.lowestSeq < 0 || seq < s.lowestSeq) s.lowestSeq = seq;
    if (seq >= s.lastSeq) {
      s.lastSeq = seq;
      s.framesEnd = framesEnd;
      s.bytesTotal = bytesTotal;
      s.digest = digest;
    }
  }

  private noteGap(s: SpoolSession, firstFrame: number, count: number): void {
    for (let g = 0; g < s.gaps.length; g += 2) if (s.gaps[g] === firstFrame) return;
    s.gaps.push(firstFrame, count);
  }

  private findChunk(i: number, seg: Segment, s: SpoolSession, seq: number): Uint8Array | null {
    let off = this.cursorSeg === i ? this.cursorOff : 4 + RECORD_OVERHEAD;
    for (let pass = 0; pass < 2; pass++) {
      while (off + RECORD_OVERHEAD <= seg.used) {
        const head = this.flash.read(seg.name, off, 4 + CHUNK_PREFIX) as Uint8Array;
        const len = getU16(head, 2);
        if (head[0] !== MAGIC) break;
        if (head[1] === SpoolRecord.CHUNK && sameBytes(head, 4, s.id) && getU32(head, 4 + SID_BYTES) === seq) {
          const rec = this.flash.read(seg.name, off, len + RECORD_OVERHEAD) as Uint8Array;
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
