import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAnalysisError } from '../../../src/analysis/errors.js';
import { decodeTaggerModel, encodeTaggerModel, loadTaggerModel, TAGGER_FORMAT, type TaggerModel } from '../../../src/analysis/learned/tagger-model.js';
import { DEFAULT_FTRL } from '../../../src/analysis/learned/ftrl-logistic.js';
import { FEATURE_BITS } from '../../../src/analysis/learned/turn-features.js';

const model: TaggerModel = {
  format: TAGGER_FORMAT,
  version: 'abc123',
  featureBits: FEATURE_BITS,
  trainedOn: [{ set: 'dev', dialogues: 35, sha256: '00' }],
  rulesVersion: 'r1',
  options: DEFAULT_FTRL,
  keyPointOptions: DEFAULT_FTRL,
  thresholds: { profile: 0.5, compliance: 0.4, keyPoint: 0.8 },
  labels: [
    { label: 'basic.funds_status=idle_funds', kind: 'profile', positives: 12, bias: -3.25, features: Int32Array.from([0, 5, 300, 1_048_575]), weights: Float32Array.from([0.5, -1.25, 2, -0.0625]) },
    { label: 'promise_guarantee', kind: 'compliance', positives: 30, bias: -2, features: new Int32Array(), weights: new Float32Array() },
  ],
};

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return isAnalysisError(err) ? `${err.code}: ${err.issues.map((i) => i.path).join(',')}` : 'other';
  }
  return undefined;
};

describe('tagger model file', () => {
  it('round-trips: feature ids exactly, weights within one int16 step of the label scale', () => {
    const back = decodeTaggerModel(encodeTaggerModel(model));
    expect(back.labels.map((l) => l.label)).toEqual(model.labels.map((l) => l.label));
    const [a, b] = [model.labels[0], back.labels[0]];
    expect(Array.from(b?.features ?? [])).toEqual(Array.from(a?.features ?? []));
    (a?.weights ?? []).forEach((w, i) => expect(Math.abs((b?.weights[i] ?? 0) - w)).toBeLessThanOrEqual(2 / 32767));
    expect(back.labels[1]?.features.length).toBe(0);
    expect(back.thresholds).toEqual(model.thresholds);
    expect(back.rulesVersion).toBe('r1');
  });

  it('rejects what is not a model, naming every problem', () => {
    expect(codeOf(() => decodeTaggerModel('{'))).toBe('MODEL_INVALID: ');
    const raw = JSON.parse(encodeTaggerModel(model)) as Record<string, unknown>;
    expect(codeOf(() => decodeTaggerModel(JSON.stringify({ ...raw, format: 'x', featureBits: 18 })))).toBe('MODEL_INVALID: format,featureBits');
    expect(codeOf(() => decodeTaggerModel(JSON.stringify({ ...raw, thresholds: { profile: 0.5 } })))).toBe('MODEL_INVALID: thresholds');
    const labels = raw['labels'] as Record<string, unknown>[];
    const bad = (patch: Record<string, unknown>): string => JSON.stringify({ ...raw, labels: [{ ...labels[0], ...patch }] });
    expect(codeOf(() => decodeTaggerModel(bad({ kind: 'summary' })))).toBe('MODEL_INVALID: labels[0].kind');
    expect(codeOf(() => decodeTaggerModel(bad({ weights: Buffer.from([1, 2, 3]).toString('base64') })))).toBe('MODEL_INVALID: labels[0]');
    expect(codeOf(() => decodeTaggerModel(bad({ scale: -1 })))).toBe('MODEL_INVALID: labels[0].scale');
    // a gap of zero would repeat a feature id
    expect(codeOf(() => decodeTaggerModel(bad({ features: Buffer.from([1, 0, 3, 4]).toString('base64') })))).toBe('MODEL_INVALID: labels[0]');
  });

  it('a missing file is MODEL_UNREADABLE; a good one loads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tagger-'));
    expect(codeOf(() => loadTaggerModel(path.join(dir, 'none.json')))).toBe('MODEL_UNREADABLE: ');
    writeFileSync(path.join(dir, 'm.json'), encodeTaggerModel(model));
    expect(loadTaggerModel(path.join(dir, 'm.json')).version).toBe('abc123');
  });
});
