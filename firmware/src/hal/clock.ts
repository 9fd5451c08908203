/** Opaque handle of a scheduled callback. */
export type TimerId = unknown;

/**
 * Time and scheduling, shaped after Espruino's globals: `getTime()` (seconds
 * since boot, here milliseconds), `setTimeout`/`clearTimeout`,
 * `setInterval`/`clearInterval`.
 */
export interface Clock {
  /** Milliseconds since boot; never goes backwards. */
  monotonicMs(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  setInterval(fn: () => void, ms: number): TimerId;
  clearInterval(id: TimerId): void;
}
