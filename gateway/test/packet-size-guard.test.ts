import { Duplex } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MqttPacketSizeGuard, type PacketGuardReject } from '../src/broker/packet-size-guard.js';
import { encodeRemainingLength } from './support/raw-mqtt.js';

function harness(limit: number) {
  const inner = new Duplex({ read() {}, write(_chunk, _enc, cb) { cb(); } });
  const rejects: PacketGuardReject[] = [];
  const guard = new MqttPacketSizeGuard(inner, limit, (r) => rejects.push(r));
  guard.on('error', () => {});
  const received: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => received.push(chunk));
  return { inner, guard, rejects, received };
}

function packet(type: number, bodyLength: number): Buffer {
  return Buffer.concat([Buffer.from([type]), encodeRemainingLength(bodyLength), Buffer.alloc(bodyLength, 0xab)]);
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('MqttPacketSizeGuard', () => {
  it('passes any sequence of packets within the limit unchanged, however the stream is split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 50 }),
        async (sizes, cuts) => {
          const stream = Buffer.concat(sizes.map((size) => packet(0x30, size)));
          const h = harness(20_000);
          let pos = 0;
          for (let i = 0; pos < stream.length; i++) {
            const step = cuts[i % cuts.length]!;
            h.inner.push(stream.subarray(pos, pos + step));
            pos += step;
          }
          await flush();
          expect(h.rejects).toEqual([]);
          expect(Buffer.concat(h.received).equals(stream)).toBe(true);
          h.guard.destroy();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('closes the connection on a packet over the limit before its body arrives, even with the length split over chunks', async () => {
    const h = harness(65_536);
    const ok = packet(0x30, 10);
    const header = Buffer.concat([Buffer.from([0x30]), encodeRemainingLength(10 * 1024 * 1024)]);
    h.inner.push(ok);
    await flush();
    h.inner.push(header.subarray(0, 2));
    h.inner.push(header.subarray(2));
    await flush();
    expect(h.rejects).toEqual([{ reason: 'packet_too_large', remainingLength: 10 * 1024 * 1024 }]);
    expect(h.guard.destroyed).toBe(true);
    expect(h.inner.destroyed).toBe(true);
    // The earlier packet and at most the header bytes before the verdict went through; no body byte did.
    const passed = Buffer.concat(h.received);
    expect(passed.subarray(0, ok.length).equals(ok)).toBe(true);
    expect(passed.length).toBeLessThanOrEqual(ok.length + 2);
  });

  it('accepts exactly the limit and refuses one byte more', async () => {
    const exact = harness(2048);
    exact.inner.push(packet(0x30, 2048));
    await flush();
    expect(exact.rejects).toEqual([]);
    const over = harness(2048);
    over.inner.push(packet(0x30, 2049));
    await flush();
    expect(over.rejects).toEqual([{ reason: 'packet_too_large', remainingLength: 2049 }]);
  });

  it('refuses a malformed remaining length (a fifth continuation byte)', async () => {
    const h = harness(268_435_455);
    h.inner.push(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]));
    await flush();
    expect(h.rejects).toEqual([{ reason: 'malformed_length' }]);
    expect(h.inner.destroyed).toBe(true);
  });

  it('forwards writes to the network stream and ends it', async () => {
    const written: Buffer[] = [];
    let ended = false;
    const inner = new Duplex({
      read() {},
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk);
        cb();
      },
      final(cb) {
        ended = true;
        cb();
      },
    });
    const guard = new MqttPacketSizeGuard(inner, 1024, () => {});
    await new Promise<void>((resolve) => guard.write(Buffer.from([0x20, 0x02, 0x00, 0x00]), () => resolve()));
    guard.end();
    await flush();
    expect(Buffer.concat(written)).toEqual(Buffer.from([0x20, 0x02, 0x00, 0x00]));
    expect(ended).toBe(true);
  });
});
