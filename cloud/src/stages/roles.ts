import { cosineSimilarity } from '../asr/speaker-embedder.js';
import { PcmFiles } from '../audio/pcm-files.js';
import { describeError } from '../errors.js';
import type { Conversation, Role, Segment } from '../model/conversation.js';
import type { StageContext, StageHandler } from './context.js';
import { separateWearer } from './wearer-separation.js';

/**
 * When the wearer enrolled a voiceprint and an embedding model is configured,
 * segments long enough for an embedding are attributed by similarity to it;
 * the loudness decision stands for the rest, and for everything if the
 * embedder fails (enrolment is an optional refinement, never a blocker).
 */
async function refineWithVoiceprint(ctx: StageContext, c: Conversation, segments: Segment[]): Promise<number> {
  if (!ctx.embedder || !c.staffId) return 0;
  const print = ctx.store.getVoiceprint(c.staffId);
  if (!print || print.model !== ctx.embedder.description) return 0;
  const { threshold, minSegmentMs } = ctx.config.speakerEmbedding;
  let decided = 0;
  try {
    for (const s of segments) {
      if (s.startMs === null || s.endMs === null || s.endMs - s.startMs < minSegmentMs) continue;
      const samples = await ctx.pcm.read(c.id, s.channel, Math.floor((s.startMs / 1000) * PcmFiles.rate), Math.ceil((s.endMs / 1000) * PcmFiles.rate));
      const sim = cosineSimilarity(await ctx.embedder.embed(samples, PcmFiles.rate), print.embedding);
      s.role = sim >= threshold ? 'staff' : 'customer';
      decided++;
    }
  } catch (err) {
    const e = describeError(err);
    ctx.logger.warn({ conversationId: c.id, code: e.code, err: e.message }, 'voiceprint roles failed; keeping loudness roles');
  }
  return decided;
}

/**
 * Speaker roles. Phone: by channel (the metadata says which channel is the
 * agent; default 0) for stereo, call-system labels when a transcript came
 * with the call (already set), 'other' for mono without labels. Badge: the
 * wearer (staff) against everyone else by loudness, refined by the wearer's
 * enrolled voiceprint when configured.
 */
export const rolesStage: StageHandler = async (ctx, c) => {
  if (c.transcriptSource === 'call_system') return { kind: 'skipped' };
  const segments = ctx.store.getSegments(c.id);
  if (c.channel === 'badge') {
    const sep = separateWearer(
      segments.map((s) => s.levelDb ?? -120),
      ctx.config.roles.minWearerGapDb,
    );
    segments.forEach((s, i) => (s.role = sep.wearer[i] ? 'staff' : 'customer'));
    const byVoice = await refineWithVoiceprint(ctx, c, segments);
    ctx.logger.info({ conversationId: c.id, loudDb: sep.loudDb, quietDb: sep.quietDb, byVoice }, 'wearer separated');
  } else {
    const channels = await ctx.pcm.channels(c.id);
    const staffChannel = Number(c.source.staffChannel ?? 0);
    for (const s of segments) {
      const role: Role = channels < 2 ? 'other' : s.channel === staffChannel ? 'staff' : 'customer';
      s.role = role;
    }
  }
  ctx.store.replaceSegments(c.id, segments);
  return { kind: 'done' };
};
