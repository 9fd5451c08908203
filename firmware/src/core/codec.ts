import type { DownKind, DownMessages, UpKind, UpMessages } from './messages.js';

/**
 * The device codec as the core uses it: one encoder per up-topic kind, one
 * decoder per down-topic kind, and the protocol's CRC-32. The app wires the
 * generated `@parley/proto/device` codec in (see app/device-codec.ts).
 */
export interface ProtocolCodec {
  encode<K extends UpKind>(kind: K, message: UpMessages[K]): Uint8Array;
  /** Throws on malformed bytes. */
  decode<K extends DownKind>(kind: K, bytes: Uint8Array): DownMessages[K];
  /** CRC-32/ISO-HDLC of `data[start, end)`, continuing from `crc` (0 to start). */
  crc32(data: Uint8Array, crc: number): number;
  /** Encodes a Config for persisting it (the same bytes the gateway sends). */
  encodeConfig(config: DownMessages['config']): Uint8Array;
}
