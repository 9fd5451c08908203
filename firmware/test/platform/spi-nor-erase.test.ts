import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakeE, fakeSpiNor, fakeStorage, w25qTiming } from '../../src/build/espruino-doubles.js';
import { Spool } from '../../src/core/spool.js';
import { EspruinoFlash } from '../../src/platform/espruino/storage.js';
import { NodeSystem } from '../../src/platform/node/system.js';
import { createSpiNorFileArea, createSpoolOnSpiNorFlash } from '../../src/platform/espruino/spi-nor-flash.js';
import type { SpiNorFileArea } from '../../src/platform/espruino/spi-nor-flash.js';

/** 8 slots of 16 KiB: a header sector and three data sectors each. */
const CHIP_BYTES = 128 * 1024;
const SLOT = 16 * 1024;
const SECTOR = 4096;
const FILE_BYTES = SLOT - 256;

type Chip = ReturnType<typeof fakeSpiNor>;

const open = (chip: Chip, log?: (t: string) => void): SpiNorFileArea => createSpiNorFileArea(chip, 'D5', { bytes: CHIP_BYTES, slotBytes: SLOT, log });

/** Every slot erased by the driver (what a badge's chip is once the background erase has run). */
function formatted(): Chip {
  const chip = fakeSpiNor(CHIP_BYTES);
  const a = open(chip);
  while (a.service());
  return chip;
}

function copyOf(chip: Chip): Chip {
  const c = fakeSpiNor(CHIP_BYTES);
  c.mem.set(chip.mem);
  return c;
}

/** A deterministic pseudo-random byte stream (the Node platform's seeded generator). */
function prng(seed: number): () => number {
  const system = new NodeSystem({ slot: 'a', seed });
  return () => Math.floor(system.random() * 256);
}

function pattern(n: number, seed: number): Uint8Array {
  const r = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = r();
  return out;
}

class PowerCut extends Error {}

/**
 * Cuts the power at the `n`th program or erase command the chip accepts
 * (0-based): with `torn`, that command is half done (an erase leaves the
 * sector with bits set at random, never cleared; a program clears a random
 * part of the bits it would), without, it never happened. Everything after
 * throws.
 */
function cutAt(chip: Chip, n: number, torn: boolean, seed: number): { fired: () => boolean } {
  const send = chip.send.bind(chip);
  const r = prng(seed);
  let seen = 0;
  let dead = false;
  chip.send = (data: Uint8Array, cs: string): Uint8Array => {
    if (dead) throw new PowerCut('power is off');
    const cmd = data[0];
    if (cmd === 0x12 || cmd === 0x21) {
      if (seen++ === n) {
        dead = true;
        if (torn) {
          const addr = (((data[1] ?? 0) << 24) | ((data[2] ?? 0) << 16) | ((data[3] ?? 0) << 8) | (data[4] ?? 0)) >>> 0;
          if (cmd === 0x21) {
            const s = addr - (addr % SECTOR);
            for (let i = s; i < s + SECTOR; i++) chip.mem[i] = (chip.mem[i] as number) | r();
          } else {
            for (let i = 5; i < data.length; i++) {
              const at = addr + i - 5;
              chip.mem[at] = (chip.mem[at] as number) & ((data[i] as number) | r());
            }
          }
        }
        throw new PowerCut('power cut');
      }
    }
    return send(data, cs);
  };
  return { fired: () => dead };
}

/**
 * How many slots a driver opened on (a copy of) `chip` counts clean, each
 * checked: a file created in it without any erase reads back erased from
 * its first byte to its last.
 */
function verifiedCleanSlots(chip: Chip): number {
  const c = copyOf(chip);
  const a = open(c);
  let n = 0;
  for (;;) {
    const erasesBefore = c.erases;
    try {
      a.create('zz' + n, FILE_BYTES, new Uint8Array(0));
    } catch {
      return n;
    }
    if (a.stalls > 0 || c.erases !== erasesBefore) return n;
    const back = a.read('zz' + n, 0, FILE_BYTES) as Uint8Array;
    expect(back.every((b) => b === 0xff), `slot counted clean holds programmed bytes (file ${n})`).toBe(true);
    n++;
  }
}

describe('SPI NOR background erase', () => {
  it('erase releases a file with one byte programmed; the service erases its slot one sector a call, header sector last, without waiting', () => {
    const chip = formatted();
    const a = open(chip);
    const data = pattern(FILE_BYTES, 1);
    a.create('sp0', FILE_BYTES, data);
    chip.erases = chip.programs = 0;
    a.erase('sp0');
    expect([chip.erases, chip.programs, a.size('sp0') >= 0, a.list('sp')]).toEqual([0, 1, false, []]);
    const order: number[] = [];
    const send = chip.send.bind(chip);
    chip.send = (d: Uint8Array, cs: string) => {
      if (d[0] === 0x21) order.push((((d[1] as number) << 24) | ((d[2] as number) << 16) | ((d[3] as number) << 8) | (d[4] as number)) >>> 0);
      return send(d, cs);
    };
    let calls = 0;
    while (a.service()) calls++;
    // Three data sectors, the header sector, then the clean mark.
    expect(order).toEqual([SECTOR, 2 * SECTOR, 3 * SECTOR, 0]);
    expect(calls).toBe(5);
    expect(chip.mem.subarray(256, SLOT).every((b) => b === 0xff)).toBe(true);
    expect(verifiedCleanSlots(chip)).toBe(8);
  });

  it('a read or program that comes while a sector erase runs waits for that erase only', () => {
    const t = w25qTiming();
    const chip = fakeSpiNor(CHIP_BYTES, undefined, t);
    const a = open(chip);
    while (a.service()) t.now += 100;
    a.create('sp0', FILE_BYTES, new Uint8Array([1, 2, 3]));
    a.create('sp1', FILE_BYTES, new Uint8Array([4]));
    a.erase('sp1');
    const start = t.now;
    expect(a.service()).toBe(true);
    // The service issued one sector erase and returned at once.
    expect(t.now - start).toBeLessThan(1);
    const readAt = t.now;
    expect(a.read('sp0', 0, 3)).toEqual(new Uint8Array([1, 2, 3]));
    const waited = t.now - readAt;
    expect(waited).toBeGreaterThan(t.eraseMs - 1);
    expect(waited).toBeLessThan(t.eraseMs + 1);
    // Idle chip: a program does not wait for anything but its own page.
    const writeAt = t.now;
    a.writeAt('sp0', 10, new Uint8Array([9]));
    expect(t.now - writeAt).toBeLessThan(2 * t.programMs);
  });

  it('a chip never erased by the driver: one slot is erased when it is opened (boot), the rest in the background', () => {
    const chip = fakeSpiNor(CHIP_BYTES);
    const logged: string[] = [];
    const a = open(chip, (t) => logged.push(t));
    expect([chip.erases, a.stalls, logged]).toEqual([4, 0, []]);
    expect(verifiedCleanSlots(chip)).toBe(1);
    a.create('sp0', FILE_BYTES, new Uint8Array([7]));
    expect([chip.erases, a.stalls]).toEqual([4, 0]);
    expect(a.read('sp0', 0, 2)).toEqual(new Uint8Array([7, 0xff]));
  });

  it('create with no clean slot erases one in the foreground, counted and logged', () => {
    const chip = fakeSpiNor(CHIP_BYTES);
    const logged: string[] = [];
    const a = open(chip, (t) => logged.push(t));
    a.create('sp0', FILE_BYTES, new Uint8Array([7]));
    // The other seven slots were never erased and the service has not run.
    const before = chip.erases;
    a.create('sp1', FILE_BYTES, new Uint8Array([8]));
    expect([a.stalls, chip.erases - before, logged.length]).toEqual([1, 4, 1]);
    expect(logged[0]).toMatch(/no erased slot for sp1.*stall 1/);
    expect(a.read('sp1', 0, 2)).toEqual(new Uint8Array([8, 0xff]));
    // The service meanwhile erases the others; once one is clean, creates stop stalling.
    for (let i = 0; i < 5; i++) a.service();
    a.create('sp2', FILE_BYTES, new Uint8Array([9]));
    expect(a.stalls).toBe(1);
    // Reopened: the files are found again, without a blank check; a full area (every slot a file) is refused.
    const b = open(chip);
    expect(b.list('sp')).toEqual(['sp0', 'sp1', 'sp2']);
    for (let i = 3; i < 8; i++) b.create('sp' + i, FILE_BYTES, new Uint8Array(0));
    expect(() => b.create('sp8', FILE_BYTES, new Uint8Array(0))).toThrow(/FLASH_FULL|full/i);
  });

  it('a slot part-erased in the background resumes at boot and is never counted clean before its mark', () => {
    const chip = formatted();
    const a = open(chip);
    a.create('sp0', FILE_BYTES, pattern(FILE_BYTES, 2));
    a.erase('sp0');
    a.service();
    a.service();
    const b = open(chip);
    expect(b.list('sp')).toEqual([]);
    expect(verifiedCleanSlots(chip)).toBe(7);
    while (b.service());
    expect(verifiedCleanSlots(chip)).toBe(8);
  });

  describe('power cut at every program and erase of a release and its background erase', () => {
    // sp0 is kept, sp1 released and erased; sp2 is created after, in a clean slot.
    const steps = 1 /* released byte */ + 4 /* sectors */ + 1 /* clean mark */;
    const cases: [number, boolean][] = [];
    for (let n = 0; n < steps; n++) cases.push([n, false], [n, true]);

    it.each(cases)('command %i, torn %s: the kept file reads back whole, the released one never returns as clean or half', (n, torn) => {
      const chip = formatted();
      const a = open(chip);
      const keep = pattern(FILE_BYTES, 10);
      const gone = pattern(FILE_BYTES, 11);
      a.create('sp0', FILE_BYTES, keep);
      a.create('sp1', FILE_BYTES, gone);
      const cut = cutAt(chip, n, torn, 100 + n);
      expect(() => {
        a.erase('sp1');
        while (a.service());
      }).toThrow(PowerCut);
      expect(cut.fired()).toBe(true);
      // Reboot on what the chip holds.
      const after = copyOf(chip);
      const b = open(after);
      expect(b.read('sp0', 0, FILE_BYTES)).toEqual(keep);
      const names = b.list('sp');
      if (names.includes('sp1')) {
        // The release had not taken (the released byte still erased): the file is whole.
        expect(n).toBe(0);
        expect(b.read('sp1', 0, FILE_BYTES)).toEqual(gone);
      }
      expect(names.filter((x) => x !== 'sp1')).toEqual(['sp0']);
      // Six slots were clean and stay so; the cut slot is clean only once its mark is whole.
      const clean = verifiedCleanSlots(after);
      expect(clean).toBeGreaterThanOrEqual(6);
      expect(clean).toBeLessThanOrEqual(n === steps - 1 && !torn ? 6 : 7);
      // The background erase finishes the work; everything is clean but sp0 (and sp1, if it stayed).
      if (b.size('sp1') >= 0) b.erase('sp1');
      while (b.service());
      expect(verifiedCleanSlots(after)).toBe(7);
      b.create('sp2', FILE_BYTES, new Uint8Array([5]));
      expect(b.read('sp2', 0, 2)).toEqual(new Uint8Array([5, 0xff]));
      expect(b.read('sp0', 0, FILE_BYTES)).toEqual(keep);
    });
  });

  describe('power cut at every program of a create into a clean slot', () => {
    // Taking the slot (mark cleared), the data's pages (4), the header.
    const cases: [number, boolean][] = [];
    for (let n = 0; n < 6; n++) cases.push([n, false], [n, true]);

    it.each(cases)('command %i, torn %s: the slot is a whole file or to be erased again, never clean', (n, torn) => {
      const chip = formatted();
      const a = open(chip);
      const keep = pattern(FILE_BYTES, 20);
      a.create('sp0', FILE_BYTES, keep);
      const data = pattern(1000, 21);
      cutAt(chip, n, torn, 200 + n);
      expect(() => a.create('sp1', FILE_BYTES, data)).toThrow(PowerCut);
      const after = copyOf(chip);
      const b = open(after);
      expect(b.read('sp0', 0, FILE_BYTES)).toEqual(keep);
      if (b.size('sp1') >= 0) expect(b.read('sp1', 0, 1000)).toEqual(data);
      // Clean still only when the cut came before the slot was taken.
      expect(verifiedCleanSlots(after)).toBe(n === 0 && !torn ? 7 : 6);
      while (b.service());
      expect(verifiedCleanSlots(after)).toBe(b.size('sp1') >= 0 ? 6 : 7);
    });
  });
});

describe('the spool on the chip, power cut during the background erase of acknowledged segments', () => {
  const SPOOL_SLOT = 8192;
  const sid = new Uint8Array(16).fill(7);
  const chunk = (q: number): Uint8Array => pattern(300, 1000 + q);

  function build(chip: Chip): { flash: ReturnType<typeof createSpoolOnSpiNorFlash>; spool: Spool } {
    const flash = createSpoolOnSpiNorFlash(chip, 'D5', { bytes: CHIP_BYTES, slotBytes: SPOOL_SLOT }, new EspruinoFlash(fakeStorage(64 * 1024), fakeE(Uint8Array, () => undefined)), 'sp');
    const spool = new Spool(flash, { capacityBytes: 16 * (SPOOL_SLOT - 256), segmentBytes: SPOOL_SLOT - 256, prefix: 'sp', crc32: (d, c) => zlibCrc32(d, c) });
    spool.open();
    return { flash, spool };
  }

  /** 60 chunks over ~3 segments, the first 40 acknowledged: the segments they fill released, not yet erased. */
  function recorded(): Chip {
    const chip = fakeSpiNor(CHIP_BYTES);
    const { flash, spool } = build(chip);
    while (flash.service());
    const s = spool.beginSession(sid, new Uint8Array([1]));
    for (let q = 0; q < 60; q++) expect(spool.appendChunk(s, q, (q + 1) * 50, (q + 1) * 300, q, chunk(q))).toBe(true);
    spool.acknowledge(s, 39);
    return chip;
  }

  /** Programs and erases the background erase makes after the reboot. */
  const total = ((): number => {
    const chip = recorded();
    const { flash } = build(chip);
    let n = 0;
    const send = chip.send.bind(chip);
    chip.send = (d: Uint8Array, cs: string) => {
      if (d[0] === 0x12 || d[0] === 0x21) n++;
      return send(d, cs);
    };
    while (flash.service());
    return n;
  })();

  it('the acknowledged chunks leave at least one segment to erase', () => {
    expect(total).toBeGreaterThanOrEqual(3);
  });

  const cases: [number, boolean][] = [];
  for (let n = 0; n < total; n++) cases.push([n, false], [n, true]);
  it.each(cases)('command %i, torn %s: every unacknowledged chunk reads back after the reboot, and recording goes on without a stall', (n, torn) => {
    const chip = recorded();
    const { flash } = build(chip);
    cutAt(chip, n, torn, 300 + n);
    expect(() => {
      while (flash.service());
    }).toThrow(PowerCut);
    const { flash: again, spool } = build(copyOf(chip));
    // The session's row in the reopened spool's table.
    const s = spool.rowOf(sid, 0);
    expect(s).toBeGreaterThanOrEqual(0);
    for (let q = 40; q < 60; q++) expect(spool.readChunk(s, q)).toEqual(chunk(q));
    for (let q = 60; q < 120; q++) {
      expect(spool.appendChunk(s, q, (q + 1) * 50, (q + 1) * 300, q, chunk(q))).toBe(true);
      again.service();
    }
    for (let q = 40; q < 120; q++) expect(spool.readChunk(s, q)).toEqual(chunk(q));
    expect(again.stalls).toBe(0);
  });
});
