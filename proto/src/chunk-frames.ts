/**
 * The frames of an AudioChunk in any of its forms (badge.proto): legacy
 * `frames` (one bytes field per Opus packet) or packed `frame_data` (the
 * packets concatenated) with their sizes either in `frame_sizes` (one varint
 * per packet) or in `frame_sizes_rice` (Rice-coded, see `riceFrameSizes`). A
 * chunk carries exactly one form; `chunkFrames` turns any into one list of
 * packets (views into the chunk's bytes, no copy), `packFrames` builds the
 * packed form from a list and `compactFrames` the packed form with
 * Rice-coded sizes.
 */
import { ProtocolError } from './errors.js';

/** The AudioChunk fields that carry frames (a decoded chunk has all three). */
export interface ChunkFrameFields {
  frames?: readonly Uint8Array[] | null;
  frameData?: Uint8Array | null;
  frameSizes?: Uint8Array | null;
  frameSizesRice?: Uint8Array | null;
}

/** The packed form with Rice-coded sizes of a list of frames. */
export interface CompactFrames {
  frameData: Uint8Array;
  frameSizesRice: Uint8Array;
}

/** Largest Rice parameter in frame_sizes_rice' first byte (a zigzag size delta is below 2^12). */
export const MAX_RICE_PARAMETER = 11;
/** Largest frame size the Rice-coded form can carry (an Opus packet is at most 1275 bytes, RFC 6716). */
export const MAX_RICE_FRAME_SIZE = 1275;

/** The packed form of a list of frames. */
export interface PackedFrames {
  frameData: Uint8Array;
  frameSizes: Uint8Array;
}

/** A varint of a frame size is at most 5 bytes (sizes are uint32). */
const MAX_SIZE_VARINT_BYTES = 5;

/** Whether the chunk uses the packed form (frame_data, frame_sizes or frame_sizes_rice present). */
export function isPackedChunk(chunk: ChunkFrameFields): boolean {
  return (chunk.frameData?.length ?? 0) > 0 || (chunk.frameSizes?.length ?? 0) > 0 || (chunk.frameSizesRice?.length ?? 0) > 0;
}

/** Whether the chunk's sizes are Rice-coded (frame_sizes_rice present). */
export function isRiceChunk(chunk: ChunkFrameFields): boolean {
  return (chunk.frameSizesRice?.length ?? 0) > 0;
}

/**
 * The chunk's Opus packets, in order, whichever form it uses. Throws a
 * ProtocolError: PROTO_CHUNK_FORMS when two forms are present (legacy frames
 * with packed fields, or frame_sizes with frame_sizes_rice),
 * PROTO_FRAME_SIZES when frame_sizes is not a list of whole varints of
 * 1..2^32-1 adding up to the length of frame_data, when frame_sizes_rice is
 * not a valid Rice code (see `riceFrameSizes`) of sizes 1..1275 adding up to
 * it, or when either has more than `maxFrames` entries (checked while
 * reading, before any view is made). Empty or oversized frames of the legacy
 * form are the caller's to judge.
 */
export function chunkFrames(chunk: ChunkFrameFields, maxFrames = Number.MAX_SAFE_INTEGER): Uint8Array[] {
  const legacy = chunk.frames ?? [];
  if (!isPackedChunk(chunk)) return legacy.slice();
  if (legacy.length > 0) {
    throw new ProtocolError('PROTO_CHUNK_FORMS', `${legacy.length} frames and ${chunk.frameSizes?.length ?? 0} bytes of frame_sizes`);
  }
  const data = chunk.frameData ?? new Uint8Array(0);
  const sizes = chunk.frameSizes ?? new Uint8Array(0);
  if (isRiceChunk(chunk)) {
    if (sizes.length > 0) throw new ProtocolError('PROTO_CHUNK_FORMS', `${sizes.length} bytes of frame_sizes and ${chunk.frameSizesRice?.length ?? 0} of frame_sizes_rice`);
    return riceFrames(data, chunk.frameSizesRice as Uint8Array, maxFrames);
  }
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

/**
 * The frames of `data` whose sizes `rice` codes (frame_sizes_rice). Byte 0 is
 * the Rice parameter k (0..11); then a bit stream, most significant bit of
 * each byte first. Per frame one value v: for the first frame its size - 1,
 * for every later one the zigzag of the difference from the previous size
 * (d >= 0: 2d; d < 0: -2d - 1). Each v is coded as q = v >> k one-bits, a
 * zero bit, then the k low bits of v, most significant first. The codes end
 * when the sizes add up to the length of `data` (a chunk without frames is
 * the lone byte k); what is left is padding to the byte boundary: fewer than
 * 8 bits, all zero.
 */
function riceFrames(data: Uint8Array, rice: Uint8Array, maxFrames: number): Uint8Array[] {
  const k = rice[0] as number;
  if (k > MAX_RICE_PARAMETER) throw new ProtocolError('PROTO_FRAME_SIZES', `Rice parameter ${k} > ${MAX_RICE_PARAMETER}`);
  const bits = rice.length * 8;
  const frames: Uint8Array[] = [];
  let pos = 8;
  let at = 0;
  let size = 0;
  const bit = (): number => {
    if (pos >= bits) throw new ProtocolError('PROTO_FRAME_SIZES', `Rice code ends in frame ${frames.length}, sizes add up to ${at} of ${data.length} bytes`);
    const b = ((rice[pos >> 3] as number) >> (7 - (pos & 7))) & 1;
    pos++;
    return b;
  };
  while (at < data.length) {
    let q = 0;
    while (bit() === 1) {
      // v is below 2^12 for any two sizes 1..1275: a longer quotient is no valid code.
      if (++q << k > 2 * MAX_RICE_FRAME_SIZE) throw new ProtocolError('PROTO_FRAME_SIZES', `Rice quotient too long in frame ${frames.length}`);
    }
    let v = q;
    for (let i = 0; i < k; i++) v = (v << 1) | bit();
    size = frames.length === 0 ? v + 1 : size + (v & 1 ? -(v + 1) / 2 : v / 2);
    if (size < 1 || size > MAX_RICE_FRAME_SIZE) throw new ProtocolError('PROTO_FRAME_SIZES', `frame ${frames.length} has size ${size} (1..${MAX_RICE_FRAME_SIZE})`);
    if (frames.length >= maxFrames) throw new ProtocolError('PROTO_FRAME_SIZES', `more than ${maxFrames} frames`);
    if (at + size > data.length) {
      throw new ProtocolError('PROTO_FRAME_SIZES', `frame sizes add up to more than the ${data.length} bytes of frame_data (frame ${frames.length})`);
    }
    frames.push(data.subarray(at, at + size));
    at += size;
  }
  if (bits - pos >= 8) throw new ProtocolError('PROTO_FRAME_SIZES', `${bits - pos} bits after the last size (padding is fewer than 8)`);
  while (pos < bits) if (bit() !== 0) throw new ProtocolError('PROTO_FRAME_SIZES', 'padding after the last size is not zero');
  return frames;
}

/** The Rice values of `sizes`: size - 1 for the first, the zigzag of the difference from the previous for the rest. */
function riceValues(sizes: readonly number[]): number[] {
  const values: number[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] as number;
    if (!Number.isInteger(size) || size < 1 || size > MAX_RICE_FRAME_SIZE) throw new ProtocolError('PROTO_ENCODE', `frame size ${size} has no Rice code (1..${MAX_RICE_FRAME_SIZE})`);
    const d = i === 0 ? size - 1 : size - (sizes[i - 1] as number);
    values.push(i === 0 ? d : d >= 0 ? 2 * d : -2 * d - 1);
  }
  return values;
}

/**
 * frame_sizes_rice for `sizes` (each 1..1275; PROTO_ENCODE otherwise), with
 * the Rice parameter `k`, or by default the one giving the fewest bits (the
 * badge takes floor(log2(mean value)), the same on speech; any k 0..11 is
 * valid). The bit-level format is described at `riceFrames` and in
 * docs/protocol.md.
 */
export function riceFrameSizes(sizes: readonly number[], k?: number): Uint8Array {
  const values = riceValues(sizes);
  const cost = (p: number): number => values.reduce((bits, v) => bits + (v >> p) + 1 + p, 0);
  let param = k ?? 0;
  if (k === undefined) for (let p = 1; p <= MAX_RICE_PARAMETER; p++) if (cost(p) < cost(param)) param = p;
  if (!Number.isInteger(param) || param < 0 || param > MAX_RICE_PARAMETER) throw new ProtocolError('PROTO_ENCODE', `Rice parameter ${param} (0..${MAX_RICE_PARAMETER})`);
  const out = new Uint8Array(1 + Math.ceil(cost(param) / 8));
  out[0] = param;
  let pos = 8;
  const put = (b: number): void => {
    if (b) out[pos >> 3] = (out[pos >> 3] as number) | (0x80 >> (pos & 7));
    pos++;
  };
  for (const v of values) {
    for (let q = v >> param; q > 0; q--) put(1);
    put(0);
    for (let i = param - 1; i >= 0; i--) put((v >> i) & 1);
  }
  return out;
}

/** The packed form of `frames` with Rice-coded sizes (frame_data and frame_sizes_rice); frames must be 1..1275 bytes (PROTO_ENCODE). */
export function compactFrames(frames: readonly Uint8Array[], k?: number): CompactFrames {
  const { frameData } = packFrames(frames);
  return { frameData, frameSizesRice: riceFrameSizes(frames.map((f) => f.length), k) };
}

/** The AudioChunk fields that give its first frame index. */
export interface ChunkFirstFrameFields {
  seq: number;
  firstFrame?: number | null;
  firstFrameDelta?: number | null;
  frameSizesRice?: Uint8Array | null;
}

/**
 * The frame index of the chunk's first frame, which carries `frameCount`
 * frames: `first_frame` in the legacy and packed forms; in the compact form
 * (frame_sizes_rice present) `seq * frameCount + first_frame_delta`, with
 * `first_frame` absent. Throws PROTO_CHUNK_FORMS for a compact chunk with
 * `first_frame` or a packed/legacy one with `first_frame_delta`, and
 * PROTO_FRAME_SIZES for an index outside 0..2^32-1.
 */
export function chunkFirstFrame(chunk: ChunkFirstFrameFields, frameCount: number): number {
  const delta = chunk.firstFrameDelta ?? 0;
  if (!isRiceChunk(chunk)) {
    if (delta !== 0) throw new ProtocolError('PROTO_CHUNK_FORMS', `first_frame_delta ${delta} without frame_sizes_rice`);
    return chunk.firstFrame ?? 0;
  }
  if ((chunk.firstFrame ?? 0) !== 0) throw new ProtocolError('PROTO_CHUNK_FORMS', `first_frame ${chunk.firstFrame} with frame_sizes_rice (first_frame_delta instead)`);
  const first = chunk.seq * frameCount + delta;
  if (!Number.isSafeInteger(first) || first < 0 || first > 0xffffffff) throw new ProtocolError('PROTO_FRAME_SIZES', `first frame ${first} (seq ${chunk.seq} x ${frameCount} frames + ${delta})`);
  return first;
}

/** first_frame_delta of a compact chunk: its first frame index minus seq times its frame count. */
export function firstFrameDelta(seq: number, firstFrame: number, frameCount: number): number {
  return firstFrame - seq * frameCount;
}
