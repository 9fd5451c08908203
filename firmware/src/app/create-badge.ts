import type { Identity, Platform } from '../hal/platform.js';
import type { BadgeOptions } from '../core/badge.js';
import { Badge, DEFAULT_BADGE_OPTIONS } from '../core/badge.js';
import type { ProtocolCodec } from '../core/codec.js';
import { MAX_SEGMENT_BYTES, MAX_SEGMENTS } from '../core/spool.js';
import { createDeviceCodec } from './device-codec.js';

/** Flash kept out of the spool: two firmware image slots and the small files. */
export const FLASH_RESERVE_BYTES = 2 * 256 * 1024 + 64 * 1024;

export interface CreateBadgeOptions extends Partial<BadgeOptions> {
  codec?: ProtocolCodec;
}

/**
 * The badge on a platform: the same wiring on the device (app/main.ts) and in
 * Node (simulator, provisioning emulator, tests). Call `boot()` to start it.
 */
export function createBadge(platform: Platform, identity: Identity, options?: CreateBadgeOptions): Badge {
  const o = options ?? {};
  const codec = o.codec ?? createDeviceCodec();
  let segmentBytes = o.segmentBytes ?? DEFAULT_BADGE_OPTIONS.segmentBytes;
  let spoolBytes = o.spoolBytes ?? 0;
  if (!spoolBytes) spoolBytes = Math.max(3 * segmentBytes, platform.flash.capacity() - FLASH_RESERVE_BYTES);
  // The spool indexes at most MAX_SEGMENTS segments: a larger flash gets larger segments (whole KiB), never a refusal.
  if (spoolBytes > segmentBytes * MAX_SEGMENTS) segmentBytes = Math.min(MAX_SEGMENT_BYTES, Math.ceil(spoolBytes / MAX_SEGMENTS / 1024) * 1024);
  return new Badge(platform, identity, codec, {
    spoolBytes: spoolBytes,
    segmentBytes: segmentBytes,
    spoolMaxSessions: o.spoolMaxSessions,
    spoolMaxParked: o.spoolMaxParked,
    defaultUploadPolicy: o.defaultUploadPolicy ?? DEFAULT_BADGE_OPTIONS.defaultUploadPolicy,
    tuning: o.tuning ?? DEFAULT_BADGE_OPTIONS.tuning,
    lowBatteryPercent: o.lowBatteryPercent ?? DEFAULT_BADGE_OPTIONS.lowBatteryPercent,
  });
}
