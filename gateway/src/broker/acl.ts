import { DOWN, TOPIC_ROOT, parseTopic } from '@parley/proto';
import { filterWithin, isValidFilter, topicMatches } from './topic-filter.js';

/** Who an authenticated MQTT client is. */
export type Identity =
  | { kind: 'device'; deviceId: string }
  | { kind: 'service'; name: string; publish: readonly string[]; subscribe: readonly string[] };

/**
 * Publish rule: a device only to `badges/{its id}/up/{known up kind}`; a
 * service only to topics its configured filters match; nobody to `$` topics.
 */
export function mayPublish(identity: Identity, topic: string): boolean {
  if (topic.startsWith('$')) return false;
  if (identity.kind === 'device') {
    const parsed = parseTopic(topic);
    return parsed !== null && parsed.direction === 'up' && parsed.deviceId === identity.deviceId;
  }
  return identity.publish.some((filter) => topicMatches(filter, topic));
}

/**
 * Subscribe rule: a device only inside `badges/{its id}/down/` (a known down
 * kind, `+` or `#` as the last level); a service only filters lying inside
 * its configured ones; nobody `$SYS` or other `$` topics.
 */
export function maySubscribe(identity: Identity, filter: string): boolean {
  if (!isValidFilter(filter) || filter.startsWith('$')) return false;
  if (identity.kind === 'device') {
    const levels = filter.split('/');
    if (levels.length !== 4) return false;
    const [root, deviceId, direction, kind] = levels as [string, string, string, string];
    return root === TOPIC_ROOT && deviceId === identity.deviceId && direction === 'down' && (kind === '+' || kind === '#' || kind in DOWN);
  }
  return identity.subscribe.some((allowed) => filterWithin(filter, allowed));
}

export function describeIdentity(identity: Identity): string {
  return identity.kind === 'device' ? `device:${identity.deviceId}` : `svc:${identity.name}`;
}
