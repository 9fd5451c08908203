import mqtt from 'mqtt';
import type { MqttClient as MqttJsClient } from 'mqtt';
import type { MqttClient, MqttHandlers } from '../../hal/mqtt.js';

export interface BrowserMqttOptions {
  /** ws:// or wss:// URL of the gateway's MQTT over WebSocket (`/mqtt` on its HTTP port). */
  url: string;
  clientId: string;
  username: string;
  password: string;
  keepaliveS?: number;
  connectTimeoutMs?: number;
}

/**
 * mqtt.js's browser build over WebSocket behind the firmware's MQTT
 * interface, configured like the device's client: MQTT 3.1.1, clean
 * session, no automatic reconnect (the uploader owns reconnecting), no
 * offline queue. Payloads go out as the firmware's Uint8Arrays (the browser
 * has no Buffer).
 */
export class BrowserMqtt implements MqttClient {
  private readonly opts: BrowserMqttOptions;
  private client: MqttJsClient | null = null;
  private handlers: MqttHandlers | null = null;
  private open = false;

  constructor(opts: BrowserMqttOptions) {
    this.opts = opts;
  }

  setHandlers(handlers: MqttHandlers): void {
    this.handlers = handlers;
  }

  connect(): void {
    if (this.client) return;
    const client = mqtt.connect(this.opts.url, {
      clientId: this.opts.clientId,
      username: this.opts.username,
      password: this.opts.password,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 0,
      keepalive: this.opts.keepaliveS ?? 30,
      connectTimeout: this.opts.connectTimeoutMs ?? 10_000,
      queueQoSZero: false,
      resubscribe: false,
    });
    this.client = client;
    let reported = false;
    const down = (reason: string): void => {
      if (this.client !== client) return;
      this.client = null;
      this.open = false;
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end(true);
      if (!reported) {
        reported = true;
        this.handlers?.disconnected(reason);
      }
    };
    client.on('connect', () => {
      this.open = true;
      this.handlers?.connected();
    });
    client.on('message', (topic, payload) => {
      this.handlers?.message(topic, new Uint8Array(payload.buffer, payload.byteOffset, payload.length));
    });
    client.on('error', (err) => down(err.message));
    client.on('close', () => down('closed'));
  }

  disconnect(): void {
    const client = this.client;
    if (!client) return;
    this.client = null;
    this.open = false;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end(true);
    this.handlers?.disconnected('disconnect requested');
  }

  isConnected(): boolean {
    return this.open && this.client !== null && this.client.connected;
  }

  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    if (!this.client || !this.open) return false;
    // mqtt.js's types say Buffer; its browser build writes any Uint8Array.
    this.client.publish(topic, payload as Buffer, { qos });
    return true;
  }

  subscribe(topic: string, qos: 0 | 1): void {
    this.client?.subscribe(topic, { qos });
  }
}
