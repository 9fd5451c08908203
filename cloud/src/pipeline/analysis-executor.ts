import type { AnalysisInput, AnalysisResult, RuleSet, Taxonomy } from '../analysis/index.js';
import { PipelineError } from '../errors.js';
import type { IndexedText } from '../search/segmenter.js';
import { runAnalysisTask } from './analysis-tasks.js';

/**
 * Where the text stages' CPU-heavy work runs. The pipeline uses the worker
 * pool (AnalysisWorkerPool) so a 40–250 ms analysis never stalls MQTT ingest
 * on the shared event loop; `analysis.workers: 0` runs it inline.
 */
export interface AnalysisExecutor {
  /** Rules analysis with the rule set active now. Engine errors are ANALYSIS_FAILED (not retryable). */
  analyze(input: AnalysisInput): Promise<AnalysisResult>;
  normalize(texts: string[]): Promise<string[]>;
  index(text: string): Promise<IndexedText>;
  /** Worker threads it runs on (0 inline). */
  readonly size: number;
  close(): Promise<void>;
}

/** An engine error (bad input, broken rule) is the conversation's problem: no retry can fix it. */
export function analysisFailed(message: string, cause?: unknown): PipelineError {
  return new PipelineError('ANALYSIS_FAILED', message, { cause, retryable: false });
}

/** Runs the tasks on the calling thread (the event loop): `analysis.workers: 0`, tests. */
export class InlineAnalysisExecutor implements AnalysisExecutor {
  readonly size = 0;

  constructor(
    private readonly rules: () => RuleSet,
    private readonly taxonomy: Taxonomy,
  ) {}

  async analyze(input: AnalysisInput): Promise<AnalysisResult> {
    try {
      return runAnalysisTask({ kind: 'analyze', input }, this.rules(), this.taxonomy) as AnalysisResult;
    } catch (err) {
      throw analysisFailed(err instanceof Error ? err.message : String(err), err);
    }
  }

  async normalize(texts: string[]): Promise<string[]> {
    return runAnalysisTask({ kind: 'normalize', texts }, null, this.taxonomy) as string[];
  }

  async index(text: string): Promise<IndexedText> {
    return runAnalysisTask({ kind: 'index', text }, null, this.taxonomy) as IndexedText;
  }

  async close(): Promise<void> {}
}
