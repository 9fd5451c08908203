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
import { LinearScorer } from './ftrl-logistic.js';
import type { TaggerModel } from './tagger-model.js';
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
  /** for `true`: the staff turn the point rests on, and its clause */
  evidence?: { pt: PreparedTurn; span: { s: number; e: number } };
}

interface CompiledTagger {
  byRole: Record<'customer' | 'staff', { label: string; kind: 'profile' | 'compliance'; scorer: LinearScorer }[]>;
  keyPoints: Map<string, { raised?: LinearScorer; notApplicable?: LinearScorer }>;
}

// scoring tables are built once per model object (a model posted to a worker thread is a new object there)
const compiled = new WeakMap<TaggerModel, CompiledTagger>();

function compile(model: TaggerModel): CompiledTagger {
  let c = compiled.get(model);
  if (!c) {
    c = { byRole: { customer: [], staff: [] }, keyPoints: new Map() };
    for (const l of model.labels) {
      if (l.kind === 'keyPoint') {
        const [point = '', which] = l.label.split('=');
        const kp = c.keyPoints.get(point) ?? {};
        if (which === 'true') kp.raised = new LinearScorer(l);
        else kp.notApplicable = new LinearScorer(l);
        c.keyPoints.set(point, kp);
        continue;
      }
      c.byRole[l.kind === 'profile' ? 'customer' : 'staff'].push({ label: l.label, kind: l.kind, scorer: new LinearScorer(l) });
    }
    compiled.set(model, c);
  }
  return c;
}

/** The clause of a turn that the weights favour most (the whole turn when it has one clause). */
function bestClause(pt: PreparedTurn, score: (features: number[]) => number): { s: number; e: number } {
  let best = { s: 0, e: pt.norm.text.length };
  let top = Number.NEGATIVE_INFINITY;
  for (const c of clauseFeatures(pt)) {
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
    const features = turnFeats[pos] ?? [];
    for (const l of c.byRole[role]) {
      const p = l.scorer.probability(features);
      if (p < model.thresholds[l.kind]) continue;
      findings.push({ label: l.label, kind: l.kind, pt, probability: p, span: bestClause(pt, (f) => l.scorer.margin(f, false)) });
    }
  });
  const keyPoints = (ruleValues: Readonly<Record<string, boolean | null>>): Map<string, KeyPointDecision> => {
    const out = new Map<string, KeyPointDecision>();
    if (c.keyPoints.size === 0) return out;
    const features = conversationFeatures(conv, turnFeats, ruleValues);
    for (const [point, m] of c.keyPoints) {
      if (!m.raised || !m.notApplicable) continue;
      const pTrue = m.raised.probability(features);
      const pNull = m.notApplicable.probability(features);
      const pFalse = Math.max(0, 1 - pTrue - pNull);
      const [value, probability] = pTrue >= 0.5 ? [true, pTrue] as const : pNull >= 0.5 ? [null, pNull] as const : [false, pFalse] as const;
      if (probability < model.thresholds.keyPoint) continue;
      const d: KeyPointDecision = { value, probability };
      if (value === true) {
        // the staff turn whose words push the raised model up the most
        const raised = m.raised;
        let top = Number.NEGATIVE_INFINITY;
        conv.turns.forEach((pt, pos) => {
          if (pt.turn.role !== 'staff') return;
          const s = raised.margin(asConversationFeatures('staff', turnFeats[pos] ?? []), false);
          if (s > top) {
            top = s;
            d.evidence = { pt, span: bestClause(pt, (f) => raised.margin(asConversationFeatures('staff', f), false)) };
          }
        });
      }
      out.set(point, d);
    }
    return out;
  };
  return { findings, keyPoints };
}



