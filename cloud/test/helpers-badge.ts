import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWav } from '../src/audio/wav.js';
import type { FinalisedSession } from '@parley/proto';
import { REAL_AUDIO, run } from './helpers.js';

/**
 * A badge-like recording: the wearer (full level) and a customer 20 dB
 * quieter take turns, with pauses: wearer 4.wav, customer 1.wav, wearer
 * 2.wav. Returned with the time span (ms) of each part.
 */
export function makeBadgeOgg(dir: string): { path: string; parts: Array<{ who: 'staff' | 'customer'; startMs: number; endMs: number }> } {
  const wav = join(dir, 'badge.wav');
  const path = join(dir, 'badge.ogg');
  const sil = join(dir, 'silence.wav');
  run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', sil, 'trim', '0', '1.5']);
  const quiet = join(dir, 'quiet.wav');
  run('sox', [join(REAL_AUDIO, '1.wav'), quiet, 'vol', '0.1']);
  run('sox', [join(REAL_AUDIO, '4.wav'), sil, quiet, sil, join(REAL_AUDIO, '2.wav'), wav]);
  run('opusenc', ['--quiet', '--bitrate', '16', wav, path]);
  const ms = (f: string) => (parseWav(readFileSync(join(REAL_AUDIO, f))).channels[0]!.length / 16_000) * 1000;
  const d4 = ms('4.wav'), d1 = ms('1.wav'), d2 = ms('2.wav');
  return {
    path,
    parts: [
      { who: 'staff', startMs: 0, endMs: d4 },
      { who: 'customer', startMs: d4 + 1500, endMs: d4 + 1500 + d1 },
      { who: 'staff', startMs: d4 + 3000 + d1, endMs: d4 + 3000 + d1 + d2 },
    ],
  };
}

export function badgeSession(audioPath: string, overrides: Partial<FinalisedSession> = {}): FinalisedSession {
  return {
    sessionId: '0123456789abcdef0123456789abcdef',
    deviceId: 'badge-0001',
    staffId: 'staff-42',
    branchId: 'branch-sh-01',
    startTimeMs: Date.UTC(2026, 10, 20, 2, 0, 0),
    endTimeMs: Date.UTC(2026, 10, 20, 2, 0, 31),
    clockSynced: true,
    clockCorrected: false,
    audioPath,
    codec: { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 },
    totalFrames: 1550,
    durationMs: 30_000,
    gaps: [{ firstFrame: 900, frameCount: 25, startMs: 18_000, endMs: 18_500, cause: 'lost' }],
    bookmarks: [],
    endReason: 'button',
    finalisedAtMs: Date.UTC(2026, 10, 20, 2, 1, 0),
    ...overrides,
  };
}
