/**
 * PCM helpers for 16-bit mono audio: level measurement in dBFS, silence
 * trimming, and a RIFF/WAVE container for writing tracks to disk.
 */

/** RMS level of samples [start, end) in dBFS (full scale = 32768); -Infinity for digital silence. */
export function rmsDbfs(pcm: Int16Array | Float32Array, start = 0, end = pcm.length, fullScale = pcm instanceof Int16Array ? 32768 : 1): number {
  const s = Math.max(0, start);
  const e = Math.min(pcm.length, end);
  if (e <= s) return -Infinity;
  let sum = 0;
  for (let i = s; i < e; i++) {
    const v = (pcm[i] as number) / fullScale;
    sum += v * v;
  }
  return 10 * Math.log10(sum / (e - s));
}

export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

/**
 * Bounds [start, end) of the non-silent part of a float signal: the first and
 * last 10 ms window whose RMS exceeds thresholdDbfs, widened by marginMs.
 */
export function speechBounds(pcm: Float32Array, sampleRate: number, thresholdDbfs = -45, marginMs = 30): { start: number; end: number } {
  const win = Math.max(1, Math.round(sampleRate / 100));
  let first = -1;
  let last = -1;
  for (let w = 0; w * win < pcm.length; w++) {
    if (rmsDbfs(pcm, w * win, (w + 1) * win, 1) > thresholdDbfs) {
      if (first < 0) first = w;
      last = w;
    }
  }
  if (first < 0) return { start: 0, end: 0 };
  const margin = Math.round((marginMs * sampleRate) / 1000);
  return { start: Math.max(0, first * win - margin), end: Math.min(pcm.length, (last + 1) * win + margin) };
}

export function int16ToFloat(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = (pcm[i] as number) / 32768;
  return out;
}

/** Little-endian s16 bytes (as sox writes them) to samples, copying so alignment never matters. */
export function s16leToInt16(bytes: Uint8Array): Int16Array {
  const n = bytes.length >> 1;
  const out = new Int16Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, n * 2);
  for (let i = 0; i < n; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

export function int16ToS16le(pcm: Int16Array): Buffer {
  const out = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i] as number, i * 2);
  return out;
}

/** A canonical 44-byte-header PCM WAV file. */
export function encodeWav(pcm: Int16Array, sampleRate: number): Buffer {
  const data = int16ToS16le(pcm);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVE', 8, 'latin1');
  head.write('fmt ', 12, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(sampleRate, 24);
  head.writeUInt32LE(sampleRate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}
