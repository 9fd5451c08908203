import { decodeFile, TARGET_RATE } from '../audio/decode.js';
import { SpeechDetector, type VadOptions } from '../audio/vad.js';
import type { SpeakerEmbedder } from '../asr/speaker-embedder.js';
import { PipelineError } from '../errors.js';
import type { ConversationStore, Voiceprint } from '../store/conversation-store.js';

/** Minimum speech (after VAD) for a usable voiceprint. */
export const MIN_ENROLMENT_SPEECH_MS = 3000;
const MAX_ENROLMENT_SECONDS = 120;

/**
 * Enrols a staff member's voice: decodes the sample (any supported format,
 * first channel), keeps only the speech found by VAD, embeds it and stores
 * the voiceprint. The badge roles stage then uses it for that wearer.
 */
export async function enrolVoice(
  deps: { store: ConversationStore; embedder: SpeakerEmbedder | null; vad: VadOptions },
  staffId: string,
  audioFile: string,
): Promise<Voiceprint> {
  if (!deps.embedder) {
    throw new PipelineError('SPEAKER_NOT_CONFIGURED', 'set speakerEmbedding.model to enrol voices', { retryable: false });
  }
  const blocks: Float32Array[] = [];
  let total = 0;
  await decodeFile(audioFile, {
    start: () => undefined,
    write: (channel, samples) => {
      if (channel !== 0) return;
      total += samples.length;
      if (total > MAX_ENROLMENT_SECONDS * TARGET_RATE) {
        throw new PipelineError('PAYLOAD_TOO_LARGE', `enrolment samples are limited to ${MAX_ENROLMENT_SECONDS} s`, { retryable: false });
      }
      blocks.push(samples.slice());
    },
  });
  const pcm = new Float32Array(total);
  let off = 0;
  for (const b of blocks) {
    pcm.set(b, off);
    off += b.length;
  }
  const detector = new SpeechDetector(deps.vad);
  detector.push(pcm);
  const regions = detector.finish();
  const speechLen = regions.reduce((a, r) => a + (r.end - r.start), 0);
  const speechMs = Math.round((speechLen / TARGET_RATE) * 1000);
  if (speechMs < MIN_ENROLMENT_SPEECH_MS) {
    throw new PipelineError('BAD_REQUEST', `only ${speechMs} ms of speech; at least ${MIN_ENROLMENT_SPEECH_MS} ms needed`, { retryable: false });
  }
  const speech = new Float32Array(speechLen);
  off = 0;
  for (const r of regions) {
    speech.set(pcm.subarray(r.start, r.end), off);
    off += r.end - r.start;
  }
  const embedding = await deps.embedder.embed(speech, TARGET_RATE);
  const print: Voiceprint = { staffId, embedding, speechMs, model: deps.embedder.description, createdAt: Date.now() };
  deps.store.setVoiceprint(print);
  return print;
}
