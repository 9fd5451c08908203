/** The power budget as a report: plain-text tables (npm run power) or JSON (--json). */
import type { Board } from '../boards/board.js';
import { COMPONENT_CURRENTS, FLASH_TIMING } from './components.js';
import {
  BITRATES_BPS,
  DEFAULT_ASSUMPTIONS,
  GOAL_FLASH_AUDIO_HOURS,
  GOAL_RECORDING_HOURS,
  MAX_CELL_MAH,
  allPolicies,
  budgetFor,
  flashAudioHours,
  recommendUploadPolicy,
  sensitivity,
  type PolicyBudget,
  type Sensitivity,
  type PowerAssumptions,
  type Recommendation,
} from './model.js';
import { SOURCES } from './sources.js';

export interface PowerReport {
  board: { id: string; cellMah: number; spoolBytes: number };
  assumptions: PowerAssumptions;
  policies: PolicyBudget[];
  flash: { bitrateBps: number; hours: number }[];
  recommendation: Recommendation;
  sensitivity: Sensitivity[];
  goal: {
    recordingHours: number;
    flashAudioHours: number;
    maxCellMah: number;
    met: boolean;
  };
}

export function buildPowerReport(board: Board, a: PowerAssumptions = DEFAULT_ASSUMPTIONS): PowerReport {
  const recommendation = recommendUploadPolicy(board, a);
  const flashAtDefault = flashAudioHours(board, a.bitrateBps, a);
  return {
    board: { id: board.id, cellMah: board.battery.capacityMah, spoolBytes: board.storage.spoolBytes },
    assumptions: a,
    policies: allPolicies().map((p) => budgetFor(p, board, a)),
    flash: BITRATES_BPS.map((b) => ({ bitrateBps: b, hours: flashAudioHours(board, b, a) })),
    recommendation,
    sensitivity: sensitivity(board, recommendation.policy, a),
    goal: {
      recordingHours: GOAL_RECORDING_HOURS,
      flashAudioHours: GOAL_FLASH_AUDIO_HOURS,
      maxCellMah: MAX_CELL_MAH,
      met:
        recommendation.budget.recordingHoursPerCharge >= GOAL_RECORDING_HOURS &&
        flashAtDefault >= GOAL_FLASH_AUDIO_HOURS &&
        board.battery.capacityMah <= MAX_CELL_MAH,
    },
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Markdown table (also readable as plain text). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => '| ' + cells.map((c, i) => pad(c, widths[i]!)).join(' | ') + ' |';
  return [line(header), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...rows.map(line)].join('\n');
}

export function policyTable(r: PowerReport): string {
  return markdownTable(
    ['upload policy', 'radio busy', 'rail avg (mA)', 'battery avg (mA)', 'recording h / charge', 'meets 16 h', 'backlog fits flash'],
    r.policies.map((p) => [
      p.label + (p.label === r.recommendation.budget.label ? ' (default)' : ''),
      (p.radioBusyFraction * 100).toFixed(1) + ' %',
      p.railAverageMa.toFixed(2),
      p.batteryAverageMa.toFixed(2),
      p.recordingHoursPerCharge.toFixed(1),
      p.recordingHoursPerCharge >= GOAL_RECORDING_HOURS ? 'yes' : 'no',
      p.backlogHours <= r.recommendation.flashAudioHoursAtBitrate ? 'yes' : 'no',
    ]),
  );
}

export function flashTable(r: PowerReport): string {
  return markdownTable(
    ['bitrate (kbit/s)', 'audio in spool (h)', 'meets 8 h'],
    r.flash.map((f) => [String(f.bitrateBps / 1000), f.hours.toFixed(1), f.hours >= GOAL_FLASH_AUDIO_HOURS ? 'yes' : 'no']),
  );
}

export function breakdownTable(budget: PolicyBudget): string {
  return markdownTable(
    ['consumer', 'average at 3.3 V rail (mA)'],
    budget.shares.map((s) => [s.consumer, s.averageMa.toFixed(3)]),
  );
}

export function componentTable(): string {
  const rows = Object.values(COMPONENT_CURRENTS).map((f) => [f.component, f.state, String(f.currentMa), f.basis, f.source, f.note]);
  const timing = Object.values(FLASH_TIMING).map((t) => [ 'W25Q01JV spool flash', t.name, t.value + ' ' + t.unit, t.basis, t.source, t.note]);
  return markdownTable(['component', 'state', 'mA', 'basis', 'source', 'figure used'], [...rows, ...timing]);
}

export function sourcesList(): string {
  return Object.values(SOURCES).map((s) => '- `' + s.id + '`: ' + s.publisher + ', ' + s.document).join('\n');
}

export function sensitivityTable(r: PowerReport): string {
  return markdownTable(
    ['if the estimate is off', 'default policy: recording h / charge'],
    r.sensitivity.map((x) => [x.change, x.recordingHoursPerCharge.toFixed(1)]),
  );
}

export function formatPowerReport(r: PowerReport): string {
  const rec = r.recommendation;
  return [
    `Parley badge power budget (${r.board.id}: ${r.board.cellMah} mAh cell, ${(r.board.spoolBytes / 1048576).toFixed(0)} MiB spool, ${r.assumptions.bitrateBps / 1000} kbit/s Opus, continuous recording)`,
    '',
    policyTable(r),
    '',
    flashTable(r),
    '',
    `Default upload policy: ${rec.budget.label} (proto UploadPolicy ${rec.protoUploadPolicy}), ${rec.budget.recordingHoursPerCharge.toFixed(1)} h per charge; ${rec.reason}.`,
    `Goal (>= ${r.goal.recordingHours} h recording per charge on <= ${r.goal.maxCellMah} mAh, >= ${r.goal.flashAudioHours} h of audio in flash): ${r.goal.met ? 'MET' : 'NOT MET'}.`,
    '',
    `Where the default policy's current goes:`,
    breakdownTable(rec.budget),
    '',
    'Sensitivity of the default policy to the least certain estimates:',
    sensitivityTable(r),
  ].join('\n');
}
