import { describe, expect, it } from 'vitest';
import { UploadPolicy } from '../../src/core/messages.js';
import { MAX_SEGMENTS } from '../../src/core/spool.js';
import { makeRig } from '../support/rig.js';

describe('createBadge spool sizing', () => {
  it('a flash larger than MAX_SEGMENTS segments gets larger segments instead of a refused spool', () => {
    const segmentBytes = 16 * 1024;
    const spoolBytes = segmentBytes * (MAX_SEGMENTS + 500);
    const rig = makeRig({ flashBytes: spoolBytes + 4 * 1024 * 1024, spoolBytes, segmentBytes, defaultUploadPolicy: UploadPolicy.LIVE });
    rig.badge.boot();
    const spool = (rig.badge as unknown as { spool: { capacity(): number } }).spool;
    // Whole-KiB segments, at most MAX_SEGMENTS of them, covering all but less than one segment of the flash given.
    expect(spool.capacity()).toBeLessThanOrEqual(spoolBytes);
    const grown = Math.ceil(spoolBytes / MAX_SEGMENTS / 1024) * 1024;
    expect(grown).toBeGreaterThan(segmentBytes);
    expect(spool.capacity()).toBeGreaterThan(spoolBytes - grown);
    expect(spool.capacity() % grown).toBe(0);
  });
});
