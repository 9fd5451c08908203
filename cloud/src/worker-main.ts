import pino from 'pino';
import { describeError } from './errors.js';
import { exitGracefullyOnSignals } from './process/graceful-shutdown.js';
import { buildPipelineWorker } from './worker/app.js';
import { loadWorkerConfig } from './worker/config.js';

/**
 * `npm run pipeline-worker`: a pipeline-only process (worker/app.ts) beside
 * the main job, over the PostgreSQL store they share. Reads the main job's
 * configuration (`--config <file>` / PARLEY_CONFIG, PARLEY_* variables;
 * worker/config.ts), exits 78 when it is invalid or the store is not
 * PostgreSQL. SIGINT/SIGTERM: stops claiming stages, lets the ones running
 * finish (a stage cut off by the timeout below is made due again when a
 * pipeline process next starts), logs `stopped` and exits 0.
 */
const SHUTDOWN_TIMEOUT_MS = 120_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig({ argv: process.argv.slice(2), env: process.env });
  } catch (err) {
    console.error(describeError(err).message);
    process.exitCode = 78; // EX_CONFIG
    return;
  }
  const logger = pino({ level: config.logLevel, base: { role: 'pipeline-worker', pid: process.pid } });
  let worker;
  try {
    worker = await buildPipelineWorker({ dataDir: config.dataDir, pipeline: config.pipeline, logger });
  } catch (err) {
    logger.fatal({ err: describeError(err) }, 'could not start the pipeline worker');
    process.exitCode = 1;
    return;
  }
  exitGracefullyOnSignals({
    logger,
    close: () => worker.close(),
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    message: 'shutting down: finishing the stages in progress',
    context: () => ({ stagesRunning: worker.pipeline.services.runner.running }),
  });
  try {
    await worker.start();
    const address = await worker.listen();
    logger.info(address, 'pipeline worker listening');
  } catch (err) {
    logger.fatal({ err: describeError(err) }, 'could not start the pipeline worker');
    await worker.close().catch(() => {});
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
