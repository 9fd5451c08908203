/**
 * Reading rule sets from disk. A rule set is one YAML/JSON file, or a
 * directory of them: `ruleset.yaml` carries version/defaults/lexicons/patterns, every
 * other file contributes `rules` (and may add lexicons and patterns). Files merge in name
 * order so the result does not depend on the file system.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { AnalysisError } from '../analysis/errors.js';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { validateRuleSet, type RuleSet } from './schema.js';
import { DEFAULT_TAGGER_PATH, loadTaggerModel, type TaggerModel } from '../analysis/learned/tagger-model.js';

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

export interface RuleSetOptions {
  /**
   * The learned tagger to run beside the rules. Left out: the shipped model
   * (cloud/models/turn-tagger.json) with the shipped rules, none with any other
   * rules (it was trained with the shipped rules' outputs). `null`: none.
   */
  tagger?: TaggerModel | null;
}

let shippedTagger: TaggerModel | undefined;

/** The shipped tagger model, read once per process. */
export function shippedTaggerModel(): TaggerModel {
  shippedTagger ??= loadTaggerModel(DEFAULT_TAGGER_PATH);
  return shippedTagger;
}

function taggerFor(dirOrFile: string, opts: RuleSetOptions): TaggerModel | undefined {
  if (opts.tagger !== undefined) return opts.tagger ?? undefined;
  return path.resolve(dirOrFile) === DEFAULT_RULES_DIR ? shippedTaggerModel() : undefined;
}

function withTagger(set: RuleSet, tagger: TaggerModel | undefined): RuleSet {
  return tagger ? { ...set, tagger } : set;
}

export function loadRuleSet(dirOrFile: string = DEFAULT_RULES_DIR, taxonomy?: Taxonomy, opts: RuleSetOptions = {}): RuleSet {
  const { raw, files } = readRuleDocuments(dirOrFile);
  const set = validateRuleSet(raw, taxonomy);
  return withTagger({ ...set, sources: files }, taggerFor(dirOrFile, opts));
}

/** Canonical JSON (object keys sorted) so equal rule sets hash equally whatever their file layout. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** SHA-256 of a raw rule document's canonical JSON: identifies its content. */
export function ruleDocumentHash(raw: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(raw)).digest('hex');
}

/** What the rule files on disk hold: the merged raw document, its hash and the compiled set. */
export interface RuleFilesSnapshot {
  raw: Record<string, unknown>;
  hash: string;
  set: RuleSet;
}

/**
 * A rule set that can be replaced while the service runs. `reload()` swaps
 * in the files' set only when they validate and their content changed;
 * otherwise the previous set stays active and the error is returned (and
 * given to onError when watching). `use()` activates a set that did not come
 * from the files (a version edited through the API or restored from history).
 */
export class RuleSetStore {
  private set: RuleSet;
  private files: RuleFilesSnapshot;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(files: RuleFilesSnapshot) => void>();
  private readonly tagger: TaggerModel | undefined;

  constructor(private readonly dirOrFile: string = DEFAULT_RULES_DIR, private readonly taxonomy?: Taxonomy, opts: RuleSetOptions = {}) {
    this.tagger = taggerFor(dirOrFile, opts);
    this.files = this.readFiles();
    this.set = this.files.set;
  }

  private readFiles(): RuleFilesSnapshot {
    const { raw, files } = readRuleDocuments(this.dirOrFile);
    const set = withTagger({ ...validateRuleSet(raw, this.taxonomy), sources: files }, this.tagger);
    return { raw, hash: ruleDocumentHash(raw), set };
  }

  current(): RuleSet {
    return this.set;
  }

  /** The rule files as last read (whether or not they are the active set). */
  filesSnapshot(): RuleFilesSnapshot {
    return this.files;
  }

  /** Makes `set` the active rule set (already validated by the caller); the store's tagger runs beside it. */
  use(set: RuleSet): void {
    this.set = set.tagger ? set : withTagger(set, this.tagger);
  }

  /** Called after a reload found new, valid rule files and made them active. */
  onFilesChanged(listener: (files: RuleFilesSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reload(): { ok: true; version: string } | { ok: false; error: AnalysisError } {
    let snap: RuleFilesSnapshot;
    try {
      snap = this.readFiles();
    } catch (err) {
      if (err instanceof AnalysisError) return { ok: false, error: err };
      throw err;
    }
    // An unchanged file (a touch, a spurious watch event) does not replace a set activated through use().
    if (snap.hash !== this.files.hash) {
      this.files = snap;
      this.set = snap.set;
      for (const l of this.listeners) l(snap);
    }
    return { ok: true, version: this.set.version };
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
