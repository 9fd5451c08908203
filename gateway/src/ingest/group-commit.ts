import { closeSync, constants, fstatSync, fsync, mkdirSync, openSync, write } from 'node:fs';
import { dirname } from 'node:path';

/** An open spool file: one per session, positional appends at `size`. */
export interface SpoolHandle {
  readonly key: string;
  readonly path: string;
  fd: number;
  /** Next append offset (reserved synchronously, so appends never overlap). */
  size: number;
  /** Appends since the last fsync. */
  dirty: boolean;
  /** Appends submitted but not yet written. */
  writing: number;
  closed: boolean;
}

export interface Appended<T> {
  handle: SpoolHandle;
  offset: number;
  length: number;
  item: T;
}

/**
 * Appends records to per-session spool files and makes them durable in
 * groups: after the first completed append, waits at most `intervalMs` (or
 * until `maxItems` appends are waiting), fsyncs every dirty file once, then
 * hands the whole group to `onDurable`. Only one commit runs at a time;
 * appends that complete meanwhile form the next group.
 */
export class GroupCommitter<T> {
  private readonly handles = new Map<string, SpoolHandle>();
  private written: Array<Appended<T>> = [];
  private timer: NodeJS.Timeout | null = null;
  private committing = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly opts: {
      intervalMs: number;
      maxItems: number;
      onDurable: (group: Array<Appended<T>>, fsyncSeconds: number) => void;
      onFailed: (items: T[], err: Error) => void;
    },
  ) {}

  /** Opens (creating it and its directory) the spool file for `key`. */
  handle(key: string, path: string): SpoolHandle {
    let h = this.handles.get(key);
    if (h && !h.closed) return h;
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o640);
    h = { key, path, fd, size: fstatSync(fd).size, dirty: false, writing: 0, closed: false };
    this.handles.set(key, h);
    return h;
  }

  get openFiles(): number {
    return this.handles.size;
  }

  /** Appends `record` at the handle's end; `item` is reported once the record is durable. */
  append(h: SpoolHandle, record: Buffer, item: T): void {
    if (this.closed) {
      this.opts.onFailed([item], new Error('ingest is closing'));
      return;
    }
    const offset = h.size;
    h.size += record.length;
    h.writing++;
    write(h.fd, record, 0, record.length, offset, (err, n) => {
      h.writing--;
      if (!err && n !== record.length) err = Object.assign(new Error(`short write ${n}/${record.length}`), { code: 'EIO' });
      if (err) {
        // The file may now hold a partial record: later records go after it, and recovery skips it.
        this.opts.onFailed([item], err);
        return;
      }
      h.dirty = true;
      this.written.push({ handle: h, offset, length: record.length, item });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.committing) return;
    if (this.written.length >= this.opts.maxItems) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.commit();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.commit();
      }, this.opts.intervalMs);
    }
  }

  private async commit(): Promise<void> {
    if (this.committing || this.written.length === 0) return;
    this.committing = true;
    const group = this.written;
    this.written = [];
    const files = new Set<SpoolHandle>();
    for (const a of group) files.add(a.handle);
    const started = process.hrtime.bigint();
    const failures: Error[] = [];
    await Promise.all(
      [...files].map(
        (h) =>
          new Promise<void>((resolve) => {
            h.dirty = false;
            fsync(h.fd, (err) => {
              if (err) {
                h.dirty = true;
                failures.push(err);
              }
              resolve();
            });
          }),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    try {
      if (failures.length > 0) this.opts.onFailed(group.map((a) => a.item), failures[0]!);
      else this.opts.onDurable(group, seconds);
    } finally {
      this.committing = false;
      if (this.written.length > 0) this.schedule();
      else if (this.pendingWrites() === 0) this.notifyIdle();
    }
  }

  private pendingWrites(): number {
    let n = 0;
    for (const h of this.handles.values()) n += h.writing;
    return n;
  }

  private notifyIdle(): void {
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  /** Resolves once every submitted append has been written and committed. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (!this.committing && this.written.length > 0) await this.commit();
      if (!this.committing && this.written.length === 0 && this.pendingWrites() === 0) return;
      await new Promise<void>((resolve) => {
        this.idleWaiters.push(resolve);
        setTimeout(resolve, 5);
      });
    }
  }

  /** Closes one session's file once nothing of it is pending. */
  release(key: string): void {
    const h = this.handles.get(key);
    if (!h || h.writing > 0 || h.dirty) return;
    this.handles.delete(key);
    h.closed = true;
    closeSync(h.fd);
  }

  /** Commits what is pending and closes every file. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    for (const h of this.handles.values()) {
      h.closed = true;
      closeSync(h.fd);
    }
    this.handles.clear();
  }
}
