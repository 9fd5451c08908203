import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SESSIONS, RECORD_OVERHEAD } from '../../src/core/spool.js';
import type { Spool, SpoolSession } from '../../src/core/spool.js';
import { FirmwareError } from '../../src/core/errors.js';
import { NodeFlash } from '../../src/platform/node/flash.js';
import { heldOf } from '../support/spool-view.js';
import { append, chunkBytes, endOf, sid, spoolOn, startOf } from '../support/spool-fixtures.js';

/**
 * The spool's RAM index has a fixed size whatever the backlog: a badge offline
 * for a shift holds hundreds of segments and dozens of sessions.
 */

interface HeldCount {
  /** Objects, arrays and typed arrays reachable from the spool (the flash and the options excluded: they are the caller's). */
  objects: number;
  /** Bytes of the typed arrays among them. */
  typedBytes: number;
}

/** A Node proxy for the Espruino variables the spool holds: what is reachable from it. */
function heldBy(spool: Spool): HeldCount {
  const seen = new Set<object>();
  let typedBytes = 0;
  const visit = (v: unknown, top: boolean): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      typedBytes += v.byteLength;
      return;
    }
    for (const key of Object.keys(v)) {
      if (top && (key === 'flash' || key === 'opts')) continue;
      visit((v as Record<string, unknown>)[key], false);
    }
  };
  visit(spool, true);
  return { objects: seen.size, typedBytes: typedBytes };
}

/** Sessions of `chunks` chunks each, two recorded at a time (interleaved), each with a gap and an end. */
function recordBacklog(spool: Spool, sessions: number, chunks: number): SpoolSession[] {
  const out: SpoolSession[] = [];
  for (let n = 0; n < sessions; n += 2) {
    const a = spool.view(spool.beginSession(sid(n), startOf(n)));
    const b = n + 1 < sessions ? spool.view(spool.beginSession(sid(n + 1), startOf(n + 1))) : null;
    for (let q = 0; q < chunks; q++) {
      expect(append(spool, a, n, q)).toBe(true);
      if (b) expect(append(spool, b, n + 1, q)).toBe(true);
    }
    spool.appendGap(a.row(), chunks * 50, 10);
    spool.endSession(a.row(), endOf(n));
    out.push(a);
    if (b) {
      spool.endSession(b.row(), endOf(n + 1));
      out.push(b);
    }
  }
  return out;
}

function expectSession(spool: Spool, n: number, chunks: number, gap: boolean): SpoolSession {
  const s = spool.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
  expect(s).not.toBeNull();
  expect(heldOf(s).start).toEqual(startOf(n));
  expect(heldOf(s).end).toEqual(endOf(n));
  expect(heldOf(s).closed).toBe(true);
  expect(spool.gapsOf(s.row())).toEqual(gap ? [chunks * 50, 10] : []);
  expect([heldOf(s).ackedThrough + 1, heldOf(s).lastSeq, ...(spool.lastTotals(s.row()) as Uint32Array)]).toEqual([0, chunks - 1, chunks * 50, chunks * 300, chunks - 1 + n * 1000]);
  return s;
}

describe('spool RAM index', () => {
  it('does not grow with the backlog: hundreds of segments and 40 sessions held cost no object at all (rows of the preallocated table)', () => {
    const segments = 600;
    const flash = new NodeFlash({ bytes: 8 << 20 });
    const spool = spoolOn(flash, segments, { maxSessions: 48 });
    spool.open();
    const empty = heldBy(spool);

    // 40 sessions of 120 chunks: ~450 segments held (a shift offline, scaled to 4 KiB segments).
    const sessions = recordBacklog(spool, 40, 120);
    const held = flash.list('sp').length;
    expect(held).toBeGreaterThan(400);
    const full = heldBy(spool);
    expect(full.typedBytes).toBe(empty.typedBytes);
    expect(sessions).toHaveLength(40);
    expect(full.objects).toBe(empty.objects);

    // A smaller backlog of as many sessions costs the same: the index is set by the bound, not by the backlog.
    const flash2 = new NodeFlash({ bytes: 8 << 20 });
    const small = spoolOn(flash2, segments, { maxSessions: 48 });
    small.open();
    recordBacklog(small, 40, 10);
    expect(flash2.list('sp').length).toBeLessThan(held / 5);
    expect(heldBy(small)).toEqual(full);

    // After a reboot: the same index, every session whole.
    const again = spoolOn(flash, segments, { maxSessions: 48 });
    const report = again.open();
    expect(report).toEqual({ segments: held, tornSegments: 0, sessions: 40, pinnedSegments: 0, parkedSessions: 0 });
    expect(heldBy(again)).toEqual(full);
    for (let n = 0; n < 40; n++) {
      const s = expectSession(again, n, 120, n % 2 === 0);
      for (const q of [0, 1, 59, 119]) expect(again.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
    }
    expect(again.unackedChunks()).toBe(40 * 120);

    // Acknowledged and completed session by session: everything goes, the metadata of the rest survives.
    for (let n = 0; n < 40; n++) {
      const s = again.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
      again.acknowledge(s.row(), 119);
      if (n === 19) {
        const mid = spoolOn(flash, segments, { maxSessions: 48 });
        mid.open();
        for (let m = 20; m < 40; m++) expectSession(mid, m, 120, m % 2 === 0);
      }
      again.complete(s.row());
      expect(heldOf(s).complete).toBe(true);
    }
    expect(again.sessions()).toHaveLength(0);
    expect(flash.list('sp').length).toBeLessThanOrEqual(1);
    expect(heldBy(again)).toEqual(empty);
  }, 60_000);

  it('holds chunks of any number of sessions in one segment; interleaved sessions reopen and are freed by acks only', () => {
    const flash = new NodeFlash({ bytes: 1 << 20 });
    const spool = spoolOn(flash, 40);
    spool.open();
    const ss: SpoolSession[] = [];
    for (let n = 0; n < 6; n++) ss.push(spool.view(spool.beginSession(sid(n), startOf(n))));
    // Six sessions round robin: every segment holds chunks of all six.
    for (let q = 0; q < 12; q++) for (let n = 0; n < 6; n++) expect(append(spool, ss[n] as SpoolSession, n, q)).toBe(true);
    const segments = flash.list('sp').length;
    expect(segments).toBeGreaterThanOrEqual(6);
    for (let n = 0; n < 6; n++) spool.endSession((ss[n] as SpoolSession).row(), endOf(n));

    const after = spoolOn(flash, 40);
    after.open();
    const again: SpoolSession[] = [];
    for (let n = 0; n < 6; n++) {
      const s = expectSession(after, n, 12, false);
      for (let q = 0; q < 12; q++) expect(after.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
      again.push(s);
    }
    // Five sessions acknowledged whole free nothing: the sixth has unacknowledged chunks everywhere.
    for (let n = 0; n < 5; n++) after.acknowledge((again[n] as SpoolSession).row(), 11);
    expect(flash.list('sp').length).toBe(segments);
    after.acknowledge((again[5] as SpoolSession).row(), 5);
    for (let q = 6; q < 12; q++) expect(after.readChunk((again[5] as SpoolSession).row(), q)).toEqual(chunkBytes(5, q));
    after.acknowledge((again[5] as SpoolSession).row(), 11);
    expect(flash.list('sp').length).toBeLessThanOrEqual(2);
    // The starts and ends survived the erasing (copied forward).
    const third = spoolOn(flash, 40);
    third.open();
    for (let n = 0; n < 6; n++) {
      const s = third.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
      expect([heldOf(s).start, heldOf(s).end]).toEqual([startOf(n), endOf(n)]);
    }
  });

  it('never erases an unacknowledged chunk, whatever the order of sessions, acks and reboots', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 4; round++) {
      const flash = new NodeFlash({ bytes: 1 << 20 });
      let spool = spoolOn(flash, 60, { maxSessions: 12 });
      spool.open();
      const next: number[] = [];
      const acked: number[] = [];
      for (let step = 0; step < 400; step++) {
        const r = rand(20);
        if (r < 2 && next.length < 12) {
          const n = next.length;
          spool.beginSession(sid(n), startOf(n));
          next.push(0);
          acked.push(-1);
        } else if (r < 16 && next.length > 0) {
          // Mostly the newest session records (the recorder's way), sometimes another one.
          const n = rand(4) === 0 ? rand(next.length) : next.length - 1;
          const s = spool.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
          if (append(spool, s, n, next[n] as number)) next[n] = (next[n] as number) + 1;
        } else if (r < 19 && next.length > 0) {
          const n = rand(next.length);
          const through = (acked[n] as number) + rand((next[n] as number) - (acked[n] as number));
          spool.acknowledge((spool.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession).row(), through);
          if (through > (acked[n] as number)) acked[n] = through;
        } else {
          // Reboot: acknowledgements are the gateway's to tell again.
          spool = spoolOn(flash, 60, { maxSessions: 12 });
          spool.open();
          for (let n = 0; n < next.length; n++) acked[n] = -1;
        }
        // Segments are erased on acks, reboots and new segments: check all that is unacknowledged then.
        if (r < 16 && step % 10 !== 0) continue;
        for (let n = 0; n < next.length; n++) {
          const s = spool.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
          expect(heldOf(s).lastSeq).toBe((next[n] as number) - 1);
          for (let q = (acked[n] as number) + 1; q < (next[n] as number); q++) expect(spool.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
        }
      }
      // Everything acknowledged: at most the active segment and the metadata stay.
      for (let n = 0; n < next.length; n++) spool.acknowledge((spool.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession).row(), (next[n] as number) - 1);
      expect(flash.list('sp').length).toBeLessThanOrEqual(2);
    }
  }, 60_000);

  it('a shift offline: 150 short sessions one after another over hundreds of segments, a power cut mid-chunk, all reopened and freed in order', () => {
    const segments = 700;
    const flash = new NodeFlash({ bytes: 4 << 20 });
    const spool = spoolOn(flash, segments, { maxSessions: 160 });
    spool.open();
    const empty = heldBy(spool);
    // Sessions of 3..25 chunks (many share a segment, long ones span several), each with an end.
    const chunksOf = (n: number): number => 3 + ((n * 7) % 23);
    for (let n = 0; n < 150; n++) {
      const s = spool.view(spool.beginSession(sid(n), startOf(n)));
      for (let q = 0; q < chunksOf(n); q++) expect(append(spool, s, n, q)).toBe(true);
      if (n < 149) spool.endSession(s.row(), endOf(n));
    }
    const held = flash.list('sp').length;
    expect(held).toBeGreaterThan(150);
    // The index is what it was empty: 150 sessions held are 150 rows of the preallocated table, no object each.
    expect(heldBy(spool)).toEqual(empty);
    // The power goes halfway through the last session's next chunk.
    const last = spool.find(Buffer.from(sid(149)).toString('hex')) as SpoolSession;
    flash.cutPowerAfter(150);
    expect(() => append(spool, last, 149, chunksOf(149))).toThrow();
    flash.restorePower();

    const again = spoolOn(flash, segments, { maxSessions: 160 });
    const report = again.open();
    expect([report.sessions, report.tornSegments, report.pinnedSegments]).toEqual([150, 1, 0]);
    for (let n = 0; n < 150; n += 7) {
      const s = again.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
      expect([heldOf(s).ackedThrough + 1, heldOf(s).lastSeq, heldOf(s).closed]).toEqual([0, chunksOf(n) - 1, n < 149]);
      for (let q = 0; q < chunksOf(n); q++) expect(again.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
    }
    // Acknowledged oldest first, as the uploader drains: the segments before the first one holding
    // an unacknowledged chunk go at once, the rest stay.
    for (let n = 0; n < 150; n++) {
      const s = again.find(Buffer.from(sid(n)).toString('hex')) as SpoolSession;
      again.acknowledge(s.row(), chunksOf(n) - 1);
      again.complete(s.row());
      if (n === 74) {
        const left = flash.list('sp').length;
        expect(left).toBeGreaterThan(held / 3);
        expect(left).toBeLessThan((2 * held) / 3);
        for (let m = 75; m < 150; m += 5) {
          const r = again.find(Buffer.from(sid(m)).toString('hex')) as SpoolSession;
          expect(again.readChunk(r.row(), 0)).toEqual(chunkBytes(m, 0));
          expect(heldOf(r).start).toEqual(startOf(m));
        }
      }
    }
    expect(again.sessions()).toHaveLength(0);
    expect(flash.list('sp').length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('refuses a chunk whose seq does not rise (the index relies on seq order)', () => {
    const flash = new NodeFlash({ bytes: 1 << 20 });
    const spool = spoolOn(flash, 8);
    spool.open();
    const s = spool.view(spool.beginSession(sid(1), startOf(1)));
    expect(append(spool, s, 1, 3)).toBe(true);
    let refused: unknown = null;
    try {
      append(spool, s, 1, 3);
    } catch (err) {
      refused = err;
    }
    expect((refused as FirmwareError).errorName).toBe('SPOOL_CORRUPT');
    expect(spool.readChunk(s.row(), 3)).toEqual(chunkBytes(1, 3));
    expect(heldOf(s).lastSeq).toBe(3);
  });

  it('with no park slots, holds DEFAULT_MAX_SESSIONS sessions (oldest first, rows reused in age order), the next one refused as storage full', () => {
    expect(DEFAULT_MAX_SESSIONS).toBe(12);
    const flash = new NodeFlash({ bytes: 2 << 20 });
    const spool = spoolOn(flash, 200, { maxParked: 0 });
    spool.open();
    expect(spool.maxSessions()).toBe(DEFAULT_MAX_SESSIONS);
    const hexOf = (n: number): string => Buffer.from(sid(n)).toString('hex');
    for (let n = 0; n < DEFAULT_MAX_SESSIONS; n++) {
      const k = spool.beginSession(sid(n), startOf(n));
      expect(spool.appendChunk(k, 0, 50, 300, n, chunkBytes(n, 0))).toBe(true);
      spool.endSession(k, endOf(n));
    }
    expect(spool.sessionCount()).toBe(DEFAULT_MAX_SESSIONS);
    expect(spool.isFullFor(300)).toBe(true);
    expect(() => spool.beginSession(sid(100), startOf(100))).toThrow(FirmwareError);
    // Two completed (not the oldest): their rows serve the next two, which are the newest in the age order.
    for (const n of [5, 9]) {
      const k = spool.rowOf(sid(n), 0);
      spool.acknowledge(k, 0);
      spool.complete(k);
    }
    const k100 = spool.beginSession(sid(100), startOf(100));
    const k101 = spool.beginSession(sid(101), startOf(101));
    expect([k100, k101].sort()).toEqual([spool.rowOf(sid(100), 0), spool.rowOf(sid(101), 0)].sort());
    const order: string[] = [];
    for (let i = 0; i < spool.sessionCount(); i++) order.push(Buffer.from(spool.idOf(spool.sessionRow(i))).toString('hex'));
    const want: number[] = [];
    for (let n = 0; n < DEFAULT_MAX_SESSIONS; n++) if (n !== 5 && n !== 9) want.push(n);
    expect(order).toEqual([...want, 100, 101].map(hexOf));
    // The same order after a reboot (replayed oldest segment first). Sessions 5 and 9 come back too: their
    // records share segments with unacknowledged neighbours (the gateway completes them again at the next Hello).
    // With a table of DEFAULT_MAX_SESSIONS they would take the rows of 100 and 101, pinned until an open with room.
    const again = spoolOn(flash, 200, { maxSessions: 64, maxParked: 0 });
    again.open();
    expect(again.sessions().map((v) => v.hex)).toEqual([...want.slice(0, 5), 5, ...want.slice(5, 8), 9, ...want.slice(8), 100, 101].map(hexOf));
  });

  it('at the sessions bound with no park slot refuses a new session as storage full, then takes one again once a session completes', () => {
    const flash = new NodeFlash({ bytes: 1 << 20 });
    const spool = spoolOn(flash, 40, { maxSessions: 3, maxParked: 0 });
    spool.open();
    expect(spool.maxSessions()).toBe(3);
    const ss: SpoolSession[] = [];
    for (let n = 0; n < 3; n++) {
      const s = spool.view(spool.beginSession(sid(n), startOf(n)));
      for (let q = 0; q < 4; q++) expect(append(spool, s, n, q)).toBe(true);
      spool.endSession(s.row(), endOf(n));
      ss.push(s);
    }
    expect(spool.isFullFor(300)).toBe(true);
    let refused: unknown = null;
    try {
      spool.beginSession(sid(9), startOf(9));
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(FirmwareError);
    expect((refused as FirmwareError).errorName).toBe('FLASH_FULL');
    // Nothing was written for it, nothing held was touched.
    expect(spool.find(Buffer.from(sid(9)).toString('hex'))).toBeNull();
    for (let n = 0; n < 3; n++) expect(spool.readChunk((ss[n] as SpoolSession).row(), 3)).toEqual(chunkBytes(n, 3));

    spool.acknowledge((ss[1] as SpoolSession).row(), 3);
    spool.complete((ss[1] as SpoolSession).row());
    expect(spool.isFullFor(300)).toBe(false);
    const s9 = spool.view(spool.beginSession(sid(9), startOf(9)));
    expect(append(spool, s9, 9, 0)).toBe(true);
    // The detached handle of the completed session no longer reaches the row session 9 took.
    expect(heldOf(ss[1] as SpoolSession).complete).toBe(true);
    expect(append(spool, ss[1] as SpoolSession, 1, 4)).toBe(false);
    expect(spool.readChunk((ss[1] as SpoolSession).row(), 0)).toBeNull();
    expect(spool.sessions().map((s) => s.hex)).toEqual([0, 2, 9].map((n) => Buffer.from(sid(n)).toString('hex')));
  });

  it('keeps sessions neither the table nor a park slot has room for at open: their segments stay until an open with room', () => {
    const flash = new NodeFlash({ bytes: 1 << 20 });
    const spool = spoolOn(flash, 40, { maxSessions: 8 });
    spool.open();
    for (let n = 0; n < 4; n++) {
      const s = spool.view(spool.beginSession(sid(n), startOf(n)));
      for (let q = 0; q < 20; q++) expect(append(spool, s, n, q)).toBe(true);
      spool.endSession(s.row(), endOf(n));
    }
    const held = flash.list('sp').length;
    const small = spoolOn(flash, 40, { maxSessions: 2, maxParked: 0 });
    const report = small.open();
    expect(report.sessions).toBe(2);
    expect(report.pinnedSegments).toBeGreaterThan(0);
    for (const s of small.sessions().slice()) {
      small.acknowledge(s.row(), 19);
      small.complete(s.row());
    }
    // Segments with records of the two sessions not indexed are kept.
    expect(flash.list('sp').length).toBeGreaterThan(0);
    const roomy = spoolOn(flash, 40, { maxSessions: 8 });
    roomy.open();
    expect(flash.list('sp').length).toBeLessThanOrEqual(held);
    for (let n = 2; n < 4; n++) {
      const s = expectSession(roomy, n, 20, false);
      for (let q = 0; q < 20; q++) expect(roomy.readChunk(s.row(), q)).toEqual(chunkBytes(n, q));
    }
  });

  it('survives a power cut at every byte of the metadata copied forward before a segment is erased', () => {
    const build = (flash: NodeFlash): Spool => spoolOn(flash, 8);
    const metaBytes = 2 * (16 + RECORD_OVERHEAD) + startOf(0).length + endOf(0).length + (16 + 8 + RECORD_OVERHEAD);
    let cuts = 0;
    for (let cut = 0; cut <= metaBytes + 12; cut++) {
      const flash = new NodeFlash({ bytes: 1 << 20 });
      const spool = build(flash);
      spool.open();
      const a = spool.view(spool.beginSession(sid(1), startOf(1)));
      spool.appendGap(a.row(), 0, 10);
      spool.endSession(a.row(), endOf(1));
      // Chunks of a fill a few segments; b's chunks follow in the last one.
      let q = 0;
      while (flash.list('sp').length < 4) expect(append(spool, a, 1, q++)).toBe(true);
      const b = spool.view(spool.beginSession(sid(2), startOf(2)));
      expect(append(spool, b, 2, 0)).toBe(true);
      flash.cutPowerAfter(cut);
      try {
        // Erases a's first segment: its START, GAP and END are copied forward first.
        spool.acknowledge(a.row(), q - 1);
      } catch (err) {
        expect((err as FirmwareError).errorName).toBe('POWER_CUT');
        cuts++;
      }
      flash.restorePower();
      const after = build(flash);
      after.open();
      const a2 = after.find(Buffer.from(sid(1)).toString('hex')) as SpoolSession;
      expect([heldOf(a2).start, heldOf(a2).end, after.gapsOf(a2.row())]).toEqual([startOf(1), endOf(1), [0, 10]]);
      const b2 = after.find(Buffer.from(sid(2)).toString('hex')) as SpoolSession;
      expect(after.readChunk(b2.row(), 0)).toEqual(chunkBytes(2, 0));
      expect(heldOf(b2).start).toEqual(startOf(2));
    }
    expect(cuts).toBeGreaterThan(metaBytes - 1);
  });
});
