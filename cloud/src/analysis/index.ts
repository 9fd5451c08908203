/**
 * The analysis engine's public API (the pipeline's analysis stage, the eval
 * tool and the API use only this module).
 */
export type {
  Role, Turn, AnalysisInput, Evidence, ProfileHit, Severity, ComplianceHit, KeyPointResult, VocKind, VocItem, Summary, AnalysisResult,
} from './types.js';
export { analyze } from './engine.js';
export { loadTaxonomy, parseTaxonomy, DEFAULT_TAXONOMY_PATH, type Taxonomy, type TaxonomyTag } from './taxonomy.js';
export { AnalysisError, isAnalysisError, ANALYSIS_ERRORS, type AnalysisErrorCode, type RuleIssue } from './errors.js';
export { loadRuleSet, RuleSetStore, DEFAULT_RULES_DIR, readRuleDocuments } from '../rules/load.js';
export { validateRuleSet, type RuleSet, type Rule, type Condition, type Matcher } from '../rules/schema.js';
