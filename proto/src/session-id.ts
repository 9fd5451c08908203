/** Session ids: 16 random bytes on the wire, 32 lowercase hex characters everywhere else. */
import { ProtocolError } from './errors.js';

export const SESSION_ID_BYTES = 16;
const HEX_PATTERN = /^[0-9a-fA-F]{32}$/;

export function isSessionIdHex(hex: string): boolean {
  return HEX_PATTERN.test(hex);
}

export function sessionIdToHex(id: Uint8Array): string {
  if (id.length !== SESSION_ID_BYTES) {
    throw new ProtocolError('PROTO_SESSION_ID', `expected ${SESSION_ID_BYTES} bytes, got ${id.length}`);
  }
  let hex = '';
  for (const byte of id) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Parses 32 hex characters (either case) into 16 bytes. */
export function sessionIdFromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX_PATTERN.test(hex)) {
    throw new ProtocolError('PROTO_SESSION_ID', `expected ${SESSION_ID_BYTES * 2} hex characters, got ${JSON.stringify(String(hex).slice(0, 40))}`);
  }
  const id = new Uint8Array(SESSION_ID_BYTES);
  for (let i = 0; i < SESSION_ID_BYTES; i++) id[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return id;
}
