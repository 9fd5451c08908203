import pino from 'pino';
import { describeError } from './errors.js';
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
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, stagesRunning: worker.pipeline.services.runner.running }, 'shutting down: finishing the stages in progress');
    setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      logger.flush();
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    worker.close().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exitCode = 0;
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
