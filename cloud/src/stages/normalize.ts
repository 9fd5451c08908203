import { normalizeText } from '../normalize/index.js';
import type { StageHandler } from './context.js';

/** Normalisation (numerals, amounts, width, fillers) of every segment, kept beside the original text. */
export const normalizeStage: StageHandler = async (ctx, c) => {
  const segments = ctx.store.getSegments(c.id);
  ctx.store.setNormalizedTexts(
    c.id,
    segments.map((s) => ({ index: s.index, normalizedText: normalizeText(s.text) })),
  );
  return { kind: 'done' };
};
