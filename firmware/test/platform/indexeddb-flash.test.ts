/**
 * The browser platform's flash on IndexedDB (fake-indexeddb here; the real one
 * in chromium: tools/test/web/web-badge-reload.browser.test.ts): the flash
 * contract, read back from the database after every test; crash consistency
 * (what a reload finds is the flash as it was at some earlier call, never less
 * than what was reported durable); a failing database; and the output rule.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlashStorage } from '../../src/hal/flash.js';
import type { MqttClient, MqttHandlers } from '../../src/hal/mqtt.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { DurableOutputMqtt, IDB_FLASH_PAGE_BYTES, IndexedDbFlash } from '../../src/platform/browser/index.js';
import type { IdbDatabase, IdbFactory, IdbKeyRangeStatic } from '../../src/platform/browser/index.js';
import { describeFlashStorageContract, flashSnapshot } from '../contract/flash-storage-contract.js';

const BYTES = 64 * 1024;

function freshIdb(): { factory: IdbFactory; keyRange: IdbKeyRangeStatic } {
  return { factory: new IDBFactory() as IdbFactory, keyRange: IDBKeyRange as IdbKeyRangeStatic };
}

const databases = new WeakMap<FlashStorage, { factory: IdbFactory; keyRange: IdbKeyRangeStatic }>();

async function openFlash(idb = freshIdb(), bytes = BYTES): Promise<IndexedDbFlash> {
  const f = await IndexedDbFlash.open({ database: 'parley-web-badge:b1', bytes, indexedDB: idb });
  databases.set(f, idb);
  return f;
}

/** A reload: wait until everything is durable, close, open the same database again. */
async function reload(f: FlashStorage): Promise<IndexedDbFlash> {
  const flash = f as IndexedDbFlash;
  const idb = databases.get(flash);
  if (!idb) throw new Error('not an IndexedDB flash of this test');
  await flash.whenDurable();
  flash.close();
  return openFlash(idb);
}

describe('FlashStorage contract: browser (IndexedDB, read back after every test)', () => {
  describeFlashStorageContract(() => openFlash(), { reopen: reload });
});

describe('IndexedDB flash', () => {
  it('keeps a big file across pages, storing only the pages that were programmed', async () => {
    const f = await openFlash();
    const data = new Uint8Array(5000).map((_, i) => (i * 7 + 3) & 0xff);
    f.create('sp0', 3 * IDB_FLASH_PAGE_BYTES + 100, new Uint8Array([0x11]));
    f.writeAt('sp0', IDB_FLASH_PAGE_BYTES - 10, data); // spans pages 0..2
    f.writeAt('sp0', 3 * IDB_FLASH_PAGE_BYTES + 99, new Uint8Array([0x42])); // the short last page
    const g = await reload(f);
    expect(g.size('sp0')).toBe(3 * IDB_FLASH_PAGE_BYTES + 100);
    expect(g.read('sp0', 0, 1)).toEqual(new Uint8Array([0x11]));
    expect(g.read('sp0', IDB_FLASH_PAGE_BYTES - 10, 5000)).toEqual(data);
    expect(g.read('sp0', 3 * IDB_FLASH_PAGE_BYTES + 98, 2)).toEqual(new Uint8Array([0xff, 0x42]));
    // NOR rules hold on the reloaded copy: programmed bytes stay programmed.
    expect(() => g.writeAt('sp0', IDB_FLASH_PAGE_BYTES, new Uint8Array([0xff & ~(data[10] as number)]))).toThrow();
    expect(g.getFree()).toBe(f.getFree());
  });

  it('a file erased and created again under the same name keeps none of the old bytes', async () => {
    const f = await openFlash();
    f.create('sp0', 2 * IDB_FLASH_PAGE_BYTES, new Uint8Array(2 * IDB_FLASH_PAGE_BYTES).fill(0x00));
    await f.whenDurable();
    f.erase('sp0');
    f.create('sp0', IDB_FLASH_PAGE_BYTES + 10, new Uint8Array([5]));
    const g = await reload(f);
    expect(g.read('sp0', 0, 2)).toEqual(new Uint8Array([5, 0xff]));
    expect(g.read('sp0', IDB_FLASH_PAGE_BYTES, 10)).toEqual(new Uint8Array(10).fill(0xff));
  });

  it('batches the writes of one turn into one transaction', async () => {
    const f = await openFlash();
    f.create('sp0', 8192, new Uint8Array(0));
    for (let i = 0; i < 100; i++) f.writeAt('sp0', i * 40, new Uint8Array(40).fill(i));
    expect(f.hasPendingWrites()).toBe(true);
    await f.whenDurable();
    expect(f.hasPendingWrites()).toBe(false);
    expect(f.transactions).toBe(1);
  });

  type Op =
    | { kind: 'create'; file: number; size: number; fill: number }
    | { kind: 'writeAt'; file: number; at: number; len: number; fill: number }
    | { kind: 'writeFile'; file: number; len: number; fill: number }
    | { kind: 'erase'; file: number }
    | { kind: 'settle' }
    | { kind: 'tick' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), file: fc.nat(3), size: fc.integer({ min: 1, max: 3 * IDB_FLASH_PAGE_BYTES }), fill: fc.nat(255) }),
    fc.record({ kind: fc.constant('writeAt' as const), file: fc.nat(3), at: fc.nat(3 * IDB_FLASH_PAGE_BYTES), len: fc.integer({ min: 1, max: 600 }), fill: fc.nat(255) }),
    fc.record({ kind: fc.constant('writeFile' as const), file: fc.nat(3), len: fc.nat(300), fill: fc.nat(255) }),
    fc.record({ kind: fc.constant('erase' as const), file: fc.nat(3) }),
    fc.record({ kind: fc.constant('settle' as const) }),
    fc.record({ kind: fc.constant('tick' as const) }),
  );
  const apply = (f: FlashStorage, o: Exclude<Op, { kind: 'settle' | 'tick' }>): void => {
    const name = 'f' + o.file;
    try {
      if (o.kind === 'create') f.create(name, o.size, new Uint8Array(Math.min(o.size, 50)).fill(o.fill));
      else if (o.kind === 'writeAt') f.writeAt(name, o.at, new Uint8Array(o.len).fill(o.fill));
      else if (o.kind === 'writeFile') f.writeFile(name, new Uint8Array(o.len).fill(o.fill));
      else f.erase(name);
    } catch {
      // Refused calls (exists, not erased, outside the file) change nothing; the model refuses the same ones.
    }
  };

  it('after a reload holds the flash as it was at some call since the last durable point (a power cut, never a torn state)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), fc.boolean(), async (ops, settleAtEnd) => {
        const idb = freshIdb();
        const f = await openFlash(idb);
        const model = new NodeFlash({ bytes: BYTES });
        let states = [JSON.stringify(flashSnapshot(model))];
        for (const o of ops) {
          if (o.kind === 'settle') {
            // Yield to IndexedDB; whatever was durable at this point must survive.
            await f.whenDurable();
            states = [states[states.length - 1] as string];
            continue;
          }
          if (o.kind === 'tick') {
            // Let a transaction start (and perhaps finish) without waiting for it: the reload may come mid-flight.
            await new Promise((r) => setTimeout(r, 0));
            continue;
          }
          apply(f, o);
          apply(model, o);
          expect(flashSnapshot(f)).toEqual(flashSnapshot(model));
          states.push(JSON.stringify(flashSnapshot(model)));
        }
        if (settleAtEnd) {
          await f.whenDurable();
          states = [states[states.length - 1] as string];
        }
        // A reload: the page goes away without waiting for anything.
        f.close();
        const g = await openFlash(idb);
        expect(states).toContain(JSON.stringify(flashSnapshot(g)));
        g.close();
      }),
      { numRuns: 60 },
    );
  });

  it('a transaction IndexedDB refuses is retried; meanwhile writes fail and nothing is reported durable', async () => {
    const idb = freshIdb();
    let refuse = 2;
    // A factory whose databases refuse the next `refuse` readwrite transactions (quota exceeded, disk error).
    const failing: IdbFactory = {
      open: (name, version) => {
        const req = idb.factory.open(name, version);
        const onsuccess = (): void => {
          const db = req.result;
          const transaction = db.transaction.bind(db);
          (db as { transaction: IdbDatabase['transaction'] }).transaction = (stores, mode, options) => {
            if (mode === 'readwrite' && refuse > 0) {
              refuse--;
              throw new Error('QuotaExceededError');
            }
            return transaction(stores, mode, options);
          };
        };
        // Patch the database before the flash's own success handler sees it.
        return new Proxy(req, {
          set(target, prop, value: unknown) {
            if (prop === 'onsuccess' && typeof value === 'function') {
              (target as { onsuccess: unknown }).onsuccess = (ev: unknown) => {
                onsuccess();
                (value as (ev: unknown) => void)(ev);
              };
              return true;
            }
            return Reflect.set(target, prop, value);
          },
        });
      },
      deleteDatabase: (name) => idb.factory.deleteDatabase(name),
    };
    const errors: unknown[] = [];
    const f = await IndexedDbFlash.open({ database: 'd', bytes: BYTES, indexedDB: { factory: failing, keyRange: idb.keyRange }, onError: (e) => errors.push(e) });
    f.writeFile('cfg', new Uint8Array([1, 2, 3]));
    let durable = false;
    const done = f.whenDurable().then(() => (durable = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(errors).toHaveLength(1);
    expect(durable).toBe(false);
    expect(() => f.writeFile('cfg', new Uint8Array([4]))).toThrow(/FLASH_WRITE|IndexedDB did not keep/);
    await done; // retried after 200 ms, then 400 ms
    expect(errors).toHaveLength(2);
    expect(f.lastFailure()).toBeNull();
    f.writeFile('cfg2', new Uint8Array([5]));
    await f.whenDurable();
    f.close();
    const g = await IndexedDbFlash.open({ database: 'd', bytes: BYTES, indexedDB: idb });
    expect(g.readFile('cfg')).toEqual(new Uint8Array([1, 2, 3]));
    expect(g.readFile('cfg2')).toEqual(new Uint8Array([5]));
  });

  it('refuses a stored flash that does not fit the configured size, rather than dropping files', async () => {
    const idb = freshIdb();
    const f = await openFlash(idb);
    f.create('sp0', 40_000, new Uint8Array([1]));
    await f.whenDurable();
    f.close();
    await expect(openFlash(idb, 32 * 1024)).rejects.toThrow(/does not fit/);
  });
});

describe('DurableOutputMqtt', () => {
  class FakeMqtt implements MqttClient {
    handlers: MqttHandlers | null = null;
    connected = false;
    sent: string[] = [];
    setHandlers(h: MqttHandlers): void {
      this.handlers = h;
    }
    connect(): void {
      this.connected = true;
      this.handlers?.connected();
    }
    disconnect(): void {
      this.connected = false;
      this.handlers?.disconnected('disconnect requested');
    }
    isConnected(): boolean {
      return this.connected;
    }
    publish(topic: string, payload: Uint8Array): boolean {
      if (!this.connected) return false;
      this.sent.push(topic + ':' + Array.from(payload).join(','));
      return true;
    }
    subscribe(): void {}
  }

  function barrier(): { whenDurable(): Promise<void>; release(): void } {
    let open: (() => void)[] = [];
    return {
      whenDurable: () => new Promise<void>((r) => open.push(r)),
      release: () => {
        for (const r of open) r();
        open = [];
      },
    };
  }

  const flushed = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  it('sends each publish, in order, only once the flash writes before it are durable', async () => {
    const inner = new FakeMqtt();
    const b = barrier();
    const mqtt = new DurableOutputMqtt(inner, b);
    mqtt.setHandlers({ connected: () => undefined, disconnected: () => undefined, message: () => undefined });
    expect(mqtt.publish('t', new Uint8Array([0]), 1)).toBe(false); // not connected
    mqtt.connect();
    const payload = new Uint8Array([1]);
    expect(mqtt.publish('t', payload, 1)).toBe(true);
    payload[0] = 9; // the firmware reusing its buffer does not change what was published
    expect(mqtt.publish('t', new Uint8Array([2]), 1)).toBe(true);
    await flushed();
    expect(inner.sent).toEqual([]);
    expect(mqtt.pendingPublishes()).toBe(2);
    b.release();
    await flushed();
    expect(inner.sent).toEqual(['t:1', 't:2']);
    expect(mqtt.pendingPublishes()).toBe(0);
  });

  it('drops a held publish whose connection closed, instead of sending it ahead of the next Hello', async () => {
    const inner = new FakeMqtt();
    const b = barrier();
    const dropped: string[] = [];
    const mqtt = new DurableOutputMqtt(inner, b, (r) => dropped.push(r));
    mqtt.setHandlers({ connected: () => undefined, disconnected: () => undefined, message: () => undefined });
    mqtt.connect();
    mqtt.publish('old', new Uint8Array([1]), 1);
    mqtt.disconnect();
    mqtt.connect();
    mqtt.publish('hello', new Uint8Array([2]), 1);
    b.release();
    await flushed();
    expect(inner.sent).toEqual(['hello:2']);
    expect(dropped).toHaveLength(1);
  });
});
