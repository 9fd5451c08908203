import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from '../errors.js';
import type { DecodeSink } from './decode.js';
import { TARGET_RATE } from './decode.js';

/**
 * Decoded audio between stages: one raw little-endian 16-bit PCM file per
 * channel at 16 kHz, `<workDir>/<conversationId>/ch<N>.s16` (115 MB per hour
 * and channel; 16 bits is what the models were trained on). Written by the
 * decode stage, read in slices by VAD and ASR, deleted when the
 * conversation is analysed (the original recording stays).
 */
export class PcmFiles {
  constructor(private readonly workDir: string) {}

  dir(conversationId: string): string {
    return join(this.workDir, conversationId);
  }

  file(conversationId: string, channel: number): string {
    return join(this.dir(conversationId), `ch${channel}.s16`);
  }

  /** A decode sink writing the channels; call `finish()` after decoding. */
  async writer(conversationId: string): Promise<DecodeSink & { finish(): Promise<number> }> {
    const dir = this.dir(conversationId);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const streams: WriteStream[] = [];
    const write = (s: WriteStream, b: Buffer) =>
      new Promise<void>((resolve, reject) => s.write(b, (err) => (err ? reject(err) : resolve())));
    return {
      start: ({ channels }) => {
        for (let c = 0; c < channels; c++) streams.push(createWriteStream(this.file(conversationId, c)));
      },
      write: (channel, samples) => {
        const b = Buffer.allocUnsafe(samples.length * 2);
        for (let i = 0; i < samples.length; i++) {
          const v = samples[i]!;
          b.writeInt16LE(v >= 1 ? 32767 : v <= -1 ? -32768 : Math.round(v * 32767), i * 2);
        }
        return write(streams[channel]!, b);
      },
      finish: async () => {
        await Promise.all(streams.map((s) => new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())))));
        return streams.length;
      },
    };
  }

  async channels(conversationId: string): Promise<number> {
    let n = 0;
    while (await stat(this.file(conversationId, n)).then(() => true, () => false)) n++;
    return n;
  }

  /** Samples (16 kHz) in one channel. */
  async length(conversationId: string, channel: number): Promise<number> {
    const s = await stat(this.file(conversationId, channel)).catch((err: unknown) => {
      throw new PipelineError('AUDIO_MISSING', `decoded audio for channel ${channel} is gone; re-run decode`, { cause: err });
    });
    return Math.floor(s.size / 2);
  }

  /** Reads samples [from, to) of one channel. */
  async read(conversationId: string, channel: number, from: number, to: number): Promise<Float32Array> {
    const fh = await open(this.file(conversationId, channel), 'r');
    try {
      const n = Math.max(0, to - from);
      const buf = Buffer.alloc(n * 2);
      const { bytesRead } = await fh.read(buf, 0, n * 2, from * 2);
      const out = new Float32Array(Math.floor(bytesRead / 2));
      for (let i = 0; i < out.length; i++) out[i] = buf.readInt16LE(i * 2) / 32768;
      return out;
    } finally {
      await fh.close();
    }
  }

  async remove(conversationId: string): Promise<void> {
    await rm(this.dir(conversationId), { recursive: true, force: true });
  }

  static readonly rate = TARGET_RATE;
}
