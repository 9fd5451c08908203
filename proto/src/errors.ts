/**
 * The proto package's error registry: every failure to encode or decode a
 * badge message surfaces as a ProtocolError with one of these codes.
 */
export const PROTOCOL_ERROR_CODES = {
  /** Bytes that are not a valid encoding of the expected message. */
  PROTO_DECODE: 'payload is not a valid encoding of the message',
  /** A message object that cannot be encoded (wrong field types, out of range). */
  PROTO_ENCODE: 'message cannot be encoded',
  /** A topic kind that the protocol does not define. */
  PROTO_UNKNOWN_KIND: 'unknown message kind',
  /** A session id that is not 16 bytes / 32 hex characters. */
  PROTO_SESSION_ID: 'invalid session id',
  /** An AudioChunk carrying its frames in both forms (legacy `frames` and packed `frame_data`/`frame_sizes`). */
  PROTO_CHUNK_FORMS: 'audio chunk carries both frame forms',
  /** An AudioChunk whose frame_sizes are not whole non-zero varints adding up to the length of frame_data. */
  PROTO_FRAME_SIZES: 'audio chunk frame sizes do not match its frame data',
} as const;

export type ProtocolErrorCode = keyof typeof PROTOCOL_ERROR_CODES;

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;

  constructor(code: ProtocolErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${PROTOCOL_ERROR_CODES[code]}: ${detail}`, options);
    this.code = code;
  }
}

export function isProtocolError(err: unknown): err is ProtocolError {
  return err instanceof ProtocolError;
}
