/**
 * `npm run bench -- spool-erase [--hours 8] [--idle-s 0] [--ack-lag 2] [--erase-ms 45]`: the
 * badge's spool on the SPI NOR chip (`BADGE_SPOOL_CHIP`: 124 segments in
 * 1 MiB slots of a W25Q01JV) over a simulated shift, on the chip double with
 * the W25Q's timing on virtual time (tSE 45 ms, tPP 0.4 ms typ., from the
 * hardware power model, `--erase-ms 400` for the datasheet's max. tSE;
 * VSPI at 20 MHz; ~50 µs a `SPI.send`). The real firmware spool and SPI NOR
 * driver run on it: a 1 s chunk of 16 kbps Opus (2,000 bytes) appended
 * every second at a random phase against the erase tick (seeded: the same
 * times in both runs), read back for upload, and
 * acknowledged `--ack-lag` chunks later (live upload), so segments are
 * created and freed as on a badge.
 *
 * Twice in the same run, from a chip never erased by the driver (one slot
 * is erased when the driver opens it, at boot), the first chunk `--idle-s`
 * after boot:
 *  - synchronous (the baseline: the driver as it was): no background erase,
 *    so every other segment's slot is erased when it is created, waiting on
 *    BUSY for all 256 sectors (before, the driver also erased each slot
 *    again when its segment was freed: a second stall of the same length in
 *    the ack path, not counted here);
 *  - background: the platform's 100 ms timer gives the driver's `service`
 *    one step (one sector erase issued on an idle chip, not waited for).
 * Reported: the longest time one chunk append holds the badge's one thread
 * (the co-processor's queue holds 1.28 s of frames), how many appends took
 * over 100 ms, the longest read and ack, the foreground slot erases
 * (`stalls`), and the ratio of the longest appends.
 */
import { parseArgs } from 'node:util';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { fakeE, fakeSpiNor, fakeStorage, w25qTiming } from '../../firmware/src/build/espruino-doubles.js';
import type { SpiNorTiming } from '../../firmware/src/build/espruino-doubles.js';
import { Spool } from '../../firmware/src/core/spool.js';
import { EspruinoFlash } from '../../firmware/src/platform/espruino/storage.js';
import { createSpoolOnSpiNorFlash } from '../../firmware/src/platform/espruino/spi-nor-flash.js';
import { BADGE_SPOOL_CHIP, SPOOL_SLOT_BYTES } from '../../firmware/src/platform/espruino/spool-chip.js';
import { badgeBoard } from '../../hardware/src/boards/index.js';
import { SeededRandom } from '../../tools/src/random/seeded-random.js';

const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '8' },
    'idle-s': { type: 'string', default: '0' },
    'ack-lag': { type: 'string', default: '2' },
    'erase-ms': { type: 'string', default: '45' },
  },
});
const HOURS = Number(values.hours);
const IDLE_S = Number(values['idle-s']);
const ACK_LAG = Number(values['ack-lag']);
const ERASE_MS = Number(values['erase-ms']);
/** The platform's erase tick (platform/espruino/index.ts). */
const TICK_MS = 100;
const CHUNK_BYTES = 2000;

interface ShiftFigures {
  chunks: number;
  segments: number;
  maxAppendMs: number;
  appendsOver100Ms: number;
  meanAppendMs: number;
  maxReadMs: number;
  maxAckMs: number;
  stalls: number;
  erases: number;
}

function shift(background: boolean): ShiftFigures {
  const t: SpiNorTiming = { ...w25qTiming(), eraseMs: ERASE_MS };
  const chip = fakeSpiNor(badgeBoard.storage.spoolFlashBytes, undefined, t);
  const small = new EspruinoFlash(fakeStorage(256 * 1024), fakeE(Uint8Array, () => undefined));
  const flash = createSpoolOnSpiNorFlash(chip, 'D5', { bytes: badgeBoard.storage.spoolFlashBytes, slotBytes: SPOOL_SLOT_BYTES, maxSlots: BADGE_SPOOL_CHIP.segments }, small, 'sp');
  let created = 0;
  const create = flash.create.bind(flash);
  flash.create = (name, size, data) => {
    if (name.startsWith('sp')) created++;
    create(name, size, data);
  };
  const phase = new SeededRandom(7);
  const spool = new Spool(flash, {
    capacityBytes: BADGE_SPOOL_CHIP.segmentBytes * BADGE_SPOOL_CHIP.segments,
    segmentBytes: BADGE_SPOOL_CHIP.segmentBytes,
    prefix: 'sp',
    crc32: (d, c) => zlibCrc32(d, c),
  });
  spool.open();
  let nextTick = t.now + TICK_MS;
  const until = (ms: number): void => {
    while (nextTick <= ms) {
      t.now = Math.max(t.now, nextTick);
      if (background) flash.service();
      nextTick += TICK_MS;
    }
    t.now = Math.max(t.now, ms);
  };
  until(IDLE_S * 1000);
  const s = spool.beginSession(new Uint8Array(16).fill(9), new Uint8Array([1, 2, 3]));
  const chunk = new Uint8Array(CHUNK_BYTES);
  const f: ShiftFigures = { chunks: 0, segments: 0, maxAppendMs: 0, appendsOver100Ms: 0, meanAppendMs: 0, maxReadMs: 0, maxAckMs: 0, stalls: 0, erases: 0 };
  let appendTotal = 0;
  const chunks = Math.round(HOURS * 3600);
  for (let seq = 0; seq < chunks; seq++) {
    until((IDLE_S + seq + 1) * 1000 + phase.next() * TICK_MS);
    for (let i = 0; i < 8; i++) chunk[i] = (seq >>> (i * 4)) & 0xff;
    let at = t.now;
    if (!spool.appendChunk(s, seq, (seq + 1) * 50, (seq + 1) * CHUNK_BYTES, seq, chunk)) throw new Error(`chunk ${seq} refused: spool full`);
    const took = t.now - at;
    appendTotal += took;
    f.maxAppendMs = Math.max(f.maxAppendMs, took);
    if (took > 100) f.appendsOver100Ms++;
    at = t.now;
    if (!spool.readChunk(s, seq)) throw new Error(`chunk ${seq} not read back`);
    f.maxReadMs = Math.max(f.maxReadMs, t.now - at);
    if (seq >= ACK_LAG) {
      at = t.now;
      spool.acknowledge(s, seq - ACK_LAG);
      f.maxAckMs = Math.max(f.maxAckMs, t.now - at);
    }
  }
  f.chunks = chunks;
  f.segments = created;
  f.meanAppendMs = appendTotal / chunks;
  f.stalls = flash.stalls;
  f.erases = chip.erases;
  return f;
}

const ms = (x: number): string => (x >= 1000 ? (x / 1000).toFixed(2) + ' s' : x.toFixed(1) + ' ms');

console.log(`spool-erase: ${HOURS} h shift of 1 s chunks (${CHUNK_BYTES} B), acked ${ACK_LAG} chunks later, badge idle ${IDLE_S} s after boot; BADGE_SPOOL_CHIP ${BADGE_SPOOL_CHIP.segments} × ${SPOOL_SLOT_BYTES / 1048576} MiB slots; W25Q timing tSE ${ERASE_MS} ms, tPP ${w25qTiming().programMs} ms`);
const rows: [string, ShiftFigures][] = [];
for (const [name, background] of [['synchronous slot erase (baseline)', false], ['background erase, 100 ms tick', true]] as const) {
  const wall = Date.now();
  const f = shift(background);
  rows.push([name, f]);
  console.log(
    `${name}: ${f.chunks} chunks in ${f.segments} segments; longest append ${ms(f.maxAppendMs)}, mean ${ms(f.meanAppendMs)}, ` +
      `${f.appendsOver100Ms} appends over 100 ms; longest read ${ms(f.maxReadMs)}, longest ack ${ms(f.maxAckMs)}; ` +
      `foreground slot erases ${f.stalls}; sector erases ${f.erases} (bench wall ${((Date.now() - wall) / 1000).toFixed(1)} s)`,
  );
}
const base = (rows[0] as [string, ShiftFigures])[1];
const bg = (rows[1] as [string, ShiftFigures])[1];
console.log(`longest append: ${ms(base.maxAppendMs)} -> ${ms(bg.maxAppendMs)} (baseline / background = ${(base.maxAppendMs / bg.maxAppendMs).toFixed(0)}x); appends over 100 ms: ${base.appendsOver100Ms} -> ${bg.appendsOver100Ms}`);
