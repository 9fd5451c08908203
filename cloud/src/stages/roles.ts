import type { Role } from '../model/conversation.js';
import type { StageHandler } from './context.js';
import { separateWearer } from './wearer-separation.js';

/**
 * Speaker roles. Phone: by channel (the metadata says which channel is the
 * agent; default 0) for stereo, call-system labels when a transcript came
 * with the call (already set), 'other' for mono without labels. Badge: the
 * wearer (staff) against everyone else by loudness.
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
    ctx.logger.info({ conversationId: c.id, loudDb: sep.loudDb, quietDb: sep.quietDb }, 'wearer separated by loudness');
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
