import type { Logger } from 'pino';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { describeError } from '../errors.js';
import type { RuleSetStore } from '../rules/load.js';
import { validateRuleSet, type RuleSet } from '../rules/schema.js';
import type { ConversationStore } from '../store/conversation-store.js';

export interface ActiveRulesFollowerOptions {
  store: ConversationStore;
  /** The worker's rule set (the one its stages and analysis pool read). */
  rules: RuleSetStore;
  taxonomy: Taxonomy;
  logger: Logger;
  pollMs: number;
  /**
   * The active version's name only (one short row per poll). Default: the
   * store's getActiveRuleSetVersion(), which reads the whole version row.
   */
  activeVersion?: () => string | null;
}

/**
 * Keeps a pipeline worker's rules on the version the main job made active.
 * The rule-set history lives in the shared store (rules/versions.ts: an edit
 * saved or a version activated through the API, or new rule files recorded
 * at the main job's start); the worker reads which version is active every
 * `pollMs` and, when it differs from its own, loads that version's document
 * from the history, validates it and makes it current. The analysis pool
 * hands a changed set to its threads before their next task, so the next
 * analysis uses it. A version that does not validate here (a worker running
 * older code than the main job) is logged once and the previous rules stay.
 * Until the main job has recorded any version, the worker uses its own rule
 * files.
 */
export class ActiveRulesFollower {
  private timer: NodeJS.Timeout | null = null;
  private rejected: string | null = null;
  private readonly activeVersion: () => string | null;

  constructor(private readonly opts: ActiveRulesFollowerOptions) {
    this.activeVersion = opts.activeVersion ?? (() => opts.store.getActiveRuleSetVersion()?.version ?? null);
  }

  /** Reads the active version now and switches to it when it changed; returns the version in use. */
  check(): string {
    const { rules, logger } = this.opts;
    const active = this.activeVersion();
    const current = rules.current().version;
    if (active === null || active === current || active === this.rejected) return current;
    const record = this.opts.store.getRuleSetVersion(active);
    if (!record) {
      logger.warn({ version: active }, 'rules: the active version is not in the history; previous rules stay');
      return current;
    }
    let set: RuleSet;
    const files = rules.filesSnapshot();
    try {
      set =
        record.contentHash === files.hash && files.set.version === active
          ? files.set
          : { ...validateRuleSet(record.document, this.opts.taxonomy), sources: [`history:${active}`] };
    } catch (err) {
      this.rejected = active;
      logger.error({ version: active, err: describeError(err).message }, 'rules: the active version does not validate in this worker; previous rules stay');
      return current;
    }
    rules.use(set);
    this.rejected = null;
    logger.info({ version: active, previous: current }, 'rules: following the active version');
    return active;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      try {
        this.check();
      } catch (err) {
        // the store unreachable for a moment: the next poll tries again
        this.opts.logger.warn({ err: describeError(err).message }, 'rules: could not read the active version');
      }
      this.timer = setTimeout(tick, this.opts.pollMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, this.opts.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
