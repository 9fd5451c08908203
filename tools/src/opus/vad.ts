/**
 * Per-frame voice-activity flags, as the badge's audio co-processor reports
 * them with each Opus frame: from the speech timeline (ground truth) or from
 * frame energy (what a simple real VAD would see, noise included).
 */

export interface SpeechSpan {
  startSample: number;
  endSample: number;
}

/** 1 for every frame that overlaps a speech span (widened by hangoverFrames after it), else 0. */
export function vadFromTimeline(spans: readonly SpeechSpan[], frameCount: number, frameSamples: number, hangoverFrames = 0): Uint8Array {
  const flags = new Uint8Array(frameCount);
  for (const s of spans) {
    const first = Math.max(0, Math.floor(s.startSample / frameSamples));
    const last = Math.min(frameCount - 1, Math.ceil(s.endSample / frameSamples) - 1 + hangoverFrames);
    for (let f = first; f <= last; f++) flags[f] = 1;
  }
  return flags;
}

/** 1 for every frame whose RMS exceeds thresholdDbfs. */
export function vadFromEnergy(pcm: Int16Array, frameSamples: number, thresholdDbfs = -40): Uint8Array {
  const frameCount = Math.ceil(pcm.length / frameSamples);
  const flags = new Uint8Array(frameCount);
  const threshold = Math.pow(10, thresholdDbfs / 10) * 32768 * 32768 * frameSamples;
  for (let f = 0; f < frameCount; f++) {
    let sum = 0;
    const end = Math.min(pcm.length, (f + 1) * frameSamples);
    for (let i = f * frameSamples; i < end; i++) sum += (pcm[i] as number) ** 2;
    flags[f] = sum > threshold ? 1 : 0;
  }
  return flags;
}
