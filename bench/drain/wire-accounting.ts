/**
 * Where the drain's upstream bytes go: every publish the badge makes, sized
 * as MQTT 3.1.1 puts it on the wire (fixed header, topic, packet id) and, for
 * audio chunks, split into the Opus frames themselves, the protobuf framing
 * of the frames (legacy form: tag + length of each `frames` field; packed
 * form: tag + length of frame_data and frame_sizes, and frame_sizes' one
 * varint per frame; compact form: the same with frame_sizes_rice, the sizes
 * Rice-coded) and the chunk's other fields (the session id, or its alias in
 * the compact form). What the proxy counted
 * beyond the publishes is the rest of the MQTT traffic (CONNECT, SUBSCRIBE,
 * PUBACKs for the gateway's QoS 1 messages, PINGREQ).
 */
import { chunkFrames, decodeUp, isPackedChunk, isRiceChunk, parseTopic } from '@parley/proto';

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
  /** Protobuf framing of the frames (see the module comment). */
  frameFraming: number;
  /** AudioChunk's other fields (session id, seq, first frame, time, crc, flags). */
  chunkFields: number;
  /** MQTT fixed header (+ packet id at QoS 1) of the chunk publishes. */
  chunkMqttHeader: number;
  /** Topic of the chunk publishes (its 2-byte length included). */
  chunkTopic: number;
  /** Bytes of one chunk topic (without its length prefix). */
  topicBytes: number;
  chunks: number;
  /** Chunks in each frame form (packed: varint sizes; compact: Rice-coded sizes). */
  legacyChunks: number;
  packedChunks: number;
  compactChunks: number;
  /** Chunks naming their session by its alias. */
  aliasedChunks: number;
  frames: number;
  /** Chunk publishes of a (session, seq) already sent. */
  retransmittedChunks: number;
  retransmittedBytes: number;
  /** Other publishes by topic kind: count and wire bytes. */
  other: Map<string, { count: number; bytes: number }>;
}

export function createWireAccount(): WireAccount & { publish(topic: string, payload: Uint8Array, qos: 0 | 1): void } {
  const seen = new Set<string>();
  const account: WireAccount = {
    opus: 0, frameFraming: 0, chunkFields: 0, chunkMqttHeader: 0, chunkTopic: 0, topicBytes: 0, chunks: 0, legacyChunks: 0, packedChunks: 0, compactChunks: 0, aliasedChunks: 0,
    frames: 0, retransmittedChunks: 0, retransmittedBytes: 0, other: new Map(),
  };
  return Object.assign(account, {
    publish(topic: string, payload: Uint8Array, qos: 0 | 1): void {
      const topicBytes = Buffer.byteLength(topic);
      const remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payload.length;
      const header = 1 + varintBytes(remaining) + (qos > 0 ? 2 : 0);
      // parseTopic reads the compact chunk topic (`…/up/c`) as the chunk kind too.
      const kind = parseTopic(topic)?.kind ?? topic.slice(topic.lastIndexOf('/') + 1);
      if (kind !== 'chunk') {
        const o = account.other.get(kind) ?? { count: 0, bytes: 0 };
        o.count++;
        o.bytes += header + 2 + topicBytes + payload.length;
        account.other.set(kind, o);
        return;
      }
      const chunk = decodeUp('chunk', payload);
      // Aliases are per connection: a drain that reconnects may count a chunk sent under two aliases once each.
      const key = `${chunk.sessionAlias ? `alias-${chunk.sessionAlias}` : Buffer.from(chunk.sessionId).toString('hex')}/${chunk.seq}`;
      if (chunk.sessionAlias) account.aliasedChunks++;
      if (seen.has(key)) {
        account.retransmittedChunks++;
        account.retransmittedBytes += header + 2 + topicBytes + payload.length;
      }
      seen.add(key);
      const frames = chunkFrames(chunk);
      let opus = 0;
      let framing = 0;
      for (const f of frames) opus += f.length;
      if (isRiceChunk(chunk)) {
        account.compactChunks++;
        framing = 1 + varintBytes(chunk.frameData.length) + 1 + varintBytes(chunk.frameSizesRice.length) + chunk.frameSizesRice.length;
      } else if (isPackedChunk(chunk)) {
        account.packedChunks++;
        framing = 1 + varintBytes(chunk.frameData.length) + 1 + varintBytes(chunk.frameSizes.length) + chunk.frameSizes.length;
      } else {
        account.legacyChunks++;
        for (const f of frames) framing += 1 + varintBytes(f.length);
      }
      account.chunks++;
      account.frames += frames.length;
      account.opus += opus;
      account.frameFraming += framing;
      account.chunkFields += payload.length - opus - framing;
      account.chunkMqttHeader += header;
      account.chunkTopic += 2 + topicBytes;
      account.topicBytes = topicBytes;
    },
  });
}

/** The rows of the breakdown: label and bytes. */
export function wireRows(a: WireAccount, wireUp: number): [string, number][] {
  const only = (n: number): boolean => n > 0 && n === a.chunks;
  const form = only(a.compactChunks)
    ? 'compact: frame_data + frame_sizes_rice'
    : only(a.packedChunks)
      ? 'packed: frame_data + frame_sizes'
      : only(a.legacyChunks)
        ? 'legacy: tag + length per frame'
        : 'mixed forms';
  const rows: [string, number][] = [
    ['Opus frames', a.opus],
    [`protobuf framing of the frames (${form})`, a.frameFraming],
    [`AudioChunk other fields (${only(a.aliasedChunks) ? 'session alias' : 'session id'}, seq, first frame, time, crc, flags)`, a.chunkFields],
    ['MQTT fixed header of chunks (+ packet id at QoS 1: not for compact chunks, sent at QoS 0)', a.chunkMqttHeader],
    [`MQTT topic of chunks (with its 2-byte length; compact chunks under up/c)`, a.chunkTopic],
  ];
  let other = 0;
  let otherCount = 0;
  for (const o of a.other.values()) {
    other += o.bytes;
    otherCount += o.count;
  }
  rows.push([`Hello, session start/end, telemetry, events (${otherCount} publishes, MQTT included)`, other]);
  const publishes = a.opus + a.frameFraming + a.chunkFields + a.chunkMqttHeader + a.chunkTopic + other;
  rows.push(['rest of MQTT upstream (CONNECT, SUBSCRIBE, PUBACKs, PINGREQ)', wireUp - publishes]);
  rows.push(['**total on the wire (proxy count)**', wireUp]);
  return rows;
}

/** The breakdowns of several runs side by side: part, then bytes per Opus byte for each run. */
export function formatWireAccounts(runs: { label: string; account: WireAccount; wireUp: number }[]): string {
  const tables = runs.map((r) => wireRows(r.account, r.wireUp));
  const lines = [`| upstream bytes, per byte of Opus | ${runs.map((r) => r.label).join(' | ')} |`, `|---|${runs.map(() => '---').join('|')}|`];
  const first = tables[0] ?? [];
  for (let i = 0; i < first.length; i++) {
    const label = runs.length === 1 ? (first[i]?.[0] ?? '') : (first[i]?.[0] ?? '').replace(/ \((legacy|packed|compact)[^)]*\)/, '').replace('(session id,', '(session id or alias,').replace('(session alias,', '(session id or alias,');
    const cells = tables.map((t, k) => {
      const bytes = t[i]?.[1] ?? 0;
      const ratio = (bytes / (runs[k]?.account.opus ?? 1)).toFixed(4);
      return i === first.length - 1 ? `**${ratio}**` : ratio;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  for (const r of runs) {
    if (r.account.retransmittedChunks > 0) lines.push(`(${r.label}: ${r.account.retransmittedChunks} chunk publishes were retransmissions, ${r.account.retransmittedBytes} bytes)`);
  }
  return lines.join('\n');
}
