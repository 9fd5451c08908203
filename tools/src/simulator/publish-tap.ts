/**
 * The badge's MQTT client with every publish the firmware makes reported to
 * an observer first (the drain benchmark's byte accounting). Nothing is
 * changed on the way.
 */
import type { MqttClient, MqttHandlers } from '@parley/firmware';

export type PublishObserver = (topic: string, payload: Uint8Array, qos: 0 | 1, handedOver: boolean) => void;

export class PublishTap implements MqttClient {
  private readonly inner: MqttClient;
  private readonly observe: PublishObserver;

  constructor(inner: MqttClient, observe: PublishObserver) {
    this.inner = inner;
    this.observe = observe;
  }

  setHandlers(handlers: MqttHandlers): void {
    this.inner.setHandlers(handlers);
  }
  connect(): void {
    this.inner.connect();
  }
  disconnect(): void {
    this.inner.disconnect();
  }
  isConnected(): boolean {
    return this.inner.isConnected();
  }
  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    const ok = this.inner.publish(topic, payload, qos);
    this.observe(topic, payload, qos, ok);
    return ok;
  }
  subscribe(topic: string, qos: 0 | 1): void {
    this.inner.subscribe(topic, qos);
  }
}
