import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultProxy, type FaultProxy } from '../src/faults/fault-proxy.js';
import { TokenBucket } from '../src/faults/token-bucket.js';
import { sniffMqttConnect } from '../src/faults/mqtt-connect-sniffer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Upstream {
  server: net.Server;
  port: number;
  received: () => number;
  sockets: net.Socket[];
  close: () => Promise<void>;
}

/** A loopback server that echoes (or only counts) what it receives. */
async function upstream(mode: 'echo' | 'sink'): Promise<Upstream> {
  let received = 0;
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    s.on('error', () => undefined);
    s.on('data', (d: Buffer) => {
      received += d.length;
      if (mode === 'echo') s.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    server,
    port,
    received: () => received,
    sockets,
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** Writes continuously (respecting back-pressure) until stopped. */
function flood(s: net.Socket): () => void {
  let stopped = false;
  const chunk = Buffer.alloc(4096, 7);
  const write = () => {
    while (!stopped && !s.destroyed && s.write(chunk));
  };
  s.on('drain', write);
  s.on('error', () => undefined);
  write();
  return () => {
    stopped = true;
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(mode: 'echo' | 'sink'): Promise<{ up: Upstream; proxy: FaultProxy; port: number }> {
  const up = await upstream(mode);
  cleanups.push(() => up.close());
  const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: up.port } });
  const { port } = await proxy.listen();
  cleanups.push(() => proxy.close());
  return { up, proxy, port };
}

describe('TokenBucket', () => {
  it('refills at its rate up to its capacity', () => {
    const b = new TokenBucket(1000, 200, 0);
    expect(b.available(0)).toBe(0);
    expect(b.available(100)).toBe(100);
    expect(b.available(10_000)).toBe(200);
    b.take(150, 10_000);
    expect(b.waitMs(150, 10_000)).toBe(100);
  });
});

describe('FaultProxy', () => {
  it('forwards both ways and counts bytes per connection and in total', async () => {
    const { proxy, port } = await setup('echo');
    const c = await connect(port);
    cleanups.push(() => void c.destroy());
    const payload = Buffer.alloc(100_000, 3);
    let back = 0;
    const done = new Promise<void>((r) =>
      c.on('data', (d: Buffer) => {
        back += d.length;
        if (back >= payload.length) r();
      }),
    );
    c.write(payload);
    await done;
    const s = proxy.stats();
    expect(s.bytesUp).toBe(100_000);
    expect(s.bytesDown).toBe(100_000);
    expect(s.connections[0]).toMatchObject({ id: 1, bytesUp: 100_000, bytesDown: 100_000 });
  });

  it('throttles one connection to its rate (measured over a bounded window)', async () => {
    const { up, proxy, port } = await setup('sink');
    // Half a second of burst absorbs event-loop stalls when the machine is busy (the sink runs in this process).
    proxy.throttle('all', 40_000, { burstBytes: 20_000 });
    const c = await connect(port);
    cleanups.push(() => void c.destroy());
    const stop = flood(c);
    await sleep(300);
    const r0 = up.received();
    const t0 = performance.now();
    await sleep(1000);
    const rate = ((up.received() - r0) * 1000) / (performance.now() - t0);
    stop();
    expect(rate).toBeGreaterThan(40_000 * 0.85);
    expect(rate).toBeLessThan(40_000 * 1.15);
  });

  it('throttles all connections together with the aggregate limit', async () => {
    const { up, proxy, port } = await setup('sink');
    proxy.throttleAggregate(30_000, { burstBytes: 15_000 });
    const a = await connect(port);
    const b = await connect(port);
    cleanups.push(() => {
      a.destroy();
      b.destroy();
    });
    const stops = [flood(a), flood(b)];
    await sleep(300);
    const r0 = up.received();
    const t0 = performance.now();
    await sleep(1000);
    const rate = ((up.received() - r0) * 1000) / (performance.now() - t0);
    stops.forEach((s) => s());
    expect(rate).toBeGreaterThan(30_000 * 0.85);
    expect(rate).toBeLessThan(30_000 * 1.15);
    const perConn = proxy.connections().map((c) => c.bytesUp);
    expect(perConn.every((n) => n > 0)).toBe(true);
  });

  it('cuts with a TCP reset or a graceful close', async () => {
    const { proxy, port } = await setup('echo');
    const a = await connect(port);
    const b = await connect(port);
    cleanups.push(() => {
      a.destroy();
      b.destroy();
    });
    await sleep(50);
    const aErr = new Promise<string | undefined>((r) => a.once('error', (e: NodeJS.ErrnoException) => r(e.code)));
    expect(proxy.cut(1, 'rst')).toBe(1);
    expect(await aErr).toBe('ECONNRESET');
    const bEnd = new Promise<void>((r) => b.once('end', r));
    expect(proxy.cut('all', 'close')).toBe(1);
    await bEnd;
    expect(proxy.stats().connections.map((c) => c.closeReason)).toEqual(['cut (rst)', 'cut (close)']);
  });

  it('stalls forwarding until cleared, then delivers everything', async () => {
    const { up, proxy, port } = await setup('sink');
    const c = await connect(port);
    cleanups.push(() => void c.destroy());
    const stall = proxy.stall('all');
    c.write(Buffer.alloc(5000, 1));
    await sleep(300);
    expect(up.received()).toBe(0);
    stall.clear();
    await sleep(200);
    expect(up.received()).toBe(5000);
  });

  it('delays every chunk by the configured latency', async () => {
    const { proxy, port } = await setup('echo');
    proxy.delay('all', 100);
    const c = await connect(port);
    cleanups.push(() => void c.destroy());
    const t0 = performance.now();
    const back = new Promise<void>((r) => c.once('data', () => r()));
    c.write('ping');
    await back;
    const rtt = performance.now() - t0;
    expect(rtt).toBeGreaterThanOrEqual(195); // 100 ms each way
    expect(rtt).toBeLessThan(600);
  });

  it('flaps: connections are refused while down and accepted while up', async () => {
    const { proxy, port } = await setup('echo');
    const c = await connect(port);
    c.on('error', () => undefined);
    cleanups.push(() => void c.destroy());
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    proxy.flap({ downMs: 200, upMs: 200, cycles: 2 });
    await closed; // the open connection is cut when the link goes down
    expect(proxy.isDown).toBe(true);
    await expect(
      new Promise((resolve, reject) => {
        const s = net.connect({ host: '127.0.0.1', port });
        s.once('data', resolve);
        s.once('error', reject);
        s.write('x');
      }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    await sleep(250); // now up
    expect(proxy.isDown).toBe(false);
    const d = await connect(port);
    cleanups.push(() => void d.destroy());
    const echoed = new Promise<Buffer>((r) => d.once('data', r));
    d.write('hello');
    expect((await echoed).toString()).toBe('hello');
    await sleep(300); // second cycle went down again and came back up, then flapping ends
    await sleep(300);
    expect(proxy.isDown).toBe(false);
    expect(proxy.stats().connectionsRefused).toBeGreaterThanOrEqual(1);
  });

  it('resets clients whose upstream refuses (gateway down)', async () => {
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: 1 } });
    const { port } = await proxy.listen();
    cleanups.push(() => proxy.close());
    const c = net.connect({ host: '127.0.0.1', port });
    const result = await new Promise<string>((r) => {
      c.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error'));
      c.once('close', () => r('closed'));
    });
    expect(['ECONNRESET', 'closed']).toContain(result);
  });

  it('rejects bad options', () => {
    expect(() => createFaultProxy({ target: { host: '127.0.0.1', port: 0 } })).toThrow(/TCP port/);
    const p = createFaultProxy({ target: { host: '127.0.0.1', port: 1883 } });
    expect(() => p.throttle('all', 0)).toThrow(/> 0/);
    expect(() => p.flap({ upMs: 0, downMs: 10 })).toThrow(/flap/);
  });
});

describe('sniffMqttConnect', () => {
  it('reads client id and username from a 3.1.1 CONNECT, waits for partial packets, ignores others', () => {
    const clientId = Buffer.from('badge-7');
    const user = Buffer.from('dev-7');
    const pass = Buffer.from('secret');
    const str = (b: Buffer) => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
    const varHeader = Buffer.concat([str(Buffer.from('MQTT')), Buffer.from([4, 0xc2, 0, 60])]);
    const body = Buffer.concat([varHeader, str(clientId), str(user), str(pass)]);
    const pkt = Buffer.concat([Buffer.from([0x10, body.length]), body]);
    expect(sniffMqttConnect(pkt)).toEqual({ done: true, identity: { clientId: 'badge-7', username: 'dev-7' } });
    expect(sniffMqttConnect(pkt.subarray(0, 10))).toEqual({ done: false });
    expect(sniffMqttConnect(Buffer.from('GET / HTTP/1.1\r\n'))).toEqual({ done: true, identity: undefined });
  });
});
