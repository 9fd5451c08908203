/**
 * The wire forms of an AudioChunk (proto/badge.proto, docs/protocol.md): the
 * badge records chunks in the packed form (field 9 frame_data: the frames
 * concatenated, field 10 frame_sizes: one varint per frame, field 1 the
 * 16-byte session id) and `wireChunk` turns the stored bytes into what the
 * gateway of the connection takes, at the wire level: every other field is
 * copied as is, nothing is decoded into objects (on Espruino each object and
 * array element costs variables; this costs one output buffer):
 * - FORM_LEGACY (a gateway without capabilities): one field 4 per frame;
 * - FORM_PACKED (CAPABILITY_PACKED_FRAMES): as stored;
 * - FORM_COMPACT (CAPABILITY_COMPACT_CHUNKS): the session id replaced by the
 *   connection's alias (field 11), frame_sizes by the Rice-coded sizes
 *   (field 12, frame_sizes_rice), first_frame by first_frame_delta (13:
 *   first_frame - seq x frames, absent for every chunk but a session's last).
 */

import { FieldReader, putVarint } from './proto-fields.js';

/** One field 4 per frame, for a gateway of the first protocol version. */
export const FORM_LEGACY = 0;
/** frame_data + frame_sizes, as stored. */
export const FORM_PACKED = 1;
/** session_alias + frame_data + frame_sizes_rice. */
export const FORM_COMPACT = 2;

/**
 * `chunk` (a stored AudioChunk) in the wire form `form` (FORM_*), with the
 * session named by `alias` instead of its id when the form is compact and
 * `alias` is not 0, and marked as backlog (field 8 = true appended) when
 * `backlog`. A chunk with no packed fields (an older firmware stored it in
 * the legacy form), and one whose bytes cannot be walked or whose sizes do
 * not match its data or cannot be Rice-coded (1..1275), is sent as it is (the
 * gateway rejects it with the reason; the badge never deletes what is not
 * acknowledged).
 *
 * One function with its loops written out: on Espruino every function
 * costs variables for the badge's whole life. Stage 0 walks the fields
 * (finding the packed ones, counting the bytes kept) and reads the sizes;
 * stage 1 counts the Rice bits; stage 2 copies the kept fields and writes
 * the rewritten ones.
 */
export function wireChunk(chunk: Uint8Array, form: number, alias: number, backlog: boolean): Uint8Array {
  const n = chunk.length;
  // Where the bytes of frame_data (field 9) and frame_sizes (10) start (-1: absent) and end.
  let dataAt = -1;
  let dataEnd = 0;
  let sizesAt = -1;
  let sizesEnd = 0;
  // seq (field 2) and first_frame (3).
  let seq = 0;
  let first = 0;
  let out = chunk;
  let o = 0;
  let keep = 0;
  // Frames, their bytes, the sum of the Rice values, the legacy framing, the Rice bytes and parameter.
  let count = 0;
  let total = 0;
  let sum = 0;
  let framing = 0;
  let bits = 0;
  let k = 0;
  let asIs = form === FORM_PACKED;
  if (form !== FORM_COMPACT) alias = 0;
  for (let stage = 0; stage < 3 && !asIs; stage++) {
    // Stage 0 walks fields not yet checked: a truncated field or an unknown wire type sends the chunk as it is.
    const rd = stage === 1 ? undefined : new FieldReader(chunk, 0, n);
    while (rd) {
      try {
        if (!rd.next()) break;
      } catch {
        asIs = true;
        break;
      }
      const field = rd.field;
      const wire = rd.wire;
      if (wire === 2 && field === 9) {
        dataAt = rd.value;
        dataEnd = rd.value + rd.len;
      } else if (wire === 2 && field === 10) {
        sizesAt = rd.value;
        sizesEnd = rd.value + rd.len;
      } else if (wire === 0 && field === 2) seq = rd.value;
      else if (wire === 0 && field === 3) first = rd.value;
      // Dropped: the sizes (rewritten), the data in the legacy form, the session id when an alias names it, the
      // first frame index in the compact form (first_frame_delta instead).
      if (field === 10 || (field === 9 && form === FORM_LEGACY) || (field === 1 && alias > 0) || (field === 3 && form === FORM_COMPACT)) continue;
      if (stage === 0) keep += rd.at - rd.from;
      else {
        out.set(chunk.subarray(rd.from, rd.at), o);
        o += rd.at - rd.from;
      }
    }
    // Legacy already (or half a packed form, which the gateway rejects as it is).
    if (dataAt < 0 || sizesAt < 0) asIs = true;
    if (asIs) break;
    if (stage === 2 && form === FORM_COMPACT) {
      // Field 11 (session_alias, varint), then field 12 (frame_sizes_rice): its length, the parameter, the bits.
      if (alias > 0) {
        out[o++] = 0x58;
        o = putVarint(out, o, alias);
      }
      out[o++] = 0x62;
      o = putVarint(out, o, bits);
      out[o++] = k;
    }
    let d = dataAt;
    let prev = 0;
    let pos = 0;
    for (let q = sizesAt; q < sizesEnd; ) {
      let size = 0;
      let mul = 1;
      let x = 128;
      while (x >= 128) {
        x = q < sizesEnd ? (chunk[q] as number) : 0;
        if (q++ >= sizesEnd) asIs = true;
        size += (x & 127) * mul;
        mul *= 128;
      }
      // The Rice value: the first size - 1, then the zigzag of each difference from the one before.
      const v = prev === 0 ? size - 1 : size >= prev ? 2 * (size - prev) : 2 * (prev - size) - 1;
      prev = size;
      if (stage === 0) {
        if (size < 1 || (size > 1275 && form === FORM_COMPACT)) asIs = true;
        count++;
        total += size;
        sum += v;
        framing += size < 128 ? 2 + size : size < 16384 ? 3 + size : 4 + size;
      } else if (stage === 1) bits += (v >> k) + 1 + k;
      else if (form === FORM_LEGACY) {
        // Field 4 (frames), wire type 2, the length, the frame.
        out[o++] = 0x22;
        o = putVarint(out, o, size);
        out.set(chunk.subarray(d, d + size), o);
        o += size;
        d += size;
      } else {
        // v >> k one-bits (the output starts zeroed), a zero bit, the k low bits of v, most significant first.
        for (let r = v >> k; r > 0; r--) {
          out[o + (pos >> 3)] = (out[o + (pos >> 3)] as number) | (128 >> (pos & 7));
          pos++;
        }
        pos++;
        for (let b = k - 1; b >= 0; b--) {
          if ((v >> b) & 1) out[o + (pos >> 3)] = (out[o + (pos >> 3)] as number) | (128 >> (pos & 7));
          pos++;
        }
      }
    }
    if (stage === 0) {
      if (total !== dataEnd - dataAt || total >= 2097152) asIs = true;
      // The Rice parameter: floor(log2(mean value)), at most 11 (as good as the best on speech; any is valid).
      while (k < 11 && count * (2 << k) <= sum) k++;
    } else if (stage === 1) {
      // The Rice bytes: the parameter and the bits padded to whole bytes. The output: at most 5 bytes per varint.
      bits = 1 + Math.ceil(bits / 8);
      out = new Uint8Array(keep + (form === FORM_LEGACY ? framing : 24 + bits) + 2);
    } else if (form === FORM_COMPACT) {
      o += Math.ceil(pos / 8);
      // Field 13 (first_frame_delta, sint64): first_frame - seq x frames, zigzag; absent when 0.
      first -= seq * count;
      if (first !== 0) {
        out[o++] = 0x68;
        o = putVarint(out, o, first > 0 ? 2 * first : -2 * first - 1);
      }
    }
  }
  if (asIs) {
    if (!backlog) return chunk;
    out = new Uint8Array(n + 2);
    out.set(chunk, 0);
    o = n;
  }
  // Marked as backlog by appending field 8 (varint) = true.
  if (backlog) {
    out[o++] = 0x40;
    out[o++] = 0x01;
  }
  return o < out.length ? out.subarray(0, o) : out;
}
