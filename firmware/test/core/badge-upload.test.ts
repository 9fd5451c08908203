import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { DeviceState, EndReason, EventKind, UploadPolicy } from '../../src/core/messages.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { DEFAULTS } from '../../src/core/config.js';
import { frameBytes, hexOf, makeRig } from '../support/rig.js';
import type { Rig } from '../support/rig.js';

type Start = DecodedUp<'session-start'>;
type End = DecodedUp<'session-end'>;
type Ev = DecodedUp<'event'>;
type Chunk = DecodedUp<'chunk'>;

function tap(rig: Rig): void {
  rig.platform.button.press(80);
  rig.clock.advance(DOUBLE_GAP_MS + 100);
}

function expectWhole(rig: Rig, hex: string, frames: number, firstFrameNo = 0): void {
  const got = rig.gw.frames(hex);
  expect(got).toHaveLength(frames);
  for (let i = 0; i < frames; i++) expect(got[i]).toEqual(frameBytes(firstFrameNo + i));
}

describe('badge: uploader under faults', () => {
  it('retransmits when acks are lost', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.gw.dropAcks = 1000;
    tap(rig);
    rig.speak(4000);
    tap(rig);
    rig.clock.advance(100);
    rig.gw.dropAcks = 0;
    rig.clock.advance(30_000);
    const hex = hexOf((rig.gw.of('session-start')[0] as Start).sessionId);
    expectWhole(rig, hex, 200);
    expect(rig.badge.uploader.stats.retransmits).toBeGreaterThan(0);
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
  });

  it('takes duplicate and out-of-order (stale) acks in its stride', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.gw.duplicateAcks = true;
    rig.gw.staleAcks = true;
    tap(rig);
    rig.speak(6000);
    tap(rig);
    rig.clock.advance(30_000);
    const hex = hexOf((rig.gw.of('session-start')[0] as Start).sessionId);
    expectWhole(rig, hex, 300);
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
  });

  it('survives a reconnect storm with backoff and loses nothing', () => {
    const rig = makeRig({ tuning: { window: 4, ackTimeoutMs: 3000, helloTimeoutMs: 3000, backoffBaseMs: 500, backoffMaxMs: 8000, endRetryMs: 5000, batchMaxOnlineMs: 600_000 } });
    rig.clock.advance(500);
    tap(rig);
    for (let i = 0; i < 40; i++) {
      rig.speak(400);
      rig.gw.drop();
      if (i >= 20 && i % 7 === 0) rig.gw.online = !rig.gw.online;
    }
    rig.gw.online = true;
    tap(rig);
    rig.clock.advance(120_000);
    const hex = hexOf((rig.gw.of('session-start')[0] as Start).sessionId);
    expectWhole(rig, hex, 800);
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
    expect(rig.gw.of('hello').length).toBeGreaterThan(3);
  });

  it('resumes from the gateway resume points: sends only what the gateway lacks', () => {
    const rig = makeRig({ offline: true });
    rig.clock.advance(500);
    tap(rig);
    rig.speak(10_000);
    tap(rig);
    // The gateway already holds chunks 0-4 and 7 (from an earlier connection).
    const s = rig.badge.spool.sessions()[0];
    expect(s).toBeDefined();
    const hex = s?.hex as string;
    const gs = rig.gw.session(hex);
    for (const q of [0, 1, 2, 3, 4, 7]) {
      const bytes = rig.badge.spool.readChunk(s ? s.row() : -1, q) as Uint8Array;
      gs.chunks[q] = { seq: q, frames: [], sessionId: s?.id } as unknown as Chunk;
      expect(bytes.length).toBeGreaterThan(0);
    }
    rig.gw.online = true;
    rig.clock.advance(20_000);
    const sent = (rig.gw.of('chunk') as Chunk[]).map((c) => c.seq).sort((a, b) => a - b);
    expect(sent).toEqual([5, 6, 8, 9]);
    const inv = (rig.gw.of('hello')[0] as DecodedUp<'hello'>).backlog;
    expect(inv).toHaveLength(1);
    expect(inv[0]?.firstSeq).toBe(0);
    expect(inv[0]?.lastSeq).toBe(9);
    expect(inv[0]?.closed).toBe(true);
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
  });

  it('flash full: stops capturing, counts dropped frames, raises alarms, drains and recovers', () => {
    const rig = makeRig({ offline: true, spoolBytes: 8 * 16 * 1024 });
    rig.clock.advance(500);
    tap(rig);
    let guard = 0;
    while (rig.badge.deviceState() === DeviceState.RECORDING && guard++ < 2000) rig.speak(1000);
    expect(rig.badge.deviceState()).toBe(DeviceState.STORAGE_FULL);
    expect(rig.platform.indicators.recording).toBe(false);
    const s = rig.badge.spool.sessions()[0];
    expect(s ? rig.badge.spool.gapsOf(s.row()).length : 0).toBe(2);
    // Frames pushed after capture stopped never reach the firmware (mic off).
    rig.speak(1000);
    expect(rig.platform.audio.discarded).toBeGreaterThan(0);
    tap(rig);
    expect(rig.badge.deviceState()).toBe(DeviceState.STORAGE_FULL);
    rig.gw.online = true;
    rig.clock.advance(60_000);
    const end = rig.gw.of('session-end')[0] as End;
    expect(end.reason).toBe(EndReason.STORAGE_FULL);
    expect(end.droppedFrames).toBe(50);
    expect(end.gaps).toEqual([{ firstFrame: end.totalFrames - 50, frameCount: 50 }]);
    const hex = hexOf(end.sessionId);
    expect(rig.gw.frames(hex)).toHaveLength(end.totalFrames - 50);
    const alarms = (rig.gw.of('event') as Ev[]).filter((e) => e.kind === EventKind.STORAGE_ALARM).map((e) => e.value);
    expect(alarms).toEqual([80, 90, 95]);
    rig.clock.advance(10_000);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
    const tel = rig.gw.of('telemetry') as DecodedUp<'telemetry'>[];
    expect(tel.some((t) => t.droppedFrames === 50)).toBe(true);
  });

  it('sessions bound of the spool (table and park slots): a session beyond it is refused as storage full, none lost, and recording resumes once the backlog is delivered', () => {
    const rig = makeRig({ offline: true, spoolMaxSessions: 3, spoolMaxParked: 2 });
    rig.clock.advance(500);
    for (let n = 0; n < 5; n++) {
      tap(rig);
      rig.speak(2000);
      tap(rig);
    }
    expect(rig.badge.spool.sessions()).toHaveLength(3);
    expect(rig.badge.spool.parkedCount()).toBe(2);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
    // The sixth: refused, storage full, the microphone stays off.
    tap(rig);
    expect(rig.badge.deviceState()).toBe(DeviceState.STORAGE_FULL);
    expect(rig.platform.indicators.recording).toBe(false);
    rig.speak(1000);
    expect(rig.platform.audio.discarded).toBeGreaterThan(0);
    expect(rig.badge.spool.sessions()).toHaveLength(3);
    // Still full at the next housekeeping: the table has no row yet.
    rig.clock.advance(10_000);
    expect(rig.badge.deviceState()).toBe(DeviceState.STORAGE_FULL);
    rig.gw.online = true;
    rig.clock.advance(60_000);
    const ends = rig.gw.of('session-end') as End[];
    expect(ends.map((e) => e.totalFrames)).toEqual([100, 100, 100, 100, 100]);
    const firstFrames = [0, 100, 400, 200, 300];
    for (const e of ends) {
      expectWhole(rig, hexOf(e.sessionId), 100, firstFrames[ends.indexOf(e)] as number);
      expect(rig.gw.sessions[hexOf(e.sessionId)]?.complete).toBe(true);
    }
    expect(rig.badge.spool.sessions()).toHaveLength(0);
    expect(rig.badge.spool.parkedCount()).toBe(0);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
    tap(rig);
    expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
  });

  it('batched policy: radio off between batches, backlog delivered each batch', () => {
    const rig = makeRig({ defaultUploadPolicy: UploadPolicy.BATCHED });
    rig.clock.advance(5_000);
    // The boot batch drained: radio off.
    expect(rig.platform.wifi.isConnected()).toBe(false);
    tap(rig);
    rig.speak(60_000);
    expect(rig.gw.of('chunk')).toHaveLength(0);
    // The next batch opens DEFAULTS.batchIntervalMin after boot (the power model's choice).
    expect(DEFAULTS.batchIntervalMin * 60_000).toBeGreaterThan(70_000);
    rig.clock.advance(DEFAULTS.batchIntervalMin * 60_000 - 60_000);
    expect((rig.gw.of('chunk') as Chunk[]).length).toBe(60);
    expect((rig.gw.of('chunk') as Chunk[]).every((c) => c.backlog === false)).toBe(true);
    expect(rig.platform.wifi.isConnected()).toBe(false);
    expect(rig.platform.wifi.connects).toBe(2);
  });

  it('on-charger policy: uploads only while charging', () => {
    const rig = makeRig({ defaultUploadPolicy: UploadPolicy.ON_CHARGER });
    rig.clock.advance(1000);
    tap(rig);
    rig.speak(5000);
    tap(rig);
    rig.clock.advance(60_000);
    expect(rig.gw.of('hello')).toHaveLength(0);
    rig.platform.battery.onCharger = true;
    rig.clock.advance(30_000);
    const hex = hexOf((rig.gw.of('session-start')[0] as Start).sessionId);
    expectWhole(rig, hex, 250);
    expect((rig.gw.of('chunk') as Chunk[]).every((c) => c.backlog)).toBe(true);
    rig.platform.battery.onCharger = false;
    rig.clock.advance(10_000);
    expect(rig.platform.wifi.isConnected()).toBe(false);
  });
});
