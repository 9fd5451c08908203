import { describe, expect, it } from 'vitest';
import { mayPublish, maySubscribe, type Identity } from '../../src/broker/acl.js';
import { filterWithin, isValidFilter, topicMatches } from '../../src/broker/topic-filter.js';

const device: Identity = { kind: 'device', deviceId: 'badge-1' };
const service: Identity = { kind: 'service', name: 'ops', publish: ['badges/+/down/command'], subscribe: ['badges/+/up/#', 'ops/status'] };

describe('topic filters', () => {
  it('match per MQTT 3.1.1, with $ topics out of reach of leading wildcards', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).toBe(true);
    expect(topicMatches('a/#', 'a')).toBe(true);
    expect(topicMatches('a/#', 'a/b/c')).toBe(true);
    expect(topicMatches('a/+', 'a/b/c')).toBe(false);
    expect(topicMatches('#', '$SYS/x')).toBe(false);
    expect(topicMatches('+/x', '$SYS/x')).toBe(false);
    expect(topicMatches('$SYS/#', '$SYS/x')).toBe(true);
  });

  it('know when one filter lies inside another', () => {
    expect(filterWithin('badges/b1/up/chunk', 'badges/+/up/#')).toBe(true);
    expect(filterWithin('badges/+/up/+', 'badges/+/up/#')).toBe(true);
    expect(filterWithin('badges/+/up/#', 'badges/+/up/#')).toBe(true);
    expect(filterWithin('badges/#', 'badges/+/up/#')).toBe(false);
    expect(filterWithin('badges/+/down/x', 'badges/+/up/#')).toBe(false);
    expect(filterWithin('#', 'badges/#')).toBe(false);
    expect(filterWithin('$SYS/x', '#')).toBe(false);
  });

  it('validate wildcard placement', () => {
    expect(isValidFilter('a/#')).toBe(true);
    expect(isValidFilter('a/#/b')).toBe(false);
    expect(isValidFilter('a/b#')).toBe(false);
    expect(isValidFilter('a/+b')).toBe(false);
    expect(isValidFilter('')).toBe(false);
  });
});

describe('ACL', () => {
  it('lets a device publish only known up kinds under its own id', () => {
    expect(mayPublish(device, 'badges/badge-1/up/chunk')).toBe(true);
    expect(mayPublish(device, 'badges/badge-1/up/hello')).toBe(true);
    expect(mayPublish(device, 'badges/badge-2/up/chunk')).toBe(false);
    expect(mayPublish(device, 'badges/badge-1/down/ack')).toBe(false);
    expect(mayPublish(device, 'badges/badge-1/up/other')).toBe(false);
    expect(mayPublish(device, 'badges/badge-1/up/chunk/extra')).toBe(false);
    expect(mayPublish(device, '$SYS/badge-1')).toBe(false);
  });

  it('lets a device subscribe only inside its own down subtree', () => {
    for (const ok of ['badges/badge-1/down/ack', 'badges/badge-1/down/+', 'badges/badge-1/down/#']) expect(maySubscribe(device, ok)).toBe(true);
    for (const no of ['badges/badge-1/#', 'badges/+/down/ack', '#', '+/+/+/+', 'badges/badge-2/down/#', 'badges/badge-1/up/chunk', '$SYS/#', 'badges/badge-1/down/x', 'badges/badge-1/down/#/x']) {
      expect([no, maySubscribe(device, no)]).toEqual([no, false]);
    }
  });

  it('holds services to their configured filters and away from $ topics', () => {
    expect(mayPublish(service, 'badges/badge-1/down/command')).toBe(true);
    expect(mayPublish(service, 'badges/badge-1/down/config')).toBe(false);
    expect(maySubscribe(service, 'badges/+/up/chunk')).toBe(true);
    expect(maySubscribe(service, 'ops/status')).toBe(true);
    expect(maySubscribe(service, 'badges/#')).toBe(false);
    expect(maySubscribe({ ...service, subscribe: ['#'] }, '$SYS/#')).toBe(false);
  });
});
