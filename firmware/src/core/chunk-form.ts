/**
 * The two frame forms of an AudioChunk (proto/badge.proto): the badge records
 * chunks in the packed form (field 9 frame_data: the frames concatenated,
 * field 10 frame_sizes: one varint per frame) and sends them as stored to a
 * gateway whose HelloReply has CAPABILITY_PACKED_FRAMES. For any other
 * gateway `legacyChunk` rewrites the stored bytes into the legacy form (one
 * field 4 per frame) at the wire level: every other field is copied as is,
 * nothing is decoded into objects (on Espruino each object and array element
 * costs variables; this costs one output buffer).
 */

/**
 * `chunk` (an encoded AudioChunk) with its frames in the legacy form. A chunk
 * already in that form is returned as is, and so is one whose bytes cannot
 * be walked or whose sizes do not match its data (the gateway rejects it
 * with the reason; the badge never deletes what is not acknowledged).
 *
 * One function with its varint loops written out: on Espruino every function
 * costs variables for the badge's whole life.
 */
export function legacyChunk(chunk: Uint8Array): Uint8Array {
  const n = chunk.length;
  // Per packed field (0: frame_data = 9, 1: frame_sizes = 10): [start of its tag, start of its bytes, end].
  const at = [-1, 0, 0, -1, 0, 0];
  let p = 0;
  while (p < n) {
    const start = p;
    let tag = 0;
    let mul = 1;
    let x = 128;
    while (x >= 128) {
      if (p >= n) return chunk;
      x = chunk[p++] as number;
      tag += (x & 127) * mul;
      mul *= 128;
    }
    const wire = tag % 8;
    if (wire === 1) p += 8;
    else if (wire === 5) p += 4;
    else if (wire === 0 || wire === 2) {
      // A varint value, or the length of a length-delimited field.
      let v = 0;
      mul = 1;
      x = 128;
      while (x >= 128) {
        if (p >= n) return chunk;
        x = chunk[p++] as number;
        v += (x & 127) * mul;
        mul *= 128;
      }
      if (wire === 2) {
        p += v;
        const field = (tag - wire) / 8;
        if (field === 9 || field === 10) {
          const i = (field - 9) * 3;
          at[i] = start;
          at[i + 1] = p - v;
          at[i + 2] = p;
        }
      }
    } else return chunk;
    if (p > n) return chunk;
  }
  // Legacy already (or half a packed form, which the gateway rejects as it is).
  if ((at[0] as number) < 0 || (at[3] as number) < 0) return chunk;
  const dataAt = at[1] as number;
  const dataEnd = at[2] as number;
  const sizesAt = at[4] as number;
  const sizesEnd = at[5] as number;
  // The legacy frames' size: tag, length varint and bytes per frame; the sizes must add up to the data exactly.
  let framing = 0;
  let total = 0;
  for (let q = sizesAt; q < sizesEnd; ) {
    let size = 0;
    let mul = 1;
    let x = 128;
    while (x >= 128) {
      if (q >= sizesEnd) return chunk;
      x = chunk[q++] as number;
      size += (x & 127) * mul;
      mul *= 128;
    }
    framing += size < 128 ? 2 + size : size < 16384 ? 3 + size : 4 + size;
    total += size;
  }
  if (total !== dataEnd - dataAt || total >= 2097152) return chunk;
  const dataStart = at[0] as number;
  const sizesStart = at[3] as number;
  const out = new Uint8Array(n - (dataEnd - dataStart) - (sizesEnd - sizesStart) + framing);
  // Every other field, in its order: the bytes around the two packed fields.
  const firstStart = dataStart < sizesStart ? dataStart : sizesStart;
  const firstEnd = dataStart < sizesStart ? dataEnd : sizesEnd;
  const secondStart = dataStart < sizesStart ? sizesStart : dataStart;
  const secondEnd = dataStart < sizesStart ? sizesEnd : dataEnd;
  out.set(chunk.subarray(0, firstStart), 0);
  let o = firstStart;
  out.set(chunk.subarray(firstEnd, secondStart), o);
  o += secondStart - firstEnd;
  out.set(chunk.subarray(secondEnd, n), o);
  o += n - secondEnd;
  let d = dataAt;
  for (let q = sizesAt; q < sizesEnd; ) {
    let size = 0;
    let mul = 1;
    let x = 128;
    while (x >= 128) {
      x = chunk[q++] as number;
      size += (x & 127) * mul;
      mul *= 128;
    }
    // Field 4 (frames), wire type 2, then the length as a varint.
    out[o++] = 0x22;
    for (let l = size; ; l = Math.floor(l / 128)) {
      if (l < 128) {
        out[o++] = l;
        break;
      }
      out[o++] = (l & 127) | 128;
    }
    out.set(chunk.subarray(d, d + size), o);
    o += size;
    d += size;
  }
  return out;
}
