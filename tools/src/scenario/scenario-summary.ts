/** A human-readable summary of a validated scenario and its conversation plan. */
import { formatDuration } from './duration.js';
import type { PlannedConversation } from './conversation-plan.js';
import type { Scenario } from './types.js';

export function summarizeScenario(s: Scenario, plan: Map<string, PlannedConversation[]>): string {
  const lines: string[] = [];
  lines.push(`${s.name}: ${s.description || '(no description)'}`);
  lines.push(`  duration ${formatDuration(s.durationMs)} at ${s.speed}x (${formatDuration(Math.round(s.durationMs / s.speed))} of wall time), seed ${s.seed}`);
  lines.push(`  opus ${s.opus.bitrate} bps, ${s.opus.frameMs} ms frames; customer ${s.speech.customerGainDb} dB ±${s.speech.customerGainJitterDb}${s.speech.noise ? `, ${s.speech.noise.colour} noise at ${s.speech.noise.snrDb} dB SNR` : ''}`);
  for (const b of s.branches) {
    lines.push(`  branch ${b.id} (${b.name})`);
    for (const badge of s.badges.filter((x) => x.branch === b.id)) {
      const staff = b.staff.find((x) => x.id === badge.staff);
      const upload = badge.uploadPolicy.mode === 'batched' ? `batched every ${formatDuration(badge.uploadPolicy.everyMs)}` : badge.uploadPolicy.mode;
      const n = plan.get(badge.id)?.length ?? 0;
      const hours = badge.workingHours.map((w) => `${formatDuration(w.fromMs)}–${formatDuration(w.toMs)}`).join(', ');
      const mode =
        badge.recordingMode === 'button'
          ? 'button'
          : `${badge.recordingMode} (silence split ${formatDuration(badge.silenceSplitMs)}${hours ? `, working hours ${hours}` : ''})`;
      lines.push(
        `    ${badge.id}: ${staff?.name ?? badge.staff} (${staff?.role ?? '?'}), ${mode}, upload ${upload}` +
          `${badge.flashBytes ? `, flash ${badge.flashBytes} B` : ''}${badge.clockSyncedAtBoot ? '' : ', clock unsynced at boot'}; ${n} conversations planned`,
      );
    }
  }
  for (const o of s.offline) lines.push(`  offline ${o.badges === 'all' ? 'all badges' : o.badges.join(', ')} ${formatDuration(o.fromMs)}–${formatDuration(o.toMs)}`);
  for (const f of s.faults) {
    const { kind, atMs, ...rest } = f;
    lines.push(`  fault at ${formatDuration(atMs)}: ${kind} ${JSON.stringify(rest)}`);
  }
  return lines.join('\n');
}
