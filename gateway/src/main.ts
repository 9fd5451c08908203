import { loadConfig } from './config/load.js';
import { isParleyError } from './errors.js';
import { buildMainJob, mainJobConfigSchema } from './main-job.js';
import { createLogger } from './observability/logger.js';

/**
 * `npm start`: the main job (gateway + analysis pipeline, see main-job.ts).
 * Loads the configuration (defaults, `--config`/PARLEY_CONFIG,
 * PARLEY_* variables), starts the gateway, logs where it listens and shuts
 * down cleanly on SIGINT/SIGTERM. Under `npm start` a Ctrl-C reaches the
 * process twice (terminal and npm), so repeated signals are ignored; a
 * shutdown that hangs is cut off after SHUTDOWN_TIMEOUT_MS.
 */
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ argv: process.argv.slice(2), env: process.env, schema: mainJobConfigSchema });
  } catch (err) {
    console.error(isParleyError(err) ? err.message : err);
    process.exitCode = 78; // EX_CONFIG
    return;
  }
  const logger = createLogger({ level: config.log.level });
  let gateway;
  try {
    gateway = await buildMainJob({ config, logger });
  } catch (err) {
    logger.fatal({ err }, 'could not start the gateway');
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      logger.flush();
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    gateway.close().then(
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
    await gateway.listen();
  } catch (err) {
    logger.fatal({ err }, 'could not start listening');
    await gateway.close();
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
