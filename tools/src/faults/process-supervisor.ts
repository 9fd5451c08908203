/**
 * Runs one child process (the gateway) so a fault scenario can `kill -9` it
 * at any moment and start it again, waiting each time until it is ready:
 * its TCP port accepts connections, and/or a line on its stdout matches.
 * Output is kept in a bounded ring for diagnostics; a child that exits
 * before it is ready fails start() with its last output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { ToolsError } from '../errors.js';

export interface Readiness {
  /** Ready once this port accepts a TCP connection. */
  tcp?: { host?: string; port: number };
  /** Ready once a stdout/stderr line matches. */
  line?: RegExp;
}

export interface SupervisorOptions {
  command: string;
  args?: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  readiness: Readiness;
  /** Default 15 s. */
  readyTimeoutMs?: number;
  /** Output lines kept (default 200). */
  keepLines?: number;
}

export interface ExitInfo {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ProcessSupervisor extends EventEmitter {
  private child: ChildProcess | undefined;
  private exited: Promise<ExitInfo> | undefined;
  private readonly lines: string[] = [];
  private starts = 0;

  constructor(private readonly opts: SupervisorOptions) {
    super();
    if (!opts.readiness.tcp && !opts.readiness.line) {
      throw new ToolsError('SUPERVISOR_STATE', 'readiness needs a tcp port or a line pattern');
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** How many times the process has been started. */
  get startCount(): number {
    return this.starts;
  }

  /** The last lines the process printed (stdout and stderr). */
  output(): string[] {
    return [...this.lines];
  }

  /** Spawns the process and resolves once it is ready. */
  async start(): Promise<{ pid: number; readyMs: number }> {
    if (this.child) throw new ToolsError('SUPERVISOR_STATE', `already running (pid ${this.child.pid})`);
    const t0 = performance.now();
    const child = spawn(this.opts.command, [...(this.opts.args ?? [])], {
      cwd: this.opts.cwd,
      env: this.opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    let lineSeen = false;
    const lineWaiters: (() => void)[] = [];
    const onText = (buf: Buffer) => {
      for (const line of buf.toString('utf8').split('\n')) {
        if (line === '') continue;
        this.lines.push(line);
        if (this.lines.length > (this.opts.keepLines ?? 200)) this.lines.shift();
        this.emit('line', line);
        if (!lineSeen && this.opts.readiness.line?.test(line)) {
          lineSeen = true;
          lineWaiters.splice(0).forEach((w) => w());
        }
      }
    };
    child.stdout?.on('data', onText);
    child.stderr?.on('data', onText);
    this.exited = new Promise<ExitInfo>((resolve) => {
      child.on('exit', (code, signal) => {
        const info = { pid: child.pid ?? -1, code, signal };
        if (this.child === child) this.child = undefined;
        this.emit('exit', info);
        resolve(info);
      });
    });
    const spawnError = new Promise<never>((_, reject) => {
      child.once('error', (e) => {
        if (this.child === child) this.child = undefined;
        reject(new ToolsError('SUPERVISOR_EXITED', `${this.opts.command}: ${e.message}`, undefined, { cause: e }));
      });
    });
    const exitedEarly = this.exited.then((info): never => {
      throw new ToolsError('SUPERVISOR_EXITED', `${this.opts.command} exited (${info.code ?? info.signal}) before it was ready:\n${this.lines.slice(-20).join('\n')}`, { ...info });
    });
    const timeoutMs = this.opts.readyTimeoutMs ?? 15_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ToolsError('SUPERVISOR_NOT_READY', `${this.opts.command} not ready after ${timeoutMs} ms:\n${this.lines.slice(-20).join('\n')}`)),
        timeoutMs,
      );
    });
    const ready = (async () => {
      if (this.opts.readiness.line && !lineSeen) await new Promise<void>((r) => lineWaiters.push(r));
      if (this.opts.readiness.tcp) await waitForPort(this.opts.readiness.tcp.host ?? '127.0.0.1', this.opts.readiness.tcp.port, () => this.child === child);
    })();
    try {
      await Promise.race([ready, spawnError, exitedEarly, timeout]);
    } catch (e) {
      if (this.child === child) await this.kill9();
      throw e;
    } finally {
      clearTimeout(timer);
      exitedEarly.catch(() => undefined);
      spawnError.catch(() => undefined);
    }
    const pid = child.pid ?? -1;
    this.emit('ready', { pid });
    return { pid, readyMs: performance.now() - t0 };
  }

  /** SIGKILL (kill -9): no chance to flush or clean up. Resolves once the process is gone. */
  async kill9(): Promise<ExitInfo | undefined> {
    return this.signal('SIGKILL');
  }

  /** Asks the process to stop (SIGTERM), escalating to SIGKILL after graceMs. */
  async stop(graceMs = 5000): Promise<ExitInfo | undefined> {
    const child = this.child;
    if (!child) return undefined;
    const exited = this.exited!;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** kill -9, then start again; resolves when the new process is ready. */
  async crashAndRestart(downMs = 0): Promise<{ killed: ExitInfo | undefined; pid: number; readyMs: number }> {
    const killed = await this.kill9();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    const started = await this.start();
    return { killed, ...started };
  }

  private async signal(sig: NodeJS.Signals): Promise<ExitInfo | undefined> {
    const child = this.child;
    if (!child) return undefined;
    const exited = this.exited!;
    child.kill(sig);
    return exited;
  }
}

async function waitForPort(host: string, port: number, stillAlive: () => boolean): Promise<void> {
  for (;;) {
    if (!stillAlive()) return; // the exit promise reports this
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
