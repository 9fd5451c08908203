/**
 * Opus packets of one stretch of audio (a conversation, a silence, a shift),
 * each with its VAD flag, and the encoding of PCM into them.
 */
import { ToolsError } from '../errors.js';
import type { OpusFrameEncoder, OpusParams } from './encoder.js';

export interface EncodedAudio {
  params: OpusParams;
  /** One Opus packet per frame. */
  packets: Uint8Array[];
  /** One flag per frame: 1 = voice active. */
  vad: Uint8Array;
}

export function encodedDurationMs(a: EncodedAudio): number {
  return a.packets.length * a.params.frameMs;
}

export function encodedBytes(a: EncodedAudio): number {
  let n = 0;
  for (const p of a.packets) n += p.length;
  return n;
}

/** Encodes PCM frame by frame; a partial last frame is padded with silence. */
export function encodePcm(pcm: Int16Array, encoder: OpusFrameEncoder, vad?: Uint8Array): EncodedAudio {
  const n = encoder.frameSamples;
  const frameCount = Math.ceil(pcm.length / n);
  if (vad && vad.length !== frameCount) {
    throw new ToolsError('OPUS_INVALID_OPTIONS', `vad has ${vad.length} flags for ${frameCount} frames`);
  }
  const packets: Uint8Array[] = new Array<Uint8Array>(frameCount);
  const padded = new Int16Array(n);
  for (let f = 0; f < frameCount; f++) {
    const start = f * n;
    let frame = pcm.subarray(start, start + n);
    if (frame.length < n) {
      padded.fill(0);
      padded.set(frame);
      frame = padded;
    }
    packets[f] = encoder.encode(frame);
  }
  return { params: encoder.params, packets, vad: vad ?? new Uint8Array(frameCount) };
}

/** Concatenates encoded stretches with the same parameters (e.g. conversations and silences of a shift). */
export function concatEncoded(parts: readonly EncodedAudio[]): EncodedAudio {
  const first = parts[0];
  if (!first) throw new ToolsError('OPUS_INVALID_OPTIONS', 'nothing to concatenate');
  const packets: Uint8Array[] = [];
  const vad = new Uint8Array(parts.reduce((n, p) => n + p.packets.length, 0));
  let at = 0;
  for (const p of parts) {
    if (p.params.sampleRate !== first.params.sampleRate || p.params.frameMs !== first.params.frameMs) {
      throw new ToolsError('OPUS_INVALID_OPTIONS', 'cannot concatenate audio with different sample rates or frame lengths');
    }
    for (const pk of p.packets) packets.push(pk);
    vad.set(p.vad, at);
    at += p.packets.length;
  }
  return { params: first.params, packets, vad };
}
