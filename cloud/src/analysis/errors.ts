/**
 * The analysis engine's error registry: every error it raises on purpose is an
 * AnalysisError with a stable code. Rule validation collects every problem
 * with its path (e.g. `rules[3].conditions.pitch.match[0].regex`) before
 * throwing, so a rule author sees them all at once.
 */
export const ANALYSIS_ERRORS = {
  RULES_INVALID: 'Rule set is invalid',
  RULES_UNREADABLE: 'Rule set could not be read',
  TAXONOMY_INVALID: 'Taxonomy is invalid',
  TAXONOMY_UNREADABLE: 'Taxonomy could not be read',
  INPUT_INVALID: 'Analysis input is invalid',
  CORPUS_INVALID: 'Corpus dialogue is invalid',
  MODEL_INVALID: 'Tagger model is invalid',
  MODEL_UNREADABLE: 'Tagger model could not be read',
} as const;

export type AnalysisErrorCode = keyof typeof ANALYSIS_ERRORS;

export interface RuleIssue {
  path: string;
  message: string;
}

export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  readonly issues: readonly RuleIssue[];

  constructor(code: AnalysisErrorCode, detail?: string, issues: readonly RuleIssue[] = [], options?: { cause?: unknown }) {
    const base = ANALYSIS_ERRORS[code];
    const list = issues.length > 0 ? '\n' + issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n') : '';
    super(`${base}${detail ? `: ${detail}` : ''}${list}`, options);
    this.name = 'AnalysisError';
    this.code = code;
    this.issues = issues;
  }
}

export function isAnalysisError(err: unknown, code?: AnalysisErrorCode): err is AnalysisError {
  return err instanceof AnalysisError && (code === undefined || err.code === code);
}
