import { describe, expect, it } from 'vitest';
import { decodeUp, encodeDown } from '@parley/proto';
import { FieldReader, INVENTORY_ENTRY_MAX, putInventory } from '../../src/core/proto-fields.js';
import { FirmwareError } from '../../src/core/errors.js';
import { codec } from '../support/codec.js';

function id(n: number): Uint8Array {
  const b = new Uint8Array(16);
  b[0] = n;
  b[15] = 0xa5;
  return b;
}

describe('protobuf at the wire level (Hello inventory, HelloReply resume points)', () => {
  it('writes inventory entries into an encoded Hello that the gateway decodes as the codec would have written them', () => {
    const head = codec.encode('hello', {
      deviceId: 'badge-9', firmwareVersion: '1.2.3', hardwareRevision: 'r1', bootCount: 7, uptimeS: 60, clockState: 1, configVersion: 3,
      backlog: [], flashUsedBytes: 1000, flashFreeBytes: 2000, deviceTimeMs: 1_767_225_600_000, firmwareSlot: 'a', firmwarePendingConfirm: false,
    });
    const entries = [
      { firstSeq: 0, lastSeq: 0, closed: false, hasChunks: false, alias: 0 },
      { firstSeq: 5, lastSeq: 300_000, closed: true, hasChunks: true, alias: 1 },
      { firstSeq: 2 ** 32 - 2, lastSeq: 2 ** 32 - 1, closed: true, hasChunks: true, alias: 0xffff },
    ];
    const ids = new Uint8Array(16 * entries.length);
    entries.forEach((_, n) => ids.set(id(n + 1), 16 * n));
    const out = new Uint8Array(head.length + entries.length * INVENTORY_ENTRY_MAX);
    out.set(head, 0);
    let o = head.length;
    entries.forEach((e, n) => {
      const before = o;
      o = putInventory(out, o, ids, 16 * n, e.firstSeq, e.lastSeq, e.closed, e.hasChunks, e.alias);
      expect(o - before).toBeLessThanOrEqual(INVENTORY_ENTRY_MAX);
    });
    const hello = decodeUp('hello', out.subarray(0, o));
    expect(hello.deviceId).toBe('badge-9');
    expect(hello.bootCount).toBe(7);
    expect(hello.firmwareSlot).toBe('a');
    expect(hello.backlog.map((b) => ({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, closed: b.closed, hasChunks: b.hasChunks, alias: b.sessionAlias }))).toEqual(entries);
    expect(hello.backlog.map((b) => Array.from(b.sessionId))).toEqual(entries.map((_, n) => Array.from(id(n + 1))));
  });

  it('reads the resume points of a HelloReply field by field: ids, negative received_through, missing ranges, complete', () => {
    const bytes = encodeDown('hello-reply', {
      serverTimeMs: 1_767_225_600_000, wantedConfigVersion: 4, locked: false, capabilities: 3,
      resume: [
        { sessionId: id(1), receivedThrough: -1, missing: [], complete: false },
        { sessionId: id(2), receivedThrough: 41, missing: [{ first: 43, last: 44 }, { first: 50, last: 50 }], complete: false },
        { sessionId: id(3), receivedThrough: 9, missing: [], complete: true },
      ],
    });
    const got: { id: number; through: number; missing: number[]; complete: boolean }[] = [];
    const rd = new FieldReader(bytes, 0, bytes.length);
    while (rd.next()) {
      if (rd.field !== 3) continue;
      const p = new FieldReader(bytes, rd.value, rd.value + rd.len);
      const one = { id: -1, through: 0, missing: [] as number[], complete: false };
      while (p.next()) {
        if (p.field === 1) one.id = bytes[p.value] as number;
        else if (p.field === 2) one.through = p.value % 2 === 1 ? -(p.value + 1) / 2 : p.value / 2;
        else if (p.field === 4) one.complete = p.value !== 0;
        else if (p.field === 3) {
          const r = new FieldReader(bytes, p.value, p.value + p.len);
          while (r.next()) one.missing.push(r.value);
        }
      }
      got.push(one);
    }
    expect(got).toEqual([
      { id: 1, through: -1, missing: [], complete: false },
      { id: 2, through: 41, missing: [43, 44, 50, 50], complete: false },
      { id: 3, through: 9, missing: [], complete: true },
    ]);
  });

  it('refuses truncated fields and varints and unknown wire types with PROTO_DECODE', () => {
    const bad = [new Uint8Array([0x1a, 0x05, 0x0a]), new Uint8Array([0x08, 0x80]), new Uint8Array([0x0b]), new Uint8Array(11).fill(0x80)];
    for (const b of bad) {
      const rd = new FieldReader(b, 0, b.length);
      let err: unknown = null;
      try {
        while (rd.next());
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FirmwareError);
      expect((err as FirmwareError).errorName).toBe('PROTO_DECODE');
    }
  });
});
