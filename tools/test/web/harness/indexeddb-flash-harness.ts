/**
 * Runs in chromium (bundled by indexeddb-flash.browser.test.ts): drives the
 * browser platform's IndexedDbFlash and, beside it, the NOR-flash model with
 * the same seeded random calls, and reports a fingerprint of the flash after
 * every call, so the test can check what the real IndexedDB holds after a
 * page reload. Typechecked without the DOM library: it only uses globalThis.
 */
import type { FlashStorage } from '../../../../firmware/src/hal/flash.js';
import { IDB_FLASH_PAGE_BYTES, IndexedDbFlash } from '../../../../firmware/src/platform/browser/index.js';
import { NodeFlash } from '../../../../firmware/src/platform/node/flash.js';

const BYTES = 96 * 1024;
const DATABASE = 'parley-flash-harness';

/** FNV-1a over every file's name and bytes and the free space: equal fingerprints, equal flash. */
function fingerprint(f: FlashStorage): string {
  let h = 0x811c9dc5;
  const mix = (b: number): void => {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  };
  for (const name of f.list('')) {
    for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i));
    mix(0);
    const data = f.readFile(name) ?? new Uint8Array(0);
    for (const b of data) mix(b);
    mix(data.length & 0xff);
    mix((data.length >> 8) & 0xff);
  }
  const free = f.getFree();
  return `${h.toString(16)}:${free}:${f.list('').length}`;
}

/** mulberry32: the same calls for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function step(f: FlashStorage, r: () => number, k: number): void {
  const name = 'f' + Math.floor(r() * 4);
  const fill = Math.floor(r() * 256);
  try {
    if (k < 0.3) f.create(name, 1 + Math.floor(r() * 3 * IDB_FLASH_PAGE_BYTES), new Uint8Array(1 + Math.floor(r() * 60)).fill(fill));
    else if (k < 0.75) f.writeAt(name, Math.floor(r() * 3 * IDB_FLASH_PAGE_BYTES), new Uint8Array(1 + Math.floor(r() * 700)).fill(fill));
    else if (k < 0.9) f.writeFile(name, new Uint8Array(Math.floor(r() * 300)).fill(fill));
    else f.erase(name);
  } catch {
    // refused calls change nothing (the model refuses the same ones)
  }
}

let flash: IndexedDbFlash | null = null;
const model = new NodeFlash({ bytes: BYTES });

async function open(): Promise<string> {
  flash = await IndexedDbFlash.open({ database: DATABASE, bytes: BYTES });
  return fingerprint(flash);
}

/**
 * `count` seeded calls on the flash and the model; returns the fingerprint
 * after each (the model's, after checking the flash answers the same). With
 * `settle`, waits until everything is durable before returning.
 */
async function run(seed: number, count: number, settle: boolean): Promise<string[]> {
  const f = flash;
  if (!f) throw new Error('open() first');
  // The model starts from what the flash holds.
  for (const name of model.list('')) model.erase(name);
  for (const name of f.list('')) {
    const data = f.readFile(name) as Uint8Array;
    model.create(name, data.length, data);
  }
  const r = random(seed);
  const prints: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = r();
    const state = r() * 2 ** 32;
    step(f, random(state), k);
    step(model, random(state), k);
    const a = fingerprint(f);
    const b = fingerprint(model);
    if (a !== b) throw new Error(`flash and model differ after call ${i}: ${a} vs ${b}`);
    prints.push(a);
    // Let some transactions start mid-sequence.
    if (i % 17 === 0) await new Promise((res) => setTimeout(res, 0));
  }
  if (settle) await f.whenDurable();
  return prints;
}

(globalThis as { flashHarness?: unknown }).flashHarness = { open, run, transactions: () => flash?.transactions ?? 0 };
