import { describe, expect, it } from 'vitest';
import { SessionField } from '../../src/core/spool.js';
import type { Spool, SpoolSession } from '../../src/core/spool.js';
import type { FirmwareError } from '../../src/core/errors.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { heldOf } from '../support/spool-view.js';
import { append, chunkBytes, cloneFlash, endOf, hexOf, sid, spoolOn, startOf } from '../support/spool-fixtures.js';

/**
 * The session table is a working set: sessions beyond it are parked in flash
 * (a PARK record each, 4 bytes of RAM) and re-admitted oldest first as rows
 * free up, at run time and after a reboot.
 */

const SEGMENTS = 300;
const FLASH = 2 << 20;
const TABLE = { maxSessions: 4, maxParked: 40 };

/** Chunks of session `n`: 3..8, so sessions share segments and some span two. */
const chunksOf = (n: number): number => 3 + ((n * 5) % 6);

/** The test's session number of row `k` (its id's first two bytes). */
function numberOf(spool: Spool, k: number): number {
  const id = spool.idOf(k);
  return (id[0] as number) | ((id[1] as number) << 8);
}

/** Sessions 0..count-1 one after another, each closed except (when `interrupted`) the last. */
function record(spool: Spool, count: number, interrupted: boolean): void {
  for (let n = 0; n < count; n++) {
    const s = spool.view(spool.beginSession(sid(n), startOf(n)));
    for (let q = 0; q < chunksOf(n); q++) expect(append(spool, s, n, q)).toBe(true);
    if (n < count - 1 || !interrupted) spool.endSession(s.row(), endOf(n));
  }
}

/** The sessions held, by number, in table order. */
function heldNumbers(spool: Spool): number[] {
  const out: number[] = [];
  for (let i = 0; i < spool.sessionCount(); i++) out.push(numberOf(spool, spool.sessionRow(i)));
  return out;
}

/**
 * Drains as the uploader does, the first session of the table each time: every chunk above its ack point read back
 * and checked, its START read, acknowledged and completed. Returns the session numbers in the order completed.
 * Sessions of `completedBefore` may come back after a reboot with part of what they had (their records shared a
 * segment with live ones): they are drained again, unchecked (the gateway completes them at once).
 */
function drain(spool: Spool, upTo: number, completedBefore: number[] = []): number[] {
  const done: number[] = [];
  while (spool.sessionCount() > 0 && done.length < upTo) {
    const k = spool.sessionRow(0);
    const n = numberOf(spool, k);
    const last = spool.rowField(k, SessionField.LAST);
    // A session completed before the reboot may come back with what was still in flash: its chunks, its END, no START.
    if (!completedBefore.includes(n)) {
      expect(heldOf(spool.view(k)).start, 'session ' + n).toEqual(startOf(n));
      expect(last, 'session ' + n).toBe(chunksOf(n) - 1);
    }
    for (let q = spool.rowField(k, SessionField.ACKED) + 1; q <= last; q++) expect(spool.readChunk(k, q)).toEqual(chunkBytes(n, q));
    spool.acknowledge(k, last);
    spool.complete(k);
    done.push(n);
  }
  return done;
}

function totalChunks(count: number): number {
  let t = 0;
  for (let n = 0; n < count; n++) t += chunksOf(n);
  return t;
}

describe('spool: sessions parked beyond the table', () => {
  it('a new session with the table full parks the newest closed one; parked sessions come back oldest first as rows free, whole', () => {
    const flash = new NodeFlash({ bytes: FLASH });
    const spool = spoolOn(flash, SEGMENTS, TABLE);
    spool.open();
    record(spool, 30, false);
    // The three oldest and the newest are held; the 26 between are parked, none refused.
    expect(heldNumbers(spool)).toEqual([0, 1, 2, 29]);
    expect(spool.parkedCount()).toBe(26);
    expect(spool.unackedChunks()).toBe(totalChunks(30));
    expect(spool.isFullFor(300)).toBe(false);
    expect(spool.find(hexOf(10))).toBeNull();
    const segments = flash.list('sp').length;

    // Each completion re-admits the oldest parked session into the row it freed.
    const first = drain(spool, 12);
    expect(first).toEqual([0, 1, 2, 29, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(heldNumbers(spool)).toEqual([11, 12, 13, 14]);
    expect(spool.parkedCount()).toBe(14);
    // What the completed sessions used is erased although sessions are still parked.
    expect(flash.list('sp').length).toBeLessThan(segments);
    expect(spool.unackedChunks()).toBe(totalChunks(30) - totalChunks(11) - chunksOf(29));

    expect(drain(spool, 100)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect([spool.sessionCount(), spool.parkedCount(), spool.unackedChunks()]).toEqual([0, 0, 0]);
    expect(flash.list('sp').length).toBeLessThanOrEqual(1);
  });

  it('a reboot parks the sessions beyond the table again (an interrupted one stays held for the recorder to close); a reboot mid-drain loses nothing', () => {
    const flash = new NodeFlash({ bytes: FLASH });
    const spool = spoolOn(flash, SEGMENTS, TABLE);
    spool.open();
    record(spool, 30, true);

    // The replay parks as recording did: the interrupted one and the oldest closed ones held, the rest parked.
    const again = spoolOn(flash, SEGMENTS, TABLE);
    const report = again.open();
    expect([report.sessions, report.parkedSessions, report.pinnedSegments]).toEqual([4, 26, 0]);
    expect(heldNumbers(again)).toEqual([0, 1, 2, 29]);
    expect(again.rowField(again.sessionRow(3), SessionField.END_AT)).toBe(-1);
    expect(again.unackedChunks()).toBe(totalChunks(30));

    // The interrupted session closed (as the recorder does at boot), then a partial drain and another reboot.
    again.endSession(again.sessionRow(3), endOf(29));
    const done = drain(again, 10);
    expect(done).toEqual([0, 1, 2, 29, 3, 4, 5, 6, 7, 8]);
    const third = spoolOn(flash, SEGMENTS, TABLE);
    // Completed sessions whose records share a segment with live ones may come back (the gateway completes them
    // again); those with neither a chunk nor an END give their rows up when the table is full.
    expect(third.open().pinnedSegments).toBe(0);
    const rest = drain(third, 100, done);
    // The 20 not completed before are all there, whole (in the order the replay met them: a session whose START was
    // copied forward is met later).
    const open: number[] = [];
    for (let n = 9; n < 29; n++) open.push(n);
    expect(rest.filter((n) => n >= 9 && n < 29).sort((a, b) => a - b)).toEqual(open);
    expect([third.sessionCount(), third.parkedCount(), third.unackedChunks()]).toEqual([0, 0, 0]);
    expect(flash.list('sp').length).toBeLessThanOrEqual(1);
  });

  it('a boot parks no session whose START it has not met yet (copied forward, met later): what it cannot park it keeps', () => {
    const flash = new NodeFlash({ bytes: FLASH });
    // Four rows at run time: nothing parked while recording.
    const wide = spoolOn(flash, SEGMENTS, { maxSessions: 4, maxParked: 40 });
    wide.open();
    const long = (n: number): number => (n === 1 ? 30 : 4);
    for (let n = 0; n < 4; n++) {
      const s = wide.view(wide.beginSession(sid(n), startOf(n)));
      for (let q = 0; q < long(n); q++) expect(append(wide, s, n, q)).toBe(true);
      wide.endSession(s.row(), endOf(n));
    }
    // Session 0 delivered, session 1 acknowledged in part: the segments of its first chunks go, its START is copied
    // forward, after session 3's records.
    const k0 = wide.rowOf(sid(0), 0);
    wide.acknowledge(k0, long(0) - 1);
    wide.complete(k0);
    const k1 = wide.rowOf(sid(1), 0);
    const startBefore = wide.rowField(k1, SessionField.START_AT);
    wide.acknowledge(k1, 20);
    expect(wide.rowField(k1, SessionField.START_AT)).toBeGreaterThan(startBefore);
    // A boot with one row: when session 2 comes, session 1's START has not been met (parked then, its PARK record
    // would have no START): it stays, and 2 and 3 are kept unindexed until an open with room.
    const narrow = spoolOn(flash, SEGMENTS, { maxSessions: 1, maxParked: 40 });
    const report = narrow.open();
    expect([report.sessions, report.parkedSessions]).toEqual([1, 0]);
    expect(report.pinnedSegments).toBeGreaterThan(0);
    expect(narrow.parkedCount()).toBe(1);
    const s1 = narrow.find(hexOf(1)) as SpoolSession;
    expect(heldOf(s1).start).toEqual(startOf(1));
    for (let q = 21; q < 30; q++) expect(narrow.readChunk(s1.row(), q)).toEqual(chunkBytes(1, q));
    narrow.acknowledge(s1.row(), 29);
    narrow.complete(s1.row());
    // Nothing of 2 and 3 was erased: a boot with room finds them whole.
    const roomy = spoolOn(flash, SEGMENTS, { maxSessions: 4, maxParked: 40 });
    roomy.open();
    for (const n of [2, 3]) {
      const s = roomy.find(hexOf(n)) as SpoolSession;
      expect(heldOf(s).start).toEqual(startOf(n));
      for (let q = 0; q < long(n); q++) expect(roomy.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
    }
  });

  it('survives a power cut at every byte of a park at run time and at every third byte of the parks a boot writes', () => {
    const setup = (table: number): NodeFlash => {
      const flash = new NodeFlash({ bytes: FLASH });
      const spool = spoolOn(flash, SEGMENTS, { maxSessions: table, maxParked: 40 });
      spool.open();
      record(spool, 5, false);
      return flash;
    };
    // At run time: the sixth session parks the fifth (its PARK record, then the new START).
    let cuts = 0;
    for (let cut = 0; cut < 96; cut++) {
      const flash = setup(5);
      const spool = spoolOn(flash, SEGMENTS, { maxSessions: 5, maxParked: 40 });
      spool.open();
      flash.cutPowerAfter(cut);
      try {
        spool.beginSession(sid(5), startOf(5));
      } catch (err) {
        expect((err as FirmwareError).errorName).toBe('POWER_CUT');
        cuts++;
      }
      flash.restorePower();
      const after = spoolOn(flash, SEGMENTS, { maxSessions: 5, maxParked: 40 });
      after.open();
      // Whatever the cut left of the sixth session (nothing, or its START), the five drain whole.
      const done = drain(after, 100, [5]);
      expect(done.filter((n) => n < 5).sort()).toEqual([0, 1, 2, 3, 4]);
    }
    expect(cuts).toBeGreaterThan(40);
    // At boot: a replay with two rows parks three sessions; the power goes at each byte it writes, then a boot
    // with power finds all five whole.
    cuts = 0;
    for (let cut = 0; cut < 180; cut += 3) {
      const flash = setup(5);
      const narrow = spoolOn(flash, SEGMENTS, { maxSessions: 2, maxParked: 40 });
      flash.cutPowerAfter(cut);
      try {
        narrow.open();
      } catch (err) {
        expect((err as FirmwareError).errorName).toBe('POWER_CUT');
        cuts++;
      }
      flash.restorePower();
      const after = spoolOn(flash, SEGMENTS, { maxSessions: 2, maxParked: 40 });
      expect(after.open().pinnedSegments).toBe(0);
      expect(drain(after, 100).sort()).toEqual([0, 1, 2, 3, 4]);
    }
    expect(cuts).toBeGreaterThan(20);
  }, 60_000);

  it('refuses a new session only when every park slot is taken too', () => {
    const flash = new NodeFlash({ bytes: FLASH });
    const spool = spoolOn(flash, SEGMENTS, { maxSessions: 3, maxParked: 5 });
    spool.open();
    record(spool, 8, false);
    expect([spool.sessionCount(), spool.parkedCount()]).toEqual([3, 5]);
    expect(spool.isFullFor(300)).toBe(true);
    expect(() => spool.beginSession(sid(8), startOf(8))).toThrow(/parked/);
    // Nothing of the held and parked was touched.
    expect(drain(spool, 100)).toEqual([0, 1, 7, 2, 3, 4, 5, 6]);
  });

  it('never erases a chunk the gateway has not acknowledged, with sessions parked, acknowledged, completed and rebooted at random', () => {
    let seed = 4242;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 3; round++) {
      const flash = new NodeFlash({ bytes: FLASH });
      let spool = spoolOn(flash, 120, { maxSessions: 3, maxParked: 30 });
      spool.open();
      // Per session: chunks written, the highest seq ever acknowledged, completed.
      const written: number[] = [];
      const ackedEver: number[] = [];
      const completed: boolean[] = [];
      let live = -1;
      let mostParked = 0;
      for (let step = 0; step < 500; step++) {
        mostParked = Math.max(mostParked, spool.parkedCount());
        const r = rand(20);
        if (r < 2 && written.length < 32 && !spool.isFullFor(300)) {
          if (live >= 0) spool.endSession(spool.rowOf(sid(live), 0), endOf(live));
          live = written.length;
          spool.beginSession(sid(live), startOf(live));
          written.push(0);
          ackedEver.push(-1);
          completed.push(false);
        } else if (r < 12 && live >= 0) {
          const k = spool.rowOf(sid(live), 0);
          if (k >= 0 && append(spool, spool.view(k), live, written[live] as number)) written[live] = (written[live] as number) + 1;
        } else if (r < 18 && spool.sessionCount() > 0) {
          // The gateway acknowledges some of a held session, and completes it once whole and closed.
          const k = spool.sessionRow(rand(spool.sessionCount()));
          const n = numberOf(spool, k);
          const last = spool.rowField(k, SessionField.LAST);
          const through = Math.min(last, spool.rowField(k, SessionField.ACKED) + 1 + rand(3));
          spool.acknowledge(k, through);
          if (through > (ackedEver[n] as number)) ackedEver[n] = through;
          if (through >= last && spool.rowField(k, SessionField.END_AT) >= 0 && n !== live) {
            spool.complete(k);
            completed[n] = true;
          }
        } else if (r === 19) {
          // Reboot: the session being recorded is closed by the recorder at boot.
          spool = spoolOn(flash, 120, { maxSessions: 3, maxParked: 30 });
          spool.open();
          if (live >= 0) {
            const k = spool.rowOf(sid(live), 0);
            if (k >= 0 && spool.rowField(k, SessionField.END_AT) < 0) spool.endSession(k, endOf(live));
            live = -1;
          }
        }
        if (step % 20 !== 19) continue;
        // Every chunk never acknowledged is in flash: a reboot with a table for everything finds it.
        const look = spoolOn(cloneFlash(flash, FLASH), 120, { maxSessions: 200, maxParked: 0 });
        look.open();
        for (let n = 0; n < written.length; n++) {
          if (completed[n]) continue;
          const found = look.find(hexOf(n));
          if ((written[n] as number) === 0 && !found) continue;
          expect(found, 'session ' + n).not.toBeNull();
          if (!found) continue;
          for (let q = (ackedEver[n] as number) + 1; q < (written[n] as number); q++) expect(look.readChunk(found.row(), q), n + '/' + q).toEqual(chunkBytes(n, q));
        }
      }
      expect(mostParked).toBeGreaterThan(3);
      // Everything acknowledged and completed: the spool empties.
      if (live >= 0) spool.endSession(spool.rowOf(sid(live), 0), endOf(live));
      for (let guard = 0; guard < 200 && spool.sessionCount() > 0; guard++) {
        const k = spool.sessionRow(0);
        spool.acknowledge(k, spool.rowField(k, SessionField.LAST));
        spool.complete(k);
      }
      expect([spool.sessionCount(), spool.parkedCount()]).toEqual([0, 0]);
      expect(flash.list('sp').length).toBeLessThanOrEqual(2);
    }
  }, 60_000);
});
