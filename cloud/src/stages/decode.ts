import { join } from 'node:path';
import { decodeFile, TARGET_RATE } from '../audio/decode.js';
import { PeakAccumulator, teeSink } from '../audio/peaks.js';
import { PipelineError } from '../errors.js';
import type { Conversation } from '../model/conversation.js';
import type { StageContext, StageHandler } from './context.js';

/**
 * The stored recording → 16 kHz float PCM files, one per channel, and the
 * waveform peaks the analyst app draws (same decode); returns the duration in ms.
 */
export async function decodeToPcm(ctx: StageContext, c: Conversation): Promise<number> {
  if (!c.audioPath) throw new PipelineError('AUDIO_MISSING', 'conversation has no recording', { retryable: false });
  const writer = await ctx.pcm.writer(c.id);
  const peaks = new PeakAccumulator();
  let result;
  try {
    result = await decodeFile(join(ctx.dataDir, c.audioPath), teeSink(writer, peaks));
  } finally {
    await writer.finish();
  }
  ctx.store.setWaveformPeaks(c.id, peaks.finish());
  const durationMs = Math.round((result.frames / TARGET_RATE) * 1000);
  ctx.logger.info(
    { conversationId: c.id, format: result.format, channels: result.channels, sourceRate: result.sourceRate, durationMs, decodeErrors: result.decodeErrors },
    'decoded',
  );
  return durationMs;
}

/** Decode: the stored recording → 16 kHz float PCM per channel (channels kept apart). */
export const decodeStage: StageHandler = async (ctx, c) => {
  // A call-system transcript may come without audio; nothing to decode.
  if (!c.audioPath && c.transcriptSource === 'call_system') return { kind: 'skipped' };
  ctx.store.setDuration(c.id, await decodeToPcm(ctx, c));
  return { kind: 'done' };
};
