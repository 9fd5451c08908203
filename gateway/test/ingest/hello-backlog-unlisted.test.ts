import { afterEach, describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { startHarness, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, hex, newSessionId, sessionEndMessage } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';
import { until } from '../support/until.js';

const FRAMES = realOpusFrames('0.wav', 200);
const CHUNKS = [FRAMES.slice(0, 50), FRAMES.slice(50, 100), FRAMES.slice(100, 150)];
const DEVICE = 'badge-park';

let h: Harness | undefined;
const badges: TestBadge[] = [];
afterEach(async () => {
  for (const b of badges.splice(0)) await b.close();
  await h?.close();
  h = undefined;
});

async function setup(): Promise<{ b: TestBadge; got: FinalisedSession[] }> {
  h = await startHarness({ config: { fsyncIntervalMs: 5 } });
  const got: FinalisedSession[] = [];
  h.ingest.onFinalised(async (s) => void got.push(s));
  const b = await TestBadge.connect(h.port, DEVICE);
  badges.push(b);
  return { b, got };
}

/** Sends seq 0 and 2 of a three-chunk session and its SessionEnd; seq 1 is missing at the gateway. */
async function sessionMissingSeq1(b: TestBadge): Promise<Uint8Array> {
  const sid = newSessionId();
  await b.send('chunk', chunkMessage(sid, 0, 0, CHUNKS[0]!));
  await b.send('chunk', chunkMessage(sid, 2, 100, CHUNKS[2]!));
  const all = CHUNKS.flat();
  await b.send('session-end', sessionEndMessage(sid, 3, all, { endTimeMs: 1_763_800_003_000 }));
  await b.waitFor('ack', (a) => Buffer.from(a.sessionId).equals(sid) && a.missing.length === 1 && a.missing[0]!.first === 1);
  return sid;
}

const lostGaps = (s: FinalisedSession): Array<[number, number, string]> => s.gaps.map((g) => [g.firstFrame, g.frameCount, g.cause]);
const leftOpenLogs = (): Array<Record<string, unknown>> => (h?.logs ?? []).filter((l) => typeof l.leftOpen === 'number');

describe('Hello.backlog_unlisted: sessions the Hello does not list', () => {
  it('with backlog_unlisted 0, an unlisted session with missing chunks is finalised with lost gaps at that Hello', async () => {
    const { b, got } = await setup();
    const sid = await sessionMissingSeq1(b);
    await b.send('hello', { deviceId: DEVICE, backlog: [], backlogUnlisted: 0 });
    await until(() => got.length === 1);
    expect(got[0]!.sessionId).toBe(hex(sid));
    expect(lostGaps(got[0]!)).toEqual([[50, 50, 'lost']]);
    expect(leftOpenLogs()).toEqual([]);
  });

  it('with backlog_unlisted > 0, leaves an unlisted session open; listed later, its missing chunk completes it whole', async () => {
    const { b, got } = await setup();
    const parked = await sessionMissingSeq1(b);
    // A listed session whose missing chunk the badge no longer holds is still finalised as lost in the same Hello.
    const gone = await sessionMissingSeq1(b);
    await b.send('hello', {
      deviceId: DEVICE,
      backlog: [{ sessionId: gone, firstSeq: 2, lastSeq: 2, closed: true, hasChunks: true }],
      backlogUnlisted: 5,
    });
    await b.waitFor('hello-reply');
    await until(() => got.length === 1);
    await h!.ingest.idle();
    expect(got.map((s) => s.sessionId)).toEqual([hex(gone)]);
    expect(lostGaps(got[0]!)).toEqual([[50, 50, 'lost']]);
    expect(leftOpenLogs()).toMatchObject([{ level: 30, deviceId: DEVICE, leftOpen: 1, backlogUnlisted: 5 }]);

    // The badge re-admits the parked session to its table and lists it: the gateway still asks for seq 1.
    await b.send('hello', {
      deviceId: DEVICE,
      backlog: [{ sessionId: parked, firstSeq: 0, lastSeq: 2, closed: true, hasChunks: true }],
      backlogUnlisted: 0,
    });
    const reply = await b.waitFor('hello-reply', (m) => m.resume.some((r) => Buffer.from(r.sessionId).equals(parked)));
    expect(reply.resume).toEqual([{ sessionId: parked, receivedThrough: 0, missing: [{ first: 1, last: 1 }], complete: false }]);
    expect(got).toHaveLength(1);

    await b.send('chunk', chunkMessage(parked, 1, 50, CHUNKS[1]!));
    await until(() => got.length === 2);
    expect(got[1]!.sessionId).toBe(hex(parked));
    expect(got[1]!.gaps).toEqual([]);
    expect(got[1]!.totalFrames).toBe(150);
    await b.waitFor('ack', (a) => Buffer.from(a.sessionId).equals(parked) && a.complete);
  });

  it('a session left open for a badge that never lists it again is finalised by the partial-session timeout', async () => {
    let clock = 1_000_000;
    h = await startHarness({ now: () => clock, config: { fsyncIntervalMs: 5, partialFinaliseTimeoutMs: 60_000 } });
    const got: FinalisedSession[] = [];
    h.ingest.onFinalised(async (s) => void got.push(s));
    const b = await TestBadge.connect(h.port, DEVICE);
    badges.push(b);
    const sid = await sessionMissingSeq1(b);
    await b.send('hello', { deviceId: DEVICE, backlog: [], backlogUnlisted: 2 });
    await b.waitFor('hello-reply');
    clock += 59_000;
    await h.ingest.sweep();
    expect(got).toEqual([]);
    clock += 2_000;
    await h.ingest.sweep();
    await until(() => got.length === 1);
    expect(got[0]!.sessionId).toBe(hex(sid));
    expect(lostGaps(got[0]!)).toEqual([[50, 50, 'lost']]);
  });
});
