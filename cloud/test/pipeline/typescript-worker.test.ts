import { describe, expect, it } from 'vitest';
import { startTypeScriptWorker, stopTypeScriptWorker } from '../../src/pipeline/typescript-worker.js';

const IDLE_WORKER = new URL('./fixtures/idle-worker.ts', import.meta.url);

describe('TypeScript worker threads', () => {
  // Terminating a worker while it instantiates its modules aborted this whole process on Node 20
  // (a fatal V8 error, not an exception): about one run in five of 40 start/stop cycles did.
  it('stops workers at any point of their startup without taking the process down', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 30; i++) {
      const w = startTypeScriptWorker(IDLE_WORKER);
      w.on('error', () => {});
      await new Promise((r) => setTimeout(r, (i % 10) * 10));
      await stopTypeScriptWorker(w);
    }
    // Still here, and a fresh worker runs its module.
    const w = startTypeScriptWorker(IDLE_WORKER);
    const reply = await new Promise((resolve) => w.on('message', (m) => m === 'idle-worker ready' && resolve(m)));
    expect(reply).toBe('idle-worker ready');
    await stopTypeScriptWorker(w);
  });
});
