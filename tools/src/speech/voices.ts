/**
 * espeak-ng voice profiles. Every profile speaks Mandarin (`cmn`); roles
 * differ by variant, pitch and speed so that the wearer (staff) and the
 * customers are distinguishable, as the pipeline's role separation expects.
 */
import { ToolsError } from '../errors.js';
import type { SeededRandom } from '../random/seeded-random.js';

export interface VoiceProfile {
  /** espeak-ng voice (language); the simulator uses "cmn". */
  voice: string;
  /** espeak-ng variant name (e.g. "f3", "m2"); appended as voice+variant. */
  variant: string;
  /** Pitch 0–99 (espeak-ng -p). */
  pitch: number;
  /** Speed in words per minute, 80–450 (espeak-ng -s). */
  speed: number;
}

// Speeds: espeak-ng's cmn voice speaks about one syllable per "word", so
// -s 160 is ~2.3 characters/s, far slower than conversational Mandarin
// (~4–5 syllables/s). Measured: -s 260 ≈ 3.7, -s 300 ≈ 4.1 characters/s.
export const STAFF_VOICES: readonly VoiceProfile[] = [
  { voice: 'cmn', variant: 'f3', pitch: 58, speed: 285 },
  { voice: 'cmn', variant: 'm3', pitch: 45, speed: 275 },
  { voice: 'cmn', variant: 'f4', pitch: 62, speed: 295 },
];

export const CUSTOMER_VOICES: readonly VoiceProfile[] = [
  { voice: 'cmn', variant: 'm1', pitch: 30, speed: 250 },
  { voice: 'cmn', variant: 'f5', pitch: 72, speed: 260 },
  { voice: 'cmn', variant: 'm6', pitch: 38, speed: 270 },
  { voice: 'cmn', variant: 'f2', pitch: 50, speed: 245 },
  { voice: 'cmn', variant: 'm4', pitch: 22, speed: 235 },
];

const NAME_RE = /^[a-z0-9][a-z0-9-]{0,31}$/i;

export function validateVoice(v: VoiceProfile, where: string): VoiceProfile {
  const bad = (msg: string): never => {
    throw new ToolsError('SPEECH_INVALID_OPTIONS', `${where}: ${msg}`);
  };
  if (!NAME_RE.test(v.voice)) bad(`voice ${JSON.stringify(v.voice)} is not a voice name`);
  if (!NAME_RE.test(v.variant)) bad(`variant ${JSON.stringify(v.variant)} is not a variant name`);
  if (!Number.isInteger(v.pitch) || v.pitch < 0 || v.pitch > 99) bad(`pitch ${v.pitch} not in 0..99`);
  if (!Number.isInteger(v.speed) || v.speed < 80 || v.speed > 450) bad(`speed ${v.speed} not in 80..450`);
  return v;
}

/** One staff voice and one customer voice for a conversation, chosen by the seed. */
export function chooseVoices(rng: SeededRandom): { staff: VoiceProfile; customer: VoiceProfile } {
  return { staff: rng.pick(STAFF_VOICES), customer: rng.pick(CUSTOMER_VOICES) };
}
