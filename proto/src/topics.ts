/**
 * MQTT topics of the badge protocol. Each topic carries one message type; the
 * last topic level names it. This table is the single source for badge,
 * gateway, tools and docs.
 */
export const TOPIC_ROOT = 'badges';

/** Device -> gateway: topic kind -> message name in badge.proto. */
export const UP = {
  hello: 'Hello',
  'session-start': 'SessionStart',
  'session-end': 'SessionEnd',
  chunk: 'AudioChunk',
  telemetry: 'Telemetry',
  event: 'Event',
  'command-result': 'CommandResult',
  'firmware-request': 'FirmwareRequest',
} as const;

/** Gateway -> device: topic kind -> message name in badge.proto. */
export const DOWN = {
  'hello-reply': 'HelloReply',
  ack: 'ChunkAck',
  config: 'Config',
  command: 'Command',
  firmware: 'FirmwareChunk',
} as const;

export type UpKind = keyof typeof UP;
export type DownKind = keyof typeof DOWN;
export type Direction = 'up' | 'down';

/** Device ids: lowercase letters, digits and '-', 3..64 chars; never '+', '#', '/' or '..'. */
export const DEVICE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

export function isDeviceId(id: string): boolean {
  return DEVICE_ID_PATTERN.test(id);
}

export function upTopic(deviceId: string, kind: UpKind): string {
  return `${TOPIC_ROOT}/${deviceId}/up/${kind}`;
}

/**
 * The last level compact chunks are published under, `badges/{deviceId}/up/c`
 * instead of `…/up/chunk`: the AudioChunk is the only high-rate message (one
 * a second per badge, a whole shift's worth when a backlog drains), and four
 * topic bytes are 0.2 % of a 1 s chunk. A badge uses it only towards a gateway
 * that announced CAPABILITY_COMPACT_CHUNKS; `parseTopic` reads it as `chunk`,
 * so ACLs, metrics and ingest see one kind.
 */
export const COMPACT_CHUNK_LEVEL = 'c';

export function compactChunkTopic(deviceId: string): string {
  return `${TOPIC_ROOT}/${deviceId}/up/${COMPACT_CHUNK_LEVEL}`;
}

export function downTopic(deviceId: string, kind: DownKind): string {
  return `${TOPIC_ROOT}/${deviceId}/down/${kind}`;
}

export interface ParsedTopic {
  deviceId: string;
  direction: Direction;
  kind: string;
}

/** Parses `badges/{id}/{up|down}/{kind}`; returns null for anything else. */
export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== TOPIC_ROOT) return null;
  const [, deviceId, direction, kind] = parts as [string, string, string, string];
  if (!isDeviceId(deviceId)) return null;
  if (direction === 'up' && kind in UP) return { deviceId, direction, kind };
  if (direction === 'up' && kind === COMPACT_CHUNK_LEVEL) return { deviceId, direction, kind: 'chunk' };
  if (direction === 'down' && kind in DOWN) return { deviceId, direction, kind };
  return null;
}

/**
 * QoS of every kind but `down/ack`: 1. Espruino's MQTT client does not retransmit and badges use clean sessions, so
 * QoS 1 does not make delivery reliable (the application acks and the Hello/HelloReply resume points do); it is kept
 * where a PUBACK tells the sender the broker took the message.
 */
export const QOS = 1 as const;

export type Qos = 0 | 1;

/**
 * Publish QoS per message kind (a subscriber receives min(its subscription QoS, this)). `ChunkAck` is QoS 0: with
 * clean sessions a QoS 1 downlink message is never retransmitted (a lost connection drops it either way), and the
 * badge already resends a chunk whose ack does not arrive within its ack timeout. QoS 1 would only add a PUBACK per
 * ack and the broker's per-message in-flight bookkeeping, on the gateway's hottest path.
 */
export const UP_QOS: Readonly<Record<UpKind, Qos>> = {
  hello: QOS,
  'session-start': QOS,
  'session-end': QOS,
  chunk: QOS,
  telemetry: QOS,
  event: QOS,
  'command-result': QOS,
  'firmware-request': QOS,
};

export const DOWN_QOS: Readonly<Record<DownKind, Qos>> = {
  'hello-reply': QOS,
  ack: 0,
  config: QOS,
  command: QOS,
  firmware: QOS,
};
