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
import { asConversationFeatures, clauseFeatures, conversationFeatures, turnFeatures } from './turn-features.js';

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
  /** feature → the labels that weigh it, and how much: one lookup per feature scores every label */
  index: Map<number, { labels: number[]; weights: number[] }>;
}

interface CompiledTagger {
  byRole: Record<'customer' | 'staff', RoleLabels>;
  keyPoints: Map<string, { raised?: LinearScorer; notApplicable?: LinearScorer }>;
  /** every key-point model, indexed like a role's labels */
  keyPointModels: RoleLabels;
}

function indexLabel(into: RoleLabels, l: TaggerLabel, entry: RoleLabels['labels'][number]): number {
  const k = into.labels.length;
  into.labels.push(entry);
  l.features.forEach((f, j) => {
    let e = into.index.get(f);
    if (!e) into.index.set(f, (e = { labels: [], weights: [] }));
    e.labels.push(k);
    e.weights.push(l.weights[j] ?? 0);
  });
  return k;
}

/** The log-odds of every label of a role for one feature set, in label order. */
function margins(role: RoleLabels, features: readonly number[]): Float64Array {
  const out = new Float64Array(role.labels.length);
  role.labels.forEach((l, i) => { out[i] = l.scorer.model.bias; });
  for (const f of features) {
    const hit = role.index.get(f);
    if (!hit) continue;
    for (let j = 0; j < hit.labels.length; j++) {
      const k = hit.labels[j] ?? 0;
      out[k] = (out[k] ?? 0) + (hit.weights[j] ?? 0);
    }
  }
  return out;
}

// scoring tables are built once per model object (a model posted to a worker thread is a new object there)
const compiled = new WeakMap<TaggerModel, CompiledTagger>();

function compile(model: TaggerModel): CompiledTagger {
  let c = compiled.get(model);
  if (!c) {
    const empty = (): RoleLabels => ({ labels: [], index: new Map() });
    c = { byRole: { customer: empty(), staff: empty() }, keyPoints: new Map(), keyPointModels: empty() };
    for (const l of model.labels) {
      const scorer = new LinearScorer(l);
      if (l.kind === 'keyPoint') {
        const [point = '', which] = l.label.split('=');
        const kp = c.keyPoints.get(point) ?? {};
        if (which === 'true') kp.raised = scorer;
        else kp.notApplicable = scorer;
        c.keyPoints.set(point, kp);
        // the kind is not read for key-point models
        indexLabel(c.keyPointModels, l, { label: l.label, kind: 'profile', scorer });
        continue;
      }
      indexLabel(c.byRole[l.kind === 'profile' ? 'customer' : 'staff'], l, { label: l.label, kind: l.kind, scorer });
    }
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



