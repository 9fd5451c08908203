import { PipelineError } from '../errors.js';

/** Planar float PCM in [-1, 1]. */
export interface PcmAudio {
  sampleRate: number;
  channels: Float32Array[];
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/** Parses a RIFF/WAVE file: integer PCM 8/16/24/32-bit or IEEE float 32/64, any channel count. */
export function parseWav(buf: Buffer): PcmAudio {
  const corrupt = (why: string) => new PipelineError('AUDIO_CORRUPT', `WAV: ${why}`, { retryable: false });
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    throw corrupt('not a RIFF/WAVE file');
  }
  let fmt: { format: number; channels: number; rate: number; bits: number; blockAlign: number } | null = null;
  let data: Buffer | null = null;
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = buf.toString('latin1', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    // Streaming writers leave 0 or 0xFFFFFFFF in the data chunk size: take the rest of the file.
    const end = id === 'data' && (size === 0 || size === 0xffffffff || body + size > buf.length) ? buf.length : body + size;
    if (end > buf.length) throw corrupt(`chunk ${JSON.stringify(id)} runs past the end of the file`);
    if (id === 'fmt ') {
      if (size < 16) throw corrupt('fmt chunk too short');
      let format = buf.readUInt16LE(body);
      if (format === FORMAT_EXTENSIBLE && size >= 40) format = buf.readUInt16LE(body + 24);
      fmt = {
        format,
        channels: buf.readUInt16LE(body + 2),
        rate: buf.readUInt32LE(body + 4),
        blockAlign: buf.readUInt16LE(body + 12),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      data = buf.subarray(body, end);
    }
    off = end + (size % 2 === 1 && end < buf.length ? 1 : 0);
    if (data && fmt) break;
  }
  if (!fmt) throw corrupt('no fmt chunk');
  if (!data) throw corrupt('no data chunk');
  const { format, channels, rate, bits } = fmt;
  if (channels < 1 || channels > 8) throw corrupt(`${channels} channels`);
  if (rate < 4000 || rate > 192000) throw corrupt(`sample rate ${rate}`);
  const bytes = bits / 8;
  const ok =
    (format === FORMAT_PCM && [8, 16, 24, 32].includes(bits)) || (format === FORMAT_FLOAT && (bits === 32 || bits === 64));
  if (!ok) {
    throw new PipelineError('AUDIO_UNSUPPORTED', `WAV format ${format} with ${bits} bits`, { retryable: false });
  }
  const frame = bytes * channels;
  const frames = Math.floor(data.length / frame);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const p = i * frame + c * bytes;
      let v: number;
      if (format === FORMAT_FLOAT) v = bits === 32 ? data.readFloatLE(p) : data.readDoubleLE(p);
      else if (bits === 16) v = data.readInt16LE(p) / 32768;
      else if (bits === 8) v = (data[p]! - 128) / 128;
      else if (bits === 24) v = data.readIntLE(p, 3) / 8388608;
      else v = data.readInt32LE(p) / 2147483648;
      out[c]![i] = v;
    }
  }
  return { sampleRate: rate, channels: out };
}

/** 16-bit PCM WAV (tests, tools). */
export function encodeWav16(audio: PcmAudio): Buffer {
  const ch = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const buf = Buffer.alloc(44 + frames * ch * 2);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(36 + frames * ch * 2, 4);
  buf.write('WAVEfmt ', 8, 'latin1');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(FORMAT_PCM, 20);
  buf.writeUInt16LE(ch, 22);
  buf.writeUInt32LE(audio.sampleRate, 24);
  buf.writeUInt32LE(audio.sampleRate * ch * 2, 28);
  buf.writeUInt16LE(ch * 2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'latin1');
  buf.writeUInt32LE(frames * ch * 2, 40);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < ch; c++) {
      const v = Math.max(-1, Math.min(1, audio.channels[c]![i]!));
      buf.writeInt16LE(Math.round(v * 32767), 44 + (i * ch + c) * 2);
    }
  }
  return buf;
}
