import { closeSync, constants, fstatSync, fsync, fsyncSync, mkdirSync, openSync, readdirSync, unlinkSync, writev } from 'node:fs';
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

/** Writes `buffers` contiguously at `position` (one writev), failing on a short write. */
function writeAll(fd: number, buffers: Buffer[], position: number): Promise<void> {
  const total = buffers.reduce((a, b) => a + b.length, 0);
  return new Promise((resolve, reject) => {
    writev(fd, buffers, position, (err, n) => {
      if (err) reject(err);
      else if (n !== total) reject(Object.assign(new Error(`short write ${n}/${total}`), { code: 'EIO' }));
      else resolve();
    });
  });
}

/** Spool fsyncs a checkpoint runs at once (leaves thread-pool room for the appends). */
const CHECKPOINT_PARALLEL = 8;

interface Segment {
  no: number;
  path: string;
  fd: number;
  size: number;
  openedAt: number;
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
  /** The group being collected: journal entries and, per spool file, the records from its reserved offset. */
  private journalBuffers: Buffer[] = [];
  private spoolBuffers = new Map<SpoolHandle, { offset: number; buffers: Buffer[] }>();

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
    return { no, path, fd, size: 0, openedAt: Date.now() };
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
   * Queues `record` for the session's spool file and the journal; `item` is
   * reported once durable. Nothing is written here: the commit writes the
   * whole group with one journal write and one writev per session file, on
   * libuv's thread pool (a write per chunk measured ~40 µs of event-loop time
   * each under load, and on ext4 a write can block behind a running fsync).
   */
  append(h: SpoolHandle, deviceId: string, sessionHex: string, record: Buffer, item: T): void {
    if (this.closed) {
      this.opts.onFailed([item], new Error('ingest is closing'));
      return;
    }
    const entry = encodeJournalRecord(deviceId, sessionHex, record);
    this.journalBuffers.push(entry);
    const offset = h.size;
    h.size += record.length;
    h.dirty = true;
    let pending = this.spoolBuffers.get(h);
    if (!pending) {
      pending = { offset, buffers: [] };
      this.spoolBuffers.set(h, pending);
    }
    pending.buffers.push(record);
    this.written.push({ handle: h, offset, length: record.length, item });
    this.schedule();
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
    const journal = Buffer.concat(this.journalBuffers);
    const spools = this.spoolBuffers;
    this.written = [];
    this.journalBuffers = [];
    this.spoolBuffers = new Map();
    const segment = this.segment;
    const journalOffset = segment.size;
    segment.size += journal.length;
    // Rotate after taking the group: the old segment holds exactly what this commit makes durable.
    const due = segment.size >= this.opts.segmentBytes || Date.now() - segment.openedAt >= this.opts.checkpointIntervalMs;
    let dirty: SpoolHandle[] = [];
    if (due && !this.checkpointing && !this.closed) {
      try {
        this.segment = this.openSegment(segment.no + 1);
        // Handles appended to from now on are dirty again for the next checkpoint.
        dirty = [...this.handles.values()].filter((h) => h.dirty);
        for (const h of dirty) h.dirty = false;
      } catch (err) {
        this.opts.onCheckpointError(err as Error);
      }
    }
    const started = process.hrtime.bigint();
    let failure: Error | null = null;
    const writes: Array<Promise<void>> = [writeAll(segment.fd, [journal], journalOffset)];
    for (const [h, p] of spools) if (!h.closed) writes.push(writeAll(h.fd, p.buffers, p.offset));
    // A failed or short write leaves a partial record: appends continue after it and recovery skips it.
    for (const r of await Promise.allSettled(writes)) if (r.status === 'rejected') failure ??= r.reason as Error;
    if (!failure) failure = await new Promise<NodeJS.ErrnoException | null>((resolve) => fsync(segment.fd, resolve));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (failure) this.opts.onFailed(group.map((a) => a.item), failure);
    else this.opts.onDurable(group, seconds);
    if (this.segment !== segment) {
      this.checkpointing = this.checkpoint(segment, dirty).finally(() => {
        this.checkpointing = null;
      });
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
