/**
 * Speech recognition behind one interface. The real engine runs sherpa-onnx
 * in a child process (asr/sherpa-engine.ts); unit tests use fakes.
 */
export interface AsrResult {
  text: string;
  /** Engine's confidence in [0, 1] when it reports one. */
  confidence: number | null;
}

export interface AsrEngine {
  /** Human-readable description for logs and the status API (model type + directory). */
  readonly description: string;
  /** Recognises one speech segment (mono, float samples). */
  transcribe(samples: Float32Array, sampleRate: number): Promise<AsrResult>;
  close(): Promise<void>;
}
