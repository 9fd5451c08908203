import { createRequire } from 'node:module';

/**
 * The parts of `sherpa-onnx-node` (a CommonJS addon without type
 * declarations) the pipeline uses, typed here.
 */
export interface SherpaStream {
  acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void;
}

export interface SherpaOfflineRecognizer {
  createStream(): SherpaStream;
  decode(stream: SherpaStream): void;
  getResult(stream: SherpaStream): { text: string; tokens?: string[]; timestamps?: number[]; ys_probs?: number[] };
}

export interface SherpaVad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer?: boolean): { start: number; samples: Float32Array };
  pop(): void;
  flush(): void;
  reset(): void;
}

export interface SherpaOnlineStream {
  acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void;
  inputFinished(): void;
}

export interface SherpaSpeakerEmbeddingExtractor {
  readonly dim: number;
  createStream(): SherpaOnlineStream;
  isReady(stream: SherpaOnlineStream): boolean;
  compute(stream: SherpaOnlineStream, enableExternalBuffer?: boolean): Float32Array;
}

export interface SherpaModule {
  SpeakerEmbeddingExtractor: new (config: Record<string, unknown>) => SherpaSpeakerEmbeddingExtractor;
  OfflineRecognizer: new (config: Record<string, unknown>) => SherpaOfflineRecognizer;
  Vad: new (config: Record<string, unknown>, bufferSizeInSeconds: number) => SherpaVad;
  version: string;
}

let loaded: SherpaModule | null = null;

export function sherpa(): SherpaModule {
  if (!loaded) loaded = createRequire(import.meta.url)('sherpa-onnx-node') as SherpaModule;
  return loaded;
}
