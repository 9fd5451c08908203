import mqtt from 'mqtt';
import type { MqttClient as MqttJsConnection } from 'mqtt';
import type { MqttClient, MqttHandlers } from '../../hal/mqtt.js';

export interface MqttJsOptions {
  /** mqtt://host:port, mqtts://… (Node), ws://…/mqtt (Node and the browser: the gateway's MQTT over WebSocket) */
  url: string;
  clientId: string;
  username: string;
  password: string;
  keepaliveS?: number;
  connectTimeoutMs?: number;
}

/**
 * mqtt.js behind the firmware's MQTT interface, for the Node and the browser
 * platforms (bundlers pick mqtt.js's browser build), configured like
 * Espruino's module: MQTT 3.1.1, clean session, no automatic reconnect (the
 * uploader owns reconnecting), no offline queue.
 */
export class MqttJsClient implements MqttClient {
  private readonly opts: MqttJsOptions;
  private client: MqttJsConnection | null = null;
  private handlers: MqttHandlers | null = null;
  private open = false;

  constructor(opts: MqttJsOptions) {
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
    // mqtt.js's types say Buffer; in the browser (no Buffer) its build writes any Uint8Array.
    this.client.publish(topic, typeof Buffer === 'undefined' ? (payload as Buffer) : Buffer.from(payload), { qos });
    return true;
  }

  subscribe(topic: string, qos: 0 | 1): void {
    this.client?.subscribe(topic, { qos });
  }
}
