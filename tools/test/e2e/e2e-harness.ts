/** Parses a scenario written inline in a test and runs it end to end (tools/src/simulator/scenario-run.ts). */
import { parseScenarioText } from '../../src/scenario/scenario-file.js';
import { runScenario } from '../../src/simulator/scenario-run.js';
import type { ScenarioRunOptions, ScenarioRunReport } from '../../src/simulator/scenario-run.js';

export function runScenarioYaml(yaml: string, opts: ScenarioRunOptions = {}): Promise<ScenarioRunReport> {
  return runScenario(parseScenarioText(yaml, 'yaml', 'e2e'), { drainTimeoutMs: 60_000, ...opts });
}
