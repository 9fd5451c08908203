import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkFirstFrame, chunkFrames, compactFrames, decodeUp, encodeUp, firstFrameDelta, packFrames, pb, riceFrameSizes } from '@parley/proto';
import type { DecodedUp } from '@parley/proto';
import * as device from '@parley/proto/device';
import { FORM_COMPACT, FORM_LEGACY, FORM_PACKED, wireChunk } from '../../src/core/chunk-form.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { frameBytes, hexOf, makeRig } from '../support/rig.js';
import type { Rig } from '../support/rig.js';

const sessionId = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
const frameArb = fc.uint8Array({ minLength: 1, maxLength: 1275 });

function tap(rig: Rig): void {
  rig.platform.button.press(80);
  rig.clock.advance(DOUBLE_GAP_MS + 100);
}

const legacyChunk = (chunk: Uint8Array): Uint8Array => wireChunk(chunk, FORM_LEGACY, 0, false);

describe('wireChunk FORM_LEGACY: a packed AudioChunk rewritten in the legacy form', () => {
  it('carries the same frames and every other field, with nothing of the packed form left', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 60 }), fc.nat(), fc.boolean(), (frames, seq, backlog) => {
        const fields = { sessionId, seq, firstFrame: seq * 2, captureTimeMs: 1_795_000_000_000 + seq, clockSynced: true, crc32: 0xdeadbeef, backlog };
        const packed = device.encode(device.AudioChunk, { ...fields, ...packFrames(frames) });
        const legacy = decodeUp('chunk', legacyChunk(packed));
        expect(legacy).toEqual({ ...fields, frames, frameData: new Uint8Array(0), frameSizes: new Uint8Array(0), sessionAlias: 0, frameSizesRice: new Uint8Array(0), firstFrameDelta: 0 });
        // Byte for byte what encoding the legacy form directly gives, apart from field order.
        expect(legacyChunk(packed).length).toBe(encodeUp('chunk', { ...fields, frames }).length);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the packed fields anywhere among the others (any field order, unknown fields kept)', () => {
    const { frameData, frameSizes } = packFrames([Uint8Array.of(1, 2), Uint8Array.of(3)]);
    const head = encodeUp('chunk', { frameSizes });
    const middle = encodeUp('chunk', { seq: 9, crc32: 5 });
    const unknown = Uint8Array.of(0xa0, 0x06, 0x96, 0x01, 0xa9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8);
    const tail = encodeUp('chunk', { frameData });
    const joined = new Uint8Array([...head, ...middle, ...unknown, ...tail]);
    const legacy = decodeUp('chunk', legacyChunk(joined));
    expect(chunkFrames(legacy)).toEqual([Uint8Array.of(1, 2), Uint8Array.of(3)]);
    expect([legacy.seq, legacy.crc32, legacy.frameData.length, legacy.frameSizes.length]).toEqual([9, 5, 0, 0]);
    expect(Buffer.from(legacyChunk(joined)).toString('hex')).toBe(Buffer.from([...middle, ...unknown, 0x22, 2, 1, 2, 0x22, 1, 3]).toString('hex'));
  });

  it('returns a legacy chunk, and bytes it cannot rewrite, as they are (in every form)', () => {
    const legacy = encodeUp('chunk', { sessionId, seq: 1, frames: [Uint8Array.of(1)] });
    const mismatched = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3), frameSizes: Uint8Array.of(2) });
    const dataOnly = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3) });
    const zeroSize = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3), frameSizes: Uint8Array.of(3, 0) });
    const truncatedSize = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3), frameSizes: Uint8Array.of(0x83) });
    const truncated = Uint8Array.of(0x4a, 0x05, 1, 2);
    const badWire = Uint8Array.of(0x0f, 0x00);
    for (const bytes of [legacy, mismatched, dataOnly, zeroSize, truncatedSize, truncated, badWire]) {
      for (const form of [FORM_LEGACY, FORM_PACKED, FORM_COMPACT]) {
        expect(wireChunk(bytes, form, 3, false)).toBe(bytes);
        // Marked as backlog: the same bytes and field 8 = true.
        expect(Buffer.from(wireChunk(bytes, form, 3, true)).toString('hex')).toBe(Buffer.from(bytes).toString('hex') + '4001');
      }
    }
    // A frame over 1275 bytes has no Rice code: sent packed as it is, and the gateway rejects it.
    const huge = encodeUp('chunk', { sessionId, seq: 1, ...packFrames([new Uint8Array(1276)]) });
    expect(wireChunk(huge, FORM_COMPACT, 1, false)).toBe(huge);
  });
});

describe('wireChunk FORM_COMPACT: the session alias and Rice-coded sizes', () => {
  it('carries the same frames and every other field, the alias instead of the session id, the sizes Rice-coded', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 60 }), fc.nat({ max: 100_000 }), fc.boolean(), fc.integer({ min: 0, max: 300 }), fc.integer({ min: -60, max: 60 }), (frames, seq, backlog, alias, shift) => {
        // Chunks of equal frame counts start at seq x frames; a shorter or longer one before shifts the rest.
        const firstFrame = Math.max(0, seq * frames.length + shift);
        const fields = { seq, captureTimeMs: 1_795_000_000_000 + seq, clockSynced: true, crc32: 0xdeadbeef };
        const packed = device.encode(device.AudioChunk, { sessionId, ...fields, firstFrame, ...packFrames(frames) });
        const wire = wireChunk(packed, FORM_COMPACT, alias, backlog);
        const compact = decodeUp('chunk', wire);
        expect(chunkFrames(compact)).toEqual(frames);
        expect(compact.frameSizes.length).toBe(0);
        expect(compact.frameSizesRice.length).toBeGreaterThan(0);
        expect({ ...compact, frameData: null, frameSizesRice: null }).toEqual({
          ...fields, backlog, frames: [], frameData: null, frameSizes: new Uint8Array(0), frameSizesRice: null,
          sessionId: alias > 0 ? new Uint8Array(0) : sessionId, sessionAlias: alias,
          firstFrame: 0, firstFrameDelta: firstFrame - seq * frames.length,
        });
        expect(chunkFirstFrame(compact, frames.length)).toBe(firstFrame);
        // The Rice code is what the Node encoder makes with the badge's parameter: floor(log2(mean value)).
        const sizes = frames.map((f) => f.length);
        const values = sizes.map((n, i) => (i === 0 ? n - 1 : n >= sizes[i - 1]! ? 2 * (n - sizes[i - 1]!) : 2 * (sizes[i - 1]! - n) - 1));
        let k = 0;
        while (k < 11 && values.length * 2 ** (k + 1) <= values.reduce((a, b) => a + b, 0)) k++;
        expect(Buffer.from(compact.frameSizesRice).toString('hex')).toBe(Buffer.from(riceFrameSizes(sizes, k)).toString('hex'));
        // Exactly the bytes of the message encoded directly (the compact fields come last, as the codec orders them).
        const direct = device.encode(device.AudioChunk, {
          ...fields, backlog: false, sessionAlias: alias, sessionId: alias > 0 ? new Uint8Array(0) : sessionId, ...compactFrames(frames, k),
          firstFrameDelta: firstFrameDelta(seq, firstFrame, frames.length),
        });
        expect(Buffer.from(wire).toString('hex')).toBe(Buffer.from(direct).toString('hex') + (backlog ? '4001' : ''));
      }),
      { numRuns: 150 },
    );
  });

  it('is smaller than the packed form on real speech by the session id and about a third of the sizes', () => {
    // One second of the drain benchmark's speech (corpus dev-001, libopus 16 kbps VBR): its frame sizes.
    const speech = [42, 34, 30, 56, 40, 40, 46, 29, 46, 40, 49, 43, 47, 41, 46, 38, 38, 36, 43, 41, 32, 34, 45, 42, 32, 38, 36, 29, 30, 29, 54, 39, 45, 38, 28, 47, 36, 55, 36, 35, 29, 48, 41, 50, 32, 48, 47, 56, 36, 35];
    const frames = speech.map((n, i) => new Uint8Array(n).fill(i));
    const packed = device.encode(device.AudioChunk, { sessionId, seq: 7, firstFrame: 350, captureTimeMs: 1_795_000_000_000, clockSynced: true, crc32: 1, ...packFrames(frames) });
    const compact = wireChunk(packed, FORM_COMPACT, 1, false);
    const sizes = packFrames(frames).frameSizes.length;
    // 18 bytes of session id become 2 of alias; 50 size bytes become ~35; first_frame (350 = 7 x 50) is implied.
    expect(packed.length - compact.length).toBeGreaterThan(16 + Math.floor(sizes / 5) + 3);
    expect(wireChunk(packed, FORM_PACKED, 1, false)).toBe(packed);
  });
});

describe('badge: chunk frame form follows the gateway capability', () => {
  function record(rig: Rig, ms: number): string {
    tap(rig);
    rig.speak(ms);
    tap(rig);
    return hexOf((rig.gw.of('session-start').at(-1) as DecodedUp<'session-start'>).sessionId);
  }

  function expectWhole(rig: Rig, hex: string, frames: number): void {
    const got = rig.gw.frames(hex);
    expect(got).toHaveLength(frames);
    for (let i = 0; i < frames; i++) expect(got[i]).toEqual(frameBytes(i));
  }

  it('records chunks packed in flash and sends them compact to a gateway that says it takes them (alias from the Hello inventory)', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.gw.online = false;
    rig.gw.drop();
    tap(rig);
    rig.speak(3000);
    const s = rig.badge.spool.sessions()[0]!;
    const stored = decodeUp('chunk', rig.badge.spool.readChunk(s.row(), 0)!);
    expect([stored.frames.length, stored.frameSizes.length, stored.frameData.length, stored.sessionId.length]).toEqual([0, 50, 50 * 40, 16]);
    tap(rig);
    rig.gw.online = true;
    rig.clock.advance(60_000);
    expectWhole(rig, s.hex, 150);
    expect(rig.gw.chunkForms).toEqual({ legacy: 0, packed: 0, compact: 3 });
    expect([rig.gw.aliasedChunks, rig.gw.unknownAliasChunks]).toEqual([3, 0]);
    const hello = rig.gw.of('hello').at(-1) as DecodedUp<'hello'>;
    expect(hello.backlog.map((b) => b.sessionAlias)).toEqual([1]);
    expect(rig.gw.sessions[s.hex]?.complete).toBe(true);
  });

  it('a session started on the connection is announced in its SessionStart and named by it once a chunk of it is acked; packed form (with the session id) to a gateway with only CAPABILITY_PACKED_FRAMES', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    const live = record(rig, 2000);
    rig.clock.advance(30_000);
    expectWhole(rig, live, 100);
    const start = rig.gw.of('session-start').at(-1) as DecodedUp<'session-start'>;
    expect(start.sessionAlias).toBe(1);
    expect(rig.gw.chunkForms).toEqual({ legacy: 0, packed: 0, compact: 2 });
    // Seq 0 by the session id (the SessionStart could still be behind it), seq 1 after its ack by the alias.
    const sent = rig.gw.of('chunk') as DecodedUp<'chunk'>[];
    expect(sent.map((c) => [c.seq, c.sessionAlias, c.sessionId.length])).toEqual([[0, 0, 16], [1, 1, 0]]);
    expect(rig.gw.aliasedChunks).toBe(1);
    expect(rig.gw.lastQos).toMatchObject({ chunk: 0, 'session-start': 1, 'session-end': 1 });
    // Compact chunks go under the short chunk topic.
    expect(rig.gw.lastTopic.chunk).toBe('badges/' + rig.badge.identity.deviceId + '/up/c');

    rig.gw.online = false;
    rig.gw.drop();
    rig.gw.capabilities = pb.Capability.CAPABILITY_PACKED_FRAMES;
    const second = record(rig, 2000);
    rig.gw.online = true;
    rig.clock.advance(120_000);
    expectWhole(rig, second, 100);
    expect(rig.gw.chunkForms).toEqual({ legacy: 0, packed: 2, compact: 2 });
    expect(rig.gw.aliasedChunks).toBe(1);
    // Packed chunks at QoS 1 (as every other publish); compact ones at QoS 0 (the ChunkAck is what counts).
    expect(rig.gw.lastQos).toMatchObject({ chunk: 1, 'session-start': 1, 'session-end': 1, hello: 1 });
    expect(rig.gw.lastTopic.chunk).toMatch(/\/up\/chunk$/);
    // The stored SessionStart goes as it is to a gateway without compact chunks.
    expect((rig.gw.of('session-start').at(-1) as DecodedUp<'session-start'>).sessionAlias).toBe(0);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
  });

  it('sends the legacy form to a gateway without capabilities, and switches when a later connection has them', () => {
    const rig = makeRig();
    rig.gw.capabilities = pb.Capability.CAPABILITY_NONE;
    rig.clock.advance(500);
    const first = record(rig, 2000);
    rig.clock.advance(30_000);
    expectWhole(rig, first, 100);
    expect(rig.gw.chunkForms).toEqual({ legacy: 2, packed: 0, compact: 0 });
    expect(rig.gw.sessions[first]?.complete).toBe(true);

    // The gateway is upgraded: the next connection's HelloReply has the capabilities.
    rig.gw.online = false;
    rig.gw.drop();
    rig.gw.capabilities = pb.Capability.CAPABILITY_PACKED_FRAMES | pb.Capability.CAPABILITY_COMPACT_CHUNKS;
    const second = record(rig, 2000);
    rig.gw.online = true;
    rig.clock.advance(120_000);
    expectWhole(rig, second, 100);
    expect(rig.gw.chunkForms).toEqual({ legacy: 2, packed: 0, compact: 2 });
    expect(rig.badge.spool.sessions()).toHaveLength(0);
  });

  it('chunks whose alias the gateway does not know are sent again with the session id after the ack timeout: nothing lost', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.gw.online = false;
    rig.gw.drop();
    tap(rig);
    rig.speak(3000);
    tap(rig);
    const s = rig.badge.spool.sessions()[0]!;
    // A gateway that refused the announcements (e.g. as conflicting): every alias is unknown on this connection.
    const receive = rig.gw.receive.bind(rig.gw);
    rig.gw.receive = (kind, bytes) => {
      receive(kind, bytes);
      if (kind === 'hello' || kind === 'session-start') rig.gw.aliases = {};
    };
    rig.gw.online = true;
    rig.clock.advance(60_000);
    expect(rig.gw.unknownAliasChunks).toBeGreaterThan(0);
    expectWhole(rig, s.hex, 150);
    expect(rig.gw.sessions[s.hex]?.complete).toBe(true);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
    expect(rig.badge.uploader.stats.retransmits).toBeGreaterThanOrEqual(rig.gw.unknownAliasChunks);
  });
});

describe('recorder: packed chunks keep every frame at its index', () => {
  it('frames of 128 bytes and more take two-byte sizes; an invalid frame mid-chunk ends the chunk and becomes a one-frame gap', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    tap(rig);
    const sent: Uint8Array[] = [];
    const push = (f: Uint8Array): void => {
      rig.platform.audio.push(f, true);
      rig.clock.advance(20);
    };
    for (let i = 0; i < 30; i++) {
      const f = new Uint8Array(i % 2 === 0 ? 40 : 300).fill(i + 1);
      sent.push(f);
      push(f);
    }
    push(new Uint8Array(0)); // frame 30: never valid
    for (let i = 31; i < 60; i++) {
      const f = new Uint8Array(1275).fill(i + 1);
      sent.push(f);
      push(f);
    }
    tap(rig);
    rig.clock.advance(30_000);
    const end = rig.gw.of('session-end')[0] as DecodedUp<'session-end'>;
    expect([end.totalFrames, end.droppedFrames, end.gaps]).toEqual([60, 1, [{ firstFrame: 30, frameCount: 1 }]]);
    const chunks = (rig.gw.of('chunk') as DecodedUp<'chunk'>[]).sort((a, b) => a.seq - b.seq);
    // No chunk spans frame 30; every frame arrives at its own index.
    for (const c of chunks) expect(c.firstFrame + c.frames.length <= 30 || c.firstFrame >= 31).toBe(true);
    const byIndex: Uint8Array[] = [];
    for (const c of chunks) c.frames.forEach((f, k) => (byIndex[c.firstFrame + k] = f));
    expect(byIndex.filter((f) => f !== undefined)).toEqual(sent);
    expect(byIndex[30]).toBeUndefined();
    expect(rig.gw.chunkForms.legacy).toBe(0);
  });
});
