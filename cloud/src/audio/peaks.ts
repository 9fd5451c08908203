/**
 * Waveform peaks: min/max pairs of a recording at a few fixed resolutions,
 * computed once from the decoded 16 kHz audio so the analyst app can draw a
 * long recording's waveform without downloading and decoding the whole file.
 *
 * The finest level is built from the samples; coarser levels are merged from
 * it (each is a whole multiple of the finest). Values are quantised to
 * -127..127 (an Int8 per value), which is far finer than a waveform needs:
 * an hour at the finest level is 360 KB.
 */
import { decodeFile, TARGET_RATE, type DecodeSink } from './decode.js';

/** Pairs per second of each stored level, finest first; each divides the finest. */
export const PEAK_LEVELS = [50, 10, 2] as const;
export const PEAK_SCALE = 127;

export interface PeakLevel {
  /** min/max pairs per second of audio */
  perSecond: number;
  /** interleaved min, max per bucket, each -127..127 */
  data: Int8Array;
}

export interface WaveformPeaks {
  durationMs: number;
  /** finest first */
  levels: PeakLevel[];
}

function quantise(v: number): number {
  const q = Math.round(v * PEAK_SCALE);
  return q > PEAK_SCALE ? PEAK_SCALE : q < -PEAK_SCALE ? -PEAK_SCALE : q;
}

/**
 * A decode sink that folds 16 kHz samples into min/max buckets. Channels are
 * folded together (the envelope of a stereo call is the louder channel).
 */
export class PeakAccumulator implements DecodeSink {
  private readonly bucket = TARGET_RATE / PEAK_LEVELS[0];
  private mins: number[] = [];
  private maxs: number[] = [];
  private positions: number[] = [];

  start({ channels }: { channels: number }): void {
    this.positions = new Array<number>(channels).fill(0);
  }

  write(channel: number, samples: Float32Array): void {
    let pos = this.positions[channel] ?? 0;
    const { mins, maxs, bucket } = this;
    let i = 0;
    // one bucket at a time: a tight min/max loop, no per-sample division
    while (i < samples.length) {
      const b = Math.floor(pos / bucket);
      while (mins.length <= b) {
        mins.push(0);
        maxs.push(0);
      }
      const end = Math.min(samples.length, i + (b + 1) * bucket - pos);
      let lo = mins[b]!;
      let hi = maxs[b]!;
      for (let j = i; j < end; j++) {
        const v = samples[j]!;
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
      mins[b] = lo;
      maxs[b] = hi;
      pos += end - i;
      i = end;
    }
    this.positions[channel] = pos;
  }

  finish(): WaveformPeaks {
    const frames = Math.max(0, ...this.positions);
    const finest = PEAK_LEVELS[0];
    const count = Math.ceil(frames / this.bucket);
    const levels = PEAK_LEVELS.map((perSecond) => {
      const factor = finest / perSecond;
      const n = Math.ceil(count / factor);
      const data = new Int8Array(n * 2);
      for (let b = 0; b < n; b++) {
        let lo = 0;
        let hi = 0;
        for (let j = b * factor; j < Math.min(count, (b + 1) * factor); j++) {
          if ((this.mins[j] ?? 0) < lo) lo = this.mins[j]!;
          if ((this.maxs[j] ?? 0) > hi) hi = this.maxs[j]!;
        }
        data[b * 2] = quantise(lo);
        data[b * 2 + 1] = quantise(hi);
      }
      return { perSecond, data };
    });
    return { durationMs: Math.round((frames / TARGET_RATE) * 1000), levels };
  }
}

/** Sends every decoded block to several sinks (PCM files and peaks in one decode). */
export function teeSink(...sinks: DecodeSink[]): DecodeSink {
  return {
    async start(info) {
      for (const s of sinks) await s.start(info);
    },
    async write(channel, samples) {
      for (const s of sinks) await s.write(channel, samples);
    },
  };
}

/** Decodes a stored recording just for its peaks (recordings decoded before peaks existed). */
export async function peaksOfFile(path: string): Promise<WaveformPeaks> {
  const acc = new PeakAccumulator();
  await decodeFile(path, acc);
  return acc.finish();
}

/**
 * The level to serve for a view that can show `maxPairs` pairs: the finest
 * whose pair count fits, else the coarsest.
 */
export function pickLevel(peaks: WaveformPeaks, maxPairs: number): PeakLevel | undefined {
  return peaks.levels.find((l) => l.data.length / 2 <= maxPairs) ?? peaks.levels[peaks.levels.length - 1];
}
