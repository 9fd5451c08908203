import type { MessagePort } from 'node:worker_threads';
import type { RuleSet, Taxonomy } from '../analysis/index.js';
import { runAnalysisTask, warmUpAnalysisTasks, type AnalysisTask } from './analysis-tasks.js';

export type PoolToWorker = { type: 'rules'; rules: RuleSet } | { type: 'task'; id: number; task: AnalysisTask };
export type WorkerToPool =
  | { type: 'ready' }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string };

/**
 * The worker side of the analysis pool: keeps the rule set the pool last
 * sent, runs one task at a time and replies with the result or the error
 * message; says `ready` once its modules and dictionaries are loaded.
 * `beforeTask` lets a test inject faults.
 */
export function serveAnalysisTasks(port: MessagePort, taxonomy: Taxonomy, beforeTask?: (task: AnalysisTask) => void): void {
  let rules: RuleSet | null = null;
  warmUpAnalysisTasks();
  port.on('message', (m: PoolToWorker) => {
    if (m.type === 'rules') {
      rules = m.rules;
      return;
    }
    beforeTask?.(m.task);
    let reply: WorkerToPool;
    try {
      reply = { type: 'result', id: m.id, value: runAnalysisTask(m.task, rules, taxonomy) };
    } catch (err) {
      reply = { type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerToPool);
}
