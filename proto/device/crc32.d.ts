/**
 * CRC-32/ISO-HDLC (zlib/PNG) of `data`, continuable: pass the CRC of the
 * preceding bytes as `previous`. Returns an unsigned 32-bit number.
 */
export declare function crc32(data: Uint8Array, previous?: number): number;
