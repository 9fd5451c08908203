import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at any depth (case-insensitive substring match). */
const SECRET_KEY = /(pass(word|wd)?|secret|token|authorization|cookie|api[-_]?key|credential|private[-_]?key)/i;
export const REDACTED = '[redacted]';

/** Returns `value` with every secret-looking field replaced; shares untouched subtrees, never mutates. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || typeof value !== 'object' || value === null) return value;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = redactSecrets(item, depth + 1);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  let out: Record<string, unknown> | null = null;
  for (const [key, child] of Object.entries(value)) {
    const next = SECRET_KEY.test(key) && child !== undefined && child !== null && child !== '' ? REDACTED : redactSecrets(child, depth + 1);
    if (next !== child) {
      out ??= { ...(value as Record<string, unknown>) };
      out[key] = next;
    }
  }
  return out ?? value;
}

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where lines go (default stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/** The gateway's pino logger: JSON lines, secrets redacted in every field of every line. */
export function createLogger(options: LoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: 'parley-gateway' },
      formatters: {
        log: (object) => redactSecrets(object) as Record<string, unknown>,
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
      },
      // Belt and braces for fields pino adds after the formatters run.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', 'secret', 'token'], censor: REDACTED },
    },
    options.destination,
  );
  // Child bindings skip the log formatter; scrub them on the way in. pino
  // children are Object.create(parent), so every descendant inherits this.
  const originalChild = logger.child;
  logger.child = function scrubbedChild(this: Logger, bindings, childOptions) {
    return originalChild.call(this, redactSecrets(bindings) as typeof bindings, childOptions);
  } as Logger['child'];
  return logger;
}
