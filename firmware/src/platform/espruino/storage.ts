import type { FlashStorage } from '../../hal/flash.js';
import { FirmwareError } from '../../core/errors.js';
import type { EspruinoE, EspruinoStorage } from './globals.js';

/**
 * FlashStorage on Espruino's `require("Storage")`: files created with a size
 * (`write(name, data, 0, size)`) are programmed at offsets later, exactly the
 * NOR semantics the spool relies on; small files are replaced whole.
 */
export class EspruinoFlash implements FlashStorage {
  private readonly s: EspruinoStorage;
  private readonly E: EspruinoE;

  constructor(storage: EspruinoStorage, e: EspruinoE) {
    this.s = storage;
    this.E = e;
  }

  capacity(): number {
    return this.s.getStats().totalBytes;
  }

  getFree(): number {
    return this.s.getFree();
  }

  create(name: string, size: number, data: Uint8Array): void {
    checkName(name);
    if (this.s.read(name) !== undefined) throw new FirmwareError('FLASH_WRITE', 'file exists: ' + name);
    if (size + 32 > this.s.getFree()) {
      // Erased files leave trash until the storage is compacted.
      if (this.s.getStats().trashBytes > 0) this.s.compact();
      if (size + 32 > this.s.getFree()) throw new FirmwareError('FLASH_FULL', name);
    }
    // Espruino needs some data to create a file; 0xFF leaves the byte erased.
    const first = data.length > 0 ? this.E.toString(data) : String.fromCharCode(255);
    if (!this.s.write(name, first, 0, size)) throw new FirmwareError('FLASH_WRITE', name);
  }

  writeAt(name: string, offset: number, data: Uint8Array): void {
    checkName(name);
    const size = this.size(name);
    if (size < 0) throw new FirmwareError('FLASH_MISSING', name);
    if (offset + data.length > size) throw new FirmwareError('FLASH_WRITE', 'outside the file');
    // Storage.write at offset 0 makes a new file (of data.length bytes, or of a given size), losing
    // whatever was programmed: the first bytes of a file are the ones create() is given.
    if (offset === 0) throw new FirmwareError('FLASH_WRITE', 'offset 0 of ' + name + ' is written by create on Storage');
    if (!this.s.write(name, this.E.toString(data), offset)) throw new FirmwareError('FLASH_WRITE', name + '@' + offset);
  }

  read(name: string, offset: number, length: number): Uint8Array | undefined {
    const size = this.size(name);
    if (size < 0) return undefined;
    const start = Math.min(offset, size);
    const n = Math.max(0, Math.min(length, size - start));
    if (n === 0) return new Uint8Array(0);
    return this.E.toUint8Array(this.s.read(name, start, n) as string);
  }

  size(name: string): number {
    const whole = this.s.read(name);
    return whole === undefined ? -1 : whole.length;
  }

  writeFile(name: string, data: Uint8Array): void {
    checkName(name);
    if (!this.s.write(name, this.E.toString(data))) throw new FirmwareError('FLASH_WRITE', name);
  }

  readFile(name: string): Uint8Array | undefined {
    const whole = this.s.read(name);
    return whole === undefined ? undefined : this.E.toUint8Array(whole);
  }

  erase(name: string): void {
    this.s.erase(name);
  }

  list(prefix: string): string[] {
    const out: string[] = [];
    for (const n of this.s.list()) if (n.indexOf(prefix) === 0) out.push(n);
    out.sort();
    return out;
  }
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > 28) throw new FirmwareError('FLASH_NAME', name);
}
