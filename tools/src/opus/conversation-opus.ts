/**
 * A conversation script as Opus frames: spoken and mixed (speech/), encoded
 * (one packet per frame, VAD flag per frame from the timeline), cached on
 * disk under the "opus" namespace keyed by the speech track's key, the
 * encoder parameters and the VAD source. A cache hit synthesises and encodes
 * nothing (only `espeak-ng --version` is asked, for the key).
 */
import { ContentCache, cacheKey, defaultCacheRoot } from '../cache/content-cache.js';
import { ToolsError } from '../errors.js';
import { speechTrackKey, synthesizeConversation, type SpeechOptions, type TimelineTurn } from '../speech/conversation-audio.js';
import type { ConversationScript } from '../speech/script.js';
import { createOpusEncoder, resolveOpusParams, type OpusEncoderOptions } from './encoder.js';
import { encodePcm, type EncodedAudio } from './encoded-audio.js';
import { readFrameFile, writeFrameFile } from './frame-file.js';
import { vadFromEnergy, vadFromTimeline } from './vad.js';

const FRAME_CACHE_VERSION = 1;

export interface EncodedConversation {
  scriptId: string;
  durationMs: number;
  timeline: TimelineTurn[];
  audio: EncodedAudio;
  speechCacheKey: string;
  fromCache: boolean;
}

export interface ConversationOpusOptions {
  speech?: Omit<SpeechOptions, 'cacheDir'>;
  opus?: OpusEncoderOptions;
  /**
   * Where each frame's VAD flag comes from: the speech timeline (ground truth,
   * default) or frame energy above `thresholdDbfs` (what a simple real VAD
   * sees, background noise included).
   */
  vad?: { from: 'timeline'; hangoverFrames?: number } | { from: 'energy'; thresholdDbfs?: number };
  /** Cache root for both speech and frames; false disables caching. */
  cacheDir?: string | false;
}

export async function encodeConversation(script: ConversationScript, options: ConversationOpusOptions = {}): Promise<EncodedConversation> {
  const params = resolveOpusParams(options.opus);
  const speechOpts: SpeechOptions = { ...options.speech, cacheDir: options.cacheDir ?? defaultCacheRoot() };
  const vad = options.vad ?? { from: 'timeline' };
  const vadKey = vad.from === 'timeline' ? { from: 'timeline', hangoverFrames: vad.hangoverFrames ?? 0 } : { from: 'energy', thresholdDbfs: vad.thresholdDbfs ?? -40 };
  const speechKey = await speechTrackKey(script, speechOpts);
  const key = cacheKey({ v: FRAME_CACHE_VERSION, speechKey, params, vad: vadKey });
  const cache = options.cacheDir === false ? undefined : new ContentCache(options.cacheDir ?? defaultCacheRoot(), 'opus');
  if (cache) {
    const hit = await cache.get(key, 'opf');
    if (hit) {
      const { audio, meta } = readFrameFile(hit);
      const m = meta as { scriptId: string; durationMs: number; timeline: TimelineTurn[] };
      if (audio.packets.length * params.frameMs < m.durationMs) {
        throw new ToolsError('FRAME_FILE_CORRUPT', `cached frames of ${m.scriptId} are shorter than the conversation`);
      }
      return { scriptId: m.scriptId, durationMs: m.durationMs, timeline: m.timeline, audio, speechCacheKey: speechKey, fromCache: true };
    }
  }
  const track = await synthesizeConversation(script, speechOpts);
  if (track.sampleRate !== params.sampleRate) {
    throw new ToolsError('OPUS_INVALID_OPTIONS', `speech is ${track.sampleRate} Hz, encoder is ${params.sampleRate} Hz`);
  }
  const encoder = await createOpusEncoder(params);
  let audio: EncodedAudio;
  try {
    const frameCount = Math.ceil(track.pcm.length / encoder.frameSamples);
    const flags =
      vad.from === 'timeline'
        ? vadFromTimeline(track.timeline, frameCount, encoder.frameSamples, vad.hangoverFrames ?? 0)
        : vadFromEnergy(track.pcm, encoder.frameSamples, vad.thresholdDbfs ?? -40);
    audio = encodePcm(track.pcm, encoder, flags);
  } finally {
    encoder.destroy();
  }
  const result: EncodedConversation = {
    scriptId: track.scriptId,
    durationMs: track.durationMs,
    timeline: track.timeline,
    audio,
    speechCacheKey: speechKey,
    fromCache: false,
  };
  if (cache) await cache.put(key, 'opf', writeFrameFile(audio, { scriptId: track.scriptId, durationMs: track.durationMs, timeline: track.timeline }));
  return result;
}

/** Opus frames of digital silence (VAD 0), e.g. the time between conversations in a shift. */
export async function encodeSilence(durationMs: number, opus: OpusEncoderOptions = {}): Promise<EncodedAudio> {
  const params = resolveOpusParams(opus);
  if (!(durationMs >= 0) || durationMs % params.frameMs !== 0) {
    throw new ToolsError('OPUS_INVALID_OPTIONS', `silence of ${durationMs} ms is not a whole number of ${params.frameMs} ms frames`);
  }
  const encoder = await createOpusEncoder(params);
  try {
    return encodePcm(new Int16Array((durationMs * params.sampleRate) / 1000), encoder);
  } finally {
    encoder.destroy();
  }
}
