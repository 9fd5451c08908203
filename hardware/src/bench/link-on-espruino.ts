/**
 * `ESPRUINO_BIN=/path/to/espruino npm run bench:espruino -w hardware`
 *
 * Runs the co-processor link code on a real Espruino interpreter (a Linux
 * build of espruino/Espruino, made outside this repository) and prints what
 * the power model's `mcuBusyMsPerFrame` and the firmware's variable budget
 * depend on: the cost of decoding one 20 ms frame, feeding it every way the
 * badge can, relative to an empty loop of the same number of iterations
 * timed in the same run (the baseline), and the interpreter variables the
 * link code and one decoder take.
 *
 * Absolute times are those of the machine running the Linux build; the
 * ratios carry over to the badge, where the baseline loop can be timed the
 * same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForEspruino } from '../espruino-bundle/bundle.js';

const FRAMES = 200;
/** Each figure is the fastest of this many rounds (the machine may be shared). */
const ROUNDS = 5;
const here = dirname(fileURLToPath(import.meta.url));

/** Plain ES5 run on the interpreter; prints one JSON line. */
function driver(opusBytes: number): string {
  return `
var opus = new Uint8Array(${opusBytes});
for (var i = 0; i < opus.length; i++) opus[i] = (i * 37 + 11) & 255;
var frame = encodeAudio(7, opus, true, false);
var text = E.toString(frame);
var usageCode = process.memory().usage;
var got = 0;
var dec = new LinkDecoder(LinkDirection.ToMcu, function () { got++; });
var usageDecoder = process.memory().usage - usageCode;
var N = ${FRAMES};
var best = {};
function keep(k, t0, t1) { var v = (t1 - t0) * 1000 / N; if (!(k in best) || v < best[k]) best[k] = v; }
for (var round = 0; round < ${ROUNDS}; round++) {
  var t0 = getTime(); for (var a = 0; a < N; a++) { for (var j = 0; j < frame.length; j++) ; }
  var t1 = getTime(); for (var b = 0; b < N; b++) dec.feed(frame);
  var t2 = getTime(); for (var c = 0; c < N; c++) dec.feed(E.toUint8Array(text));
  var t3 = getTime(); for (var d = 0; d < N; d++) dec.feedString(text);
  var t4 = getTime(); for (var e = 0; e < N; e++) crc16(frame, 2, frame.length - 2);
  var t5 = getTime(); for (var f = 0; f < N; f++) encodeCredit(f & 0xffff, 16);
  var t6 = getTime();
  keep('baselineMs', t0, t1); keep('feedMs', t1, t2); keep('feedToUint8ArrayMs', t2, t3);
  keep('feedStringMs', t3, t4); keep('crcMs', t4, t5); keep('encodeCreditMs', t5, t6);
}
print(JSON.stringify({ frameBytes: frame.length, frames: got, crcErrors: dec.crcErrors,
  baselineMs: best.baselineMs, feedMs: best.feedMs, feedToUint8ArrayMs: best.feedToUint8ArrayMs, feedStringMs: best.feedStringMs,
  crcMs: best.crcMs, encodeCreditMs: best.encodeCreditMs, usageCode: usageCode, usageDecoder: usageDecoder,
  total: process.memory().total }));
`;
}

/** What the badge firmware bundles of the link: McuLink and what it uses; everything else is tree-shaken. */
const MCU_SIDE_ENTRY = `
import { McuLink } from 'LINK';
(globalThis as Record<string, unknown>).keep = [McuLink];
`;

interface Result {
  frameBytes: number;
  frames: number;
  crcErrors: number;
  baselineMs: number;
  feedMs: number;
  feedToUint8ArrayMs: number;
  feedStringMs: number;
  crcMs: number;
  encodeCreditMs: number;
  usageCode: number;
  usageDecoder: number;
  total: number;
}

function run(bin: string, dir: string, script: string): string {
  const file = join(dir, 'bench.js');
  writeFileSync(file, script);
  // cwd = dir: the Linux build keeps its Storage in ./espruino.flash.
  return execFileSync(bin, [file], { cwd: dir, input: '', encoding: 'utf8', timeout: 300000 });
}

function lastJson(out: string): Result {
  const line = out.split('\n').find((l) => l.startsWith('{"frameBytes"'));
  if (!line) throw new Error('no result from the interpreter:\n' + out);
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const bin = process.env.ESPRUINO_BIN;
  if (!bin) {
    console.error('Set ESPRUINO_BIN to an Espruino Linux build (see the firmware issue: built outside this repo from espruino/Espruino).');
    process.exitCode = 2;
    return;
  }
  const link = await bundleForEspruino(join(here, '../coproc-link/index.ts'), true);
  const dir = mkdtempSync(join(tmpdir(), 'parley-espruino-bench-'));
  try {
    const emptyUsage = Number(/usage=(\d+)/.exec(run(bin, dir, 'print("usage=" + process.memory().usage);'))?.[1]);
    console.log(`Co-processor link on Espruino (${bin}); fastest of ${ROUNDS} rounds of ${FRAMES} frames; bundle ${link.length} bytes`);
    console.log('| Opus kbit/s | frame B | empty loop (baseline) ms | feed ms (x baseline) | feed(E.toUint8Array) ms (x) | feedString ms (x) | CRC ms | encodeCredit ms |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    let last: Result | null = null;
    for (const kbps of [16, 32]) {
      const r = lastJson(run(bin, dir, link + driver((kbps * 1000 * 20) / 8000)));
      if (r.frames !== 3 * FRAMES * ROUNDS || r.crcErrors !== 0) throw new Error('decoder lost frames on the interpreter: ' + JSON.stringify(r));
      const x = (v: number): string => `${v.toFixed(3)} (${(v / r.baselineMs).toFixed(1)}x)`;
      console.log(`| ${kbps} | ${r.frameBytes} | ${r.baselineMs.toFixed(3)} | ${x(r.feedMs)} | ${x(r.feedToUint8ArrayMs)} | ${x(r.feedStringMs)} | ${r.crcMs.toFixed(3)} | ${r.encodeCreditMs.toFixed(3)} |`);
      last = r;
    }
    // What the MCU firmware actually bundles (rollup drops the co-processor-side encoders the same way).
    const entry = join(dir, 'mcu-side.ts');
    writeFileSync(entry, MCU_SIDE_ENTRY.replace('LINK', join(here, '../coproc-link/index.js')));
    const mcu = await bundleForEspruino(entry, true);
    const mcuUsage = Number(/usage=(\d+)/.exec(run(bin, dir, mcu + '\nprint("usage=" + process.memory().usage);'))?.[1]);
    if (last) {
      console.log(`Variables: whole link module ${last.usageCode - emptyUsage}; MCU side (McuLink + decoder + commands + readers; ${mcu.length} bytes) ${mcuUsage - emptyUsage}; one decoder ${last.usageDecoder} (of ${last.total}; the firmware budget is 6000).`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
