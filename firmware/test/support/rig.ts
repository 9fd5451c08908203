import { createBadge } from '../../src/app/create-badge.js';
import type { CreateBadgeOptions } from '../../src/app/create-badge.js';
import type { Badge } from '../../src/core/badge.js';
import { UploadPolicy } from '../../src/core/messages.js';
import { VirtualClock } from '../../src/platform/node/clock.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { createNodePlatform } from '../../src/platform/node/index.js';
import type { NodePlatform } from '../../src/platform/node/index.js';
import type { FirmwareSlot } from '../../src/hal/system.js';
import { FakeGateway } from './fake-gateway.js';

export const DEVICE = 'badge-0001';

export interface Rig {
  clock: VirtualClock;
  flash: NodeFlash;
  gw: FakeGateway;
  platform: NodePlatform;
  badge: Badge;
  reboots: number;
  /** Pushes `ms` of 20 ms frames (40 bytes each, numbered in their bytes), advancing the clock. */
  speak(ms: number, voice?: boolean): void;
  /** Frames pushed so far (each a distinct byte pattern). */
  pushed: number;
  /** Simulates a reboot: a new badge on the same flash (after `halt` or a power cut). */
  reboot(slot?: FirmwareSlot): void;
}

export function frameBytes(n: number): Uint8Array {
  const f = new Uint8Array(40);
  f[0] = n & 0xff;
  f[1] = (n >> 8) & 0xff;
  f[2] = (n >> 16) & 0xff;
  for (let i = 3; i < 40; i++) f[i] = (n + i) & 0xff;
  return f;
}

export function makeRig(options?: CreateBadgeOptions & { flashBytes?: number; slot?: FirmwareSlot; offline?: boolean }): Rig {
  const o = options ?? {};
  const clock = new VirtualClock(0);
  const flash = new NodeFlash({ bytes: o.flashBytes ?? 4 * 1024 * 1024 });
  const gw = new FakeGateway(clock);
  if (o.offline) gw.online = false;
  const build = (slot: FirmwareSlot): { platform: NodePlatform; badge: Badge } => {
    const platform = createNodePlatform({
      flashBytes: 0, flash, clock, deviceId: DEVICE, secret: 'x', mqtt: gw.client(DEVICE), slot, seed: 42,
      onReboot: () => {
        rig.reboots++;
      },
    });
    const badge = createBadge(platform, { deviceId: DEVICE, hardwareRevision: 'r1', firmwareVersion: '1.0.0', staffId: 'staff-7' }, {
      spoolBytes: o.spoolBytes ?? 512 * 1024,
      segmentBytes: o.segmentBytes ?? 16 * 1024,
      spoolMaxSessions: o.spoolMaxSessions,
      spoolMaxParked: o.spoolMaxParked,
      defaultUploadPolicy: o.defaultUploadPolicy ?? UploadPolicy.LIVE,
      tuning: o.tuning,
      lowBatteryPercent: o.lowBatteryPercent,
    });
    return { platform, badge };
  };
  const first = build(o.slot ?? 'a');
  const rig: Rig = {
    clock, flash, gw, platform: first.platform, badge: first.badge, reboots: 0, pushed: 0,
    speak(ms: number, voice = true) {
      for (let t = 0; t < ms; t += 20) {
        rig.platform.audio.push(frameBytes(rig.pushed++), voice);
        clock.advance(20);
      }
    },
    reboot(slot?: FirmwareSlot) {
      rig.badge.halt();
      flash.restorePower();
      const next = build(slot ?? 'a');
      rig.platform = next.platform;
      rig.badge = next.badge;
      rig.badge.boot();
    },
  };
  first.badge.boot();
  return rig;
}

export function hexOf(id: Uint8Array): string {
  return Buffer.from(id).toString('hex');
}
