import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closed, connect, end } from './support/mqtt-client.js';
import { connectPacket, publishHeader } from './support/raw-mqtt.js';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

describe('MQTT over WebSocket at /mqtt on the HTTP port', () => {
  let t: TestGateway;
  let secret: string;

  beforeAll(async () => {
    t = await startTestGateway();
    secret = await t.provision('badge-ws');
  });
  afterAll(async () => t.stop());

  it('authenticates and authorizes like TCP', async () => {
    const url = `ws://127.0.0.1:${t.addresses.http}/mqtt`;
    expect((await connect(url, { username: 'badge-ws', password: 'wrong', clientId: 'badge-ws' })).returnCode).toBe(4);
    const { client, returnCode } = await connect(url, { username: 'badge-ws', password: secret, clientId: 'badge-ws' });
    expect(returnCode).toBe(0);
    await client!.publishAsync('badges/badge-ws/up/telemetry', Buffer.from([1]), { qos: 1 });
    client!.publish('badges/other-badge/up/telemetry', Buffer.from([1]), { qos: 1 });
    expect(await closed(client!)).toBe(true);
    await end(client);
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.addresses.http}/not-mqtt`, 'mqtt');
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).on('error', () => resolve(-1)));
    expect(status).toBe(404);
  });

  it('closes a WebSocket carrying an oversized MQTT packet', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.addresses.http}/mqtt`, 'mqtt');
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(connectPacket('badge-ws', 'badge-ws', secret));
    const closedAt = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // Within one WebSocket message limit, but its MQTT header announces 10 MiB.
    ws.send(Buffer.concat([publishHeader('badges/badge-ws/up/chunk', 10 * 1024 * 1024), Buffer.alloc(1000)]));
    await closedAt;
    const big = new WebSocket(`ws://127.0.0.1:${t.addresses.http}/mqtt`, 'mqtt');
    await new Promise((resolve) => big.once('open', resolve));
    const bigClosed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.on('error', () => {});
    big.send(Buffer.alloc(1024 * 1024));
    expect(await bigClosed).toBe(1009);
  });
});

describe('MQTT over TLS when a certificate is configured', () => {
  let t: TestGateway;
  let secret: string;

  beforeAll(async () => {
    const certFile = fileURLToPath(new URL('fixtures/tls/cert.pem', import.meta.url));
    const keyFile = fileURLToPath(new URL('fixtures/tls/key.pem', import.meta.url));
    t = await startTestGateway({ mqtt: { tls: { certFile, keyFile } } });
    secret = await t.provision('badge-tls');
  });
  afterAll(async () => t.stop());

  it('listens on the TLS port and authenticates devices there', async () => {
    expect(t.addresses.mqtts).toBeGreaterThan(0);
    const url = `mqtts://127.0.0.1:${t.addresses.mqtts}`;
    const ca = readFileSync(fileURLToPath(new URL('fixtures/tls/cert.pem', import.meta.url)));
    const { client, returnCode } = await connect(url, { username: 'badge-tls', password: secret, clientId: 'badge-tls', ca });
    expect(returnCode).toBe(0);
    await end(client);
    expect((await connect(url, { username: 'badge-tls', password: 'x', clientId: 'badge-tls', rejectUnauthorized: false })).returnCode).toBe(4);
  });

  it('does not listen on TLS without a certificate', async () => {
    const plain = await startTestGateway();
    expect(plain.addresses.mqtts).toBeNull();
    await plain.stop();
  });
});

describe('MQTT over WebSocket behind a trusted proxy', () => {
  it('attributes failed logins to the X-Forwarded-For client, not the proxy', async () => {
    const t = await startTestGateway({ http: { trustProxy: true } });
    try {
      const url = `ws://127.0.0.1:${t.addresses.http}/mqtt`;
      const refused = await connect(url, { username: 'badge-nope', password: 'x', clientId: 'badge-nope', wsOptions: { headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } } });
      expect(refused.returnCode).toBe(4);
      const [entry] = await t.gateway.audit.list({ action: 'mqtt.auth.failed' });
      expect(entry!.source).toBe('203.0.113.7');
    } finally {
      await t.stop();
    }
  });
});
