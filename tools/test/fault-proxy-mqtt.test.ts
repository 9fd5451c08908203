/**
 * The fault proxy between a real aedes broker and a real mqtt.js client: the
 * proxy learns the client id from CONNECT, cuts one badge by id, the client
 * reconnects through it, and QoS 1 publishes flow while bytes are counted.
 */
import net from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultProxy } from '../src/faults/fault-proxy.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function broker(): Promise<{ port: number; received: string[] }> {
  const aedes = await Aedes.createBroker();
  const received: string[] = [];
  aedes.on('publish', (packet, client) => {
    if (client) received.push(`${client.id}:${packet.topic}:${packet.payload.toString()}`);
  });
  const server = net.createServer(aedes.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => aedes.close(() => r()));
      }),
  );
  return { port: (server.address() as net.AddressInfo).port, received };
}

describe('FaultProxy with aedes and mqtt.js', () => {
  it('identifies badges, cuts one by id, and the client reconnects and keeps publishing', async () => {
    const b = await broker();
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: b.port } });
    const { port } = await proxy.listen();
    cleanups.push(() => proxy.close());

    const clients = ['badge-1', 'badge-2'].map((id) =>
      mqtt.connect({ host: '127.0.0.1', port, clientId: id, username: id, password: 'pw', reconnectPeriod: 100, protocolVersion: 4 }),
    );
    cleanups.push(() => Promise.all(clients.map((c) => c.endAsync(true))).then(() => undefined));
    await Promise.all(clients.map((c) => new Promise((r) => c.once('connect', r))));
    const [one, two] = clients as [mqtt.MqttClient, mqtt.MqttClient];
    await one.publishAsync('badges/badge-1/up/chunk', 'a', { qos: 1 });
    await two.publishAsync('badges/badge-2/up/chunk', 'b', { qos: 1 });
    expect(proxy.connections().map((c) => c.clientId).sort()).toEqual(['badge-1', 'badge-2']);

    const reconnected = new Promise((r) => one.once('connect', r));
    const closed = new Promise<void>((r) => one.once('close', () => r()));
    expect(proxy.cut({ client: 'badge-1' })).toBe(1);
    await closed;
    expect(two.connected).toBe(true);
    await reconnected;
    await one.publishAsync('badges/badge-1/up/chunk', 'c', { qos: 1 });
    expect(b.received).toEqual(['badge-1:badges/badge-1/up/chunk:a', 'badge-2:badges/badge-2/up/chunk:b', 'badge-1:badges/badge-1/up/chunk:c']);

    const stats = proxy.stats();
    expect(stats.byClient['badge-1']!.connections).toBe(2);
    expect(stats.byClient['badge-2']!.connections).toBe(1);
    // CONNECT + 2 PUBLISH + pings up; CONNACK + 2 PUBACK down.
    expect(stats.byClient['badge-1']!.bytesUp).toBeGreaterThan(2 * 30);
    expect(stats.byClient['badge-1']!.bytesDown).toBeGreaterThanOrEqual(2 * 4 + 2 * 4);
    expect(stats.bytesUp).toBe(Object.values(stats.byClient).reduce((n, c) => n + c.bytesUp, 0));
  });

  it('a stall keeps QoS 1 publishes unacknowledged until it is cleared', async () => {
    const b = await broker();
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: b.port } });
    const { port } = await proxy.listen();
    cleanups.push(() => proxy.close());
    const client = mqtt.connect({ host: '127.0.0.1', port, clientId: 'badge-3', reconnectPeriod: 0, protocolVersion: 4, keepalive: 0 });
    cleanups.push(() => client.endAsync(true).then(() => undefined));
    await new Promise((r) => client.once('connect', r));
    const stall = proxy.stall({ client: 'badge-3' });
    let acked = false;
    const pub = client.publishAsync('badges/badge-3/up/chunk', Buffer.alloc(1000), { qos: 1 }).then(() => {
      acked = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(acked).toBe(false);
    expect(b.received).toEqual([]);
    stall.clear();
    await pub;
    expect(b.received).toHaveLength(1);
  });

  it('blocks one badge (offline) and flaps another, leaving the rest connected', async () => {
    const b = await broker();
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: b.port } });
    const { port } = await proxy.listen();
    cleanups.push(() => proxy.close());
    const clients = ['badge-4', 'badge-5', 'badge-6'].map((id) =>
      mqtt.connect({ host: '127.0.0.1', port, clientId: id, reconnectPeriod: 50, connectTimeout: 2000, protocolVersion: 4 }),
    );
    cleanups.push(() => Promise.all(clients.map((c) => c.endAsync(true))).then(() => undefined));
    await Promise.all(clients.map((c) => new Promise((r) => c.once('connect', r))));
    const [four, five, six] = clients as [mqtt.MqttClient, mqtt.MqttClient, mqtt.MqttClient];

    const block = proxy.block({ client: 'badge-4' });
    const flap = proxy.flap({ selector: { client: 'badge-5' }, downMs: 150, upMs: 400 });
    await new Promise((r) => setTimeout(r, 120));
    expect(four.connected).toBe(false);
    expect(five.connected).toBe(false);
    expect(six.connected).toBe(true);
    // badge-4 keeps trying; every attempt is reset before its CONNECT reaches the broker.
    await new Promise((r) => setTimeout(r, 200));
    expect(four.connected).toBe(false);
    const blockedAttempts = proxy.stats().connections.filter((c) => c.clientId === 'badge-4' && c.closeReason === 'blocked');
    expect(blockedAttempts.length).toBeGreaterThanOrEqual(2);
    // badge-5 came back in its up phase.
    expect(five.connected).toBe(true);

    flap.clear();
    block.clear();
    await new Promise((r) => four.once('connect', r));
    await four.publishAsync('badges/badge-4/up/chunk', 'back', { qos: 1 });
    expect(b.received).toContain('badge-4:badges/badge-4/up/chunk:back');
    expect(six.connected).toBe(true);
    expect(proxy.stats().byClient['badge-6']!.connections).toBe(1);
  });
});

