import { describe, expect, it } from 'vitest';
import { DOWN, UP, compactChunkTopic, downTopic, upTopic } from '@parley/proto';
import { DOWN_KINDS, compactChunkTopicOf, downKindOf, downTopicOf, upTopicOf } from '../../src/core/topics.js';
import type { DownKind, UpKind } from '../../src/core/messages.js';

// The device builds its topics without proto/src/topics.ts (not in the Espruino subset): they must agree.
describe('device topics agree with proto/src/topics.ts', () => {
  it('builds the same up, down and compact chunk topics', () => {
    for (const kind of Object.keys(UP) as UpKind[]) expect(upTopicOf('badge-001', kind)).toBe(upTopic('badge-001', kind));
    for (const kind of Object.keys(DOWN) as DownKind[]) expect(downTopicOf('badge-001', kind)).toBe(downTopic('badge-001', kind));
    expect(compactChunkTopicOf('badge-001')).toBe(compactChunkTopic('badge-001'));
  });

  it('knows every down kind and reads only its own device', () => {
    expect([...DOWN_KINDS].sort()).toEqual(Object.keys(DOWN).sort());
    expect(downKindOf('badge-001', downTopic('badge-001', 'ack'))).toBe('ack');
    expect(downKindOf('badge-001', downTopic('badge-002', 'ack'))).toBeNull();
  });
});
