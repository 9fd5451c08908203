import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PcmFiles } from '../audio/pcm-files.js';
import { SpeechDetector } from '../audio/vad.js';
import type { Segment } from '../model/conversation.js';
import type { StageHandler } from './context.js';

// ~2 s of audio per step: Silero costs ~1 ms per 32 ms window, so each synchronous step stays near 60 ms.
const BLOCK = PcmFiles.rate * 2;

/**
 * VAD: speech regions per channel become the conversation's segments (no
 * text yet), with their loudness for role assignment. Yields to the event
 * loop between blocks so the process stays responsive.
 */
export const vadStage: StageHandler = async (ctx, c) => {
  const channels = await ctx.pcm.channels(c.id);
  const segments: Segment[] = [];
  for (let ch = 0; ch < channels; ch++) {
    const total = await ctx.pcm.length(c.id, ch);
    const detector = new SpeechDetector(ctx.config.vad);
    for (let off = 0; off < total; off += BLOCK) {
      detector.push(await ctx.pcm.read(c.id, ch, off, Math.min(total, off + BLOCK)));
      await yieldToLoop();
    }
    for (const r of detector.finish()) {
      segments.push({
        index: 0,
        startMs: Math.round((r.start / PcmFiles.rate) * 1000),
        endMs: Math.round((r.end / PcmFiles.rate) * 1000),
        role: 'other',
        channel: ch,
        text: '',
        normalizedText: null,
        confidence: null,
        levelDb: Math.round(r.levelDb * 100) / 100,
      });
    }
  }
  segments.sort((a, b) => a.startMs! - b.startMs! || a.channel - b.channel);
  segments.forEach((s, i) => (s.index = i));
  ctx.store.replaceSegments(c.id, segments);
  ctx.logger.info({ conversationId: c.id, segments: segments.length }, 'voice activity detected');
  return { kind: 'done' };
};
