/**
 * Opus encoding of 16-bit mono PCM, one packet per frame, with a real
 * libopus. Two in-process backends, both libopus compiled to WebAssembly:
 *
 * - "opus-recorder": the encoder that opus-recorder ships (its
 *   encoderWorker module loads in Node without a browser worker); we drive
 *   its libopus exports directly, so packets come out raw, not in Ogg pages.
 * - "opusscript": emscripten libopus 1.4.
 *
 * bench/opus-encode measures both (and Debian's native opusenc) in one run;
 * docs/simulator.md has the figures and the choice.
 */
import { ToolsError } from '../errors.js';

export type OpusBackendName = 'opus-recorder' | 'opusscript';
export type OpusApplication = 'voip' | 'audio';

export interface OpusEncoderOptions {
  backend?: OpusBackendName;
  /** 8000, 12000, 16000, 24000 or 48000 (default 16000). */
  sampleRate?: number;
  /** 10, 20, 40 or 60 ms (default 20). */
  frameMs?: number;
  /** Bits per second (default 16000). */
  bitrate?: number;
  /** libopus application (default voip: speech). */
  application?: OpusApplication;
  /** libopus complexity 0..10 (default: libopus's own, 10). */
  complexity?: number | null;
}

export interface OpusParams {
  backend: OpusBackendName;
  sampleRate: number;
  frameMs: number;
  bitrate: number;
  application: OpusApplication;
  complexity: number | null;
}

export interface OpusFrameEncoder {
  readonly params: OpusParams;
  /** Samples per frame (sampleRate × frameMs / 1000). */
  readonly frameSamples: number;
  /** Encodes exactly one frame of samples into one Opus packet. */
  encode(frame: Int16Array): Uint8Array;
  /** Frees the encoder's native memory; the encoder is unusable afterwards. */
  destroy(): void;
}

export const DEFAULT_OPUS_BACKEND: OpusBackendName = 'opus-recorder';
export const OPUS_APPLICATION_CODE: Record<OpusApplication, number> = { voip: 2048, audio: 2049 };
/** libopus CTL request numbers used here. */
export const OPUS_SET_BITRATE = 4002;
export const OPUS_SET_COMPLEXITY = 4010;
/** Largest packet libopus can produce for one frame. */
export const MAX_PACKET_BYTES = 1275 * 3 + 7;

const RATES = [8000, 12000, 16000, 24000, 48000];
const FRAME_MS = [10, 20, 40, 60];

export function resolveOpusParams(o: OpusEncoderOptions = {}): OpusParams {
  const bad = (msg: string): never => {
    throw new ToolsError('OPUS_INVALID_OPTIONS', msg);
  };
  const p: OpusParams = {
    backend: o.backend ?? DEFAULT_OPUS_BACKEND,
    sampleRate: o.sampleRate ?? 16000,
    frameMs: o.frameMs ?? 20,
    bitrate: o.bitrate ?? 16000,
    application: o.application ?? 'voip',
    complexity: o.complexity ?? null,
  };
  if (p.backend !== 'opus-recorder' && p.backend !== 'opusscript') bad(`backend ${JSON.stringify(p.backend)} is not opus-recorder or opusscript`);
  if (!RATES.includes(p.sampleRate)) bad(`sampleRate ${p.sampleRate} is not one of ${RATES.join(', ')}`);
  if (!FRAME_MS.includes(p.frameMs)) bad(`frameMs ${p.frameMs} is not one of ${FRAME_MS.join(', ')}`);
  if (!Number.isInteger(p.bitrate) || p.bitrate < 6000 || p.bitrate > 510000) bad(`bitrate ${p.bitrate} not in 6000..510000`);
  if (p.application !== 'voip' && p.application !== 'audio') bad(`application ${JSON.stringify(p.application)} is not voip or audio`);
  if (p.complexity !== null && (!Number.isInteger(p.complexity) || p.complexity < 0 || p.complexity > 10)) bad(`complexity ${p.complexity} not in 0..10`);
  return p;
}

export async function createOpusEncoder(options: OpusEncoderOptions = {}): Promise<OpusFrameEncoder> {
  const params = resolveOpusParams(options);
  if (params.backend === 'opusscript') {
    const { OpusscriptEncoder } = await import('./opusscript-encoder.js');
    return new OpusscriptEncoder(params);
  }
  const { createOpusRecorderEncoder } = await import('./opus-recorder-encoder.js');
  return createOpusRecorderEncoder(params);
}
