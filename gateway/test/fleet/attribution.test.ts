import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';
import { chunkMessage, digestOf, newSessionId } from '../ingest/support/badge-client.js';
import { realOpusFrames } from '../ingest/support/opus-frames.js';
import { BadgeDouble } from './badge-double.js';

const START = 1_763_800_000_000;
const PER_CHUNK = 50;

describe('sessions are attributed through the fleet assignment history at capture time', () => {
  let t: TestGateway;
  const finalised: FinalisedSession[] = [];

  beforeAll(async () => {
    t = await startTestGateway({}, { extensions: [{ name: 'collector', onFinalised: async (s) => void finalised.push(s) }] });
  });
  afterAll(async () => t.stop());

  it('gives a finished session the wearer and branch at its start time, not the badge’s staff id nor today’s wearer', async () => {
    const secret = await t.provision('badge-attr');
    const by = { actor: 'test' };
    const { directory } = t.gateway.fleet;
    await directory.createBranch({ id: 'paris-01', name: 'Paris' }, by);
    await directory.createBranch({ id: 'lyon-02', name: 'Lyon' }, by);
    await directory.createStaff({ id: 'alice', name: 'Alice', branchId: 'paris-01' }, by);
    await directory.createStaff({ id: 'bob', name: 'Bob', branchId: 'lyon-02' }, by);
    await directory.assign('badge-attr', 'alice', by, START - 2 * 3_600_000);
    await directory.assign('badge-attr', 'bob', by, START + 3_600_000); // later wearer

    const frames = realOpusFrames('0.wav', 2 * PER_CHUNK);
    const sid = newSessionId();
    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-attr', secret);
    try {
      await badge!.send('session-start', {
        sessionId: sid,
        staffId: 'stale-staff',
        startTimeMs: START,
        clockSynced: true,
        monotonicMs: 5000,
        codec: { codec: 0, sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 },
        trigger: 0,
        bootCount: 1,
      });
      for (const seq of [0, 1]) await badge!.send('chunk', chunkMessage(sid, seq, seq * PER_CHUNK, frames.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK), START + seq * PER_CHUNK * 20));
      await badge!.send('session-end', {
        sessionId: sid,
        reason: 1,
        endTimeMs: START + frames.length * 20,
        clockSynced: true,
        totalFrames: frames.length,
        totalBytes: frames.reduce((a, f) => a + f.length, 0),
        totalChunks: 2,
        digest: digestOf(frames),
      });
      const deadline = Date.now() + 10_000;
      while (finalised.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await badge?.close();
    }
    expect(finalised).toHaveLength(1);
    expect(finalised[0]).toMatchObject({ deviceId: 'badge-attr', staffId: 'alice', branchId: 'paris-01' });
  });
});
