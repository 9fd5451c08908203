import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { startHarness, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, hex, newSessionId, sessionEndMessage } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';
import { until } from '../support/until.js';

const FRAMES = realOpusFrames('0.wav', 200);

let h: Harness | undefined;
let dataDir: string | undefined;
const badges: TestBadge[] = [];
afterEach(async () => {
  for (const b of badges.splice(0)) await b.close();
  await h?.close();
  h = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('Hello after a gateway restart (sessions known only from storage)', () => {
  it('finalises a session with lost gaps when the badge no longer holds its missing chunks', async () => {
    h = await startHarness({ config: { fsyncIntervalMs: 5 } });
    dataDir = h.dataDir;
    let b = await TestBadge.connect(h.port, 'badge-rst');
    badges.push(b);
    const sid = newSessionId();
    const chunks = [FRAMES.slice(0, 50), FRAMES.slice(50, 100), FRAMES.slice(100, 150)];
    // seq 1 never arrives; SessionEnd says 3 chunks.
    await b.send('chunk', chunkMessage(sid, 0, 0, chunks[0]!));
    await b.send('chunk', chunkMessage(sid, 2, 100, chunks[2]!));
    const all = chunks.flat();
    await b.send('session-end', sessionEndMessage(sid, 3, all, { endTimeMs: 1_763_800_003_000 }));
    await b.waitFor('ack', (a) => a.missing.length === 1 && a.missing[0]!.first === 1);
    await b.close();
    badges.length = 0;
    await h.close({ keep: true });

    // A new gateway process on the same data: the session is open in SQLite with its SessionEnd.
    h = await startHarness({ dataDir, config: { fsyncIntervalMs: 5 } });
    const got: FinalisedSession[] = [];
    h.ingest.onFinalised(async (s) => void got.push(s));
    b = await TestBadge.connect(h.port, 'badge-rst');
    badges.push(b);
    // The badge kept only seq 2 of it.
    await b.send('hello', { deviceId: 'badge-rst', backlog: [{ sessionId: sid, firstSeq: 2, lastSeq: 2, closed: true, hasChunks: true }] });
    await until(() => got.length === 1);
    expect(got[0]!.sessionId).toBe(hex(sid));
    expect(got[0]!.gaps.map((g) => [g.firstFrame, g.frameCount, g.cause])).toEqual([[50, 50, 'lost']]);
  });
});
