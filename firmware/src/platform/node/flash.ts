import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { FlashStorage } from '../../hal/flash.js';
import { FirmwareError } from '../../core/errors.js';

/** Espruino Storage names: up to 28 characters; here letters, digits, '.', '_' and '-'. */
const NAME = /^[A-Za-z0-9._-]{1,28}$/;

export interface NodeFlashOptions {
  /** Capacity in bytes (the byte budget). */
  bytes: number;
  /** Directory that keeps the files across processes (one host file per flash file); memory only when absent. */
  dir?: string;
  /** Bytes one flash file costs beyond its size (Espruino keeps a 32-byte header). */
  fileOverhead?: number;
}

/**
 * Simulated NOR flash with Espruino Storage's semantics: files created with a
 * size start erased (0xFF); programming can only clear bits (a byte already
 * programmed cannot be changed until the file is erased); the total is held
 * to a byte budget. Faults for tests and the simulator: `cutPowerAfter(n)`
 * programs n more bytes and then loses power (the write in progress is torn
 * at that byte and every later access fails until `restorePower()`), and
 * `failWrites(n)` makes the next n writes fail without programming anything.
 */
export class NodeFlash implements FlashStorage {
  private readonly files: { [name: string]: Uint8Array } = {};
  private readonly budget: number;
  private readonly dir: string | undefined;
  private readonly overhead: number;
  private powerBudget = -1;
  private dead = false;
  private failing = 0;
  /** Bytes programmed since creation (wear and write-amplification accounting). */
  bytesProgrammed = 0;

  constructor(opts: NodeFlashOptions) {
    this.budget = opts.bytes;
    this.dir = opts.dir;
    this.overhead = opts.fileOverhead ?? 32;
    if (this.dir) {
      mkdirSync(this.dir, { recursive: true });
      for (const entry of readdirSync(this.dir)) {
        if (entry.endsWith('.tmp')) continue;
        const name = decodeURIComponent(entry);
        if (NAME.test(name)) this.files[name] = new Uint8Array(readFileSync(join(this.dir, entry)));
      }
    }
  }

  /** The power fails after `bytes` more programmed bytes. */
  cutPowerAfter(bytes: number): void {
    this.powerBudget = bytes;
  }

  /** Power is back (the badge reboots). */
  restorePower(): void {
    this.dead = false;
    this.powerBudget = -1;
  }

  isPowered(): boolean {
    return !this.dead;
  }

  /** The next `count` writes fail without programming anything. */
  failWrites(count: number): void {
    this.failing = count;
  }

  capacity(): number {
    return this.budget;
  }

  getFree(): number {
    let used = 0;
    for (const name of Object.keys(this.files)) used += (this.files[name] as Uint8Array).length + this.overhead;
    return Math.max(0, this.budget - used);
  }

  create(name: string, size: number, data: Uint8Array): void {
    this.check(name);
    if (this.files[name]) throw new FirmwareError('FLASH_WRITE', 'file exists: ' + name);
    if (data.length > size) throw new FirmwareError('FLASH_WRITE', 'data larger than file');
    if (size + this.overhead > this.getFree()) throw new FirmwareError('FLASH_FULL', name);
    this.injectFailure();
    const file = new Uint8Array(size).fill(0xff);
    this.files[name] = file;
    this.persistWhole(name, file);
    this.program(name, file, 0, data);
  }

  writeAt(name: string, offset: number, data: Uint8Array): void {
    this.check(name);
    const file = this.files[name];
    if (!file) throw new FirmwareError('FLASH_MISSING', name);
    if (offset < 0 || offset + data.length > file.length) throw new FirmwareError('FLASH_WRITE', 'outside the file');
    for (let i = 0; i < data.length; i++) {
      const now = file[offset + i] as number;
      const want = data[i] as number;
      if ((now & want) !== want) throw new FirmwareError('FLASH_NOT_ERASED', name + '@' + (offset + i));
    }
    this.injectFailure();
    this.program(name, file, offset, data);
  }

  read(name: string, offset: number, length: number): Uint8Array | undefined {
    this.alive();
    const file = this.files[name];
    if (!file) return undefined;
    const start = Math.min(Math.max(0, offset), file.length);
    return file.slice(start, Math.min(file.length, start + length));
  }

  size(name: string): number {
    this.alive();
    const file = this.files[name];
    return file ? file.length : -1;
  }

  writeFile(name: string, data: Uint8Array): void {
    this.check(name);
    const old = this.files[name];
    if (data.length + this.overhead > this.getFree() + (old ? old.length + this.overhead : 0)) throw new FirmwareError('FLASH_FULL', name);
    this.injectFailure();
    if (this.powerBudget >= 0 && this.powerBudget < data.length) {
      // The new copy was torn while being written; the old one stays valid.
      this.dead = true;
      this.powerBudget = -1;
      throw new FirmwareError('POWER_CUT', 'during ' + name);
    }
    if (this.powerBudget >= 0) this.powerBudget -= data.length;
    const copy = new Uint8Array(data);
    this.files[name] = copy;
    this.bytesProgrammed += data.length;
    this.persistWhole(name, copy);
  }

  readFile(name: string): Uint8Array | undefined {
    this.alive();
    const file = this.files[name];
    return file ? file.slice() : undefined;
  }

  erase(name: string): void {
    this.check(name);
    if (!this.files[name]) return;
    delete this.files[name];
    if (this.dir) {
      const path = this.hostPath(name);
      if (existsSync(path)) unlinkSync(path);
    }
  }

  list(prefix: string): string[] {
    this.alive();
    return Object.keys(this.files).filter((n) => n.startsWith(prefix)).sort();
  }

  private check(name: string): void {
    this.alive();
    if (!NAME.test(name)) throw new FirmwareError('FLASH_NAME', JSON.stringify(name));
  }

  private alive(): void {
    if (this.dead) throw new FirmwareError('POWER_CUT', 'flash has no power');
  }

  private injectFailure(): void {
    if (this.failing > 0) {
      this.failing--;
      throw new FirmwareError('FLASH_WRITE', 'injected write failure');
    }
  }

  /** Programs bytes one by one so a power cut tears the write at an exact byte. */
  private program(name: string, file: Uint8Array, offset: number, data: Uint8Array): void {
    let n = data.length;
    let cut = false;
    if (this.powerBudget >= 0 && this.powerBudget < n) {
      n = this.powerBudget;
      cut = true;
    }
    for (let i = 0; i < n; i++) file[offset + i] = (file[offset + i] as number) & (data[i] as number);
    if (this.powerBudget >= 0) this.powerBudget -= n;
    this.bytesProgrammed += n;
    if (this.dir && n > 0) {
      const fd = openSync(this.hostPath(name), 'r+');
      try {
        writeSync(fd, file, offset, n, offset);
      } finally {
        closeSync(fd);
      }
    }
    if (cut) {
      this.dead = true;
      this.powerBudget = -1;
      throw new FirmwareError('POWER_CUT', 'while writing ' + name + ' at byte ' + (offset + n));
    }
  }

  private hostPath(name: string): string {
    return join(this.dir as string, encodeURIComponent(name));
  }

  private persistWhole(name: string, data: Uint8Array): void {
    if (!this.dir) return;
    const tmp = this.hostPath(name) + '.tmp';
    writeFileSync(tmp, data);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.hostPath(name));
  }
}
