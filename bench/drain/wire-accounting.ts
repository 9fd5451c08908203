/**
 * Where the drain's upstream bytes go: every publish the badge makes, sized
 * as MQTT 3.1.1 puts it on the wire (fixed header, topic, packet id) and, for
 * audio chunks, split into the Opus frames themselves, the protobuf framing
 * of each frame (field tag + length) and the chunk's other fields. What the
 * proxy counted beyond the publishes is the rest of the MQTT traffic
 * (CONNECT, SUBSCRIBE, PUBACKs for the gateway's QoS 1 messages, PINGREQ).
 */
import { decodeUp } from '@parley/proto';

function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    bytes++;
  }
  return bytes;
}

export interface WireAccount {
  /** Opus bytes in chunk publishes (retransmissions included). */
  opus: number;
  /** Protobuf tag + length of each frame of `repeated bytes frames`. */
  frameFraming: number;
  /** AudioChunk's other fields (session id, seq, first frame, time, crc, flags). */
  chunkFields: number;
  /** MQTT fixed header + topic + packet id of the chunk publishes. */
  chunkMqtt: number;
  chunks: number;
  frames: number;
  /** Chunk publishes of a (session, seq) already sent. */
  retransmittedChunks: number;
  retransmittedBytes: number;
  /** Other publishes by topic kind: count and wire bytes. */
  other: Map<string, { count: number; bytes: number }>;
}

export function createWireAccount(): WireAccount & { publish(topic: string, payload: Uint8Array, qos: 0 | 1): void } {
  const seen = new Set<string>();
  const account: WireAccount = { opus: 0, frameFraming: 0, chunkFields: 0, chunkMqtt: 0, chunks: 0, frames: 0, retransmittedChunks: 0, retransmittedBytes: 0, other: new Map() };
  return Object.assign(account, {
    publish(topic: string, payload: Uint8Array, qos: 0 | 1): void {
      const topicBytes = Buffer.byteLength(topic);
      const remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payload.length;
      const mqtt = 1 + varintBytes(remaining) + 2 + topicBytes + (qos > 0 ? 2 : 0);
      const kind = topic.slice(topic.lastIndexOf('/') + 1);
      if (kind !== 'chunk') {
        const o = account.other.get(kind) ?? { count: 0, bytes: 0 };
        o.count++;
        o.bytes += mqtt + payload.length;
        account.other.set(kind, o);
        return;
      }
      const chunk = decodeUp('chunk', payload);
      const key = `${Buffer.from(chunk.sessionId).toString('hex')}/${chunk.seq}`;
      if (seen.has(key)) {
        account.retransmittedChunks++;
        account.retransmittedBytes += mqtt + payload.length;
      }
      seen.add(key);
      let opus = 0;
      let framing = 0;
      for (const f of chunk.frames) {
        opus += f.length;
        framing += 1 + varintBytes(f.length);
      }
      account.chunks++;
      account.frames += chunk.frames.length;
      account.opus += opus;
      account.frameFraming += framing;
      account.chunkFields += payload.length - opus - framing;
      account.chunkMqtt += mqtt;
    },
  });
}

/** The breakdown as table rows: part, bytes, per byte of Opus. */
export function formatWireAccount(a: WireAccount, wireUp: number): string {
  const rows: [string, number][] = [
    ['Opus frames', a.opus],
    [`protobuf framing per frame (tag + length, ${a.frames} frames)`, a.frameFraming],
    [`AudioChunk other fields (${a.chunks} chunks)`, a.chunkFields],
    ['MQTT header + topic + packet id of chunks', a.chunkMqtt],
  ];
  let other = 0;
  for (const [kind, o] of [...a.other.entries()].sort()) {
    rows.push([`${kind} publishes (${o.count}, MQTT included)`, o.bytes]);
    other += o.bytes;
  }
  const publishes = a.opus + a.frameFraming + a.chunkFields + a.chunkMqtt + other;
  rows.push(['other MQTT upstream (CONNECT, SUBSCRIBE, PUBACK, PINGREQ)', wireUp - publishes]);
  const lines = ['| upstream bytes | bytes | per Opus byte |', '|---|---|---|'];
  for (const [label, bytes] of rows) lines.push(`| ${label} | ${bytes} | ${(bytes / a.opus).toFixed(4)} |`);
  lines.push(`| total on the wire (proxy count) | ${wireUp} | ${(wireUp / a.opus).toFixed(4)} |`);
  if (a.retransmittedChunks > 0) lines.push(`(of which ${a.retransmittedChunks} chunk publishes were retransmissions: ${a.retransmittedBytes} bytes)`);
  return lines.join('\n');
}
