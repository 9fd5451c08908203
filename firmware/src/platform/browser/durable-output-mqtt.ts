/**
 * The output rule of the web badge's write-behind flash: a message leaves the
 * page only once every flash write made before it was published is durable
 * (its IndexedDB transaction has completed). On the badge a flash write is
 * done when the call returns; in the browser it is done when IndexedDB says
 * so, and until then the gateway must not see anything that depends on it — a
 * chunk it would acknowledge (and the badge then erase) while the browser
 * could still forget the frames' session, sequence numbers or spool record.
 *
 * Publishes keep their order; one made on a connection that has since closed
 * is dropped rather than sent on the next one (the firmware resends whatever
 * was not acknowledged, after its Hello).
 */
import type { MqttClient, MqttHandlers } from '../../hal/mqtt.js';

export interface DurabilityBarrier {
  /** Resolves once every write made before the call is durable. */
  whenDurable(): Promise<void>;
}

export class DurableOutputMqtt implements MqttClient {
  private readonly inner: MqttClient;
  private readonly barrier: DurabilityBarrier;
  private readonly onDropped: (reason: string) => void;
  private tail: Promise<void> = Promise.resolve();
  /** Changes whenever a connection opens or closes; a publish waits only for the connection it was made on. */
  private connection = 0;
  /** Publishes accepted and not yet handed to mqtt.js. */
  private waiting = 0;

  constructor(inner: MqttClient, barrier: DurabilityBarrier, onDropped: (reason: string) => void = () => undefined) {
    this.inner = inner;
    this.barrier = barrier;
    this.onDropped = onDropped;
  }

  setHandlers(handlers: MqttHandlers): void {
    this.inner.setHandlers({
      connected: () => {
        this.connection++;
        handlers.connected();
      },
      disconnected: (reason) => {
        this.connection++;
        handlers.disconnected(reason);
      },
      message: (topic, payload) => handlers.message(topic, payload),
    });
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

  /** Publishes held back until the flash is durable. */
  pendingPublishes(): number {
    return this.waiting;
  }

  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    if (!this.inner.isConnected()) return false;
    const connection = this.connection;
    const durable = this.barrier.whenDurable();
    // The payload may be a view the firmware reuses: keep this publish's bytes.
    const bytes = payload.slice();
    this.waiting++;
    this.tail = this.tail
      .then(() => durable)
      .then(
        () => {
          if (connection !== this.connection || !this.inner.publish(topic, bytes, qos)) this.onDropped('connection closed before the flash was durable');
        },
        (err: unknown) => this.onDropped('flash not durable: ' + String(err)),
      )
      .finally(() => {
        this.waiting--;
      });
    return true;
  }

  subscribe(topic: string, qos: 0 | 1): void {
    this.inner.subscribe(topic, qos);
  }
}
