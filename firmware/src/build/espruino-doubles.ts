import { createHash } from 'node:crypto';
import type { EspruinoCrypto, EspruinoE, EspruinoSpi, EspruinoStorage } from '../platform/espruino/globals.js';

/**
 * Test doubles of Espruino's device globals, shared by the build's vm
 * sandbox and the espruino platform's contract tests. `U8` is the
 * Uint8Array constructor of the realm the device code runs in.
 */

export function bytesToBinaryString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

export function binaryStringToBytes(s: string, U8: Uint8ArrayConstructor): Uint8Array {
  const out = new U8(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** `E`: binary strings, battery, reboot (recorded), hardware random. */
export function fakeE(U8: Uint8ArrayConstructor, onReboot: () => void): EspruinoE {
  return {
    toString: (b: Uint8Array) => bytesToBinaryString(b),
    toUint8Array: (s: string) => binaryStringToBytes(s, U8),
    getBattery: () => 80,
    reboot: onReboot,
    hwRand: () => (Math.random() * 4294967296) | 0,
  };
}

/** `require("crypto")` with SHA256 over a binary string. */
export function fakeCrypto(U8: Uint8ArrayConstructor): EspruinoCrypto {
  return {
    SHA256(data: string): ArrayBuffer {
      const digest = createHash('sha256').update(Buffer.from(binaryStringToBytes(data, Uint8Array))).digest();
      const out = new U8(digest.length);
      out.set(digest);
      return out.buffer as ArrayBuffer;
    },
  };
}

/**
 * `require("Storage")` with Espruino's semantics: `write(name, data, 0, size)`
 * creates an erased file of `size` (replacing one of that name), later
 * `write(name, data, offset)` with offset > 0 may only clear bits (NOR
 * flash), `write(name, data)` or `write(name, data, 0)` replaces a file with
 * `data`, reads return binary strings.
 */
export function fakeStorage(totalBytes: number): EspruinoStorage & { files: { [name: string]: Uint8Array } } {
  const files: { [name: string]: Uint8Array } = {};
  let trash = 0;
  const used = (): number => Object.keys(files).reduce((n, k) => n + (files[k] as Uint8Array).length + 32, 0);
  return {
    files,
    write(name: string, data: string, offset?: number, size?: number): boolean {
      const bytes = binaryStringToBytes(String(data), Uint8Array);
      // Offset 0 (or none) makes a new file, replacing one of the same name (as on 2v29:
      // a write at offset 0 never programs within an existing file).
      if (!offset) {
        if (files[name]) trash += (files[name] as Uint8Array).length + 32;
        delete files[name];
        if (size === undefined || size <= bytes.length) {
          files[name] = bytes;
          return true;
        }
        if (used() + trash + size + 32 > totalBytes) return false;
        files[name] = new Uint8Array(size).fill(0xff);
      }
      const f = files[name];
      const at = offset ?? 0;
      if (!f || at + bytes.length > f.length) throw new Error('Storage.write outside ' + name);
      for (let i = 0; i < bytes.length; i++) {
        const want = bytes[i] as number;
        if (((f[at + i] as number) & want) !== want) throw new Error('Storage.write over programmed flash: ' + name + '@' + (at + i));
        f[at + i] = want;
      }
      return true;
    },
    read(name: string, offset?: number, length?: number): string | undefined {
      const f = files[name];
      if (!f) return undefined;
      const start = offset ?? 0;
      return bytesToBinaryString(f.subarray(start, length === undefined ? f.length : start + length));
    },
    erase(name: string): void {
      const f = files[name];
      if (f) trash += f.length + 32;
      delete files[name];
    },
    list(): string[] {
      return Object.keys(files);
    },
    getFree(): number {
      return totalBytes - used() - trash;
    },
    getStats() {
      return { totalBytes, freeBytes: totalBytes - used() - trash, fileBytes: used(), trashBytes: trash };
    },
    compact(): void {
      trash = 0;
    },
  };
}

/**
 * The chip's timing, for a double on virtual time: every SPI transaction
 * costs `txMs` plus its bytes at `spiHz`, a PAGE PROGRAM keeps BUSY for
 * `programMs` and a SECTOR ERASE for `eraseMs` of that time. `now` (ms) is
 * advanced by the transactions; the caller advances it between them.
 */
export interface SpiNorTiming {
  now: number;
  txMs: number;
  spiHz: number;
  programMs: number;
  eraseMs: number;
}

/**
 * W25Q01JV figures (hardware power model: tPP 0.4 ms, tSE 45 ms typ.; VSPI
 * at 20 MHz as the badge sets it up) and ~50 µs a `SPI.send` call on the
 * interpreter.
 */
export function w25qTiming(): SpiNorTiming {
  return { now: 0, txMs: 0.05, spiHz: 20e6, programMs: 0.4, eraseMs: 45 };
}

/**
 * `SPI2` with a W25Q-series NOR chip on it (4-byte-address commands): READ
 * 0x13, PAGE PROGRAM 0x12 (wraps inside its 256-byte page, programming only
 * clears bits), SECTOR ERASE 0x21 (4 KB to 0xFF), WRITE ENABLE 0x06 (needed
 * before each program/erase, cleared by it), READ STATUS 0x05 (BUSY for
 * `busyPolls` reads after each program/erase, or with `timing` for the
 * operation's time, and WEL). Anything else, a program/erase without WEL, or
 * anything but READ STATUS while BUSY, is ignored, as the chip does.
 */
export function fakeSpiNor(bytes: number, busyPolls?: number, timing?: SpiNorTiming): EspruinoSpi & { mem: Uint8Array; cs: string | null; programs: number; erases: number } {
  const mem = new Uint8Array(bytes).fill(0xff);
  let wel = false;
  let busy = 0;
  let busyUntil = 0;
  const chip = {
    mem,
    cs: null as string | null,
    programs: 0,
    erases: 0,
    setup(): void {},
    send(data: Uint8Array, cs: string): Uint8Array {
      chip.cs = cs;
      const out = new Uint8Array(data.length);
      const cmd = data[0] as number;
      const addr = (((data[1] ?? 0) << 24) | ((data[2] ?? 0) << 16) | ((data[3] ?? 0) << 8) | (data[4] ?? 0)) >>> 0;
      if (timing) {
        timing.now += timing.txMs + (data.length * 8 * 1000) / timing.spiHz;
        busy = timing.now < busyUntil ? 1 : 0;
      }
      if (cmd === 0x05) {
        for (let i = 1; i < data.length; i++) out[i] = (busy > 0 ? 1 : 0) | (wel ? 2 : 0);
        if (busy > 0 && !timing) busy--;
      } else if (busy > 0) {
        // Busy: the chip ignores everything but READ STATUS.
      } else if (cmd === 0x06) wel = true;
      else if (cmd === 0x13) {
        for (let i = 5; i < data.length; i++) out[i] = mem[(addr + i - 5) % bytes] as number;
      } else if (cmd === 0x12 && wel) {
        const page = addr - (addr % 256);
        for (let i = 5; i < data.length; i++) {
          const at = page + (((addr % 256) + i - 5) % 256);
          mem[at] = (mem[at] as number) & (data[i] as number);
        }
        wel = false;
        busy = busyPolls ?? 0;
        if (timing) busyUntil = timing.now + timing.programMs;
        chip.programs++;
      } else if (cmd === 0x21 && wel) {
        const sector = addr - (addr % 4096);
        mem.fill(0xff, sector, sector + 4096);
        wel = false;
        busy = busyPolls ?? 0;
        if (timing) busyUntil = timing.now + timing.eraseMs;
        chip.erases++;
      }
      return out;
    },
  };
  return chip;
}

interface Timer {
  id: number;
  at: number;
  every: number;
  fn: () => void;
}

/** Espruino's timers and getTime() on virtual time. */
export class VirtualTimers {
  now = 0;
  private nextId = 1;
  private timers: Timer[] = [];
  readonly errors: string[] = [];

  setTimeout = (fn: () => void, ms: number): number => this.add(fn, ms, 0);
  setInterval = (fn: () => void, ms: number): number => this.add(fn, ms, Math.max(1, ms));
  clear = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  getTime = (): number => this.now / 1000;

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      this.now = Math.max(this.now, next.at);
      if (next.every > 0) next.at += next.every;
      else this.clear(next.id);
      try {
        next.fn();
      } catch (err) {
        this.errors.push(String((err as Error).stack ?? err));
      }
    }
    this.now = end;
  }

  private add(fn: () => void, ms: number, every: number): number {
    const id = this.nextId++;
    this.timers.push({ id, at: this.now + Math.max(0, ms || 0), every, fn });
    return id;
  }
}
