/**
 * The part of the IndexedDB API the web badge's flash uses, declared here
 * because the firmware is typechecked without the DOM library (it also runs on
 * Espruino and Node). The browser's objects and fake-indexeddb's (Node tests)
 * both fit these shapes.
 */
export type IdbDurability = 'default' | 'strict' | 'relaxed';

export interface IdbRequest<T> {
  readonly result: T;
  readonly error: Error | null;
  onsuccess: ((ev: unknown) => void) | null;
  onerror: ((ev: { preventDefault(): void }) => void) | null;
}

export interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: ((ev: unknown) => void) | null;
  onblocked: ((ev: unknown) => void) | null;
}

export interface IdbFactory {
  open(name: string, version: number): IdbOpenRequest;
  deleteDatabase(name: string): IdbOpenRequest;
}

export interface IdbKeyRangeStatic {
  bound(lower: unknown, upper: unknown): unknown;
}

export interface IdbDatabase {
  readonly objectStoreNames: { contains(name: string): boolean };
  createObjectStore(name: string, options: { keyPath: string | string[] }): unknown;
  transaction(stores: string[], mode: 'readonly' | 'readwrite', options?: { durability: IdbDurability }): IdbTransaction;
  close(): void;
  onversionchange: ((ev: unknown) => void) | null;
}

export interface IdbTransaction {
  readonly error: Error | null;
  objectStore(name: string): IdbObjectStore;
  /** Commits once the queued requests are done (not in every browser). */
  commit?(): void;
  oncomplete: ((ev: unknown) => void) | null;
  onabort: ((ev: unknown) => void) | null;
  onerror: ((ev: { preventDefault(): void }) => void) | null;
}

export interface IdbObjectStore {
  getAll(): IdbRequest<unknown[]>;
  put(value: unknown): IdbRequest<unknown>;
  delete(key: unknown): IdbRequest<unknown>;
}

/** The browser's IndexedDB globals, when there are any. */
export function browserIndexedDb(): { factory: IdbFactory; keyRange: IdbKeyRangeStatic } | undefined {
  const g = globalThis as { indexedDB?: IdbFactory; IDBKeyRange?: IdbKeyRangeStatic };
  return g.indexedDB && g.IDBKeyRange ? { factory: g.indexedDB, keyRange: g.IDBKeyRange } : undefined;
}
