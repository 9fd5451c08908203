import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { PipelineError, type PipelineErrorCode } from '../errors.js';

/**
 * Client of the speech worker child process (asr/speech-worker.ts), which
 * owns native sherpa-onnx models. Native code can abort the process on a bad
 * model; it is the child that dies. Dying (or failing) while loading the
 * model marks the model unusable (`invalidCode`, with the native error text
 * from stderr) and no further child is started; a crash after loading fails
 * the pending requests with `ASR_WORKER_CRASHED` and the next request starts
 * a fresh child. A request past `timeoutMs` kills the child.
 */
const WORKER = fileURLToPath(new URL('./speech-worker.ts', import.meta.url));

interface Pending {
  resolve(r: Record<string, unknown>): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class SpeechWorkerClient {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  /** Set when the model could not be loaded (error reply or crash during init): no more restarts. */
  private broken: PipelineError | null = null;

  constructor(
    /** The init message (which model to load). */
    private readonly init: Record<string, unknown>,
    private readonly opts: { timeoutMs: number; logger: Logger; invalidCode: PipelineErrorCode },
  ) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(WORKER, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    let loaded = false;
    this.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (raw: unknown) => {
        const m = raw as { type: string; id?: number; message?: string } & Record<string, unknown>;
        if (m.type === 'ready') {
          loaded = true;
          return resolve();
        }
        const p = m.id !== undefined ? this.pending.get(m.id) : undefined;
        if (m.type === 'error' && !p) {
          this.broken = new PipelineError(this.opts.invalidCode, m.message ?? 'worker failed to start', { retryable: false });
          child.kill('SIGKILL');
          return reject(this.broken);
        }
        if (!p || m.id === undefined) return;
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.type === 'result') p.resolve(m);
        else p.reject(new PipelineError('SPEECH_WORKER_FAILED', m.message ?? 'unknown error'));
      });
      child.on('exit', (code, signal) => {
        const detail = `exit ${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
        // Dying while loading the model means the model is unusable: stop restarting it.
        if (!loaded && !this.closed && !this.broken) {
          this.broken = new PipelineError(this.opts.invalidCode, `the worker died loading the model (${detail})`, { retryable: false });
        }
        const err = this.broken ?? new PipelineError('ASR_WORKER_CRASHED', detail);
        if (!this.closed) this.opts.logger.error({ err: err.message }, 'speech worker exited');
        reject(err);
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(err);
          this.pending.delete(id);
        }
        if (this.child === child) {
          this.child = null;
          this.ready = null;
        }
      });
    });
    child.send(this.init);
    return this.ready;
  }

  async request(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.closed) throw new PipelineError('SHUTTING_DOWN', 'speech worker closed');
    if (this.broken) throw this.broken;
    await this.start();
    const child = this.child;
    if (!child) throw new PipelineError('ASR_WORKER_CRASHED', 'worker not running');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new PipelineError('ASR_TIMEOUT', `${this.opts.timeoutMs} ms`));
        child.kill('SIGKILL'); // a stuck native call cannot be interrupted otherwise
      }, this.opts.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.send({ ...message, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  }
}
