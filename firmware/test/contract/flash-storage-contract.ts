/**
 * The FlashStorage contract every platform's flash passes (Node file flash,
 * Espruino Storage, the SPI NOR spool, the browser's IndexedDB flash). Call it
 * inside a describe block. `make` may be async (IndexedDB opens
 * asynchronously); `reopen`, when given, is called at the end of every test
 * with the flash it made and must return the same flash read back from where
 * it keeps its data (after a reload, a reboot): it must hold exactly the same
 * files, bytes and free space.
 */
import { expect, it } from 'vitest';
import type { FlashStorage } from '../../src/hal/flash.js';

export interface FlashContractHooks {
  reopen?: (flash: FlashStorage) => Promise<FlashStorage>;
}

/** Every file, its bytes, and the free space: what must survive a reopen. */
export function flashSnapshot(f: FlashStorage): { free: number; files: Record<string, number[]> } {
  const files: Record<string, number[]> = {};
  for (const name of f.list('')) files[name] = Array.from(f.readFile(name) ?? []);
  return { free: f.getFree(), files };
}

export function describeFlashStorageContract(make: () => FlashStorage | Promise<FlashStorage>, hooks: FlashContractHooks = {}): void {
  const reopened = async (f: FlashStorage): Promise<void> => {
    if (!hooks.reopen) return;
    const before = flashSnapshot(f);
    expect(flashSnapshot(await hooks.reopen(f))).toEqual(before);
  };
  it('creates erased files and programs them at offsets', async () => {
    const f = await make();
    f.create('seg0', 1024, new Uint8Array([1, 2, 3]));
    expect(f.size('seg0')).toBe(1024);
    expect(f.read('seg0', 0, 5)).toEqual(new Uint8Array([1, 2, 3, 0xff, 0xff]));
    f.writeAt('seg0', 3, new Uint8Array([0, 255, 7]));
    expect(f.read('seg0', 2, 5)).toEqual(new Uint8Array([3, 0, 255, 7, 0xff]));
    expect(f.read('seg0', 1020, 100)?.length).toBe(4);
    expect(f.read('nope', 0, 1)).toBeUndefined();
    expect(f.size('nope')).toBe(-1);
    await reopened(f);
  });

  it('refuses to change programmed bytes (NOR flash) and writes outside a file', async () => {
    const f = await make();
    f.create('seg1', 64, new Uint8Array([0x0f]));
    expect(() => f.writeAt('seg1', 0, new Uint8Array([0xf0]))).toThrow();
    expect(() => f.writeAt('seg1', 60, new Uint8Array(8))).toThrow();
    expect(() => f.writeAt('missing', 0, new Uint8Array(1))).toThrow();
    expect(() => f.create('seg1', 64, new Uint8Array(0))).toThrow();
    await reopened(f);
  });

  it('replaces small files whole and erases them', async () => {
    const f = await make();
    f.writeFile('cfg', new Uint8Array([1, 2, 3, 4]));
    f.writeFile('cfg', new Uint8Array([9]));
    expect(f.readFile('cfg')).toEqual(new Uint8Array([9]));
    f.erase('cfg');
    expect(f.readFile('cfg')).toBeUndefined();
    f.erase('cfg');
    await reopened(f);
  });

  it('counts foreground erase stalls (or has none): only create adds, at most one a file, never back', async () => {
    const f = await make();
    const stalls = (): number => f.stalls ?? 0;
    expect(Number.isInteger(stalls()) && stalls() >= 0, 'a whole count').toBe(true);
    let last = stalls();
    const step = (op: () => unknown, mayAdd: number): void => {
      op();
      const now = stalls();
      expect(now - last).toBeGreaterThanOrEqual(0);
      expect(now - last).toBeLessThanOrEqual(mayAdd);
      last = now;
    };
    // Files made and dropped in turn: a flash that erases in the background may have no erased space left for the next.
    for (let i = 0; i < 6; i++) {
      step(() => f.create('st' + i, 100, new Uint8Array([i])), 1);
      step(() => f.writeAt('st' + i, 1, new Uint8Array([7])), 0);
      step(() => f.read('st' + i, 0, 2), 0);
      step(() => f.list('st'), 0);
      step(() => f.getFree(), 0);
      step(() => f.writeFile('cfg', new Uint8Array([i])), 0);
      step(() => f.erase('st' + i), 0);
    }
    await reopened(f);
  });

  it('lists by prefix, sorted, and accounts for space', async () => {
    const f = await make();
    const free0 = f.getFree();
    expect(f.capacity()).toBeGreaterThanOrEqual(free0);
    f.create('sp2', 100, new Uint8Array(0));
    f.create('sp1', 100, new Uint8Array(0));
    f.writeFile('other', new Uint8Array(3));
    expect(f.list('sp')).toEqual(['sp1', 'sp2']);
    expect(f.getFree()).toBeLessThan(free0 - 200);
    expect(() => f.create('huge', f.capacity() * 2, new Uint8Array(0))).toThrow();
    await reopened(f);
  });
}
