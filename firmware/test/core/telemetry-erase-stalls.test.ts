/**
 * The flash's `stalls` (FlashStorage) reaches the gateway: a badge whose
 * spool is on the SPI NOR chip driver reports the driver's foreground erases
 * in `Telemetry.spool_erase_stalls`; one on the Node flash (no such count)
 * reports 0.
 */
import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { createBadge } from '../../src/app/create-badge.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { UploadPolicy } from '../../src/core/messages.js';
import type { FlashStorage } from '../../src/hal/flash.js';
import { fakeSpiNor } from '../../src/build/espruino-doubles.js';
import { createSpoolOnSpiNorFlash, NOR_SECTOR_BYTES } from '../../src/platform/espruino/spi-nor-flash.js';
import { NodeFlash, VirtualClock, createNodePlatform } from '../../src/platform/node/index.js';
import { FakeGateway } from '../support/fake-gateway.js';
import { frameBytes } from '../support/rig.js';

const DEVICE = 'badge-0001';
const SEGMENT_BYTES = 16 * 1024;
const SEGMENTS = 8;

type Telemetry = DecodedUp<'telemetry'>;

/** A badge on the Node platform with `flash` in place of the Node flash; telemetry every 10 s; records `seconds` of audio, then idles a telemetry interval. */
function recordOn(flash: (small: NodeFlash) => FlashStorage, seconds: number): { gw: FakeGateway; flash: FlashStorage } {
  const clock = new VirtualClock(0);
  const gw = new FakeGateway(clock);
  const small = new NodeFlash({ bytes: 256 * 1024 });
  const node = createNodePlatform({ flashBytes: 0, flash: small, clock, deviceId: DEVICE, secret: 'x', mqtt: gw.client(DEVICE), seed: 42 });
  const platform = { ...node, flash: flash(small) };
  const badge = createBadge(platform, { deviceId: DEVICE, hardwareRevision: 'r1', firmwareVersion: '1.0.0', staffId: 'staff-7' }, {
    spoolBytes: SEGMENTS * SEGMENT_BYTES,
    segmentBytes: SEGMENT_BYTES,
    defaultUploadPolicy: UploadPolicy.LIVE,
  });
  badge.boot();
  clock.advance(1000);
  gw.send('config', { version: 1, telemetryIntervalS: 10 });
  clock.advance(100);
  platform.button.press(100);
  clock.advance(DOUBLE_GAP_MS + 200);
  for (let n = 0; n < seconds * 50; n++) {
    platform.audio.push(frameBytes(n), true);
    clock.advance(20);
  }
  platform.button.press(100);
  clock.advance(DOUBLE_GAP_MS + 200);
  // Idle for more than a telemetry interval: a telemetry after the recording.
  clock.advance(11_000);
  return { gw, flash: platform.flash };
}

describe('Telemetry.spool_erase_stalls from the flash', () => {
  it("reports the SPI NOR spool's foreground erases since boot", () => {
    // No background erase runs (nothing calls the driver's service): every segment after the first waits for an erase.
    const slotBytes = SEGMENT_BYTES + NOR_SECTOR_BYTES;
    const { gw, flash } = recordOn((small) => {
      const chip = fakeSpiNor((SEGMENTS + 2) * slotBytes);
      return createSpoolOnSpiNorFlash(chip, 'D5', { bytes: chip.mem.length, slotBytes: slotBytes }, small, 'sp');
    }, 40);
    const stalls = flash.stalls ?? 0;
    expect(stalls).toBeGreaterThanOrEqual(3);
    const sent = gw.of('telemetry') as Telemetry[];
    expect(sent.length).toBeGreaterThanOrEqual(2);
    // The first telemetry (at connect, before any segment was needed) had none; the last has them all.
    expect(sent[0]!.spoolEraseStalls).toBe(0);
    expect(sent.at(-1)!.spoolEraseStalls).toBe(stalls);
  });

  it('reports 0 on a flash that never stalls (the Node flash has no count)', () => {
    const { gw, flash } = recordOn((small) => small, 40);
    expect(flash.stalls).toBeUndefined();
    const sent = gw.of('telemetry') as Telemetry[];
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const t of sent) expect(t.spoolEraseStalls).toBe(0);
  });
});
