import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as device from '../device/badge-codec.js';
import { decodeMessage, encodeMessage, ProtocolError } from '../src/index.js';
import { fieldBoundaries, messageArbitraries, schema } from './support/arbitraries.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const deviceType = (message: string): device.MessageType<object> =>
  (device.MESSAGES as unknown as Record<string, device.MessageType<object>>)[message] as device.MessageType<object>;
const DEVICE_CODES = new Set<string>(Object.values(device.ERR));

type Outcome = { ok: true; value: unknown } | { ok: false; code: string };

function nodeDecode(message: string, bytes: Uint8Array): Outcome {
  try {
    return { ok: true, value: decodeMessage(message, bytes) };
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err;
    return { ok: false, code: err.code };
  }
}

function deviceDecode(message: string, bytes: Uint8Array): Outcome {
  try {
    return { ok: true, value: device.decode(deviceType(message), bytes) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !DEVICE_CODES.has(code)) throw err;
    return { ok: false, code };
  }
}

const messageNames = schema.messages.map((m) => m.name);

describe('property: random messages round-trip through both codecs', () => {
  it.each(messageNames)('%s', (message) => {
    const arbitrary = messageArbitraries.get(message);
    if (!arbitrary) throw new Error(`no arbitrary for ${message}`);
    fc.assert(
      fc.property(arbitrary, (object) => {
        const fromNode = encodeMessage(message, object);
        const fromDevice = device.encode(deviceType(message), object);
        expect(hex(fromDevice)).toBe(hex(fromNode));
        expect(device.encodedSize(deviceType(message), object)).toBe(fromNode.length);
        const viaDevice = device.decode(deviceType(message), fromNode);
        const viaNode = decodeMessage(message, fromDevice);
        expect(viaDevice).toEqual(viaNode);
        // Decoding and re-encoding is stable in both codecs.
        expect(hex(device.encode(deviceType(message), viaDevice))).toBe(hex(fromNode));
        expect(hex(encodeMessage(message, viaNode))).toBe(hex(fromNode));
      }),
      { numRuns: 150, seed: 0x5eed + message.length },
    );
  });
});

describe('property: hostile input gives a clear error, never a crash or a hang', () => {
  it('random bytes: both codecs either decode the same object or both reject', () => {
    fc.assert(
      fc.property(fc.constantFrom(...messageNames), fc.uint8Array({ maxLength: 120 }), (message, bytes) => {
        const a = nodeDecode(message, bytes);
        const b = deviceDecode(message, bytes);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(b.value).toEqual(a.value);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('random bytes that look like protobuf (valid tags, hostile lengths) are handled the same way', () => {
    const tagged = fc
      .array(
        fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 7 }), fc.uint8Array({ minLength: 0, maxLength: 12 })),
        { maxLength: 8 },
      )
      .map((parts) => {
        const out: number[] = [];
        for (const [field, wire, payload] of parts) {
          let tag = field * 8 + wire;
          while (tag > 127) {
            out.push((tag & 127) | 128);
            tag >>>= 7;
          }
          out.push(tag);
          out.push(...payload);
        }
        return Uint8Array.from(out);
      });
    fc.assert(
      fc.property(fc.constantFrom(...messageNames), tagged, (message, bytes) => {
        const a = nodeDecode(message, bytes);
        const b = deviceDecode(message, bytes);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(b.value).toEqual(a.value);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it.each(messageNames)('every truncation of a valid %s is rejected unless it ends on a field boundary', (message) => {
    const arbitrary = messageArbitraries.get(message);
    if (!arbitrary) throw new Error(`no arbitrary for ${message}`);
    fc.assert(
      fc.property(arbitrary, (object) => {
        const bytes = encodeMessage(message, object);
        const boundaries = fieldBoundaries(bytes);
        for (let cut = 0; cut < bytes.length; cut++) {
          const prefix = bytes.subarray(0, cut);
          const a = nodeDecode(message, prefix);
          const b = deviceDecode(message, prefix);
          expect(a.ok).toBe(boundaries.has(cut));
          expect(b.ok).toBe(boundaries.has(cut));
          if (!b.ok) expect(b.code).toBe(device.ERR.TRUNCATED);
          if (a.ok && b.ok) expect(b.value).toEqual(a.value);
        }
      }),
      { numRuns: 25, seed: 99 },
    );
  });
});
