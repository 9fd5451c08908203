/**
 * The rule-set history behind the rules screens: every version the pipeline
 * has analysed with (the shipped files, each edit made through the API) is
 * kept in the store with its author and time; exactly one is active.
 *
 * - At start the rule files are recorded (once per content). New file
 *   content wins (a deployment with new rules); otherwise the version that
 *   was active before the restart is restored.
 * - Saving an edited rule validates the whole set with the edit (against the
 *   taxonomy), records it as a new version `<base>+e<n>` and activates it.
 * - Activating an older version (revert) restores its document exactly.
 * - Rule files changed on disk while running are recorded and become active
 *   (RuleSetStore reloads them only when their content changed).
 */
import type { Logger } from 'pino';
import { AnalysisError, isAnalysisError } from '../analysis/errors.js';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { PipelineError } from '../errors.js';
import type { ConversationStore, RuleSetVersionInfo, RuleSetVersionRecord } from '../store/conversation-store.js';
import { ruleDocumentHash, type RuleFilesSnapshot, type RuleSetStore } from './load.js';
import { isRecord, locateIssues, parseRuleYaml, ruleToYaml, rulesOf, type LocatedIssue } from './rule-text.js';
import { validateRuleSet, type RuleSet } from './schema.js';
import { diffRuleSets, type RuleSetDiff } from './version-diff.js';

export interface RuleSummary {
  /** Position in the rule set. */
  index: number;
  id: string;
  kind: string;
  /** What the rule finds: family.tag=value, the compliance rule, the key point or the VoC kind. */
  target: string;
  severity: string | null;
  enabled: boolean;
  description: string | null;
}

export type DraftResult =
  | { ok: true; document: Record<string, unknown>; set: RuleSet; index: number }
  | { ok: false; issues: LocatedIssue[] };

function summarise(rule: unknown, index: number): RuleSummary {
  const r = isRecord(rule) ? rule : {};
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  const kind = s('kind');
  const target =
    kind === 'profile' ? `${s('family')}.${s('tag')}=${s('value')}` : kind === 'compliance' ? s('rule') : kind === 'keyPoint' ? s('point') : s('voc');
  return {
    index,
    id: s('id') || `#${index}`,
    kind,
    target,
    severity: s('severity') || null,
    enabled: r['enabled'] !== false,
    description: s('description') || null,
  };
}

/** A rule id as the API takes it in a URL: the ids the rule files use. */
export const RULE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$';

export class RuleVersions {
  private readonly now: () => number;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: { store: ConversationStore; rules: RuleSetStore; taxonomy: Taxonomy; logger: Logger; now?: () => number },
  ) {
    this.now = deps.now ?? Date.now;
  }

  /** Records the rule files and activates the right version (see the module comment); follows file changes after. */
  init(): void {
    const { store, rules, logger } = this.deps;
    const files = rules.filesSnapshot();
    const known = store.findRuleSetVersionByHash(files.hash);
    const active = store.getActiveRuleSetVersion();
    if (!known) {
      this.recordFiles(files);
    } else if (!active) {
      this.activateFiles(known, files);
    } else if (active.contentHash !== files.hash || active.version !== rules.current().version) {
      try {
        rules.use(this.compile(this.record(active.version).document));
        logger.info({ version: active.version }, 'rules: the version active before the restart is restored');
      } catch (err) {
        logger.error({ err, version: active.version }, 'rules: the stored active version no longer validates; the rule files are used');
        this.activateFiles(known, files);
      }
    }
    this.unsubscribe ??= rules.onFilesChanged((f) => {
      try {
        this.recordFiles(f);
      } catch (err) {
        logger.error({ err }, 'rules: could not record the changed rule files in the history');
      }
    });
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Activates the files' set under the version it was recorded as. */
  private activateFiles(info: RuleSetVersionInfo, files: RuleFilesSnapshot): void {
    this.deps.store.setActiveRuleSetVersion(info.version);
    this.deps.rules.use(info.version === files.set.version ? files.set : this.compile(this.record(info.version).document));
  }

  private recordFiles(files: RuleFilesSnapshot): void {
    const { store, rules } = this.deps;
    const known = store.findRuleSetVersionByHash(files.hash);
    if (known) {
      this.activateFiles(known, files);
      return;
    }
    // Files edited without bumping their version still get a version of their own in the history.
    let version = files.set.version;
    let document = files.raw;
    if (store.getRuleSetVersion(version)) {
      version = `${version}#${files.hash.slice(0, 8)}`;
      document = { ...files.raw, version };
    }
    const info = store.addRuleSetVersion({
      version,
      source: 'files',
      basedOn: null,
      author: 'system',
      note: files.set.sources.length > 0 ? `rule files: ${files.set.sources.length}` : null,
      contentHash: files.hash,
      document,
      createdAt: this.now(),
    });
    store.setActiveRuleSetVersion(info.version);
    rules.use(version === files.set.version ? files.set : this.compile(document));
    this.deps.logger.info({ version }, 'rules: rule files recorded in the history and active');
  }

  private compile(document: Record<string, unknown>): RuleSet {
    return { ...validateRuleSet(document, this.deps.taxonomy), sources: [`history:${String(document['version'])}`] };
  }

  private record(version: string): RuleSetVersionRecord {
    const r = this.deps.store.getRuleSetVersion(version);
    if (!r) throw new PipelineError('NOT_FOUND', `rule set version ${version}`);
    return r;
  }

  active(): RuleSetVersionRecord {
    const info = this.deps.store.getActiveRuleSetVersion();
    if (!info) throw new PipelineError('CONFLICT', 'no rule set version is active yet');
    return this.record(info.version);
  }

  history(): RuleSetVersionInfo[] {
    return this.deps.store.listRuleSetVersions();
  }

  /**
   * The rules of a version (the active one by default), summarised, with the
   * names of its shared regex fragments and word lists (the editor offers them).
   */
  list(version?: string): { version: RuleSetVersionInfo; rules: RuleSummary[]; shared: { patterns: string[]; lexicons: string[] } } {
    const rec = version ? this.record(version) : this.active();
    const { document, ...info } = rec;
    const names = (key: string) => (isRecord(document[key]) ? Object.keys(document[key]).sort() : []);
    return { version: info, rules: rulesOf(document).map(summarise), shared: { patterns: names('patterns'), lexicons: names('lexicons') } };
  }

  /**
   * What changed from one version to another. `to` defaults to the active
   * version; `from` to the version `to` was based on, or else the one
   * recorded just before it.
   */
  diff(opts: { from?: string; to?: string }): { from: RuleSetVersionInfo; to: RuleSetVersionInfo } & RuleSetDiff {
    const to = opts.to ? this.record(opts.to) : this.active();
    let fromVersion = opts.from ?? to.basedOn ?? undefined;
    if (!fromVersion) {
      // the history is newest first: the first older entry is the one recorded just before
      const earlier = this.history().find((v) => v.seq < to.seq);
      if (!earlier) throw new PipelineError('NOT_FOUND', `no version before ${to.version} to compare it with`);
      fromVersion = earlier.version;
    }
    const from = this.record(fromVersion);
    const { document: older, ...fromInfo } = from;
    const { document: newer, ...toInfo } = to;
    return { from: fromInfo, to: toInfo, ...diffRuleSets(older, newer) };
  }

  /** One rule of a version as editable YAML. */
  rule(id: string, version?: string): { version: string; rule: RuleSummary; yaml: string } {
    const rec = version ? this.record(version) : this.active();
    const rules = rulesOf(rec.document);
    const index = rules.findIndex((r) => isRecord(r) && r['id'] === id);
    if (index < 0) throw new PipelineError('NOT_FOUND', `rule ${id} in version ${rec.version}`);
    return { version: rec.version, rule: summarise(rules[index], index), yaml: ruleToYaml(rules[index]) };
  }

  /**
   * The active set with one rule replaced by the edited text (`ruleId` null:
   * a new rule appended), validated against the taxonomy. Problems with the
   * edited rule come back at their line in the text.
   */
  draft(ruleId: string | null, yaml: string): DraftResult {
    const parsed = parseRuleYaml(yaml);
    if (!parsed.ok) return parsed;
    const base = this.active().document;
    const rules = [...rulesOf(base)];
    let index = ruleId === null ? -1 : rules.findIndex((r) => isRecord(r) && r['id'] === ruleId);
    if (ruleId !== null && index < 0) throw new PipelineError('NOT_FOUND', `rule ${ruleId}`);
    if (index < 0) index = rules.push(parsed.rule) - 1;
    else rules[index] = parsed.rule;
    const document = { ...base, rules };
    try {
      return { ok: true, document, set: this.compile(document), index };
    } catch (err) {
      if (isAnalysisError(err, 'RULES_INVALID')) return { ok: false, issues: locateIssues(yaml, index, err.issues) };
      throw err;
    }
  }

  /**
   * Saves an edited rule as a new active version. `expectedVersion` (the
   * version the editor started from) guards against overwriting someone
   * else's save: CONFLICT when another version became active meanwhile.
   */
  save(opts: { ruleId: string | null; yaml: string; author: string; note?: string | null; expectedVersion?: string }):
    | { ok: true; version: RuleSetVersionInfo }
    | { ok: false; issues: LocatedIssue[] } {
    const base = this.active();
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== base.version) {
      throw new PipelineError('CONFLICT', `the rules changed since you opened them (now ${base.version}); reload and edit again`);
    }
    const d = this.draft(opts.ruleId, opts.yaml);
    if (!d.ok) return d;
    const rule = rulesOf(d.document)[d.index];
    const newId = isRecord(rule) ? rule['id'] : undefined;
    if (opts.ruleId !== null && newId !== opts.ruleId) {
      // renaming would orphan the findings stored under the old id
      return { ok: false, issues: locateIssues(opts.yaml, d.index, [{ path: `rules[${d.index}].id`, message: `keep the id ${opts.ruleId} (add a new rule for a new id)` }]) };
    }
    const version = this.nextEditVersion(base.version);
    const document = { ...d.document, version };
    const set = this.compile(document);
    const info = this.deps.store.addRuleSetVersion({
      version,
      source: 'edit',
      basedOn: base.version,
      author: opts.author,
      note: opts.note ?? null,
      contentHash: ruleDocumentHash(document),
      document,
      createdAt: this.now(),
    });
    this.deps.store.setActiveRuleSetVersion(version);
    this.deps.rules.use(set);
    this.deps.logger.info({ version, basedOn: base.version, rule: newId, author: opts.author }, 'rules: edited version saved and active');
    return { ok: true, version: { ...info, active: true } };
  }

  /** Makes an older (or newer) version of the history active again, exactly as it was. */
  activate(version: string, author: string): RuleSetVersionInfo {
    const rec = this.record(version);
    let set: RuleSet;
    try {
      set = this.compile(rec.document);
    } catch (err) {
      if (err instanceof AnalysisError) throw new PipelineError('CONFLICT', `version ${version} no longer validates: ${err.message}`);
      throw err;
    }
    this.deps.store.setActiveRuleSetVersion(version);
    this.deps.rules.use(set);
    this.deps.logger.info({ version, author }, 'rules: version activated');
    const { document: _document, ...info } = rec;
    return { ...info, active: true };
  }

  private nextEditVersion(base: string): string {
    const root = base.replace(/\+e\d+$/, '');
    let n = 0;
    const prefix = `${root}+e`;
    for (const v of this.deps.store.listRuleSetVersions()) {
      if (v.version.startsWith(prefix)) n = Math.max(n, Number(v.version.slice(prefix.length)) || 0);
    }
    return `${prefix}${n + 1}`;
  }
}
