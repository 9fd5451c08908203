import { PcmFiles } from '../audio/pcm-files.js';
import { isPipelineError } from '../errors.js';
import type { StageHandler } from './context.js';
import { decodeToPcm } from './decode.js';

/**
 * ASR: every speech segment not yet recognised goes to the engine. Segments
 * are stored one by one, so a crash or retry resumes where it stopped. With
 * no engine the conversation waits ("awaiting transcription") until one is
 * configured, without its decoded audio (decoded again when it resumes). Call-system transcripts never reach this stage.
 */
export const transcribeStage: StageHandler = async (ctx, c) => {
  if (c.transcriptSource === 'call_system') return { kind: 'skipped' };
  if (!ctx.asr) {
    // Waiting may last weeks: do not keep decoded audio (~115 MB per hour and channel) around; it is decoded again on resume.
    await ctx.pcm.remove(c.id);
    return { kind: 'waiting', code: 'ASR_NOT_CONFIGURED', message: ctx.asrUnavailableReason };
  }
  if ((await ctx.pcm.channels(c.id)) === 0) await decodeToPcm(ctx, c);
  const segments = ctx.store.getSegments(c.id);
  for (const s of segments) {
    if (s.confidence !== null || s.startMs === null || s.endMs === null) continue;
    const from = Math.floor((s.startMs / 1000) * PcmFiles.rate);
    const to = Math.ceil((s.endMs / 1000) * PcmFiles.rate);
    const samples = await ctx.pcm.read(c.id, s.channel, from, to);
    let r;
    try {
      r = await ctx.asr.transcribe(samples, PcmFiles.rate);
    } catch (err) {
      // An unusable model is an operator problem, not this conversation's: wait for a working one.
      if (isPipelineError(err, 'ASR_MODEL_INVALID')) {
        await ctx.pcm.remove(c.id);
        return { kind: 'waiting', code: err.code, message: `${err.message} (see docs/asr.md)` };
      }
      throw err;
    }
    // confidence 0 marks "recognised, engine gave no score" so resumption skips it.
    ctx.store.setTranscript(c.id, s.index, r.text, r.confidence ?? 0);
  }
  return { kind: 'done' };
};
