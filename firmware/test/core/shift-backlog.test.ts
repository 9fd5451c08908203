import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { DeviceState } from '../../src/core/messages.js';
import { DOUBLE_GAP_MS } from '../../src/core/button-gestures.js';
import { DEFAULT_MAX_SESSIONS } from '../../src/core/spool.js';
import type { SpoolSession } from '../../src/core/spool.js';
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
  it('holds 150 sessions recorded offline (32 in its table, the rest parked in flash), then drains them with acks out of order and a reboot mid-drain: every frame delivered, nothing left', () => {
    const rig = makeRig({ offline: true, spoolBytes: 2 << 20, flashBytes: 4 << 20 });
    rig.clock.advance(500);
    const first: number[] = [];
    const recorded: string[] = [];
    for (let n = 0; n < SESSIONS; n++) {
      tap(rig);
      expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
      recorded.push((rig.badge.liveSession() as SpoolSession).hex);
      first.push(rig.pushed);
      rig.speak(framesOf(n) * 20);
      tap(rig);
      // A conversation every few minutes (scaled): the badge idles in between.
      rig.clock.advance(2_000);
    }
    const sp = rig.badge.spool;
    // The table holds the 31 oldest and the newest; the 118 recorded between are parked in flash.
    expect(sp.maxSessions()).toBe(DEFAULT_MAX_SESSIONS);
    expect([sp.sessionCount(), sp.parkedCount()]).toEqual([DEFAULT_MAX_SESSIONS, SESSIONS - DEFAULT_MAX_SESSIONS]);
    expect(new Set(recorded).size).toBe(SESSIONS);
    const inTable = [...recorded.slice(0, DEFAULT_MAX_SESSIONS - 1), recorded[SESSIONS - 1] as string];
    expect(sp.sessions().map((s) => s.hex)).toEqual(inTable);
    expect(sp.unackedChunks()).toBe(2 * SESSIONS);

    // Online, acks delivered out of order (0..300 ms late each) and duplicated.
    rig.gw.reorderAcksMs = 300;
    rig.gw.duplicateAcks = true;
    rig.gw.online = true;
    // The next reconnect attempt (the backoff grew while offline).
    for (let t = 0; t < 1300 && rig.gw.of('hello').length === 0; t++) rig.clock.advance(100);
    const hello = (rig.gw.of('hello') as Hello[]).at(-1) as Hello;
    // The table's sessions are listed (written entry by entry, no object per session), and how many more are parked.
    expect(hello.backlog.map((b) => hexOf(b.sessionId))).toEqual(inTable);
    expect(hello.backlogUnlisted).toBe(SESSIONS - DEFAULT_MAX_SESSIONS);
    expect(hello.backlog.every((b) => b.closed && b.hasChunks && b.firstSeq === 0 && b.lastSeq === 1)).toBe(true);

    // Drain until about half are complete at the gateway, then the power goes.
    let done = 0;
    for (let t = 0; t < 600 && done < SESSIONS / 2; t++) {
      rig.clock.advance(100);
      done = recorded.filter((h) => rig.gw.sessions[h]?.complete).length;
    }
    expect(done).toBeGreaterThanOrEqual(SESSIONS / 2);
    expect(done).toBeLessThan(SESSIONS);
    // Drained in table order: the table's sessions, then the parked ones oldest first as rows freed up.
    const drainOrder = [...inTable, ...recorded.slice(DEFAULT_MAX_SESSIONS - 1, SESSIONS - 1)];
    const started = firstStartOrder(rig);
    expect(started).toEqual(drainOrder.slice(0, started.length));
    const open = recorded.filter((h) => !rig.gw.sessions[h]?.complete);
    rig.reboot();
    // After the reboot the badge holds every session the gateway has not completed, in its table or parked (and
    // sessions complete there whose START/END records are still in a segment kept for others: the Hello's resume
    // points complete them).
    const after = rig.badge.spool;
    const left = after.sessions().map((s) => s.hex);
    expect(left.every((h) => recorded.includes(h))).toBe(true);
    expect(left.length).toBe(DEFAULT_MAX_SESSIONS);
    expect(left.filter((h) => open.includes(h)).length + after.parkedCount()).toBeGreaterThanOrEqual(open.length);

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
    expect(rig.badge.spool.sessionCount()).toBe(0);
    expect(rig.badge.spool.parkedCount()).toBe(0);
    expect(rig.badge.spool.unackedChunks()).toBe(0);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  }, 120_000);
});
