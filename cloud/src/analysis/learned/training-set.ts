/**
 * Turning annotated conversations into the tagger's training examples: one
 * example per customer turn (labels: the profile values the gold cites in that
 * turn) and one per staff turn (labels: the compliance rules the gold cites).
 * The gold cites a profile value once, at its clearest mention, so a customer
 * turn is no negative example for a value its conversation has elsewhere: it is
 * left out of that value's training. Every violating staff utterance is cited,
 * so staff turns are always examples.
 */
import { prepare, type PreparedConversation } from '../prepared.js';
import type { HomophoneVocabulary } from '../../rules/schema.js';
import type { AnalysisInput } from '../types.js';
import type { SparseExample } from './ftrl-logistic.js';
import { conversationFeatures, turnFeatures } from './turn-features.js';

/** What the trainer needs of an annotated conversation (the corpus's gold has this shape). */
export interface AnnotatedConversation {
  input: AnalysisInput;
  profile: readonly { family: string; tag: string; value: string; turn: number }[];
  compliance: readonly { rule: string; turn: number }[];
  /** every key point's gold value (true raised, false not raised, null not applicable) */
  keyPoints: Readonly<Record<string, boolean | null>>;
}

export const profileLabel = (family: string, tag: string, value: string): string => `${family}.${tag}=${value}`;

export interface TrainingSet {
  /** label names, customer-turn labels first */
  labels: string[];
  customer: SparseExample[];
  staff: SparseExample[];
  customerLabels: number[];
  staffLabels: number[];
  /** one example per conversation, for the key-point models */
  conversations: SparseExample[];
  /** per key point (taxonomy order): its `point=true` and `point=null` label ids */
  keyPointLabels: { point: string; raised: number; notApplicable: number }[];
}

/** What the rules conclude for each key point of a conversation (the key-point models' input). */
export type RuleKeyPoints = (input: AnalysisInput) => Record<string, boolean | null>;

/**
 * The examples of every conversation. `profileLabels` and `complianceRules` fix
 * the label space (the taxonomy's), so a value the training data never shows
 * still has a (never firing) model.
 */
export function buildTrainingSet(
  conversations: readonly AnnotatedConversation[],
  profileLabels: readonly string[],
  complianceRules: readonly string[],
  keyPoints: readonly string[],
  ruleKeyPoints: RuleKeyPoints,
  homophones?: HomophoneVocabulary,
): TrainingSet {
  const kpNames = keyPoints.flatMap((p) => [`${p}=true`, `${p}=null`]);
  const labels = [...profileLabels, ...complianceRules, ...kpNames];
  const index = new Map(labels.map((l, i) => [l, i]));
  const customer: SparseExample[] = [];
  const staff: SparseExample[] = [];
  const dialogues: SparseExample[] = [];
  for (const c of conversations) {
    const conv: PreparedConversation = prepare(c.input, homophones);
    const byTurn = new Map<number, Set<number>>();
    const add = (turn: number, label: string): number | undefined => {
      const i = index.get(label);
      if (i === undefined) return undefined;
      let s = byTurn.get(turn);
      if (!s) byTurn.set(turn, (s = new Set()));
      s.add(i);
      return i;
    };
    // the gold cites a profile value once, at its clearest mention: the customer's other turns may say it too
    const inDialogue = new Set<number>();
    for (const p of c.profile) {
      const i = add(p.turn, profileLabel(p.family, p.tag, p.value));
      if (i !== undefined) inDialogue.add(i);
    }
    for (const v of c.compliance) add(v.turn, v.rule);
    const turnFeats = conv.turns.map((_, pos) => turnFeatures(conv, pos));
    conv.turns.forEach((pt, pos) => {
      if (pt.turn.role === 'other') return;
      const labels = byTurn.get(pt.turn.index) ?? new Set<number>();
      const ex: SparseExample = { features: turnFeats[pos] ?? [], labels };
      if (pt.turn.role === 'customer') {
        const unlabelled = new Set([...inDialogue].filter((l) => !labels.has(l)));
        if (unlabelled.size > 0) ex.unlabelled = unlabelled;
      }
      (pt.turn.role === 'customer' ? customer : staff).push(ex);
    });
    const kpLabels = new Set<number>();
    for (const p of keyPoints) {
      const v = c.keyPoints[p];
      const i = index.get(v === true ? `${p}=true` : `${p}=null`);
      if (i !== undefined && v !== false) kpLabels.add(i);
    }
    dialogues.push({ features: conversationFeatures(conv, turnFeats, ruleKeyPoints(c.input)), labels: kpLabels });
  }
  return {
    labels,
    customer,
    staff,
    customerLabels: profileLabels.map((_, i) => i),
    staffLabels: complianceRules.map((_, i) => profileLabels.length + i),
    conversations: dialogues,
    keyPointLabels: keyPoints.map((point, i) => {
      const base = profileLabels.length + complianceRules.length + 2 * i;
      return { point, raised: base, notApplicable: base + 1 };
    }),
  };
}
