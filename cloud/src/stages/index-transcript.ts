import { indexText } from '../search/segmenter.js';
import type { StageHandler } from './context.js';

/** Search index: the whole transcript, segmented and in pinyin, replaces the conversation's entry. */
export const indexStage: StageHandler = async (ctx, c) => {
  const segments = ctx.store.getSegments(c.id);
  const text = segments.map((s) => s.text).join('\n');
  ctx.store.indexTranscript(c.id, indexText(text));
  await ctx.pcm.remove(c.id);
  return { kind: 'done' };
};
