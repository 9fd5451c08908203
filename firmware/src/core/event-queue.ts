import type { Event } from './messages.js';

/** Events wait here while the badge is offline; the oldest go first when it is full (and are counted). */
export class EventQueue {
  private readonly max: number;
  private items: Event[] = [];
  private seq = 0;
  /** Events dropped because the queue was full. */
  overflowed = 0;

  constructor(max: number) {
    this.max = max;
  }

  /** Numbers the event (per boot) and queues it. */
  push(e: Event): Event {
    e.eventSeq = this.seq++;
    if (this.items.length >= this.max) {
      this.items.shift();
      this.overflowed++;
    }
    this.items.push(e);
    return e;
  }

  peek(): Event | undefined {
    return this.items[0];
  }

  shift(): void {
    this.items.shift();
  }

  size(): number {
    return this.items.length;
  }
}
