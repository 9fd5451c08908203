import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { DeviceState, EndReason, EventKind, ButtonAction } from '../../src/core/messages.js';
import { LONG_PRESS_MS, DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { frameBytes, hexOf, makeRig } from '../support/rig.js';

type Start = DecodedUp<'session-start'>;
type End = DecodedUp<'session-end'>;
type Ev = DecodedUp<'event'>;

describe('badge: sessions, button, LEDs', () => {
  it('short press records a session that reaches the gateway whole and is then deleted', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 200);
    expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
    expect(rig.platform.indicators.recording).toBe(true);
    expect(rig.platform.audio.isCapturing()).toBe(true);
    rig.speak(5000);
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 200);
    expect(rig.platform.indicators.recording).toBe(false);
    expect(rig.platform.audio.isCapturing()).toBe(false);
    rig.clock.advance(2000);

    const start = rig.gw.of('session-start')[0] as Start;
    const hex = hexOf(start.sessionId);
    const end = rig.gw.of('session-end')[0] as End;
    expect(end.reason).toBe(EndReason.BUTTON);
    expect(end.totalFrames).toBe(250);
    expect(end.totalChunks).toBe(5);
    expect(end.droppedFrames).toBe(0);
    const frames = rig.gw.frames(hex);
    expect(frames).toHaveLength(250);
    for (let i = 0; i < 250; i++) expect(frames[i]).toEqual(frameBytes(i));
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
    expect(rig.badge.spool.usedBytes()).toBeLessThan(16 * 1024 + 1);
    // Recording LED on exactly while capturing: one on, one off.
    expect(rig.platform.indicators.recordingLog.map((e) => e.on)).toEqual([true, false]);
    expect(start.staffId).toBe('staff-7');
    expect(start.codec?.sampleRate).toBe(16000);
  });

  it('frames the co-processor lost (overflow, reboot) end the frame run with a gap, counted to the gateway', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 200);
    rig.speak(1500); // frames 0..74: one full chunk and 25 frames in the next
    rig.platform.audio.lose(30); // frames 75..104 never arrive
    rig.speak(1000); // frames 105..154
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 200);
    rig.clock.advance(61_000);

    const end = rig.gw.of('session-end')[0] as End;
    expect(end.totalFrames).toBe(155);
    expect(end.droppedFrames).toBe(30);
    expect(end.gaps).toEqual([{ firstFrame: 75, frameCount: 30 }]);
    const chunks = rig.gw.of('chunk') as DecodedUp<'chunk'>[];
    // The chunk in progress was closed at the loss: no chunk spans the gap.
    for (const c of chunks) expect(c.firstFrame + c.frames.length <= 75 || c.firstFrame >= 105).toBe(true);
    expect(chunks.reduce((n, c) => n + c.frames.length, 0)).toBe(125);
    const tel = rig.gw.of('telemetry') as DecodedUp<'telemetry'>[];
    expect(tel.some((t) => t.droppedFrames === 30)).toBe(true);
  });

  it('long press mutes and unmutes; mute survives reboot and disconnect; short press is refused while muted', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.speak(1000);
    rig.platform.button.press(LONG_PRESS_MS + 100);
    rig.clock.advance(LONG_PRESS_MS + 500);
    expect(rig.badge.deviceState()).toBe(DeviceState.MUTED);
    expect(rig.platform.audio.isCapturing()).toBe(false);
    expect((rig.gw.of('session-end')[0] as End).reason).toBe(EndReason.MUTE);
    rig.gw.drop();
    rig.clock.advance(5000);
    expect(rig.badge.deviceState()).toBe(DeviceState.MUTED);
    rig.reboot();
    rig.clock.advance(1000);
    expect(rig.badge.deviceState()).toBe(DeviceState.MUTED);
    const cuesBefore = rig.platform.indicators.cues.length;
    rig.platform.button.press(100);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    expect(rig.badge.deviceState()).toBe(DeviceState.MUTED);
    expect(rig.platform.indicators.cues.length).toBe(cuesBefore + 1);
    rig.platform.button.press(LONG_PRESS_MS + 100);
    rig.clock.advance(LONG_PRESS_MS + 500);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  });

  it('double press bookmarks the moment with the current frame', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.speak(2000);
    rig.platform.button.press(60);
    rig.clock.advance(150);
    rig.platform.button.press(60);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
    const marks = (rig.gw.of('event') as Ev[]).filter((e) => e.kind === EventKind.BOOKMARK);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.frameIndex).toBe(100);
    const buttons = (rig.gw.of('event') as Ev[]).filter((e) => e.kind === EventKind.BUTTON).map((e) => e.button);
    expect(buttons).toEqual([ButtonAction.SHORT, ButtonAction.DOUBLE]);
  });

  it('clock unsynced at boot: monotonic times, corrected once the gateway answers', () => {
    const rig = makeRig({ offline: true });
    rig.clock.advance(500);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.speak(3000);
    rig.gw.online = true;
    rig.clock.advance(5000);
    rig.speak(1000);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 1000);
    const start = rig.gw.of('session-start')[0] as Start;
    expect(start.clockSynced).toBe(false);
    expect(start.startTimeMs).toBeLessThan(10_000);
    const end = rig.gw.of('session-end').at(-1) as End;
    expect(end.timeCorrected).toBe(true);
    expect(end.clockSynced).toBe(true);
    expect(end.clockOffsetMs).toBeGreaterThan(1_700_000_000_000);
    const hex = hexOf(start.sessionId);
    const chunks = rig.gw.sessions[hex]?.chunks ?? {};
    expect(chunks[0]?.clockSynced).toBe(false);
    expect(chunks[0]?.backlog).toBe(false);
    expect(chunks[3]?.clockSynced).toBe(true);
    expect(rig.gw.frames(hex)).toHaveLength(200);
  });

  it('a session ended before the first sync gets a corrected SessionEnd', () => {
    const rig = makeRig({ offline: true });
    rig.clock.advance(500);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.speak(1000);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.gw.online = true;
    rig.clock.advance(10_000);
    const ends = rig.gw.of('session-end') as End[];
    expect(ends.at(-1)?.timeCorrected).toBe(true);
    expect(ends.at(-1)?.clockOffsetMs).toBeGreaterThan(0);
  });

  it('a power cut mid-session: the session is closed at the next boot with what reached flash', () => {
    const rig = makeRig({ offline: true });
    rig.clock.advance(500);
    rig.platform.button.press(80);
    rig.clock.advance(DOUBLE_GAP_MS + 100);
    rig.speak(3500);
    rig.flash.cutPowerAfter(0);
    rig.reboot();
    rig.gw.online = true;
    rig.clock.advance(20_000);
    const end = rig.gw.of('session-end')[0] as End;
    expect(end.reason).toBe(EndReason.REBOOT);
    expect(end.totalChunks).toBe(3);
    expect(end.totalFrames).toBe(150);
    const hex = hexOf(end.sessionId);
    expect(rig.gw.frames(hex)).toHaveLength(150);
    expect(rig.gw.sessions[hex]?.complete).toBe(true);
  });

  it('closes a chunk early when large VBR frames outgrow its buffer, losing nothing', () => {
    const rig = makeRig();
    rig.clock.advance(500);
    rig.badge.startSession(0);
    const big = (n: number): Uint8Array => new Uint8Array(1200).fill(n & 0xff);
    for (let i = 0; i < 20; i++) {
      rig.platform.audio.push(big(i), true);
      rig.clock.advance(20);
    }
    rig.badge.stopSession(EndReason.BUTTON);
    rig.clock.advance(2000);
    const end = rig.gw.of('session-end')[0] as End;
    expect(end.totalFrames).toBe(20);
    expect(end.totalChunks).toBeGreaterThan(1);
    const frames = rig.gw.frames(hexOf(end.sessionId));
    expect(frames).toHaveLength(20);
    for (let i = 0; i < 20; i++) expect(frames[i]).toEqual(big(i));
  });
});
