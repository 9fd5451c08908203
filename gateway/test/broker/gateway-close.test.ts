import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../support/test-gateway.js';

/** Resolves with the elapsed ms once `p` settles, or with null when it is still pending after `ms`. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<number | null> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const done = p.then(() => performance.now() - t0);
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed };
}

describe('gateway.close() with HTTP clients connected', { timeout: 30_000 }, () => {
  it('returns at once while a keep-alive fetch client holds an idle connection open', async () => {
    const t = await startTestGateway();
    const res = await fetch(`http://127.0.0.1:${t.addresses.http}/healthz`);
    expect(res.status).toBe(200);
    // Read, so the connection sits idle in undici's keep-alive pool.
    expect(res.headers.get('connection')).not.toBe('close');
    await res.json();
    const ms = await settlesWithin(t.stop(), 10_000);
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThan(1_500);
  });

  it('returns after the grace period while a client holds a connection that never sent a request, and closes it', async () => {
    const t = await startTestGateway();
    const { socket, closed } = await openSocket(t.addresses.http);
    // The server has accepted it (a request on another connection is answered after the accept).
    expect((await fetch(`http://127.0.0.1:${t.addresses.http}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);
    const ms = await settlesWithin(t.stop(), 10_000);
    expect(ms).not.toBeNull();
    expect(await settlesWithin(closed, 1_000)).not.toBeNull();
    expect(socket.destroyed).toBe(true);
  });

  it('returns while a client is stuck half-way through its request headers', async () => {
    const t = await startTestGateway();
    const { socket, closed } = await openSocket(t.addresses.http);
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(await settlesWithin(t.stop(), 10_000)).not.toBeNull();
    expect(await settlesWithin(closed, 1_000)).not.toBeNull();
  });
});
