// CRC-32/ISO-HDLC (the zlib/PNG CRC: reflected polynomial 0xEDB88320, init
// and final xor 0xFFFFFFFF), table-driven. Runs on the badge (Espruino
// subset: no default parameters) and in Node: the one CRC implementation of
// Parley, re-exported by '@parley/proto' and '@parley/proto/device'.

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/**
 * CRC of `data`; pass the CRC of the preceding bytes as `previous` to
 * continue it (crc32(b, crc32(a)) === crc32(a ++ b)). Returns an unsigned
 * 32-bit number.
 */
export function crc32(data, previous) {
  let crc = previous === undefined ? -1 : ~previous;
  const n = data.length;
  for (let i = 0; i < n; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
