import type { AedesPublishPacket } from 'aedes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

/**
 * aedes hands every publish to mqemitter, which runs at most `concurrency`
 * deliveries at once and queues the rest. When a slow delivery finishes,
 * mqemitter 7 starts the next queued message on the same stack, and a
 * message nobody subscribes to (every badge's upstream chunk) finishes
 * synchronously and starts the next: thousands of queued chunks overflowed
 * the stack and crashed the gateway at 5,000 badges. The gateway's broker
 * must drain any queue without recursing.
 */
describe('broker message emitter under a burst', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => t.stop());

  it('delivers 50,000 publishes queued behind slow deliveries without overflowing the stack', async () => {
    // aedes' typings do not declare its emitter; it is the `mq` field the broker publishes through.
    const { mq } = t.gateway.broker.aedes as unknown as {
      mq: {
        on(topic: string, fn: (packet: AedesPublishPacket, cb: () => void) => void, done?: () => void): void;
        emit(packet: Partial<AedesPublishPacket>, cb?: (err?: Error) => void): void;
      };
    };
    const held: Array<() => void> = [];
    await new Promise<void>((resolve) => mq.on('test/slow', (_p, cb) => held.push(cb), resolve));
    // Deliveries that do not finish yet (slow subscribers), more than aedes' default concurrency.
    for (let i = 0; i < 200; i++) mq.emit({ topic: 'test/slow', payload: Buffer.alloc(0) });
    let delivered = 0;
    const all = new Promise<void>((resolve, reject) => {
      for (let i = 0; i < 50_000; i++)
        mq.emit({ topic: `badges/none/up/chunk`, payload: Buffer.alloc(0) }, (err) => {
          if (err) reject(err);
          else if (++delivered === 50_000) resolve();
        });
    });
    expect(() => {
      while (held.length > 0) held.shift()!();
    }).not.toThrow();
    await all;
    expect(delivered).toBe(50_000);
  });
});
