/**
 * `npm run bench -- e2e [scenario…] [--speed N]`: the long end-to-end
 * zero-loss runs — every scenario file in tools/scenarios/ (or the ones
 * named), each against a real gateway with its faults, then the zero-loss
 * table. Besides the table it reports how fast the simulation ran: simulated
 * time against wall time, the scenario's own speed being the baseline.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../../tools/src/scenario/scenario-file.js';
import { createProgressPrinter } from '../../tools/src/simulator/progress.js';
import { runScenario } from '../../tools/src/simulator/scenario-run.js';
import { formatZeroLossTable } from '../../tools/src/simulator/zero-loss-check.js';
import type { ZeroLossRow } from '../../tools/src/simulator/zero-loss-check.js';

const dir = fileURLToPath(new URL('../../tools/scenarios/', import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { speed: { type: 'string' } } });
const names = positionals.length > 0 ? positionals : readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => f.replace(/\.(ya?ml|json)$/, '')).sort();
const rows: ZeroLossRow[] = [];
const timing: string[] = [];
let failed = 0;
for (const name of names) {
  const file = readdirSync(dir).find((f) => f.replace(/\.(ya?ml|json)$/, '') === name);
  if (!file) {
    console.error(`no scenario ${name} in ${dir}`);
    process.exitCode = 1;
    continue;
  }
  let scenario = await loadScenarioFile(join(dir, file));
  if (values.speed) scenario = { ...scenario, speed: Number(values.speed) };
  console.log(`\n== ${scenario.name}: ${scenario.description}`);
  const progress = createProgressPrinter(process.stderr);
  try {
    const r = await runScenario(scenario, {
      drainTimeoutMs: 15 * 60_000,
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
    if (!r.ok || errors.length > 0) failed++;
  } catch (err) {
    progress.done();
    failed++;
    console.log(`  FAILED ${(err as Error).message}`);
  }
}
console.log('\n' + formatZeroLossTable(rows));
console.log('\n' + timing.join('\n'));
if (failed > 0) {
  console.log(`\n${failed} scenario(s) failed`);
  process.exitCode = 1;
}
