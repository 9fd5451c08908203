import { describe, expect, it } from 'vitest';
import { DOWN, UP, compactChunkTopic, downTopic, isDeviceId, parseTopic, upTopic } from '../src/topics.js';

describe('topics', () => {
  it('round-trips every kind through build and parse', () => {
    for (const kind of Object.keys(UP) as (keyof typeof UP)[]) {
      expect(parseTopic(upTopic('badge-001', kind))).toEqual({ deviceId: 'badge-001', direction: 'up', kind });
    }
    for (const kind of Object.keys(DOWN) as (keyof typeof DOWN)[]) {
      expect(parseTopic(downTopic('badge-001', kind))).toEqual({ deviceId: 'badge-001', direction: 'down', kind });
    }
  });

  it('reads the compact chunk topic as the chunk kind, up only', () => {
    expect(compactChunkTopic('badge-001')).toBe('badges/badge-001/up/c');
    expect(parseTopic(compactChunkTopic('badge-001'))).toEqual({ deviceId: 'badge-001', direction: 'up', kind: 'chunk' });
    expect(parseTopic('badges/badge-001/down/c')).toBeNull();
    expect(parseTopic('badges/+/up/c')).toBeNull();
  });

  it('rejects wildcards, path tricks and unknown kinds', () => {
    for (const t of ['badges/+/up/chunk', 'badges/#', 'badges/../up/chunk', 'badges/a/up/chunk', 'badges/badge-1/up/nope', 'badges/badge-1/down/chunk', 'x/badge-1/up/chunk', 'badges/badge-1/up/chunk/extra']) {
      expect(parseTopic(t)).toBeNull();
    }
    expect(isDeviceId('Badge-1')).toBe(false);
    expect(isDeviceId('badge-1')).toBe(true);
  });
});
