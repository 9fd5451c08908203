import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isToolsError } from '../src/errors.js';
import { createFaultProxy } from '../src/faults/fault-proxy.js';
import { FaultScheduler } from '../src/faults/fault-schedule.js';
import { ProcessSupervisor } from '../src/faults/process-supervisor.js';
import { freePort } from './helpers/free-port.js';
import { validateScenario } from '../src/scenario/scenario-file.js';

const fixture = fileURLToPath(new URL('./fixtures/tcp-service.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function scenario(faults: unknown[]) {
  return validateScenario({
    version: 1,
    name: 'sched',
    duration: '1m',
    speed: 100,
    branches: [{ id: 'br', staff: [{ id: 's', name: '陈静' }], badges: [{ id: 'badge-1', staff: 's' }, { id: 'badge-2', staff: 's' }] }],
    faults,
  });
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('FaultScheduler', () => {
  it('refuses a schedule with faults nothing can inject', () => {
    const s = scenario([{ at: '1s', kind: 'gateway-crash' }, { at: '2s', kind: 'flash-full', badges: 'all' }, { at: '3s', kind: 'cut' }]);
    const sched = new FaultScheduler(s, {});
    expect(() => sched.start()).toThrow(/gateway-crash \(needs the gateway supervisor\), flash-full \(needs a badge handler\), cut \(needs the fault proxy\)/);
    try {
      sched.check();
    } catch (e) {
      expect(isToolsError(e, 'FAULT_HANDLER_MISSING')).toBe(true);
    }
  });

  it('applies and lifts network, gateway and badge faults at scenario time / speed', async () => {
    const port = await freePort();
    const gateway = new ProcessSupervisor({
      command: process.execPath,
      args: [fixture],
      env: { ...process.env, PORT: String(port) },
      readiness: { tcp: { port } },
    });
    cleanups.push(() => gateway.kill9());
    const first = await gateway.start();
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port } });
    await proxy.listen();
    cleanups.push(() => proxy.close());

    const clockCalls: string[] = [];
    const s = scenario([
      { at: '1s', kind: 'stall', target: { badge: 'badge-1' }, duration: '10s' },
      { at: '2s', kind: 'throttle', scope: 'aggregate', bytesPerSecond: 1000, duration: '5s' },
      { at: '3s', kind: 'network-down', duration: '10s' },
      { at: '4s', kind: 'gateway-crash', restartAfter: '5s' },
      { at: '5s', kind: 'clock-unsynced', badges: ['badge-2'], duration: '5s' },
    ]);
    const sched = new FaultScheduler(s, {
      proxy,
      gateway,
      badges: { 'clock-unsynced': (_f, badges, phase) => void clockCalls.push(`${phase}:${badges.join(',')}`) },
    });
    cleanups.push(() => sched.stop());
    sched.start();
    await sleep(35); // 3.5 s of scenario time
    expect(proxy.isDown).toBe(true);
    await sleep(200); // everything has run and ended (last end at 13 s = 130 ms; restart needs a spawn)
    for (let i = 0; i < 50 && !sched.log.some((e) => e.kind === 'gateway-crash' && e.phase === 'end'); i++) await sleep(100);
    expect(proxy.isDown).toBe(false);
    expect(clockCalls).toEqual(['start:badge-2', 'end:badge-2']);
    expect(gateway.pid).not.toBe(first.pid);
    const byKind = (k: string) => sched.log.filter((e) => e.kind === k).map((e) => e.phase);
    expect(byKind('stall')).toEqual(['start', 'end']);
    expect(byKind('throttle')).toEqual(['start', 'end']);
    expect(byKind('network-down')).toEqual(['start', 'end']);
    expect(byKind('gateway-crash')).toEqual(['start', 'end']);
    expect(byKind('clock-unsynced')).toEqual(['start', 'end']);
    const stallStart = sched.log.find((e) => e.kind === 'stall' && e.phase === 'start')!;
    expect(stallStart.wallMs).toBeGreaterThanOrEqual(8); // due at 10 ms; Node timers may fire a millisecond early
    const crashStart = sched.log.find((e) => e.kind === 'gateway-crash' && e.phase === 'start')!;
    expect(crashStart.detail).toContain(`pid ${first.pid}`);
    expect(sched.log.some((e) => e.phase === 'error')).toBe(false);

    // Lifted faults are really gone: the link forwards again.
    const c = net.connect({ host: '127.0.0.1', port: proxy.address.port });
    cleanups.push(() => void c.destroy());
    const echoed = new Promise<Buffer>((r) => c.once('data', r));
    c.write('ok');
    expect((await echoed).toString()).toBe('ok');
  });

  it('a gateway crash due while the previous restart is still starting waits for it: every crash kills a running gateway', async () => {
    const port = await freePort();
    const gateway = new ProcessSupervisor({
      command: process.execPath,
      args: [fixture],
      env: { ...process.env, PORT: String(port) },
      readiness: { tcp: { port } },
    });
    cleanups.push(() => gateway.kill9());
    const first = await gateway.start();
    // 10 ms apart in wall time: far less than a node start-up, so the second is due while the first restart starts
    const s = scenario([
      { at: '1s', kind: 'gateway-crash' },
      { at: '2s', kind: 'gateway-crash' },
    ]);
    const sched = new FaultScheduler(s, { gateway });
    cleanups.push(() => sched.stop());
    sched.start();
    const ends = () => sched.log.filter((e) => e.kind === 'gateway-crash' && e.phase === 'end');
    for (let i = 0; i < 100 && ends().length < 2; i++) await sleep(100);
    expect(sched.log.filter((e) => e.phase === 'error')).toEqual([]);
    expect(sched.log.filter((e) => e.kind === 'gateway-crash').map((e) => e.phase)).toEqual(['start', 'end', 'start', 'end']);
    const [firstKill, firstRestart, secondKill] = sched.log.filter((e) => e.kind === 'gateway-crash');
    expect(firstKill!.detail).toContain(`pid ${first.pid}`);
    // the second crash killed the gateway the first one restarted
    expect(secondKill!.detail).toContain(`pid ${/as pid (\d+)/.exec(firstRestart!.detail)![1]}`);
  });

  it('stop() cancels pending faults and lifts active ones', async () => {
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: 9 } });
    await proxy.listen();
    cleanups.push(() => proxy.close());
    const sched = new FaultScheduler(scenario([{ at: '0s', kind: 'network-down', duration: '50s' }, { at: '30s', kind: 'cut' }]), { proxy });
    sched.start();
    await sleep(30);
    expect(proxy.isDown).toBe(true);
    sched.stop();
    await sleep(10);
    expect(proxy.isDown).toBe(false);
    await sleep(350);
    expect(sched.log.map((e) => `${e.kind}:${e.phase}`)).toEqual(['network-down:start', 'network-down:end']);
  });

  it('applies offline periods by blocking the badges at the proxy', async () => {
    const port = await freePort();
    const gateway = new ProcessSupervisor({ command: process.execPath, args: [fixture], env: { ...process.env, PORT: String(port) }, readiness: { tcp: { port } } });
    cleanups.push(() => gateway.kill9());
    await gateway.start();
    const proxy = createFaultProxy({ target: { host: '127.0.0.1', port } });
    await proxy.listen();
    cleanups.push(() => proxy.close());
    const s = validateScenario({
      version: 1,
      name: 'off',
      duration: '1m',
      speed: 100,
      branches: [{ id: 'br', staff: [{ id: 's', name: '陈静' }], badges: [{ id: 'badge-1', staff: 's' }, { id: 'badge-2', staff: 's' }] }],
      offline: [{ badges: ['badge-1'], from: '0s', to: '20s' }],
    });
    const sched = new FaultScheduler(s, { proxy });
    cleanups.push(() => sched.stop());
    sched.start();
    await sleep(50);
    const connectPacket = (id: string) => {
      const cid = Buffer.from(id);
      const body = Buffer.concat([Buffer.from([0, 4]), Buffer.from('MQTT'), Buffer.from([4, 2, 0, 60, 0, cid.length]), cid]);
      return Buffer.concat([Buffer.from([0x10, body.length]), body]);
    };
    const attempt = (id: string) =>
      new Promise<string>((resolve) => {
        const c = net.connect({ host: '127.0.0.1', port: proxy.address.port });
        c.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        c.on('data', () => {
          resolve('echoed');
          c.destroy();
        });
        c.on('connect', () => c.write(connectPacket(id)));
      });
    expect(await attempt('badge-1')).toBe('ECONNRESET');
    expect(await attempt('badge-2'), 'badge-2 while badge-1 is offline').toBe('echoed');
    await sleep(250);
    expect(await attempt('badge-1'), 'badge-1 back online').toBe('echoed');
    expect(sched.log.map((e) => `${e.kind}:${e.phase}`)).toEqual(['offline:start', 'offline:end']);
  });
});

