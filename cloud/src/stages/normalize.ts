import type { StageHandler } from './context.js';

/** Normalisation (numerals, amounts, width, fillers) of every segment, kept beside the original text; computed on the analysis pool. */
export const normalizeStage: StageHandler = async (ctx, c) => {
  const segments = ctx.store.getSegments(c.id);
  const normalized = await ctx.analysis.normalize(segments.map((s) => s.text));
  ctx.store.setNormalizedTexts(
    c.id,
    segments.map((s, i) => ({ index: s.index, normalizedText: normalized[i] ?? s.text })),
  );
  return { kind: 'done' };
};
