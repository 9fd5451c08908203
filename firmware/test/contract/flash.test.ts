import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlashStorage } from '../../src/hal/flash.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { EspruinoFlash } from '../../src/platform/espruino/storage.js';
import { fakeE, fakeStorage } from '../../src/build/espruino-doubles.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const impls: [string, () => FlashStorage][] = [
  ['node (memory)', () => new NodeFlash({ bytes: 64 * 1024 })],
  ['node (directory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-flash-'));
    dirs.push(dir);
    return new NodeFlash({ bytes: 64 * 1024, dir });
  }],
  ['espruino (Storage)', () => new EspruinoFlash(fakeStorage(64 * 1024), fakeE(Uint8Array, () => undefined))],
];

describe.each(impls)('FlashStorage contract: %s', (_name, make) => {
  it('creates erased files and programs them at offsets', () => {
    const f = make();
    f.create('seg0', 1024, new Uint8Array([1, 2, 3]));
    expect(f.size('seg0')).toBe(1024);
    expect(f.read('seg0', 0, 5)).toEqual(new Uint8Array([1, 2, 3, 0xff, 0xff]));
    f.writeAt('seg0', 3, new Uint8Array([0, 255, 7]));
    expect(f.read('seg0', 2, 5)).toEqual(new Uint8Array([3, 0, 255, 7, 0xff]));
    expect(f.read('seg0', 1020, 100)?.length).toBe(4);
    expect(f.read('nope', 0, 1)).toBeUndefined();
    expect(f.size('nope')).toBe(-1);
  });

  it('refuses to change programmed bytes (NOR flash) and writes outside a file', () => {
    const f = make();
    f.create('seg1', 64, new Uint8Array([0x0f]));
    expect(() => f.writeAt('seg1', 0, new Uint8Array([0xf0]))).toThrow();
    expect(() => f.writeAt('seg1', 60, new Uint8Array(8))).toThrow();
    expect(() => f.writeAt('missing', 0, new Uint8Array(1))).toThrow();
    expect(() => f.create('seg1', 64, new Uint8Array(0))).toThrow();
  });

  it('replaces small files whole and erases them', () => {
    const f = make();
    f.writeFile('cfg', new Uint8Array([1, 2, 3, 4]));
    f.writeFile('cfg', new Uint8Array([9]));
    expect(f.readFile('cfg')).toEqual(new Uint8Array([9]));
    f.erase('cfg');
    expect(f.readFile('cfg')).toBeUndefined();
    f.erase('cfg');
  });

  it('lists by prefix, sorted, and accounts for space', () => {
    const f = make();
    const free0 = f.getFree();
    expect(f.capacity()).toBeGreaterThanOrEqual(free0);
    f.create('sp2', 100, new Uint8Array(0));
    f.create('sp1', 100, new Uint8Array(0));
    f.writeFile('other', new Uint8Array(3));
    expect(f.list('sp')).toEqual(['sp1', 'sp2']);
    expect(f.getFree()).toBeLessThan(free0 - 200);
    expect(() => f.create('huge', f.capacity() * 2, new Uint8Array(0))).toThrow();
  });
});
