/**
 * The frames of an AudioChunk in either of its two forms (badge.proto):
 * legacy `frames` (one bytes field per Opus packet) or packed `frame_data`
 * (the packets concatenated) + `frame_sizes` (one varint per packet). A chunk
 * carries exactly one form; `chunkFrames` turns either into one list of
 * packets (views into the chunk's bytes, no copy) and `packFrames` builds the
 * packed form from a list.
 */
import { ProtocolError } from './errors.js';

/** The AudioChunk fields that carry frames (a decoded chunk has all three). */
export interface ChunkFrameFields {
  frames?: readonly Uint8Array[] | null;
  frameData?: Uint8Array | null;
  frameSizes?: Uint8Array | null;
}

/** The packed form of a list of frames. */
export interface PackedFrames {
  frameData: Uint8Array;
  frameSizes: Uint8Array;
}

/** A varint of a frame size is at most 5 bytes (sizes are uint32). */
const MAX_SIZE_VARINT_BYTES = 5;

/** Whether the chunk uses the packed form (frame_data or frame_sizes present). */
export function isPackedChunk(chunk: ChunkFrameFields): boolean {
  return (chunk.frameData?.length ?? 0) > 0 || (chunk.frameSizes?.length ?? 0) > 0;
}

/**
 * The chunk's Opus packets, in order, whichever form it uses. Throws a
 * ProtocolError: PROTO_CHUNK_FORMS when both forms are present,
 * PROTO_FRAME_SIZES when frame_sizes is not a list of whole varints of
 * 1..2^32-1 adding up to the length of frame_data, or has more than
 * `maxFrames` entries (checked while reading, before any view is made).
 * Empty or oversized frames of the legacy form are the caller's to judge.
 */
export function chunkFrames(chunk: ChunkFrameFields, maxFrames = Number.MAX_SAFE_INTEGER): Uint8Array[] {
  const legacy = chunk.frames ?? [];
  if (!isPackedChunk(chunk)) return legacy.slice();
  if (legacy.length > 0) {
    throw new ProtocolError('PROTO_CHUNK_FORMS', `${legacy.length} frames and ${chunk.frameSizes?.length ?? 0} bytes of frame_sizes`);
  }
  const data = chunk.frameData ?? new Uint8Array(0);
  const sizes = chunk.frameSizes ?? new Uint8Array(0);
  const frames: Uint8Array[] = [];
  let at = 0;
  let p = 0;
  while (p < sizes.length) {
    let size = 0;
    let shift = 0;
    let b = 0x80;
    const start = p;
    while (b & 0x80) {
      if (p >= sizes.length) throw new ProtocolError('PROTO_FRAME_SIZES', `truncated varint at byte ${start}`);
      if (p - start >= MAX_SIZE_VARINT_BYTES) throw new ProtocolError('PROTO_FRAME_SIZES', `varint longer than ${MAX_SIZE_VARINT_BYTES} bytes at byte ${start}`);
      b = sizes[p++] as number;
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if (size === 0) throw new ProtocolError('PROTO_FRAME_SIZES', `frame ${frames.length} has size 0`);
    if (size > 0xffffffff) throw new ProtocolError('PROTO_FRAME_SIZES', `frame ${frames.length} size ${size} exceeds uint32`);
    if (frames.length >= maxFrames) throw new ProtocolError('PROTO_FRAME_SIZES', `more than ${maxFrames} frames`);
    if (at + size > data.length) {
      throw new ProtocolError('PROTO_FRAME_SIZES', `frame sizes add up to more than the ${data.length} bytes of frame_data (frame ${frames.length})`);
    }
    frames.push(data.subarray(at, at + size));
    at += size;
  }
  if (at !== data.length) throw new ProtocolError('PROTO_FRAME_SIZES', `frame sizes add up to ${at}, frame_data has ${data.length} bytes`);
  return frames;
}

/** The packed form of `frames` (frame_data and frame_sizes); an empty frame cannot be packed (PROTO_ENCODE). */
export function packFrames(frames: readonly Uint8Array[]): PackedFrames {
  let dataBytes = 0;
  let sizeBytes = 0;
  for (const f of frames) {
    if (f.length === 0) throw new ProtocolError('PROTO_ENCODE', 'an empty frame has no packed form');
    dataBytes += f.length;
    for (let n = f.length; n >= 0x80; n = Math.floor(n / 0x80)) sizeBytes++;
    sizeBytes++;
  }
  const frameData = new Uint8Array(dataBytes);
  const frameSizes = new Uint8Array(sizeBytes);
  let at = 0;
  let p = 0;
  for (const f of frames) {
    frameData.set(f, at);
    at += f.length;
    let n = f.length;
    while (n >= 0x80) {
      frameSizes[p++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 0x80);
    }
    frameSizes[p++] = n;
  }
  return { frameData, frameSizes };
}
