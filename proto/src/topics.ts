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
  if (direction === 'down' && kind in DOWN) return { deviceId, direction, kind };
  return null;
}

/** QoS per kind: everything at QoS 1 (Espruino does not retransmit; application acks make delivery reliable). */
export const QOS = 1 as const;
