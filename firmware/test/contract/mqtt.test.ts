import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from '../../src/hal/mqtt.js';
import { NodeMqtt } from '../../src/platform/node/mqtt.js';
import { EspruinoMqttClient } from '../../src/platform/espruino/mqtt.js';
import type { EspruinoMqtt, EspruinoMqttModule, EspruinoMqttPublish } from '../../src/platform/espruino/globals.js';
import { fakeE } from '../../src/build/espruino-doubles.js';

let broker: Aedes;
let server: Server;
let port = 0;

beforeAll(async () => {
  broker = await Aedes.createBroker();
  server = createServer(broker.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((r) => broker.close(() => r()));
  await new Promise<void>((r) => server.close(() => r()));
});

/**
 * A double of Espruino's MQTT module that behaves like it on the wire:
 * payloads are strings (a binary string goes out byte for byte; anything
 * else would be sent as its text), delivered through mqtt.js to the broker.
 */
function espruinoMqttModule(): EspruinoMqttModule {
  return {
    create(server, o) {
      const handlers: { [ev: string]: ((arg?: unknown) => void) | undefined } = {};
      let client: mqtt.MqttClient | null = null;
      const m: EspruinoMqtt = {
        connected: false,
        on: ((ev: string, cb: (arg?: unknown) => void) => {
          handlers[ev] = cb;
        }) as EspruinoMqtt['on'],
        connect() {
          client = mqtt.connect(`mqtt://${server}:${o.port}`, { clientId: o.client_id, username: o.username, password: o.password, clean: o.clean_session, protocolVersion: o.protocol_level as 4, reconnectPeriod: 0 });
          client.on('connect', () => {
            m.connected = true;
            handlers.connected?.();
          });
          client.on('close', () => {
            if (!m.connected) return;
            m.connected = false;
            handlers.disconnected?.();
          });
          client.on('message', (topic, payload) => handlers.publish?.({ topic, message: payload.toString('latin1') } as EspruinoMqttPublish));
        },
        disconnect() {
          client?.end(true);
        },
        publish(topic, message, opts) {
          client?.publish(topic, Buffer.from(String(message), 'latin1'), { qos: opts.qos as 0 | 1 });
        },
        subscribe(topic, opts) {
          client?.subscribe(topic, { qos: opts.qos as 0 | 1 });
        },
      };
      return m;
    },
  };
}

const impls: [string, (id: string) => MqttClient][] = [
  ['node (mqtt.js)', (id) => new NodeMqtt({ url: `mqtt://127.0.0.1:${port}`, clientId: id, username: id, password: 'pw' })],
  ['espruino (MQTT module)', (id) => new EspruinoMqttClient(espruinoMqttModule(), fakeE(Uint8Array, () => undefined), { host: '127.0.0.1', port, clientId: id, username: id, password: 'pw', keepAliveS: 30 })],
];

function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (cond()) resolve();
      else if (Date.now() > end) reject(new Error('timeout'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe.each(impls)('MqttClient contract: %s', (name, make) => {
  it('connects, round-trips every byte value, and reports the disconnect', async () => {
    const id = 'contract-' + name.split(' ')[0];
    const c = make(id);
    const events: string[] = [];
    const got: Uint8Array[] = [];
    c.setHandlers({
      connected: () => events.push('connected'),
      disconnected: () => events.push('disconnected'),
      message: (_t, p) => got.push(new Uint8Array(p)),
    });
    expect(c.publish('x/y', new Uint8Array([1]), 1)).toBe(false);
    c.connect();
    await waitFor(() => c.isConnected());
    c.subscribe(`badges/${id}/down/ack`, 1);
    await new Promise((r) => setTimeout(r, 100));
    const all = new Uint8Array(256);
    for (let i = 0; i < 256; i++) all[i] = i;
    expect(c.publish(`badges/${id}/down/ack`, all, 1)).toBe(true);
    await waitFor(() => got.length === 1);
    expect(got[0]).toEqual(all);
    c.disconnect();
    await waitFor(() => events.includes('disconnected'));
    expect(c.isConnected()).toBe(false);
    expect(events[0]).toBe('connected');
  });
});
