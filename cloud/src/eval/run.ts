/** Runs the engine over dialogues and scores the findings against their gold. */
import { analyze } from '../analysis/engine.js';
import type { Taxonomy } from '../analysis/taxonomy.js';
import type { RuleSet } from '../rules/schema.js';
import { toAnalysisInput, type Dialogue, type Gold } from './corpus.js';
import { toGoldFormat } from './predictions.js';
import { score, type Scores } from './scorer.js';

export interface EvalRun {
  scores: Scores;
  predictions: Map<string, Gold>;
}

export function evaluateDialogues(dialogues: readonly Dialogue[], rules: RuleSet, taxonomy: Taxonomy): EvalRun {
  const gold = new Map<string, Gold>();
  const predictions = new Map<string, Gold>();
  for (const d of dialogues) {
    gold.set(d.id, d.gold);
    predictions.set(d.id, toGoldFormat(analyze(toAnalysisInput(d), rules, taxonomy)));
  }
  return { scores: score(gold, predictions), predictions };
}
