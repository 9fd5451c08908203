import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Posted by the bootstrap once the worker's module graph is loaded (or failed to load). */
const MODULE_LOADED = '@parley/worker-module-loaded';
const loadedOf = new WeakMap<Worker, Promise<void>>();

/**
 * Starts a worker thread on a TypeScript module. The packages export their
 * TypeScript source and there is no build step, so the thread first registers
 * tsx's loader (from the tsx package the workspace already runs on) and then
 * imports the module; this works the same under `tsx`, `node --import tsx`
 * and vitest. (A `--import tsx` execArgv alone does not reach a worker's entry
 * module on Node 20.) Stop it with `stopTypeScriptWorker`, not `terminate()`.
 */
export function startTypeScriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsxApi = fileURLToPath(import.meta.resolve('tsx/esm/api'));
  const loaded = JSON.stringify(MODULE_LOADED);
  const bootstrap = `const { parentPort } = require('node:worker_threads');
require(${JSON.stringify(tsxApi)}).register();
import(${JSON.stringify(moduleUrl.href)}).then(
  () => parentPort.postMessage(${loaded}),
  (err) => { parentPort.postMessage(${loaded}); setImmediate(() => { throw err; }); });`;
  const worker = new Worker(bootstrap, { ...options, eval: true });
  loadedOf.set(
    worker,
    new Promise<void>((resolve) => {
      const onMessage = (m: unknown): void => {
        if (m !== MODULE_LOADED) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('exit', () => resolve());
    }),
  );
  return worker;
}

/**
 * Terminates a worker started by `startTypeScriptWorker`, once it has loaded
 * its modules: Node 20 aborts the whole process ("v8::Module::IsGraphAsync
 * must be used on an instantiated module") when a worker is terminated while
 * it is still instantiating them, which a pipeline closed right after start,
 * or a task timing out during startup, would do. Waits at most `waitMs`.
 */
export async function stopTypeScriptWorker(worker: Worker, waitMs = 60_000): Promise<void> {
  const loaded = loadedOf.get(worker);
  if (loaded) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([loaded, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs).unref()))]);
    clearTimeout(timer);
  }
  await worker.terminate();
}
