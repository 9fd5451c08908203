import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isToolsError } from '../src/errors.js';
import { ProcessSupervisor } from '../src/faults/process-supervisor.js';
import { freePort } from './helpers/free-port.js';

const fixture = fileURLToPath(new URL('./fixtures/tcp-service.mjs', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const supervisors: ProcessSupervisor[] = [];
afterEach(async () => {
  for (const s of supervisors.splice(0)) await s.kill9();
});

describe('ProcessSupervisor', () => {
  it('waits for the port, kill -9s the process and restarts it with a new pid', async () => {
    const port = await freePort();
    const sup = new ProcessSupervisor({
      command: process.execPath,
      args: [fixture],
      env: { ...process.env, PORT: String(port), DELAY_MS: '200' },
      readiness: { tcp: { port }, line: /listening on/ },
    });
    supervisors.push(sup);
    const first = await sup.start();
    expect(first.readyMs).toBeGreaterThanOrEqual(190);
    expect(sup.output()).toContain(`listening on ${port}`);
    const c = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => c.once('connect', r));
    const reset = new Promise<void>((r) => c.once('close', () => r()));
    c.on('error', () => undefined);

    const { killed, pid } = await sup.crashAndRestart();
    expect(killed).toMatchObject({ pid: first.pid, signal: 'SIGKILL', code: null });
    expect(alive(first.pid)).toBe(false);
    await reset;
    expect(pid).not.toBe(first.pid);
    expect(sup.startCount).toBe(2);
    expect(sup.running).toBe(true);

    const exit = await sup.stop();
    expect(exit?.signal).toBe('SIGTERM');
    expect(sup.running).toBe(false);
  });

  it('reports a process that exits before it is ready, with its output', async () => {
    const sup = new ProcessSupervisor({
      command: process.execPath,
      args: [fixture],
      env: { ...process.env, EXIT_CODE: '3' },
      readiness: { line: /listening/ },
    });
    supervisors.push(sup);
    await expect(sup.start()).rejects.toSatisfy((e) => isToolsError(e, 'SUPERVISOR_EXITED') && /failing on purpose/.test((e as Error).message));
  });

  it('times out a process that never becomes ready and kills it', async () => {
    const port = await freePort();
    const sup = new ProcessSupervisor({
      command: process.execPath,
      args: [fixture],
      env: { ...process.env, PORT: String(port), DELAY_MS: '60000' },
      readiness: { tcp: { port } },
      readyTimeoutMs: 300,
    });
    supervisors.push(sup);
    await expect(sup.start()).rejects.toSatisfy((e) => isToolsError(e, 'SUPERVISOR_NOT_READY'));
    expect(sup.running).toBe(false);
  });

  it('reports a missing program', async () => {
    const sup = new ProcessSupervisor({ command: '/nonexistent/gateway', readiness: { line: /x/ } });
    await expect(sup.start()).rejects.toSatisfy((e) => isToolsError(e, 'SUPERVISOR_EXITED'));
  });
});
