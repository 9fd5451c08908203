import { Worker } from 'node:worker_threads';

/** An opened spool file: its descriptor (usable on any thread of the process) and its size. */
export interface OpenedSpool {
  fd: number;
  size: number;
}

interface Request {
  id: number;
  dir: string;
  path: string;
  /** Create `dir` first (the first session of a device). */
  mkdir: boolean;
}

type Reply = { id: number; fd: number; size: number } | { id: number; code: string; message: string };

/**
 * The opener thread: plain CommonJS (no TypeScript loader needed in a worker). For each request, in order: mkdir
 * (EEXIST is fine, ENOENT creates the parents), then create the file exclusively (size 0) or open the existing one
 * and read its size. One reply message per batch.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { O_RDWR, O_CREAT, O_EXCL } = fs.constants;
parentPort.on('message', (reqs) => {
  const replies = [];
  for (const r of reqs) {
    try {
      if (r.mkdir) {
        try { fs.mkdirSync(r.dir); } catch (e) {
          if (e.code === 'ENOENT') fs.mkdirSync(r.dir, { recursive: true });
          else if (e.code !== 'EEXIST') throw e;
        }
      }
      let fd, size = 0;
      try { fd = fs.openSync(r.path, O_RDWR | O_CREAT | O_EXCL, 0o640); } catch (e) {
        if (e.code !== 'EEXIST') throw e;
        fd = fs.openSync(r.path, O_RDWR, 0o640);
        size = fs.fstatSync(fd).size;
      }
      replies.push({ id: r.id, fd, size });
    } catch (e) {
      replies.push({ id: r.id, code: String(e && e.code || 'EIO'), message: String(e && e.message || e) });
    }
  }
  parentPort.postMessage(replies);
});
`;

/**
 * Opens spool files (creating their device directory when asked) on one worker thread, in batches: the opens
 * requested during one event-loop turn go to the thread as one message and come back as one.
 *
 * Why not the thread pool: each `fs.open`/`mkdir` submitted to libuv's pool wakes a pool thread, and on two
 * saturated cores that thread takes the core from the event loop. When 2,000 badges opened sessions at once the
 * event loop spent 300+ ms per second inside those submissions (~0.15 ms each), stalling every badge's acks.
 * A batch costs one wake-up however many files it opens.
 */
export class SpoolOpener {
  private worker: Worker | null = null;
  private online: Promise<void> = Promise.resolve();
  private batch: Request[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private readonly waiting = new Map<number, { resolve: (o: OpenedSpool) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;

  /** Opens (creating if missing) the spool file `path`; with `mkdir`, creates `dir` first. */
  open(dir: string, path: string, mkdir: boolean): Promise<OpenedSpool> {
    if (this.closed) return Promise.reject(new Error('spool opener closed'));
    const id = this.nextId++;
    return new Promise<OpenedSpool>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.batch.push({ id, dir, path, mkdir });
      this.scheduled ??= setImmediate(() => this.send());
    });
  }

  private send(): void {
    this.scheduled = null;
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const worker = this.thread();
    worker.ref();
    worker.postMessage(batch);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // trackUnmanagedFds off: by default Node closes, when a worker exits, every descriptor it opened with fs.open.
    // These belong to the main thread (and after a close there, their numbers are reused by other files): the
    // opener's exit at shutdown or in a crash must not close spool files still being written, or someone else's.
    const worker = new Worker(WORKER_SOURCE, { eval: true, trackUnmanagedFds: false });
    this.online = new Promise<void>((resolve) => {
      worker.once('online', () => resolve());
      worker.once('exit', () => resolve());
    });
    worker.on('message', (replies: Reply[]) => {
      for (const r of replies) {
        const w = this.waiting.get(r.id);
        if (!w) continue;
        this.waiting.delete(r.id);
        if ('fd' in r) w.resolve({ fd: r.fd, size: r.size });
        else w.reject(Object.assign(new Error(r.message), { code: r.code }));
      }
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (err: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`spool opener thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Stops the thread; opens still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.batch = [];
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      // Node 20 aborts the process when a worker is terminated while it is still starting.
      await this.online;
      await worker.terminate();
    }
    for (const w of this.waiting.values()) w.reject(new Error('spool opener closed'));
    this.waiting.clear();
  }
}
