/**
 * A conversation script spoken and mixed into one mono 16 kHz track, as a
 * badge worn by the staff member would hear it: the wearer at speech level,
 * the customer quieter (further from the badge), pauses between turns, and
 * optional branch ambience at a given SNR. Returns the PCM plus the timeline
 * (ground truth for the end-to-end suite and for role separation).
 *
 * Tracks are cached on disk, content-addressed by script, voices, mix
 * parameters, seed and the espeak-ng version.
 */
import { ContentCache, cacheKey, defaultCacheRoot } from '../cache/content-cache.js';
import { ToolsError } from '../errors.js';
import { SeededRandom } from '../random/seeded-random.js';
import { espeakNgVersion, speakUtterance, synthNoise, type NoiseColour } from './espeak.js';
import { dbToGain, rmsDbfs, s16leToInt16, int16ToS16le, speechBounds } from './pcm.js';
import type { ConversationScript, Role } from './script.js';
import { validateScript } from './script.js';
import { chooseVoices, validateVoice, type VoiceProfile } from './voices.js';

export const SPEECH_SAMPLE_RATE = 16000;
/** Bump when the mixing algorithm changes, so old cache entries stop matching. */
const MIX_FORMAT_VERSION = 1;

export interface NoiseOptions {
  colour: NoiseColour;
  /** Speech power over noise power, dB. */
  snrDb: number;
}

export interface SpeechOptions {
  /** Seed for voice choice, levels and pauses; default: the script id. */
  seed?: number | string;
  staffVoice?: VoiceProfile;
  customerVoice?: VoiceProfile;
  /** RMS level of the wearer's speech, dBFS (default -20). */
  speechLevelDbfs?: number;
  /** Customer level relative to the wearer, dB (default -10: further from the badge). */
  customerGainDb?: number;
  /** Random spread of the customer gain per conversation, ± dB (default 2). */
  customerGainJitterDb?: number;
  /** Pause between turns, drawn uniformly in [min, max] ms (default 250..900). */
  pauseMs?: { min: number; max: number };
  /** Silence before the first and after the last turn, ms (default 400); the end is padded to a whole 20 ms frame. */
  edgeSilenceMs?: number;
  noise?: NoiseOptions | null;
  /** Cache root; false disables the cache. Default PARLEY_CACHE_DIR or ./data/cache. */
  cacheDir?: string | false;
}

export interface TimelineTurn {
  turn: number;
  role: Role;
  text: string;
  startMs: number;
  endMs: number;
  /** Sample bounds in the track, [startSample, endSample). */
  startSample: number;
  endSample: number;
  /** RMS level the turn was mixed at (before noise), dBFS. */
  levelDbfs: number;
}

export interface SpeechTrack {
  scriptId: string;
  sampleRate: number;
  pcm: Int16Array;
  durationMs: number;
  timeline: TimelineTurn[];
  voices: { staff: VoiceProfile; customer: VoiceProfile };
  /** The applied customer gain relative to the wearer, dB (jitter included). */
  customerGainDb: number;
  noise: NoiseOptions | null;
  /** Samples that had to be clipped to 16 bits. */
  clippedSamples: number;
  cacheKey: string;
  fromCache: boolean;
}

interface ResolvedOptions {
  seed: number | string;
  staffVoice: VoiceProfile;
  customerVoice: VoiceProfile;
  speechLevelDbfs: number;
  customerGainDb: number;
  pauseMs: { min: number; max: number };
  edgeSilenceMs: number;
  noise: NoiseOptions | null;
}

function resolveOptions(script: ConversationScript, o: SpeechOptions): ResolvedOptions {
  const bad = (msg: string): never => {
    throw new ToolsError('SPEECH_INVALID_OPTIONS', msg);
  };
  const seed = o.seed ?? script.id;
  const rng = new SeededRandom(`${String(seed)}:voices`);
  const chosen = chooseVoices(rng);
  const speechLevelDbfs = o.speechLevelDbfs ?? -20;
  if (!(speechLevelDbfs <= -6 && speechLevelDbfs >= -60)) bad(`speechLevelDbfs ${speechLevelDbfs} not in -60..-6`);
  const gain = o.customerGainDb ?? -10;
  const jitter = o.customerGainJitterDb ?? 2;
  if (!(gain <= 6 && gain >= -40)) bad(`customerGainDb ${gain} not in -40..6`);
  if (!(jitter >= 0 && jitter <= 10)) bad(`customerGainJitterDb ${jitter} not in 0..10`);
  const pauseMs = o.pauseMs ?? { min: 250, max: 900 };
  if (!(pauseMs.min >= 0 && pauseMs.max >= pauseMs.min && pauseMs.max <= 60_000)) bad(`pauseMs ${JSON.stringify(pauseMs)} is not 0 <= min <= max <= 60000`);
  const edgeSilenceMs = o.edgeSilenceMs ?? 400;
  if (!(edgeSilenceMs >= 0 && edgeSilenceMs <= 60_000)) bad(`edgeSilenceMs ${edgeSilenceMs} not in 0..60000`);
  const noise = o.noise ?? null;
  if (noise) {
    if (!['brown', 'pink', 'white'].includes(noise.colour)) bad(`noise.colour ${JSON.stringify(noise.colour)} is not brown, pink or white`);
    if (!(noise.snrDb >= -10 && noise.snrDb <= 80)) bad(`noise.snrDb ${noise.snrDb} not in -10..80`);
  }
  const mixRng = new SeededRandom(`${String(seed)}:mix`);
  const appliedGain = gain + mixRng.range(-jitter, jitter);
  return {
    seed,
    staffVoice: validateVoice(o.staffVoice ?? chosen.staff, 'staffVoice'),
    customerVoice: validateVoice(o.customerVoice ?? chosen.customer, 'customerVoice'),
    speechLevelDbfs,
    customerGainDb: Math.round(appliedGain * 100) / 100,
    pauseMs,
    edgeSilenceMs,
    noise,
  };
}

/** Speaks and mixes a conversation (or returns it from the cache). */
export async function synthesizeConversation(scriptInput: ConversationScript, options: SpeechOptions = {}): Promise<SpeechTrack> {
  const script = validateScript(scriptInput, `script ${scriptInput.id}`);
  const o = resolveOptions(script, options);
  const key = await trackKey(script, o);
  const cache = options.cacheDir === false ? undefined : new ContentCache(options.cacheDir ?? defaultCacheRoot(), 'speech');
  if (cache) {
    const hit = await cache.get(key, 'trk');
    if (hit) return { ...decodeTrack(hit), cacheKey: key, fromCache: true };
  }
  const track = await mix(script, o, key);
  if (cache) await cache.put(key, 'trk', encodeTrack(track));
  return track;
}

async function trackKey(script: ConversationScript, o: ResolvedOptions): Promise<string> {
  const version = await espeakNgVersion();
  return cacheKey({ v: MIX_FORMAT_VERSION, espeak: version, sampleRate: SPEECH_SAMPLE_RATE, turns: script.turns, ...o });
}

/** The cache key synthesizeConversation would use, without synthesising (for caches derived from the track). */
export async function speechTrackKey(script: ConversationScript, options: SpeechOptions = {}): Promise<string> {
  const valid = validateScript(script, `script ${script.id}`);
  return trackKey(valid, resolveOptions(valid, options));
}

async function mix(script: ConversationScript, o: ResolvedOptions, key: string): Promise<SpeechTrack> {
  const sr = SPEECH_SAMPLE_RATE;
  const rng = new SeededRandom(`${String(o.seed)}:pauses`);
  // Two espeak/sox pipelines at a time: the machine has two cores.
  const utterances = await mapLimited(script.turns, 2, async (t) => {
    const pcm = await speakUtterance(t.text, t.role === 'staff' ? o.staffVoice : o.customerVoice, sr);
    const b = speechBounds(pcm, sr);
    return pcm.subarray(b.start, b.end);
  });

  const edge = Math.round((o.edgeSilenceMs * sr) / 1000);
  const placements: { start: number; samples: Float32Array; gain: number; levelDbfs: number }[] = [];
  let cursor = edge;
  script.turns.forEach((t, i) => {
    const samples = utterances[i]!;
    const levelDbfs = t.role === 'staff' ? o.speechLevelDbfs : o.speechLevelDbfs + o.customerGainDb;
    const measured = rmsDbfs(samples, 0, samples.length, 1);
    const gain = Number.isFinite(measured) ? dbToGain(levelDbfs - measured) : 0;
    placements.push({ start: cursor, samples, gain, levelDbfs });
    cursor += samples.length;
    if (i < script.turns.length - 1) cursor += Math.round((rng.range(o.pauseMs.min, o.pauseMs.max) * sr) / 1000);
  });
  // The track ends on a whole 20 ms frame, so its Opus encoding has exactly its duration.
  const frame = (sr * 20) / 1000;
  const total = Math.ceil((cursor + edge) / frame) * frame;
  const mixed = new Float32Array(total);
  for (const p of placements) {
    for (let j = 0; j < p.samples.length; j++) mixed[p.start + j] = (p.samples[j] as number) * p.gain;
  }

  if (o.noise) {
    let speechPower = 0;
    let speechSamples = 0;
    for (const p of placements) {
      for (let j = p.start; j < p.start + p.samples.length; j++) speechPower += (mixed[j] as number) ** 2;
      speechSamples += p.samples.length;
    }
    speechPower /= Math.max(1, speechSamples);
    const noise = await synthNoise(o.noise.colour, total, sr);
    let noisePower = 0;
    for (let j = 0; j < noise.length; j++) noisePower += (noise[j] as number) ** 2;
    noisePower /= Math.max(1, noise.length);
    if (noisePower > 0) {
      const g = Math.sqrt(speechPower / (noisePower * Math.pow(10, o.noise.snrDb / 10)));
      for (let j = 0; j < total; j++) mixed[j] = (mixed[j] as number) + (noise[j] ?? 0) * g;
    }
  }

  const pcm = new Int16Array(total);
  let clipped = 0;
  for (let j = 0; j < total; j++) {
    let v = Math.round((mixed[j] as number) * 32768);
    if (v > 32767) {
      v = 32767;
      clipped++;
    } else if (v < -32768) {
      v = -32768;
      clipped++;
    }
    pcm[j] = v;
  }

  const timeline: TimelineTurn[] = placements.map((p, i) => ({
    turn: i,
    role: script.turns[i]!.role,
    text: script.turns[i]!.text,
    startSample: p.start,
    endSample: p.start + p.samples.length,
    startMs: Math.round((p.start * 1000) / sr),
    endMs: Math.round(((p.start + p.samples.length) * 1000) / sr),
    levelDbfs: p.levelDbfs,
  }));
  return {
    scriptId: script.id,
    sampleRate: sr,
    pcm,
    durationMs: Math.round((total * 1000) / sr),
    timeline,
    voices: { staff: o.staffVoice, customer: o.customerVoice },
    customerGainDb: o.customerGainDb,
    noise: o.noise,
    clippedSamples: clipped,
    cacheKey: key,
    fromCache: false,
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Cache payload: u32 header length | JSON header | s16le PCM. */
function encodeTrack(t: SpeechTrack): Buffer {
  const { pcm: _pcm, fromCache: _f, cacheKey: _k, ...meta } = t;
  const header = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([len, header, int16ToS16le(t.pcm)]);
}

function decodeTrack(b: Buffer): Omit<SpeechTrack, 'cacheKey' | 'fromCache'> {
  const headerLength = b.readUInt32LE(0);
  const meta = JSON.parse(b.subarray(4, 4 + headerLength).toString('utf8')) as Omit<SpeechTrack, 'pcm' | 'cacheKey' | 'fromCache'>;
  const pcm = s16leToInt16(b.subarray(4 + headerLength));
  if (Math.round((pcm.length * 1000) / meta.sampleRate) !== meta.durationMs) {
    throw new ToolsError('CACHE_ENTRY_CORRUPT', `speech track ${meta.scriptId}: PCM length does not match its duration`);
  }
  return { ...meta, pcm };
}
