import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as device from '../device/badge-codec.js';
import { chunkFirstFrame, chunkFrames, compactFrames, firstFrameDelta, crc32, decodeUp, encodeUp, isPackedChunk, isRiceChunk, packFrames, ProtocolError, riceFrameSizes } from '../src/index.js';

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(code);
    return;
  }
  expect.fail(`expected a ProtocolError ${code}`);
}

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const frameArb = fc.uint8Array({ minLength: 1, maxLength: 1275 });

describe('AudioChunk frame forms', () => {
  it('packs frames as their concatenation and one varint per frame', () => {
    const packed = packFrames([bytes(1, 2, 3), bytes(4), new Uint8Array(128).fill(9), new Uint8Array(1275).fill(7)]);
    expect(packed.frameData.length).toBe(3 + 1 + 128 + 1275);
    expect(Buffer.from(packed.frameSizes).toString('hex')).toBe('0301' + '8001' + 'fb09');
  });

  it('reads either form back to the same frames, through both codecs', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 60 }), (frames) => {
        const legacy = decodeUp('chunk', encodeUp('chunk', { seq: 3, frames }));
        const packedBytes = device.encode(device.AudioChunk, { seq: 3, ...packFrames(frames) });
        const packed = decodeUp('chunk', packedBytes);
        expect(isPackedChunk(legacy)).toBe(false);
        expect(isPackedChunk(packed)).toBe(true);
        expect(chunkFrames(legacy)).toEqual(frames);
        expect(chunkFrames(packed)).toEqual(frames);
        expect(chunkFrames(device.decode(device.AudioChunk, packedBytes))).toEqual(frames);
        // The CRC is over the same bytes in both forms.
        let crc = 0;
        for (const f of frames) crc = crc32(f, crc);
        expect(crc32(packed.frameData, 0)).toBe(crc);
      }),
      { numRuns: 100 },
    );
  });

  it('views into the chunk bytes, no copy', () => {
    const packed = decodeUp('chunk', encodeUp('chunk', packFrames([bytes(1, 2), bytes(3)])));
    const frames = chunkFrames(packed);
    expect(frames[0]?.buffer).toBe(packed.frameData.buffer);
    expect(frames[1]?.byteOffset).toBe(packed.frameData.byteOffset + 2);
  });

  it('a chunk with no frames in either form has none', () => {
    expect(chunkFrames(decodeUp('chunk', encodeUp('chunk', { seq: 1 })))).toEqual([]);
  });

  it('rejects a chunk carrying both forms', () => {
    const both = { frames: [bytes(1)], frameData: bytes(1), frameSizes: bytes(1) };
    expectCode(() => chunkFrames(both), 'PROTO_CHUNK_FORMS');
    expectCode(() => chunkFrames({ frames: [bytes(1)], frameSizes: bytes(1) }), 'PROTO_CHUNK_FORMS');
    expectCode(() => chunkFrames({ frames: [bytes(1)], frameData: bytes(1) }), 'PROTO_CHUNK_FORMS');
  });

  it('rejects frame sizes that do not match the frame data', () => {
    // Sizes add up to less, to more, data without sizes, sizes without data.
    expectCode(() => chunkFrames({ frameData: bytes(1, 2, 3), frameSizes: bytes(2) }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: bytes(1, 2, 3), frameSizes: bytes(2, 2) }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: bytes(1, 2, 3), frameSizes: bytes() }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: bytes(), frameSizes: bytes(1) }), 'PROTO_FRAME_SIZES');
    // A zero-size frame, a truncated varint, an over-long varint.
    expectCode(() => chunkFrames({ frameData: bytes(1, 2), frameSizes: bytes(1, 0, 1) }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: new Uint8Array(200), frameSizes: bytes(0xc8) }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: bytes(1), frameSizes: bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x00) }), 'PROTO_FRAME_SIZES');
    // A size past 2^32-1 (5-byte varint with the top bits set).
    expectCode(() => chunkFrames({ frameData: bytes(1), frameSizes: bytes(0xff, 0xff, 0xff, 0xff, 0x7f) }), 'PROTO_FRAME_SIZES');
  });

  it('stops at maxFrames before making the views', () => {
    const packed = packFrames(Array.from({ length: 10 }, () => bytes(1)));
    expect(chunkFrames(packed, 10)).toHaveLength(10);
    expectCode(() => chunkFrames(packed, 9), 'PROTO_FRAME_SIZES');
  });

  it('refuses to pack an empty frame (the packed form has no room for one)', () => {
    expectCode(() => packFrames([bytes(1), bytes()]), 'PROTO_ENCODE');
  });
});

describe('Rice-coded frame sizes (frame_sizes_rice)', () => {
  const sizedFrames = (sizes: number[]): Uint8Array[] => sizes.map((n, i) => new Uint8Array(n).fill(i & 0xff));

  it('codes sizes bit by bit as documented: k, then per frame q one-bits, a zero, k low bits; zero padding', () => {
    // k = 2; sizes 5, 7, 6, 6: values 4 (5-1), 4 (zigzag +2), 1 (zigzag -1), 0.
    // 4 = q 1 r 00: "10 00"; 4: "10 00"; 1 = q 0 r 01: "0 01"; 0: "0 00" -> 1000 1000 0010 00|00
    expect(Buffer.from(riceFrameSizes([5, 7, 6, 6], 2)).toString('hex')).toBe('02' + '88' + '20');
    // k = 0, one frame of 1 byte: value 0 -> "0" then 7 padding bits.
    expect(Buffer.from(riceFrameSizes([1], 0)).toString('hex')).toBe('0000');
    // No frames: the lone parameter byte.
    expect(Buffer.from(riceFrameSizes([], 3)).toString('hex')).toBe('03');
    const frames = sizedFrames([5, 7, 6, 6]);
    expect(chunkFrames({ frameData: compactFrames(frames).frameData, frameSizesRice: bytes(0x02, 0x88, 0x20) })).toEqual(frames);
  });

  it('chooses the parameter with the fewest bits by default', () => {
    const sizes = [40, 38, 45, 12, 60, 41, 39, 39, 70, 33];
    const best = riceFrameSizes(sizes);
    for (let k = 0; k <= 11; k++) expect(best.length).toBeLessThanOrEqual(riceFrameSizes(sizes, k).length);
  });

  it('reads every size list back, any parameter, through both codecs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1275 }), { minLength: 1, maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }), (sizes, k) => {
        const frames = sizedFrames(sizes);
        const compact = compactFrames(frames, k);
        const wire = device.encode(device.AudioChunk, { seq: 3, sessionAlias: 2, ...compact });
        const chunk = decodeUp('chunk', wire);
        expect(isPackedChunk(chunk)).toBe(true);
        expect(isRiceChunk(chunk)).toBe(true);
        expect(chunk.sessionAlias).toBe(2);
        expect(chunkFrames(chunk)).toEqual(frames);
        expect(chunkFrames(device.decode(device.AudioChunk, wire))).toEqual(frames);
      }),
      { numRuns: 200 },
    );
  }, 30_000); // ~1 s alone; 200 encode/decode rounds took over 5 s on a CI machine busy with the other projects

  it('rejects codes that do not match the frame data', () => {
    const data = new Uint8Array(18);
    const good = riceFrameSizes([5, 7, 6], 2);
    expect(chunkFrames({ frameData: data, frameSizesRice: good })).toHaveLength(3);
    // Too little data, too much data, parameter out of range.
    expectCode(() => chunkFrames({ frameData: data.subarray(0, 17), frameSizesRice: good }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: new Uint8Array(30), frameSizesRice: good }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: data, frameSizesRice: bytes(12, ...good.subarray(1)) }), 'PROTO_FRAME_SIZES');
    // A spare byte after the codes, padding that is not zero.
    expectCode(() => chunkFrames({ frameData: data, frameSizesRice: bytes(...good, 0) }), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFrames({ frameData: new Uint8Array(5), frameSizesRice: bytes(0x02, 0x81) }), 'PROTO_FRAME_SIZES');
    // A size that goes to 0 or below (5, then -5: zigzag 9 = q 2 r 01 with k 2 -> "110 01").
    expectCode(() => chunkFrames({ frameData: new Uint8Array(10), frameSizesRice: bytes(0x02, 0x8c, 0x80) }), 'PROTO_FRAME_SIZES');
    // A first size past 1275 (k 11: value 1275 = "0" + 10011111011, 4 padding bits -> size 1276).
    expectCode(() => chunkFrames({ frameData: new Uint8Array(1276), frameSizesRice: bytes(0x0b, 0x4f, 0xb0) }), 'PROTO_FRAME_SIZES');
    // A never-ending quotient (all one-bits).
    expectCode(() => chunkFrames({ frameData: new Uint8Array(4000), frameSizesRice: bytes(0, ...new Array<number>(400).fill(0xff)) }), 'PROTO_FRAME_SIZES');
    // Both size fields, and Rice sizes beside legacy frames.
    expectCode(() => chunkFrames({ frameData: data, frameSizes: bytes(5, 7, 6), frameSizesRice: good }), 'PROTO_CHUNK_FORMS');
    expectCode(() => chunkFrames({ frames: [bytes(1)], frameSizesRice: good }), 'PROTO_CHUNK_FORMS');
  });

  it('stops at maxFrames', () => {
    const compact = compactFrames(sizedFrames(new Array<number>(10).fill(3)));
    expect(chunkFrames(compact, 10)).toHaveLength(10);
    expectCode(() => chunkFrames(compact, 9), 'PROTO_FRAME_SIZES');
  });

  it('refuses sizes it cannot code', () => {
    expectCode(() => riceFrameSizes([0]), 'PROTO_ENCODE');
    expectCode(() => riceFrameSizes([1276]), 'PROTO_ENCODE');
    expectCode(() => riceFrameSizes([5], 12), 'PROTO_ENCODE');
  });

  it('gives the first frame index from first_frame, or in the compact form from seq x frames + first_frame_delta', () => {
    const rice = riceFrameSizes([1, 1]);
    expect(chunkFirstFrame({ seq: 7, firstFrame: 350 }, 50)).toBe(350);
    expect(chunkFirstFrame({ seq: 7, frameSizesRice: rice }, 50)).toBe(350);
    expect(chunkFirstFrame({ seq: 7, frameSizesRice: rice, firstFrameDelta: firstFrameDelta(7, 333, 50) }, 50)).toBe(333);
    expect(firstFrameDelta(7, 350, 50)).toBe(0);
    expectCode(() => chunkFirstFrame({ seq: 7, firstFrame: 350, frameSizesRice: rice }, 50), 'PROTO_CHUNK_FORMS');
    expectCode(() => chunkFirstFrame({ seq: 7, firstFrame: 350, firstFrameDelta: 1 }, 50), 'PROTO_CHUNK_FORMS');
    expectCode(() => chunkFirstFrame({ seq: 0, frameSizesRice: rice, firstFrameDelta: -1 }, 50), 'PROTO_FRAME_SIZES');
    expectCode(() => chunkFirstFrame({ seq: 0xffffffff, frameSizesRice: rice }, 2), 'PROTO_FRAME_SIZES');
  });
});
