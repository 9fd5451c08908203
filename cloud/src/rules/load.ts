/**
 * Reading rule sets from disk. A rule set is one YAML/JSON file, or a
 * directory of them: `ruleset.yaml` carries version/defaults/lexicons/patterns, every
 * other file contributes `rules` (and may add lexicons and patterns). Files merge in name
 * order so the result does not depend on the file system.
 */
import { readFileSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { AnalysisError } from '../analysis/errors.js';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { validateRuleSet, type RuleSet } from './schema.js';

/** The shipped default rule set: cloud/rules/. */
export const DEFAULT_RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');

const RULE_FILE = /\.(ya?ml|json)$/i;

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AnalysisError('RULES_UNREADABLE', file, [], { cause: err });
  }
  try {
    return file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new AnalysisError('RULES_INVALID', `${path.basename(file)} does not parse: ${(err as Error).message}`, [], { cause: err });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merge the documents of a rule directory into one raw rule set. */
export function readRuleDocuments(dirOrFile: string): { raw: Record<string, unknown>; files: string[] } {
  let st;
  try {
    st = statSync(dirOrFile);
  } catch (err) {
    throw new AnalysisError('RULES_UNREADABLE', dirOrFile, [], { cause: err });
  }
  if (!st.isDirectory()) {
    const doc = readDocument(dirOrFile);
    if (!isRecord(doc)) throw new AnalysisError('RULES_INVALID', `${path.basename(dirOrFile)} must hold an object`);
    return { raw: doc, files: [dirOrFile] };
  }
  const files = readdirSync(dirOrFile).filter((f) => RULE_FILE.test(f)).sort().map((f) => path.join(dirOrFile, f));
  if (files.length === 0) throw new AnalysisError('RULES_UNREADABLE', `${dirOrFile} holds no .yaml/.yml/.json rule files`);
  const merged: Record<string, unknown> = { rules: [] as unknown[], lexicons: {} as Record<string, unknown>, patterns: {} as Record<string, unknown> };
  for (const file of files) {
    const doc = readDocument(file);
    const name = path.basename(file);
    if (doc === null || doc === undefined) continue;
    if (!isRecord(doc)) throw new AnalysisError('RULES_INVALID', `${name} must hold an object`);
    for (const [k, val] of Object.entries(doc)) {
      if (k === 'rules') {
        if (!Array.isArray(val)) throw new AnalysisError('RULES_INVALID', undefined, [{ path: `${name}: rules`, message: 'must be a list' }]);
        (merged['rules'] as unknown[]).push(...val);
      } else if (k === 'lexicons' || k === 'patterns') {
        if (!isRecord(val)) throw new AnalysisError('RULES_INVALID', undefined, [{ path: `${name}: ${k}`, message: 'must be an object' }]);
        const named = merged[k] as Record<string, unknown>;
        for (const [lk, lv] of Object.entries(val)) {
          if (lk in named) throw new AnalysisError('RULES_INVALID', undefined, [{ path: `${name}: ${k}.${lk}`, message: 'defined in more than one file' }]);
          named[lk] = lv;
        }
      } else if (k === 'version' || k === 'defaults' || k === 'homophones') {
        if (k in merged) throw new AnalysisError('RULES_INVALID', undefined, [{ path: `${name}: ${k}`, message: 'set in more than one file' }]);
        merged[k] = val;
      } else {
        throw new AnalysisError('RULES_INVALID', undefined, [{ path: `${name}: ${k}`, message: 'unknown top-level field' }]);
      }
    }
  }
  return { raw: merged, files };
}

export function loadRuleSet(dirOrFile: string = DEFAULT_RULES_DIR, taxonomy?: Taxonomy): RuleSet {
  const { raw, files } = readRuleDocuments(dirOrFile);
  const set = validateRuleSet(raw, taxonomy);
  return { ...set, sources: files };
}

/**
 * A rule set that can be replaced while the service runs. `reload()` swaps
 * the set only when the new files validate; otherwise the previous set stays
 * active and the error is returned (and given to onError when watching).
 */
export class RuleSetStore {
  private set: RuleSet;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dirOrFile: string = DEFAULT_RULES_DIR, private readonly taxonomy?: Taxonomy) {
    this.set = loadRuleSet(dirOrFile, taxonomy);
  }

  current(): RuleSet {
    return this.set;
  }

  reload(): { ok: true; version: string } | { ok: false; error: AnalysisError } {
    try {
      this.set = loadRuleSet(this.dirOrFile, this.taxonomy);
      return { ok: true, version: this.set.version };
    } catch (err) {
      if (err instanceof AnalysisError) return { ok: false, error: err };
      throw err;
    }
  }

  /** Reload (debounced) whenever a rule file changes. */
  watch(onReload: (r: ReturnType<RuleSetStore['reload']>) => void, debounceMs = 200): void {
    if (this.watcher) return;
    this.watcher = watch(this.dirOrFile, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => onReload(this.reload()), debounceMs);
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
