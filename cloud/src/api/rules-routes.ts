/**
 * The rules screens' API (under the pipeline prefix, e.g. /api/v1/cloud):
 * the rule-set history and what changed between two versions, one rule as YAML, validating and saving an edited
 * rule as a new version, reverting to a version, testing a draft on a pasted
 * dialogue, and background re-run jobs over past conversations.
 *
 * In the main job every POST here needs analysis:rules (admins), every GET
 * analysis:read. Changes are audited. The body field `reviewer` names who
 * acts; the main job replaces it with the signed-in user.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { analyze, isAnalysisError, type AnalysisResult } from '../analysis/index.js';
import { PipelineError } from '../errors.js';
import type { PipelineServices, RulesChangeEvent } from '../pipeline/create.js';
import { parseDialogue } from '../rules/dialogue-text.js';
import { RerunJobs } from '../rules/rerun-jobs.js';
import { RULE_ID_PATTERN, RuleVersions } from '../rules/versions.js';
import { STAGE_HANDLERS } from '../stages/index.js';
import type { RollupFilter } from '../store/conversation-store.js';

const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' });
const RuleId = Type.String({ pattern: RULE_ID_PATTERN });
const Version = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._+#-]{0,127}$' });
const Yaml = Type.String({ minLength: 1, maxLength: 64 * 1024 });
const Reviewer = Type.String({ minLength: 1, maxLength: 100 });

const versionQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });
const diffQuery = Type.Object({ from: Type.Optional(Version), to: Type.Optional(Version) }, { additionalProperties: false });
const ruleParams = Type.Object({ ruleId: RuleId });
const versionParams = Type.Object({ version: Version });
const jobParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

const draftBody = Type.Object(
  {
    /** The rule being edited; null or absent: a new rule. */
    ruleId: Type.Optional(Type.Union([RuleId, Type.Null()])),
    yaml: Yaml,
  },
  { additionalProperties: false },
);
const saveBody = Type.Object(
  {
    ruleId: Type.Optional(Type.Union([RuleId, Type.Null()])),
    yaml: Yaml,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    /** The version the editor started from (CONFLICT when another save came first). */
    expectedVersion: Type.Optional(Version),
    reviewer: Reviewer,
  },
  { additionalProperties: false },
);
const activateBody = Type.Object({ reviewer: Reviewer }, { additionalProperties: false });
const testBody = Type.Object(
  {
    /** With yaml: the draft replaces this rule (or is added when absent); without: the active rules as they are. */
    ruleId: Type.Optional(Type.Union([RuleId, Type.Null()])),
    yaml: Type.Optional(Yaml),
    dialogue: Type.String({ minLength: 1, maxLength: 50_000 }),
    channel: Type.Union([Type.Literal('phone'), Type.Literal('badge')], { default: 'badge' }),
  },
  { additionalProperties: false },
);
const jobBody = Type.Object(
  {
    from: Type.Optional(Type.Integer({ minimum: 0 })),
    to: Type.Optional(Type.Integer({ minimum: 0 })),
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('badge')])),
    branchId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    staffId: Type.Optional(Id),
    reviewer: Reviewer,
  },
  { additionalProperties: false },
);
const jobsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false });

/**
 * What the tested rule found, for the tester's highlighting. Profile and
 * compliance hits come from the rule evaluated on its own: in the whole set
 * another rule's finding for the same tag value or the same compliance rule
 * and turn may stand in for it. A key point's result is the whole set's
 * (every rule of the point and the compliance violations count).
 */
function findingsOf(isolated: AnalysisResult | null, full: AnalysisResult, rule: { kind?: unknown; point?: unknown } | null) {
  const keyPoint = rule?.kind === 'keyPoint' && typeof rule.point === 'string' ? { point: rule.point, ...full.keyPoints[rule.point] } : null;
  return { profile: isolated?.profile ?? [], compliance: isolated?.compliance ?? [], keyPoint };
}

export function rulesRoutes(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const versions = new RuleVersions({ store: s.store, rules: s.rules, taxonomy: s.context.taxonomy, logger: s.logger });
    // Before the stage runner starts: the version active before a restart is restored now.
    versions.init();
    const jobs = new RerunJobs({
      store: s.store,
      analyze: async (c) => {
        await STAGE_HANDLERS.analyze(s.context, c);
      },
      rulesVersion: () => s.rules.current().version,
      logger: s.logger,
      // as many at once as the stage runner runs stages
      concurrency: s.config.stages.concurrency,
    });
    app.addHook('onReady', async () => jobs.start());
    app.addHook('onClose', async () => {
      await jobs.stop();
      versions.close();
    });

    const audit = (req: FastifyRequest, action: RulesChangeEvent['action'], target: string, details: Record<string, unknown>) =>
      s.auditRules({ action, target, details, requestId: req.id, ip: req.ip, at: Date.now() });
    const invalid = (reply: FastifyReply, issues: unknown) =>
      reply.status(422).send({ error: 'RULES_INVALID', message: 'the rule does not validate', issues });

    app.get('/rules/versions', async () => ({ items: versions.history() }));

    app.get('/rules/diff', { schema: { querystring: diffQuery } }, async (req) => {
      const { from, to } = req.query as Static<typeof diffQuery>;
      return versions.diff({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
    });

    app.get('/rules/list', { schema: { querystring: versionQuery } }, async (req) => {
      const { version } = req.query as Static<typeof versionQuery>;
      return versions.list(version);
    });

    app.get('/rules/items/:ruleId', { schema: { params: ruleParams, querystring: versionQuery } }, async (req) => {
      const { ruleId } = req.params as Static<typeof ruleParams>;
      const { version } = req.query as Static<typeof versionQuery>;
      return versions.rule(ruleId, version);
    });

    app.post('/rules/validate', { schema: { body: draftBody } }, async (req) => {
      const b = req.body as Static<typeof draftBody>;
      const d = versions.draft(b.ruleId ?? null, b.yaml);
      return d.ok ? { ok: true, issues: [] } : { ok: false, issues: d.issues };
    });

    app.post('/rules/items', { schema: { body: saveBody } }, async (req, reply) => {
      const b = req.body as Static<typeof saveBody>;
      const r = versions.save({
        ruleId: b.ruleId ?? null,
        yaml: b.yaml,
        author: b.reviewer,
        note: b.note ?? null,
        ...(b.expectedVersion ? { expectedVersion: b.expectedVersion } : {}),
      });
      if (!r.ok) return invalid(reply, r.issues);
      audit(req, 'rules.save', r.version.version, { basedOn: r.version.basedOn, rule: b.ruleId ?? 'new', note: b.note ?? null });
      return reply.status(201).send({ version: r.version });
    });

    app.post('/rules/versions/:version/activate', { schema: { params: versionParams, body: activateBody } }, async (req) => {
      const { version } = req.params as Static<typeof versionParams>;
      const b = req.body as Static<typeof activateBody>;
      const before = s.rules.current().version;
      const info = versions.activate(version, b.reviewer);
      audit(req, 'rules.activate', version, { previous: before });
      return { version: info };
    });

    app.post('/rules/test', { schema: { body: testBody } }, async (req, reply) => {
      const b = req.body as Static<typeof testBody>;
      let turns;
      try {
        turns = parseDialogue(b.dialogue);
      } catch (err) {
        if (isAnalysisError(err, 'INPUT_INVALID')) return reply.status(400).send({ error: 'DIALOGUE_INVALID', message: err.message, issues: err.issues });
        throw err;
      }
      let set = s.rules.current();
      let rule: Record<string, unknown> | null = null;
      if (b.yaml !== undefined) {
        const d = versions.draft(b.ruleId ?? null, b.yaml);
        if (!d.ok) return invalid(reply, d.issues);
        // the draft runs with the learned tagger the active set runs with, as it would once saved
        const tagger = s.rules.current().tagger;
        set = tagger ? { ...d.set, tagger } : d.set;
        const r = (d.document['rules'] as unknown[])[d.index];
        rule = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : null;
      } else if (b.ruleId) {
        throw new PipelineError('BAD_REQUEST', 'send the rule text (yaml) to test');
      }
      const input = { conversationId: 'rule-test', channel: b.channel, turns };
      const result = analyze(input, set, s.context.taxonomy);
      const compiled = set.rules.find((r) => r.id === rule?.['id']);
      // the draft rule alone: no other rule, and no learned tagger
      const isolated = compiled ? analyze(input, { ...set, rules: [compiled], tagger: undefined }, s.context.taxonomy) : null;
      return { rulesVersion: set.version, draft: b.yaml !== undefined, turns, result, rule: findingsOf(isolated, result, rule) };
    });

    app.post('/rules/rerun-jobs', { schema: { body: jobBody } }, async (req, reply) => {
      const { reviewer, ...filter } = req.body as Static<typeof jobBody>;
      if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
        throw new PipelineError('BAD_REQUEST', 'from must be before to');
      }
      const job = jobs.create(filter as RollupFilter, reviewer);
      audit(req, 'rules.rerun.start', job.id, { filter, total: job.total, rulesVersion: job.rulesVersion });
      return reply.status(202).send(job);
    });

    app.get('/rules/rerun-jobs', { schema: { querystring: jobsQuery } }, async (req) => {
      const { limit } = req.query as Static<typeof jobsQuery>;
      return { items: jobs.list(limit) };
    });

    app.get('/rules/rerun-jobs/:id', { schema: { params: jobParams } }, async (req) => {
      const { id } = req.params as Static<typeof jobParams>;
      const job = jobs.get(id);
      if (!job) throw new PipelineError('NOT_FOUND', `re-run job ${id}`);
      return job;
    });

    app.post('/rules/rerun-jobs/:id/cancel', { schema: { params: jobParams } }, async (req) => {
      const { id } = req.params as Static<typeof jobParams>;
      const job = jobs.cancel(id);
      if (!job) throw new PipelineError('NOT_FOUND', `re-run job ${id}`);
      audit(req, 'rules.rerun.cancel', id, { done: job.done, total: job.total });
      return job;
    });
  };
}
