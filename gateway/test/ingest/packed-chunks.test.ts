import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeUp, packFrames, pb, type FinalisedSession, type UpMessages } from '@parley/proto';
import { decodeChunk } from '../../src/ingest/chunk-decode.js';
import { codeOf } from './support/reject-code.js';
import { readOggOpus } from '../../src/ingest/ogg/index.js';
import { startHarness, metricValue, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, digestOf, newSessionId } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';

const FRAMES = realOpusFrames('0.wav');
const PER_CHUNK = 50;
const LIMITS = { maxChunkFrames: 500, maxSeq: 10_000_000 };

const framesOf = (seq: number): Uint8Array[] => FRAMES.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK);

/** An AudioChunk in the packed form (frame_data + frame_sizes) with a correct CRC. */
function packedChunk(sessionId: Uint8Array, seq: number, firstFrame: number, frames: Uint8Array[]): UpMessages['chunk'] {
  const { frames: _legacy, ...rest } = chunkMessage(sessionId, seq, firstFrame, frames);
  return { ...rest, ...packFrames(frames) };
}

/** A packed chunk whose frame_data/frame_sizes are given as is (CRC over the data). */
function rawPacked(sessionId: Uint8Array, seq: number, frameData: Uint8Array, frameSizes: Uint8Array): UpMessages['chunk'] {
  return { sessionId, seq, firstFrame: seq * PER_CHUNK, frameData, frameSizes, captureTimeMs: 1, clockSynced: true, crc32: crc32(frameData) >>> 0 };
}

describe('chunk decoding, both frame forms', () => {
  const sid = newSessionId();

  it('gives the same frames, bytes and fields for the legacy and the packed form', () => {
    const frames = framesOf(0);
    const legacy = decodeChunk(encodeUp('chunk', chunkMessage(sid, 4, 200, frames)), LIMITS);
    const packed = decodeChunk(encodeUp('chunk', packedChunk(sid, 4, 200, frames)), LIMITS);
    expect(legacy.packed).toBe(false);
    expect(packed.packed).toBe(true);
    expect(packed.frames).toEqual(frames);
    expect(legacy.frames).toEqual(frames);
    expect(packed.bytes).toBe(legacy.bytes);
    expect([packed.sessionHex, packed.chunk.seq, packed.chunk.firstFrame, packed.chunk.crc32]).toEqual([legacy.sessionHex, 4, 200, legacy.chunk.crc32]);
  });

  it('rejects malformed packed chunks with typed errors', () => {
    const data = Uint8Array.of(1, 2, 3, 4);
    const cases: Array<[string, UpMessages['chunk'], string]> = [
      ['sizes add up to less than the data', rawPacked(sid, 1, data, Uint8Array.of(1, 2)), 'CHUNK_INVALID'],
      ['sizes add up to more than the data', rawPacked(sid, 1, data, Uint8Array.of(2, 3)), 'CHUNK_INVALID'],
      ['a zero-size frame', rawPacked(sid, 1, data, Uint8Array.of(2, 0, 2)), 'CHUNK_INVALID'],
      ['a truncated size varint', rawPacked(sid, 1, data, Uint8Array.of(4, 0x80)), 'CHUNK_INVALID'],
      ['data without sizes', rawPacked(sid, 1, data, new Uint8Array(0)), 'CHUNK_INVALID'],
      ['sizes without data', rawPacked(sid, 1, new Uint8Array(0), Uint8Array.of(4)), 'CHUNK_INVALID'],
      ['a frame over 1275 bytes', rawPacked(sid, 1, new Uint8Array(1276).fill(9), Uint8Array.of(0xfc, 0x09)), 'CHUNK_INVALID'],
      ['more frames than maxChunkFrames', rawPacked(sid, 1, new Uint8Array(501).fill(9), new Uint8Array(501).fill(1)), 'CHUNK_INVALID'],
      ['both forms', { ...rawPacked(sid, 1, data, Uint8Array.of(4)), frames: [data] }, 'CHUNK_INVALID'],
      ['a CRC that does not match frame_data', { ...rawPacked(sid, 1, data, Uint8Array.of(4)), crc32: 7 }, 'CHUNK_CRC_MISMATCH'],
      ['a 15-byte session id', rawPacked(new Uint8Array(15), 1, data, Uint8Array.of(4)), 'SESSION_ID_INVALID'],
    ];
    for (const [name, message, code] of cases) expect([name, codeOf(() => decodeChunk(encodeUp('chunk', message), LIMITS))]).toEqual([name, code]);
    expect(codeOf(() => decodeChunk(encodeUp('chunk', rawPacked(sid, 1, data, Uint8Array.of(1, 3))), LIMITS))).toBe('accepted');
  });
});

describe('ingest of packed chunks', () => {
  let h: Harness | undefined;
  const badges: TestBadge[] = [];
  afterEach(async () => {
    for (const b of badges.splice(0)) await b.close();
    await h?.close();
    h = undefined;
  });

  async function setup(config: Record<string, unknown> = {}): Promise<TestBadge> {
    h = await startHarness({ config: { fsyncIntervalMs: 5, ...config } });
    const b = await TestBadge.connect(h.port, 'badge-001');
    badges.push(b);
    return b;
  }

  it('says CAPABILITY_PACKED_FRAMES in HelloReply unless configured off', async () => {
    const b = await setup({ compactChunks: false });
    await b.send('hello', { deviceId: 'badge-001' });
    expect((await b.waitFor('hello-reply')).capabilities).toBe(pb.Capability.CAPABILITY_PACKED_FRAMES);
    await b.close();
    await h!.close();
    const old = await setup({ packedFrames: false, compactChunks: false });
    await old.send('hello', { deviceId: 'badge-001' });
    expect((await old.waitFor('hello-reply')).capabilities).toBe(0);
  });

  it('finalises a session whose chunks came in both forms into the same Ogg packets; malformed packed chunks are rejected, counted, and lose nothing stored', async () => {
    // An "old" gateway config still accepts packed chunks: the capability only tells badges what to send.
    const b = await setup({ packedFrames: false });
    const sid = newSessionId();
    const got: FinalisedSession[] = [];
    h!.ingest.onFinalised(async (s) => void got.push(s));
    await b.send('session-start', { sessionId: sid, staffId: 'staff-7', startTimeMs: 1_763_800_000_000, clockSynced: true, codec: { codec: 0, sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 } });
    await b.send('chunk', packedChunk(sid, 0, 0, framesOf(0)));
    await b.send('chunk', chunkMessage(sid, 1, PER_CHUNK, framesOf(1)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 1);

    const data = Uint8Array.of(1, 2, 3, 4);
    await b.send('chunk', rawPacked(sid, 2, data, Uint8Array.of(1, 2)));
    await b.send('chunk', rawPacked(sid, 2, data, Uint8Array.of(2, 0, 2)));
    await b.send('chunk', rawPacked(sid, 2, new Uint8Array(1276).fill(9), Uint8Array.of(0xfc, 0x09)));
    await b.send('chunk', { ...packedChunk(sid, 2, 2 * PER_CHUNK, framesOf(2)), frames: framesOf(2) });
    await h!.ingest.flush();
    expect(await metricValue(h!.registry, 'parley_ingest_rejects_total', { reason: 'CHUNK_INVALID' })).toBe(4);
    expect(h!.logs.filter((l) => l.code === 'CHUNK_INVALID').map((l) => l.msg.replace(/.*: /, ''))).toEqual([
      'frame sizes add up to 3, frame_data has 4 bytes',
      'frame 1 has size 0',
      'frame 0 has 1276 bytes (1..1275)',
      `${PER_CHUNK} frames and ${PER_CHUNK} bytes of frame_sizes`,
    ]);

    await b.send('chunk', packedChunk(sid, 2, 2 * PER_CHUNK, framesOf(2)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 2);
    const frames = FRAMES.slice(0, 3 * PER_CHUNK);
    await b.send('session-end', { sessionId: sid, reason: 1, endTimeMs: 1_763_800_003_000, clockSynced: true, totalFrames: frames.length, totalBytes: frames.reduce((n, f) => n + f.length, 0), totalChunks: 3, digest: digestOf(frames) });
    await b.waitFor('ack', (a) => a.complete);
    await h!.ingest.idle();
    expect(got).toHaveLength(1);
    const ogg = readOggOpus(readFileSync(got[0]!.audioPath));
    expect(ogg.packets.map((p) => Buffer.from(p).toString('base64'))).toEqual(frames.map((p) => Buffer.from(p).toString('base64')));
  });
});
