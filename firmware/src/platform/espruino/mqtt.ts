import type { MqttClient, MqttHandlers } from '../../hal/mqtt.js';
import type { EspruinoE, EspruinoMqtt, EspruinoMqttModule } from './globals.js';

export interface EspruinoMqttOptions {
  host: string;
  port: number;
  clientId: string;
  username: string;
  password: string;
  keepAliveS: number;
}

/**
 * The firmware's MQTT on Espruino's `require("MQTT")`: MQTT 3.1.1, clean
 * session; binary payloads go out as `E.toString(bytes)` (a Uint8Array would
 * be sent as "1,2,3") and come in as binary strings.
 */
export class EspruinoMqttClient implements MqttClient {
  private readonly mod: EspruinoMqttModule;
  private readonly E: EspruinoE;
  private readonly opts: EspruinoMqttOptions;
  private client: EspruinoMqtt | null = null;
  private handlers: MqttHandlers | null = null;
  private open = false;

  constructor(mod: EspruinoMqttModule, e: EspruinoE, opts: EspruinoMqttOptions) {
    this.mod = mod;
    this.E = e;
    this.opts = opts;
  }

  setHandlers(handlers: MqttHandlers): void {
    this.handlers = handlers;
  }

  connect(): void {
    if (this.client) return;
    const o = this.opts;
    const client = this.mod.create(o.host, {
      client_id: o.clientId, username: o.username, password: o.password, port: o.port, keep_alive: o.keepAliveS,
      clean_session: true, protocol_name: 'MQTT', protocol_level: 4,
    });
    this.client = client;
    client.on('connected', () => {
      if (this.client !== client) return;
      this.open = true;
      if (this.handlers) this.handlers.connected();
    });
    client.on('disconnected', () => this.lost(client, 'disconnected'));
    client.on('error', (err) => this.lost(client, String(err)));
    client.on('publish', (pub) => {
      if (this.client === client && this.handlers) this.handlers.message(pub.topic, this.E.toUint8Array(pub.message));
    });
    client.connect();
  }

  disconnect(): void {
    const client = this.client;
    if (!client) return;
    this.client = null;
    this.open = false;
    client.disconnect();
    if (this.handlers) this.handlers.disconnected('disconnect requested');
  }

  isConnected(): boolean {
    return this.open;
  }

  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    if (!this.client || !this.open) return false;
    this.client.publish(topic, this.E.toString(payload), { qos: qos });
    return true;
  }

  subscribe(topic: string, qos: 0 | 1): void {
    if (this.client) this.client.subscribe(topic, { qos: qos });
  }

  private lost(client: EspruinoMqtt, reason: string): void {
    if (this.client !== client) return;
    this.client = null;
    this.open = false;
    if (this.handlers) this.handlers.disconnected(reason);
  }
}
