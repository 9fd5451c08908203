import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBinaryString, fakeE, fakeStorage } from '../../src/build/espruino-doubles.js';
import { readBootRecord } from '../../src/core/boot-slot.js';
import { FirmwareError } from '../../src/core/errors.js';
import type { FirmwareRequest } from '../../src/core/messages.js';
import { Ota } from '../../src/core/ota.js';
import { EspruinoFlash } from '../../src/platform/espruino/storage.js';
import { NodeSystem, VirtualClock } from '../../src/platform/node/index.js';

/**
 * Espruino's Storage makes a new file for every write at offset 0 (measured
 * on the 2v29 interpreter: `write(name, data, 0)` leaves a file of
 * data.length bytes, `write(name, data, 0, size)` an erased one of size, and
 * neither keeps what was programmed). A firmware download that created the
 * image file empty and then wrote its first chunk at offset 0 cut the image
 * to one chunk, and the second chunk failed "outside the file".
 */
describe('Espruino Storage: offset 0 belongs to create', () => {
  const storage = (): ReturnType<typeof fakeStorage> => fakeStorage(256 * 1024);

  it('the double behaves like 2v29: a write at offset 0 replaces the file', () => {
    const s = storage();
    s.write('f', '\xff', 0, 64);
    s.write('f', 'BB', 10);
    s.write('f', 'AA', 0, 64);
    expect(s.read('f', 10, 2)).toBe('\xff\xff');
    expect(s.read('f')?.length).toBe(64);
    s.write('f', 'AA', 0);
    expect(s.read('f')).toBe('AA');
  });

  it('EspruinoFlash refuses writeAt(0) instead of truncating the file', () => {
    const f = new EspruinoFlash(storage(), fakeE(Uint8Array, () => undefined));
    f.create('img', 100, new Uint8Array([0xff]));
    expect(() => f.writeAt('img', 0, new Uint8Array([1]))).toThrow(FirmwareError);
    expect(f.size('img')).toBe(100);
    f.writeAt('img', 1, new Uint8Array([2]));
    expect(f.read('img', 0, 3)).toEqual(new Uint8Array([0xff, 2, 0xff]));
  });

  it('a firmware download to Storage stages the whole image (first chunk creates the file)', () => {
    const s = storage();
    const flash = new EspruinoFlash(s, fakeE(Uint8Array, () => undefined));
    const clock = new VirtualClock();
    const system = new NodeSystem({ slot: 'a', seed: 3 });
    const image = new Uint8Array(5000);
    for (let i = 0; i < image.length; i++) image[i] = (i * 13 + 1) & 0xff;
    const requests: FirmwareRequest[] = [];
    const results: string[] = [];
    const ota = new Ota({
      flash, clock, system,
      request: (r) => {
        requests.push(r);
        return true;
      },
      result: (_id, status, _detail, progress) => results.push(status + ' ' + progress),
      event: () => undefined,
    });
    const sha = new Uint8Array(createHash('sha256').update(image).digest());
    expect(ota.begin('c1', { releaseId: 'r2', version: '2.0.0', size: image.length, sha256: sha, chunkSize: 1024 })).toBe(0);
    for (let guard = 0; guard < 10 && requests.length > 0; guard++) {
      const r = requests.shift() as FirmwareRequest;
      ota.chunk({ releaseId: r.releaseId, offset: r.offset, data: image.subarray(r.offset, r.offset + r.length), totalSize: image.length });
    }
    expect(results).toEqual(['progress 1024', 'progress 2048', 'progress 3072', 'progress 4096', 'staged 5000']);
    expect(s.read('fw.b')).toBe(bytesToBinaryString(image));
    expect(readBootRecord(flash).slot).toBe('b');
    expect(readBootRecord(flash).pending).toBe(true);
  });

  it('asks for at most 1 KiB at a time whatever chunk size the update announces (memory on Espruino)', () => {
    const flash = new EspruinoFlash(storage(), fakeE(Uint8Array, () => undefined));
    const requests: FirmwareRequest[] = [];
    const ota = new Ota({
      flash, clock: new VirtualClock(), system: new NodeSystem({ slot: 'b', seed: 1 }),
      request: (r) => requests.push(r) > 0, result: () => undefined, event: () => undefined,
    });
    ota.begin('c2', { releaseId: 'r3', version: '3.0.0', size: 40000, sha256: new Uint8Array(32), chunkSize: 4096 });
    expect(requests).toEqual([{ releaseId: 'r3', offset: 0, length: 1024 }]);
    ota.chunk({ releaseId: 'r3', offset: 0, data: new Uint8Array(1024), totalSize: 40000 });
    expect(requests[1]).toEqual({ releaseId: 'r3', offset: 1024, length: 1024 });
    expect(flash.size('fw.a')).toBe(40000);
  });
});
