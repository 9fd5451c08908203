/**
 * Training the turn tagger from annotated conversations: one FTRL logistic
 * model per profile value (on customer turns) and per compliance rule (on
 * staff turns), over the taxonomy's whole label space. Deterministic: the
 * same conversations and options give the same model, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { HomophoneVocabulary } from '../../rules/schema.js';
import type { Taxonomy } from '../taxonomy.js';
import { DEFAULT_FTRL, trainFtrl, type FtrlOptions, type LinearWeights } from './ftrl-logistic.js';
import { TAGGER_FORMAT, type TaggerLabel, type TaggerLabelKind, type TaggerModel, type TrainingSource } from './tagger-model.js';
import { buildTrainingSet, profileLabel, type AnnotatedConversation, type RuleKeyPoints } from './training-set.js';
import { FEATURE_BITS } from './turn-features.js';

/** The options and thresholds chosen by leave-one-set-out runs (docs/rules.md, "The learned tagger"). */
export const DEFAULT_TAGGER_OPTIONS: FtrlOptions = { ...DEFAULT_FTRL };
/** Key points have one example per conversation, with either value common: no positive weighting, more L2. */
export const DEFAULT_KEY_POINT_OPTIONS: FtrlOptions = { ...DEFAULT_FTRL, l2: 1, positiveWeight: 1 };
export const DEFAULT_THRESHOLDS: Record<TaggerLabelKind, number> = { profile: 0.5, compliance: 0.6, keyPoint: 0.8 };

/** Weights this small change a score by little: dropping them keeps the model file small. */
export const DEFAULT_PRUNE = 0.05;

function prune(w: LinearWeights, below: number): LinearWeights {
  const fs: number[] = [];
  const ws: number[] = [];
  w.features.forEach((f, i) => {
    const x = w.weights[i] ?? 0;
    if (Math.abs(x) > below) {
      fs.push(f);
      ws.push(x);
    }
  });
  return { bias: w.bias, features: Int32Array.from(fs), weights: Float32Array.from(ws) };
}

export interface TrainingGroup {
  source: TrainingSource;
  conversations: readonly AnnotatedConversation[];
}

export interface TrainProgress {
  (done: number, total: number, label: string): void;
}

/** Every `family.tag=value` of the taxonomy, in its order. */
export function profileLabels(taxonomy: Taxonomy): string[] {
  const out: string[] = [];
  for (const [family, tags] of Object.entries(taxonomy.profile)) {
    for (const [tag, t] of Object.entries(tags)) for (const value of Object.keys(t.values)) out.push(profileLabel(family, tag, value));
  }
  return out;
}

export function trainTagger(
  groups: readonly TrainingGroup[],
  taxonomy: Taxonomy,
  rules: { version: string; keyPoints: RuleKeyPoints },
  opts: {
    options?: Partial<FtrlOptions>;
    keyPointOptions?: Partial<FtrlOptions>;
    thresholds?: Partial<Record<TaggerLabelKind, number>>;
    homophones?: HomophoneVocabulary;
    progress?: TrainProgress;
    /** weights of at most this magnitude are dropped after training (the model file stays small) */
    pruneBelow?: number;
  } = {},
): TaggerModel {
  const options: FtrlOptions = { ...DEFAULT_TAGGER_OPTIONS, ...opts.options };
  const keyPointOptions: FtrlOptions = { ...DEFAULT_KEY_POINT_OPTIONS, ...opts.keyPointOptions };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
  const profile = profileLabels(taxonomy);
  const complianceRules = Object.keys(taxonomy.compliance);
  const points = Object.keys(taxonomy.keyPoints);
  const ts = buildTrainingSet(groups.flatMap((g) => g.conversations), profile, complianceRules, points, rules.keyPoints, opts.homophones);
  const positives = (examples: typeof ts.customer, label: number): number => examples.reduce((n, e) => n + (e.labels.has(label) ? 1 : 0), 0);
  const labels: TaggerLabel[] = [];
  const kpIds = ts.keyPointLabels.flatMap((k) => [k.raised, k.notApplicable]);
  const total = ts.customerLabels.length + ts.staffLabels.length + kpIds.length;
  const run = (examples: typeof ts.customer, ids: number[], kind: TaggerLabelKind, o: FtrlOptions): void => {
    ids.forEach((id) => {
      const name = ts.labels[id] ?? '';
      const [trained] = trainFtrl(examples, [id], o);
      if (!trained) return;
      const w = prune(trained, opts.pruneBelow ?? DEFAULT_PRUNE);
      labels.push({ label: name, kind, positives: positives(examples, id), ...w });
      opts.progress?.(labels.length, total, name);
    });
  };
  run(ts.customer, ts.customerLabels, 'profile', options);
  run(ts.staff, ts.staffLabels, 'compliance', options);
  run(ts.conversations, kpIds, 'keyPoint', keyPointOptions);
  const trainedOn = groups.map((g) => g.source);
  const digest = createHash('sha256');
  digest.update(JSON.stringify({ trainedOn, rulesVersion: rules.version, options, keyPointOptions, thresholds, FEATURE_BITS, prune: opts.pruneBelow ?? DEFAULT_PRUNE }));
  for (const l of labels) {
    digest.update(l.label);
    digest.update(new Uint8Array(l.features.buffer, l.features.byteOffset, l.features.byteLength));
    digest.update(new Uint8Array(l.weights.buffer, l.weights.byteOffset, l.weights.byteLength));
  }
  return {
    format: TAGGER_FORMAT, version: digest.digest('hex').slice(0, 12), featureBits: FEATURE_BITS, trainedOn, rulesVersion: rules.version,
    options, keyPointOptions, thresholds, labels,
  };
}
