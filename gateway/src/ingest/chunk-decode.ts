/**
 * An up/chunk payload decoded and validated, in any frame form (legacy
 * `frames`, packed `frame_data` + `frame_sizes`, or `frame_data` +
 * Rice-coded `frame_sizes_rice`, see badge.proto), with its session named by
 * `session_id` or by this connection's `session_alias`, into one
 * representation: the session id, the chunk's fields and its Opus packets as
 * views into the payload. Everything after this (de-duplication, spool
 * records, Ogg assembly) sees only that representation.
 */
import { crc32 } from 'node:zlib';
import { chunkFirstFrame, chunkFrames, decodeUp, isProtocolError, isRiceChunk, sessionIdToHex, type DecodedUp } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { SessionAliases } from './session-aliases.js';

/** Largest Opus packet of one frame (RFC 6716: 1275 bytes). */
export const MAX_OPUS_FRAME = 1275;

export interface ChunkLimits {
  /** Most frames one chunk may carry. */
  maxChunkFrames: number;
  /** Highest accepted seq. */
  maxSeq: number;
}

export interface ReceivedChunk {
  /** The decoded message; read frames from `frames`, not from its frame fields; `firstFrame` is the index in every form. */
  chunk: DecodedUp<'chunk'>;
  /** Session id as 32 hex characters. */
  sessionHex: string;
  /** The Opus packets, whichever form carried them. */
  frames: Uint8Array[];
  /** Opus bytes in `frames`. */
  bytes: number;
  /** Whether the packed form carried them (either size coding). */
  packed: boolean;
  /** Whether the sizes were Rice-coded (frame_sizes_rice). */
  rice: boolean;
  /** Whether the session was named by its alias. */
  aliased: boolean;
}

/**
 * Decodes and validates one chunk; `aliases` are the session aliases of the
 * connection it came on (null: none announced). Throws a ParleyError:
 * PROTO_DECODE (not an AudioChunk), SESSION_ID_INVALID, SESSION_ALIAS_UNKNOWN
 * (an alias not announced on this connection), CHUNK_INVALID (both session_id
 * and session_alias, two frame forms, frame sizes that do not match the frame
 * data, no frames, too many, a frame of 0 or more than 1275 bytes, seq or
 * frame index out of range, first_frame in the compact form or
 * first_frame_delta in another) or CHUNK_CRC_MISMATCH.
 */
export function decodeChunk(payload: Uint8Array, limits: ChunkLimits, aliases: SessionAliases | null = null): ReceivedChunk {
  let chunk: DecodedUp<'chunk'>;
  try {
    chunk = decodeUp('chunk', payload);
  } catch (e) {
    throw new ParleyError('PROTO_DECODE', `chunk: ${e instanceof Error ? e.message : String(e)}`, undefined, { cause: e });
  }
  const aliased = chunk.sessionAlias !== 0;
  let sessionHex: string;
  if (aliased) {
    if (chunk.sessionId.length > 0) throw new ParleyError('CHUNK_INVALID', `both session_id (${chunk.sessionId.length} bytes) and session_alias ${chunk.sessionAlias}`);
    if (!aliases) throw new ParleyError('SESSION_ALIAS_UNKNOWN', `alias ${chunk.sessionAlias}: no alias announced on this connection`);
    sessionHex = aliases.resolve(chunk.sessionAlias);
  } else {
    if (chunk.sessionId.length !== 16) throw new ParleyError('SESSION_ID_INVALID', `${chunk.sessionId.length} bytes`);
    sessionHex = sessionIdToHex(chunk.sessionId);
  }
  if (chunk.seq > limits.maxSeq) throw new ParleyError('CHUNK_INVALID', `seq ${chunk.seq} > ${limits.maxSeq}`);
  if (chunk.frames.length > limits.maxChunkFrames) throw new ParleyError('CHUNK_INVALID', `${chunk.frames.length} frames > ${limits.maxChunkFrames}`);
  let frames: Uint8Array[];
  try {
    frames = chunkFrames(chunk, limits.maxChunkFrames);
    // The compact form gives the first frame index relative to seq x frames: from here on it is first_frame.
    if (frames.length > 0) chunk = { ...chunk, firstFrame: chunkFirstFrame(chunk, frames.length) };
  } catch (e) {
    if (!isProtocolError(e)) throw e;
    throw new ParleyError('CHUNK_INVALID', e.message, undefined, { cause: e });
  }
  const n = frames.length;
  if (n === 0) throw new ParleyError('CHUNK_INVALID', 'no frames');
  if (chunk.firstFrame + n > 0xffffffff) throw new ParleyError('CHUNK_INVALID', 'frame index overflow');
  const packed = chunk.frames.length === 0;
  let crc = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const f = frames[i]!;
    if (f.length < 1 || f.length > MAX_OPUS_FRAME) throw new ParleyError('CHUNK_INVALID', `frame ${i} has ${f.length} bytes (1..${MAX_OPUS_FRAME})`);
    bytes += f.length;
    if (!packed) crc = crc32(f, crc);
  }
  // Packed: the frames are exactly frame_data (chunkFrames checked the sizes add up), one CRC call.
  if (packed) crc = crc32(chunk.frameData);
  if (crc >>> 0 !== chunk.crc32 >>> 0) throw new ParleyError('CHUNK_CRC_MISMATCH', `seq ${chunk.seq}`);
  return { chunk, sessionHex, frames, bytes, packed, rice: isRiceChunk(chunk), aliased };
}
