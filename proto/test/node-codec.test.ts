import { describe, expect, it } from 'vitest';
import { decodeDown, decodeUp, encodeDown, encodeUp, pb, ProtocolError, sessionIdFromHex, DOWN, UP } from '../src/index.js';
import type { DownKind, UpKind } from '../src/index.js';

const sessionId = sessionIdFromHex('00112233445566778899aabbccddeeff');

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function expectProtocolError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(code);
    return;
  }
  expect.fail(`expected a ProtocolError ${code}`);
}

describe('Node codec', () => {
  it('round-trips an audio chunk with 64-bit time and max seq', () => {
    const chunk = {
      sessionId,
      seq: 0xffffffff,
      firstFrame: 1500,
      frames: [new Uint8Array([1, 2, 3]), new Uint8Array(0)],
      captureTimeMs: 2 ** 40 + 5,
      clockSynced: true,
      crc32: 0xcbf43926,
      backlog: true,
      frameData: new Uint8Array(0),
      frameSizes: new Uint8Array(0),
      sessionAlias: 0,
      frameSizesRice: new Uint8Array(0),
      firstFrameDelta: 0,
    };
    const bytes = encodeUp('chunk', chunk);
    const decoded = decodeUp('chunk', bytes);
    expect(decoded).toEqual(chunk);
    expect(decoded.frames[0]?.constructor).toBe(Uint8Array);
    expect(decoded.sessionId.constructor).toBe(Uint8Array);
  });

  it('fills proto3 defaults on decode: zeros, empty strings and arrays, null sub-messages', () => {
    const start = decodeUp('session-start', new Uint8Array(0));
    expect(start).toEqual({
      sessionId: new Uint8Array(0),
      staffId: '',
      startTimeMs: 0,
      clockSynced: false,
      monotonicMs: 0,
      codec: null,
      trigger: 0,
      bootCount: 0,
      sessionAlias: 0,
    });
    expect(start.sessionId.constructor).toBe(Uint8Array);
    expect(decodeDown('hello-reply', new Uint8Array(0)).resume).toEqual([]);
  });

  it('encodes negative sint64 with zigzag and omits default fields', () => {
    expect(hex(encodeDown('ack', { contiguousThrough: -1 }))).toBe('1001');
    expect(hex(encodeDown('ack', { contiguousThrough: 0, complete: false }))).toBe('');
    expect(decodeDown('ack', encodeDown('ack', { contiguousThrough: -1 })).contiguousThrough).toBe(-1);
  });

  it('accepts Buffers as input and returns plain Uint8Arrays', () => {
    const bytes = Buffer.from(encodeUp('event', { kind: pb.EventKind.EVENT_KIND_BOOKMARK, sessionId, value: -42 }));
    const event = decodeUp('event', bytes);
    expect(event.sessionId.constructor).toBe(Uint8Array);
    expect(event.value).toBe(-42);
    expect(event.kind).toBe(pb.EventKind.EVENT_KIND_BOOKMARK);
  });

  it('decodes nested and repeated messages', () => {
    const config = decodeDown(
      'config',
      encodeDown('config', {
        version: 7,
        wifi: [{ ssid: 'branch', psk: 'secret' }],
        led: { brightnessPercent: 40 },
        utcOffsetMin: -300,
        staffId: '张伟',
      }),
    );
    expect(config.wifi).toEqual([{ ssid: 'branch', psk: 'secret' }]);
    expect(config.led).toEqual({ brightnessPercent: 40, statusLedEnabled: false });
    expect(config.haptic).toBeNull();
    expect(config.utcOffsetMin).toBe(-300);
    expect(config.staffId).toBe('张伟');
  });

  it('every topic kind has a message class', () => {
    for (const kind of Object.keys(UP) as UpKind[]) expect(decodeUp(kind, new Uint8Array(0))).toBeTypeOf('object');
    for (const kind of Object.keys(DOWN) as DownKind[]) expect(decodeDown(kind, new Uint8Array(0))).toBeTypeOf('object');
  });

  it('rejects malformed bytes with PROTO_DECODE', () => {
    expectProtocolError(() => decodeUp('chunk', new Uint8Array([0x0a, 0x05, 1])), 'PROTO_DECODE');
    expectProtocolError(() => decodeUp('chunk', new Uint8Array([0x08, 0xff])), 'PROTO_DECODE');
    expectProtocolError(() => decodeUp('hello', new Uint8Array([0x0f])), 'PROTO_DECODE'); // wire type 7
    expectProtocolError(() => decodeUp('hello', new Uint8Array([0x0a, 0x01, 0xff])), 'PROTO_DECODE'); // invalid UTF-8
    expectProtocolError(() => decodeUp('hello', 'text' as unknown as Uint8Array), 'PROTO_DECODE');
  });

  it('rejects wrongly typed messages with PROTO_ENCODE and unknown kinds with PROTO_UNKNOWN_KIND', () => {
    expectProtocolError(() => encodeUp('chunk', { seq: 'x' } as unknown as pb.IAudioChunk), 'PROTO_ENCODE');
    expectProtocolError(() => encodeUp('chunk', null as unknown as pb.IAudioChunk), 'PROTO_ENCODE');
    expectProtocolError(() => encodeUp('chunk', { seq: 2 ** 32 }), 'PROTO_ENCODE');
    expectProtocolError(() => encodeUp('chunk', { seq: -1 }), 'PROTO_ENCODE');
    expectProtocolError(() => encodeUp('telemetry', { rssiDbm: -(2 ** 31) - 1 }), 'PROTO_ENCODE');
    expectProtocolError(() => encodeUp('session-end', { totalBytes: -5 }), 'PROTO_ENCODE');
    expectProtocolError(() => decodeUp('nope' as UpKind, new Uint8Array(0)), 'PROTO_UNKNOWN_KIND');
    expectProtocolError(() => encodeDown('toString' as DownKind, {}), 'PROTO_UNKNOWN_KIND');
  });
});
