import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AckResult,
  AudioFlag,
  CoprocState,
  FrameType,
  HEADER_LEN,
  LinkDirection,
  MAX_BITRATE,
  MAX_GAIN_DB,
  MAX_PAYLOAD,
  MIN_BITRATE,
  MIN_GAIN_DB,
  SYNC0,
  SYNC1,
  encodeAck,
  encodeAudio,
  encodeBoot,
  encodeCredit,
  encodeFrame,
  encodeSetBitrate,
  encodeSetGain,
  encodeStatus,
  encodeStop,
  creditWindow,
  maxAudioPayloadFor,
  MAX_FRAME_LEN,
  newCoprocStatus,
  readAck,
  readBitrate,
  readBoot,
  readCredit,
  readGain,
  readStatus,
  writeFrame,
} from '../../src/coproc-link/index.js';
import { HardwareErrorCode, isHardwareError } from '../../src/errors.js';
import { recordingDecoder, type DecodedFrame } from './frames.js';

function decodeOne(bytes: Uint8Array, direction: number): DecodedFrame {
  const r = recordingDecoder(direction);
  r.decoder.feed(bytes);
  expect(r.frames).toHaveLength(1);
  return r.frames[0]!;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isHardwareError(e) ? e.code : 'not a hardware error';
  }
  return undefined;
}

describe('frame layout', () => {
  it('puts sync, type, flags, index and length little-endian before the payload', () => {
    const f = encodeAudio(0x1234, Uint8Array.from([9, 8, 7]), true, true);
    expect(Array.from(f.subarray(0, HEADER_LEN + 3))).toEqual([SYNC0, SYNC1, FrameType.Audio, AudioFlag.Vad | AudioFlag.Overflow, 0x34, 0x12, 3, 0, 9, 8, 7]);
    expect(f.length).toBe(HEADER_LEN + 3 + 2);
  });

  it('writes into a caller buffer at an offset', () => {
    const out = new Uint8Array(40);
    const n = writeFrame(out, 5, FrameType.Audio, 0, 1, Uint8Array.from([0, 1, 2, 3]), 1, 2);
    expect(n).toBe(HEADER_LEN + 2 + 2);
    const r = recordingDecoder();
    r.decoder.feed(out);
    expect(r.frames).toEqual([{ type: FrameType.Audio, flags: 0, index: 1, payload: [1, 2] }]);
  });

  it('rejects bad frames with typed errors', () => {
    expect(codeOf(() => encodeFrame(FrameType.Audio, 0, 0, new Uint8Array(MAX_PAYLOAD + 1)))).toBe(HardwareErrorCode.LinkPayloadTooLarge);
    expect(codeOf(() => encodeFrame(FrameType.Audio, 0, 0, new Uint8Array(0)))).toBe(HardwareErrorCode.LinkBadPayload);
    expect(codeOf(() => encodeFrame(FrameType.Status, 0, 0, new Uint8Array(3)))).toBe(HardwareErrorCode.LinkBadPayload);
    expect(codeOf(() => encodeFrame(0x7f, 0, 0, new Uint8Array(1)))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeFrame(FrameType.Audio, 0, 0x10000, new Uint8Array(1)))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeFrame(FrameType.Audio, 256, 0, new Uint8Array(1)))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => writeFrame(new Uint8Array(10), 0, FrameType.Audio, 0, 0, new Uint8Array(4), 0, 4))).toBe(HardwareErrorCode.LinkBadArgument);
  });
});

describe('commands (MCU -> co-processor)', () => {
  it('round-trip bitrate, gain and credit through the co-processor decoder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_BITRATE, max: MAX_BITRATE }),
        fc.integer({ min: MIN_GAIN_DB, max: MAX_GAIN_DB }),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        (bitrate, gain, credits, seq) => {
          const b = decodeOne(encodeSetBitrate(seq, bitrate), LinkDirection.ToCoproc);
          expect([b.type, b.index]).toEqual([FrameType.SetBitrate, seq]);
          expect(readBitrate(Uint8Array.from(b.payload), 0, b.payload.length)).toBe(bitrate);
          const g = decodeOne(encodeSetGain(seq, gain), LinkDirection.ToCoproc);
          expect(readGain(Uint8Array.from(g.payload), 0, g.payload.length)).toBe(gain);
          const c = decodeOne(encodeCredit(seq, credits), LinkDirection.ToCoproc);
          expect(readCredit(Uint8Array.from(c.payload), 0, c.payload.length)).toBe(credits);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
    expect(decodeOne(encodeStop(3), LinkDirection.ToCoproc)).toEqual({ type: FrameType.Stop, flags: 0, index: 3, payload: [] });
  });

  it('refuse out-of-range arguments', () => {
    expect(codeOf(() => encodeSetBitrate(0, MIN_BITRATE - 1))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeSetBitrate(0, MAX_BITRATE + 1))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeSetGain(0, MAX_GAIN_DB + 1))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeSetGain(0, 1.5))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => encodeCredit(0, 0))).toBe(HardwareErrorCode.LinkBadArgument);
    expect(codeOf(() => readBitrate(new Uint8Array(3), 0, 3))).toBe(HardwareErrorCode.LinkBadPayload);
  });
});

describe('co-processor frames', () => {
  it('round-trip status, ack and boot', () => {
    const status = Object.assign(newCoprocStatus(), {
      state: CoprocState.Capturing, vad: true, gainDb: -6, credits: 12, bitrate: 16000, droppedFrames: 70000, queuedFrames: 5, lastError: 2,
    });
    const s = decodeOne(encodeStatus(1, status), LinkDirection.ToMcu);
    expect(readStatus(Uint8Array.from(s.payload), 0, s.payload.length, newCoprocStatus())).toEqual({ ...status, droppedFrames: 0xffff });
    const a = decodeOne(encodeAck(77, FrameType.SetGain, AckResult.BadArgument), LinkDirection.ToMcu);
    expect(a.index).toBe(77);
    expect(readAck(Uint8Array.from(a.payload), 0, 2, { command: 0, result: 0 })).toEqual({ command: FrameType.SetGain, result: AckResult.BadArgument });
    const b = decodeOne(encodeBoot(0, 1, 513), LinkDirection.ToMcu);
    expect(readBoot(Uint8Array.from(b.payload), 0, 4, { protocolVersion: 0, firmwareVersion: 0 })).toEqual({ protocolVersion: 1, firmwareVersion: 513 });
  });
});

describe('credit window', () => {
  it('bounds the largest frames at a bitrate to the receive buffer', () => {
    expect(maxAudioPayloadFor(16000)).toBe(80);
    expect(maxAudioPayloadFor(MAX_BITRATE)).toBe(MAX_PAYLOAD);
    expect(creditWindow(2048, 16000)).toBe(22);
    expect(creditWindow(2048, MAX_BITRATE)).toBe(Math.floor(2048 / MAX_FRAME_LEN));
    fc.assert(
      fc.property(fc.integer({ min: MIN_BITRATE, max: MAX_BITRATE }), fc.integer({ min: MAX_FRAME_LEN, max: 65536 }), (bitrate, rx) => {
        const n = creditWindow(rx, bitrate);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n * (HEADER_LEN + maxAudioPayloadFor(bitrate) + 2)).toBeLessThanOrEqual(rx);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});
