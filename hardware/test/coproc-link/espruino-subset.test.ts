import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { STRIP_TO_ESPRUINO, checkEspruinoSubset } from '../../src/espruino-subset/index.js';
import { bundleForEspruino } from '../../src/espruino-bundle/bundle.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '../../src');
/** Everything the firmware bundles onto the badge from this package. */
const DEVICE_FILES = [
  ...readdirSync(join(src, 'coproc-link')).filter((f) => f.endsWith('.ts')).map((f) => join(src, 'coproc-link', f)),
  join(src, 'errors.ts'),
  join(src, 'boards/board.ts'),
  join(src, 'boards/badge.ts'),
  join(src, 'boards/pin-names.ts'),
  join(src, 'power/default-policy.ts'),
];

describe('device code stays inside the Espruino subset', () => {
  it.each(DEVICE_FILES.map((f) => [f.slice(src.length + 1), f]))('%s passes the Espruino subset gate', async (_name, file) => {
    expect(await checkEspruinoSubset(readFileSync(file, 'utf8'), { fileName: file })).toEqual([]);
  });

  it('the decoder and encoder run in a context without Map, Set, Symbol, slice or copyWithin', async () => {
    const bundle = await bundleForEspruino(join(src, 'coproc-link/index.ts'));
    const context = vm.createContext({});
    vm.runInContext(STRIP_TO_ESPRUINO, context);
    expect(vm.runInContext('typeof Map + typeof Set + typeof Symbol + typeof [].slice + typeof new Uint8Array(1).copyWithin', context)).toBe(
      'undefinedundefinedundefinedundefinedundefined',
    );
    vm.runInContext(bundle, context);
    // Plain ES2015 driver: encode frames, corrupt one, feed in every way the badge can.
    const result = vm.runInContext(
      `
      const out = [];
      const dec = new LinkDecoder(LinkDirection.ToMcu, function (type, flags, index, buf, off, len) {
        out.push([type, flags, index, len, buf[off], buf[off + len - 1]]);
      });
      const opus = new Uint8Array(40);
      for (let i = 0; i < 40; i++) opus[i] = (i * 13) & 255;
      const frames = [];
      for (let k = 0; k < 6; k++) frames.push(encodeAudio(k, opus, k % 2 === 0, false));
      frames[3][HEADER_LEN + 2] ^= 0xff;
      for (let k = 0; k < 3; k++) { const f = frames[k]; for (let i = 0; i < f.length; i++) dec.feedByte(f[i]); }
      let s = '';
      for (let i = 0; i < frames[3].length; i++) s += String.fromCharCode(frames[3][i]);
      dec.feedString(s);
      dec.feed(frames[4]);
      dec.feed(frames[5].subarray(0, 7));
      dec.feed(frames[5].subarray(7));
      // A frame interleaved into another: the rescan must shift held bytes down.
      dec.feed(frames[0].subarray(0, 20));
      dec.feed(frames[2]);
      dec.feed(frames[0].subarray(20));
      const cmd = encodeSetBitrate(1, 16000);
      JSON.stringify({ out: out, crcErrors: dec.crcErrors, frames: dec.frames, cmdLength: cmd.length });
      `,
      context,
    ) as string;
    const parsed = JSON.parse(result) as { out: number[][]; crcErrors: number; frames: number; cmdLength: number };
    expect(parsed.frames).toBe(6);
    expect(parsed.crcErrors).toBe(2);
    expect(parsed.out.map((f) => f[2])).toEqual([0, 1, 2, 4, 5, 2]);
    expect(parsed.out[0]).toEqual([1, 1, 0, 40, 0, (39 * 13) & 255]);
    expect(parsed.cmdLength).toBe(12);
  });
});
