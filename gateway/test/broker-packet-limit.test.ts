import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, end } from './support/mqtt-client.js';
import { connectPacket, publishHeader } from './support/raw-mqtt.js';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

const TEN_MIB = 10 * 1024 * 1024;

/** Streams a PUBLISH of `payloadBytes` from one reused 64 KiB buffer; reports how far it got before the server closed. */
function streamHugePublish(port: number, before: Buffer, topic: string, payloadBytes: number): Promise<{ closedByServer: boolean; sent: number }> {
  return new Promise((resolve) => {
    const socket: Socket = tcpConnect({ port, host: '127.0.0.1' });
    const piece = Buffer.alloc(64 * 1024, 0x55);
    let sent = 0;
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ closedByServer, sent });
    };
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('end', () => finish(true));
    socket.on('connect', () => {
      socket.write(before);
      socket.write(publishHeader(topic, payloadBytes));
      const pump = () => {
        while (!done && sent < payloadBytes) {
          sent += piece.length;
          if (!socket.write(piece)) {
            socket.once('drain', pump);
            return;
          }
        }
        if (!done && sent >= payloadBytes) setTimeout(() => finish(false), 2_000);
      };
      pump();
    });
  });
}

describe('oversized MQTT packets (real broker over TCP)', () => {
  let t: TestGateway;
  let secret: string;

  beforeAll(async () => {
    t = await startTestGateway();
    secret = await t.provision('badge-big');
  });
  afterAll(async () => t.stop());

  it('closes an authenticated connection sending a 10 MiB publish before buffering it, without memory ballooning', async () => {
    global.gc?.();
    const before = process.memoryUsage();
    const result = await streamHugePublish(t.addresses.mqtt, connectPacket('badge-big', 'badge-big', secret), 'badges/badge-big/up/chunk', TEN_MIB);
    const after = process.memoryUsage();
    expect(result.closedByServer).toBe(true);
    expect(result.sent).toBeLessThan(TEN_MIB);
    // The broker never held the packet: growth stays well under its size.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(TEN_MIB / 2);
    const metrics = await t.gateway.metrics.registry.getSingleMetricAsString('parley_rejects_total');
    expect(metrics).toMatch(/reason="packet_too_large"} 1/);
  });

  it('applies before authentication too (a huge first packet)', async () => {
    const result = await streamHugePublish(t.addresses.mqtt, Buffer.alloc(0), 'x', TEN_MIB);
    expect(result.closedByServer).toBe(true);
    expect(result.sent).toBeLessThan(TEN_MIB);
  });

  it('accepts a publish at the limit and closes the connection for one just over it (mqtt.js)', async () => {
    const url = `mqtt://127.0.0.1:${t.addresses.mqtt}`;
    const topic = 'badges/badge-big/up/chunk';
    const overhead = 2 + topic.length + 2; // topic field + packet id (QoS 1)
    const ok = await connect(url, { username: 'badge-big', password: secret, clientId: 'badge-big' });
    await ok.client!.publishAsync(topic, Buffer.alloc(65_536 - overhead), { qos: 1 });
    expect(ok.client!.connected).toBe(true);
    const lost = new Promise<void>((resolve) => ok.client!.once('close', () => resolve()));
    ok.client!.publish(topic, Buffer.alloc(65_536 - overhead + 1), { qos: 1 });
    await lost;
    await end(ok.client);
  });
});
