import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpusScript from 'opusscript';

/**
 * Real 16 kbps Opus frames for the simulated badges: a speech WAV from
 * ../shared/audio/real beside the repository, resampled by sox to 16 kHz mono
 * and encoded with libopus (opusscript) at 20 ms frames.
 */
export function opusFrames(wav = fileURLToPath(new URL('../../../shared/audio/real/0.wav', import.meta.url))): Uint8Array[] {
  const pcm = execFileSync('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'], { maxBuffer: 64 << 20 });
  const enc = new OpusScript(16000, 1, OpusScript.Application.VOIP, { wasm: true });
  enc.setBitrate(16000);
  const frames: Uint8Array[] = [];
  try {
    for (let off = 0; off + 640 <= pcm.length; off += 640) frames.push(Uint8Array.from(enc.encode(pcm.subarray(off, off + 640), 320)));
  } finally {
    enc.delete();
  }
  return frames;
}
