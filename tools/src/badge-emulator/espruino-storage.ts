import type { NodeFlash } from '@parley/firmware';
import { EmulatorError } from './errors.js';

/** Espruino strings carry bytes: one char per byte (Latin-1). */
export function bytesToBinaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

export function binaryStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new EmulatorError('STORAGE_WRITE', `character ${c} at ${i} is not a byte (Espruino strings hold bytes)`);
    out[i] = c;
  }
  return out;
}

/**
 * Espruino's `require("Storage")` on the emulated badge's flash (the same
 * NodeFlash the firmware then boots on), with the device's semantics: values
 * are byte strings; `write(name, data)` replaces a file whole;
 * `write(name, data, 0, size)` creates an erased file of `size` bytes and
 * programs `data` at the start; `write(name, data, offset)` programs more of
 * it (bytes that were already programmed cannot change: the write fails).
 * Failures return false, like the device, and are kept in `lastError`.
 */
export class EspruinoStorage {
  lastError: string | null = null;

  constructor(private readonly flash: NodeFlash) {}

  write(name: unknown, data: unknown, offset?: unknown, size?: unknown): boolean {
    try {
      const file = this.name(name);
      const bytes = binaryStringToBytes(typeof data === 'string' ? data : String(data));
      if (offset === undefined) {
        this.flash.writeFile(file, bytes);
      } else {
        const at = Number(offset);
        if (!Number.isInteger(at) || at < 0) throw new EmulatorError('STORAGE_WRITE', `offset ${String(offset)}`);
        if (size !== undefined) {
          const total = Number(size);
          if (!Number.isInteger(total) || total < at + bytes.length) throw new EmulatorError('STORAGE_WRITE', `size ${String(size)} too small`);
          this.flash.erase(file);
          this.flash.create(file, total, new Uint8Array(0));
        }
        this.flash.writeAt(file, at, bytes);
      }
      this.lastError = null;
      return true;
    } catch (err) {
      this.lastError = (err as Error).message;
      return false;
    }
  }

  read(name: unknown, offset?: unknown, length?: unknown): string | undefined {
    const file = this.name(name);
    const total = this.flash.size(file);
    if (total < 0) return undefined;
    const start = offset === undefined ? 0 : Number(offset);
    const len = length === undefined ? total - start : Number(length);
    const bytes = this.flash.read(file, start, len);
    return bytes === undefined ? undefined : bytesToBinaryString(bytes);
  }

  readJSON(name: unknown, noExceptions?: unknown): unknown {
    const text = this.read(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      if (noExceptions) return undefined;
      throw err;
    }
  }

  erase(name: unknown): void {
    this.flash.erase(this.name(name));
  }

  eraseAll(): void {
    for (const file of this.flash.list('')) this.flash.erase(file);
  }

  list(pattern?: unknown): string[] {
    const all = this.flash.list('');
    // The pattern comes from the console's vm realm, where `instanceof RegExp` does not hold.
    const test = typeof pattern === 'object' && pattern !== null ? (pattern as { test?: unknown }).test : undefined;
    return typeof test === 'function' ? all.filter((n) => (test as (s: string) => boolean).call(pattern, n)) : all;
  }

  getFree(): number {
    return this.flash.getFree();
  }

  private name(name: unknown): string {
    if (typeof name !== 'string' || !/^[A-Za-z0-9._-]{1,28}$/.test(name)) throw new EmulatorError('STORAGE_NAME', JSON.stringify(name));
    return name;
  }
}
