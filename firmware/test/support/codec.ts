import { createDeviceCodec } from '../../src/app/device-codec.js';

/** The real device codec, as the badge uses it. */
export const codec = createDeviceCodec();
export const crc32 = (d: Uint8Array, c: number): number => codec.crc32(d, c);
