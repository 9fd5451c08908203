import { runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as device from '../device/badge-codec.js';
import { PROTO_PATHS } from '../src/codegen/paths.js';
import { loadInEspruinoLikeContext } from '@parley/hardware/espruino-subset';
import { decodeMessage, encodeMessage } from '../src/index.js';
import { loadGoldenVectors, schemaMessageNames } from './support/golden-vectors.js';
import { join } from 'node:path';

const vectors = loadGoldenVectors();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const deviceType = (message: string): device.MessageType<object> =>
  (device.MESSAGES as unknown as Record<string, device.MessageType<object>>)[message] as device.MessageType<object>;

describe('golden vectors', () => {
  it('cover every message of badge.proto', () => {
    const covered = new Set(vectors.map((v) => v.message));
    expect(schemaMessageNames().filter((m) => !covered.has(m))).toEqual([]);
  });

  describe.each(vectors.map((v) => [`${v.message}: ${v.name}`, v] as const))('%s', (_, v) => {
    it('both codecs decode the expected bytes to the object', () => {
      expect(decodeMessage(v.message, v.bytes)).toEqual(v.decoded);
      expect(device.decode(deviceType(v.message), v.bytes)).toEqual(v.decoded);
    });

    if (!v.decodeOnly) {
      it('both codecs encode the object to exactly the expected bytes', () => {
        expect(hex(encodeMessage(v.message, v.object))).toBe(hex(v.bytes));
        expect(hex(device.encode(deviceType(v.message), v.object))).toBe(hex(v.bytes));
      });
    }

    it("each codec decodes the other's encoding", () => {
      const fromNode = encodeMessage(v.message, v.decoded);
      const fromDevice = device.encode(deviceType(v.message), v.decoded);
      expect(hex(fromDevice)).toBe(hex(fromNode));
      expect(device.decode(deviceType(v.message), fromNode)).toEqual(v.decoded);
      expect(decodeMessage(v.message, fromDevice)).toEqual(v.decoded);
    });
  });

  it('the device codec produces the same bytes inside an Espruino-like vm context', () => {
    const context = loadInEspruinoLikeContext(join(PROTO_PATHS.deviceCodecDir, 'badge-codec.js'), 'codec');
    // Bytes fields travel as hex strings; the vm side turns them into its own Uint8Arrays.
    runInContext(
      `function fromHex(h) {
        h = h.split(' ').join('');
        const out = new Uint8Array(h.length / 2);
        for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16);
        return out;
      }
      function toHex(b) {
        let s = '';
        for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
        return s;
      }
      function revive(desc, obj) {
        const spec = desc[0];
        const out = {};
        for (const key of Object.keys(obj)) out[key] = obj[key];
        for (let i = 0; i < spec.length / 2; i++) {
          const name = desc[i + 2];
          const type = spec[2 * i + 1] & 31;
          const v = out[name];
          if (v === undefined || v === null) continue;
          const one = function (x) { return type === 15 ? fromHex(x) : type === 16 ? revive(desc[1][i], x) : x; };
          out[name] = Array.isArray(v) ? v.map(one) : one(v);
        }
        return out;
      }
      function roundTrip(message, json, expectedHex) {
        const desc = codec.MESSAGES[message];
        const decoded = codec.decode(desc, fromHex(expectedHex));
        return { encoded: toHex(codec.encode(desc, revive(desc, JSON.parse(json)))), reencoded: toHex(codec.encode(desc, decoded)) };
      }`,
      context,
    );
    for (const v of vectors) {
      const result = runInContext(`roundTrip(${JSON.stringify(v.message)}, ${JSON.stringify(JSON.stringify(v.json))}, ${JSON.stringify(hex(v.bytes))})`, context) as {
        encoded: string;
        reencoded: string;
      };
      const canonical = hex(encodeMessage(v.message, v.decoded));
      expect(result.reencoded, `${v.message}: ${v.name}`).toBe(canonical);
      if (!v.decodeOnly) expect(result.encoded, `${v.message}: ${v.name}`).toBe(hex(v.bytes));
    }
  });
});
