import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compactFrames, encodeUp, firstFrameDelta, pb, riceFrameSizes, type FinalisedSession, type UpMessages } from '@parley/proto';
import { crc32 } from 'node:zlib';
import { decodeChunk } from '../../src/ingest/chunk-decode.js';
import { SessionAliases } from '../../src/ingest/session-aliases.js';
import { codeOf } from './support/reject-code.js';
import { readOggOpus } from '../../src/ingest/ogg/index.js';
import { startHarness, metricValue, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, digestOf, hex, newSessionId } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';

const FRAMES = realOpusFrames('0.wav');
const PER_CHUNK = 50;
const LIMITS = { maxChunkFrames: 500, maxSeq: 10_000_000 };
const framesOf = (seq: number): Uint8Array[] => FRAMES.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK);

/** An AudioChunk in the compact form: the session by its alias, the sizes Rice-coded, the first frame relative to seq x frames. */
function compactChunk(alias: number, seq: number, firstFrame: number, frames: Uint8Array[]): UpMessages['chunk'] {
  const { frames: _legacy, sessionId: _id, ...rest } = chunkMessage(new Uint8Array(16), seq, firstFrame, frames);
  return { ...rest, firstFrame: 0, firstFrameDelta: firstFrameDelta(seq, firstFrame, frames.length), sessionAlias: alias, ...compactFrames(frames) };
}

describe('chunk decoding, compact form', () => {
  const sid = newSessionId();

  it('gives the same session, frames, bytes and fields as the legacy form', () => {
    const aliases = new SessionAliases();
    aliases.announce(7, hex(sid));
    const frames = framesOf(0);
    const legacy = decodeChunk(encodeUp('chunk', chunkMessage(sid, 4, 200, frames)), LIMITS);
    const compact = decodeChunk(encodeUp('chunk', compactChunk(7, 4, 200, frames)), LIMITS, aliases);
    // 4 x 50 = 200: no first_frame_delta on the wire.
    expect(compactChunk(7, 4, 200, frames).firstFrameDelta).toBe(0);
    expect(decodeChunk(encodeUp('chunk', compactChunk(7, 4, 230, frames)), LIMITS, aliases).chunk.firstFrame).toBe(230);
    expect([compact.packed, compact.rice, compact.aliased]).toEqual([true, true, true]);
    expect([legacy.packed, legacy.rice, legacy.aliased]).toEqual([false, false, false]);
    expect(compact.frames).toEqual(frames);
    expect(compact.bytes).toBe(legacy.bytes);
    expect([compact.sessionHex, compact.chunk.seq, compact.chunk.firstFrame, compact.chunk.crc32]).toEqual([legacy.sessionHex, 4, 200, legacy.chunk.crc32]);
  });

  it('rejects malformed compact chunks and unannounced aliases with typed errors', () => {
    const aliases = new SessionAliases();
    aliases.announce(1, hex(sid));
    const data = Uint8Array.of(1, 2, 3, 4);
    const raw = (frameSizesRice: Uint8Array, extra: Partial<UpMessages['chunk']> = {}): Uint8Array =>
      encodeUp('chunk', { sessionAlias: 1, seq: 1, firstFrameDelta: 48, frameData: data, frameSizesRice, captureTimeMs: 1, crc32: crc32(data) >>> 0, ...extra });
    const cases: Array<[string, Uint8Array, SessionAliases | null, string]> = [
      ['Rice sizes adding up to less than the data', raw(riceFrameSizes([1, 2])), aliases, 'CHUNK_INVALID'],
      ['Rice sizes adding up to more than the data', raw(riceFrameSizes([2, 3])), aliases, 'CHUNK_INVALID'],
      ['a Rice parameter above 11', raw(Uint8Array.of(12, 0)), aliases, 'CHUNK_INVALID'],
      ['non-zero padding', raw(Uint8Array.of(2, 0b10111111)), aliases, 'CHUNK_INVALID'],
      ['varint and Rice sizes together', raw(riceFrameSizes([4]), { frameSizes: Uint8Array.of(4) }), aliases, 'CHUNK_INVALID'],
      ['both session_id and session_alias', raw(riceFrameSizes([4]), { sessionId: sid }), aliases, 'CHUNK_INVALID'],
      ['an alias not announced on the connection', raw(riceFrameSizes([4]), { sessionAlias: 2 }), aliases, 'SESSION_ALIAS_UNKNOWN'],
      ['an alias on a connection that announced none', raw(riceFrameSizes([4])), null, 'SESSION_ALIAS_UNKNOWN'],
      ['a CRC that does not match', raw(riceFrameSizes([4]), { crc32: 7 }), aliases, 'CHUNK_CRC_MISMATCH'],
      ['first_frame in the compact form', raw(riceFrameSizes([4]), { firstFrame: 50 }), aliases, 'CHUNK_INVALID'],
      ['a first frame below 0', raw(riceFrameSizes([4]), { firstFrameDelta: -2 }), aliases, 'CHUNK_INVALID'],
      ['first_frame_delta without Rice sizes', encodeUp('chunk', { sessionId: sid, seq: 1, firstFrameDelta: 3, frames: [data], crc32: crc32(data) >>> 0 }), aliases, 'CHUNK_INVALID'],
    ];
    for (const [name, payload, a, code] of cases) expect([name, codeOf(() => decodeChunk(payload, LIMITS, a))]).toEqual([name, code]);
    expect(codeOf(() => decodeChunk(raw(riceFrameSizes([1, 3])), LIMITS, aliases))).toBe('accepted');
    // seq 1 x 2 frames + 48 = frame 50.
    expect(decodeChunk(raw(riceFrameSizes([1, 3])), LIMITS, aliases).chunk.firstFrame).toBe(50);
  });

  it('an alias announced for two sessions names neither from then on', () => {
    const aliases = new SessionAliases();
    aliases.announce(3, hex(sid));
    aliases.announce(3, hex(sid));
    expect(aliases.resolve(3)).toBe(hex(sid));
    expect(codeOf(() => aliases.announce(3, hex(newSessionId())))).toBe('SESSION_ALIAS_CONFLICT');
    expect(codeOf(() => aliases.resolve(3))).toBe('SESSION_ALIAS_UNKNOWN');
    expect(codeOf(() => aliases.announce(3, hex(sid)))).toBe('SESSION_ALIAS_CONFLICT');
  });
});

describe('ingest of compact chunks', () => {
  let h: Harness | undefined;
  const badges: TestBadge[] = [];
  afterEach(async () => {
    for (const b of badges.splice(0)) await b.close();
    await h?.close();
    h = undefined;
  });

  async function connect(): Promise<TestBadge> {
    const b = await TestBadge.connect(h!.port, 'badge-001');
    badges.push(b);
    return b;
  }

  it('says CAPABILITY_COMPACT_CHUNKS in HelloReply unless configured off', async () => {
    h = await startHarness({ config: { fsyncIntervalMs: 5 } });
    const b = await connect();
    await b.send('hello', { deviceId: 'badge-001' });
    expect((await b.waitFor('hello-reply')).capabilities).toBe(pb.Capability.CAPABILITY_PACKED_FRAMES | pb.Capability.CAPABILITY_COMPACT_CHUNKS);
    await b.close();
    await h.close();
    h = await startHarness({ config: { fsyncIntervalMs: 5, compactChunks: false } });
    const off = await connect();
    await off.send('hello', { deviceId: 'badge-001' });
    expect((await off.waitFor('hello-reply')).capabilities).toBe(pb.Capability.CAPABILITY_PACKED_FRAMES);
  });

  it('stores chunks named by aliases from Hello and SessionStart; an alias unknown on the connection (or from a closed one) is rejected, loses nothing stored, and the resent chunk is stored', async () => {
    // compactChunks off: the gateway still takes every form, as a rolled-back gateway must.
    h = await startHarness({ config: { fsyncIntervalMs: 5, compactChunks: false } });
    const got: FinalisedSession[] = [];
    h.ingest.onFinalised(async (s) => void got.push(s));
    const older = newSessionId();
    const live = newSessionId();
    const codec = { codec: 0, sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 };

    // Connection 1: `older` announced in the Hello inventory as alias 1, `live` in its SessionStart as alias 2.
    let b = await connect();
    await b.send('hello', { deviceId: 'badge-001', backlog: [{ sessionId: older, firstSeq: 0, lastSeq: 0, hasChunks: true, sessionAlias: 1 }] });
    await b.waitFor('hello-reply');
    await b.send('session-start', { sessionId: older, staffId: 's', startTimeMs: 1_763_800_000_000, clockSynced: true, codec, sessionAlias: 1 });
    await b.send('chunk', compactChunk(1, 0, 0, framesOf(0)));
    const ackOlder = await b.waitFor('ack', (a) => hex(a.sessionId) === hex(older) && a.contiguousThrough === 0);
    expect(ackOlder.missing).toEqual([]);
    await b.send('session-start', { sessionId: live, staffId: 's', startTimeMs: 1_763_800_100_000, clockSynced: true, codec, sessionAlias: 2 });
    await b.send('chunk', compactChunk(2, 0, 0, framesOf(1)));
    await b.waitFor('ack', (a) => hex(a.sessionId) === hex(live) && a.contiguousThrough === 0);
    // An alias never announced: rejected, counted, not stored, not acknowledged.
    await b.send('chunk', compactChunk(9, 1, PER_CHUNK, framesOf(2)));
    await h.ingest.flush();
    expect(await metricValue(h.registry, 'parley_ingest_rejects_total', { reason: 'SESSION_ALIAS_UNKNOWN' })).toBe(1);
    await b.close();

    // Connection 2: the aliases of connection 1 mean nothing; the badge announces again and resends.
    b = await connect();
    await b.send('chunk', compactChunk(2, 1, PER_CHUNK, framesOf(2)));
    await h.ingest.flush();
    expect(await metricValue(h.registry, 'parley_ingest_rejects_total', { reason: 'SESSION_ALIAS_UNKNOWN' })).toBe(2);
    await b.send('hello', { deviceId: 'badge-001', backlog: [{ sessionId: live, firstSeq: 1, lastSeq: 1, hasChunks: true, sessionAlias: 5 }] });
    const reply = await b.waitFor('hello-reply');
    // What connection 1 stored is still there: the resume point asks for seq 1 only.
    expect(reply.resume.map((r) => [hex(r.sessionId), r.receivedThrough])).toEqual([[hex(live), 0]]);
    await b.send('chunk', compactChunk(5, 1, PER_CHUNK, framesOf(2)));
    await b.waitFor('ack', (a) => hex(a.sessionId) === hex(live) && a.contiguousThrough === 1);
    const frames = [...framesOf(1), ...framesOf(2)];
    await b.send('session-end', { sessionId: live, reason: 1, endTimeMs: 1_763_800_102_000, clockSynced: true, totalFrames: frames.length, totalBytes: frames.reduce((n, f) => n + f.length, 0), totalChunks: 2, digest: digestOf(frames) });
    await b.waitFor('ack', (a) => hex(a.sessionId) === hex(live) && a.complete);
    await h.ingest.idle();
    expect(got.map((s) => s.sessionId)).toEqual([hex(live)]);
    const ogg = readOggOpus(readFileSync(got[0]!.audioPath));
    expect(ogg.packets.map((p) => Buffer.from(p).toString('base64'))).toEqual(frames.map((p) => Buffer.from(p).toString('base64')));
  });

  it('a conflicting alias announcement is rejected and the chunks naming it are not stored under either session', async () => {
    h = await startHarness({ config: { fsyncIntervalMs: 5 } });
    const a = newSessionId();
    const c = newSessionId();
    const b = await connect();
    await b.send('hello', { deviceId: 'badge-001', backlog: [{ sessionId: a, firstSeq: 0, lastSeq: 0, hasChunks: true, sessionAlias: 4 }] });
    await b.waitFor('hello-reply');
    await b.send('session-start', { sessionId: c, staffId: 's', startTimeMs: 1_763_800_000_000, clockSynced: true, sessionAlias: 4 });
    await b.send('chunk', compactChunk(4, 0, 0, framesOf(0)));
    // The session named by its id still goes through on the same connection.
    await b.send('chunk', { ...chunkMessage(c, 0, 0, framesOf(0)) });
    await b.waitFor('ack', (m) => hex(m.sessionId) === hex(c) && m.contiguousThrough === 0);
    expect(await metricValue(h.registry, 'parley_ingest_rejects_total', { reason: 'SESSION_ALIAS_CONFLICT' })).toBe(1);
    expect(await metricValue(h.registry, 'parley_ingest_rejects_total', { reason: 'SESSION_ALIAS_UNKNOWN' })).toBe(1);
    await b.send('hello', { deviceId: 'badge-001', backlog: [{ sessionId: a, firstSeq: 0, lastSeq: 0, hasChunks: true }] });
    expect((await b.waitFor('hello-reply')).resume.map((r) => r.receivedThrough)).toEqual([-1]);
  });
});
