/**
 * The end-to-end zero-loss check: the badges' ground truth (FrameLedger,
 * counted where the co-processor hands frames to the firmware) against the
 * gateway's finalised sessions, each Ogg Opus file decoded by an independent
 * decoder (Debian opus-tools' `opusdec`). Every problem is listed; `ok` is
 * true only when there is none.
 */
import { runProgram } from '../external-program.js';
import type { FinalisedSession } from '@parley/proto';
import type { FrameLedger } from './frame-ledger.js';
import type { BadgeStatus } from './simulated-badge.js';

/** What the check needs of a badge (a SimulatedBadge). */
export interface CheckedBadge {
  deviceId: string;
  ledger: FrameLedger;
  status(): BadgeStatus;
}
import { SimulatorError } from './errors.js';

export interface ZeroLossRow {
  scenario: string;
  badges: number;
  minutesOfAudio: number;
  framesCaptured: number;
  framesDelivered: number;
  /** Captured frames in no finalised session (beyond the badge-reported drops). */
  lost: number;
  /** Frames delivered more than once (or in sessions no badge recorded). */
  duplicated: number;
  /** Frames the badges reported dropped (storage full), each matched by a session gap. */
  droppedReported: number;
  /** Frames only in RAM when a power cut struck (at most one chunk per cut). */
  lostAtPowerCut: number;
}

export interface ZeroLossReport {
  row: ZeroLossRow;
  problems: string[];
  ok: boolean;
}

export interface ZeroLossInput {
  scenario: string;
  badges: readonly CheckedBadge[];
  finalised: FinalisedSession[];
  /** Sessions the gateway still has open (must be none). */
  openAtGateway: number;
  frameMs: number;
  /** Decode every session's Ogg Opus with opusdec (default true). */
  decode?: boolean;
}

/** Samples opusdec decodes from an Ogg Opus file at 16 kHz mono (pre-skip and end trimming applied). */
export async function decodedSamples(path: string, sampleRate = 16000): Promise<number> {
  let pcm: Buffer;
  try {
    pcm = await runProgram('opusdec', ['--quiet', '--rate', String(sampleRate), '--force-wav', path, '-'], { timeoutMs: 120_000 });
  } catch (err) {
    throw new SimulatorError('SIM_DECODE_FAILED', `${path}: ${(err as Error).message}`, { cause: err });
  }
  // A canonical 44-byte WAV header, 16-bit samples, one channel.
  const channels = pcm.readUInt16LE(22);
  return (pcm.length - 44) / 2 / channels;
}

export async function checkZeroLoss(input: ZeroLossInput): Promise<ZeroLossReport> {
  const problems: string[] = [];
  const frameMs = input.frameMs;
  const samplesPerFrame = (16000 * frameMs) / 1000;
  const byKey = new Map<string, FinalisedSession[]>();
  for (const s of input.finalised) {
    const k = `${s.deviceId}/${s.sessionId}`;
    byKey.set(k, [...(byKey.get(k) ?? []), s]);
  }
  let captured = 0;
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  let dropped = 0;
  let lostAtPowerCut = 0;
  const known = new Set<string>();
  for (const badge of input.badges) {
    const st = badge.status();
    if (st.sessionsInFlash !== 0 || st.unackedChunks !== 0) {
      problems.push(`${badge.deviceId}: flash still holds ${st.sessionsInFlash} sessions / ${st.unackedChunks} unacknowledged chunks after the drain`);
    }
    let gapFrames = 0;
    for (const ls of badge.ledger.all()) {
      const key = `${badge.deviceId}/${ls.sessionHex}`;
      known.add(key);
      captured += ls.framesCaptured;
      lostAtPowerCut += ls.framesLostAtPowerCut;
      const kept = ls.framesCaptured - ls.framesLostAtPowerCut;
      const recs = byKey.get(key) ?? [];
      if (recs.length === 0) {
        problems.push(`${key}: no finalised session (${kept} frames lost)`);
        lost += kept;
        continue;
      }
      if (recs.length > 1) {
        problems.push(`${key}: ${recs.length} finalised sessions`);
        duplicated += (recs.length - 1) * kept;
      }
      const rec = recs[0] as FinalisedSession;
      const sessionGaps = rec.gaps.reduce((n, g) => n + g.frameCount, 0);
      const lostGaps = rec.gaps.filter((g) => g.cause !== 'badge-dropped').reduce((n, g) => n + g.frameCount, 0);
      if (lostGaps > 0) problems.push(`${key}: ${lostGaps} frames in gaps the gateway marks lost`);
      gapFrames += sessionGaps - lostGaps;
      const present = rec.totalFrames - sessionGaps;
      delivered += present;
      if (rec.totalFrames !== kept) problems.push(`${key}: badge numbered ${kept} frames, the session has ${rec.totalFrames}`);
      if (present < kept - sessionGaps) lost += kept - sessionGaps - present;
      if (input.decode !== false && present > 0) {
        // The gateway keeps the session's timeline: a gap (frames the badge
        // dropped) is present in the Ogg as time, so the file decodes to every
        // frame index the badge used.
        const samples = await decodedSamples(rec.audioPath);
        const want = rec.totalFrames * samplesPerFrame;
        if (Math.abs(samples - want) > samplesPerFrame) {
          problems.push(`${key}: Ogg Opus decodes to ${samples / 16} ms, the badge captured ${want / 16} ms (${sessionGaps} frames of it dropped)`);
        }
      }
    }
    dropped += st.droppedFrames;
    if (gapFrames !== st.droppedFrames) problems.push(`${badge.deviceId}: badge reported ${st.droppedFrames} dropped frames, sessions record ${gapFrames} in gaps`);
  }
  for (const [key, recs] of byKey) {
    if (!known.has(key)) {
      problems.push(`${key}: finalised session no badge recorded`);
      duplicated += recs.reduce((n, r) => n + r.totalFrames, 0);
    }
  }
  if (input.openAtGateway > 0) problems.push(`${input.openAtGateway} sessions still open at the gateway`);
  const row: ZeroLossRow = {
    scenario: input.scenario,
    badges: input.badges.length,
    minutesOfAudio: (captured * frameMs) / 60_000,
    framesCaptured: captured,
    framesDelivered: delivered,
    lost,
    duplicated,
    droppedReported: dropped,
    lostAtPowerCut,
  };
  if (lost > 0) problems.push(`${lost} frames lost`);
  if (duplicated > 0) problems.push(`${duplicated} frames duplicated`);
  return { row, problems, ok: problems.length === 0 };
}

/** The suite's table, one row per scenario. */
export function formatZeroLossTable(rows: readonly ZeroLossRow[]): string {
  const head = ['scenario', 'badges', 'minutes of audio', 'frames captured', 'frames delivered', 'lost', 'duplicated', 'dropped (reported)', 'lost at power cut'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.badges),
    r.minutesOfAudio.toFixed(1),
    String(r.framesCaptured),
    String(r.framesDelivered),
    String(r.lost),
    String(r.duplicated),
    String(r.droppedReported),
    String(r.lostAtPowerCut),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}
