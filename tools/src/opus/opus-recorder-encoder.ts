/**
 * libopus from opus-recorder's encoderWorker (emscripten). The module is a
 * browser-worker script that also runs under Node's CommonJS loader; we use
 * the libopus functions it exports (_opus_encoder_create, _opus_encode_float)
 * rather than its OggOpusEncoder, because the badge sends raw packets.
 */
import { createRequire } from 'node:module';
import { ToolsError } from '../errors.js';
import { MAX_PACKET_BYTES, OPUS_APPLICATION_CODE, OPUS_SET_BITRATE, OPUS_SET_COMPLEXITY, type OpusFrameEncoder, type OpusParams } from './encoder.js';

interface EmscriptenOpusModule {
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  _opus_encoder_create(rate: number, channels: number, application: number, errPtr: number): number;
  _opus_encoder_destroy(enc: number): void;
  _opus_encoder_ctl(enc: number, request: number, argPtr: number): number;
  _opus_encode_float(enc: number, pcmPtr: number, frameSize: number, outPtr: number, maxBytes: number): number;
}

let modulePromise: Promise<EmscriptenOpusModule> | undefined;

function loadModule(): Promise<EmscriptenOpusModule> {
  modulePromise ??= new Promise<EmscriptenOpusModule>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    // The emscripten prelude installs process-wide handlers that rethrow every
    // uncaught exception and rejection; they are not ours to keep.
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    let loaded: { Module?: EmscriptenOpusModule };
    try {
      loaded = require('opus-recorder/dist/encoderWorker.min.js') as { Module?: EmscriptenOpusModule };
    } catch (e) {
      reject(new ToolsError('OPUS_BACKEND_UNAVAILABLE', `opus-recorder: ${(e as Error).message}`, undefined, { cause: e }));
      return;
    } finally {
      for (const l of process.listeners('uncaughtException')) {
        if (!before.uncaughtException.includes(l)) process.removeListener('uncaughtException', l);
      }
      for (const l of process.listeners('unhandledRejection')) {
        if (!before.unhandledRejection.includes(l)) process.removeListener('unhandledRejection', l);
      }
    }
    const m = loaded.Module;
    if (!m || typeof m._opus_encode_float !== 'function') {
      reject(new ToolsError('OPUS_BACKEND_UNAVAILABLE', 'opus-recorder encoderWorker does not export libopus'));
      return;
    }
    if (m.calledRun) resolve(m);
    else m.onRuntimeInitialized = () => resolve(m);
  });
  return modulePromise;
}

export async function createOpusRecorderEncoder(params: OpusParams): Promise<OpusFrameEncoder> {
  const m = await loadModule();
  return new OpusRecorderEncoder(m, params);
}

class OpusRecorderEncoder implements OpusFrameEncoder {
  readonly frameSamples: number;
  private enc: number;
  private readonly pcmPtr: number;
  private readonly outPtr: number;

  constructor(
    private readonly m: EmscriptenOpusModule,
    readonly params: OpusParams,
  ) {
    this.frameSamples = (params.sampleRate * params.frameMs) / 1000;
    const errPtr = m._malloc(4);
    this.enc = m._opus_encoder_create(params.sampleRate, 1, OPUS_APPLICATION_CODE[params.application], errPtr);
    const err = m.HEAP32[errPtr >> 2] ?? -1;
    m._free(errPtr);
    if (err !== 0 || this.enc === 0) throw new ToolsError('OPUS_BACKEND_UNAVAILABLE', `opus_encoder_create failed (${err})`);
    this.ctl(OPUS_SET_BITRATE, params.bitrate);
    if (params.complexity !== null) this.ctl(OPUS_SET_COMPLEXITY, params.complexity);
    this.pcmPtr = m._malloc(this.frameSamples * 4);
    this.outPtr = m._malloc(MAX_PACKET_BYTES);
  }

  private ctl(request: number, value: number): void {
    const argPtr = this.m._malloc(4);
    this.m.HEAP32[argPtr >> 2] = value;
    const rc = this.m._opus_encoder_ctl(this.enc, request, argPtr);
    this.m._free(argPtr);
    if (rc !== 0) throw new ToolsError('OPUS_INVALID_OPTIONS', `opus_encoder_ctl(${request}, ${value}) failed (${rc})`);
  }

  encode(frame: Int16Array): Uint8Array {
    if (this.enc === 0) throw new ToolsError('OPUS_ENCODE_FAILED', 'encoder destroyed');
    if (frame.length !== this.frameSamples) {
      throw new ToolsError('OPUS_ENCODE_FAILED', `frame has ${frame.length} samples, expected ${this.frameSamples}`);
    }
    // Views are taken per call: the wasm heap may have grown since the last one.
    const base = this.pcmPtr >> 2;
    const heap = this.m.HEAPF32;
    for (let i = 0; i < frame.length; i++) heap[base + i] = (frame[i] as number) / 32768;
    const n = this.m._opus_encode_float(this.enc, this.pcmPtr, this.frameSamples, this.outPtr, MAX_PACKET_BYTES);
    if (n < 0) throw new ToolsError('OPUS_ENCODE_FAILED', `opus_encode_float returned ${n}`);
    return this.m.HEAPU8.slice(this.outPtr, this.outPtr + n);
  }

  destroy(): void {
    if (this.enc === 0) return;
    this.m._opus_encoder_destroy(this.enc);
    this.m._free(this.pcmPtr);
    this.m._free(this.outPtr);
    this.enc = 0;
  }
}
