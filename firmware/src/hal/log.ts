export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Log sink (Espruino: the console; Node: a callback or pino). */
export interface Log {
  write(level: LogLevel, message: string): void;
}
