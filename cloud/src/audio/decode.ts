import { open } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { MPEGDecoder } from 'mpg123-decoder';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import { PipelineError } from '../errors.js';
import { Resampler } from './resample.js';
import { parseWav } from './wav.js';

/**
 * Decodes a stored recording to 16 kHz float PCM, channel by channel,
 * streaming so hour-long badge sessions never sit decoded in memory.
 *
 * Decoders: Ogg Opus and MP3 through the WebAssembly builds of libopus and
 * mpg123 (`ogg-opus-decoder`, `mpg123-decoder`): they ship inside their npm
 * packages, run in-process with no external program to install or spawn,
 * decode incrementally and report per-frame errors; WAV is parsed here.
 */
export type AudioFormat = 'wav' | 'ogg_opus' | 'mp3';

export const TARGET_RATE = 16_000;
// Small reads keep each synchronous decode+resample step short (the gateway shares the event loop).
const READ_BLOCK = 8 * 1024;

export function sniffFormat(head: Uint8Array): AudioFormat | null {
  const ascii = (a: number, b: number) => String.fromCharCode(...head.subarray(a, b));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (head.length >= 4 && ascii(0, 4) === 'OggS') return 'ogg_opus';
  if (head.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) return 'mp3';
  return null;
}

export interface DecodeSink {
  /** Called once before any samples, with the source's channel count and rate. */
  start(info: { channels: number; sourceRate: number }): Promise<void> | void;
  /** 16 kHz samples for one channel. */
  write(channel: number, samples: Float32Array): Promise<void> | void;
}

export interface DecodeResult {
  format: AudioFormat;
  channels: number;
  sourceRate: number;
  /** 16 kHz samples per channel. */
  frames: number;
  /** Frames the decoder reported as damaged (skipped). */
  decodeErrors: number;
}

async function* readBlocks(path: string): AsyncGenerator<Uint8Array> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new PipelineError('AUDIO_MISSING', `${err.code ?? 'error'} opening the recording`, { cause: err, retryable: false });
  });
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_BLOCK);
      const { bytesRead } = await fh.read(buf, 0, READ_BLOCK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

async function readHead(path: string, bytes = 16): Promise<Uint8Array> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new PipelineError('AUDIO_MISSING', `${err.code ?? 'error'} opening the recording`, { cause: err, retryable: false });
  });
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Channels of an MP3 from its first frame header (mpg123-decoder always
 * returns two channels, duplicating mono). Skips an ID3v2 tag; null when no
 * frame header is found in `head`.
 */
export function mp3Channels(head: Uint8Array): 1 | 2 | null {
  let off = 0;
  if (head.length >= 10 && head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33) {
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    off = 10 + size + ((head[5]! & 0x10) !== 0 ? 10 : 0);
  }
  for (let i = off; i + 3 < head.length; i++) {
    const b1 = head[i + 1]!;
    const b2 = head[i + 2]!;
    // sync (11 bits), version != reserved, layer != reserved, bitrate != bad, sample rate != reserved
    if (head[i] === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0 && (b2 & 0xf0) !== 0xf0 && (b2 & 0x0c) !== 0x0c) {
      return ((head[i + 3]! >> 6) & 3) === 3 ? 1 : 2;
    }
  }
  return null;
}

class ChannelPump {
  private resamplers: Resampler[] = [];
  frames = 0;
  constructor(private readonly sink: DecodeSink) {}

  async start(channels: number, sourceRate: number): Promise<void> {
    this.resamplers = Array.from({ length: channels }, () => new Resampler(sourceRate, TARGET_RATE));
    await this.sink.start({ channels, sourceRate });
  }

  get started(): boolean {
    return this.resamplers.length > 0;
  }

  async push(channelData: Float32Array[]): Promise<void> {
    let n = 0;
    for (let c = 0; c < this.resamplers.length; c++) {
      const out = this.resamplers[c]!.push(channelData[c] ?? new Float32Array(channelData[0]?.length ?? 0));
      n = out.length;
      if (out.length) await this.sink.write(c, out);
    }
    this.frames += n;
    await yieldToLoop();
  }

  async end(): Promise<void> {
    let n = 0;
    for (let c = 0; c < this.resamplers.length; c++) {
      const out = this.resamplers[c]!.end();
      n = out.length;
      if (out.length) await this.sink.write(c, out);
    }
    this.frames += n;
  }
}

export async function decodeFile(path: string, sink: DecodeSink): Promise<DecodeResult> {
  const format = sniffFormat(await readHead(path, 16));
  if (!format) throw new PipelineError('AUDIO_UNSUPPORTED', 'not WAV, Ogg Opus or MP3', { retryable: false });
  const pump = new ChannelPump(sink);
  let decodeErrors = 0;
  let channels = 0;
  let sourceRate = 0;

  if (format === 'wav') {
    const chunks: Uint8Array[] = [];
    for await (const b of readBlocks(path)) chunks.push(b);
    const pcm = parseWav(Buffer.concat(chunks));
    channels = pcm.channels.length;
    sourceRate = pcm.sampleRate;
    await pump.start(channels, sourceRate);
    const total = pcm.channels[0]!.length;
    for (let off = 0; off < total; off += sourceRate * 10) {
      await pump.push(pcm.channels.map((c) => c.subarray(off, Math.min(total, off + sourceRate * 10))));
    }
  } else if (format === 'ogg_opus') {
    // libopus decodes natively at 16 kHz (an option its .d.ts omits): no resampling step, ~3x less work.
    const dec = new OggOpusDecoder({ sampleRate: TARGET_RATE } as ConstructorParameters<typeof OggOpusDecoder>[0]);
    await dec.ready;
    try {
      for await (const b of readBlocks(path)) {
        // decode() returns a promise (its .d.ts says otherwise)
        const r = await (dec.decode(b) as unknown as Promise<ReturnType<OggOpusDecoder['decode']>>);
        decodeErrors += r.errors.length;
        if (r.samplesDecoded === 0) continue;
        if (!pump.started) {
          channels = r.channelData.length;
          sourceRate = r.sampleRate;
          await pump.start(channels, sourceRate);
        }
        await pump.push(r.channelData);
      }
      const r = await dec.flush();
      decodeErrors += r.errors.length;
      if (r.samplesDecoded > 0 && pump.started) await pump.push(r.channelData);
    } finally {
      dec.free();
    }
  } else {
    const mono = mp3Channels(await readHead(path, 512 * 1024)) === 1;
    const dec = new MPEGDecoder();
    await dec.ready;
    try {
      for await (const b of readBlocks(path)) {
        const r = dec.decode(b);
        decodeErrors += r.errors.length;
        if (r.samplesDecoded === 0) continue;
        const data = mono ? r.channelData.slice(0, 1) : r.channelData;
        if (!pump.started) {
          channels = data.length;
          sourceRate = r.sampleRate;
          await pump.start(channels, sourceRate);
        } else if (r.sampleRate !== sourceRate) {
          throw new PipelineError('AUDIO_CORRUPT', 'MP3 sample rate changes mid-stream', { retryable: false });
        }
        await pump.push(data);
      }
    } finally {
      dec.free();
    }
  }
  if (!pump.started) throw new PipelineError('AUDIO_CORRUPT', `${format}: no audio could be decoded`, { retryable: false });
  await pump.end();
  return { format, channels, sourceRate, frames: pump.frames, decodeErrors };
}
