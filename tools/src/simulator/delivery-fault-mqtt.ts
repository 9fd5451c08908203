/**
 * The badge's MQTT client with delivery faults: publishes of audio messages
 * (session-start, chunk, session-end) are duplicated with a probability and/or
 * held and released in shuffled order within a window, as retransmissions and
 * reconnections across paths produce them. Everything else passes straight
 * through (the Hello must still open a connection). Held messages are sent
 * when the window fills or after `flushMs`; if the connection is gone by then
 * they are lost, which the firmware must repair by resending unacknowledged
 * chunks.
 */
import type { MqttClient, MqttHandlers } from '@parley/firmware';

// `up/c`: chunks in the compact form (docs/protocol.md).
const AUDIO = /\/up\/(chunk|c|session-start|session-end)$/;

export interface DeliveryFaultSettings {
  /** 0..1: chance an audio publish is sent twice. */
  duplicateProbability: number;
  /** Messages held and shuffled together (0 or 1: no reordering). */
  reorderWindow: number;
}

export class DeliveryFaultMqtt implements MqttClient {
  private readonly inner: MqttClient;
  private readonly random: () => number;
  private readonly settings: DeliveryFaultSettings;
  private readonly flushMs: number;
  private held: { topic: string; payload: Uint8Array; qos: 0 | 1 }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Counters for the report. */
  duplicated = 0;
  reordered = 0;

  constructor(inner: MqttClient, settings: DeliveryFaultSettings, random: () => number, flushMs = 100) {
    this.inner = inner;
    this.settings = settings;
    this.random = random;
    this.flushMs = flushMs;
  }

  setHandlers(handlers: MqttHandlers): void {
    this.inner.setHandlers({
      connected: () => handlers.connected(),
      disconnected: (reason) => {
        this.held = [];
        handlers.disconnected(reason);
      },
      message: (topic, payload) => handlers.message(topic, payload),
    });
  }

  connect(): void {
    this.inner.connect();
  }

  disconnect(): void {
    this.held = [];
    this.inner.disconnect();
  }

  isConnected(): boolean {
    return this.inner.isConnected();
  }

  subscribe(topic: string, qos: 0 | 1): void {
    this.inner.subscribe(topic, qos);
  }

  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    if (!AUDIO.test(topic) || !this.inner.isConnected()) return this.inner.publish(topic, payload, qos);
    const copy = new Uint8Array(payload);
    if (this.settings.reorderWindow > 1) {
      this.held.push({ topic, payload: copy, qos });
      if (this.held.length >= this.settings.reorderWindow) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
      return true;
    }
    return this.send(topic, copy, qos);
  }

  /** Sends what is held, shuffled. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.held;
    this.held = [];
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      if (j !== i) this.reordered++;
      [batch[i], batch[j]] = [batch[j] as (typeof batch)[number], batch[i] as (typeof batch)[number]];
    }
    for (const m of batch) this.send(m.topic, m.payload, m.qos);
  }

  private send(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    const ok = this.inner.publish(topic, payload, qos);
    if (ok && this.random() < this.settings.duplicateProbability) {
      this.duplicated++;
      this.inner.publish(topic, payload, qos);
    }
    return ok;
  }
}
