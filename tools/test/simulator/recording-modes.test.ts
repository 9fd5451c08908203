import { describe, expect, it } from 'vitest';
import { isToolsError } from '../../src/errors.js';
import { validateScenario } from '../../src/scenario/scenario-file.js';
import type { BadgeSpec } from '../../src/scenario/types.js';
import { badgeModeConfig } from '../../src/simulator/simulator.js';
import { expectedVoiceSessions } from '../../src/simulator/voice-sessions.js';

const base = {
  version: 1,
  name: 'modes',
  duration: '1h',
  branches: [{ id: 'br-1', staff: [{ id: 's1', name: '陈静' }], badges: [] as Record<string, unknown>[] }],
};

function withBadges(badges: Record<string, unknown>[], faults: unknown[] = []) {
  return { ...base, branches: [{ ...base.branches[0]!, badges }], faults };
}

function errorsOf(doc: unknown): string[] {
  try {
    validateScenario(doc);
  } catch (e) {
    if (isToolsError(e, 'SCENARIO_INVALID')) return (e.details?.errors as string[]) ?? [];
    throw e;
  }
  throw new Error('expected the scenario to be invalid');
}

describe('recording modes in scenario files', () => {
  it('defaults to button; voice and scheduled take a silence split, scheduled takes working hours', () => {
    const s = validateScenario(
      withBadges([
        { id: 'b1', staff: 's1' },
        { id: 'b2', staff: 's1', recordingMode: 'voice', silenceSplit: '20s' },
        { id: 'b3', staff: 's1', recordingMode: 'scheduled', workingHours: [{ from: '0s', to: '30m' }, { from: '45m', to: '2h' }] },
      ]),
    );
    expect(s.badges.map((b) => [b.recordingMode, b.silenceSplitMs, b.workingHours])).toEqual([
      ['button', 30_000, []],
      ['voice', 20_000, []],
      ['scheduled', 30_000, [{ fromMs: 0, toMs: 1_800_000 }, { fromMs: 2_700_000, toMs: 7_200_000 }]],
    ]);
  });

  it('refuses keys that do not apply to the mode, bad windows and a sub-second split', () => {
    const errors = errorsOf(
      withBadges([
        { id: 'b1', staff: 's1', silenceSplit: '20s' },
        { id: 'b2', staff: 's1', recordingMode: 'voice', workingHours: [{ from: '0s', to: '1m' }] },
        { id: 'b3', staff: 's1', recordingMode: 'scheduled', workingHours: [{ from: '10m', to: '5m' }], silenceSplit: '500ms' },
      ]),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/badges\[0\]\.silenceSplit: only applies to the voice and scheduled modes/),
        expect.stringMatching(/badges\[1\]\.workingHours: only applies to the scheduled mode/),
        expect.stringMatching(/badges\[2\]\.workingHours\[0\]\.to: must be after from/),
        expect.stringMatching(/badges\[2\]\.silenceSplit/),
      ]),
    );
  });

  it('flash-full takes an optional duration', () => {
    const s = validateScenario(
      withBadges([{ id: 'b1', staff: 's1' }], [
        { at: '1m', kind: 'flash-full', badges: 'all' },
        { at: '2m', kind: 'flash-full', badges: ['b1'], freeBytes: 4096, duration: '5m' },
      ]),
    );
    expect(s.faults).toEqual([
      { kind: 'flash-full', atMs: 60_000, badges: 'all', freeBytes: 0, durationMs: null },
      { kind: 'flash-full', atMs: 120_000, badges: ['b1'], freeBytes: 4096, durationMs: 300_000 },
    ]);
  });
});

describe('badge config for a recording mode', () => {
  const spec = (over: Partial<BadgeSpec>): BadgeSpec => ({
    id: 'b1', branch: 'br-1', staff: 's1', recordingMode: 'voice', uploadPolicy: { mode: 'batched', everyMs: 60_000 },
    flashBytes: undefined, clockSyncedAtBoot: true, silenceSplitMs: 30_000, workingHours: [], ...over,
  });

  it('scales the silence split to the wall clock the firmware measures (whole seconds, at least 1)', () => {
    expect(badgeModeConfig(spec({}), 1, 0)).toEqual({ recordingMode: 1, silenceSplitS: 30, uploadPolicy: 1, utcOffsetMin: 0 });
    expect(badgeModeConfig(spec({}), 20, 0).silenceSplitS).toBe(2);
    expect(badgeModeConfig(spec({ silenceSplitMs: 5000 }), 60, 0).silenceSplitS).toBe(1);
  });

  it('maps working hours in scenario time to wall-clock minute windows from the start, rounded outwards', () => {
    const start = Date.UTC(2026, 10, 22, 9, 0, 30); // 09:00:30 UTC
    const c = badgeModeConfig(spec({ recordingMode: 'scheduled', workingHours: [{ fromMs: 0, toMs: 3_600_000 }] }), 20, start);
    // One scenario hour at 20x = 3 wall minutes: 09:00:30..09:03:30 -> 09:00..09:04.
    expect(c.workingHours).toEqual([{ weekdays: 0x7f, startMinute: 9 * 60, endMinute: 9 * 60 + 4 }]);
    const lateStart = Date.UTC(2026, 10, 22, 23, 58, 0);
    const wrap = badgeModeConfig(spec({ recordingMode: 'scheduled', workingHours: [{ fromMs: 0, toMs: 5 * 60_000 }] }), 1, lateStart);
    expect(wrap.workingHours).toEqual([{ weekdays: 0x7f, startMinute: 23 * 60 + 58, endMinute: 3 }]);
    const long = badgeModeConfig(spec({ recordingMode: 'scheduled', workingHours: [{ fromMs: 0, toMs: 30 * 3_600_000 }] }), 1, start);
    expect(long.workingHours).toEqual([{ weekdays: 0x7f, startMinute: 0, endMinute: 1440 }]);
  });
});

describe('expected voice-activated sessions', () => {
  // 20 ms frames at speed 1, split 1 s = 50 frames.
  const opts = { frameMs: 20, speed: 1, silenceSplitS: 1 };
  const flags = (bursts: [number, number][], total: number): Uint8Array => {
    const f = new Uint8Array(total);
    for (const [a, b] of bursts) f.fill(1, a, b);
    return f;
  };

  it('counts bursts separated by pauses clearly longer than the split, and a range for borderline ones', () => {
    expect(expectedVoiceSessions(flags([], 500), opts)).toEqual({ min: 0, max: 0, voicedFrames: 0 });
    // Pauses of 10 frames (no split) and 200 frames (split).
    expect(expectedVoiceSessions(flags([[0, 20], [30, 40], [240, 250]], 500), opts)).toEqual({ min: 2, max: 2, voicedFrames: 40 });
    // A pause of 50 frames is exactly the split: either way.
    expect(expectedVoiceSessions(flags([[0, 10], [60, 70]], 500), opts)).toEqual({ min: 1, max: 2, voicedFrames: 20 });
    // At 10x the same 200-frame pause is 0.4 s of wall time: no split.
    expect(expectedVoiceSessions(flags([[0, 20], [220, 230]], 500), { ...opts, speed: 10 })).toMatchObject({ min: 1, max: 1 });
  });
});
