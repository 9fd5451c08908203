import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/registry/secrets.js';
import { closed, connect, end, grantedQos } from './support/mqtt-client.js';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

const SERVICE_SECRET = 'service-secret-service-secret-service-secret';

describe('broker authentication and authorization (real aedes over TCP, mqtt.js clients)', () => {
  let t: TestGateway;
  let url: string;
  let secretA: string;
  let secretB: string;

  beforeAll(async () => {
    const secretHash = await hashSecret(SERVICE_SECRET, 1024);
    t = await startTestGateway({
      mqtt: { services: [{ name: 'monitor', secretHash, subscribe: ['badges/+/up/#'], publish: ['badges/+/down/command'] }] },
      auth: { maxFailuresPerDevice: 3, maxFailuresPerAddress: 1000, lockoutBaseMs: 60_000 },
    });
    url = `mqtt://127.0.0.1:${t.addresses.mqtt}`;
    secretA = await t.provision('badge-a');
    secretB = await t.provision('badge-b');
  });
  afterAll(async () => t.stop());

  const asDevice = (id: string, password: string, clientId = id) => connect(url, { username: id, password, clientId });

  it('accepts a device with its secret and activates it on first connection', async () => {
    const { client, returnCode } = await asDevice('badge-a', secretA);
    expect(returnCode).toBe(0);
    const device = await t.gateway.devices.get('badge-a');
    expect(device.status).toBe('active');
    expect(device.lastSeenAtMs).not.toBeNull();
    expect(t.gateway.broker.isOnline('badge-a')).toBe(true);
    await end(client);
    const activated = await t.gateway.audit.list({ action: 'device.activated', target: 'badge-a' });
    expect(activated).toHaveLength(1);
  });

  it('refuses a wrong password and an unknown device with 4, and audits both', async () => {
    expect((await asDevice('badge-b', 'not-the-secret')).returnCode).toBe(4);
    expect((await asDevice('badge-zz', 'whatever')).returnCode).toBe(4);
    expect((await connect(url, { username: '../../etc/passwd', password: 'x', clientId: 'x' })).returnCode).toBe(4);
    expect((await connect(url, { clientId: 'anon' })).returnCode).toBe(4);
    expect((await connect(url, { username: 'u'.repeat(60_000), password: 'x', clientId: 'huge' })).returnCode).toBe(4);
    const huge = await t.gateway.audit.list({ target: 'u'.repeat(128) });
    expect(huge).toHaveLength(1);
    const failures = await t.gateway.audit.list({ action: 'mqtt.auth.failed', limit: 1000 });
    const reasons = failures.map((f) => [f.target, f.details.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['badge-b', 'bad_password'],
        ['badge-zz', 'unknown_device'],
        ['../../etc/passwd', 'unknown_device'],
      ]),
    );
    expect(failures.every((f) => f.source === '127.0.0.1' && f.outcome === 'denied')).toBe(true);
  });

  it('refuses a client id other than the device id with 2, so no other client can take over its session', async () => {
    expect((await asDevice('badge-b', secretB, 'badge-a')).returnCode).toBe(2);
    expect((await asDevice('badge-b', secretB, 'something-else')).returnCode).toBe(2);
  });

  it('lets only the same device take over its own client id', async () => {
    const first = await asDevice('badge-b', secretB);
    expect(first.returnCode).toBe(0);
    const intruder = await asDevice('badge-a', secretA, 'badge-b');
    expect(intruder.returnCode).toBe(2);
    expect(first.client!.connected).toBe(true);
    const second = await asDevice('badge-b', secretB);
    expect(second.returnCode).toBe(0);
    expect(await closed(first.client!)).toBe(true);
    const gauge = async () => (await t.gateway.metrics.connectedClients.get()).values.find((v) => v.labels.kind === 'device')?.value ?? 0;
    expect(await gauge()).toBe(1);
    expect(t.gateway.broker.isOnline('badge-b')).toBe(true);
    await end(first.client);
    await end(second.client);
    for (let i = 0; i < 50 && (await gauge()) !== 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await gauge()).toBe(0);
    expect(t.gateway.broker.isOnline('badge-b')).toBe(false);
  });

  it('refuses revoked devices with 5 and drops their live connection', async () => {
    const secret = await t.provision('badge-rev');
    const live = await asDevice('badge-rev', secret);
    expect(live.returnCode).toBe(0);
    await t.gateway.devices.revoke('badge-rev', { actor: 'test' });
    expect(await closed(live.client!)).toBe(true);
    await end(live.client);
    expect((await asDevice('badge-rev', secret)).returnCode).toBe(5);
    expect((await asDevice('badge-rev', 'wrong')).returnCode).toBe(4);
  });

  it('refuses locked and retired devices with 5', async () => {
    for (const status of ['locked', 'retired'] as const) {
      const id = `badge-${status}`;
      const secret = await t.provision(id);
      await t.gateway.devices.setStatus(id, status, { actor: 'test' });
      expect((await asDevice(id, secret)).returnCode).toBe(5);
    }
  });

  it('locks a device id out after repeated failures (3, server unavailable), even with the right secret, and audits it', async () => {
    const id = 'badge-lock';
    const secret = await t.provision(id);
    for (let i = 0; i < 3; i++) expect((await asDevice(id, `wrong-${i}`)).returnCode).toBe(4);
    expect((await asDevice(id, secret)).returnCode).toBe(3);
    const audited = await t.gateway.audit.list({ action: 'mqtt.auth.failed', target: id });
    expect(audited).toHaveLength(3);
    expect(audited[2]!.details.usernameLockoutMs).toBe(60_000);
    const metrics = await t.gateway.metrics.registry.getSingleMetricAsString('parley_mqtt_auth_failures_total');
    expect(metrics).toMatch(/reason="rate_limited"} [1-9]/);
  });

  it('lets a device publish only to its own up topics with known kinds', async () => {
    const { client } = await asDevice('badge-a', secretA);
    await client!.publishAsync('badges/badge-a/up/telemetry', Buffer.from([1, 2, 3]), { qos: 1 });
    expect(client!.connected).toBe(true);
    client!.publish('badges/badge-b/up/telemetry', Buffer.from([1]), { qos: 1 });
    expect(await closed(client!)).toBe(true);
    await end(client);

    for (const topic of ['badges/badge-a/down/config', 'badges/badge-a/up/not-a-kind', '$SYS/anything', 'elsewhere']) {
      const again = await asDevice('badge-a', secretA);
      again.client!.publish(topic, Buffer.from([1]), { qos: 1 });
      expect(await closed(again.client!), topic).toBe(true);
      await end(again.client);
    }
    const rejects = await t.gateway.metrics.registry.getSingleMetricAsString('parley_rejects_total');
    expect(rejects).toMatch(/reason="publish_forbidden"} 5/);
  });

  it('grants a device subscriptions only inside its own down subtree, refusing wildcards beyond it and $SYS', async () => {
    const { client } = await asDevice('badge-a', secretA);
    const cases: [string, number][] = [
      ['badges/badge-a/down/ack', 1],
      ['badges/badge-a/down/+', 1],
      ['badges/badge-a/down/#', 1],
      ['badges/badge-b/down/ack', 128],
      ['badges/+/down/ack', 128],
      ['badges/#', 128],
      ['#', 128],
      ['badges/badge-a/#', 128],
      ['badges/badge-a/up/chunk', 128],
      ['$SYS/#', 128],
      ['badges/badge-a/down/unknown-kind', 128],
    ];
    for (const [filter, granted] of cases) {
      expect([filter, await grantedQos(client!, filter)]).toEqual([filter, granted]);
    }
    await end(client);
  });

  it('delivers gateway downlinks to the device that subscribed', async () => {
    const { client } = await asDevice('badge-a', secretA);
    await client!.subscribeAsync('badges/badge-a/down/#', { qos: 1 });
    const got = new Promise<string>((resolve) => client!.once('message', (topic) => resolve(topic)));
    t.gateway.broker.aedes.publish({ cmd: 'publish', topic: 'badges/badge-a/down/command', payload: Buffer.from([9]), qos: 1, retain: false, dup: false }, () => {});
    expect(await got).toBe('badges/badge-a/down/command');
    await end(client);
  });

  it('treats service identities separately: own secret, svc: client ids, configured filters only', async () => {
    const wrong = await connect(url, { username: 'svc:monitor', password: 'nope', clientId: 'svc:monitor' });
    expect(wrong.returnCode).toBe(4);
    expect((await connect(url, { username: 'svc:ghost', password: SERVICE_SECRET, clientId: 'svc:ghost' })).returnCode).toBe(4);
    expect((await connect(url, { username: 'svc:monitor', password: SERVICE_SECRET, clientId: 'badge-a' })).returnCode).toBe(2);
    const { client, returnCode } = await connect(url, { username: 'svc:monitor', password: SERVICE_SECRET, clientId: 'svc:monitor:1' });
    expect(returnCode).toBe(0);
    expect(await grantedQos(client!, 'badges/+/up/telemetry', 0)).toBe(0);
    expect(await grantedQos(client!, 'badges/+/down/#')).toBe(128);
    expect(await grantedQos(client!, '#')).toBe(128);
    expect(await grantedQos(client!, '$SYS/#')).toBe(128);

    const device = await asDevice('badge-a', secretA);
    const seen = new Promise<string>((resolve) => client!.once('message', (topic) => resolve(topic)));
    await device.client!.publishAsync('badges/badge-a/up/telemetry', Buffer.from([7]), { qos: 1 });
    expect(await seen).toBe('badges/badge-a/up/telemetry');
    await end(device.client);

    await client!.publishAsync('badges/badge-a/down/command', Buffer.from([1]), { qos: 1 });
    client!.publish('badges/badge-a/up/chunk', Buffer.from([1]), { qos: 1 });
    expect(await closed(client!)).toBe(true);
    await end(client);
  });

  it('counts connected clients, publishes by kind and bytes on /metrics', async () => {
    const { client } = await asDevice('badge-a', secretA);
    await client!.publishAsync('badges/badge-a/up/event', Buffer.alloc(100), { qos: 1 });
    const res = await t.gateway.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/parley_mqtt_connected_clients{kind="device"} 1/);
    expect(res.body).toMatch(/parley_mqtt_publishes_total{direction="up",kind="event"} 1/);
    expect(res.body).toMatch(/parley_mqtt_publish_bytes_total{direction="up"} \d+/);
    await end(client);
  });
});

describe('per-address lockout', () => {
  it('locks out a source address guessing across many device ids, then lets it in again once the lockout ends', async () => {
    let now = 1_000_000;
    const t = await startTestGateway({ auth: { maxFailuresPerDevice: 100, maxFailuresPerAddress: 4, lockoutBaseMs: 5_000 } }, { now: () => now });
    try {
      const url = `mqtt://127.0.0.1:${t.addresses.mqtt}`;
      const secret = await t.provision('badge-real');
      for (let i = 0; i < 4; i++) {
        expect((await connect(url, { username: `badge-guess-${i}`, password: 'x', clientId: `badge-guess-${i}` })).returnCode).toBe(4);
      }
      expect((await connect(url, { username: 'badge-real', password: secret, clientId: 'badge-real' })).returnCode).toBe(3);
      const last = (await t.gateway.audit.list({ action: 'mqtt.auth.failed', target: 'badge-guess-3' }))[0]!;
      expect(last.details.addressLockoutMs).toBe(5_000);
      now += 5_001;
      const ok = await connect(url, { username: 'badge-real', password: secret, clientId: 'badge-real' });
      expect(ok.returnCode).toBe(0);
      await end(ok.client);
    } finally {
      await t.stop();
    }
  });
});
