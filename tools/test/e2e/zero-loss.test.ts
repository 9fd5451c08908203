import { afterAll, describe, expect, it } from 'vitest';
import { formatZeroLossTable } from '../../src/simulator/zero-loss-check.js';
import type { ZeroLossRow } from '../../src/simulator/zero-loss-check.js';
import { expectedVoiceSessions, voiceFlags } from '../../src/simulator/voice-sessions.js';
import { runScenarioYaml } from './e2e-harness.js';

/**
 * The short end-to-end zero-loss suite: real firmware core, real gateway,
 * real speech in real Opus, every fault the in-process harness can reach.
 * Scenarios are short (2-3 simulated minutes at 20x); the long runs are
 * `npm run bench -- e2e`.
 */
const rows: ZeroLossRow[] = [];
afterAll(() => {
  if (rows.length > 0) console.log('\n' + formatZeroLossTable(rows));
});

function scenario(name: string, extra = '', badgeExtra: Record<number, string> = {}, badges = 2): string {
  const list = Array.from(
    { length: badges },
    (_, i) => `      - { id: badge-${String(i + 1).padStart(4, '0')}, staff: st-${i % 2 === 0 ? 'chen' : 'wang'}${badgeExtra[i + 1] ?? ''} }`,
  ).join('\n');
  return `version: 1
name: ${name}
seed: 3
duration: 3m
speed: 20
dialogues:
  corpus:
    ids: [dev-001, dev-002, dev-003]
branches:
  - id: br-north
    staff:
      - { id: st-chen, name: 陈静 }
      - { id: st-wang, name: 王磊 }
    badges:
${list}
shifts:
  - badges: all
    length: 3m
    conversationsPerHour: 60
${extra}`;
}

describe('end-to-end zero loss (badges → gateway → Ogg Opus)', () => {
  it('clean run: every captured frame in exactly one finalised session that decodes to its duration', async () => {
    const r = await runScenarioYaml(scenario('clean'));
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesCaptured).toBeGreaterThan(1000);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);

  it('connection cuts (RST and FIN) and a flapping link at the proxy', async () => {
    const r = await runScenarioYaml(
      scenario(
        'cuts-and-flaps',
        `faults:
  - { at: 30s, kind: cut, target: all }
  - { at: 1m, kind: flap, target: all, up: 3s, down: 1s, duration: 40s }
  - { at: 2m10s, kind: cut, target: { badge: badge-0001 }, mode: close }
  - { at: 2m30s, kind: stall, target: all, duration: 10s }`,
      ),
      { proxy: true },
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);

  it('power cuts, one torn mid flash write: the badge reboots, closes the session from flash and delivers it', async () => {
    const r = await runScenarioYaml(
      scenario(
        'power-cut',
        `faults:
  - { at: 50s, kind: badge-reboot, badges: [badge-0001], powerCut: true, midFlashWrite: true }
  - { at: 1m40s, kind: badge-reboot, badges: [badge-0002], powerCut: true }
  - { at: 2m20s, kind: badge-reboot, badges: all, powerCut: false }`,
      ),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    // Only what was in RAM (the partial chunk: < 1 s = 50 frames) can go with the power.
    expect(r.row.lostAtPowerCut).toBeLessThanOrEqual(100);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured - r.row.lostAtPowerCut);
  }, 120_000);

  it('a badge offline for most of the shift drains its backlog afterwards', async () => {
    const r = await runScenarioYaml(scenario('offline-drain', `offline:\n  - { badges: [badge-0001], from: 0s, to: 2m40s }`));
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);

  it('clock unsynced at boot: sessions recorded before the first HelloReply are delivered whole', async () => {
    const r = await runScenarioYaml(
      scenario('clock-unsynced', `faults:\n  - { at: 0s, kind: clock-unsynced, badges: all, duration: 1m30s }`, { 1: ', clock: unsynced-at-boot', 2: ', clock: unsynced-at-boot' }),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);

  it('flash full while offline: dropped frames are counted and match the session gaps exactly', async () => {
    const r = await runScenarioYaml(scenario('flash-full', `offline:\n  - { badges: [badge-0001], from: 0s, to: 2m50s }`, { 1: ', flashBytes: 131072' }));
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.droppedReported).toBeGreaterThan(0);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured - r.row.droppedReported);
  }, 120_000);

  it('flash full at run time (offline and online badges): the chunk that does not fit is dropped, counted and recorded as a gap; the session ends storage-full', async () => {
    const r = await runScenarioYaml(
      scenario(
        'flash-full-runtime',
        `offline:
  - { badges: [badge-0001], from: 0s, to: 2m30s }
faults:
  - { at: 40s, kind: flash-full, badges: all, freeBytes: 0, duration: 1m }`,
      ),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.faults.filter((f) => f.kind === 'flash-full').map((f) => f.phase)).toEqual(['start', 'end']);
    expect(r.problems).toEqual([]);
    expect(r.row.droppedReported).toBeGreaterThan(0);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured - r.row.droppedReported);
    const gaps = r.finalised.flatMap((s) => s.gaps);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g.cause === 'badge-dropped')).toBe(true);
    expect(r.finalised.some((s) => s.endReason === 'storage-full')).toBe(true);
  }, 120_000);

  it('duplicated and reordered deliveries of session starts, chunks and session ends', async () => {
    const r = await runScenarioYaml(
      scenario(
        'dup-reorder',
        `faults:
  - { at: 0s, kind: duplicate-deliveries, badges: all, probability: 0.3, duration: 3m }
  - { at: 0s, kind: reorder-deliveries, badges: all, window: 4, duration: 3m }`,
      ),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.deliveryFaults.duplicated).toBeGreaterThan(10);
    expect(r.deliveryFaults.reordered).toBeGreaterThan(10);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);

  // At 20x a restart of the gateway child (tsx start-up, ~3-5 s of wall time
  // on this machine) spans a minute or more of scenario time: the crashes are
  // spaced so the second does not kill the first restart before it is ready.
  it('gateway kill -9 and restart (twice) while badges stream', async () => {
    const r = await runScenarioYaml(
      scenario(
        'gateway-kill-9',
        `faults:
  - { at: 20s, kind: gateway-crash, restartAfter: 0s }
  - { at: 2m30s, kind: gateway-crash, restartAfter: 20s }`,
      ),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
    expect(r.faults.filter((f) => f.kind === 'gateway-crash' && f.phase === 'start')).toHaveLength(2);
  }, 180_000);

  // The badges start and stop sessions themselves: their mode reaches them as
  // a config profile through the gateway's fleet when they first connect (the
  // shift starts 30 s in, so it has arrived). At 10x a 20 s silence split is
  // 2 s of wall time on the firmware's clock (an event-loop stall under load
  // must reach 1 s to change a session); turn pauses are under 1 s.
  function modeScenario(name: string, badgeExtra: Record<number, string>): string {
    return scenario(name, '', badgeExtra)
      .replace('duration: 3m\nspeed: 20', 'duration: 4m\nspeed: 10')
      .replace('    length: 3m\n    conversationsPerHour: 60', '    start: 30s\n    length: 3m30s\n    conversationsPerHour: 40');
  }
  const VOICE = { frameMs: 20, speed: 10, silenceSplitS: 2 };

  it('voice-activated badges: one session per burst of speech, closed by silence, every frame delivered', async () => {
    const r = await runScenarioYaml(modeScenario('voice-mode', { 1: ', recordingMode: voice, silenceSplit: 20s', 2: ', recordingMode: voice, silenceSplit: 20s' }));
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
    let sessions = 0;
    for (const badge of ['badge-0001', 'badge-0002']) {
      const want = expectedVoiceSessions(voiceFlags(r.audio.get(badge)!), VOICE);
      const got = r.finalised.filter((s) => s.deviceId === badge);
      sessions += got.length;
      expect(want.min, `${badge} has speech`).toBeGreaterThan(0);
      expect(got.length, `${badge}: sessions (expected ${want.min}..${want.max})`).toBeGreaterThanOrEqual(want.min);
      expect(got.length).toBeLessThanOrEqual(want.max);
      // Closed by silence, except one still open at the end of the shift.
      expect(got.filter((s) => s.endReason !== 'silence').length).toBeLessThanOrEqual(1);
      // Voice started them: capture began at the first voiced frame, so the speech is in the sessions.
      const frames = got.reduce((n, s) => n + s.totalFrames, 0);
      expect(frames).toBeGreaterThanOrEqual(want.voicedFrames - got.length);
    }
    // More than one conversation per badge, separated by silence: sessions split.
    expect(sessions).toBeGreaterThan(2);
  }, 120_000);

  it('scheduled badges: voice-activated inside working hours, nothing recorded outside them', async () => {
    const r = await runScenarioYaml(
      modeScenario('scheduled-mode', {
        1: ', recordingMode: scheduled, silenceSplit: 20s, workingHours: [{ from: 0s, to: 4m }]',
        2: ', recordingMode: scheduled, silenceSplit: 20s, workingHours: [{ from: 2h, to: 3h }]',
      }),
    );
    rows.push(r.row);
    expect(r.faults.filter((f) => f.phase === 'error')).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
    const inHours = r.finalised.filter((s) => s.deviceId === 'badge-0001');
    const want = expectedVoiceSessions(voiceFlags(r.audio.get('badge-0001')!), VOICE);
    expect(inHours.length).toBeGreaterThanOrEqual(Math.max(1, want.min));
    expect(inHours.length).toBeLessThanOrEqual(want.max);
    // badge-0002 heard the same kind of speech, but outside its working hours.
    expect(voiceFlags(r.audio.get('badge-0002')!).some((v) => v === 1)).toBe(true);
    expect(r.finalised.filter((s) => s.deviceId === 'badge-0002')).toEqual([]);
  }, 120_000);
});
