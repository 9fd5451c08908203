import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkFrames, decodeUp, encodeUp, packFrames, pb } from '@parley/proto';
import type { DecodedUp } from '@parley/proto';
import * as device from '@parley/proto/device';
import { legacyChunk } from '../../src/core/chunk-form.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { frameBytes, hexOf, makeRig } from '../support/rig.js';
import type { Rig } from '../support/rig.js';

const sessionId = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
const frameArb = fc.uint8Array({ minLength: 1, maxLength: 1275 });

function tap(rig: Rig): void {
  rig.platform.button.press(80);
  rig.clock.advance(DOUBLE_GAP_MS + 100);
}

describe('legacyChunk: a packed AudioChunk rewritten in the legacy form', () => {
  it('carries the same frames and every other field, with nothing of the packed form left', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 60 }), fc.nat(), fc.boolean(), (frames, seq, backlog) => {
        const fields = { sessionId, seq, firstFrame: seq * 2, captureTimeMs: 1_795_000_000_000 + seq, clockSynced: true, crc32: 0xdeadbeef, backlog };
        const packed = device.encode(device.AudioChunk, { ...fields, ...packFrames(frames) });
        const legacy = decodeUp('chunk', legacyChunk(packed));
        expect(legacy).toEqual({ ...fields, frames, frameData: new Uint8Array(0), frameSizes: new Uint8Array(0) });
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

  it('returns a legacy chunk, and bytes it cannot rewrite, as they are', () => {
    const legacy = encodeUp('chunk', { sessionId, seq: 1, frames: [Uint8Array.of(1)] });
    expect(legacyChunk(legacy)).toBe(legacy);
    const mismatched = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3), frameSizes: Uint8Array.of(2) });
    expect(legacyChunk(mismatched)).toBe(mismatched);
    const dataOnly = encodeUp('chunk', { seq: 1, frameData: Uint8Array.of(1, 2, 3) });
    expect(legacyChunk(dataOnly)).toBe(dataOnly);
    const truncated = Uint8Array.of(0x4a, 0x05, 1, 2);
    expect(legacyChunk(truncated)).toBe(truncated);
    const badWire = Uint8Array.of(0x0f, 0x00);
    expect(legacyChunk(badWire)).toBe(badWire);
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

  it('records chunks packed in flash and sends them packed to a gateway that says it takes them', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.gw.online = false;
    rig.gw.drop();
    tap(rig);
    rig.speak(3000);
    const s = rig.badge.spool.sessions()[0]!;
    const stored = decodeUp('chunk', rig.badge.spool.readChunk(s, 0)!);
    expect([stored.frames.length, stored.frameSizes.length, stored.frameData.length]).toEqual([0, 50, 50 * 40]);
    tap(rig);
    rig.gw.online = true;
    rig.clock.advance(60_000);
    expectWhole(rig, s.hex, 150);
    expect(rig.gw.chunkForms).toEqual({ legacy: 0, packed: 3 });
    expect(rig.gw.sessions[s.hex]?.complete).toBe(true);
  });

  it('sends the legacy form to a gateway without the capability, and switches when a later connection has it', () => {
    const rig = makeRig();
    rig.gw.capabilities = pb.Capability.CAPABILITY_NONE;
    rig.clock.advance(500);
    const first = record(rig, 2000);
    rig.clock.advance(30_000);
    expectWhole(rig, first, 100);
    expect(rig.gw.chunkForms).toEqual({ legacy: 2, packed: 0 });
    expect(rig.gw.sessions[first]?.complete).toBe(true);

    // The gateway is upgraded: the next connection's HelloReply has the capability.
    rig.gw.online = false;
    rig.gw.drop();
    rig.gw.capabilities = pb.Capability.CAPABILITY_PACKED_FRAMES;
    const second = record(rig, 2000);
    rig.gw.online = true;
    rig.clock.advance(120_000);
    expectWhole(rig, second, 100);
    expect(rig.gw.chunkForms).toEqual({ legacy: 2, packed: 2 });
    expect(rig.badge.spool.sessions()).toHaveLength(0);
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
