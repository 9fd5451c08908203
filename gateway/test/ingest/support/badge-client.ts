import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { decodeDown, downTopic, encodeUp, parseTopic, upTopic, type DecodedDown, type DownKind, type UpKind, type UpMessages } from '@parley/proto';

interface Received {
  kind: DownKind;
  message: unknown;
  at: number;
}

/** A badge's MQTT side for tests: real mqtt.js over TCP, encodes up-messages, collects decoded down-messages. */
export class TestBadge {
  readonly received: Received[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    readonly deviceId: string,
    readonly client: MqttClient,
  ) {
    client.on('message', (topic, payload) => {
      const t = parseTopic(topic);
      if (!t || t.direction !== 'down') return;
      const kind = t.kind as DownKind;
      this.received.push({ kind, message: decodeDown(kind, payload), at: Date.now() });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(port: number, deviceId: string): Promise<TestBadge> {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: deviceId, clean: true, reconnectPeriod: 0, protocolVersion: 4 });
    await client.subscribeAsync(`${downTopic(deviceId, 'ack').replace(/ack$/, '')}#`, { qos: 1 });
    return new TestBadge(deviceId, client);
  }

  async send<K extends UpKind>(kind: K, message: UpMessages[K]): Promise<void> {
    await this.client.publishAsync(upTopic(this.deviceId, kind), Buffer.from(encodeUp(kind, message)), { qos: 1 });
  }

  async sendRaw(kind: UpKind, payload: Uint8Array): Promise<void> {
    await this.client.publishAsync(upTopic(this.deviceId, kind), Buffer.from(payload), { qos: 1 });
  }

  messages<K extends DownKind>(kind: K): Array<DecodedDown<K>> {
    return this.received.filter((r) => r.kind === kind).map((r) => r.message as DecodedDown<K>);
  }

  /** Waits for a down-message of `kind` matching `pred` (already received ones count). */
  async waitFor<K extends DownKind>(kind: K, pred: (m: DecodedDown<K>) => boolean = () => true, timeoutMs = 5000): Promise<DecodedDown<K>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.messages(kind).find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${kind}; got ${JSON.stringify(this.received.map((r) => r.kind))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

export function newSessionId(): Uint8Array {
  return Uint8Array.from(randomBytes(16));
}

export function hex(id: Uint8Array): string {
  return Buffer.from(id).toString('hex');
}

/** An AudioChunk with a correct CRC. */
export function chunkMessage(sessionId: Uint8Array, seq: number, firstFrame: number, frames: Uint8Array[], captureTimeMs = 1_763_800_000_000 + firstFrame * 20): UpMessages['chunk'] {
  let crc = 0;
  for (const f of frames) crc = crc32(f, crc);
  return { sessionId, seq, firstFrame, frames, captureTimeMs, clockSynced: true, crc32: crc >>> 0, backlog: false };
}

/** A SessionEnd for `frames` sent in `totalChunks` chunks (every frame kept), with `extra` fields over it. */
export function sessionEndMessage(sessionId: Uint8Array, totalChunks: number, frames: Uint8Array[], extra: Partial<UpMessages['session-end']> = {}): UpMessages['session-end'] {
  return {
    sessionId,
    reason: 1,
    endTimeMs: 1_763_800_000_000 + frames.length * 20,
    clockSynced: true,
    totalFrames: frames.length,
    totalBytes: frames.reduce((a, f) => a + f.length, 0),
    totalChunks,
    digest: digestOf(frames),
    droppedFrames: 0,
    gaps: [],
    timeCorrected: false,
    clockOffsetMs: 0,
    ...extra,
  };
}

/** crc32 continued over frames, as SessionEnd.digest. */
export function digestOf(frames: Iterable<Uint8Array>): number {
  let crc = 0;
  for (const f of frames) crc = crc32(f, crc);
  return crc >>> 0;
}

export type { DecodedDown };
