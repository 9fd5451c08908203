import { createOpusEncoder } from '../opus/encoder.js';
import { encodePcm, type EncodedAudio } from '../opus/encoded-audio.js';
import type { Microphone } from './firmware-host.js';

/** Plays encoded audio round and round (the co-processor's output while the badge captures). */
export class LoopingMicrophone implements Microphone {
  private index = 0;
  constructor(private readonly audio: EncodedAudio) {}

  next(): { data: Uint8Array; vad: boolean } | null {
    const n = this.audio.packets.length;
    if (n === 0) return null;
    const i = this.index++ % n;
    return { data: this.audio.packets[i]!, vad: this.audio.vad[i] === 1 };
  }

  get frameMs(): number {
    return this.audio.params.frameMs;
  }
}

/**
 * Two seconds of a voiced, pitch-gliding harmonic signal, Opus-encoded with
 * the badge's parameters (16 kHz, 20 ms, 16 kbit/s) and marked as voice: real
 * Opus packets for the emulated badge to record and upload when no speech
 * recording is at hand.
 */
export async function voicedToneAudio(seconds = 2): Promise<EncodedAudio> {
  const encoder = await createOpusEncoder({ sampleRate: 16000, frameMs: 20, bitrate: 16000 });
  try {
    const rate = encoder.params.sampleRate;
    const pcm = new Int16Array(seconds * rate);
    let phase = 0;
    for (let i = 0; i < pcm.length; i++) {
      const t = i / rate;
      const f0 = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
      phase += (2 * Math.PI * f0) / rate;
      let s = 0;
      for (let h = 1; h <= 8; h++) s += Math.sin(h * phase) / h;
      const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
      pcm[i] = Math.round(6000 * envelope * s);
    }
    const frames = Math.ceil(pcm.length / encoder.frameSamples);
    return encodePcm(pcm, encoder, new Uint8Array(frames).fill(1));
  } finally {
    encoder.destroy();
  }
}
