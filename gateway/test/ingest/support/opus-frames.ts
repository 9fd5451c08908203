import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpusScript from 'opusscript';

/** The real speech clips, in `../shared` beside the repository (as every package finds them). */
const REAL_AUDIO_DIR = fileURLToPath(new URL('../../../../../shared/audio/real/', import.meta.url));

const cache = new Map<string, Uint8Array[]>();

/**
 * Real Opus frames: a WAV of ../shared/audio/real (`clip`, e.g. '0.wav') converted
 * by sox to 16 kHz mono s16 and encoded with libopus (opusscript) at 20 ms, 16 kbps.
 */
export function realOpusFrames(clip = '0.wav', maxFrames = Infinity): Uint8Array[] {
  const wav = REAL_AUDIO_DIR + clip;
  const key = `${wav}:${maxFrames}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pcm = execFileSync('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'], { maxBuffer: 64 << 20 });
  const encoder = new OpusScript(16000, 1, OpusScript.Application.VOIP, { wasm: true });
  encoder.setBitrate(16000);
  const frameSamples = 320;
  const frames: Uint8Array[] = [];
  try {
    for (let off = 0; off + frameSamples * 2 <= pcm.length && frames.length < maxFrames; off += frameSamples * 2) {
      frames.push(Uint8Array.from(encoder.encode(pcm.subarray(off, off + frameSamples * 2), frameSamples)));
    }
  } finally {
    encoder.delete();
  }
  cache.set(key, frames);
  return frames;
}
