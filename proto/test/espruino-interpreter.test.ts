/**
 * Optional: runs the device codec on a real Espruino interpreter (the Linux
 * build of espruino/Espruino, built outside the repo) against every golden
 * vector and every truncation of it. Set PARLEY_ESPRUINO_BIN to the binary to
 * enable it; CI has no interpreter, so it is skipped there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTO_PATHS } from '../src/codegen/paths.js';
import { crc32, encodeMessage } from '../src/index.js';
import { loadGoldenVectors } from './support/golden-vectors.js';

const bin = process.env.PARLEY_ESPRUINO_BIN;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const toJson = (v: unknown): unknown =>
  v instanceof Uint8Array
    ? { $hex: hex(v) }
    : Array.isArray(v)
      ? v.map(toJson)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]))
        : v;

// Runs on Espruino: plain functions declared before use, no Node APIs.
const HARNESS = `
function fromHex(h) { const out = new Uint8Array(h.length / 2); for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16); return out; }
function toHex(b) { let s = ''; for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16); return s; }
function revive(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) { const a = []; for (let i = 0; i < v.length; i++) a.push(revive(v[i])); return a; }
  if (v.$hex !== undefined) return fromHex(v.$hex);
  const o = {}; const keys = Object.keys(v); for (let i = 0; i < keys.length; i++) o[keys[i]] = revive(v[keys[i]]); return o;
}
let failures = 0; let cases = 0;
function check_crc(h, whole, head) {
  cases++;
  const data = fromHex(h);
  const native = crc32(data);
  const continued = crc32(data.subarray(1000), crc32(data.subarray(0, 1000), undefined));
  let t = getTime();
  for (let i = 0; i < 5; i++) crc32(data);
  const nativeMs = (getTime() - t) * 200;
  t = getTime();
  for (let i = 0; i < 5; i++) crc32(data, 0xffffffff ^ 0xffffffff);
  const jsMs = (getTime() - t) * 200;
  print('CRC 3000 bytes: native ' + nativeMs.toFixed(2) + ' ms, JS ' + jsMs.toFixed(2) + ' ms');
  if (native !== whole || continued !== whole || crc32(data.subarray(0, 1000), 0) !== head) { failures++; print('CRC ' + native + ' ' + continued + ' != ' + whole); }
}
function check(c) {
  cases++;
  const desc = MESSAGES[c.m];
  try {
    if (!c.d) { const e = toHex(encode(desc, revive(c.o))); if (e !== c.h) { failures++; print('ENCODE ' + c.m + ' ' + e + ' != ' + c.h); } }
    const full = fromHex(c.h);
    const re = toHex(encode(desc, decode(desc, full)));
    if (re !== c.c) { failures++; print('REENCODE ' + c.m + ' ' + re + ' != ' + c.c); }
    for (let cut = 0; cut < full.length; cut++) {
      try { decode(desc, new Uint8Array(full.buffer, 0, cut)); } catch (err) { if (!err.code) { failures++; print('UNCODED ' + c.m + ' ' + err); } }
    }
  } catch (err) { failures++; print('THREW ' + c.m + ' ' + err); }
}
`;

describe.skipIf(!bin)('device codec on a real Espruino interpreter (PARLEY_ESPRUINO_BIN)', () => {
  it('encodes and decodes every golden vector like the Node codec, and rejects truncations with coded errors', async () => {
    const codec = (await readFile(join(PROTO_PATHS.deviceCodecDir, 'badge-codec.js'), 'utf8')).replace(/^export /gm, '');
    const crcData = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) & 0xff);
    const crcCheck = `check_crc('${hex(crcData)}', ${crc32(crcData)}, ${crc32(crcData.subarray(0, 1000))});`;
    const calls = crcCheck + '\n' + loadGoldenVectors()
      .map((v) => `check(${JSON.stringify({ m: v.message, o: toJson(v.object), h: hex(v.bytes), c: hex(encodeMessage(v.message, v.decoded)), d: v.decodeOnly })});`)
      .join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'parley-espruino-'));
    try {
      const script = join(dir, 'codec-check.js');
      await writeFile(script, `${codec}\n${HARNESS}\n${calls}\nprint('RESULT ' + cases + ' ' + failures);\n`);
      const run = spawnSync(bin as string, [script], { cwd: dir, input: '', encoding: 'utf8', timeout: 240_000 });
      const output = `${run.stdout}${run.stderr}`;
      const result = /RESULT (\d+) (\d+)/.exec(output);
      expect(result, output.slice(-2000)).not.toBeNull();
      expect(Number(result?.[2]), output.slice(-2000)).toBe(0);
      expect(Number(result?.[1])).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
