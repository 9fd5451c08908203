import type { Logger } from 'pino';
import { checkOnnxFile } from './model-files.js';
import { SpeechWorkerClient } from './worker-client.js';

/**
 * Speaker embeddings (voiceprints) for enrolling a badge wearer's voice. The
 * real implementation runs a sherpa-onnx speaker-embedding model (e.g.
 * 3D-Speaker or WeSpeaker ONNX exports) in the speech worker.
 */
export interface SpeakerEmbedder {
  readonly description: string;
  embed(samples: Float32Array, sampleRate: number): Promise<Float32Array>;
  close(): Promise<void>;
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

export class SherpaSpeakerEmbedder implements SpeakerEmbedder {
  readonly description: string;
  private readonly worker: SpeechWorkerClient;

  constructor(opts: { model: string; numThreads: number; timeoutMs: number; logger: Logger }) {
    checkOnnxFile(opts.model);
    this.description = `sherpa-onnx speaker embedding (${opts.model})`;
    this.worker = new SpeechWorkerClient(
      { type: 'init', kind: 'embedder', model: opts.model, numThreads: opts.numThreads },
      { timeoutMs: opts.timeoutMs, logger: opts.logger, invalidCode: 'SPEAKER_MODEL_INVALID' },
    );
  }

  async embed(samples: Float32Array, sampleRate: number): Promise<Float32Array> {
    const r = await this.worker.request({ type: 'embed', samples, sampleRate });
    return r.embedding as Float32Array;
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
