/**
 * The web badge's flash, kept in IndexedDB so that audio captured but not yet
 * acknowledged by the gateway survives a page reload or a closed tab.
 *
 * The firmware's FlashStorage interface is synchronous (Espruino's Storage is)
 * and IndexedDB is not, so the flash has two halves:
 *
 * - a mirror in memory, the Node platform's NOR-flash model (NodeFlash), which
 *   answers every call at once with the badge's exact semantics (erased 0xFF,
 *   program-only-clears-bits, the byte budget with Espruino's per-file
 *   overhead);
 * - a write-behind journal: every mutation marks the 4 KiB pages it touched
 *   (or the whole file), and one readwrite transaction at a time writes the
 *   mirror's current bytes of everything marked since the last one.
 *
 * Each transaction is atomic and captures the mirror at one instant, between
 * two flash calls, so what IndexedDB holds is always the flash as it was at
 * some earlier point of the call sequence: a reload is a power cut at that
 * point, which the firmware recovers from like on the badge (spool recovery),
 * never a torn or reordered state.
 *
 * What makes that a badge's power cut rather than data loss is the output
 * rule (`whenDurable`): nothing that depends on a write may leave the page
 * before the write's transaction has completed. The browser platform holds
 * every MQTT publish until then (durable-output-mqtt.ts), so the gateway never
 * acknowledges, and the firmware never erases on the strength of, a frame,
 * session id or sequence number the browser could still forget.
 */
import type { FlashStorage } from '../../hal/flash.js';
import { FirmwareError } from '../../core/errors.js';
import { NodeFlash } from '../node/flash.js';
import { browserIndexedDb } from './indexeddb-api.js';
import type { IdbDatabase, IdbDurability, IdbFactory, IdbKeyRangeStatic, IdbObjectStore, IdbRequest, IdbTransaction } from './indexeddb-api.js';

/** Bytes per stored page: a program of one 40-byte frame rewrites one page, not the whole 16 KiB segment. */
export const IDB_FLASH_PAGE_BYTES = 4096;
const FILES = 'files';
const PAGES = 'pages';
const DB_VERSION = 1;
/** Delay before a failed transaction is tried again (doubling up to the maximum). */
const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 10_000;

export interface IndexedDbFlashOptions {
  /** IndexedDB database name (one per device on a page: `parley-web-badge:<deviceId>`). */
  database: string;
  /** Capacity in bytes (the byte budget, as NodeFlash). */
  bytes: number;
  /** IndexedDB and its IDBKeyRange; default the browser's (`globalThis.indexedDB`, `globalThis.IDBKeyRange`). */
  indexedDB?: { factory: IdbFactory; keyRange: IdbKeyRangeStatic };
  /**
   * Transaction durability. `strict` (default) asks the browser to flush to
   * the disk before a transaction completes, so the data also survives an OS
   * crash or power loss, not only a reload.
   */
  durability?: IdbDurability;
  /** Told when a transaction fails (it is retried; writes fail meanwhile). */
  onError?: (err: unknown) => void;
}

interface FileRecord {
  name: string;
  size: number;
}

interface PageRecord {
  name: string;
  page: number;
  data: Uint8Array;
}

/** What changed in one file since the last transaction began. */
interface DirtyFile {
  /** Created, replaced or erased: every stored page of it is dropped and the file written afresh. */
  whole: boolean;
  pages: Set<number>;
}

function request<T>(req: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function storageError(message: string, cause: unknown): FirmwareError {
  const err = new FirmwareError('FLASH_WRITE', message + ': ' + (cause instanceof Error ? cause.message : String(cause)));
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

function openDatabase(factory: IdbFactory, name: string): Promise<IdbDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'name' });
      if (!db.objectStoreNames.contains(PAGES)) db.createObjectStore(PAGES, { keyPath: ['name', 'page'] });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB database ' + name + ' is held open by another tab at an older version'));
  });
}

function allErased(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i++) if (data[i] !== 0xff) return false;
  return true;
}

export class IndexedDbFlash implements FlashStorage {
  private readonly db: IdbDatabase;
  private readonly keyRange: IdbKeyRangeStatic;
  private readonly mirror: NodeFlash;
  private readonly durability: IdbDurability;
  private readonly onError: (err: unknown) => void;
  private dirty = new Map<string, DirtyFile>();
  /** Mutations made so far; `durableThrough` of them are committed. */
  private generation = 0;
  private durableThrough = 0;
  private inFlight = false;
  private retryMs = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failure: FirmwareError | null = null;
  private closed = false;
  private waiters: { generation: number; resolve: () => void; reject: (err: unknown) => void }[] = [];
  /** Transactions committed (for the page and tests). */
  transactions = 0;

  /** Opens (or creates) the database and loads every file into memory before the firmware boots. */
  static async open(opts: IndexedDbFlashOptions): Promise<IndexedDbFlash> {
    const idb = opts.indexedDB ?? browserIndexedDb();
    if (!idb) throw new FirmwareError('FLASH_WRITE', 'this browser has no IndexedDB: the web badge cannot keep its flash');
    let db: IdbDatabase;
    try {
      db = await openDatabase(idb.factory, opts.database);
    } catch (err) {
      throw storageError('cannot open IndexedDB database ' + opts.database, err);
    }
    let files: FileRecord[];
    let pages: PageRecord[];
    try {
      const tx = db.transaction([FILES, PAGES], 'readonly');
      [files, pages] = await Promise.all([
        request(tx.objectStore(FILES).getAll() as IdbRequest<FileRecord[]>),
        request(tx.objectStore(PAGES).getAll() as IdbRequest<PageRecord[]>),
      ]);
    } catch (err) {
      db.close();
      throw storageError('cannot read IndexedDB database ' + opts.database, err);
    }
    const mirror = new NodeFlash({ bytes: opts.bytes });
    const contents = new Map<string, Uint8Array>();
    for (const f of files) contents.set(f.name, new Uint8Array(f.size).fill(0xff));
    for (const p of pages) {
      const file = contents.get(p.name);
      const start = p.page * IDB_FLASH_PAGE_BYTES;
      // A page is written in the same transaction as its file record, so one without a file, or past its end, is corruption.
      if (!file || start + p.data.length > file.length) {
        db.close();
        throw new FirmwareError('FLASH_WRITE', 'IndexedDB flash ' + opts.database + ' is corrupt: page ' + p.page + ' of ' + p.name + ' lies outside the file');
      }
      file.set(new Uint8Array(p.data), start);
    }
    try {
      // Creating an erased file and programming the whole stored content reproduces it byte for byte (0xFF & b = b).
      for (const [name, data] of [...contents].sort((a, b) => (a[0] < b[0] ? -1 : 1))) mirror.create(name, data.length, data);
    } catch (err) {
      db.close();
      throw storageError('IndexedDB flash ' + opts.database + ' does not fit a ' + opts.bytes + '-byte flash', err);
    }
    return new IndexedDbFlash(db, idb.keyRange, mirror, opts);
  }

  private constructor(db: IdbDatabase, keyRange: IdbKeyRangeStatic, mirror: NodeFlash, opts: IndexedDbFlashOptions) {
    this.db = db;
    this.keyRange = keyRange;
    this.mirror = mirror;
    this.durability = opts.durability ?? 'strict';
    this.onError = opts.onError ?? (() => undefined);
    // Another tab upgrading or deleting the database: let it, this copy stops writing.
    db.onversionchange = () => this.fail(new FirmwareError('FLASH_WRITE', 'IndexedDB database was changed by another page'), false);
  }

  /**
   * Resolves once every flash write made before the call is committed to
   * IndexedDB (at once when nothing is pending). Rejects when the flash is
   * closed first.
   */
  whenDurable(): Promise<void> {
    const generation = this.generation;
    if (this.durableThrough >= generation) return Promise.resolve();
    if (this.closed) return Promise.reject(new FirmwareError('FLASH_WRITE', 'IndexedDB flash is closed'));
    return new Promise((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
  }

  /** True when writes are waiting for (or in) a transaction. */
  hasPendingWrites(): boolean {
    return this.durableThrough < this.generation;
  }

  /** Why writes fail at the moment (IndexedDB refused the last transaction), if they do. */
  lastFailure(): FirmwareError | null {
    return this.failure;
  }

  /** Stops writing; pending writes that are not yet in a transaction are dropped (a power cut). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.db.close();
    const err = new FirmwareError('FLASH_WRITE', 'IndexedDB flash is closed');
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  capacity(): number {
    return this.mirror.capacity();
  }

  getFree(): number {
    return this.mirror.getFree();
  }

  create(name: string, size: number, data: Uint8Array): void {
    this.writable();
    this.mirror.create(name, size, data);
    this.touchWhole(name);
  }

  writeAt(name: string, offset: number, data: Uint8Array): void {
    this.writable();
    this.mirror.writeAt(name, offset, data);
    if (data.length === 0) return;
    const entry = this.entry(name);
    const last = Math.floor((offset + data.length - 1) / IDB_FLASH_PAGE_BYTES);
    for (let p = Math.floor(offset / IDB_FLASH_PAGE_BYTES); p <= last; p++) entry.pages.add(p);
    this.changed();
  }

  read(name: string, offset: number, length: number): Uint8Array | undefined {
    return this.mirror.read(name, offset, length);
  }

  size(name: string): number {
    return this.mirror.size(name);
  }

  writeFile(name: string, data: Uint8Array): void {
    this.writable();
    this.mirror.writeFile(name, data);
    this.touchWhole(name);
  }

  readFile(name: string): Uint8Array | undefined {
    return this.mirror.readFile(name);
  }

  erase(name: string): void {
    this.writable();
    if (this.mirror.size(name) < 0) {
      this.mirror.erase(name); // validates the name like a real erase
      return;
    }
    this.mirror.erase(name);
    this.touchWhole(name);
  }

  list(prefix: string): string[] {
    return this.mirror.list(prefix);
  }

  private writable(): void {
    if (this.closed) throw new FirmwareError('FLASH_WRITE', 'IndexedDB flash is closed');
    // A write the browser cannot keep must not be reported as written.
    if (this.failure) throw this.failure;
  }

  private entry(name: string): DirtyFile {
    let e = this.dirty.get(name);
    if (!e) {
      e = { whole: false, pages: new Set() };
      this.dirty.set(name, e);
    }
    return e;
  }

  private touchWhole(name: string): void {
    const e = this.entry(name);
    e.whole = true;
    e.pages.clear();
    this.changed();
  }

  private changed(): void {
    this.generation++;
    this.schedule();
  }

  private schedule(): void {
    if (this.inFlight || this.retryTimer || this.closed || this.dirty.size === 0) return;
    this.inFlight = true;
    // Let the rest of this turn's writes join the same transaction.
    queueMicrotask(() => this.commit());
  }

  /** Writes everything marked so far in one transaction, from the mirror as it is now. */
  private commit(): void {
    if (this.closed) return;
    const batch = this.dirty;
    const generation = this.generation;
    this.dirty = new Map();
    let tx: IdbTransaction;
    try {
      tx = this.db.transaction([FILES, PAGES], 'readwrite', { durability: this.durability });
      const files = tx.objectStore(FILES);
      const pages = tx.objectStore(PAGES);
      for (const [name, change] of batch) {
        const size = this.mirror.size(name);
        if (change.whole || size < 0) {
          pages.delete(this.keyRange.bound([name, 0], [name, Number.MAX_SAFE_INTEGER]));
          if (size < 0) {
            files.delete(name);
            continue;
          }
          files.put({ name, size } satisfies FileRecord);
          for (let p = 0; p * IDB_FLASH_PAGE_BYTES < size; p++) this.putPage(pages, name, p, true);
        } else {
          for (const p of change.pages) this.putPage(pages, name, p, false);
        }
      }
    } catch (err) {
      this.failed(batch, err);
      return;
    }
    tx.oncomplete = () => {
      this.inFlight = false;
      this.transactions++;
      this.retryMs = 0;
      this.failure = null;
      this.durableThrough = generation;
      const ready = this.waiters.filter((w) => w.generation <= generation);
      this.waiters = this.waiters.filter((w) => w.generation > generation);
      for (const w of ready) w.resolve();
      this.schedule();
    };
    const abort = (): void => this.failed(batch, tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onabort = abort;
    tx.onerror = (ev) => ev.preventDefault(); // reported once, by onabort
    // Commit now rather than when the browser notices nothing more is queued: a page being unloaded gets its last writes in.
    tx.commit?.();
  }

  private putPage(pages: IdbObjectStore, name: string, page: number, skipErased: boolean): void {
    const data = this.mirror.read(name, page * IDB_FLASH_PAGE_BYTES, IDB_FLASH_PAGE_BYTES) as Uint8Array;
    // A fresh file's erased pages need no record: a missing page loads as 0xFF.
    if (skipErased && allErased(data)) return;
    pages.put({ name, page, data } satisfies PageRecord);
  }

  /** A transaction failed: its changes go back into the journal and are retried; writes fail until one succeeds. */
  private failed(batch: Map<string, DirtyFile>, cause: unknown): void {
    if (this.closed) return;
    for (const [name, change] of batch) {
      const now = this.dirty.get(name);
      if (!now) this.dirty.set(name, change);
      else if (!now.whole) {
        now.whole = change.whole;
        if (now.whole) now.pages.clear();
        else for (const p of change.pages) now.pages.add(p);
      }
    }
    this.fail(storageError('IndexedDB did not keep the flash write', cause), true);
  }

  private fail(err: FirmwareError, retry: boolean): void {
    this.inFlight = false;
    this.failure = err;
    this.onError(err);
    if (!retry) {
      this.close();
      return;
    }
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs ? this.retryMs * 2 : RETRY_MIN_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, this.retryMs);
  }
}
