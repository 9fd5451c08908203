import { describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { FrameLedger } from '../../src/simulator/frame-ledger.js';
import type { BadgeStatus } from '../../src/simulator/simulated-badge.js';
import { checkZeroLoss, formatZeroLossTable } from '../../src/simulator/zero-loss-check.js';
import type { CheckedBadge } from '../../src/simulator/zero-loss-check.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

function badge(sessions: Record<string, number>, over: Partial<BadgeStatus> = {}): CheckedBadge {
  const ledger = new FrameLedger();
  for (const [hex, n] of Object.entries(sessions)) {
    ledger.open(hex);
    for (let i = 0; i < n; i++) ledger.count(hex);
  }
  const status: BadgeStatus = {
    deviceId: 'badge-0001', online: true, recording: false, boots: 1, framesCaptured: ledger.totalCaptured(), sessionsStarted: ledger.all().length,
    unackedChunks: 0, sessionsInFlash: 0, flashUsedBytes: 0, droppedFrames: 0, ...over,
  };
  return { deviceId: 'badge-0001', ledger, status: () => status };
}

function session(id: string, totalFrames: number, gaps: FinalisedSession['gaps'] = []): FinalisedSession {
  return {
    sessionId: id, deviceId: 'badge-0001', staffId: null, branchId: null, startTimeMs: 0, endTimeMs: 0, clockSynced: true, clockCorrected: false,
    audioPath: '/nonexistent.opus', codec: { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 }, totalFrames,
    durationMs: totalFrames * 20, gaps, bookmarks: [], endReason: 'button', finalisedAtMs: 0,
  };
}

const base = { scenario: 't', openAtGateway: 0, frameMs: 20, decode: false } as const;

describe('the zero-loss check (it must be able to fail)', () => {
  it('passes when every badge session is finalised once with all its frames', async () => {
    const r = await checkZeroLoss({ ...base, badges: [badge({ [A]: 100, [B]: 50 })], finalised: [session(A, 100), session(B, 50)] });
    expect(r.problems).toEqual([]);
    expect(r.row).toMatchObject({ framesCaptured: 150, framesDelivered: 150, lost: 0, duplicated: 0 });
  });

  it('counts a missing session as lost', async () => {
    const r = await checkZeroLoss({ ...base, badges: [badge({ [A]: 100, [B]: 50 })], finalised: [session(A, 100)] });
    expect(r.ok).toBe(false);
    expect(r.row.lost).toBe(50);
  });

  it('flags a session with fewer frames than the badge numbered, and gaps the gateway marks lost', async () => {
    const r = await checkZeroLoss({
      ...base,
      badges: [badge({ [A]: 100 })],
      finalised: [session(A, 100, [{ firstFrame: 10, frameCount: 5, startMs: 200, endMs: 300, cause: 'lost' }])],
    });
    expect(r.problems.join('\n')).toMatch(/marks lost/);
    const short = await checkZeroLoss({ ...base, badges: [badge({ [A]: 100 })], finalised: [session(A, 90)] });
    expect(short.problems.join('\n')).toMatch(/numbered 100 frames, the session has 90/);
  });

  it('flags a session no badge recorded as duplicated frames', async () => {
    const r = await checkZeroLoss({ ...base, badges: [badge({ [A]: 100 })], finalised: [session(A, 100), session(B, 40)] });
    expect(r.row.duplicated).toBe(40);
    expect(r.ok).toBe(false);
  });

  it('requires badge-reported drops to match the badge-dropped gaps exactly', async () => {
    const gap = { firstFrame: 50, frameCount: 50, startMs: 1000, endMs: 2000, cause: 'badge-dropped' as const };
    const ok = await checkZeroLoss({ ...base, badges: [badge({ [A]: 150 }, { droppedFrames: 50 })], finalised: [session(A, 150, [gap])] });
    expect(ok.problems).toEqual([]);
    expect(ok.row.framesDelivered).toBe(100);
    const off = await checkZeroLoss({ ...base, badges: [badge({ [A]: 150 }, { droppedFrames: 49 })], finalised: [session(A, 150, [gap])] });
    expect(off.problems.join('\n')).toMatch(/reported 49 dropped frames, sessions record 50/);
  });

  it('flags a flash that still holds sessions and sessions still open at the gateway', async () => {
    const r = await checkZeroLoss({ ...base, openAtGateway: 1, badges: [badge({ [A]: 10 }, { sessionsInFlash: 1, unackedChunks: 2 })], finalised: [session(A, 10)] });
    expect(r.problems).toHaveLength(2);
  });

  it('prints the table with every column', () => {
    const table = formatZeroLossTable([{ scenario: 'clean', badges: 2, minutesOfAudio: 4.25, framesCaptured: 10, framesDelivered: 10, lost: 0, duplicated: 0, droppedReported: 0, lostAtPowerCut: 0 }]);
    expect(table).toMatch(/\| scenario \| badges \| minutes of audio \| frames captured \| frames delivered \| lost \| duplicated \|/);
    expect(table).toMatch(/\| clean +\| 2 +\| 4\.3 /);
  });
});
