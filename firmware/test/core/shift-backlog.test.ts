import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { DeviceState } from '../../src/core/messages.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { frameBytes, hexOf, makeRig } from '../support/rig.js';
import type { Rig } from '../support/rig.js';

type Start = DecodedUp<'session-start'>;
type End = DecodedUp<'session-end'>;
type Hello = DecodedUp<'hello'>;

const SESSIONS = 150;

function tap(rig: Rig): void {
  rig.platform.button.press(80);
  rig.clock.advance(DOUBLE_GAP_MS + 100);
}

/** Frames of session `n`: 60..100 (1.2-2 s, two chunks of 1 s), so sessions differ. */
function framesOf(n: number): number {
  return 60 + ((n * 13) % 41);
}

/** The session ids in the order of their first SessionStart at the gateway. */
function firstStartOrder(rig: Rig): string[] {
  const seen: string[] = [];
  for (const s of rig.gw.of('session-start') as Start[]) {
    const hex = hexOf(s.sessionId);
    if (!seen.includes(hex)) seen.push(hex);
  }
  return seen;
}

describe('badge: a shift of short sessions held offline', () => {
  it('holds 150 sessions recorded offline, then drains them oldest first with acks out of order and a reboot mid-drain: every frame delivered, nothing left', () => {
    const rig = makeRig({ offline: true, spoolMaxSessions: 160, spoolBytes: 2 << 20, flashBytes: 4 << 20 });
    rig.clock.advance(500);
    const first: number[] = [];
    for (let n = 0; n < SESSIONS; n++) {
      tap(rig);
      expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
      first.push(rig.pushed);
      rig.speak(framesOf(n) * 20);
      tap(rig);
      // A conversation every few minutes (scaled): the badge idles in between.
      rig.clock.advance(2_000);
    }
    const sp = rig.badge.spool;
    expect(sp.sessionCount()).toBe(SESSIONS);
    const recorded: string[] = [];
    for (let i = 0; i < SESSIONS; i++) recorded.push(rig.badge.spool.find(hexOf(sp.idOf(sp.sessionRow(i))))?.hex as string);
    expect(new Set(recorded).size).toBe(SESSIONS);
    expect(sp.unackedChunks()).toBe(2 * SESSIONS);

    // Online, acks delivered out of order (0..300 ms late each) and duplicated.
    rig.gw.reorderAcksMs = 300;
    rig.gw.duplicateAcks = true;
    rig.gw.online = true;
    // The next reconnect attempt (the backoff grew while offline).
    for (let t = 0; t < 1300 && rig.gw.of('hello').length === 0; t++) rig.clock.advance(100);
    const hello = (rig.gw.of('hello') as Hello[]).at(-1) as Hello;
    // Every session held is listed, oldest first (written entry by entry, no object per session).
    expect(hello.backlog.map((b) => hexOf(b.sessionId))).toEqual(recorded);
    expect(hello.backlog.every((b) => b.closed && b.hasChunks && b.firstSeq === 0 && b.lastSeq === 1)).toBe(true);

    // Drain until about half are complete at the gateway, then the power goes.
    let done = 0;
    for (let t = 0; t < 600 && done < SESSIONS / 2; t++) {
      rig.clock.advance(100);
      done = recorded.filter((h) => rig.gw.sessions[h]?.complete).length;
    }
    expect(done).toBeGreaterThanOrEqual(SESSIONS / 2);
    expect(done).toBeLessThan(SESSIONS);
    const open = recorded.filter((h) => !rig.gw.sessions[h]?.complete);
    rig.reboot();
    // After the reboot the badge holds, oldest first, every session the gateway has not completed (and sessions
    // complete there whose START/END records are still in a segment kept for others: the Hello's resume points
    // complete them).
    const left = rig.badge.spool.sessions().map((s) => s.hex);
    expect(left.every((h) => recorded.includes(h))).toBe(true);
    expect(left.filter((h) => open.includes(h))).toEqual(open);

    rig.clock.advance(120_000);
    // Everything delivered: every session complete at the gateway, whole and in frame order.
    for (let n = 0; n < SESSIONS; n++) {
      const hex = recorded[n] as string;
      const gs = rig.gw.sessions[hex];
      expect(gs?.complete).toBe(true);
      const got = rig.gw.frames(hex);
      expect(got).toHaveLength(framesOf(n));
      for (let i = 0; i < got.length; i++) expect(got[i]).toEqual(frameBytes((first[n] as number) + i));
      expect((gs?.end as End).totalFrames).toBe(framesOf(n));
    }
    // Drained oldest first: sessions reached the gateway in the order they were recorded.
    expect(firstStartOrder(rig)).toEqual(recorded);
    expect(rig.badge.spool.sessionCount()).toBe(0);
    expect(rig.badge.spool.unackedChunks()).toBe(0);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  }, 120_000);
});
