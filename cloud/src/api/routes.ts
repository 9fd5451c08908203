import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { PipelineError, isPipelineError } from '../errors.js';
import { enrolVoice } from '../enrolment/voiceprint.js';
import { customerRoutes } from './customer-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { parsePhoneMetadata } from '../ingest/phone-metadata.js';
import { keyPointRates } from '../metrics/rates.js';
import { mergeConversationProfile } from '../profile/merge.js';
import type { StageName } from '../model/conversation.js';
import type { PipelineServices } from '../pipeline/create.js';
import { pinyinSyllables, segmentWords } from '../search/segmenter.js';
import { buildTextQuery } from '../search/text-query.js';
import { peaksRoute } from './peaks-route.js';
import { reviewRoutes } from './review-routes.js';
import { rulesRoutes } from './rules-routes.js';
import type { ConversationFilter } from '../store/conversation-store.js';
import {
  customerQuery,
  directoryBody,
  idParams,
  linkCustomerBody,
  listQuery,
  rerunBody,
  reviewBody,
  reviewParams,
  rerunAllBody,
  rollupQuery,
  vocQuery,
  type ListQuery,
  type RollupQuery,
} from './schemas.js';

const MIME = { wav: 'audio/wav', ogg_opus: 'audio/ogg', mp3: 'audio/mpeg' } as const;

function filterFrom(q: ListQuery): ConversationFilter {
  const f: ConversationFilter = {};
  if (q.channel) f.channel = q.channel;
  if (q.branchId) f.branchId = q.branchId;
  if (q.teamId) f.teamId = q.teamId;
  if (q.staffId) f.staffId = q.staffId;
  if (q.customerId) f.customerId = q.customerId;
  if (q.from !== undefined) f.from = q.from;
  if (q.to !== undefined) f.to = q.to;
  if (q.state) f.state = q.state;
  if (q.tag) f.tag = q.tag;
  if (q.severity) f.severity = q.severity;
  if (q.rule) f.complianceRule = q.rule;
  if (q.reviewState) f.reviewState = q.reviewState;
  if (q.hasGaps !== undefined) f.hasGaps = q.hasGaps;
  if (q.keyPoint) {
    f.keyPoint = { point: q.keyPoint };
    if (q.raised !== undefined) f.keyPoint.raised = q.raised;
    if (q.toStandard !== undefined) f.keyPoint.toStandard = q.toStandard;
  }
  if (q.q) {
    const t = buildTextQuery(q.q, q.mode ?? 'pinyin');
    if (t) f.text = t;
  }
  return f;
}

function parseTagFilter(s: string): { family: string; tag: string; value?: string } {
  const [path, value] = s.split('=');
  const [family, tag] = (path ?? '').split('.');
  return value ? { family: family!, tag: tag!, value } : { family: family!, tag: tag! };
}

/** Segment lines of a conversation that match the search (for result snippets). */
function matchingLines(s: PipelineServices, id: string, q: string): Array<{ index: number; text: string; startMs: number | null }> {
  const words = segmentWords(q, 'query');
  const phrase = pinyinSyllables(q).join(' ');
  const out = [];
  for (const seg of s.store.getSegments(id)) {
    const hit = words.some((w) => seg.text.toLowerCase().includes(w)) || (phrase && pinyinSyllables(seg.text).join(' ').includes(phrase));
    if (hit) out.push({ index: seg.index, text: seg.text, startMs: seg.startMs });
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * The pipeline's HTTP API (TypeBox-validated). Mounted by the main job under
 * a prefix; `build()` serves it standalone.
 */
export function apiRoutes(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    // The host app may already have multipart support (registering it twice would clash); limits are per request below.
    if (!app.hasRequestDecorator('isMultipart')) await app.register(multipart);
    const uploadLimits = { fileSize: s.config.upload.maxBytes, files: 1, fields: 4, fieldSize: 8 * 1024 * 1024 };

    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (isPipelineError(err)) {
        if (err.statusCode >= 500) req.log.error({ code: err.code, err: err.message }, 'request failed');
        else req.log.warn({ code: err.code, err: err.message }, 'request rejected');
        return reply.status(err.statusCode).send({ error: err.code, message: err.message });
      }
      if (err.validation) {
        return reply.status(400).send({ error: 'BAD_REQUEST', message: err.message });
      }
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
      if (status >= 500) req.log.error({ err }, 'request failed');
      return reply.status(status).send({ error: status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: err.message });
    });

    for (const routes of [dashboardRoutes(s), customerRoutes(s)]) await app.register(routes);

    await app.register(rulesRoutes(s));
    await app.register(reviewRoutes(s));
    await app.register(peaksRoute(s));

    app.get('/status', async () => ({
      speakerEmbedding: s.context.embedder ? { available: true, model: s.context.embedder.description } : { available: false },
      asr: s.context.asr ? { available: true, engine: s.context.asr.description } : { available: false, reason: s.context.asrUnavailableReason },
      rulesVersion: s.rules.current().version,
      conversations: {
        processing: s.store.countConversations({ state: 'processing' }),
        awaitingTranscription: s.store.countConversations({ state: 'awaiting_transcription' }),
        analyzed: s.store.countConversations({ state: 'analyzed' }),
        failed: s.store.countConversations({ state: 'failed' }),
      },
    }));

    app.get('/conversations', { schema: { querystring: listQuery } }, async (req) => {
      const q = req.query as ListQuery;
      const filter = filterFrom(q);
      const page = s.store.listConversations(filter, { limit: q.limit, cursor: q.cursor ?? null });
      return {
        items: page.items.map((c) => (q.q ? { ...c, matches: matchingLines(s, c.id, q.q) } : c)),
        nextCursor: page.nextCursor,
        ...(q.count ? { total: s.store.countConversations(filter) } : {}),
      };
    });

    app.get('/conversations/:id', { schema: { params: idParams } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const d = s.store.getDetail(id);
      if (!d) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      s.audit({ action: 'conversation.view', conversationId: id, requestId: req.id, ip: req.ip, at: Date.now() });
      const customer = d.customerId ? s.store.getProfile(d.customerId) : null;
      return { ...d, customerProfile: customer };
    });

    app.get('/conversations/:id/audio', { schema: { params: idParams } }, async (req, reply) => {
      const { id } = req.params as Static<typeof idParams>;
      const c = s.store.getConversation(id);
      if (!c?.audioPath || !c.audioFormat) throw new PipelineError('NOT_FOUND', `recording of ${id}`);
      const file = s.audio.absolute(c.audioPath);
      if (!req.headers.range || /^bytes=0-/.test(req.headers.range)) {
        // one entry per playback, not per range request of the same playback
        s.audit({ action: 'recording.play', conversationId: id, requestId: req.id, ip: req.ip, at: Date.now() });
      }
      const size = (await stat(file)).size;
      reply.header('accept-ranges', 'bytes').type(MIME[c.audioFormat]);
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
        if (start >= size || start > end) return reply.status(416).header('content-range', `bytes */${size}`).send();
        reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`).header('content-length', end - start + 1);
        return reply.send(createReadStream(file, { start, end }));
      }
      reply.header('content-length', size);
      return reply.send(createReadStream(file));
    });

    app.post('/conversations/:id/rerun', { schema: { params: idParams, body: rerunBody } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const body = (req.body ?? {}) as Static<typeof rerunBody>;
      const stages = s.store.getStages(id);
      if (stages.length === 0) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      let from = (body.fromStage as StageName | undefined) ?? stages.find((x) => x.state === 'failed')?.stage ?? 'analyze';
      // Decoded audio is deleted once a conversation is indexed: audio stages start again from decode.
      if (from === 'vad' || from === 'roles' || from === 'transcribe') from = 'decode';
      s.store.rerunFrom(id, from, Date.now());
      s.runner.kick();
      return { conversationId: id, fromStage: from };
    });

    app.put('/conversations/:id/customer', { schema: { params: idParams, body: linkCustomerBody } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const body = req.body as Static<typeof linkCustomerBody>;
      const conv = s.store.getConversation(id);
      if (!conv) throw new PipelineError('NOT_FOUND', `conversation ${id}`);
      let customerId = body.customerId ?? null;
      if (!customerId && body.phone) {
        customerId =
          s.store.findCustomerByPhone(body.phone)?.id ??
          s.store.upsertCustomer({ id: `tel-${body.phone.replace(/^\+/, '')}`, phone: body.phone, name: body.name ?? null }).id;
      }
      if (!customerId) throw new PipelineError('BAD_REQUEST', 'customerId or phone is required');
      if (!s.store.getCustomer(customerId)) s.store.upsertCustomer({ id: customerId, phone: body.phone ?? null, name: body.name ?? null });
      const previous = conv.customerId;
      s.store.setCustomer(id, customerId);
      if (previous && previous !== customerId) s.store.replaceProfileObservations(id, customerId, []);
      // Profile tags move with the conversation.
      mergeConversationProfile(s.store, s.context.taxonomy, id);
      return { conversationId: id, customerId };
    });

    app.post('/hits/:kind/:hitId/review', { schema: { params: reviewParams, body: reviewBody } }, async (req) => {
      const { kind, hitId } = req.params as Static<typeof reviewParams>;
      const body = req.body as Static<typeof reviewBody>;
      if (body.state === 'dismissed' && !body.reason?.trim()) {
        throw new PipelineError('BAD_REQUEST', 'dismissing a hit needs a reason');
      }
      const r = s.store.review(kind, hitId, { state: body.state, reason: body.reason ?? null, reviewer: body.reviewer }, Date.now());
      if (!r) throw new PipelineError('NOT_FOUND', `${kind} hit ${hitId}`);
      s.audit({
        action: kind === 'tag' ? 'review.tag' : kind === 'keyPoint' ? 'review.keyPoint' : 'review.compliance',
        conversationId: r.conversationId,
        details: { hitId, state: body.state, reason: body.reason ?? null },
        requestId: req.id,
        ip: req.ip,
        at: Date.now(),
      });
      if (kind === 'tag') {
          mergeConversationProfile(s.store, s.context.taxonomy, r.conversationId);
      }
      return { conversationId: r.conversationId, hitId, state: body.state };
    });

    app.get('/customers', { schema: { querystring: customerQuery } }, async (req) => {
      const q = req.query as Static<typeof customerQuery>;
      return { items: s.store.findCustomersByTags((q.tag ?? []).map(parseTagFilter), q.limit) };
    });

    app.get('/customers/:id', { schema: { params: idParams } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const profile = s.store.getProfile(id);
      if (!profile) throw new PipelineError('NOT_FOUND', `customer ${id}`);
      const conversations = s.store.listConversations({ customerId: id }, { limit: 200 }).items;
      return { ...profile, conversations };
    });

    app.get('/metrics/key-points', { schema: { querystring: rollupQuery } }, async (req) => {
      const q = req.query as RollupQuery;
      const { by, ...filter } = q;
      return { by, rows: keyPointRates(s.store.keyPointCounts(by, filter)) };
    });

    app.get('/metrics/compliance', { schema: { querystring: rollupQuery } }, async (req) => {
      const q = req.query as RollupQuery;
      const { by, ...filter } = q;
      return { by, rows: s.store.complianceCounts(by, filter) };
    });

    app.get('/metrics/overview', { schema: { querystring: rollupQuery } }, async (req) => {
      const { by: _by, ...filter } = req.query as RollupQuery;
      return s.store.overview(filter);
    });

    app.get('/metrics/voc', { schema: { querystring: vocQuery } }, async (req) => {
      const { limit, ...filter } = req.query as Static<typeof vocQuery>;
      return { items: s.store.vocItems(filter, limit) };
    });

    app.get('/rules', async () => {
      const set = s.rules.current();
      return { version: set.version, rules: set.rules.length, sources: set.sources };
    });

    app.post('/rules/reload', async (_req, reply) => {
      const r = s.rules.reload();
      if (r.ok) return { version: r.version };
      return reply.status(422).send({ error: 'RULES_INVALID', message: r.error.message, issues: r.error.issues });
    });

    app.post('/rules/rerun', { schema: { body: rerunAllBody } }, async (req) => {
      const { by: _by, ...filter } = (req.body ?? {}) as RollupQuery;
      const queued = s.store.rerunAll('analyze', filter, Date.now());
      s.runner.kick();
      return { queued, rulesVersion: s.rules.current().version };
    });

    for (const kind of ['staff', 'teams', 'branches'] as const) {
      app.put(`/directory/${kind}/:id`, { schema: { params: idParams, body: directoryBody } }, async (req) => {
        const { id } = req.params as Static<typeof idParams>;
        const b = req.body as Static<typeof directoryBody>;
        if (kind === 'staff') s.store.upsertStaff({ id, name: b.name ?? null, teamId: b.teamId ?? null, branchId: b.branchId ?? null });
        else if (kind === 'teams') s.store.upsertTeam({ id, name: b.name ?? null, branchId: b.branchId ?? null });
        else s.store.upsertBranch({ id, name: b.name ?? null });
        return { id };
      });
    }
    app.put('/directory/staff/:id/voice', { schema: { params: idParams } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      if (!req.isMultipart()) throw new PipelineError('BAD_REQUEST', 'expected multipart/form-data with an audio file');
      const incoming = join(s.context.dataDir, 'incoming');
      await mkdir(incoming, { recursive: true });
      const tmp = join(incoming, `${randomBytes(8).toString('hex')}.voice`);
      try {
        const part = await req.file({ limits: uploadLimits });
        if (!part || part.fieldname !== 'audio') throw new PipelineError('BAD_REQUEST', 'the audio file field is missing');
        await streamPipeline(part.file, createWriteStream(tmp));
        if (part.file.truncated) throw new PipelineError('PAYLOAD_TOO_LARGE', `more than ${s.config.upload.maxBytes} bytes`);
        if (!s.store.getStaff(id)) s.store.upsertStaff({ id, name: null, teamId: null, branchId: null });
        const print = await enrolVoice({ store: s.store, embedder: s.context.embedder, vad: s.config.vad }, id, tmp);
        return { staffId: id, speechMs: print.speechMs, dim: print.embedding.length, model: print.model };
      } finally {
        await rm(tmp, { force: true });
      }
    });

    app.get('/directory', async () => ({
      branches: s.store.listBranches(),
      teams: s.store.listTeams(),
      staff: s.store.listStaff(),
    }));

    app.post('/calls', async (req, reply) => {
      if (!req.isMultipart()) throw new PipelineError('BAD_REQUEST', 'expected multipart/form-data with metadata and audio');
      const incoming = join(s.context.dataDir, 'incoming');
      await mkdir(incoming, { recursive: true });
      const tmp = join(incoming, `${randomBytes(8).toString('hex')}.upload`);
      let metadata: string | null = null;
      let haveAudio = false;
      try {
        for await (const part of req.parts({ limits: uploadLimits })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'audio') throw new PipelineError('BAD_REQUEST', `unexpected file field ${part.fieldname}`);
            await streamPipeline(part.file, createWriteStream(tmp));
            if (part.file.truncated) throw new PipelineError('PAYLOAD_TOO_LARGE', `more than ${s.config.upload.maxBytes} bytes`);
            haveAudio = true;
          } else if (part.fieldname === 'metadata') {
            metadata = String(part.value);
          }
        }
        if (metadata === null) throw new PipelineError('METADATA_INVALID', 'the metadata field is missing');
        const meta = parsePhoneMetadata(metadata);
        const r = await s.ingestPhone(meta, haveAudio ? tmp : null, { move: true });
        return reply.status(r.created ? 201 : 200).send(r);
      } finally {
        await rm(tmp, { force: true });
      }
    });
  };
}
