/** CRC-32/ISO-HDLC, re-exported from the device codec so badge and gateway share one implementation. */
export { crc32 } from '../device/badge-codec.js';
