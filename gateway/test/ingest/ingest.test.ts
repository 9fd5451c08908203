import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import type { FinalisedSession } from '@parley/proto';
import { readOggOpus, OPUS_PRE_SKIP } from '../../src/ingest/ogg/index.js';
import { scanSpool } from '../../src/ingest/spool-record.js';
import { startHarness, metricValue, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, hex, newSessionId, sessionEndMessage } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';
import { until } from '../support/until.js';

const FRAMES = realOpusFrames('0.wav');
const PER_CHUNK = 50;

let h: Harness | undefined;
const badges: TestBadge[] = [];
afterEach(async () => {
  for (const b of badges.splice(0)) await b.close();
  await h?.close();
  h = undefined;
});

async function setup(opts: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness({ config: { fsyncIntervalMs: 5, ...opts.config }, ...opts });
  return h;
}

async function badge(id = 'badge-001'): Promise<TestBadge> {
  const b = await TestBadge.connect(h!.port, id);
  badges.push(b);
  return b;
}

function chunkFrames(seq: number): Uint8Array[] {
  return FRAMES.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK);
}

function startMsg(sessionId: Uint8Array, staffId = 'staff-7') {
  return { sessionId, staffId, startTimeMs: 1_763_800_000_000, clockSynced: true, monotonicMs: 5000, codec: { codec: 0, sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 }, trigger: 0, bootCount: 3 };
}

/** The seqs in a session's spool file once every committed record is written there. */
async function spoolSeqs(deviceId: string, sessionId: Uint8Array): Promise<number[]> {
  await h!.ingest.flush();
  const file = h!.ingest.paths.spoolFile(deviceId, hex(sessionId));
  if (!existsSync(file)) return [];
  return scanSpool(readFileSync(file)).records.map((r) => r.chunk.seq);
}

function finalisedCollector(): FinalisedSession[] {
  const got: FinalisedSession[] = [];
  h!.ingest.onFinalised(async (s) => {
    got.push(s);
  });
  return got;
}

describe('ingest: chunks to durable storage and ChunkAck', () => {
  it('stores a chunk in the session spool, then acks it', async () => {
    await setup();
    const b = await badge();
    const sid = newSessionId();
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    const ack = await b.waitFor('ack', (a) => a.contiguousThrough === 0);
    expect(hex(ack.sessionId)).toBe(hex(sid));
    expect(ack.missing).toEqual([]);
    expect(ack.complete).toBe(false);
    expect(await spoolSeqs('badge-001', sid)).toEqual([0]);
    expect(await metricValue(h!.registry, 'parley_ingest_chunks_total')).toBe(1);
    expect(await metricValue(h!.registry, 'parley_ingest_bytes_total')).toBe(chunkFrames(0).reduce((a, f) => a + f.length, 0));
  });

  it('acks only after the group commit: nothing before fsyncIntervalMs, early once fsyncMaxChunks wait', async () => {
    await setup({ config: { fsyncIntervalMs: 400, fsyncMaxChunks: 3 } });
    const b = await badge();
    const sid = newSessionId();
    const t0 = Date.now();
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    const t1 = Date.now();
    await Promise.all([1, 2, 3].map((s) => b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s)))));
    await b.waitFor('ack', (a) => a.contiguousThrough === 3);
    expect(Date.now() - t1).toBeLessThan(350);
    expect(await spoolSeqs('badge-001', sid)).toEqual([0, 1, 2, 3]);
  });

  it('de-duplicates on (device, session, seq) and reports out-of-order gaps as missing', async () => {
    await setup();
    const b = await badge();
    const sid = newSessionId();
    await b.send('chunk', chunkMessage(sid, 2, 100, chunkFrames(2)));
    const first = await b.waitFor('ack');
    expect(first.contiguousThrough).toBe(-1);
    expect(first.missing).toEqual([{ first: 0, last: 1 }]);
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 0 && a.missing.length === 1 && a.missing[0]!.first === 1);
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.send('chunk', chunkMessage(sid, 2, 100, chunkFrames(2)));
    await b.send('chunk', chunkMessage(sid, 1, 50, chunkFrames(1)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 2 && a.missing.length === 0);
    expect((await spoolSeqs('badge-001', sid)).sort()).toEqual([0, 1, 2]);
    expect(await metricValue(h!.registry, 'parley_ingest_duplicate_chunks_total')).toBe(2);
    // The same session id from another device is another session.
    const other = await badge('badge-002');
    await other.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await other.waitFor('ack', (a) => a.contiguousThrough === 0);
    expect(await spoolSeqs('badge-002', sid)).toEqual([0]);
  });

  it('rejects bad CRC, malformed protobuf, oversized and empty frames, bad session ids: logged, counted, no effect on stored data', async () => {
    await setup();
    const b = await badge();
    const sid = newSessionId();
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 0);

    const badCrc = chunkMessage(sid, 1, 50, chunkFrames(1));
    badCrc.crc32 = (badCrc.crc32! ^ 1) >>> 0;
    await b.send('chunk', badCrc);
    await b.sendRaw('chunk', Uint8Array.from([0x0a, 0xff, 0x01, 0x02]));
    await b.send('chunk', chunkMessage(sid, 1, 50, [new Uint8Array(1276).fill(8)]));
    await b.send('chunk', chunkMessage(sid, 1, 50, [new Uint8Array(0)]));
    await b.send('chunk', chunkMessage(sid, 1, 50, []));
    await b.send('chunk', chunkMessage(new Uint8Array(15), 1, 50, chunkFrames(1)));
    await b.send('chunk', chunkMessage(sid, 0, 0, Array.from({ length: 501 }, () => Uint8Array.of(8, 1))));
    await b.send('session-end', { sessionId: Uint8Array.of(1, 2, 3) });
    await h!.ingest.flush();
    const codes = h!.logs.filter((l) => typeof l.code === 'string').map((l) => l.code);
    expect(codes).toEqual(['CHUNK_CRC_MISMATCH', 'PROTO_DECODE', 'CHUNK_INVALID', 'CHUNK_INVALID', 'CHUNK_INVALID', 'SESSION_ID_INVALID', 'CHUNK_INVALID', 'SESSION_ID_INVALID']);
    expect(await metricValue(h!.registry, 'parley_ingest_rejects_total', { reason: 'CHUNK_INVALID' })).toBe(4);
    expect(await spoolSeqs('badge-001', sid)).toEqual([0]);
    // The connection still works and the good chunk follows.
    await b.send('chunk', chunkMessage(sid, 1, 50, chunkFrames(1)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 1);
    expect(await spoolSeqs('badge-001', sid)).toEqual([0, 1]);
  });

  it('back-pressure: with a chunk awaiting its commit beyond the window, aedes stops reading that badge', async () => {
    await setup({ config: { fsyncIntervalMs: 400, maxPendingChunksPerClient: 1 } });
    const b = await badge();
    const quick = await badge('badge-009');
    const sid = newSessionId();
    const pubacked: number[] = [];
    const t0 = Date.now();
    const sends: Array<Promise<void>> = [];
    for (let s = 0; s < 4; s++) {
      sends.push(b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s))).then(() => void pubacked.push(Date.now() - t0)));
      await new Promise((r) => setTimeout(r, 40));
    }
    // Another badge is not held up by this one's window.
    const tq = Date.now();
    await quick.send('hello', { deviceId: 'badge-009', backlog: [] });
    expect(Date.now() - tq).toBeLessThan(200);
    await Promise.all(sends);
    // Chunk 0 fits the window; chunk 1 is read but its done() is held; 2 and 3 are not even read (no PUBACK) until the commit.
    expect(pubacked[0]!).toBeLessThan(200);
    expect(pubacked[2]!).toBeGreaterThanOrEqual(350);
    await b.waitFor('ack', (a) => a.contiguousThrough === 3, 5000);
  });
});

describe('ingest: Hello', () => {
  it('answers with server time, wanted config version and resume points for the inventory', async () => {
    await setup({ wantedConfigVersion: () => 7 });
    const b = await badge();
    const sid = newSessionId();
    const unknown = newSessionId();
    for (const s of [0, 1, 3]) await b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 1 && a.missing.length === 1);
    const before = Date.now();
    await b.send('hello', {
      deviceId: 'badge-001',
      backlog: [
        { sessionId: sid, firstSeq: 0, lastSeq: 5, closed: false, hasChunks: true },
        { sessionId: unknown, firstSeq: 0, lastSeq: 2, closed: true, hasChunks: true },
      ],
    });
    const reply = await b.waitFor('hello-reply');
    expect(reply.serverTimeMs).toBeGreaterThanOrEqual(before - 1);
    expect(reply.serverTimeMs).toBeLessThanOrEqual(Date.now() + 1);
    expect(reply.wantedConfigVersion).toBe(7);
    expect(reply.locked).toBe(false);
    expect(reply.resume.map((r) => [hex(r.sessionId), r.receivedThrough, r.missing, r.complete])).toEqual([
      [hex(sid), 1, [{ first: 2, last: 2 }], false],
      [hex(unknown), -1, [], false],
    ]);
  });
});

describe('ingest: finalisation, Ogg Opus and the outbox', () => {
  it('assembles a complete session into an Ogg Opus file an independent decoder reads, and delivers it once', async () => {
    await setup({ resolveAttribution: (deviceId, atMs) => ({ staffId: `assigned-${deviceId}-${atMs}`, branchId: 'branch-sh-01' }) });
    const got = finalisedCollector();
    const b = await badge();
    const sid = newSessionId();
    const n = 6;
    const frames = FRAMES.slice(0, n * PER_CHUNK);
    await b.send('session-start', startMsg(sid));
    for (let s = n - 1; s >= 0; s--) await b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s)));
    await b.send('session-end', sessionEndMessage(sid, n, frames));
    const ack = await b.waitFor('ack', (a) => a.complete);
    expect(ack.contiguousThrough).toBe(n - 1);
    await until(() => got.length === 1);
    const rec = got[0]!;
    expect(rec).toMatchObject({
      sessionId: hex(sid),
      deviceId: 'badge-001',
      staffId: 'assigned-badge-001-1763800000000',
      branchId: 'branch-sh-01',
      startTimeMs: 1_763_800_000_000,
      endTimeMs: 1_763_800_000_000 + n * PER_CHUNK * 20,
      clockSynced: true,
      totalFrames: n * PER_CHUNK,
      durationMs: n * PER_CHUNK * 20,
      gaps: [],
      endReason: 'button',
      codec: { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 },
    });
    const file = readFileSync(rec.audioPath);
    const ogg = readOggOpus(file);
    expect(ogg.head.preSkip).toBe(OPUS_PRE_SKIP);
    expect(ogg.head.inputSampleRate).toBe(16000);
    expect(Object.fromEntries(ogg.tags.comments)).toMatchObject({ PARLEY_SESSION: hex(sid), PARLEY_DEVICE: 'badge-001', PARLEY_STAFF: rec.staffId, PARLEY_START_MS: '1763800000000' });
    expect(ogg.packets.map((p) => Buffer.from(p).toString('base64'))).toEqual(frames.map((p) => Buffer.from(p).toString('base64')));
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const out = await decoder.decodeFile(file);
    decoder.free();
    expect(out.samplesDecoded).toBe(n * PER_CHUNK * 960 - OPUS_PRE_SKIP);
    // Spool gone, index cleared, outbox row delivered; a late duplicate just gets "complete".
    expect(existsSync(h!.ingest.paths.spoolFile('badge-001', hex(sid)))).toBe(false);
    const row = h!.db.prepare('SELECT delivered_ms, attempts FROM ingest_outbox WHERE session_id = ?').get(hex(sid)) as { delivered_ms: number | null; attempts: number };
    expect(row.delivered_ms).not.toBeNull();
    await b.send('chunk', chunkMessage(sid, 2, 100, chunkFrames(2)));
    await b.send('session-end', sessionEndMessage(sid, n, frames));
    await until(() => b.messages('ack').filter((a) => a.complete).length >= 3);
    expect(got.length).toBe(1);
    expect(await metricValue(h!.registry, 'parley_ingest_sessions_finalised_total', { outcome: 'complete' })).toBe(1);
  });

  it('falls back to the badge staff id and asks for chunks missing after SessionEnd', async () => {
    await setup();
    const got = finalisedCollector();
    const b = await badge();
    const sid = newSessionId();
    const frames = FRAMES.slice(0, 4 * PER_CHUNK);
    await b.send('session-start', startMsg(sid, 'staff-badge'));
    await b.send('event', { kind: 4, sessionId: sid, frameIndex: 75, timeMs: 1_763_800_001_500, clockSynced: true });
    for (const s of [0, 2]) await b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s)));
    await b.waitFor('ack', (a) => a.contiguousThrough === 0 && a.missing.length === 1);
    await b.send('session-end', sessionEndMessage(sid, 4, frames));
    const ask = await b.waitFor('ack', (a) => a.missing.length === 2);
    expect(ask.missing).toEqual([
      { first: 1, last: 1 },
      { first: 3, last: 3 },
    ]);
    for (const s of [3, 1]) await b.send('chunk', chunkMessage(sid, s, s * PER_CHUNK, chunkFrames(s)));
    await until(() => got.length === 1);
    expect(got[0]!.staffId).toBe('staff-badge');
    expect(got[0]!.bookmarks).toEqual([{ frameIndex: 75, offsetMs: 1500 }]);
    expect(got[0]!.branchId).toBeNull();
    expect(got[0]!.gaps).toEqual([]);
  });

  it('records badge-dropped gaps from SessionEnd and lost chunks the badge no longer holds, never silently', async () => {
    await setup();
    const got = finalisedCollector();
    const b = await badge();
    const sid = newSessionId();
    // Chunk 0: frames 0..49; frames 50..59 dropped on the badge (flash full); chunk 1: frames 60..109;
    // chunk 2 (frames 110..159) lost in transit; chunk 3: frames 160..209.
    const c0 = FRAMES.slice(0, 50);
    const c1 = FRAMES.slice(60, 110);
    const c2 = FRAMES.slice(110, 160);
    const c3 = FRAMES.slice(160, 210);
    await b.send('session-start', startMsg(sid));
    await b.send('chunk', chunkMessage(sid, 0, 0, c0));
    await b.send('chunk', chunkMessage(sid, 1, 60, c1));
    await b.send('chunk', chunkMessage(sid, 3, 160, c3));
    const kept = [...c0, ...c1, ...c2, ...c3];
    await b.send('session-end', sessionEndMessage(sid, 4, kept, { totalFrames: 210, droppedFrames: 10, gaps: [{ firstFrame: 50, frameCount: 10 }], reason: 5 }));
    await b.waitFor('ack', (a) => a.missing.length === 1 && a.missing[0]!.first === 2);
    expect(got).toEqual([]);
    // The badge reconnects: its inventory starts at seq 3, so seq 2 is gone for good.
    await b.send('hello', { deviceId: 'badge-001', backlog: [{ sessionId: sid, firstSeq: 3, lastSeq: 3, closed: true, hasChunks: true }] });
    await until(() => got.length === 1);
    const rec = got[0]!;
    expect(rec.gaps).toEqual([
      { firstFrame: 50, frameCount: 10, startMs: 1000, endMs: 1200, cause: 'badge-dropped' },
      { firstFrame: 110, frameCount: 50, startMs: 2200, endMs: 3200, cause: 'lost' },
    ]);
    expect(rec.totalFrames).toBe(210);
    expect(rec.durationMs).toBe(150 * 20);
    expect(rec.endReason).toBe('storage-full');
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const out = await decoder.decodeFile(readFileSync(rec.audioPath));
    decoder.free();
    // Gaps keep their duration (concealment packets): the timeline is intact.
    expect(out.samplesDecoded).toBe(210 * 960 - OPUS_PRE_SKIP);
    expect(h!.logs.some((l) => l.msg === 'session finalised with lost audio')).toBe(true);
    expect(await metricValue(h!.registry, 'parley_ingest_sessions_finalised_total', { outcome: 'gaps' })).toBe(1);
  });

  it('finalises with lost gaps after the partial-session timeout, and holds a digest mismatch until then', async () => {
    let clock = 1_000_000;
    await setup({ now: () => clock, config: { partialFinaliseTimeoutMs: 60_000, missingRequestIntervalMs: 1000 } });
    const got = finalisedCollector();
    const b = await badge();
    const sid = newSessionId();
    const bad = newSessionId();
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.send('session-end', sessionEndMessage(sid, 2, FRAMES.slice(0, 100)));
    await b.send('chunk', chunkMessage(bad, 0, 0, chunkFrames(0)));
    await b.send('session-end', sessionEndMessage(bad, 1, chunkFrames(0), { digest: 12345 }));
    await h!.ingest.flush();
    await h!.ingest.idle();
    expect(h!.logs.some((l) => l.code === undefined && /digest/.test(l.msg))).toBe(true);
    clock += 2000;
    const asked = b.messages('ack').length;
    await h!.ingest.sweep();
    await until(() => b.messages('ack').length > asked);
    expect(got).toEqual([]);
    clock += 60_000;
    await h!.ingest.sweep();
    await until(() => got.length === 2);
    const byId = Object.fromEntries(got.map((g) => [g.sessionId, g]));
    expect(byId[hex(sid)]!.gaps).toEqual([{ firstFrame: 50, frameCount: 50, startMs: 1000, endMs: 2000, cause: 'lost' }]);
    expect(byId[hex(bad)]!.gaps).toEqual([]);
  });

  it('outbox: retries a failing consumer and redelivers an unconfirmed session after a restart', async () => {
    const first = await setup({ config: { outboxRetryMs: 20 } });
    const sid = newSessionId();
    const sid2 = newSessionId();
    let calls = 0;
    first.ingest.onFinalised(async (s) => {
      calls++;
      if (calls === 1) throw new Error('pipeline down');
      // The pipeline takes sid2 but never confirms it before the gateway stops.
      if (s.sessionId === hex(sid2)) await new Promise(() => undefined);
    });
    const b = await badge();
    await b.send('chunk', chunkMessage(sid, 0, 0, chunkFrames(0)));
    await b.send('session-end', sessionEndMessage(sid, 1, chunkFrames(0)));
    await until(() => calls === 2);
    const row = first.db.prepare('SELECT delivered_ms, attempts FROM ingest_outbox WHERE session_id = ?').get(hex(sid)) as { delivered_ms: number; attempts: number };
    expect(row.attempts).toBe(2);
    expect(row.delivered_ms).toBeGreaterThan(0);
    expect(h!.logs.some((l) => l.msg === 'outbox consumer failed; will retry')).toBe(true);

    await b.send('chunk', chunkMessage(sid2, 0, 0, chunkFrames(0)));
    await b.send('session-end', sessionEndMessage(sid2, 1, chunkFrames(0)));
    await until(() => calls === 3);
    await b.close();
    badges.length = 0;
    await first.close({ keep: true });
    h = await startHarness({ dataDir: first.dataDir });
    const again: FinalisedSession[] = [];
    h.ingest.onFinalised(async (s) => void again.push(s));
    await until(() => again.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(again.map((s) => s.sessionId)).toEqual([hex(sid2)]);
  });
});
