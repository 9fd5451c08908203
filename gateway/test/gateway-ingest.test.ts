import { decodeDown, downTopic, encodeUp, upTopic } from '@parley/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, end } from './support/mqtt-client.js';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

describe('build() wires ingest behind the secured broker', () => {
  let t: TestGateway;
  let secret: string;

  beforeAll(async () => {
    t = await startTestGateway({}, { fleet: { wantedConfigVersion: (id) => (id === 'badge-ing' ? 7 : 0) } });
    secret = await t.provision('badge-ing');
  });
  afterAll(async () => t.stop());

  it('answers an authenticated badge’s Hello with a HelloReply on its own down topic, with the fleet’s wanted config version', async () => {
    const { client } = await connect(`mqtt://127.0.0.1:${t.addresses.mqtt}`, { username: 'badge-ing', password: secret, clientId: 'badge-ing' });
    await client!.subscribeAsync('badges/badge-ing/down/#', { qos: 1 });
    const reply = new Promise<Buffer>((resolve) =>
      client!.on('message', (topic, payload) => {
        if (topic === downTopic('badge-ing', 'hello-reply')) resolve(payload);
      }),
    );
    const before = Date.now();
    const hello = encodeUp('hello', { deviceId: 'badge-ing', firmwareVersion: '1.0.0', hardwareRevision: 'r1', bootCount: 1, uptimeS: 5, configVersion: 0 });
    await client!.publishAsync(upTopic('badge-ing', 'hello'), Buffer.from(hello), { qos: 1 });
    const decoded = decodeDown('hello-reply', await reply);
    expect(decoded.wantedConfigVersion).toBe(7);
    expect(Number(decoded.serverTimeMs)).toBeGreaterThanOrEqual(before);
    await end(client);
  });
});
