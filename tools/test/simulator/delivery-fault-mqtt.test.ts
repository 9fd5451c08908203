import { describe, expect, it } from 'vitest';
import type { MqttClient, MqttHandlers } from '@parley/firmware';
import { DeliveryFaultMqtt } from '../../src/simulator/delivery-fault-mqtt.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

class RecordingMqtt implements MqttClient {
  sent: string[] = [];
  connected = true;
  handlers: MqttHandlers | null = null;
  setHandlers(h: MqttHandlers): void {
    this.handlers = h;
  }
  connect(): void {}
  disconnect(): void {
    this.connected = false;
  }
  isConnected(): boolean {
    return this.connected;
  }
  publish(topic: string, payload: Uint8Array): boolean {
    if (!this.connected) return false;
    this.sent.push(`${topic.split('/').pop()}:${payload[0]}`);
    return true;
  }
  subscribe(): void {}
}

const rng = () => {
  const r = new SeededRandom(5);
  return () => r.next();
};

describe('DeliveryFaultMqtt', () => {
  it('passes everything through unchanged when no fault is set', () => {
    const inner = new RecordingMqtt();
    const m = new DeliveryFaultMqtt(inner, { duplicateProbability: 0, reorderWindow: 0 }, rng());
    for (let i = 0; i < 5; i++) m.publish('badges/b/up/chunk', new Uint8Array([i]), 1);
    expect(inner.sent).toEqual(['chunk:0', 'chunk:1', 'chunk:2', 'chunk:3', 'chunk:4']);
  });

  it('duplicates audio publishes but never the hello', () => {
    const inner = new RecordingMqtt();
    const m = new DeliveryFaultMqtt(inner, { duplicateProbability: 1, reorderWindow: 0 }, rng());
    m.publish('badges/b/up/hello', new Uint8Array([9]), 1);
    m.publish('badges/b/up/chunk', new Uint8Array([1]), 1);
    expect(inner.sent).toEqual(['hello:9', 'chunk:1', 'chunk:1']);
    expect(m.duplicated).toBe(1);
  });

  it('reorders within the window and sends every message exactly once', () => {
    const inner = new RecordingMqtt();
    const m = new DeliveryFaultMqtt(inner, { duplicateProbability: 0, reorderWindow: 8 }, rng());
    for (let i = 0; i < 8; i++) m.publish('badges/b/up/chunk', new Uint8Array([i]), 1);
    expect(inner.sent).toHaveLength(8);
    expect([...inner.sent].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `chunk:${i}`));
    expect(inner.sent).not.toEqual(Array.from({ length: 8 }, (_, i) => `chunk:${i}`));
    expect(m.reordered).toBeGreaterThan(0);
  });

  it('drops what it holds when the connection goes (the firmware resends unacknowledged chunks)', () => {
    const inner = new RecordingMqtt();
    const m = new DeliveryFaultMqtt(inner, { duplicateProbability: 0, reorderWindow: 4 }, rng());
    m.setHandlers({ connected: () => undefined, disconnected: () => undefined, message: () => undefined });
    m.publish('badges/b/up/chunk', new Uint8Array([1]), 1);
    inner.handlers?.disconnected('cut');
    m.flush();
    expect(inner.sent).toEqual([]);
  });
});
