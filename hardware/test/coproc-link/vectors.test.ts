/**
 * The link's byte-exact test vectors (hardware/vectors/coproc-link.json),
 * written by an independent implementation: encode must produce the bytes,
 * decode must give back the frame and its fields, streams must decode to
 * the listed frames with the listed counters.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FrameType,
  LinkDirection,
  crc16,
  directionOf,
  encodeFrame,
  newCoprocStatus,
  readAck,
  readBitrate,
  readBoot,
  readCredit,
  readGain,
  readStatus,
} from '../../src/coproc-link/index.js';
import { recordingDecoder } from './frames.js';

interface FrameVector {
  name: string;
  description: string;
  type: number;
  flags: number;
  index: number;
  payload: string;
  bytes: string;
  fields?: Record<string, number | boolean>;
}
interface StreamVector {
  name: string;
  description: string;
  bytes: string;
  expect: string[];
  counters: Record<string, number>;
}
interface Vectors {
  crc: { check: string };
  frames: FrameVector[];
  streams: StreamVector[];
}

const vectors = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../vectors/coproc-link.json'), 'utf8'),
) as Vectors;
const hex = (s: string): Uint8Array => Uint8Array.from(s.split(/[\s|]+/).filter(Boolean).map((h) => parseInt(h, 16)));

function fieldsOf(v: FrameVector, p: Uint8Array): Record<string, number | boolean> | undefined {
  switch (v.type) {
    case FrameType.Status:
      return { ...readStatus(p, 0, p.length, newCoprocStatus()) };
    case FrameType.Ack:
      return { ...readAck(p, 0, p.length, { command: 0, result: 0 }) };
    case FrameType.Boot:
      return { ...readBoot(p, 0, p.length, { protocolVersion: 0, firmwareVersion: 0 }) };
    case FrameType.SetBitrate:
      return { bitrate: readBitrate(p, 0, p.length) };
    case FrameType.SetGain:
      return { gainDb: readGain(p, 0, p.length) };
    case FrameType.Credit:
      return { credits: readCredit(p, 0, p.length) };
    default:
      return undefined;
  }
}

describe('link vectors', () => {
  it('the CRC check value matches', () => {
    expect(crc16(new TextEncoder().encode('123456789'), 0, 9)).toBe(parseInt(vectors.crc.check, 16));
  });

  it.each(vectors.frames.map((v) => [v.name, v] as const))('%s encodes and decodes byte for byte', (_name, v) => {
    const payload = hex(v.payload);
    const bytes = hex(v.bytes);
    expect(Array.from(encodeFrame(v.type, v.flags, v.index, payload))).toEqual(Array.from(bytes));
    const r = recordingDecoder(directionOf(v.type));
    r.decoder.feed(bytes);
    expect(r.frames).toEqual([{ type: v.type, flags: v.flags, index: v.index, payload: Array.from(payload) }]);
    expect(fieldsOf(v, payload)).toEqual(v.fields);
  });

  it.each(vectors.streams.map((v) => [v.name, v] as const))('stream %s', (_name, v) => {
    const byName = new Map(vectors.frames.map((f) => [f.name, f]));
    const r = recordingDecoder(LinkDirection.ToMcu);
    r.decoder.feed(hex(v.bytes));
    expect(r.frames).toEqual(
      v.expect.map((n) => {
        const f = byName.get(n)!;
        return { type: f.type, flags: f.flags, index: f.index, payload: Array.from(hex(f.payload)) };
      }),
    );
    const counters: Record<string, number> = {
      frames: r.decoder.frames,
      crcErrors: r.decoder.crcErrors,
      headerErrors: r.decoder.headerErrors,
      overruns: r.decoder.overruns,
      resyncs: r.decoder.resyncs,
      discardedBytes: r.decoder.discardedBytes,
      pending: r.decoder.pending,
    };
    for (const [k, want] of Object.entries(v.counters)) expect(counters[k], k).toBe(want);
  });
});
