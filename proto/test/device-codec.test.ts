import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import * as device from '../device/badge-codec.js';
import { PROTO_PATHS } from '../src/codegen/paths.js';
import { checkEspruinoSubset, loadInEspruinoLikeContext } from '@parley/hardware/espruino-subset';
import { BADGE_TOPICS, generateDeviceCodec } from '../src/device-codec/generate.js';
import { readSchema } from '../src/device-codec/schema.js';
import { DOWN, UP, encodeMessage, decodeMessage } from '../src/index.js';
import { loadGoldenVectors } from './support/golden-vectors.js';

const CODEC_FILE = join(PROTO_PATHS.deviceCodecDir, 'badge-codec.js');

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect((err as { code?: string }).code).toBe(code);
    return;
  }
  expect.fail(`expected an error ${code}`);
}

describe('device codec generation', () => {
  it('matches what the generator produces from badge.proto now (run `npm run generate -w proto` if not)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-device-codec-'));
    try {
      const fresh = await generateDeviceCodec(PROTO_PATHS.schema, dir, BADGE_TOPICS);
      for (const [file, path] of [['badge-codec.js', fresh.js], ['badge-codec.d.ts', fresh.dts]] as const) {
        const checkedIn = await readFile(join(PROTO_PATHS.deviceCodecDir, file), 'utf8');
        expect((await readFile(path, 'utf8')) === checkedIn, `${file} drifted from badge.proto`).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects schema features the device codec does not implement', () => {
    const wrap = (body: string): string => `syntax = "proto3"; package t; ${body}`;
    expect(() => readSchema(wrap('message M { map<string, uint32> m = 1; }'))).toThrow(/map fields/);
    expect(() => readSchema(wrap('message M { oneof o { uint32 a = 1; string b = 2; } }'))).toThrow(/oneof/);
    expect(() => readSchema(wrap('message M { M self = 1; }'))).toThrow(/recursive/);
    expect(() => readSchema(wrap('message M { double d = 1; }'))).toThrow(/float and double/);
    expect(() => readSchema('syntax = "proto2"; package t; message M { optional uint32 a = 1; }')).toThrow(/proto3/);
  });

  it('refuses type names that would shadow the runtime or Espruino globals', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-device-names-'));
    try {
      for (const name of ['E', 'encode', 'ERR', 'Uint8Array', 'MESSAGES']) {
        const file = join(dir, `${name}.proto`);
        await writeFile(file, `syntax = "proto3"; package t; message ${name} { uint32 a = 1; }`);
        await expect(generateDeviceCodec(file, dir, null), name).rejects.toThrow(/clashes/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exports one descriptor per message and the topic kind tables of topics.ts', () => {
    const source = readSchema(readFileSync(PROTO_PATHS.schema, 'utf8'));
    expect(Object.keys(device.MESSAGES).sort()).toEqual(source.messages.map((m) => m.name).sort());
    expect(Object.keys(device.UP)).toEqual(Object.keys(UP));
    expect(Object.keys(device.DOWN)).toEqual(Object.keys(DOWN));
    for (const [kind, name] of Object.entries(UP)) expect(device.UP[kind as keyof typeof UP]).toBe(device.MESSAGES[name]);
    for (const [kind, name] of Object.entries(DOWN)) expect(device.DOWN[kind as keyof typeof DOWN]).toBe(device.MESSAGES[name]);
    expect(device.upTopic('badge-001', 'chunk')).toBe('badges/badge-001/up/chunk');
    expect(device.downTopic('badge-001', 'ack')).toBe('badges/badge-001/down/ack');
  });
});

describe('packed message descriptors (the named exports the badge uses)', () => {
  const packed = device as unknown as Record<string, device.MessageType<object>>;
  const expanded = device.MESSAGES as unknown as Record<string, device.MessageType<object>>;

  it('are single strings (or a string and the sub-message descriptors), far smaller than the expanded tables', () => {
    for (const name of Object.keys(device.MESSAGES)) {
      const d = packed[name] as unknown;
      if (typeof d !== 'string') {
        expect(Array.isArray(d), name).toBe(true);
        expect(typeof (d as unknown[])[0], name).toBe('string');
      }
      expect(d, name).not.toBe(expanded[name]);
    }
  });

  it('encode and decode every golden vector exactly like the expanded descriptors', () => {
    const vectors = loadGoldenVectors();
    expect(vectors.length).toBeGreaterThan(10);
    for (const v of vectors) {
      const p = packed[v.message] as device.MessageType<object>;
      const e = expanded[v.message] as device.MessageType<object>;
      const decoded = device.decode(p, v.bytes);
      expect(decoded, `${v.message}: ${v.name}`).toEqual(device.decode(e, v.bytes));
      expect(Buffer.from(device.encode(p, decoded)).toString('hex')).toBe(Buffer.from(device.encode(e, decoded)).toString('hex'));
      if (!v.decodeOnly) {
        expect(Buffer.from(device.encode(p, v.object)).toString('hex'), `${v.message}: ${v.name}`).toBe(Buffer.from(v.bytes).toString('hex'));
        expect(device.encodedSize(p, v.object)).toBe(v.bytes.length);
      }
    }
  });

  it('refuses field numbers the packed form cannot hold', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-device-codec-'));
    try {
      const proto = join(dir, 'big.proto');
      await writeFile(proto, 'syntax = "proto3"; package fx; message M { uint32 a = 128; }');
      await expect(generateDeviceCodec(proto, dir, null)).rejects.toThrow(/1\.\.127/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('device codec stays inside the Espruino subset', () => {
  it('passes the Espruino subset gate (hardware/src/espruino-subset, whose own suite shows what it refuses)', async () => {
    expect(await checkEspruinoSubset(await readFile(CODEC_FILE, 'utf8'), { fileName: CODEC_FILE })).toEqual([]);
  });

  it('declares everything before use (Espruino does not hoist)', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: {
        languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
        rules: { 'no-use-before-define': ['error', { functions: true, classes: true, variables: true }] },
      },
    });
    const [result] = await eslint.lintText(await readFile(CODEC_FILE, 'utf8'), { filePath: 'badge-codec.js' });
    expect(result?.messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });

  it('runs in a vm context without Map, Set, Symbol or Array.prototype.slice', () => {
    const context = loadInEspruinoLikeContext(CODEC_FILE, 'codec');
    expect(runInContext('typeof Map + typeof Symbol + typeof [].slice', context)).toBe('undefinedundefinedundefined');
    const hex = runInContext(
      `(function () {
        const c = codec;
        const sid = new Uint8Array(16);
        for (let i = 0; i < 16; i++) sid[i] = i * 17;
        const bytes = c.encode(c.AudioChunk, { sessionId: sid, seq: 4294967295, frames: [new Uint8Array([1, 2]), new Uint8Array(0)], captureTimeMs: 1099511627781, crc32: c.crc32(new Uint8Array([1, 2])) });
        const back = c.decode(c.AudioChunk, bytes);
        if (back.seq !== 4294967295 || back.frames.length !== 2 || back.captureTimeMs !== 1099511627781) throw new Error('round trip failed');
        let out = '';
        for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        return out;
      })()`,
      context,
    ) as string;
    const sessionId = new Uint8Array(16).map((_, i) => i * 17);
    const expected = encodeMessage('AudioChunk', {
      sessionId,
      seq: 4294967295,
      frames: [new Uint8Array([1, 2]), new Uint8Array(0)],
      captureTimeMs: 1099511627781,
      crc32: device.crc32(new Uint8Array([1, 2])),
    });
    expect(hex).toBe(Buffer.from(expected).toString('hex'));
  });
});

describe('device codec on Espruino globals', () => {
  it('continues CRCs through a native, non-continuable E.CRC32 exactly like the table-driven CRC', () => {
    let nativeCalls = 0;
    // A double of Espruino's E.CRC32: a fresh CRC-32 of any iterable of bytes.
    const E = {
      CRC32: (data: ArrayLike<number>): number => {
        nativeCalls++;
        return zlibCrc32(Uint8Array.from(data));
      },
      toUint8Array: (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff),
    };
    const context = loadInEspruinoLikeContext(CODEC_FILE, 'codec', { E });
    const data = Uint8Array.from({ length: 700 }, (_, i) => (i * 131 + 17) & 0xff);
    const whole = device.crc32(data);
    const ctx = runInContext('codec', context) as typeof device;
    const copy = runInContext(`new Uint8Array(${JSON.stringify(Array.from(data))})`, context) as Uint8Array;
    expect(ctx.crc32(copy)).toBe(whole);
    for (const cut of [0, 1, 3, 4, 5, 64, 699, 700]) {
      expect(ctx.crc32(copy.subarray(cut), ctx.crc32(copy.subarray(0, cut)))).toBe(whole);
    }
    // Continuing frame by frame, as the session digest does.
    let digest = 0;
    for (let at = 0; at < data.length; at += 40) digest = ctx.crc32(copy.subarray(at, at + 40), digest);
    expect(digest).toBe(whole);
    // Any register state (the native path keeps no table: its prefix bytes come from computed entries).
    let state = 0x12345678;
    for (let i = 0; i < 300; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const one = runInContext(`new Uint8Array([${i & 0xff}])`, context) as Uint8Array;
      expect(ctx.crc32(one, state)).toBe(device.crc32(new Uint8Array([i & 0xff]), state));
    }
    expect(nativeCalls).toBeGreaterThan(20);
  });
});

describe('device codec strings on Espruino without Unicode support (ESP32)', () => {
  it('decodes a string field to the 8-bit string of its UTF-8 bytes and encodes it back byte for byte', () => {
    // The ESP32 build has E.toString/E.toUint8Array but no UTF-8 strings (E.isUTF8 is absent or false).
    const E = {
      toString: (bytes: ArrayLike<number>): string => String.fromCharCode(...Array.from(bytes)),
      toUint8Array: (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff),
    };
    const context = loadInEspruinoLikeContext(CODEC_FILE, 'codec', { E });
    const utf8 = Buffer.from(encodeMessage('Config', { staffId: '张伟', wifi: [{ ssid: 'Zürich', psk: 'p' }] }));
    const result = runInContext(
      `(function () {
        const bytes = new Uint8Array(${JSON.stringify(Array.from(utf8))});
        const config = codec.decode(codec.Config, bytes);
        const again = codec.encode(codec.Config, config);
        let same = again.length === bytes.length;
        for (let i = 0; i < bytes.length; i++) if (again[i] !== bytes[i]) same = false;
        return { staffId: config.staffId, ssid: config.wifi[0].ssid, same: same };
      })()`,
      context,
    ) as { staffId: string; ssid: string; same: boolean };
    expect(result.staffId).toBe(Buffer.from('张伟', 'utf8').toString('latin1'));
    expect(result.ssid).toBe(Buffer.from('Zürich', 'utf8').toString('latin1'));
    expect(result.same).toBe(true);
  });
});

describe('device codec behaviour', () => {
  const fixture = `syntax = "proto3"; package fx;
    enum Kind { KIND_ZERO = 0; KIND_ONE = 1; }
    message Inner { sint32 s = 1; repeated uint32 nums = 2; }
    message All {
      int32 i32 = 1; int64 i64 = 2; uint32 u32 = 3; uint64 u64 = 4; sint32 s32 = 5; sint64 s64 = 6; bool b = 7; Kind e = 8;
      fixed32 f32 = 9; sfixed32 sf32 = 10; fixed64 f64 = 11; sfixed64 sf64 = 12;
      string str = 15; bytes by = 16; Inner inner = 17; repeated Inner inners = 18; repeated sint64 packed = 19;
      repeated string strs = 20; repeated bool bools = 21; repeated fixed32 fixeds = 22; repeated sfixed64 sfixeds = 23;
    }`;

  it('round-trips every scalar type and matches protobufjs byte for byte', async () => {
    const protobuf = (await import('protobufjs')).default;
    const dir = await mkdtemp(join(tmpdir(), 'parley-device-fixture-'));
    try {
      const protoFile = join(dir, 'fixture.proto');
      await writeFile(protoFile, fixture);
      const out = await generateDeviceCodec(protoFile, dir, null);
      const fx = (await import(out.js)) as {
        encode(type: unknown, message: object): Uint8Array;
        decode(type: unknown, bytes: Uint8Array): Record<string, unknown>;
        MESSAGES: Record<string, unknown>;
      };
      const All = fx.MESSAGES.All;
      const reference = protobuf.parse(fixture).root.lookupType('fx.All');
      const message = {
        i32: -5,
        i64: -(2 ** 40),
        u32: 4294967295,
        u64: 2 ** 53 - 1,
        s32: -2147483648,
        s64: -(2 ** 50) - 3,
        b: true,
        e: 1,
        f32: 4294967295,
        sf32: -1,
        f64: 2 ** 52 + 1,
        sf64: -(2 ** 45),
        str: 'Grüße 张伟 😀',
        by: new Uint8Array([0, 255, 7]),
        inner: { s: -1, nums: [1, 300, 70000] },
        inners: [{ s: 1 }, {}],
        packed: [-1, 0, 2 ** 40],
        strs: ['', 'a'],
        bools: [true, false],
        fixeds: [1, 4294967295],
        sfixeds: [-1, 2 ** 40],
      };
      const mine = fx.encode(All, message);
      const theirs = reference.encode(message).finish();
      expect(Buffer.from(mine).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
      const decoded = fx.decode(All, mine);
      expect(decoded).toEqual({
        ...message,
        inners: [
          { s: 1, nums: [] },
          { s: 0, nums: [] },
        ],
      });
      // Packed repeated scalars are also accepted unpacked, and vice versa for the reference.
      const unpacked = new Uint8Array([0x98, 0x01, 0x01, 0x98, 0x01, 0x04]); // packed field 19 sent as two varints
      expect(fx.decode(All, unpacked).packed).toEqual([-1, 2]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('skips unknown fields of every wire type, including groups', () => {
    const bytes = new Uint8Array([
      0x10, 0x07, // seq = 7
      0xa0, 0x06, 0x96, 0x01, // field 100 varint
      0xa9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, // field 101 fixed64
      0xb2, 0x06, 0x02, 0xaa, 0xbb, // field 102 length-delimited
      0xbd, 0x06, 1, 2, 3, 4, // field 103 fixed32
      0xc3, 0x06, 0x08, 0x01, 0xc4, 0x06, // field 104 group with a varint inside
      0x18, 0x09, // firstFrame = 9
    ]);
    const chunk = device.decode(device.AudioChunk, bytes);
    expect(chunk.seq).toBe(7);
    expect(chunk.firstFrame).toBe(9);
    expect(decodeMessage('AudioChunk', bytes)).toEqual(chunk);
  });

  it('throws coded errors on malformed input', () => {
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x10])), 'PROTO_TRUNCATED');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x0a, 0x05, 1])), 'PROTO_TRUNCATED');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x3d, 1, 2])), 'PROTO_TRUNCATED');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x10, ...new Array<number>(10).fill(0xff), 0x01])), 'PROTO_VARINT');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x0e])), 'PROTO_WIRE_TYPE');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x0c])), 'PROTO_WIRE_TYPE');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0x00, 0x00])), 'PROTO_TAG');
    expectCode(() => device.decode(device.AudioChunk, new Uint8Array([0xc3, 0x06, 0xcc, 0x06])), 'PROTO_TAG');
    expectCode(() => device.decode(device.Hello, new Uint8Array([0x0a, 0x02, 0xc0, 0x80])), 'PROTO_UTF8');
    expectCode(() => device.decode(device.Hello, new Uint8Array([0x0a, 0x03, 0xed, 0xa0, 0x80])), 'PROTO_UTF8');
    expectCode(() => device.decode(device.Hello, new Uint8Array([0x0a, 0x02, 0xe4, 0xbd])), 'PROTO_UTF8');
    const deep = new Uint8Array(40).fill(0x1b); // 40 nested group starts
    expectCode(() => device.decode(device.AudioChunk, deep), 'PROTO_DEPTH');
    expectCode(() => device.decode(device.AudioChunk, 'x' as unknown as Uint8Array), 'PROTO_VALUE');
  });

  it('rejects wrongly typed and out-of-range values on encode', () => {
    expectCode(() => device.encode(device.AudioChunk, { seq: 2 ** 32 }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { seq: -1 }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { seq: 1.5 }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { captureTimeMs: -1 }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { captureTimeMs: Number.NaN }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { clockSynced: 1 as unknown as boolean }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { frames: new Uint8Array(1) as unknown as Uint8Array[] }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, { sessionId: [1, 2] as unknown as Uint8Array }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.Telemetry, { rssiDbm: 2 ** 31 }), 'PROTO_VALUE');
    expectCode(() => device.encode(device.AudioChunk, null as unknown as object), 'PROTO_VALUE');
    expect(device.encodedSize(device.AudioChunk, { seq: 300 })).toBe(3);
  });
});
