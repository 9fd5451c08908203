import { FirmwareError } from './errors.js';

/**
 * Protobuf at the wire level: varints, a field walker, and for the messages
 * whose size grows with the sessions held, the Hello's inventory (written
 * entry by entry) and the HelloReply's resume points (read entry by entry);
 * `chunk-form.ts` rewrites chunks with the same two pieces. The generated codec
 * would make an object per session for each (on Espruino ~15 variables a
 * session at the reconnect: a table of 32 took the interpreter over its
 * budget); here a session costs bytes of one buffer.
 */

/** Writes `v` as a varint at `o`; returns the offset after it. */
export function putVarint(out: Uint8Array, o: number, v: number): number {
  while (v >= 128) {
    out[o++] = (v & 127) | 128;
    v = Math.floor(v / 128);
  }
  out[o++] = v;
  return o;
}

/** Most bytes `putInventory` writes for one session. */
export const INVENTORY_ENTRY_MAX = 2 + 18 + 6 + 6 + 2 + 2 + 4;

/**
 * Writes one `Hello.backlog` entry (field 8, a SessionInventory) at `o` in
 * `out`: the 16-byte id at `idAt` in `ids`, then the fields that are not 0
 * (proto3). Returns the offset after it.
 */
export function putInventory(out: Uint8Array, o: number, ids: Uint8Array, idAt: number, firstSeq: number, lastSeq: number, closed: boolean, hasChunks: boolean, alias: number): number {
  const start = o;
  o += 2;
  out[o++] = 0x0a;
  out[o++] = 16;
  out.set(ids.subarray(idAt, idAt + 16), o);
  o += 16;
  if (firstSeq > 0) o = putVarint(out, putTag(out, o, 0x10), firstSeq);
  if (lastSeq > 0) o = putVarint(out, putTag(out, o, 0x18), lastSeq);
  if (closed) o = putVarint(out, putTag(out, o, 0x20), 1);
  if (hasChunks) o = putVarint(out, putTag(out, o, 0x28), 1);
  if (alias > 0) o = putVarint(out, putTag(out, o, 0x30), alias);
  // Field 8, length-delimited; an entry is at most INVENTORY_ENTRY_MAX - 2 < 128 bytes: a one-byte length.
  out[start] = 0x42;
  out[start + 1] = o - start - 2;
  return o;
}

function putTag(out: Uint8Array, o: number, tag: number): number {
  out[o] = tag;
  return o + 1;
}

/**
 * Reads the fields of `b[at, end)` one at a time: after `next()` returns
 * true, `field` and `wire` are the field's number and wire type, `value` is
 * a varint's value or where a length-delimited field's bytes start (`len`
 * of them), and `from` where the field's tag was. Throws PROTO_DECODE on a
 * truncated field or an unknown wire type.
 */
export class FieldReader {
  readonly b: Uint8Array;
  at: number;
  readonly end: number;
  field = 0;
  wire = 0;
  value = 0;
  len = 0;
  from = 0;

  constructor(b: Uint8Array, at: number, end: number) {
    this.b = b;
    this.at = at;
    this.end = end;
  }

  next(): boolean {
    if (this.at >= this.end) return false;
    this.from = this.at;
    const tag = this.varint();
    this.field = Math.floor(tag / 8);
    this.wire = tag & 7;
    this.len = 0;
    if (this.wire === 0) this.value = this.varint();
    else if (this.wire === 2) {
      this.len = this.varint();
      this.value = this.at;
      this.at += this.len;
    } else if (this.wire === 1 || this.wire === 5) {
      this.value = this.at;
      this.at += this.wire === 1 ? 8 : 4;
    } else throw new FirmwareError('PROTO_DECODE', 'wire type ' + this.wire);
    if (this.at > this.end) throw new FirmwareError('PROTO_DECODE', 'truncated field ' + this.field);
    return true;
  }

  private varint(): number {
    let v = 0;
    let mul = 1;
    for (let n = 0; ; n++) {
      if (this.at >= this.end || n >= 10) throw new FirmwareError('PROTO_DECODE', 'truncated varint');
      const byte = this.b[this.at++] as number;
      v += (byte & 127) * mul;
      mul *= 128;
      if (byte < 128) return v;
    }
  }
}
