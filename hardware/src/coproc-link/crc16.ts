/**
 * CRC-16/IBM-3740 (also catalogued as CRC-16/CCITT-FALSE): polynomial 0x1021,
 * initial value 0xFFFF, no input/output reflection, no final XOR.
 * Check value: crc16("123456789") = 0x29B1.
 *
 * Runs on the badge (Espruino): table-driven, one 512-byte Uint16Array built
 * once at load, no allocation per call.
 */
export const CRC16_INIT = 0xffff;

const table = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let c = n << 8;
  for (let k = 0; k < 8; k++) {
    c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  table[n] = c;
}

/** Continues `crc` over bytes[start, end). Start a new CRC with CRC16_INIT. */
export function crc16Update(crc: number, bytes: Uint8Array, start: number, end: number): number {
  // Written for Espruino's interpreter, where every token costs: a local
  // alias for the table and a bare while loop measured ~12% faster than a
  // for loop (docs/hardware.md, "Measured on Espruino").
  const t = table;
  let c = crc;
  let i = start;
  while (i < end) c = ((c << 8) & 0xff00) ^ (t[((c >> 8) ^ (bytes[i++] as number)) & 0xff] as number);
  return c;
}

/** CRC-16/IBM-3740 of bytes[start, end). */
export function crc16(bytes: Uint8Array, start: number, end: number): number {
  return crc16Update(CRC16_INIT, bytes, start, end);
}
