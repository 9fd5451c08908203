import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlashStorage } from '../../src/hal/flash.js';
import { describeFlashStorageContract } from './flash-storage-contract.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { EspruinoFlash } from '../../src/platform/espruino/storage.js';
import { fakeE, fakeSpiNor, fakeStorage, VirtualTimers } from '../../src/build/espruino-doubles.js';
import { NOR_PAGE_BYTES, createSpiNorFileArea, createSpoolOnSpiNorFlash } from '../../src/platform/espruino/spi-nor-flash.js';
import type { SpiNorFileArea } from '../../src/platform/espruino/spi-nor-flash.js';
import { badgeBoard, simulatedBoard } from '@parley/hardware/boards';
import { createEspruinoFlash } from '../../src/platform/espruino/index.js';
import { BADGE_SPOOL_CHIP, SPOOL_SLOT_BYTES, spoolChipFor } from '../../src/platform/espruino/spool-chip.js';
import { MAX_SEGMENTS, MAX_SEGMENT_BYTES } from '../../src/core/spool.js';
import type { EspruinoGlobals } from '../../src/platform/espruino/globals.js';

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
  // Sized files whose names start with "s" (seg…, sp…) on the SPI NOR chip double, the rest in Storage.
  ['espruino (SPI NOR chip + Storage)', () => createSpoolOnSpiNorFlash(
    fakeSpiNor(64 * 1024, 2), 'D5', { bytes: 64 * 1024, slotBytes: 8192 },
    new EspruinoFlash(fakeStorage(64 * 1024), fakeE(Uint8Array, () => undefined)), 's')],
];

describe.each(impls)('FlashStorage contract: %s', (_name, make) => {
  describeFlashStorageContract(make);
});

describe('SPI NOR spool flash (W25Q01JV on Espruino SPI)', () => {
  const area = (chip: ReturnType<typeof fakeSpiNor>): SpiNorFileArea => createSpiNorFileArea(chip, 'D5', { bytes: chip.mem.length, slotBytes: 8192 });

  it('splits programs at 256-byte pages, erases before use and reads back across pages', () => {
    const chip = fakeSpiNor(64 * 1024, 3);
    const a = area(chip);
    // A chip this driver never erased: every slot is erased (both sectors, then the clean mark) before use.
    while (a.service());
    expect([chip.erases, chip.programs]).toEqual([16, 8]);
    chip.erases = chip.programs = 0;
    a.create('sp0', 4000, new Uint8Array(0));
    const data = new Uint8Array(700);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
    a.writeAt('sp0', 200, data); // 200..900: crosses three page boundaries
    expect(a.read('sp0', 200, 700)).toEqual(data);
    expect(a.read('sp0', 0, 200)).toEqual(new Uint8Array(200).fill(0xff));
    expect(chip.cs).toBe('D5');
    // One program per page touched (plus taking the slot and the header), never one that would wrap; no erase.
    expect(chip.programs).toBe(2 + Math.ceil((200 + 700 + NOR_PAGE_BYTES) / NOR_PAGE_BYTES) - Math.floor((200 + NOR_PAGE_BYTES) / NOR_PAGE_BYTES));
    expect(chip.erases).toBe(0);
  });

  it('finds its files again after a reboot, and a slot reused after erase starts erased', () => {
    const chip = fakeSpiNor(64 * 1024);
    const a = area(chip);
    a.create('sp0', 1000, new Uint8Array([1, 2, 3]));
    a.create('sp1', 1000, new Uint8Array([4]));
    a.writeAt('sp1', 10, new Uint8Array([0x55]));
    a.erase('sp0');
    const b = area(chip);
    expect(b.list('sp')).toEqual(['sp1']);
    expect(b.read('sp1', 9, 3)).toEqual(new Uint8Array([0xff, 0x55, 0xff]));
    b.create('sp2', 1000, new Uint8Array(0));
    expect(b.read('sp2', 0, 3)).toEqual(new Uint8Array([0xff, 0xff, 0xff]));
  });

  it('a power cut while a file is created (before its header) leaves a free slot, reused cleanly', () => {
    const chip = fakeSpiNor(64 * 1024);
    const a = area(chip);
    a.create('sp0', 1000, new Uint8Array([9]));
    // Simulate the cut: data programmed into the next free slot, header never written.
    chip.mem.fill(0x00, 8192 + 256, 8192 + 300);
    const b = area(chip);
    expect(b.list('sp')).toEqual(['sp0']);
    b.create('sp1', 1000, new Uint8Array([7]));
    expect(b.read('sp1', 0, 2)).toEqual(new Uint8Array([7, 0xff]));
  });

  it('refuses files larger than a slot and reports a chip that does not program', () => {
    const chip = fakeSpiNor(64 * 1024);
    const a = area(chip);
    expect(() => a.create('sp0', 8192, new Uint8Array(0))).toThrow(/FLASH_FULL|does not fit/);
    const dead = fakeSpiNor(64 * 1024);
    dead.send = (d: Uint8Array) => new Uint8Array(d.length); // no chip: MISO reads 0, WEL never latches
    const d = area(dead);
    expect(() => d.create('sp0', 100, new Uint8Array([1]))).toThrow(/write enable/);
  });

  it('the espruino platform puts the spool on the chip when configured, the small files in Storage', () => {
    const chip = fakeSpiNor(1024 * 1024);
    const timers = new VirtualTimers();
    const logged: string[] = [];
    const g = {
      Storage: fakeStorage(256 * 1024), E: fakeE(Uint8Array, () => undefined), spoolSpi: chip,
      setInterval: timers.setInterval, log: (t: string) => logged.push(t),
    } as unknown as EspruinoGlobals;
    const board = { ...badgeBoard, storage: { ...badgeBoard.storage, spoolFlashBytes: 1024 * 1024 } };
    const f = createEspruinoFlash(g, board, { segmentBytes: 16384, segments: 8 });
    // A chip never erased: one slot (5 sectors) is erased when it is opened, the platform's timer erases the
    // other seven, one sector a tick (and the clean mark after each slot's last).
    timers.advance(100 * 8 * 6 - 1);
    expect(chip.erases).toBe(40);
    expect(logged).toEqual([]);
    f.create('sp0', 16384, new Uint8Array([1]));
    f.writeFile('cfg', new Uint8Array([2]));
    f.create('fw.a', 1000, new Uint8Array(0));
    expect(chip.mem[256]).toBe(1);
    expect(g.Storage.read('cfg')).toBe('\x02');
    expect(g.Storage.read('fw.a')?.length).toBe(1000);
    expect(f.list('sp')).toEqual(['sp0']);
    expect(createEspruinoFlash({ ...g, spoolSpi: undefined } as EspruinoGlobals, board, { segmentBytes: 16384, segments: 8 })).toBeInstanceOf(EspruinoFlash);
    // Erasing a segment releases it; the timer erases it; nothing was ever erased in the foreground.
    f.erase('sp0');
    expect(f.list('sp')).toEqual([]);
    timers.advance(100 * 6);
    expect(chip.erases).toBe(45);
    expect(logged).toEqual([]);
  });

  it("the platform's FlashStorage reports the chip's foreground erases as stalls; Storage alone has none", () => {
    const chip = fakeSpiNor(1024 * 1024);
    const logged: string[] = [];
    const g = {
      Storage: fakeStorage(256 * 1024), E: fakeE(Uint8Array, () => undefined), spoolSpi: chip,
      // No background erase runs: the timer is never called.
      setInterval: () => 1, log: (t: string) => logged.push(t),
    } as unknown as EspruinoGlobals;
    const board = { ...badgeBoard, storage: { ...badgeBoard.storage, spoolFlashBytes: 1024 * 1024 } };
    const f: FlashStorage = createEspruinoFlash(g, board, { segmentBytes: 16384, segments: 8 });
    // Opening a never-erased chip erased one slot at boot: the first segment takes it without waiting.
    f.create('sp0', 16384, new Uint8Array([1]));
    expect(f.stalls).toBe(0);
    // Nothing else was erased: the next two segments each wait for a slot's erase.
    f.create('sp1', 16384, new Uint8Array([2]));
    f.create('sp2', 16384, new Uint8Array([3]));
    expect(f.stalls).toBe(2);
    expect(logged.filter((l) => /erased in the foreground/.test(l))).toHaveLength(2);
    // Small files live in Storage and never stall.
    f.writeFile('cfg', new Uint8Array([4]));
    expect(f.stalls).toBe(2);
    const storageOnly: FlashStorage = createEspruinoFlash({ ...g, spoolSpi: undefined } as EspruinoGlobals, board, { segmentBytes: 16384, segments: 8 });
    storageOnly.create('sp0', 16384, new Uint8Array([1]));
    expect(storageOnly.stalls ?? 0).toBe(0);
  });

  it('holds no object per file: a full area keeps the RAM of an empty one', () => {
    const chip = fakeSpiNor(64 * 8192);
    const ram = (a: SpiNorFileArea): { objects: number; typedBytes: number } => {
      const seen = new Set<object>();
      let typedBytes = 0;
      const visit = (v: unknown): void => {
        if (v === null || typeof v !== 'object' || v === chip || seen.has(v)) return;
        seen.add(v);
        if (ArrayBuffer.isView(v)) typedBytes += v.byteLength;
        else for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k]);
      };
      visit(a);
      return { objects: seen.size, typedBytes };
    };
    const a = area(chip);
    const empty = ram(a);
    for (let i = 0; i < 64; i++) a.create('sp' + i, 1000, new Uint8Array([i]));
    expect(() => a.create('sp64', 1000, new Uint8Array(0))).toThrow(/full/);
    expect(ram(a)).toEqual(empty);
    // Every file is found by name (hash, then the header) after a reboot too.
    const b = area(chip);
    expect(b.list('sp')).toHaveLength(64);
    for (let i = 63; i >= 0; i -= 9) expect(b.read('sp' + i, 0, 1)).toEqual(new Uint8Array([i]));
    expect(b.size('sp640')).toBe(-1);
    b.erase('sp7');
    expect([b.size('sp7'), b.read('sp7', 0, 1)]).toEqual([-1, undefined]);
    expect(b.list('sp')).toHaveLength(63);
  });

  it('the provisioned chip configuration: 124 segments of 1 MiB slots fill the spool the board assigns', () => {
    expect(BADGE_SPOOL_CHIP.segments * SPOOL_SLOT_BYTES).toBe(badgeBoard.storage.spoolBytes);
    expect(BADGE_SPOOL_CHIP.segmentBytes + NOR_PAGE_BYTES).toBe(SPOOL_SLOT_BYTES);
    expect(SPOOL_SLOT_BYTES * BADGE_SPOOL_CHIP.segments).toBeLessThanOrEqual(badgeBoard.storage.spoolFlashBytes);
    expect(BADGE_SPOOL_CHIP.segmentBytes).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(BADGE_SPOOL_CHIP.segments).toBeLessThanOrEqual(MAX_SEGMENTS);
  });

  it('provisioning puts the spool on the chip of a board laid out for it only', () => {
    expect(spoolChipFor(badgeBoard.storage)).toEqual(BADGE_SPOOL_CHIP);
    // The simulator's board has a small spool in a Node file, not the chip.
    expect(spoolChipFor(simulatedBoard.storage)).toBeNull();
    expect(spoolChipFor({ ...badgeBoard.storage, spoolFlashBytes: 64 * 1024 * 1024 })).toBeNull();
    expect(spoolChipFor({ ...badgeBoard.storage, pageBytes: 512 })).toBeNull();
  });
});
