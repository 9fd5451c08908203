/**
 * Running the learned tagger over a prepared conversation. Every customer
 * turn is scored for every profile label and every staff turn for every
 * compliance rule; a label fires on a turn whose probability reaches its
 * kind's threshold, with the clause of the turn its weights favour most as
 * evidence. Each key point has two conversation-level models (raised; not
 * applicable) that see the rules' own value among their features; where they
 * are confident they decide the point.
 */
import type { PreparedConversation, PreparedTurn } from '../prepared.js';
import { LinearScorer, sigmoid } from './ftrl-logistic.js';
import type { TaggerLabel, TaggerModel } from './tagger-model.js';
import { FEATURE_BITS, asConversationFeatures, clauseFeatures, conversationFeatures, turnFeatures } from './turn-features.js';

export interface TaggerFinding {
  label: string;
  kind: 'profile' | 'compliance';
  pt: PreparedTurn;
  probability: number;
  /** the evidence clause, in the turn's normalised text */
  span: { s: number; e: number };
}

export interface KeyPointDecision {
  value: true | false | null;
  /** the probability of that value */
  probability: number;
  /** for `true`: the staff turn the point rests on, and its clause (worked out only when asked) */
  evidence?: () => { pt: PreparedTurn; span: { s: number; e: number } } | undefined;
}

interface RoleLabels {
  labels: { label: string; kind: 'profile' | 'compliance'; scorer: LinearScorer }[];
  /**
   * Feature → the labels that weigh it, and how much, flattened for speed:
   * the entries of the feature with dense id d are [start[d], start[d + 1]).
   * One lookup per feature scores every label.
   */
  index: FeatureIndex;
}

/** A sparse feature × label weight matrix in compressed rows, keyed through a dense id per feature. */
interface FeatureIndex {
  /** the bias of each label, in label order */
  bias: Float64Array;
  /** feature → its dense id, or -1 when no label weighs it */
  dense: Int32Array;
  start: Int32Array;
  label: Int32Array;
  weight: Float64Array;
}

interface CompiledTagger {
  byRole: Record<'customer' | 'staff', RoleLabels>;
  keyPoints: Map<string, { raised?: LinearScorer; notApplicable?: LinearScorer }>;
  /** every key-point model, indexed like a role's labels */
  keyPointModels: RoleLabels;
}

/** Dense ids for every feature some label of the model weighs: feature → id, or -1. */
function denseIds(labels: readonly TaggerLabel[]): { dense: Int32Array; count: number } {
  const dense = new Int32Array(1 << FEATURE_BITS).fill(-1);
  let count = 0;
  for (const l of labels) for (const f of l.features) if ((dense[f] ?? -1) < 0) dense[f] = count++;
  return { dense, count };
}

/** The compressed weight matrix of a role's labels; a feature's entries keep label order. */
function buildIndex(labels: readonly TaggerLabel[], ids: { dense: Int32Array; count: number }): FeatureIndex {
  const { dense, count } = ids;
  const start = new Int32Array(count + 1);
  for (const l of labels) {
    for (const f of l.features) {
      const d = (dense[f] ?? 0) + 1;
      start[d] = (start[d] ?? 0) + 1;
    }
  }
  for (let d = 0; d < count; d++) start[d + 1] = (start[d + 1] ?? 0) + (start[d] ?? 0);
  const total = start[count] ?? 0;
  const label = new Int32Array(total);
  const weight = new Float64Array(total);
  const fill = start.slice(0, count);
  labels.forEach((l, k) => {
    l.features.forEach((f, j) => {
      const d = dense[f] ?? 0;
      const at = fill[d] ?? 0;
      label[at] = k;
      weight[at] = l.weights[j] ?? 0;
      fill[d] = at + 1;
    });
  });
  return { bias: Float64Array.from(labels, (l) => l.bias), dense, start, label, weight };
}

/** The log-odds of every label of a role for one feature set, in label order. */
function margins(role: RoleLabels, features: readonly number[]): Float64Array {
  const { bias, dense, start, label, weight } = role.index;
  const out = bias.slice();
  for (const f of features) {
    const d = dense[f] ?? -1;
    if (d < 0) continue;
    const end = start[d + 1] ?? 0;
    for (let j = start[d] ?? 0; j < end; j++) {
      const k = label[j] ?? 0;
      out[k] = (out[k] ?? 0) + (weight[j] ?? 0);
    }
  }
  return out;
}

// scoring tables are built once per model object (a model posted to a worker thread is a new object there)
const compiled = new WeakMap<TaggerModel, CompiledTagger>();

function compile(model: TaggerModel): CompiledTagger {
  let c = compiled.get(model);
  if (!c) {
    const ids = denseIds(model.labels);
    const role = (labels: TaggerLabel[]): RoleLabels => ({
      // the kind is not read for key-point models
      labels: labels.map((l) => ({ label: l.label, kind: l.kind === 'compliance' ? 'compliance' : 'profile', scorer: new LinearScorer(l) })),
      index: buildIndex(labels, ids),
    });
    const keyPointModels = role(model.labels.filter((l) => l.kind === 'keyPoint'));
    const keyPoints = new Map<string, { raised?: LinearScorer; notApplicable?: LinearScorer }>();
    for (const l of keyPointModels.labels) {
      const [point = '', which] = l.label.split('=');
      const kp = keyPoints.get(point) ?? {};
      if (which === 'true') kp.raised = l.scorer;
      else kp.notApplicable = l.scorer;
      keyPoints.set(point, kp);
    }
    c = {
      byRole: { customer: role(model.labels.filter((l) => l.kind === 'profile')), staff: role(model.labels.filter((l) => l.kind === 'compliance')) },
      keyPoints,
      keyPointModels,
    };
    compiled.set(model, c);
  }
  return c;
}

/** The clause of a turn that the weights favour most (the whole turn when it has one clause). */
function bestClause(
  pt: PreparedTurn,
  clauses: readonly { s: number; e: number; features: number[] }[],
  score: (features: number[]) => number,
): { s: number; e: number } {
  let best = { s: 0, e: pt.norm.text.length };
  let top = Number.NEGATIVE_INFINITY;
  for (const c of clauses) {
    const m = score(c.features);
    if (m > top) {
      top = m;
      best = { s: c.s, e: c.e };
    }
  }
  return best;
}

export interface TaggerRun {
  findings: TaggerFinding[];
  /** the key-point models' verdicts, given the rules' values */
  keyPoints(ruleValues: Readonly<Record<string, boolean | null>>): Map<string, KeyPointDecision>;
}

export function runTagger(conv: PreparedConversation, model: TaggerModel): TaggerRun {
  const c = compile(model);
  const turnFeats = conv.turns.map((_, pos) => turnFeatures(conv, pos));
  const findings: TaggerFinding[] = [];
  conv.turns.forEach((pt, pos) => {
    const role = pt.turn.role;
    if (role === 'other') return;
    const labels = c.byRole[role];
    const m = margins(labels, turnFeats[pos] ?? []);
    // a turn's clauses are split only when some label fires on it, and once for all of them
    let clauses: ReturnType<typeof clauseFeatures> | undefined;
    labels.labels.forEach((l, i) => {
      const p = sigmoid(m[i] ?? 0);
      if (p < model.thresholds[l.kind]) return;
      clauses ??= clauseFeatures(pt);
      findings.push({ label: l.label, kind: l.kind, pt, probability: p, span: bestClause(pt, clauses, (f) => l.scorer.margin(f, false)) });
    });
  });
  const keyPoints = (ruleValues: Readonly<Record<string, boolean | null>>): Map<string, KeyPointDecision> => {
    const out = new Map<string, KeyPointDecision>();
    if (c.keyPoints.size === 0) return out;
    const features = conversationFeatures(conv, turnFeats, ruleValues);
    const all = margins(c.keyPointModels, features);
    const pOf = new Map(c.keyPointModels.labels.map((l, i) => [l.label, sigmoid(all[i] ?? 0)]));
    for (const [point, m] of c.keyPoints) {
      if (!m.raised || !m.notApplicable) continue;
      const pTrue = pOf.get(`${point}=true`) ?? 0;
      const pNull = pOf.get(`${point}=null`) ?? 0;
      const pFalse = Math.max(0, 1 - pTrue - pNull);
      const [value, probability] = pTrue >= 0.5 ? [true, pTrue] as const : pNull >= 0.5 ? [null, pNull] as const : [false, pFalse] as const;
      if (probability < model.thresholds.keyPoint) continue;
      const d: KeyPointDecision = { value, probability };
      if (value === true) {
        // the staff turn whose words push the raised model up the most
        const raised = m.raised;
        d.evidence = () => {
          let top = Number.NEGATIVE_INFINITY;
          let best: PreparedTurn | undefined;
          conv.turns.forEach((pt, pos) => {
            if (pt.turn.role !== 'staff') return;
            const s = raised.margin(asConversationFeatures('staff', turnFeats[pos] ?? []), false);
            if (s > top) {
              top = s;
              best = pt;
            }
          });
          return best ? { pt: best, span: bestClause(best, clauseFeatures(best), (f) => raised.margin(asConversationFeatures('staff', f), false)) } : undefined;
        };
      }
      out.set(point, d);
    }
    return out;
  };
  return { findings, keyPoints };
}



