import type { DownKind, UpKind } from './messages.js';

/**
 * Topic strings of proto/src/topics.ts, rebuilt here in the device subset
 * (that module uses destructuring); a test checks both agree.
 */
export function upTopicOf(deviceId: string, kind: UpKind): string {
  return 'badges/' + deviceId + '/up/' + kind;
}

/** Compact chunks' topic (proto's compactChunkTopic): only towards a gateway with CAPABILITY_COMPACT_CHUNKS. */
export function compactChunkTopicOf(deviceId: string): string {
  return 'badges/' + deviceId + '/up/c';
}

export function downTopicOf(deviceId: string, kind: DownKind): string {
  return 'badges/' + deviceId + '/down/' + kind;
}

export const DOWN_KINDS: DownKind[] = ['hello-reply', 'ack', 'config', 'command', 'firmware'];

/** The down kind of `topic` for this device, or null. */
export function downKindOf(deviceId: string, topic: string): DownKind | null {
  const prefix = 'badges/' + deviceId + '/down/';
  if (topic.indexOf(prefix) !== 0) return null;
  const kind = topic.substr(prefix.length);
  for (const k of DOWN_KINDS) if (k === kind) return k;
  return null;
}
