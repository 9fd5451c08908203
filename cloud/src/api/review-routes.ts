/**
 * Review of profile tags and key-point results on the conversation page
 * (compliance hits have POST /hits/compliance/:id/review):
 *
 * - a tag is confirmed, corrected (with the right value of the same tag;
 *   the customer's profile then carries the corrected value) or rejected;
 * - a key-point result is marked right or wrong;
 * - `reset` makes either pending again.
 *
 * The review is stored with the reviewer (the main job puts the signed-in
 * user in `reviewer`) and the time, and audited. Reviewed results are never
 * overwritten by a re-run (see ConversationStore.replaceAnalysis).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { PipelineError } from '../errors.js';
import type { ReviewState } from '../model/conversation.js';
import type { PipelineServices } from '../pipeline/create.js';
import { mergeConversationProfile } from '../profile/merge.js';

const hitParams = Type.Object({ hitId: Type.Integer({ minimum: 1 }) });
const Reason = Type.String({ maxLength: 1000 });
const Reviewer = Type.String({ minLength: 1, maxLength: 100 });

const tagReviewBody = Type.Object(
  {
    action: Type.Union([Type.Literal('confirm'), Type.Literal('correct'), Type.Literal('reject'), Type.Literal('reset')]),
    /** correct: the right value of the tag (a value of the same family.tag in the taxonomy). */
    value: Type.Optional(Type.String({ pattern: '^[a-z0-9_]{1,64}$' })),
    reason: Type.Optional(Reason),
    reviewer: Reviewer,
  },
  { additionalProperties: false },
);

const keyPointReviewBody = Type.Object(
  {
    verdict: Type.Union([Type.Literal('right'), Type.Literal('wrong'), Type.Literal('reset')]),
    reason: Type.Optional(Reason),
    reviewer: Reviewer,
  },
  { additionalProperties: false },
);

export function reviewRoutes(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.post('/reviews/tag/:hitId', { schema: { params: hitParams, body: tagReviewBody } }, async (req) => {
      const { hitId } = req.params as Static<typeof hitParams>;
      const b = req.body as Static<typeof tagReviewBody>;
      const conversationId = s.store.hitConversation('tag', hitId);
      const hit = conversationId ? s.store.getDetail(conversationId)?.tags.find((t) => t.id === hitId) : undefined;
      if (!conversationId || !hit) throw new PipelineError('NOT_FOUND', `tag ${hitId}`);
      let correctedValue: string | null = null;
      if (b.action === 'correct') {
        const values = s.context.taxonomy.profile[hit.family]?.[hit.tag]?.values ?? {};
        if (!b.value) throw new PipelineError('BAD_REQUEST', 'a correction needs the right value');
        if (!(b.value in values)) throw new PipelineError('BAD_REQUEST', `"${b.value}" is not a value of ${hit.family}.${hit.tag}`);
        if (b.value === hit.value) throw new PipelineError('BAD_REQUEST', 'the corrected value is the value found: confirm it instead');
        correctedValue = b.value;
      } else if (b.value !== undefined) {
        throw new PipelineError('BAD_REQUEST', 'only a correction takes a value');
      }
      const state: ReviewState = b.action === 'reject' ? 'dismissed' : b.action === 'reset' ? 'pending' : 'confirmed';
      const reason = b.action === 'reset' ? null : b.reason?.trim() || null;
      s.store.review('tag', hitId, { state, reason, reviewer: b.reviewer, correctedValue }, Date.now());
      mergeConversationProfile(s.store, s.context.taxonomy, conversationId);
      s.audit({
        action: 'review.tag',
        conversationId,
        details: { hitId, tag: `${hit.family}.${hit.tag}`, value: hit.value, action: b.action, correctedValue, reason },
        requestId: req.id,
        ip: req.ip,
        at: Date.now(),
      });
      const review = s.store.getDetail(conversationId)?.tags.find((t) => t.id === hitId)?.review;
      return { conversationId, hitId, review };
    });

    app.post('/reviews/key-point/:hitId', { schema: { params: hitParams, body: keyPointReviewBody } }, async (req) => {
      const { hitId } = req.params as Static<typeof hitParams>;
      const b = req.body as Static<typeof keyPointReviewBody>;
      const conversationId = s.store.hitConversation('keyPoint', hitId);
      const kp = conversationId ? s.store.getDetail(conversationId)?.keyPoints.find((k) => k.id === hitId) : undefined;
      if (!conversationId || !kp) throw new PipelineError('NOT_FOUND', `key-point result ${hitId}`);
      const state: ReviewState = b.verdict === 'right' ? 'confirmed' : b.verdict === 'wrong' ? 'dismissed' : 'pending';
      const reason = b.verdict === 'reset' ? null : b.reason?.trim() || null;
      s.store.review('keyPoint', hitId, { state, reason, reviewer: b.reviewer }, Date.now());
      s.audit({
        action: 'review.keyPoint',
        conversationId,
        details: { hitId, point: kp.point, applicable: kp.applicable, raised: kp.raised, toStandard: kp.toStandard, verdict: b.verdict, reason },
        requestId: req.id,
        ip: req.ip,
        at: Date.now(),
      });
      const review = s.store.getDetail(conversationId)?.keyPoints.find((k) => k.id === hitId)?.review;
      return { conversationId, hitId, review };
    });
  };
}
