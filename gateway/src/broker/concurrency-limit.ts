/** Runs at most `limit` async tasks at once; the rest wait in FIFO order (O(1) per task, however many wait). */
export class ConcurrencyLimit {
  private running = 0;
  private waiting: (() => void)[] = [];
  /** Index of the next waiter in `waiting` (compacted when the queue empties). */
  private head = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit ${limit}`);
  }

  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.waiting.length - this.head;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      if (this.head < this.waiting.length) {
        const next = this.waiting[this.head]!;
        this.head += 1;
        if (this.head === this.waiting.length) {
          this.waiting = [];
          this.head = 0;
        } else if (this.head >= 1024 && this.head * 2 >= this.waiting.length) {
          // A queue that never empties: drop the served prefix (amortised O(1)).
          this.waiting = this.waiting.slice(this.head);
          this.head = 0;
        }
        next();
      } else this.running -= 1;
    }
  }
}
