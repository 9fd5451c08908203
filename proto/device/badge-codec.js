// GENERATED from proto/badge.proto by proto/src/device-codec: do not edit.
// Regenerate with `npm run generate -w proto`. Runs on Espruino (see runtime notes below) and in Node.

// ---------------------------------------------------------------- runtime
// Generic, table-driven protobuf (proto3) wire codec for the badge. Written in
// the JavaScript subset Espruino runs (no destructuring, spread, default
// parameters, Map/Set, Symbol, `?.`, `**`, hoisting; no Array.prototype.slice)
// and copied verbatim into device/badge-codec.js by the generator.
//
// A message descriptor is an array:
//   [spec, subs, name0, name1, ...]
//   spec: Uint16Array of pairs (field number, type | flags) in field order
//   subs: array of sub-message descriptors aligned with the fields (0 if none)
//   nameN: protobufjs' camelCase field name of field N
// Type codes are the T_* constants below; flags: F_REPEATED, F_PACKED.
//
// The named message exports are the same table packed into one string per
// message (see expandDescriptor), because on Espruino every array element and
// every string costs variables the badge keeps for its whole life: the packed
// form costs about a quarter. Each encode/decode expands the levels it walks
// into a short-lived descriptor of the form above. MESSAGES, UP and DOWN hold
// the expanded form (tools and tests read it).
//
// Strings: in Node they are UTF-16 and converted to/from UTF-8. On Espruino
// (detected by its global E) strings are 8-bit: a string field decodes to the
// string of its UTF-8 bytes (marked UTF-8 with E.asUTF8 on builds with
// Unicode support), and encodes UTF-8 strings as their UTF-8 bytes and 8-bit
// strings byte for byte. String.fromCharCode there only takes 0..255.

/* global E */

const T_INT32 = 0, T_INT64 = 1, T_UINT32 = 2, T_UINT64 = 3, T_SINT32 = 4, T_SINT64 = 5, T_BOOL = 6, T_ENUM = 7;
const T_FIXED32 = 8, T_SFIXED32 = 9, T_FIXED64 = 10, T_SFIXED64 = 11;
// 12 and 13 are float and double, which the generator refuses (badge code has no use for them).
const T_STRING = 14, T_BYTES = 15, T_MESSAGE = 16;
const F_REPEATED = 32, F_PACKED = 64;
const TYPE_MASK = 31;
// Wire type of each type code, indexed by T_*.
const WIRE = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 1, 1, 5, 1, 2, 2, 2]);
const TWO_32 = 4294967296;
const MAX_DEPTH = 16;
const ESPRUINO = typeof E !== 'undefined' && E !== null && typeof E.toUint8Array === 'function';
const ESPRUINO_UTF8 = ESPRUINO && typeof E.isUTF8 === 'function' && E.isUTF8('\u0100') === true;

/** Error codes thrown by decode/encode (err.code). */
export const ERR = {
  TRUNCATED: 'PROTO_TRUNCATED',
  VARINT: 'PROTO_VARINT',
  WIRE_TYPE: 'PROTO_WIRE_TYPE',
  TAG: 'PROTO_TAG',
  UTF8: 'PROTO_UTF8',
  DEPTH: 'PROTO_DEPTH',
  VALUE: 'PROTO_VALUE',
};

function codecError(code, message) {
  const err = new Error(code + ': ' + message);
  err.code = code;
  return err;
}

// ---------------------------------------------------------------- crc32

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

const NATIVE_CRC32 = ESPRUINO && typeof E.CRC32 === 'function';

// CRC_TOP[b]: the table index whose entry has b as its top byte (unique for CRC-32).
const CRC_TOP = new Uint8Array(256);
for (let n = 0; n < 256; n++) CRC_TOP[CRC_TABLE[n] >>> 24] = n;

// Writes into out[0..3] the four bytes that take a fresh CRC register to
// `state`, so a fresh CRC of them followed by more data continues a CRC.
function crcPrefix(state, out) {
  let s = state;
  for (let i = 3; i >= 0; i--) {
    const k = CRC_TOP[s >>> 24];
    out[i] = k;
    s = ((s ^ CRC_TABLE[k]) << 8) >>> 0;
  }
  let reg = -1;
  for (let i = 0; i < 4; i++) {
    const k = out[i];
    out[i] = (reg ^ k) & 0xff;
    reg = (reg >>> 8) ^ CRC_TABLE[k];
  }
}

/**
 * CRC-32/ISO-HDLC (zlib/PNG) of `data`; pass the CRC of the preceding bytes
 * as `previous` to continue it. Returns an unsigned 32-bit number. On
 * Espruino the bytes go through the native E.CRC32 (it cannot continue a CRC
 * itself: a continued one is computed over four bytes that recreate the
 * previous CRC's register state, followed by `data`).
 */
export function crc32(data, previous) {
  if (NATIVE_CRC32) {
    if (previous === undefined) return E.CRC32(data) >>> 0;
    const joined = new Uint8Array(data.length + 4);
    crcPrefix(~previous >>> 0, joined);
    joined.set(data, 4);
    return E.CRC32(joined) >>> 0;
  }
  let crc = previous === undefined ? -1 : ~previous;
  const n = data.length;
  for (let i = 0; i < n; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

// ---------------------------------------------------------------- descriptors

// A packed descriptor: the string S, or [S, D1, D2, ...] when the message has
// message-typed fields (Dk: the descriptor of the k-th such field, in field
// order). S holds one entry per field, separated by spaces: the character with
// the field number's code, the character with the type | flags code, then the
// field name (field numbers 1..127, names without spaces).
// Returns the expanded form of one level; an expanded descriptor is returned as is.
function expandDescriptor(packed) {
  let s = packed;
  let nextSub = 1;
  if (typeof s !== 'string') {
    s = packed[0];
    if (typeof s !== 'string') return packed;
  }
  const spec = [];
  const subs = [];
  const desc = [spec, subs];
  let p = 0;
  while (p < s.length) {
    const t = s.charCodeAt(p + 1);
    let q = s.indexOf(' ', p + 2);
    if (q < 0) q = s.length;
    spec.push(s.charCodeAt(p), t);
    subs.push((t & TYPE_MASK) === T_MESSAGE ? packed[nextSub++] : 0);
    desc.push(s.substring(p + 2, q));
    p = q + 1;
  }
  return desc;
}

// ---------------------------------------------------------------- decoding

// Decoder state (decoding is synchronous and not re-entrant).
let dBuf = null;
let dPos = 0;
let lo = 0;
let hi = 0;

function truncated(what) {
  return codecError(ERR.TRUNCATED, what + ' runs past the end at byte ' + dPos);
}

// Reads a varint of up to 10 bytes into lo/hi (unsigned 32-bit halves).
function readVarint(end) {
  let b = 0;
  lo = 0;
  hi = 0;
  for (let i = 0; i < 28; i += 7) {
    if (dPos >= end) throw truncated('varint');
    b = dBuf[dPos++];
    lo = (lo | ((b & 127) << i)) >>> 0;
    if (b < 128) return;
  }
  if (dPos >= end) throw truncated('varint');
  b = dBuf[dPos++];
  lo = (lo | ((b & 127) << 28)) >>> 0;
  hi = (b & 127) >> 4;
  if (b < 128) return;
  for (let i = 3; i < 38; i += 7) {
    if (dPos >= end) throw truncated('varint');
    b = dBuf[dPos++];
    hi = (hi | ((b & 127) << i)) >>> 0;
    if (b < 128) return;
  }
  throw codecError(ERR.VARINT, 'varint longer than 10 bytes at byte ' + dPos);
}

// Reads a field tag into lo: at most 5 bytes and 32 bits, like protobufjs.
function readTag(end) {
  const start = dPos;
  readVarint(end);
  if (hi !== 0 || dPos - start > 5) throw codecError(ERR.TAG, 'invalid tag encoding at byte ' + start);
  return lo;
}

function readFixed32(end) {
  if (dPos + 4 > end) throw truncated('fixed32');
  const p = dPos;
  dPos += 4;
  return (dBuf[p] | (dBuf[p + 1] << 8) | (dBuf[p + 2] << 16) | (dBuf[p + 3] << 24)) >>> 0;
}

function readFixed64(end) {
  if (dPos + 8 > end) throw truncated('fixed64');
  lo = readFixed32(end);
  hi = readFixed32(end);
}

function unsignedNumber() {
  return lo + hi * TWO_32;
}

function signedNumber() {
  if (hi >>> 31) {
    const l = (~lo + 1) >>> 0;
    let h = ~hi >>> 0;
    if (!l) h = (h + 1) >>> 0;
    return -(l + h * TWO_32);
  }
  return lo + hi * TWO_32;
}

function readLength(end) {
  readVarint(end);
  if (hi !== 0 || dPos + lo > end) throw truncated('length-delimited field');
  return lo;
}

// Reads one scalar value (every type except string, bytes and message).
function readScalar(type, end) {
  if (type === T_FIXED32) return readFixed32(end);
  if (type === T_SFIXED32) return readFixed32(end) | 0;
  if (type === T_FIXED64) {
    readFixed64(end);
    return unsignedNumber();
  }
  if (type === T_SFIXED64) {
    readFixed64(end);
    return signedNumber();
  }
  const start = dPos;
  readVarint(end);
  if (type === T_UINT32) return lo;
  if (type === T_INT32 || type === T_ENUM) return lo | 0;
  if (type === T_SINT32) return ((lo >>> 1) ^ -(lo & 1)) | 0;
  if (type === T_UINT64) return unsignedNumber();
  if (type === T_INT64) return signedNumber();
  if (type === T_SINT64) {
    const mask = -(lo & 1);
    lo = (((lo >>> 1) | (hi << 31)) ^ mask) >>> 0;
    hi = ((hi >>> 1) ^ mask) >>> 0;
    return signedNumber();
  }
  // T_BOOL: true when any payload bit of the varint is set.
  for (let p = start; p < dPos; p++) if (dBuf[p] & 127) return true;
  return false;
}

function continuation(p, end) {
  if (p >= end || (dBuf[p] & 0xc0) !== 0x80) throw codecError(ERR.UTF8, 'invalid UTF-8 at byte ' + p);
  return dBuf[p] & 0x3f;
}

// Strict UTF-8 (rejects overlong forms, surrogates, > U+10FFFF, truncation).
function readString(end) {
  const len = readLength(end);
  const stop = dPos + len;
  let s = '';
  let ascii = true;
  let p = dPos;
  while (p < stop) {
    const b = dBuf[p];
    let c = 0;
    if (b < 0x80) {
      c = b;
      p += 1;
    } else if (b >= 0xc2 && b < 0xe0) {
      c = ((b & 0x1f) << 6) | continuation(p + 1, stop);
      p += 2;
    } else if (b >= 0xe0 && b < 0xf0) {
      c = ((b & 0x0f) << 12) | (continuation(p + 1, stop) << 6) | continuation(p + 2, stop);
      if (c < 0x800 || (c >= 0xd800 && c < 0xe000)) throw codecError(ERR.UTF8, 'invalid UTF-8 at byte ' + p);
      p += 3;
    } else if (b >= 0xf0 && b < 0xf5) {
      c = ((b & 0x07) << 18) | (continuation(p + 1, stop) << 12) | (continuation(p + 2, stop) << 6) | continuation(p + 3, stop);
      if (c < 0x10000 || c > 0x10ffff) throw codecError(ERR.UTF8, 'invalid UTF-8 at byte ' + p);
      p += 4;
    } else {
      throw codecError(ERR.UTF8, 'invalid UTF-8 at byte ' + p);
    }
    if (c >= 0x80) ascii = false;
    if (ESPRUINO) continue;
    if (c < 0x10000) {
      s += String.fromCharCode(c);
    } else {
      c -= 0x10000;
      s += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
    }
  }
  if (ESPRUINO && len > 0) {
    s = E.toString(dBuf.subarray(dPos, stop));
    if (!ascii && ESPRUINO_UTF8) s = E.asUTF8(s);
  }
  dPos = stop;
  return s;
}

function readBytes(end) {
  const len = readLength(end);
  const bytes = dBuf.subarray(dPos, dPos + len);
  dPos += len;
  return bytes;
}

// Skips one field of any wire type; groups are skipped up to their end tag.
function skipField(wire, field, end, depth) {
  if (field === 0) throw codecError(ERR.TAG, 'field number 0 at byte ' + dPos);
  if (wire === 0) readVarint(end);
  else if (wire === 1) readFixed64(end);
  else if (wire === 2) {
    const len = readLength(end);
    dPos += len;
  }
  else if (wire === 5) readFixed32(end);
  else if (wire === 3) {
    if (depth >= MAX_DEPTH) throw codecError(ERR.DEPTH, 'groups nested too deeply');
    while (true) {
      const tag = readTag(end);
      if ((tag & 7) === 4) {
        if (tag >>> 3 !== field) throw codecError(ERR.TAG, 'mismatched end group at byte ' + dPos);
        return;
      }
      skipField(tag & 7, tag >>> 3, end, depth + 1);
    }
  } else throw codecError(ERR.WIRE_TYPE, 'wire type ' + wire + ' at byte ' + dPos);
}

function defaultValue(t) {
  if (t & F_REPEATED) return [];
  const type = t & TYPE_MASK;
  if (type === T_BOOL) return false;
  if (type === T_STRING) return '';
  if (type === T_BYTES) return new Uint8Array(0);
  if (type === T_MESSAGE) return null;
  return 0;
}

// Decodes fields up to `end` into `target` (a fresh defaults-filled object if null).
function decodeFields(packed, end, depth, target) {
  if (depth > MAX_DEPTH) throw codecError(ERR.DEPTH, 'messages nested too deeply');
  const desc = expandDescriptor(packed);
  const spec = desc[0];
  const subs = desc[1];
  const n = spec.length >> 1;
  let obj = target;
  if (obj === null) {
    obj = {};
    for (let i = 0; i < n; i++) obj[desc[i + 2]] = defaultValue(spec[2 * i + 1]);
  }
  while (dPos < end) {
    const tag = readTag(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    let i = 0;
    while (i < n && spec[2 * i] !== field) i++;
    if (i < n) {
      const t = spec[2 * i + 1];
      const type = t & TYPE_MASK;
      const name = desc[i + 2];
      if (t & F_REPEATED) {
        const list = obj[name];
        if (wire === 2 && type < T_STRING) {
          const len = readLength(end);
          const stop = dPos + len;
          while (dPos < stop) list.push(readScalar(type, stop));
          continue;
        }
        if (wire === WIRE[type]) {
          if (type === T_MESSAGE) {
            const len = readLength(end);
            const stop = dPos + len;
            list.push(decodeFields(subs[i], stop, depth + 1, null));
          } else list.push(type === T_STRING ? readString(end) : type === T_BYTES ? readBytes(end) : readScalar(type, end));
          continue;
        }
      } else if (wire === WIRE[type]) {
        if (type === T_MESSAGE) {
          // A repeated occurrence of a singular message field merges into it.
          const len = readLength(end);
          const stop = dPos + len;
          obj[name] = decodeFields(subs[i], stop, depth + 1, obj[name]);
        } else obj[name] = type === T_STRING ? readString(end) : type === T_BYTES ? readBytes(end) : readScalar(type, end);
        continue;
      }
    }
    skipField(wire, field, end, depth);
  }
  return obj;
}

/**
 * Decodes `bytes` as the message `desc`. Returns a plain object with every
 * field present (defaults filled, sub-messages null when absent, 64-bit
 * integers as numbers, bytes as views into `bytes`). Throws an Error with a
 * `code` from ERR on malformed input.
 */
export function decode(desc, bytes) {
  if (!(bytes instanceof Uint8Array)) throw codecError(ERR.VALUE, 'decode expects a Uint8Array');
  // A plain view, so bytes fields come back as Uint8Array even from a Node Buffer.
  dBuf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  dPos = 0;
  let obj = null;
  try {
    obj = decodeFields(desc, bytes.length, 0, null);
  } catch (err) {
    dBuf = null;
    throw err;
  }
  dBuf = null;
  return obj;
}

// ---------------------------------------------------------------- encoding

// Encoder state: `sizes` caches the byte length of every sub-message and
// string in the order the size pass met them, so the write pass never
// measures twice.
let eBuf = null;
let ePos = 0;
let sizes = null;
let sizeAt = 0;

function invalid(name, why) {
  return codecError(ERR.VALUE, name + ': ' + why);
}

function isInteger(v) {
  return typeof v === 'number' && Math.floor(v) === v && v - v === 0;
}

// Splits an integral number (|v| < 2^64) into two's-complement lo/hi.
function setBits(v) {
  const negative = v < 0;
  if (negative) v = -v;
  lo = v % TWO_32;
  hi = (v - lo) / TWO_32;
  if (negative) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > 4294967295) {
      lo = 0;
      if (++hi > 4294967295) hi = 0;
    }
  }
}

function zigzagBits() {
  const mask = hi >> 31;
  hi = (((hi << 1) | (lo >>> 31)) ^ mask) >>> 0;
  lo = ((lo << 1) ^ mask) >>> 0;
}

function varint32Size(v) {
  return v < 128 ? 1 : v < 16384 ? 2 : v < 2097152 ? 3 : v < 268435456 ? 4 : 5;
}

// Size of the varint held in lo/hi.
function varintBitsSize() {
  if (hi === 0) return varint32Size(lo);
  let bits = 32;
  for (let h = hi; h; h = h >>> 1) bits++;
  return Math.floor((bits + 6) / 7);
}

function writeVarint32(v) {
  while (v > 127) {
    eBuf[ePos++] = (v & 127) | 128;
    v = v >>> 7;
  }
  eBuf[ePos++] = v;
}

function writeVarintBits() {
  let l = lo;
  let h = hi;
  while (h) {
    eBuf[ePos++] = (l & 127) | 128;
    l = ((l >>> 7) | (h << 25)) >>> 0;
    h = h >>> 7;
  }
  writeVarint32(l);
}

function writeFixed32(v) {
  eBuf[ePos++] = v & 255;
  eBuf[ePos++] = (v >>> 8) & 255;
  eBuf[ePos++] = (v >>> 16) & 255;
  eBuf[ePos++] = (v >>> 24) & 255;
}

// Checks a scalar value, leaves its varint/fixed bits in lo/hi and returns its encoded size.
function scalarBits(type, v, name) {
  if (type === T_BOOL) {
    if (typeof v !== 'boolean') throw invalid(name, 'boolean expected');
    lo = v ? 1 : 0;
    hi = 0;
    return 1;
  }
  if (!isInteger(v)) throw invalid(name, 'integer expected');
  if (type === T_UINT32 || type === T_FIXED32) {
    if (v < 0 || v >= TWO_32) throw invalid(name, 'out of uint32 range');
    lo = v;
    hi = 0;
    return type === T_FIXED32 ? 4 : varint32Size(v);
  }
  if (type === T_INT32 || type === T_ENUM || type === T_SINT32 || type === T_SFIXED32) {
    if (v < -2147483648 || v > 2147483647) throw invalid(name, 'out of int32 range');
    if (type === T_SFIXED32) {
      lo = v >>> 0;
      hi = 0;
      return 4;
    }
    if (type === T_SINT32) {
      lo = ((v << 1) ^ (v >> 31)) >>> 0;
      hi = 0;
      return varint32Size(lo);
    }
    setBits(v);
    return v < 0 ? 10 : varint32Size(v);
  }
  if (type === T_UINT64 || type === T_FIXED64) {
    if (v < 0 || v >= TWO_32 * TWO_32) throw invalid(name, 'out of uint64 range');
  } else if (v < -TWO_32 * 2147483648 || v >= TWO_32 * 2147483648) throw invalid(name, 'out of int64 range');
  setBits(v);
  if (type === T_SINT64) zigzagBits();
  return type === T_FIXED64 || type === T_SFIXED64 ? 8 : varintBitsSize();
}

function writeScalar(type, v) {
  scalarBits(type, v, '');
  if (type === T_FIXED32 || type === T_SFIXED32) writeFixed32(lo);
  else if (type === T_FIXED64 || type === T_SFIXED64) {
    writeFixed32(lo);
    writeFixed32(hi);
  } else writeVarintBits();
}

// On Espruino: the 8-bit string holding a string's UTF-8 bytes.
function espruinoBytes(s) {
  return ESPRUINO_UTF8 && E.isUTF8(s) ? E.fromUTF8(s) : s;
}

function utf8Length(s) {
  if (ESPRUINO) return espruinoBytes(s).length;
  let len = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) len += 1;
    else if (c < 2048) len += 2;
    else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      len += 4;
    } else len += 3;
  }
  return len;
}

function writeUtf8(s) {
  if (ESPRUINO) {
    const raw = espruinoBytes(s);
    const len = raw.length;
    for (let i = 0; i < len; i++) eBuf[ePos++] = raw.charCodeAt(i) & 255;
    return;
  }
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) eBuf[ePos++] = c;
    else if (c < 2048) {
      eBuf[ePos++] = (c >> 6) | 192;
      eBuf[ePos++] = (c & 63) | 128;
    } else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c & 0x3ff) << 10) + (s.charCodeAt(++i) & 0x3ff);
      eBuf[ePos++] = (c >> 18) | 240;
      eBuf[ePos++] = ((c >> 12) & 63) | 128;
      eBuf[ePos++] = ((c >> 6) & 63) | 128;
      eBuf[ePos++] = (c & 63) | 128;
    } else {
      eBuf[ePos++] = (c >> 12) | 224;
      eBuf[ePos++] = ((c >> 6) & 63) | 128;
      eBuf[ePos++] = (c & 63) | 128;
    }
  }
}

// True when a singular field holds its proto3 default and is not encoded.
function isDefault(type, v) {
  if (v === undefined || v === null) return true;
  if (type === T_MESSAGE) return false;
  if (type === T_STRING || type === T_BYTES) return v.length === 0;
  if (type === T_BOOL) return v === false;
  return v === 0;
}

// Size of a message's fields; checks every value and records sub-message
// and string sizes in `sizes` (pre-order) for the write pass.
function messageSize(packed, obj, depth) {
  if (depth > MAX_DEPTH) throw codecError(ERR.DEPTH, 'messages nested too deeply');
  const desc = expandDescriptor(packed);
  const spec = desc[0];
  const n = spec.length >> 1;
  let size = 0;
  for (let i = 0; i < n; i++) {
    const name = desc[i + 2];
    const v = obj[name];
    const t = spec[2 * i + 1];
    const type = t & TYPE_MASK;
    const tagSize = varint32Size(spec[2 * i] * 8);
    const repeated = (t & F_REPEATED) !== 0;
    if (repeated) {
      if (v === undefined || v === null) continue;
      if (!Array.isArray(v)) throw invalid(name, 'array expected');
      if (v.length === 0) continue;
      if (t & F_PACKED) {
        let len = 0;
        for (let k = 0; k < v.length; k++) len += scalarBits(type, v[k], name);
        sizes.push(len);
        size += tagSize + varint32Size(len) + len;
        continue;
      }
    } else if (isDefault(type, v)) continue;
    const count = repeated ? v.length : 1;
    for (let k = 0; k < count; k++) {
      const x = repeated ? v[k] : v;
      size += tagSize;
      if (type === T_STRING) {
        if (typeof x !== 'string') throw invalid(name, 'string expected');
        const len = utf8Length(x);
        sizes.push(len);
        size += varint32Size(len) + len;
      } else if (type === T_BYTES) {
        if (!(x instanceof Uint8Array)) throw invalid(name, 'Uint8Array expected');
        size += varint32Size(x.length) + x.length;
      } else if (type === T_MESSAGE) {
        if (typeof x !== 'object' || x === null) throw invalid(name, 'object expected');
        const at = sizes.length;
        sizes.push(0);
        const len = messageSize(desc[1][i], x, depth + 1);
        sizes[at] = len;
        size += varint32Size(len) + len;
      } else size += scalarBits(type, x, name);
    }
  }
  return size;
}

function writeMessage(packed, obj) {
  const desc = expandDescriptor(packed);
  const spec = desc[0];
  const n = spec.length >> 1;
  for (let i = 0; i < n; i++) {
    const v = obj[desc[i + 2]];
    const t = spec[2 * i + 1];
    const type = t & TYPE_MASK;
    const tag = spec[2 * i] * 8;
    const repeated = (t & F_REPEATED) !== 0;
    if (repeated) {
      if (v === undefined || v === null || v.length === 0) continue;
      if (t & F_PACKED) {
        writeVarint32(tag + 2);
        writeVarint32(sizes[sizeAt++]);
        for (let k = 0; k < v.length; k++) writeScalar(type, v[k]);
        continue;
      }
    } else if (isDefault(type, v)) continue;
    const count = repeated ? v.length : 1;
    for (let k = 0; k < count; k++) {
      const x = repeated ? v[k] : v;
      writeVarint32(tag + WIRE[type]);
      if (type === T_STRING) {
        writeVarint32(sizes[sizeAt++]);
        writeUtf8(x);
      } else if (type === T_BYTES) {
        writeVarint32(x.length);
        eBuf.set(x, ePos);
        ePos += x.length;
      } else if (type === T_MESSAGE) {
        writeVarint32(sizes[sizeAt++]);
        writeMessage(desc[1][i], x);
      } else writeScalar(type, x);
    }
  }
}

// Validates `obj` and measures it; leaves the recorded sizes in `sizes`.
function sizePass(desc, obj) {
  if (typeof obj !== 'object' || obj === null) throw invalid('message', 'object expected');
  sizes = [];
  try {
    return messageSize(desc, obj, 0);
  } catch (err) {
    sizes = null;
    throw err;
  }
}

/**
 * Encodes `obj` (protobufjs-style camelCase properties) as the message
 * `desc`, omitting proto3 defaults exactly like protobufjs. Throws an Error
 * with code ERR.VALUE when a field has the wrong type or is out of range.
 */
export function encode(desc, obj) {
  const out = new Uint8Array(sizePass(desc, obj));
  eBuf = out;
  ePos = 0;
  sizeAt = 0;
  writeMessage(desc, obj);
  eBuf = null;
  sizes = null;
  return out;
}

/** Byte length `encode(desc, obj)` would produce (validates like encode). */
export function encodedSize(desc, obj) {
  const size = sizePass(desc, obj);
  sizes = null;
  return size;
}

// ---------------------------------------------------------------- parley.badge.v1

// Enums: name -> number (decoded enum fields are plain numbers).
export const ClockState = {
  CLOCK_STATE_UNSYNCED: 0,
  CLOCK_STATE_SYNCED: 1,
  CLOCK_STATE_STALE: 2,
};
export const DeviceState = {
  DEVICE_STATE_IDLE: 0,
  DEVICE_STATE_RECORDING: 1,
  DEVICE_STATE_MUTED: 2,
  DEVICE_STATE_STORAGE_FULL: 3,
  DEVICE_STATE_LOW_BATTERY: 4,
  DEVICE_STATE_LOCKED: 5,
};
export const Codec = {
  CODEC_OPUS: 0,
};
export const StartTrigger = {
  START_TRIGGER_BUTTON: 0,
  START_TRIGGER_VOICE: 1,
  START_TRIGGER_SCHEDULE: 2,
  START_TRIGGER_COMMAND: 3,
  START_TRIGGER_SPLIT: 4,
};
export const EndReason = {
  END_REASON_UNSPECIFIED: 0,
  END_REASON_BUTTON: 1,
  END_REASON_SILENCE: 2,
  END_REASON_MAX_LENGTH: 3,
  END_REASON_LOW_BATTERY: 4,
  END_REASON_STORAGE_FULL: 5,
  END_REASON_MUTE: 6,
  END_REASON_SHUTDOWN: 7,
  END_REASON_COMMAND: 8,
  END_REASON_SCHEDULE: 9,
  END_REASON_REBOOT: 10,
};
export const EventKind = {
  EVENT_KIND_UNSPECIFIED: 0,
  EVENT_KIND_BUTTON: 1,
  EVENT_KIND_STATE_CHANGE: 2,
  EVENT_KIND_ERROR: 3,
  EVENT_KIND_BOOKMARK: 4,
  EVENT_KIND_STORAGE_ALARM: 5,
  EVENT_KIND_CLOCK_SYNCED: 6,
  EVENT_KIND_BOOT: 7,
  EVENT_KIND_FIRMWARE: 8,
  EVENT_KIND_CONFIG_APPLIED: 9,
};
export const ButtonAction = {
  BUTTON_ACTION_NONE: 0,
  BUTTON_ACTION_SHORT: 1,
  BUTTON_ACTION_LONG: 2,
  BUTTON_ACTION_DOUBLE: 3,
};
export const CommandStatus = {
  COMMAND_STATUS_OK: 0,
  COMMAND_STATUS_FAILED: 1,
  COMMAND_STATUS_REJECTED: 2,
  COMMAND_STATUS_UNSUPPORTED: 3,
  COMMAND_STATUS_IN_PROGRESS: 4,
  COMMAND_STATUS_EXPIRED: 5,
};
/**
 * Bits of HelloReply.capabilities: protocol features a gateway accepts
 * beyond the first version. A gateway that does not know a feature leaves its
 * bit clear (absent field = 0), so the badge keeps to the first version.
 */
export const Capability = {
  CAPABILITY_NONE: 0,
  CAPABILITY_PACKED_FRAMES: 1,
  CAPABILITY_COMPACT_CHUNKS: 2,
};
export const RecordingMode = {
  RECORDING_MODE_MANUAL: 0,
  RECORDING_MODE_VOICE_ACTIVATED: 1,
  RECORDING_MODE_SCHEDULED: 2,
};
export const UploadPolicy = {
  UPLOAD_POLICY_LIVE: 0,
  UPLOAD_POLICY_BATCHED: 1,
  UPLOAD_POLICY_ON_CHARGER: 2,
};
export const CommandKind = {
  COMMAND_KIND_UNSPECIFIED: 0,
  COMMAND_KIND_START: 1,
  COMMAND_KIND_STOP: 2,
  COMMAND_KIND_MUTE: 3,
  COMMAND_KIND_UNMUTE: 4,
  COMMAND_KIND_LOCATE: 5,
  COMMAND_KIND_REBOOT: 6,
  COMMAND_KIND_LOCK: 7,
  COMMAND_KIND_WIPE_ACKNOWLEDGED: 8,
  COMMAND_KIND_WIPE_ALL: 9,
  COMMAND_KIND_FIRMWARE_UPDATE: 10,
};

// Message descriptors, packed (see expandDescriptor): what the badge holds.
export const CodecParams = '\x01\x07codec \x02\x02sampleRate \x03\x02channels \x04\x02frameMs \x05\x02bitrate';
/** Inclusive range of chunk sequence numbers. */
export const SeqRange = '\x01\x02first \x02\x02last';
/** Inclusive range of frame indices lost on the badge. */
export const FrameGap = '\x01\x02firstFrame \x02\x02frameCount';
/** One session the badge still holds chunks of. */
export const SessionInventory = '\x01\x0fsessionId \x02\x02firstSeq \x03\x02lastSeq \x04\x06closed \x05\x06hasChunks \x06\x02sessionAlias';
/** up/hello: first message after every MQTT connect. */
export const Hello = ['\x01\x0edeviceId \x02\x0efirmwareVersion \x03\x0ehardwareRevision \x04\x02bootCount \x05\x02uptimeS \x06\x07clockState \x07\x02configVersion \x080backlog \x09\x02flashUsedBytes \x0a\x02flashFreeBytes \x0b\x03deviceTimeMs \x0c\x0efirmwareSlot \x0d\x06firmwarePendingConfirm \x0e\x02backlogUnlisted', SessionInventory];
/** up/session-start */
export const SessionStart = ['\x01\x0fsessionId \x02\x0estaffId \x03\x03startTimeMs \x04\x06clockSynced \x05\x03monotonicMs \x06\x10codec \x07\x07trigger \x08\x02bootCount \x09\x02sessionAlias', CodecParams];
/** up/session-end */
export const SessionEnd = ['\x01\x0fsessionId \x02\x07reason \x03\x03endTimeMs \x04\x06clockSynced \x05\x02totalFrames \x06\x03totalBytes \x07\x02totalChunks \x08\x08digest \x09\x02droppedFrames \x0a0gaps \x0b\x06timeCorrected \x0c\x05clockOffsetMs', FrameGap];
/**
 * up/chunk
 * 
 * The frames travel in one of two forms, exactly one per chunk (a chunk with
 * both is malformed):
 * - legacy: `frames`, one field per Opus packet (2 bytes of tag + length
 * per ~40-byte frame);
 * - packed: `frame_data`, the packets concatenated, and `frame_sizes`, each
 * packet's length as a varint, in order (the same bytes as a packed
 * `repeated uint32`): 1 byte per frame below 128 bytes. Every size is
 * 1..1275 and the sizes add up to the length of frame_data.
 * - compact sizes: `frame_data` with `frame_sizes_rice` instead of
 * `frame_sizes`: the sizes Rice-coded (docs/protocol.md has the bit-level
 * description): ~5.6 bits per frame instead of 8; and `first_frame_delta`
 * instead of `first_frame`.
 * A badge sends the packed form only to a gateway whose HelloReply has
 * CAPABILITY_PACKED_FRAMES; every gateway that sets it decodes both forms.
 * 
 * The session is named by exactly one of `session_id` and `session_alias`
 * (a small number the badge announced for it on this MQTT connection, in
 * Hello's inventory or in SessionStart). A badge uses `session_alias` and
 * `frame_sizes_rice` only with a gateway whose HelloReply has
 * CAPABILITY_COMPACT_CHUNKS.
 */
export const AudioChunk = '\x01\x0fsessionId \x02\x02seq \x03\x02firstFrame \x04/frames \x05\x03captureTimeMs \x06\x06clockSynced \x07\x08crc32 \x08\x06backlog \x09\x0fframeData \x0a\x0fframeSizes \x0b\x02sessionAlias \x0c\x0fframeSizesRice \x0d\x05firstFrameDelta';
/** up/telemetry */
export const Telemetry = '\x01\x02batteryPercent \x02\x02batteryMv \x03\x06charging \x04\x02flashUsedBytes \x05\x02flashFreeBytes \x06\x02backlogSeconds \x07\x04rssiDbm \x08\x02uptimeS \x09\x07state \x0a\x02droppedFrames \x0b\x07clockState \x0c\x0efirmwareVersion \x0d\x02lastErrorCode \x0e\x03timeMs \x0f\x02configVersion \x10\x02bootCount \x11\x02spoolEraseStalls';
/** up/event */
export const Event = '\x01\x07kind \x02\x03timeMs \x03\x06clockSynced \x04\x02eventSeq \x05\x0fsessionId \x06\x02frameIndex \x07\x07button \x08\x07fromState \x09\x07toState \x0a\x02errorCode \x0b\x05value \x0c\x0edetail';
/** up/command-result */
export const CommandResult = '\x01\x0ecommandId \x02\x07status \x03\x0edetail \x04\x03timeMs \x05\x02progress';
/**
 * up/firmware-request: the badge pulls firmware in ranges, so a download
 * resumes from the bytes already staged after any disconnect or reboot.
 */
export const FirmwareRequest = '\x01\x0ereleaseId \x02\x02offset \x03\x02length';
/** What the gateway durably holds of one session the badge listed. */
export const ResumePoint = ['\x01\x0fsessionId \x02\x05receivedThrough \x030missing \x04\x06complete', SeqRange];
/** down/hello-reply */
export const HelloReply = ['\x01\x03serverTimeMs \x02\x02wantedConfigVersion \x030resume \x04\x06locked \x05\x02capabilities', ResumePoint];
/** down/ack: sent only once the acknowledged chunks are durably stored. */
export const ChunkAck = ['\x01\x0fsessionId \x02\x05contiguousThrough \x030missing \x04\x06complete', SeqRange];
export const WifiNetwork = '\x01\x0essid \x02\x0epsk';
/** Minutes since local midnight; weekdays is a bit mask, bit 0 = Monday. */
export const ScheduleWindow = '\x01\x02weekdays \x02\x02startMinute \x03\x02endMinute';
export const LedSettings = '\x01\x02brightnessPercent \x02\x06statusLedEnabled';
export const HapticSettings = '\x01\x06enabled \x02\x02strengthPercent';
/** down/config: retained per device. Zero fields mean "firmware default". */
export const Config = ['\x01\x02version \x02\x07recordingMode \x03\x02bitrate \x04\x02chunkDurationMs \x05\x02silenceSplitS \x06\x02maxSessionS \x07\x07uploadPolicy \x08\x02batchIntervalMin \x09\x02telemetryIntervalS \x0a0wifi \x0b0workingHours \x0c\x10led \x0d\x10haptic \x0e\x04utcOffsetMin \x0f\x0estaffId \x10\x02otaConfirmTimeoutMin', WifiNetwork, ScheduleWindow, LedSettings, HapticSettings];
export const FirmwareUpdate = '\x01\x0ereleaseId \x02\x0eversion \x03\x02size \x04\x0fsha256 \x05\x02chunkSize';
/** down/command */
export const Command = ['\x01\x0eid \x02\x07kind \x03\x03issuedAtMs \x04\x03expiresAtMs \x05\x10firmware', FirmwareUpdate];
/** down/firmware: answer to a FirmwareRequest. */
export const FirmwareChunk = '\x01\x0ereleaseId \x02\x02offset \x03\x0fdata \x04\x02totalSize';

// The same descriptors expanded: [field numbers and type codes, sub-message descriptors, field names].
const $CodecParams = [/*#__PURE__*/ new Uint16Array([1, 7, 2, 2, 3, 2, 4, 2, 5, 2]), 0, 'codec', 'sampleRate', 'channels', 'frameMs', 'bitrate'];
const $SeqRange = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 2]), 0, 'first', 'last'];
const $FrameGap = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 2]), 0, 'firstFrame', 'frameCount'];
const $SessionInventory = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 2, 3, 2, 4, 6, 5, 6, 6, 2]), 0, 'sessionId', 'firstSeq', 'lastSeq', 'closed', 'hasChunks', 'sessionAlias'];
const $Hello = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 14, 3, 14, 4, 2, 5, 2, 6, 7, 7, 2, 8, 48, 9, 2, 10, 2, 11, 3, 12, 14, 13, 6, 14, 2]), [0, 0, 0, 0, 0, 0, 0, $SessionInventory, 0, 0, 0, 0, 0, 0], 'deviceId', 'firmwareVersion', 'hardwareRevision', 'bootCount', 'uptimeS', 'clockState', 'configVersion', 'backlog', 'flashUsedBytes', 'flashFreeBytes', 'deviceTimeMs', 'firmwareSlot', 'firmwarePendingConfirm', 'backlogUnlisted'];
const $SessionStart = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 14, 3, 3, 4, 6, 5, 3, 6, 16, 7, 7, 8, 2, 9, 2]), [0, 0, 0, 0, 0, $CodecParams, 0, 0, 0], 'sessionId', 'staffId', 'startTimeMs', 'clockSynced', 'monotonicMs', 'codec', 'trigger', 'bootCount', 'sessionAlias'];
const $SessionEnd = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 7, 3, 3, 4, 6, 5, 2, 6, 3, 7, 2, 8, 8, 9, 2, 10, 48, 11, 6, 12, 5]), [0, 0, 0, 0, 0, 0, 0, 0, 0, $FrameGap, 0, 0], 'sessionId', 'reason', 'endTimeMs', 'clockSynced', 'totalFrames', 'totalBytes', 'totalChunks', 'digest', 'droppedFrames', 'gaps', 'timeCorrected', 'clockOffsetMs'];
const $AudioChunk = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 2, 3, 2, 4, 47, 5, 3, 6, 6, 7, 8, 8, 6, 9, 15, 10, 15, 11, 2, 12, 15, 13, 5]), 0, 'sessionId', 'seq', 'firstFrame', 'frames', 'captureTimeMs', 'clockSynced', 'crc32', 'backlog', 'frameData', 'frameSizes', 'sessionAlias', 'frameSizesRice', 'firstFrameDelta'];
const $Telemetry = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 2, 3, 6, 4, 2, 5, 2, 6, 2, 7, 4, 8, 2, 9, 7, 10, 2, 11, 7, 12, 14, 13, 2, 14, 3, 15, 2, 16, 2, 17, 2]), 0, 'batteryPercent', 'batteryMv', 'charging', 'flashUsedBytes', 'flashFreeBytes', 'backlogSeconds', 'rssiDbm', 'uptimeS', 'state', 'droppedFrames', 'clockState', 'firmwareVersion', 'lastErrorCode', 'timeMs', 'configVersion', 'bootCount', 'spoolEraseStalls'];
const $Event = [/*#__PURE__*/ new Uint16Array([1, 7, 2, 3, 3, 6, 4, 2, 5, 15, 6, 2, 7, 7, 8, 7, 9, 7, 10, 2, 11, 5, 12, 14]), 0, 'kind', 'timeMs', 'clockSynced', 'eventSeq', 'sessionId', 'frameIndex', 'button', 'fromState', 'toState', 'errorCode', 'value', 'detail'];
const $CommandResult = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 7, 3, 14, 4, 3, 5, 2]), 0, 'commandId', 'status', 'detail', 'timeMs', 'progress'];
const $FirmwareRequest = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 2, 3, 2]), 0, 'releaseId', 'offset', 'length'];
const $ResumePoint = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 5, 3, 48, 4, 6]), [0, 0, $SeqRange, 0], 'sessionId', 'receivedThrough', 'missing', 'complete'];
const $HelloReply = [/*#__PURE__*/ new Uint16Array([1, 3, 2, 2, 3, 48, 4, 6, 5, 2]), [0, 0, $ResumePoint, 0, 0], 'serverTimeMs', 'wantedConfigVersion', 'resume', 'locked', 'capabilities'];
const $ChunkAck = [/*#__PURE__*/ new Uint16Array([1, 15, 2, 5, 3, 48, 4, 6]), [0, 0, $SeqRange, 0], 'sessionId', 'contiguousThrough', 'missing', 'complete'];
const $WifiNetwork = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 14]), 0, 'ssid', 'psk'];
const $ScheduleWindow = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 2, 3, 2]), 0, 'weekdays', 'startMinute', 'endMinute'];
const $LedSettings = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 6]), 0, 'brightnessPercent', 'statusLedEnabled'];
const $HapticSettings = [/*#__PURE__*/ new Uint16Array([1, 6, 2, 2]), 0, 'enabled', 'strengthPercent'];
const $Config = [/*#__PURE__*/ new Uint16Array([1, 2, 2, 7, 3, 2, 4, 2, 5, 2, 6, 2, 7, 7, 8, 2, 9, 2, 10, 48, 11, 48, 12, 16, 13, 16, 14, 4, 15, 14, 16, 2]), [0, 0, 0, 0, 0, 0, 0, 0, 0, $WifiNetwork, $ScheduleWindow, $LedSettings, $HapticSettings, 0, 0, 0], 'version', 'recordingMode', 'bitrate', 'chunkDurationMs', 'silenceSplitS', 'maxSessionS', 'uploadPolicy', 'batchIntervalMin', 'telemetryIntervalS', 'wifi', 'workingHours', 'led', 'haptic', 'utcOffsetMin', 'staffId', 'otaConfirmTimeoutMin'];
const $FirmwareUpdate = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 14, 3, 2, 4, 15, 5, 2]), 0, 'releaseId', 'version', 'size', 'sha256', 'chunkSize'];
const $Command = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 7, 3, 3, 4, 3, 5, 16]), [0, 0, 0, 0, $FirmwareUpdate], 'id', 'kind', 'issuedAtMs', 'expiresAtMs', 'firmware'];
const $FirmwareChunk = [/*#__PURE__*/ new Uint16Array([1, 14, 2, 2, 3, 15, 4, 2]), 0, 'releaseId', 'offset', 'data', 'totalSize'];

/** Every message descriptor by message name (expanded form). */
export const MESSAGES = {
  CodecParams: $CodecParams,
  SeqRange: $SeqRange,
  FrameGap: $FrameGap,
  SessionInventory: $SessionInventory,
  Hello: $Hello,
  SessionStart: $SessionStart,
  SessionEnd: $SessionEnd,
  AudioChunk: $AudioChunk,
  Telemetry: $Telemetry,
  Event: $Event,
  CommandResult: $CommandResult,
  FirmwareRequest: $FirmwareRequest,
  ResumePoint: $ResumePoint,
  HelloReply: $HelloReply,
  ChunkAck: $ChunkAck,
  WifiNetwork: $WifiNetwork,
  ScheduleWindow: $ScheduleWindow,
  LedSettings: $LedSettings,
  HapticSettings: $HapticSettings,
  Config: $Config,
  FirmwareUpdate: $FirmwareUpdate,
  Command: $Command,
  FirmwareChunk: $FirmwareChunk,
};

// Topics: badges/{deviceId}/up/{kind} (device -> gateway), badges/{deviceId}/down/{kind}.
export const TOPIC_ROOT = 'badges';
/** Device -> gateway: topic kind -> message descriptor. */
export const UP = {
  'hello': $Hello,
  'session-start': $SessionStart,
  'session-end': $SessionEnd,
  'chunk': $AudioChunk,
  'telemetry': $Telemetry,
  'event': $Event,
  'command-result': $CommandResult,
  'firmware-request': $FirmwareRequest,
};
/** Gateway -> device: topic kind -> message descriptor. */
export const DOWN = {
  'hello-reply': $HelloReply,
  'ack': $ChunkAck,
  'config': $Config,
  'command': $Command,
  'firmware': $FirmwareChunk,
};

/** Topic the badge publishes an up message on. */
export function upTopic(deviceId, kind) {
  return TOPIC_ROOT + '/' + deviceId + '/up/' + kind;
}

/** Topic the gateway sends a down message on. */
export function downTopic(deviceId, kind) {
  return TOPIC_ROOT + '/' + deviceId + '/down/' + kind;
}
