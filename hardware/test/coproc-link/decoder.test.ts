import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameType,
  HEADER_LEN,
  LinkDecoder,
  LinkDirection,
  MAX_FRAME_LEN,
  MAX_PAYLOAD,
  SYNC0,
  SYNC1,
  crc16,
  encodeCredit,
  encodeStart,
} from '../../src/coproc-link/index.js';
import { audioFrame, concat, recordingDecoder, toMcuFrame, wire, type DecodedFrame } from './frames.js';

const FC = { seed: 0x5eed, numRuns: 200 };

function stream(frames: readonly DecodedFrame[]): Uint8Array {
  return concat(frames.map(wire));
}

function decodeAll(bytes: Uint8Array): ReturnType<typeof recordingDecoder> {
  const r = recordingDecoder();
  r.decoder.feed(bytes);
  return r;
}

/** Every byte fed is in a delivered frame, counted as discarded, or still pending. */
function expectBytesAccountedFor(r: ReturnType<typeof recordingDecoder>, fed: number): void {
  const delivered = r.frames.reduce((n, f) => n + HEADER_LEN + f.payload.length + 2, 0);
  expect(delivered + r.decoder.discardedBytes + r.decoder.pending).toBe(fed);
}

describe('LinkDecoder on clean input', () => {
  it('delivers audio, status, ack and boot frames with their fields', () => {
    const frames = [
      audioFrame(0, 40, true),
      { type: FrameType.Status, flags: 0, index: 7, payload: [1, 1, 0, 12, 0x80, 0x3e, 0, 0, 3, 0] },
      { type: FrameType.Ack, flags: 0, index: 9, payload: [FrameType.Start, 0] },
      { type: FrameType.Boot, flags: 0, index: 0, payload: [1, 0, 2, 0] },
      audioFrame(65535, MAX_PAYLOAD, false),
    ];
    const r = decodeAll(stream(frames));
    expect(r.frames).toEqual(frames);
    expect(r.decoder.frames).toBe(5);
    expect(r.decoder.crcErrors + r.decoder.headerErrors + r.decoder.overruns + r.decoder.resyncs).toBe(0);
    expect(r.decoder.discardedBytes).toBe(0);
    expect(r.decoder.pending).toBe(0);
  });

  it('gives the same frames split at every byte, through feedByte, feed and feedString', () => {
    const frames = [audioFrame(1, 3, false), audioFrame(2, 60, true), audioFrame(3, 1, false)];
    const bytes = stream(frames);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const r = recordingDecoder();
      r.decoder.feed(bytes.subarray(0, cut));
      r.decoder.feed(bytes.subarray(cut));
      expect(r.frames, `split at ${cut}`).toEqual(frames);
    }
    const one = recordingDecoder();
    for (const b of bytes) one.decoder.feedByte(b);
    expect(one.frames).toEqual(frames);
    const str = recordingDecoder();
    str.decoder.feedString(String.fromCharCode(...bytes));
    expect(str.frames).toEqual(frames);
  });

  it('decodes commands only in the co-processor direction', () => {
    const bytes = concat([encodeStart(4), encodeCredit(5, 16)]);
    const coproc = recordingDecoder(LinkDirection.ToCoproc);
    coproc.decoder.feed(bytes);
    expect(coproc.frames.map((f) => [f.type, f.index, f.payload])).toEqual([
      [FrameType.Start, 4, []],
      [FrameType.Credit, 5, [16]],
    ]);
    const mcu = decodeAll(bytes);
    expect(mcu.frames).toEqual([]);
    expect(mcu.decoder.headerErrors).toBe(2);
  });

  it('hands the handler a view of its own buffer: no per-frame allocation', () => {
    const buffers = new Set<ArrayBufferLike>();
    const decoder = new LinkDecoder(LinkDirection.ToMcu, (_t, _f, _i, buf) => {
      buffers.add(buf.buffer);
    });
    decoder.feed(stream([audioFrame(0, 10, true), audioFrame(1, 200, true), audioFrame(2, 5, false)]));
    expect(decoder.frames).toBe(3);
    expect(buffers.size).toBe(1);
    expect([...buffers][0]!.byteLength).toBe(MAX_FRAME_LEN);
  });
});

describe('LinkDecoder recovery', () => {
  it('skips noise before and between frames, including stray sync bytes', () => {
    const a = audioFrame(10, 20, true);
    const b = audioFrame(11, 20, false);
    const noise = Uint8Array.from([0x00, SYNC0, 0x13, SYNC0, SYNC0, 0xff, SYNC1, SYNC0]);
    const bytes = concat([noise, wire(a), noise, wire(b), noise]);
    const r = decodeAll(bytes);
    expect(r.frames).toEqual([a, b]);
    expectBytesAccountedFor(r, bytes.length);
  });

  it('drops a frame whose CRC fails and keeps the next one', () => {
    const a = audioFrame(1, 30, true);
    const b = audioFrame(2, 30, true);
    const bad = wire(a);
    bad[HEADER_LEN + 5]! ^= 0x40;
    const r = decodeAll(concat([bad, wire(b)]));
    expect(r.frames).toEqual([b]);
    expect(r.decoder.crcErrors).toBe(1);
    expect(r.decoder.resyncs).toBe(1);
  });

  it('counts an overrun for a length over MAX_PAYLOAD and does not wait for it', () => {
    const bad = wire(audioFrame(1, 10, false));
    bad[6] = (MAX_PAYLOAD + 1) & 0xff;
    bad[7] = (MAX_PAYLOAD + 1) >> 8;
    const good = audioFrame(2, 10, false);
    const r = decodeAll(concat([bad, wire(good)]));
    expect(r.frames).toEqual([good]);
    expect(r.decoder.overruns).toBe(1);
    expect(r.decoder.crcErrors).toBe(0);
  });

  it('rejects a fixed-length type with the wrong length at the header', () => {
    const status = new Uint8Array(HEADER_LEN + 3 + 2);
    status.set([SYNC0, SYNC1, FrameType.Status, 0, 0, 0, 3, 0]);
    const crc = crc16(status, 2, HEADER_LEN + 3);
    status[HEADER_LEN + 3] = crc & 0xff;
    status[HEADER_LEN + 4] = crc >> 8;
    const good = audioFrame(5, 8, true);
    const r = decodeAll(concat([status, wire(good)]));
    expect(r.frames).toEqual([good]);
    expect(r.decoder.headerErrors).toBe(1);
  });

  it('finds a frame that starts inside a false header announcing a long payload', () => {
    // A false sync + header claiming 300 bytes swallows the real frames that
    // follow; the CRC fails and the rescan must find them in the held bytes.
    const falseHeader = Uint8Array.from([SYNC0, SYNC1, FrameType.Audio, 0, 0, 0, 0x2c, 0x01]);
    const frames = [audioFrame(1, 50, true), audioFrame(2, 50, true), audioFrame(3, 50, true), audioFrame(4, 50, true)];
    const bytes = concat([falseHeader, stream(frames), new Uint8Array(100)]);
    const r = decodeAll(bytes);
    expect(r.frames).toEqual(frames);
    expect(r.decoder.crcErrors).toBe(1);
    expectBytesAccountedFor(r, bytes.length);
  });

  it('recovers the inner frame when one frame is interleaved into another', () => {
    const outer = wire(audioFrame(1, 60, true));
    const inner = audioFrame(2, 20, false);
    const after = audioFrame(3, 20, false);
    const bytes = concat([outer.subarray(0, 25), wire(inner), outer.subarray(25), wire(after)]);
    const r = decodeAll(bytes);
    expect(r.frames).toEqual([inner, after]);
    expect(r.decoder.crcErrors).toBe(1);
    expectBytesAccountedFor(r, bytes.length);
  });

  it('holds a truncated frame as pending and drops it on reset', () => {
    const a = audioFrame(1, 40, true);
    const bytes = wire(a);
    const r = recordingDecoder();
    r.decoder.feed(bytes.subarray(0, 30));
    expect(r.frames).toEqual([]);
    expect(r.decoder.pending).toBe(30);
    r.decoder.reset();
    expect(r.decoder.pending).toBe(0);
    r.decoder.feed(bytes);
    expect(r.frames).toEqual([a]);
    expectBytesAccountedFor(r, 30 + bytes.length);
  });

  it('keeps decoding after a frame handler throws', () => {
    let calls = 0;
    const decoder = new LinkDecoder(LinkDirection.ToMcu, () => {
      calls++;
      if (calls === 1) throw new Error('consumer failed');
    });
    expect(() => decoder.feed(wire(audioFrame(1, 5, true)))).toThrow('consumer failed');
    decoder.feed(wire(audioFrame(2, 5, true)));
    expect(calls).toBe(2);
    expect(decoder.pending).toBe(0);
  });
});

describe('LinkDecoder properties', () => {
  it('round-trips any frames split into any chunks', () => {
    fc.assert(
      fc.property(fc.array(toMcuFrame, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }), (frames, sizes) => {
        const bytes = stream(frames);
        const r = recordingDecoder();
        let o = 0;
        for (let k = 0; o < bytes.length; k++) {
          const n = sizes[k % sizes.length]!;
          r.decoder.feed(bytes.subarray(o, o + n));
          o += n;
        }
        expect(r.frames).toEqual(frames);
        expect(r.decoder.discardedBytes).toBe(0);
      }),
      FC,
    );
  });

  it('delivers every real frame through arbitrary noise between frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 40 }), toMcuFrame), { maxLength: 10 }),
        fc.uint8Array({ maxLength: 40 }),
        (pairs, tail) => {
          const frames = pairs.map((p) => p[1]);
          const bytes = concat([...pairs.flatMap((p) => [p[0], wire(p[1])]), tail]);
          const r = decodeAll(bytes);
          // Noise could, with odds 2^-16 per attempt, form a frame of its own:
          // the real frames must appear in order among what is delivered.
          let k = 0;
          for (const f of r.frames) if (k < frames.length && JSON.stringify(f) === JSON.stringify(frames[k])) k++;
          expect(k).toBe(frames.length);
          expectBytesAccountedFor(r, bytes.length);
        },
      ),
      FC,
    );
  });

  it('loses only the corrupted frame when one byte of one frame is damaged', () => {
    fc.assert(
      fc.property(
        fc.array(toMcuFrame, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (frames, whichFrame, whichByte, xor) => {
          const k = whichFrame % frames.length;
          const parts = frames.map(wire);
          const target = parts[k]!;
          target[whichByte % target.length]! ^= xor;
          const r = decodeAll(concat(parts));
          const expected = frames.filter((_f, i) => i !== k);
          let m = 0;
          for (const f of r.frames) if (m < expected.length && JSON.stringify(f) === JSON.stringify(expected[m])) m++;
          expect(m).toBe(expected.length);
          // The damaged frame itself is never delivered (CRC-16 catches every single-byte error).
          const key = JSON.stringify(frames[k]);
          const count = (list: readonly DecodedFrame[]): number => list.filter((f) => JSON.stringify(f) === key).length;
          expect(count(r.frames)).toBe(count(expected));
        },
      ),
      FC,
    );
  });

  it('delivers exactly the complete frames of a truncated stream', () => {
    fc.assert(
      fc.property(fc.array(toMcuFrame, { minLength: 1, maxLength: 8 }), fc.nat(), (frames, cutSeed) => {
        const bytes = stream(frames);
        const cut = cutSeed % (bytes.length + 1);
        const r = decodeAll(bytes.subarray(0, cut));
        let end = 0;
        const complete: DecodedFrame[] = [];
        for (const f of frames) {
          end += wire(f).length;
          if (end <= cut) complete.push(f);
        }
        expect(r.frames).toEqual(complete);
        expectBytesAccountedFor(r, cut);
      }),
      FC,
    );
  });

  it('never holds more than one maximal frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (noise) => {
        const r = recordingDecoder();
        for (const b of noise) {
          r.decoder.feedByte(b);
          expect(r.decoder.pending).toBeLessThanOrEqual(MAX_FRAME_LEN);
        }
        expectBytesAccountedFor(r, noise.length);
      }),
      { seed: 7, numRuns: 50 },
    );
  });
});
