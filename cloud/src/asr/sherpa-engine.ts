import type { Logger } from 'pino';
import type { AsrEngine, AsrResult } from './engine.js';
import { resolveModelFiles, type AsrModelType } from './model-files.js';
import { SpeechWorkerClient } from './worker-client.js';

export interface SherpaAsrOptions {
  modelDir: string;
  modelType: AsrModelType | 'auto';
  numThreads: number;
  timeoutMs: number;
  logger: Logger;
}

/**
 * sherpa-onnx offline recognition in the speech worker child process. The
 * model directory is validated here before any child starts (and again in
 * the child before loading).
 */
export class SherpaAsrEngine implements AsrEngine {
  readonly description: string;
  private readonly worker: SpeechWorkerClient;

  constructor(opts: SherpaAsrOptions) {
    const files = resolveModelFiles(opts.modelDir, opts.modelType);
    this.description = `sherpa-onnx ${files.type} (${opts.modelDir})`;
    this.worker = new SpeechWorkerClient(
      { type: 'init', kind: 'asr', dir: opts.modelDir, modelType: opts.modelType, numThreads: opts.numThreads },
      { timeoutMs: opts.timeoutMs, logger: opts.logger, invalidCode: 'ASR_MODEL_INVALID' },
    );
  }

  async transcribe(samples: Float32Array, sampleRate: number): Promise<AsrResult> {
    const r = await this.worker.request({ type: 'transcribe', samples, sampleRate });
    return { text: String(r.text ?? ''), confidence: typeof r.confidence === 'number' ? r.confidence : null };
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
