import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, end } from './support/mqtt-client.js';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function closesWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('connections awaiting authentication, per source address', () => {
  let t: TestGateway;
  let secret: string;

  beforeAll(async () => {
    t = await startTestGateway({ mqtt: { maxPendingPerAddress: 3 } });
    secret = await t.provision('badge-pend');
  });
  afterAll(async () => t.stop());

  it('closes connections beyond the limit at once, and frees a slot when one closes or authenticates', async () => {
    const idle = await Promise.all([0, 1, 2].map(() => openSocket(t.addresses.mqtt)));
    for (const socket of idle) socket.on('error', () => {});
    const extra = await openSocket(t.addresses.mqtt);
    extra.on('error', () => {});
    expect(await closesWithin(extra, 2_000)).toBe(true);
    expect(await closesWithin(idle[0]!, 200)).toBe(false);
    const rejects = await t.gateway.metrics.registry.getSingleMetricAsString('parley_rejects_total');
    expect(rejects).toMatch(/reason="too_many_pending_connections"} 1/);

    idle[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const url = `mqtt://127.0.0.1:${t.addresses.mqtt}`;
    const device = await connect(url, { username: 'badge-pend', password: secret, clientId: 'badge-pend' });
    expect(device.returnCode).toBe(0);
    // Authenticated connections do not count: another pending one fits again.
    const again = await openSocket(t.addresses.mqtt);
    again.on('error', () => {});
    expect(await closesWithin(again, 300)).toBe(false);
    for (const socket of [...idle, again]) socket.destroy();
    await end(device.client);
  });
});
