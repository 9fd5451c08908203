import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. The packages export their
 * TypeScript source and there is no build step, so the thread first registers
 * tsx's loader (from the tsx package the workspace already runs on) and then
 * imports the module; this works the same under `tsx`, `node --import tsx`
 * and vitest. (A `--import tsx` execArgv alone does not reach a worker's entry
 * module on Node 20.)
 */
export function startTypeScriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsxApi = fileURLToPath(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `require(${JSON.stringify(tsxApi)}).register();
import(${JSON.stringify(moduleUrl.href)}).catch((err) => { setImmediate(() => { throw err; }); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
