/**
 * Sparse logistic regression trained with FTRL-Proximal (McMahan et al.,
 * "Ad Click Prediction: a View from the Trenches", 2013): per-coordinate
 * learning rates and an L1 term that leaves most weights at exactly zero, so
 * a model over a million hashed features stays a few thousand numbers per
 * label. One binary model per label (one-vs-rest); training is deterministic
 * for a given seed.
 */
import { FEATURE_BITS } from './turn-features.js';

export interface SparseExample {
  features: readonly number[];
  /** labels this example is positive for */
  labels: ReadonlySet<number>;
  /** labels this example says nothing about: it is left out of their training */
  unlabelled?: ReadonlySet<number>;
}

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  /** gradient multiplier for positive examples (they are rare) */
  positiveWeight: number;
  seed: number;
}

export const DEFAULT_FTRL: FtrlOptions = { alpha: 0.1, beta: 1, l1: 0.5, l2: 0.5, epochs: 12, positiveWeight: 4, seed: 7 };

/** One label's model: bias plus sparse weights (feature → weight). */
export interface LinearWeights {
  bias: number;
  features: Int32Array;
  weights: Float32Array;
}

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** A small seeded generator (mulberry32) for the example order. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZE = 1 << FEATURE_BITS;
/** the bias's coordinate: outside the hashed feature space */
const BIAS = SIZE;

/**
 * Train one model per label in `labels` (indices into each example's label set)
 * over the examples. Returns the weights in the order of `labels`.
 */
export function trainFtrl(examples: readonly SparseExample[], labels: readonly number[], opts: Partial<FtrlOptions> = {}): LinearWeights[] {
  const o = { ...DEFAULT_FTRL, ...opts };
  const z = new Float64Array(SIZE + 1);
  const n = new Float64Array(SIZE + 1);
  const touched = new Uint8Array(SIZE + 1);
  const weightOf = (i: number): number => {
    const zi = z[i] ?? 0;
    // the bias is not L1-regularised
    const l1 = i === BIAS ? 0 : o.l1;
    if (Math.abs(zi) <= l1) return 0;
    return -(zi - Math.sign(zi) * l1) / ((o.beta + Math.sqrt(n[i] ?? 0)) / o.alpha + (i === BIAS ? 0 : o.l2));
  };
  const order = examples.map((_, i) => i);
  const out: LinearWeights[] = [];
  for (const label of labels) {
    z.fill(0);
    n.fill(0);
    touched.fill(0);
    const next = rng(o.seed + label * 7919);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = order[i] ?? 0;
        order[i] = order[j] ?? 0;
        order[j] = t;
      }
      for (const k of order) {
        const ex = examples[k];
        if (!ex || ex.unlabelled?.has(label)) continue;
        let dot = weightOf(BIAS);
        const w = new Float64Array(ex.features.length);
        ex.features.forEach((f, j) => {
          const wf = weightOf(f);
          w[j] = wf;
          dot += wf;
        });
        const y = ex.labels.has(label) ? 1 : 0;
        const g = (sigmoid(dot) - y) * (y === 1 ? o.positiveWeight : 1);
        const update = (i: number, wi: number): void => {
          const ni = n[i] ?? 0;
          const sigma = (Math.sqrt(ni + g * g) - Math.sqrt(ni)) / o.alpha;
          z[i] = (z[i] ?? 0) + g - sigma * wi;
          n[i] = ni + g * g;
          touched[i] = 1;
        };
        update(BIAS, weightOf(BIAS));
        ex.features.forEach((f, j) => update(f, w[j] ?? 0));
      }
    }
    const fs: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < SIZE; i++) {
      if (!touched[i]) continue;
      const wi = weightOf(i);
      if (wi !== 0) {
        fs.push(i);
        ws.push(wi);
      }
    }
    out.push({ bias: weightOf(BIAS), features: Int32Array.from(fs), weights: Float32Array.from(ws) });
  }
  return out;
}

/** A trained label model as a lookup table, for scoring. */
export class LinearScorer {
  private readonly table = new Map<number, number>();
  constructor(readonly model: LinearWeights) {
    model.features.forEach((f, i) => this.table.set(f, model.weights[i] ?? 0));
  }

  /** The linear score (log-odds) of a feature set. */
  margin(features: readonly number[], withBias = true): number {
    let s = withBias ? this.model.bias : 0;
    for (const f of features) s += this.table.get(f) ?? 0;
    return s;
  }

  probability(features: readonly number[]): number {
    return sigmoid(this.margin(features));
  }
}
