import { analyze, type AnalysisInput, type AnalysisResult, type RuleSet, type Taxonomy } from '../analysis/index.js';
import { normalizeText } from '../normalize/index.js';
import { indexText, type IndexedText } from '../search/segmenter.js';
import { wordGlosses } from '../analysis/learned/word-glosses.js';

/**
 * The CPU-heavy, pure work of the text stages: rules analysis, text
 * normalisation and search-index building. Each is a plain function of its
 * input (and, for analysis, the rule set), so it runs the same on the event
 * loop (InlineAnalysisExecutor, `npm run eval`) and in a worker thread
 * (AnalysisWorkerPool).
 */
export type AnalysisTask =
  | { kind: 'analyze'; input: AnalysisInput }
  | { kind: 'normalize'; texts: string[] }
  | { kind: 'index'; text: string };

export interface AnalysisTaskResults {
  analyze: AnalysisResult;
  normalize: string[];
  index: IndexedText;
}

export type AnalysisTaskKind = AnalysisTask['kind'];

export function runAnalysisTask(task: AnalysisTask, rules: RuleSet | null, taxonomy: Taxonomy): AnalysisTaskResults[AnalysisTaskKind] {
  switch (task.kind) {
    case 'analyze':
      if (!rules) throw new Error('no rule set loaded');
      return analyze(task.input, rules, taxonomy);
    case 'normalize':
      return task.texts.map((t) => normalizeText(t));
    case 'index':
      return indexText(task.text);
  }
}

/** Loads jieba's dictionaries and pinyin-pro's tables so the first conversation does not pay for them. */
export function warmUpAnalysisTasks(): void {
  indexText('预热保本');
  normalizeText('五十万');
  // the learned tagger's dictionary (about 1 s to parse): loaded before the worker says ready, not inside a task's timeout
  wordGlosses();
}
