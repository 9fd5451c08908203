import type { Logger } from 'pino';

export interface GracefulShutdownOptions {
  logger: Logger;
  /** Stops the service: stop accepting work, finish or hand back what is in flight, close stores. */
  close(): Promise<void>;
  /** Past this, the process exits with code 1 whatever is still running. */
  timeoutMs: number;
  /** The line logged when the first signal arrives (with the signal and `context()`). */
  message?: string;
  /** Extra fields for that line, read when the signal arrives. */
  context?: () => Record<string, unknown>;
}

/**
 * SIGINT/SIGTERM handling shared by the long-running entry points (the main
 * job and the pipeline worker): the first signal closes the service and sets
 * exit code 0 (1 if closing fails); repeated signals are ignored (under
 * `npm start` a Ctrl-C reaches the process twice, from the terminal and from
 * npm); a close that hangs is cut off after `timeoutMs` with exit code 1.
 */
export function exitGracefullyOnSignals(opts: GracefulShutdownOptions): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    opts.logger.info({ signal, ...(opts.context?.() ?? {}) }, opts.message ?? 'shutting down');
    setTimeout(() => {
      opts.logger.error({ timeoutMs: opts.timeoutMs }, 'shutdown timed out; exiting');
      opts.logger.flush();
      process.exit(1);
    }, opts.timeoutMs).unref();
    opts.close().then(
      () => {
        opts.logger.info('stopped');
        opts.logger.flush();
        process.exitCode = 0;
      },
      (err: unknown) => {
        opts.logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
