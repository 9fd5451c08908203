import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '../../src/broker/concurrency-limit.js';

/** A task the test finishes by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in FIFO order', async () => {
    const limit = new ConcurrencyLimit(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const runs = gates.map((g, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
        return i * 10;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(limit.pending).toBe(3);
    gates[1]!.open();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(limit.pending).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(async () => 'next')).resolves.toBe('next');
  });

  it('keeps FIFO order through a queue that never empties (thousands waiting, served prefix dropped)', async () => {
    const limit = new ConcurrencyLimit(3);
    const order: number[] = [];
    const runs: Array<Promise<void>> = [];
    // Tasks keep arriving while earlier ones finish, so the queue passes the compaction threshold without emptying.
    for (let i = 0; i < 5000; i++) {
      runs.push(
        limit.run(async () => {
          order.push(i);
          await new Promise((r) => setImmediate(r));
        }),
      );
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(runs);
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(limit.pending).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
  });
});
