/**
 * The learned turn tagger's model file (`cloud/models/turn-tagger.json`): one
 * sparse logistic model per label, the thresholds it is used at, and what it
 * was trained on (each training set with its digest, so a test can tell the
 * file is stale and nobody can quietly train on a blind set). Feature ids are
 * stored as base64 of varint gaps, weights as base64 of int16 steps of a
 * per-label scale.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisError, type RuleIssue } from '../errors.js';
import { FEATURE_BITS } from './turn-features.js';
import type { FtrlOptions, LinearWeights } from './ftrl-logistic.js';

/** Format 2: turn features include dictionary glosses (a format-1 model was trained without them). */
export const TAGGER_FORMAT = 'parley-turn-tagger/2';

/** The shipped model. */
export const DEFAULT_TAGGER_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models/turn-tagger.json');

export type TaggerLabelKind = 'profile' | 'compliance' | 'keyPoint';

export interface TaggerLabel extends LinearWeights {
  /**
   * `family.tag=value` for profile labels, the rule id for compliance labels, and
   * `point=true` / `point=null` for the two models of each key point
   */
  label: string;
  kind: TaggerLabelKind;
  /** positive turns it was trained on */
  positives: number;
}

export interface TrainingSource {
  /** a folder name (`dev`, `heldout-14`, …) */
  set: string;
  dialogues: number;
  /** sha256 of the set's dialogue files, in name order */
  sha256: string;
}

export interface TaggerModel {
  format: typeof TAGGER_FORMAT;
  /** short content id, stored with each analysis the model took part in */
  version: string;
  featureBits: number;
  trainedOn: TrainingSource[];
  /** the rule set whose key-point values the key-point models were trained with */
  rulesVersion: string;
  options: FtrlOptions;
  keyPointOptions: FtrlOptions;
  /**
   * a profile or compliance label fires on a turn when its probability reaches the threshold
   * of its kind; a key point's models replace the rules' value when the value they favour
   * has at least the keyPoint threshold
   */
  thresholds: Record<TaggerLabelKind, number>;
  labels: TaggerLabel[];
}

/** Feature ids (ascending) as base64 of the varint-coded gaps between them. */
function encodeFeatures(f: Int32Array): string {
  const out: number[] = [];
  let prev = -1;
  for (const id of f) {
    let gap = id - prev;
    prev = id;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap);
  }
  return Buffer.from(out).toString('base64');
}

function decodeFeatures(s: string): Int32Array | undefined {
  const b = Buffer.from(s, 'base64');
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < b.length;) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = b[i++];
      if (byte === undefined || shift > 28) return undefined;
      gap |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    if (gap <= 0) return undefined;
    prev += gap;
    out.push(prev);
  }
  return Int32Array.from(out);
}

/** Weights as base64 of little-endian int16 steps of `scale` (max |w| / 32767). */
function encodeWeights(w: Float32Array): { scale: number; weights: string } {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 32767 : 1;
  const q = Buffer.alloc(w.length * 2);
  w.forEach((x, i) => q.writeInt16LE(Math.round(x / scale), i * 2));
  return { scale, weights: q.toString('base64') };
}

function decodeWeights(s: string, scale: number): Float32Array | undefined {
  const b = Buffer.from(s, 'base64');
  if (b.length % 2 !== 0) return undefined;
  const out = new Float32Array(b.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readInt16LE(i * 2) * scale;
  return out;
}

/** The model as the JSON text of its file. */
export function encodeTaggerModel(m: TaggerModel): string {
  const { labels, ...head } = m;
  const out = {
    ...head,
    labels: labels.map((l) => ({
      label: l.label, kind: l.kind, positives: l.positives, bias: Number(l.bias.toFixed(6)),
      features: encodeFeatures(l.features), ...encodeWeights(l.weights),
    })),
  };
  return JSON.stringify(out, null, 1) + '\n';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse and check a model file's JSON; every problem is reported with its path. */
export function decodeTaggerModel(text: string, source = 'model'): TaggerModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AnalysisError('MODEL_INVALID', `${source} is not JSON`, [], { cause: err });
  }
  const issues: RuleIssue[] = [];
  if (!isRecord(raw)) throw new AnalysisError('MODEL_INVALID', source, [{ path: '$', message: 'must be an object' }]);
  if (raw['format'] !== TAGGER_FORMAT) issues.push({ path: 'format', message: `must be "${TAGGER_FORMAT}"` });
  if (raw['featureBits'] !== FEATURE_BITS) issues.push({ path: 'featureBits', message: `must be ${FEATURE_BITS} (the feature hashing this engine uses)` });
  if (typeof raw['version'] !== 'string' || raw['version'] === '') issues.push({ path: 'version', message: 'must be a non-empty string' });
  const th = raw['thresholds'];
  if (!isRecord(th) || !(['profile', 'compliance', 'keyPoint'] as const).every((k) => typeof th[k] === 'number' && (th[k] as number) > 0 && (th[k] as number) <= 1)) {
    issues.push({ path: 'thresholds', message: 'must give profile, compliance and keyPoint thresholds in (0, 1]' });
  }
  if (!Array.isArray(raw['trainedOn'])) issues.push({ path: 'trainedOn', message: 'must be a list' });
  const labels: TaggerLabel[] = [];
  if (!Array.isArray(raw['labels'])) issues.push({ path: 'labels', message: 'must be a list' });
  else raw['labels'].forEach((l: unknown, i: number) => {
    const p = `labels[${i}]`;
    if (!isRecord(l)) { issues.push({ path: p, message: 'must be an object' }); return; }
    if (typeof l['label'] !== 'string') issues.push({ path: `${p}.label`, message: 'must be a string' });
    if (l['kind'] !== 'profile' && l['kind'] !== 'compliance' && l['kind'] !== 'keyPoint') issues.push({ path: `${p}.kind`, message: 'must be profile, compliance or keyPoint' });
    if (typeof l['bias'] !== 'number' || !Number.isFinite(l['bias'])) issues.push({ path: `${p}.bias`, message: 'must be a finite number' });
    if (typeof l['features'] !== 'string' || typeof l['weights'] !== 'string') { issues.push({ path: p, message: 'features and weights must be base64 strings' }); return; }
    const scale = l['scale'];
    if (typeof scale !== 'number' || !(scale > 0)) { issues.push({ path: `${p}.scale`, message: 'must be a positive number' }); return; }
    const features = decodeFeatures(l['features']);
    const weights = decodeWeights(l['weights'], scale);
    if (!features || !weights) { issues.push({ path: p, message: 'features or weights are not in the model encoding' }); return; }
    if (features.length !== weights.length) { issues.push({ path: p, message: `${features.length} features but ${weights.length} weights` }); return; }
    const limit = 1 << FEATURE_BITS;
    for (let j = 0; j < features.length; j++) {
      const f = features[j] ?? -1;
      if (f < 0 || f >= limit || (j > 0 && f <= (features[j - 1] ?? -1))) { issues.push({ path: `${p}.features[${j}]`, message: 'feature ids must ascend inside the feature space' }); return; }
      if (!Number.isFinite(weights[j] ?? Number.NaN)) { issues.push({ path: `${p}.weights[${j}]`, message: 'must be finite' }); return; }
    }
    labels.push({
      label: String(l['label']), kind: l['kind'] as TaggerLabelKind, positives: Number(l['positives'] ?? 0),
      bias: Number(l['bias']), features, weights,
    });
  });
  if (issues.length > 0) throw new AnalysisError('MODEL_INVALID', source, issues);
  const r = raw as Record<string, unknown>;
  return {
    format: TAGGER_FORMAT,
    version: String(r['version']),
    featureBits: FEATURE_BITS,
    trainedOn: r['trainedOn'] as TrainingSource[],
    rulesVersion: String(r['rulesVersion'] ?? ''),
    options: r['options'] as FtrlOptions,
    keyPointOptions: r['keyPointOptions'] as FtrlOptions,
    thresholds: r['thresholds'] as Record<TaggerLabelKind, number>,
    labels,
  };
}

export function loadTaggerModel(file: string = DEFAULT_TAGGER_PATH): TaggerModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AnalysisError('MODEL_UNREADABLE', file, [], { cause: err });
  }
  return decodeTaggerModel(text, path.basename(file));
}
