import { crc32 as zlibCrc32 } from 'node:zlib';
import { Spool } from '../../src/core/spool.js';
import type { SpoolOptions, SpoolSession } from '../../src/core/spool.js';
import { NodeFlash } from '../../src/platform/node/flash.js';

/** Small segments, so a test's backlog spans hundreds of them. */
export const SEG = 4096;

export const crc32 = (d: Uint8Array, c: number): number => zlibCrc32(d, c);

export function spoolOn(flash: NodeFlash, segments: number, more?: Partial<SpoolOptions>): Spool {
  return new Spool(flash, { capacityBytes: segments * SEG, segmentBytes: SEG, prefix: 'sp', crc32, ...more });
}

/** Session id `n` (the first two bytes). */
export function sid(n: number): Uint8Array {
  const id = new Uint8Array(16);
  id[0] = n & 0xff;
  id[1] = n >> 8;
  id[15] = 0x5a;
  return id;
}

export function hexOf(n: number): string {
  return Buffer.from(sid(n)).toString('hex');
}

/** The bytes of chunk `seq` of session `session`: different for every pair. */
export function chunkBytes(session: number, seq: number, len = 300): Uint8Array {
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++) b[i] = (session * 7 + seq * 31 + i) & 0xff;
  return b;
}

export function startOf(n: number): Uint8Array {
  return new Uint8Array([0x0a, n & 0xff, n >> 8, 1, 2, 3]);
}

export function endOf(n: number): Uint8Array {
  return new Uint8Array([0x12, n & 0xff, n >> 8]);
}

/** Appends chunk `seq` of session `n` (its totals derived from the seq). */
export function append(spool: Spool, s: SpoolSession, n: number, seq: number): boolean {
  return spool.appendChunk(s.row(), seq, (seq + 1) * 50, (seq + 1) * 300, seq + n * 1000, chunkBytes(n, seq));
}

/** A copy of every file of `flash` on a new flash of the same size: a reboot to look at, leaving the original as it is. */
export function cloneFlash(flash: NodeFlash, bytes: number): NodeFlash {
  const copy = new NodeFlash({ bytes });
  for (const name of flash.list('')) {
    const size = flash.size(name);
    copy.create(name, size, flash.read(name, 0, size) as Uint8Array);
  }
  return copy;
}
