import type { MqttClient } from 'mqtt';
import { decodeDown, encodeUp, upTopic, type DecodedDown, type DownKind, type UpKind, type UpMessages } from '@parley/proto';
import { connect, end } from '../support/mqtt-client.js';

interface Received<K extends DownKind = DownKind> {
  kind: K;
  retained: boolean;
  message: DecodedDown<K>;
}

/** A badge for tests: a real mqtt.js client that records every down message it gets. */
export class BadgeDouble {
  readonly received: Received[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    readonly deviceId: string,
    readonly client: MqttClient,
  ) {
    client.on('message', (topic, payload, packet) => {
      const kind = topic.split('/')[3] as DownKind;
      if (payload.length === 0) return; // a cleared retained message
      this.received.push({ kind, retained: packet.retain, message: decodeDown(kind, payload) });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Connects and subscribes to `badges/{id}/down/#`; null client when refused (returnCode says why). */
  static async connect(port: number, deviceId: string, secret: string): Promise<{ badge: BadgeDouble | null; returnCode: number }> {
    const { client, returnCode } = await connect(`mqtt://127.0.0.1:${port}`, { username: deviceId, password: secret, clientId: deviceId });
    if (!client) return { badge: null, returnCode };
    await client.subscribeAsync(`badges/${deviceId}/down/#`, { qos: 1 });
    return { badge: new BadgeDouble(deviceId, client), returnCode };
  }

  async send<K extends UpKind>(kind: K, message: UpMessages[K]): Promise<void> {
    await this.client.publishAsync(upTopic(this.deviceId, kind), Buffer.from(encodeUp(kind, message)), { qos: 1 });
  }

  /** Resolves with the first message of `kind` (received from now on or earlier, see `since`) matching `test`. */
  async waitFor<K extends DownKind>(kind: K, test: (m: DecodedDown<K>) => boolean = () => true, ms = 3_000, since = 0): Promise<Received<K>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.slice(since).find((r): r is Received<K> => r.kind === kind && test(r.message as DecodedDown<K>));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${kind} within ${ms} ms (got: ${this.received.map((r) => r.kind).join(', ')})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  of<K extends DownKind>(kind: K): DecodedDown<K>[] {
    return this.received.filter((r) => r.kind === kind).map((r) => r.message as DecodedDown<K>);
  }

  close(): Promise<void> {
    return end(this.client);
  }
}

/** A Hello as a badge sends it after connecting. */
export function hello(deviceId: string, configVersion: number): UpMessages['hello'] {
  return { deviceId, firmwareVersion: '1.0.0', hardwareRevision: 'r1', bootCount: 3, uptimeS: 12, clockState: 0, configVersion, backlog: [], flashUsedBytes: 1000, flashFreeBytes: 9000 };
}
