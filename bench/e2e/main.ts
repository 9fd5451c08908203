/**
 * `npm run bench -- e2e [name…] [--scenario <file>]… [--speed N]`: the long
 * end-to-end zero-loss runs — every scenario file in tools/scenarios/ (or the
 * ones named, or any scenario file given with --scenario), each against a
 * real gateway with its faults, with the live summary while it runs, then the
 * zero-loss table and a verdict per scenario. Besides the table it reports how
 * fast the simulation ran: simulated time against wall time, the scenario's
 * own speed being the baseline. Exits non-zero when any scenario lost or
 * duplicated a frame, or a fault could not be injected.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../../tools/src/scenario/scenario-file.js';
import { createProgressPrinter } from '../../tools/src/simulator/progress.js';
import { runScenario } from '../../tools/src/simulator/scenario-run.js';
import { formatZeroLossTable } from '../../tools/src/simulator/zero-loss-check.js';
import type { ZeroLossRow } from '../../tools/src/simulator/zero-loss-check.js';

const dir = fileURLToPath(new URL('../../tools/scenarios/', import.meta.url));
const SCENARIO_FILE = /\.(ya?ml|json)$/;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { speed: { type: 'string' }, scenario: { type: 'string', multiple: true }, 'drain-timeout': { type: 'string' } },
});

/** Scenario files to run: --scenario paths as given, names looked up in tools/scenarios/, else all of them. */
function scenarioFiles(): string[] {
  const files: string[] = [];
  for (const p of values.scenario ?? []) files.push(resolve(process.cwd(), p));
  const names = positionals.length > 0 || files.length > 0 ? positionals : readdirSync(dir).filter((f) => SCENARIO_FILE.test(f)).map((f) => f.replace(SCENARIO_FILE, '')).sort();
  for (const name of names) {
    const file = readdirSync(dir).find((f) => f.replace(SCENARIO_FILE, '') === name);
    if (file) files.push(join(dir, file));
    else if (existsSync(name)) files.push(resolve(process.cwd(), name));
    else {
      console.error(`no scenario ${name} in ${dir} (give a path with --scenario)`);
      process.exitCode = 1;
    }
  }
  return files;
}

const speed = values.speed === undefined ? undefined : Number(values.speed);
if (speed !== undefined && !(speed > 0)) {
  console.error(`--speed ${values.speed}: expected a number > 0`);
  process.exit(1);
}
const drainTimeoutMs = values['drain-timeout'] === undefined ? 15 * 60_000 : Number(values['drain-timeout']) * 1000;
const rows: ZeroLossRow[] = [];
const timing: string[] = [];
const verdicts: string[] = [];
let failed = 0;
for (const path of scenarioFiles()) {
  let scenario;
  try {
    scenario = await loadScenarioFile(path);
  } catch (err) {
    failed++;
    console.log(`\n${(err as Error).message}`);
    verdicts.push(`${path}: FAILED (unreadable)`);
    continue;
  }
  if (speed !== undefined) scenario = { ...scenario, speed };
  console.log(`\n== ${scenario.name} (${path}): ${scenario.description}`);
  console.log(`   ${scenario.badges.length} badges, ${(scenario.durationMs / 60_000).toFixed(0)} simulated min at ${scenario.speed}x (~${(scenario.durationMs / scenario.speed / 60_000).toFixed(1)} min wall plus the drain)`);
  const progress = createProgressPrinter(process.stderr);
  try {
    const r = await runScenario(scenario, {
      drainTimeoutMs,
      onSummary: (s) => progress.update(s),
      onFault: (e) => {
        progress.done();
        console.log(`  fault ${e.kind} ${e.phase}: ${e.detail}`);
      },
    });
    progress.done();
    rows.push(r.row);
    const achieved = scenario.durationMs / r.wallMs;
    timing.push(`${scenario.name}: ${(scenario.durationMs / 60_000).toFixed(0)} simulated min in ${(r.wallMs / 1000).toFixed(1)} s wall = ${achieved.toFixed(1)}x (scenario speed ${scenario.speed}x: ratio ${(achieved / scenario.speed).toFixed(2)}, the drain included)`);
    const errors = r.faults.filter((f) => f.phase === 'error');
    for (const p of [...r.problems, ...errors.map((e) => `fault ${e.kind} not injected: ${e.detail}`)]) console.log(`  PROBLEM ${p}`);
    const ok = r.ok && errors.length === 0;
    if (!ok) failed++;
    const row = r.row;
    verdicts.push(
      `${scenario.name}: ${ok ? 'ZERO LOSS' : 'FAILED'} — ${row.framesDelivered}/${row.framesCaptured} frames delivered, lost ${row.lost}, duplicated ${row.duplicated}` +
        (row.droppedReported > 0 ? `, ${row.droppedReported} dropped by the badge (flash full) = the session gaps` : '') +
        (row.lostAtPowerCut > 0 ? `, ${row.lostAtPowerCut} in RAM at power cuts` : '') +
        (errors.length > 0 ? `, ${errors.length} fault(s) not injected` : ''),
    );
  } catch (err) {
    progress.done();
    failed++;
    console.log(`  FAILED ${(err as Error).message}`);
    verdicts.push(`${scenario.name}: FAILED (${(err as Error).message.split('\n')[0]})`);
  }
}
console.log('\n' + formatZeroLossTable(rows));
console.log('\n' + timing.join('\n'));
console.log('\nverdict:\n  ' + verdicts.join('\n  '));
if (failed > 0) {
  console.log(`\n${failed} scenario(s) failed`);
  process.exitCode = 1;
}
