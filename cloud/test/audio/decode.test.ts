import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFile, sniffFormat, type DecodeSink } from '../../src/audio/decode.js';
import { resample, Resampler } from '../../src/audio/resample.js';
import { parseWav } from '../../src/audio/wav.js';
import { isPipelineError } from '../../src/errors.js';
import { REAL_AUDIO, makeStereoPhoneWav, run, tempDir } from '../helpers.js';

function collect(): DecodeSink & { channels: Float32Array[]; sourceRate: number } {
  const parts: Float32Array[][] = [];
  const sink = {
    channels: [] as Float32Array[],
    sourceRate: 0,
    start({ channels, sourceRate }: { channels: number; sourceRate: number }) {
      sink.sourceRate = sourceRate;
      for (let c = 0; c < channels; c++) parts.push([]);
    },
    write(channel: number, samples: Float32Array) {
      parts[channel]!.push(samples.slice());
      const total = parts[channel]!.reduce((a, b) => a + b.length, 0);
      const out = new Float32Array(total);
      let off = 0;
      for (const p of parts[channel]!) {
        out.set(p, off);
        off += p.length;
      }
      sink.channels[channel] = out;
    },
  };
  return sink;
}

function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / Math.max(1, to - from));
}

/** Correlation of two signals of equal length (1 = identical shape). */
function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('resampler', () => {
  it('keeps a 1 kHz tone at 1 kHz and its level, 48k → 16k and 8k → 16k', () => {
    for (const from of [48_000, 8_000, 44_100]) {
      const n = from; // one second
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / from);
      const y = resample(x, from, 16_000);
      expect(Math.abs(y.length - 16_000)).toBeLessThanOrEqual(1);
      const ref = new Float32Array(y.length);
      for (let i = 0; i < y.length; i++) ref[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16_000);
      expect(correlation(y.subarray(100, -100), ref.subarray(100, -100))).toBeGreaterThan(0.999);
      expect(rms(y, 100, y.length - 100)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    }
  });

  it('removes content above the new Nyquist frequency (anti-aliasing)', () => {
    const x = new Float32Array(48_000);
    for (let i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 12_000 * i) / 48_000);
    const y = resample(x, 48_000, 16_000);
    expect(rms(y, 200, y.length - 200)).toBeLessThan(0.01);
  });

  it('streaming in odd-sized blocks gives the same samples as one shot', () => {
    const x = new Float32Array(30_001).map((_, i) => Math.sin(i / 7) * Math.cos(i / 131));
    const whole = resample(x, 44_100, 16_000);
    const r = new Resampler(44_100, 16_000);
    const parts: Float32Array[] = [];
    for (let off = 0; off < x.length; off += 997) parts.push(r.push(x.subarray(off, off + 997)));
    parts.push(r.end());
    const streamed = Float32Array.from(parts.flatMap((p) => [...p]));
    expect(streamed.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i += 101) expect(streamed[i]).toBeCloseTo(whole[i]!, 6);
  });
});

describe('decode to 16 kHz', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  const original = () => parseWav(readFileSync(join(REAL_AUDIO, '4.wav'))).channels[0]!;

  it('WAV 16 kHz mono: sample-exact', async () => {
    const sink = collect();
    const r = await decodeFile(join(REAL_AUDIO, '4.wav'), sink);
    expect(r).toMatchObject({ format: 'wav', channels: 1, sourceRate: 16_000 });
    expect(sink.channels[0]!.length).toBe(original().length);
    expect(correlation(sink.channels[0]!, original())).toBeGreaterThan(0.99999);
  });

  it('WAV 8 kHz telephone audio is upsampled with its duration kept', async () => {
    const sink = collect();
    const r = await decodeFile(join(REAL_AUDIO, 'phone-8k.wav'), sink);
    expect(r.sourceRate).toBe(8000);
    expect(r.frames / 16_000).toBeCloseTo(17.64, 1);
  });

  it('stereo phone WAV keeps the two parties on separate channels', async () => {
    const sink = collect();
    const r = await decodeFile(makeStereoPhoneWav(tmp.dir), sink);
    expect(r.channels).toBe(2);
    const [left, right] = sink.channels;
    // 1.wav (right) is ~10 s, phone-8k.wav (left) 17.6 s: the right channel is silent at the end
    expect(rms(left!, 14 * 16_000, 17 * 16_000)).toBeGreaterThan(0.005);
    expect(rms(right!, 14 * 16_000, 17 * 16_000)).toBeLessThan(1e-4);
  });

  it('Ogg Opus (opusenc) decodes to the same speech', async () => {
    const ogg = join(tmp.dir, 'speech.ogg');
    run('opusenc', ['--quiet', '--bitrate', '24', join(REAL_AUDIO, '4.wav'), ogg]);
    expect(sniffFormat(readFileSync(ogg))).toBe('ogg_opus');
    const sink = collect();
    const r = await decodeFile(ogg, sink);
    expect(r).toMatchObject({ format: 'ogg_opus', sourceRate: 16_000, decodeErrors: 0 });
    const ref = original();
    expect(Math.abs(sink.channels[0]!.length - ref.length)).toBeLessThan(16 * 30);
    expect(correlation(sink.channels[0]!, ref)).toBeGreaterThan(0.8);
  });

  it('MP3 (ffmpeg, 44.1 kHz) decodes and resamples', async () => {
    const mp3 = join(tmp.dir, 'speech.mp3');
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', join(REAL_AUDIO, '4.wav'), '-ar', '44100', '-b:a', '64k', mp3]);
    const sink = collect();
    const r = await decodeFile(mp3, sink);
    expect(r).toMatchObject({ format: 'mp3', sourceRate: 44_100, channels: 1 });
    const seconds = original().length / 16_000;
    expect(r.frames / 16_000).toBeGreaterThan(seconds - 0.1);
    expect(r.frames / 16_000).toBeLessThan(seconds + 0.2);
  });

  it('stereo MP3 keeps both channels', async () => {
    const mp3 = join(tmp.dir, 'stereo.mp3');
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', makeStereoPhoneWav(tmp.dir), '-b:a', '64k', mp3]);
    const sink = collect();
    const r = await decodeFile(mp3, sink);
    expect(r).toMatchObject({ format: 'mp3', channels: 2, sourceRate: 8000 });
    expect(rms(sink.channels[1]!, 14 * 16_000, 17 * 16_000)).toBeLessThan(1e-3);
    expect(rms(sink.channels[0]!, 14 * 16_000, 17 * 16_000)).toBeGreaterThan(0.005);
  });

  it('rejects unknown, truncated and missing files with typed errors', async () => {
    const junk = join(tmp.dir, 'junk.bin');
    writeFileSync(junk, Buffer.from('hello world, not audio at all'));
    await expect(decodeFile(junk, collect())).rejects.toSatisfy((e) => isPipelineError(e, 'AUDIO_UNSUPPORTED'));
    const cut = join(tmp.dir, 'cut.wav');
    writeFileSync(cut, readFileSync(join(REAL_AUDIO, '4.wav')).subarray(0, 30));
    await expect(decodeFile(cut, collect())).rejects.toSatisfy((e) => isPipelineError(e, 'AUDIO_CORRUPT'));
    await expect(decodeFile(join(tmp.dir, 'nope.wav'), collect())).rejects.toSatisfy((e) => isPipelineError(e, 'AUDIO_MISSING'));
  });
});
