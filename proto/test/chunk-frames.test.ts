import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as device from '../device/badge-codec.js';
import { chunkFrames, crc32, decodeUp, encodeUp, isPackedChunk, packFrames, ProtocolError } from '../src/index.js';

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
