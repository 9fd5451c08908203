import { closeSync, constants, fstatSync, fsync, fsyncSync, mkdirSync, openSync, readdirSync, unlinkSync, write } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeJournalRecord, SEGMENT_PATTERN, segmentName } from './journal.js';

/** An open spool file: one per session, appends at `size`. */
export interface SpoolHandle {
  readonly key: string;
  readonly path: string;
  fd: number;
  /** Next append offset. */
  size: number;
  /** Appended to since the last checkpoint (not yet fsynced itself). */
  dirty: boolean;
  closed: boolean;
}

export interface Appended<T> {
  handle: SpoolHandle;
  offset: number;
  length: number;
  item: T;
}

/** Spool fsyncs a checkpoint runs at once (leaves thread-pool room for the appends). */
const CHECKPOINT_PARALLEL = 8;

interface Segment {
  no: number;
  path: string;
  fd: number;
  size: number;
  openedAt: number;
  /** Writes submitted to this segment and not yet completed. */
  writing: number;
}

export interface GroupCommitOptions<T> {
  journalDir: string;
  intervalMs: number;
  maxItems: number;
  segmentBytes: number;
  checkpointIntervalMs: number;
  onDurable: (group: Array<Appended<T>>, fsyncSeconds: number) => void;
  onFailed: (items: T[], err: Error) => void;
  onCheckpointError: (err: Error) => void;
}

/**
 * Appends chunk records to the per-session spool files and to the journal,
 * and makes them durable in groups: after the first append, waits at most
 * `intervalMs` (or until `maxItems` appends wait), fsyncs the journal once,
 * then hands the group to `onDurable`. One commit runs at a time; appends
 * made meanwhile form the next group. When the segment is large or old, the
 * commit rotates it and a checkpoint fsyncs the spool files written since,
 * then deletes the old segment. See docs/ingest.md.
 */
export class GroupCommitter<T> {
  private readonly handles = new Map<string, SpoolHandle>();
  private written: Array<Appended<T>> = [];
  private timer: NodeJS.Timeout | null = null;
  private committing: Promise<void> | null = null;
  private checkpointing: Promise<void> | null = null;
  private closed = false;
  private segment: Segment;
  /** Appends whose writes have not completed yet. */
  private writing = 0;
  private writeWaiters: Array<() => void> = [];

  constructor(private readonly opts: GroupCommitOptions<T>) {
    mkdirSync(opts.journalDir, { recursive: true });
    let last = 0;
    for (const name of readdirSync(opts.journalDir)) {
      const m = SEGMENT_PATTERN.exec(name);
      if (m) last = Math.max(last, Number(m[1]));
    }
    this.segment = this.openSegment(last + 1);
  }

  private openSegment(no: number): Segment {
    const path = join(this.opts.journalDir, segmentName(no));
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o640);
    const dir = openSync(this.opts.journalDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return { no, path, fd, size: 0, openedAt: Date.now(), writing: 0 };
  }

  /** Opens (creating it and its directory) the spool file for `key`. */
  handle(key: string, path: string): SpoolHandle {
    let h = this.handles.get(key);
    if (h && !h.closed) return h;
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o640);
    h = { key, path, fd, size: fstatSync(fd).size, dirty: false, closed: false };
    this.handles.set(key, h);
    return h;
  }

  get openFiles(): number {
    return this.handles.size;
  }

  /**
   * Appends `record` to the session's spool file and to the journal; `item`
   * is reported once durable. Offsets are reserved here, synchronously; the
   * writes run on libuv's thread pool, because on ext4 a write can block for
   * as long as a concurrent fsync's journal commit (hundreds of ms under
   * load, measured), which must not stall the broker's event loop.
   */
  append(h: SpoolHandle, deviceId: string, sessionHex: string, record: Buffer, item: T): void {
    if (this.closed) {
      this.opts.onFailed([item], new Error('ingest is closing'));
      return;
    }
    const entry = encodeJournalRecord(deviceId, sessionHex, record);
    const segment = this.segment;
    const journalOffset = segment.size;
    segment.size += entry.length;
    segment.writing++;
    const offset = h.size;
    h.size += record.length;
    h.dirty = true;
    this.writing++;
    let remaining = 2;
    let failure: Error | null = null;
    const finish = (err: Error | null): void => {
      if (err) failure ??= err;
      if (--remaining > 0) return;
      segment.writing--;
      this.writing--;
      // A failed or short write leaves a partial record; appends continue after it and recovery skips it.
      if (failure) this.opts.onFailed([item], failure);
      else {
        this.written.push({ handle: h, offset, length: record.length, item });
        this.schedule();
      }
      if (this.writing === 0) for (const w of this.writeWaiters.splice(0)) w();
    };
    const check = (len: number, what: string) => (err: Error | null, n: number) =>
      finish(err ?? (n === len ? null : Object.assign(new Error(`short ${what} write ${n}/${len}`), { code: 'EIO' })));
    write(segment.fd, entry, 0, entry.length, journalOffset, check(entry.length, 'journal'));
    write(h.fd, record, 0, record.length, offset, check(record.length, 'spool'));
  }

  private schedule(): void {
    if (this.committing) return;
    if (this.written.length >= this.opts.maxItems) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.startCommit();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.startCommit();
      }, this.opts.intervalMs);
    }
  }

  private startCommit(): void {
    if (this.committing || this.written.length === 0) return;
    this.committing = this.commit().finally(() => {
      this.committing = null;
      if (this.written.length > 0) this.schedule();
    });
  }

  private async commit(): Promise<void> {
    const group = this.written;
    this.written = [];
    const segment = this.segment;
    // Rotate only when no append to the segment is in flight: then this group is everything it holds.
    const due = segment.size >= this.opts.segmentBytes || Date.now() - segment.openedAt >= this.opts.checkpointIntervalMs;
    const rotate = due && segment.writing === 0 && !this.checkpointing && !this.closed;
    let dirty: SpoolHandle[] = [];
    if (rotate) {
      try {
        this.segment = this.openSegment(segment.no + 1);
        dirty = [...this.handles.values()].filter((h) => h.dirty);
        for (const h of dirty) h.dirty = false;
      } catch (err) {
        this.opts.onCheckpointError(err as Error);
      }
    }
    const started = process.hrtime.bigint();
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => fsync(segment.fd, resolve));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (err) this.opts.onFailed(group.map((a) => a.item), err);
    else this.opts.onDurable(group, seconds);
    if (this.segment !== segment) {
      const p = this.checkpoint(segment, dirty).finally(() => {
        this.checkpointing = null;
      });
      this.checkpointing = p;
    }
  }

  /** Makes the spool files written in `old` durable themselves, then drops `old`. */
  private async checkpoint(old: Segment, dirty: SpoolHandle[]): Promise<void> {
    const failures: Error[] = [];
    for (let i = 0; i < dirty.length; i += CHECKPOINT_PARALLEL) {
      await Promise.all(
        dirty.slice(i, i + CHECKPOINT_PARALLEL).map(
          (h) =>
            new Promise<void>((resolve) => {
              if (h.closed) return resolve();
              fsync(h.fd, (err) => {
                if (err && !h.closed) failures.push(err);
                resolve();
              });
            }),
        ),
      );
    }
    closeSync(old.fd);
    if (failures.length > 0) {
      // Keep the segment: recovery replays it. The handles stay dirty for the next checkpoint.
      for (const h of dirty) h.dirty = true;
      this.opts.onCheckpointError(failures[0]!);
      return;
    }
    unlinkSync(old.path);
  }

  /** Resolves once every append so far is committed. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.committing) await this.committing;
      else if (this.written.length > 0) this.startCommit();
      else if (this.writing > 0) await new Promise<void>((resolve) => this.writeWaiters.push(resolve));
      else return;
    }
  }

  /** Closes one session's file (after finalisation; its data is in the Ogg file by then). */
  release(key: string): void {
    const h = this.handles.get(key);
    if (!h) return;
    this.handles.delete(key);
    h.closed = true;
    closeSync(h.fd);
  }

  /** Commits what is pending, waits for a running checkpoint and closes every file (the last segment stays for recovery). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.checkpointing;
    for (const h of this.handles.values()) {
      h.closed = true;
      closeSync(h.fd);
    }
    this.handles.clear();
    closeSync(this.segment.fd);
  }
}
