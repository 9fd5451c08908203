import type { StageHandler } from './context.js';

/** Search index: the whole transcript, segmented (jieba) and in pinyin on the analysis pool, replaces the conversation's entry. */
export const indexStage: StageHandler = async (ctx, c) => {
  const segments = ctx.store.getSegments(c.id);
  const text = segments.map((s) => s.text).join('\n');
  ctx.store.indexTranscript(c.id, await ctx.analysis.index(text));
  await ctx.pcm.remove(c.id);
  return { kind: 'done' };
};
