import type { Clock } from '../hal/clock.js';
import { ClockState } from './messages.js';

/** After this long without a sync the clock is reported stale. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Wall-clock time from the gateway. Until the first HelloReply the badge only
 * has monotonic time; afterwards unix ms = monotonic ms + offset.
 */
export class ClockSync {
  private readonly clock: Clock;
  private offset = 0;
  private synced = false;
  private syncedAtMono = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  isSynced(): boolean {
    return this.synced;
  }

  /** Unix ms = monotonic ms + this (0 until synced). */
  offsetMs(): number {
    return this.offset;
  }

  /** Unix ms when synced, else monotonic ms. */
  now(): number {
    return this.clock.monotonicMs() + (this.synced ? this.offset : 0);
  }

  state(): number {
    if (!this.synced) return ClockState.UNSYNCED;
    return this.clock.monotonicMs() - this.syncedAtMono > STALE_AFTER_MS ? ClockState.STALE : ClockState.SYNCED;
  }

  /**
   * Adopts the server's time, received `rttMs` after the request was sent
   * (half the round trip is taken as the one-way delay). Returns the
   * correction in ms (the whole offset on the first sync).
   */
  sync(serverTimeMs: number, rttMs: number): number {
    const mono = this.clock.monotonicMs();
    const next = serverTimeMs + Math.floor(rttMs / 2) - mono;
    const correction = next - this.offset;
    this.offset = next;
    this.synced = true;
    this.syncedAtMono = mono;
    return correction;
  }
}
