import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { PipelineError } from '../errors.js';
import type { AsrEngine, AsrResult } from './engine.js';
import { resolveModelFiles, type AsrModelType } from './model-files.js';

export interface SherpaAsrOptions {
  modelDir: string;
  modelType: AsrModelType | 'auto';
  numThreads: number;
  timeoutMs: number;
  logger: Logger;
}

const WORKER = fileURLToPath(new URL('./sherpa-worker.ts', import.meta.url));

interface Pending {
  resolve(r: AsrResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * sherpa-onnx offline recognition in a child process. The model directory is
 * validated before the child is started (and again inside it); if the child
 * dies (native abort on a bad model, out of memory) the pending request fails
 * with ASR_WORKER_CRASHED and the next request starts a fresh child.
 */
export class SherpaAsrEngine implements AsrEngine {
  readonly description: string;
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(private readonly opts: SherpaAsrOptions) {
    const files = resolveModelFiles(opts.modelDir, opts.modelType);
    this.description = `sherpa-onnx ${files.type} (${opts.modelDir})`;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const tsx = import.meta.resolve('tsx');
    const child = fork(WORKER, [], {
      execArgv: ['--import', tsx],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (raw: unknown) => {
        const m = raw as { type: string; id?: number; text?: string; confidence?: number | null; message?: string };
        if (m.type === 'ready') return resolve();
        const p = m.id !== undefined ? this.pending.get(m.id) : undefined;
        if (m.type === 'error' && !p) {
          child.kill('SIGKILL');
          return reject(new PipelineError('ASR_MODEL_INVALID', m.message ?? 'worker failed to start', { retryable: false }));
        }
        if (!p || m.id === undefined) return;
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.type === 'result') p.resolve({ text: m.text ?? '', confidence: m.confidence ?? null });
        else p.reject(new PipelineError('INTERNAL', `ASR: ${m.message ?? 'unknown error'}`));
      });
      child.on('exit', (code, signal) => {
        const err = new PipelineError(
          'ASR_WORKER_CRASHED',
          `exit ${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
        );
        if (!this.closed) this.opts.logger.error({ err: err.message }, 'ASR worker exited');
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
    child.send({ type: 'init', dir: this.opts.modelDir, modelType: this.opts.modelType, numThreads: this.opts.numThreads });
    return this.ready;
  }

  async transcribe(samples: Float32Array, sampleRate: number): Promise<AsrResult> {
    if (this.closed) throw new PipelineError('ASR_NOT_CONFIGURED', 'engine closed');
    await this.start();
    const child = this.child;
    if (!child) throw new PipelineError('ASR_WORKER_CRASHED', 'worker not running');
    const id = this.nextId++;
    return new Promise<AsrResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new PipelineError('ASR_TIMEOUT', `${this.opts.timeoutMs} ms`));
        child.kill('SIGKILL'); // a stuck native call cannot be interrupted otherwise
      }, this.opts.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.send({ type: 'transcribe', id, samples, sampleRate });
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
