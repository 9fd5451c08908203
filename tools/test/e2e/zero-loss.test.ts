import { afterAll, describe, expect, it } from 'vitest';
import { formatZeroLossTable } from '../../src/simulator/zero-loss-check.js';
import type { ZeroLossRow } from '../../src/simulator/zero-loss-check.js';
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
});
