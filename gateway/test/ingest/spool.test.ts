import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSpoolPayload, encodeSpoolRecord, RECORD_HEADER_BYTES, scanSpool, type SpoolChunk } from '../../src/ingest/spool-record.js';
import { Receipt } from '../../src/ingest/receipt.js';
import { IngestPaths } from '../../src/ingest/paths.js';
import { startHarness, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, hex, newSessionId } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';

const FRAMES = realOpusFrames('2.wav', 200);

function chunk(seq: number): SpoolChunk {
  return { seq, firstFrame: seq * 10, captureTimeMs: 1_763_800_000_000 + seq * 200, clockSynced: seq % 2 === 0, backlog: seq % 3 === 0, frames: FRAMES.slice(seq * 10, seq * 10 + 10) };
}

describe('spool records', () => {
  it('round-trip every field', () => {
    const c = chunk(3);
    const rec = encodeSpoolRecord(c);
    const back = decodeSpoolPayload(rec.subarray(RECORD_HEADER_BYTES));
    expect({ ...back, frames: back.frames.map((f) => Buffer.from(f).toString('hex')) }).toEqual({ ...c, frames: c.frames.map((f) => Buffer.from(f).toString('hex')) });
  });

  it('a file cut at any byte keeps exactly the whole records before the cut', () => {
    const records = [0, 1, 2].map((s) => encodeSpoolRecord(chunk(s)));
    const file = Buffer.concat(records);
    const ends = [records[0]!.length, records[0]!.length + records[1]!.length, file.length];
    for (let cut = 0; cut <= file.length; cut++) {
      const scan = scanSpool(file.subarray(0, cut));
      const whole = ends.filter((e) => e <= cut).length;
      expect(scan.records.map((r) => r.chunk.seq)).toEqual([0, 1, 2].slice(0, whole));
      expect(scan.validEnd).toBe(whole === 0 ? 0 : ends[whole - 1]);
      expect(scan.corrupt).toEqual([]);
    }
  });

  it('reports a damaged record in the middle as corruption and keeps the records after it', () => {
    const records = [0, 1, 2].map((s) => encodeSpoolRecord(chunk(s)));
    const file = Buffer.concat(records);
    file[records[0]!.length + 40]! ^= 0xff;
    const scan = scanSpool(file);
    expect(scan.records.map((r) => r.chunk.seq)).toEqual([0, 2]);
    expect(scan.corrupt).toEqual([{ offset: records[0]!.length, length: records[1]!.length }]);
    expect(scan.validEnd).toBe(file.length);
  });
});

describe('receipt', () => {
  it('tracks the contiguous prefix and the missing ranges', () => {
    const r = Receipt.of([5, 0, 1, 3, 9]);
    expect(r.contiguousThrough).toBe(1);
    expect(r.missing()).toEqual([
      { first: 2, last: 2 },
      { first: 4, last: 4 },
      { first: 6, last: 8 },
    ]);
    expect(r.missing(11)).toContainEqual({ first: 10, last: 11 });
    r.add(2);
    expect(r.contiguousThrough).toBe(3);
    expect(r.completeUpTo(4)).toBe(true);
    expect(r.count).toBe(6);
  });
});

describe('data layout', () => {
  it('never builds a path from an unchecked id', () => {
    const p = new IngestPaths('/data');
    expect(p.spoolFile('badge-001', 'a'.repeat(32))).toBe(`/data/spool/badge-001/${'a'.repeat(32)}.spool`);
    for (const bad of ['../etc', 'BADGE', 'a/b', '..', 'x']) expect(() => p.spoolFile(bad, 'a'.repeat(32))).toThrow(/Path component/);
    for (const bad of ['../../x', 'A'.repeat(32), 'a'.repeat(31), `${'a'.repeat(31)}/`]) expect(() => p.audioFile('badge-001', bad)).toThrow(/Path component/);
  });
});

describe('recovery at startup', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('truncates a torn tail, rebuilds the chunk index from the spool and reports it in Hello', async () => {
    const first = await startHarness();
    const sid = newSessionId();
    const file = first.ingest.paths.spoolFile('badge-007', hex(sid));
    await first.close({ keep: true });
    // As left by a crash: three whole records, a torn fourth, and no index rows at all.
    const whole = Buffer.concat([0, 1, 3].map((s) => encodeSpoolRecord(chunk(s))));
    const torn = encodeSpoolRecord(chunk(4)).subarray(0, 30);
    mkdirSync(first.ingest.paths.spoolDir('badge-007'), { recursive: true });
    writeFileSync(file, Buffer.concat([whole, torn]));
    // And a half-written Ogg from an interrupted finalisation.
    mkdirSync(first.ingest.paths.sessionDir('badge-007'), { recursive: true });
    const tmp = `${first.ingest.paths.audioFile('badge-007', hex(sid))}.tmp`;
    writeFileSync(tmp, 'OggS partial');
    h = await startHarness({ dataDir: first.dataDir });
    expect(statSync(file).size).toBe(whole.length);
    expect(existsSync(tmp)).toBe(false);
    expect(h.logs.some((l) => l.msg === 'truncating the torn tail of a spool file')).toBe(true);
    const b = await TestBadge.connect(h.port, 'badge-007');
    await b.send('hello', { deviceId: 'badge-007', backlog: [{ sessionId: sid, firstSeq: 0, lastSeq: 4, closed: false, hasChunks: true }] });
    const reply = await b.waitFor('hello-reply');
    expect(reply.resume[0]!.receivedThrough).toBe(1);
    expect(reply.resume[0]!.missing).toEqual([{ first: 2, last: 2 }]);
    await b.close();
    expect(readFileSync(file).length).toBe(whole.length);
  });

  it('replays journaled chunks a spool file lost (power cut before its checkpoint) and drops replayed segments', async () => {
    const first = await startHarness({ config: { fsyncIntervalMs: 5 } });
    const b = await TestBadge.connect(first.port, 'badge-008');
    const sid = newSessionId();
    for (let seq = 0; seq < 4; seq++) {
      const c = chunk(seq);
      await b.send('chunk', chunkMessage(sid, seq, c.firstFrame, c.frames));
    }
    await b.waitFor('ack', (a) => a.contiguousThrough === 3);
    await b.close();
    const file = first.ingest.paths.spoolFile('badge-008', hex(sid));
    await first.close({ keep: true });
    const replayedSegments = readdirSync(first.ingest.paths.journalDir);
    expect(replayedSegments.length).toBeGreaterThan(0);
    // The page cache never reached the disk: the spool keeps record 0 and half of record 1.
    const bytes = readFileSync(file);
    const records = scanSpool(bytes).records;
    writeFileSync(file, bytes.subarray(0, records[1]!.offset + 20));
    h = await startHarness({ dataDir: first.dataDir });
    expect(scanSpool(readFileSync(file)).records.map((r) => r.chunk.seq)).toEqual([0, 1, 2, 3]);
    expect(h.logs.some((l) => l.msg === 'replayed journaled chunks missing from spool files' && l.chunks === 3)).toBe(true);
    // Replayed segments are gone; only the new run's segments remain.
    const now = readdirSync(h.ingest.paths.journalDir);
    expect(now.filter((n) => replayedSegments.includes(n))).toEqual([]);
    const again = await TestBadge.connect(h.port, 'badge-008');
    await again.send('hello', { deviceId: 'badge-008', backlog: [{ sessionId: sid, firstSeq: 0, lastSeq: 3, closed: false, hasChunks: true }] });
    const reply = await again.waitFor('hello-reply');
    expect(reply.resume[0]!.receivedThrough).toBe(3);
    await again.close();
  });

  it('checkpoints: rotates the journal, fsyncs the spool files and deletes old segments', async () => {
    h = await startHarness({ config: { fsyncIntervalMs: 5, checkpointIntervalMs: 100 } });
    const b = await TestBadge.connect(h.port, 'badge-010');
    const sid = newSessionId();
    for (let seq = 0; seq < 6; seq++) {
      const c = chunk(seq);
      await b.send('chunk', chunkMessage(sid, seq, c.firstFrame, c.frames));
      await new Promise((r) => setTimeout(r, 60));
    }
    await b.waitFor('ack', (a) => a.contiguousThrough === 5);
    await h.ingest.flush();
    // The current segment and the pre-created next one; every older segment was checkpointed and deleted.
    // (The last checkpoint may still be fsyncing when the flush returns.)
    const numbers = (): number[] => readdirSync(h!.ingest.paths.journalDir).map((n) => Number(n.slice(0, 16))).sort((a, b) => a - b);
    for (let i = 0; i < 100 && numbers().length > 2; i++) await new Promise((r) => setTimeout(r, 20));
    const segs = numbers();
    expect(segs.length).toBeLessThanOrEqual(2);
    expect(segs[0]!).toBeGreaterThan(2);
    await b.close();
  });
});
