/**
 * Codec benchmark: the device codec and the Node codec wrapper against the
 * raw protobufjs static code (the baseline, measured in the same run), and
 * the shared crc32 against zlib's. Run: `npx tsx proto/src/bench/codec.ts`.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import * as device from '../../device/badge-codec.js';
import { crc32 } from '../crc32.js';
import { decodeMessage, encodeMessage, pb } from '../node-codec.js';

interface Figure {
  label: string;
  nsPerOp: number;
}

/** Median ns/op over `rounds` rounds of `iterations` calls, after a warm-up. */
function measure(label: string, iterations: number, fn: () => unknown, rounds = 5): Figure {
  for (let i = 0; i < iterations; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return { label, nsPerOp: samples[Math.floor(samples.length / 2)] as number };
}

function row(f: Figure, baseline: Figure, bytes?: number): string {
  const mbps = bytes ? `${((bytes / f.nsPerOp) * 1e3).toFixed(0).padStart(6)} MB/s` : ''.padStart(11);
  return `${f.label.padEnd(46)} ${(f.nsPerOp / 1000).toFixed(2).padStart(8)} µs/op ${mbps}   time ×${(f.nsPerOp / baseline.nsPerOp).toFixed(2)} of baseline`;
}

export function runCodecBenchmark(iterations = 20_000): string[] {
  const frames = Array.from({ length: 50 }, (_, i) => new Uint8Array(40).fill(i));
  const chunk = { sessionId: new Uint8Array(16).fill(3), seq: 3600, firstFrame: 180_000, frames, captureTimeMs: 1_795_000_000_000, clockSynced: true, crc32: 0xdeadbeef };
  const bytes = encodeMessage('AudioChunk', chunk);
  const conversion = { longs: Number, enums: Number, defaults: true, arrays: true };
  const out: string[] = [`AudioChunk of 1 s (50 × 40 B Opus frames), ${bytes.length} bytes encoded; ${iterations} iterations × 5 rounds, median`];

  const encBase = measure('encode: protobufjs static (baseline)', iterations, () => pb.AudioChunk.encode(chunk).finish());
  out.push(row(encBase, encBase, bytes.length));
  out.push(row(measure('encode: device codec', iterations, () => device.encode(device.AudioChunk, chunk)), encBase, bytes.length));
  out.push(row(measure('encode: encodeUp (verify + range check)', iterations, () => encodeMessage('AudioChunk', chunk)), encBase, bytes.length));

  const decBase = measure('decode: protobufjs decode+toObject (baseline)', iterations, () => pb.AudioChunk.toObject(pb.AudioChunk.decode(bytes), conversion));
  out.push(row(decBase, decBase, bytes.length));
  out.push(row(measure('decode: device codec', iterations, () => device.decode(device.AudioChunk, bytes)), decBase, bytes.length));
  out.push(row(measure('decode: decodeUp', iterations, () => decodeMessage('AudioChunk', bytes)), decBase, bytes.length));

  const crcBase = measure('crc32: node:zlib (baseline)', iterations, () => zlibCrc32(bytes));
  out.push(row(crcBase, crcBase, bytes.length));
  out.push(row(measure('crc32: shared table-driven implementation', iterations, () => crc32(bytes)), crcBase, bytes.length));
  return out;
}

if (process.argv[1]?.endsWith('codec.ts')) {
  for (const line of runCodecBenchmark(Number(process.argv[2] ?? 20_000))) console.log(line);
}
