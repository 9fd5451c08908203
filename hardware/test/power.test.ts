import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { badgeBoard, type Board } from '../src/boards/index.js';
import { HardwareErrorCode, isHardwareError } from '../src/errors.js';
import {
  BATCH_INTERVALS_MIN,
  BITRATES_BPS,
  COMPONENT_CURRENTS,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_BATCH_INTERVAL_MIN,
  DEFAULT_BITRATE_BPS,
  DEFAULT_UPLOAD_POLICY,
  GOAL_FLASH_AUDIO_HOURS,
  GOAL_RECORDING_HOURS,
  MAX_CELL_MAH,
  PROTO_UPLOAD_POLICY,
  allPolicies,
  budgetFor,
  buildPowerReport,
  flashAudioHours,
  formatPowerReport,
  recommendUploadPolicy,
  type ComponentCurrents,
  type PowerAssumptions,
  type UploadPolicyChoice,
} from '../src/power/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const live: UploadPolicyChoice = { kind: 'live', batchIntervalMin: null };
const charger: UploadPolicyChoice = { kind: 'on-charger', batchIntervalMin: null };
const batched = (n: number): UploadPolicyChoice => ({ kind: 'batched', batchIntervalMin: n });
const hours = (p: UploadPolicyChoice, a: Partial<PowerAssumptions> = {}, board: Board = badgeBoard, c?: ComponentCurrents): number =>
  budgetFor(p, board, { ...DEFAULT_ASSUMPTIONS, ...a }, c).recordingHoursPerCharge;
const withCell = (mah: number): Board => ({ ...badgeBoard, battery: { ...badgeBoard.battery, capacityMah: mah } });
const withSpool = (bytes: number): Board => ({ ...badgeBoard, storage: { ...badgeBoard.storage, spoolBytes: bytes } });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isHardwareError(e) ? e.code : 'not a hardware error';
  }
  return undefined;
}

describe('the goal', () => {
  it('the default policy records >= 16 h per charge on a <= 1000 mAh cell, with >= 8 h of audio in flash', () => {
    const rec = recommendUploadPolicy(badgeBoard);
    expect(badgeBoard.battery.capacityMah).toBeLessThanOrEqual(MAX_CELL_MAH);
    expect(rec.budget.recordingHoursPerCharge).toBeGreaterThanOrEqual(GOAL_RECORDING_HOURS);
    expect(flashAudioHours(badgeBoard, DEFAULT_BITRATE_BPS)).toBeGreaterThanOrEqual(GOAL_FLASH_AUDIO_HOURS);
    expect(buildPowerReport(badgeBoard).goal.met).toBe(true);
  });

  it('the firmware default constants are the model recommendation', () => {
    const rec = recommendUploadPolicy(badgeBoard);
    expect(DEFAULT_BITRATE_BPS).toBe(DEFAULT_ASSUMPTIONS.bitrateBps);
    expect(DEFAULT_UPLOAD_POLICY).toBe(rec.protoUploadPolicy);
    expect(DEFAULT_UPLOAD_POLICY).toBe(PROTO_UPLOAD_POLICY[rec.policy.kind]);
    expect(rec.policy.kind === 'batched' ? rec.policy.batchIntervalMin : null).toBe(DEFAULT_BATCH_INTERVAL_MIN);
  });

  it('the recommendation is the lowest-latency policy with margin: every earlier one falls short', () => {
    const rec = recommendUploadPolicy(badgeBoard);
    const order = allPolicies();
    const at = order.findIndex((p) => p.kind === rec.policy.kind && p.batchIntervalMin === rec.policy.batchIntervalMin);
    expect(at).toBeGreaterThanOrEqual(0);
    for (const p of order.slice(0, at)) expect(hours(p)).toBeLessThan(GOAL_RECORDING_HOURS * 1.25);
  });

  it('every spool bitrate up to 32 kbit/s holds >= 8 h', () => {
    for (const b of BITRATES_BPS) expect(flashAudioHours(badgeBoard, b)).toBeGreaterThanOrEqual(GOAL_FLASH_AUDIO_HOURS);
  });
});

describe('monotonicity', () => {
  it('more radio means fewer hours: live < batched (short to long interval) < on charger', () => {
    const series = [hours(live), ...BATCH_INTERVALS_MIN.map((n) => hours(batched(n))), hours(charger)];
    for (let i = 1; i < series.length; i++) expect(series[i]!).toBeGreaterThan(series[i - 1]!);
  });

  it('a higher bitrate costs hours under every policy and holds less audio in flash', () => {
    for (const p of allPolicies()) {
      const h = BITRATES_BPS.map((b) => hours(p, { bitrateBps: b }));
      for (let i = 1; i < h.length; i++) {
        if (p.kind === 'on-charger') expect(h[i]!).toBeLessThanOrEqual(h[i - 1]!);
        else expect(h[i]!).toBeLessThan(h[i - 1]!);
      }
    }
    const f = BITRATES_BPS.map((b) => flashAudioHours(badgeBoard, b));
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeLessThan(f[i - 1]!);
  });

  it('hours scale with the cell and flash hours with the spool', () => {
    expect(hours(batched(5), {}, withCell(500)) * 2).toBeCloseTo(hours(batched(5), {}, withCell(1000)), 9);
    expect(flashAudioHours(withSpool(64 * 1048576), 16000) * 2).toBeCloseTo(flashAudioHours(withSpool(128 * 1048576), 16000), 9);
  });

  it('raising any component current lowers the hours of every policy that uses it', () => {
    for (const key of Object.keys(COMPONENT_CURRENTS) as (keyof ComponentCurrents)[]) {
      const more: ComponentCurrents = { ...COMPONENT_CURRENTS, [key]: { ...COMPONENT_CURRENTS[key], currentMa: COMPONENT_CURRENTS[key].currentMa * 1.5 } };
      for (const p of allPolicies()) {
        expect(hours(p, {}, badgeBoard, more), `${key} under ${p.kind}`).toBeLessThanOrEqual(hours(p));
      }
      expect(hours(batched(5), {}, badgeBoard, more) < hours(batched(5)) || key === 'wifiAssociatedIdle', key).toBe(true);
    }
  });

  it('slower uploads or a busier MCU cost hours', () => {
    expect(hours(batched(5), { uploadGoodputBytesPerS: 8000 })).toBeLessThan(hours(batched(5)));
    expect(hours(batched(5), { mcuBusyMsPerFrame: 8 })).toBeLessThan(hours(batched(5)));
    expect(hours(live, { liveTailMs: 300 })).toBeLessThan(hours(live));
  });
});

describe('units', () => {
  it('battery current is rail current through the regulator plus its quiescent current', () => {
    const b = budgetFor(batched(5), badgeBoard);
    const sum = b.shares.reduce((s, x) => s + x.averageMa, 0);
    expect(b.railAverageMa).toBeCloseTo(sum, 12);
    const expected = (sum * 3300) / (0.9 * badgeBoard.battery.nominalMv) + COMPONENT_CURRENTS.regulatorQuiescent.currentMa;
    expect(b.batteryAverageMa).toBeCloseTo(expected, 12);
    expect(b.recordingHoursPerCharge).toBeCloseTo((1000 * 0.85) / expected, 12);
  });

  it('on charger only, the battery feeds just capture, MCU and flash', () => {
    const b = budgetFor(charger, badgeBoard);
    expect(b.radioBusyFraction).toBe(0);
    expect(b.shares.find((s) => s.consumer === 'Wi-Fi upload bursts')!.averageMa).toBe(0);
    // 0.49 mic + 3.7 co-processor + 1 LED + 20 % x 44 + 80 % x 0.8 MCU + flash + UI + standby
    expect(b.railAverageMa).toBeGreaterThan(0.49 + 3.7 + 1 + 8.8 + 0.64);
    expect(b.railAverageMa).toBeLessThan(0.49 + 3.7 + 1 + 8.8 + 0.64 + 1);
  });

  it('flash hours: spool bytes over (Opus bytes + spool overhead) per second', () => {
    // 16 kbit/s = 2000 B/s + 4 B x 50 frames/s = 2200 B/s
    expect(flashAudioHours(badgeBoard, 16000)).toBeCloseTo(badgeBoard.storage.spoolBytes / 2200 / 3600, 12);
  });

  it('a batched upload: setup plus the interval\'s audio at the goodput', () => {
    // 5 min: 4 s + 300 s x 2000 B/s x 1.05 / 16000 B/s = 4 + 39.375 s
    expect(budgetFor(batched(5), badgeBoard).radioBusyFraction).toBeCloseTo((4 + 39.375) / 300, 12);
  });
});

describe('bad input', () => {
  it.each([
    ['a zero bitrate', () => flashAudioHours(badgeBoard, 0)],
    ['a negative current share', () => budgetFor(live, badgeBoard, { ...DEFAULT_ASSUMPTIONS, wifiTxDuty: -0.1 })],
    ['goodput below the audio rate', () => budgetFor(live, badgeBoard, { ...DEFAULT_ASSUMPTIONS, uploadGoodputBytesPerS: 2000 })],
    ['an MCU that cannot keep up', () => budgetFor(live, badgeBoard, { ...DEFAULT_ASSUMPTIONS, mcuBusyMsPerFrame: 20 })],
    ['a batch with no interval', () => budgetFor({ kind: 'batched', batchIntervalMin: null }, badgeBoard)],
    ['a zero-capacity cell', () => budgetFor(live, withCell(0))],
    ['a batch that cannot upload in its interval', () => budgetFor(batched(0.05), badgeBoard)],
  ])('%s is a POWER_BAD_INPUT', (_name, fn) => {
    expect(codeOf(fn)).toBe(HardwareErrorCode.PowerBadInput);
  });
});

describe('npm run power', () => {
  it('prints the tables and the JSON report', () => {
    const text = formatPowerReport(buildPowerReport(badgeBoard));
    expect(text).toContain('| live streaming');
    expect(text).toContain('(default)');
    expect(text).toMatch(/\| 32 +\| \d+\.\d/);
    const json = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'hardware/src/power/main.ts'), '--json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(json) as ReturnType<typeof buildPowerReport>;
    expect(report.goal.met).toBe(true);
    expect(report.policies).toHaveLength(allPolicies().length);
    expect(report.flash.map((f) => f.bitrateBps)).toEqual([...BITRATES_BPS]);
  });
});
