/**
 * The taxonomy (profile families/tags/values, compliance rules, key points)
 * the rules and the corpus are written against.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AnalysisError, type RuleIssue } from './errors.js';
import type { Severity } from './types.js';

export interface TaxonomyTag {
  zh: string;
  multi: boolean;
  values: Record<string, string>;
}

export interface Taxonomy {
  profile: Record<string, Record<string, TaxonomyTag>>;
  compliance: Record<string, { zh: string; severity: Severity }>;
  keyPoints: Record<string, { zh: string }>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Default location: ../shared/domain/taxonomy.json next to the repository. */
export const DEFAULT_TAXONOMY_PATH = path.resolve(REPO_ROOT, '../shared/domain/taxonomy.json');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SEVERITIES: readonly string[] = ['low', 'medium', 'high', 'critical'];

export function parseTaxonomy(raw: unknown): Taxonomy {
  const issues: RuleIssue[] = [];
  const out: Taxonomy = { profile: {}, compliance: {}, keyPoints: {} };
  if (!isRecord(raw)) throw new AnalysisError('TAXONOMY_INVALID', 'not an object');
  const profile = raw['profile'];
  if (!isRecord(profile)) issues.push({ path: 'profile', message: 'must be an object' });
  else {
    for (const [family, tags] of Object.entries(profile)) {
      if (!isRecord(tags)) { issues.push({ path: `profile.${family}`, message: 'must be an object' }); continue; }
      const fam: Record<string, TaxonomyTag> = {};
      for (const [tag, def] of Object.entries(tags)) {
        const p = `profile.${family}.${tag}`;
        if (!isRecord(def) || !isRecord(def['values'])) { issues.push({ path: p, message: 'needs a values object' }); continue; }
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(def['values'])) values[k] = String(v);
        fam[tag] = { zh: String(def['zh'] ?? tag), multi: def['multi'] === true, values };
      }
      out.profile[family] = fam;
    }
  }
  const compliance = isRecord(raw['compliance']) ? raw['compliance']['rules'] : undefined;
  if (!isRecord(compliance)) issues.push({ path: 'compliance.rules', message: 'must be an object' });
  else {
    for (const [id, def] of Object.entries(compliance)) {
      const sev = isRecord(def) ? String(def['severity'] ?? '') : '';
      if (!SEVERITIES.includes(sev)) issues.push({ path: `compliance.rules.${id}.severity`, message: `must be one of ${SEVERITIES.join(', ')}` });
      out.compliance[id] = { zh: isRecord(def) ? String(def['zh'] ?? id) : id, severity: (SEVERITIES.includes(sev) ? sev : 'medium') as Severity };
    }
  }
  const points = isRecord(raw['keyPoints']) ? raw['keyPoints']['points'] : undefined;
  if (!isRecord(points)) issues.push({ path: 'keyPoints.points', message: 'must be an object' });
  else for (const [id, def] of Object.entries(points)) out.keyPoints[id] = { zh: isRecord(def) ? String(def['zh'] ?? id) : id };
  if (issues.length > 0) throw new AnalysisError('TAXONOMY_INVALID', undefined, issues);
  return out;
}

export function loadTaxonomy(file: string = DEFAULT_TAXONOMY_PATH): Taxonomy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AnalysisError('TAXONOMY_UNREADABLE', file, [], { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AnalysisError('TAXONOMY_INVALID', `${file} is not JSON`, [], { cause: err });
  }
  return parseTaxonomy(raw);
}
