/**
 * The gateway's error registry. Every error the gateway raises on purpose is a
 * ParleyError with a stable code from this table; logs, API responses and
 * metrics (rejects by reason) use the code. A test checks the table.
 */
export const ERRORS = {
  CONFIG_INVALID: { status: 500, message: 'Configuration is invalid' },
  BAD_REQUEST: { status: 400, message: 'Request is invalid' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  UNAUTHORIZED: { status: 401, message: 'Authentication required' },
  FORBIDDEN: { status: 403, message: 'Not allowed' },
  CONFLICT: { status: 409, message: 'Conflicts with the current state' },
  DEVICE_UNKNOWN: { status: 404, message: 'Unknown device' },
  DEVICE_ID_INVALID: { status: 400, message: 'Device id is not valid' },
  AUTH_FAILED: { status: 401, message: 'Bad device credentials' },
  AUTH_RATE_LIMITED: { status: 429, message: 'Too many failed attempts' },
  DEVICE_NOT_ACTIVE: { status: 403, message: 'Device is locked, revoked or retired' },
  TOPIC_FORBIDDEN: { status: 403, message: 'Topic not allowed for this client' },
  PACKET_TOO_LARGE: { status: 413, message: 'MQTT packet exceeds the size limit' },
  PROTO_DECODE: { status: 400, message: 'Payload is not a valid protobuf message' },
  CHUNK_CRC_MISMATCH: { status: 400, message: 'Chunk CRC does not match its frames' },
  CHUNK_INVALID: { status: 400, message: 'Chunk is invalid' },
  SESSION_ID_INVALID: { status: 400, message: 'Session id is not 16 bytes' },
  SESSION_ALIAS_UNKNOWN: { status: 400, message: 'Session alias was not announced on this connection' },
  SESSION_ALIAS_CONFLICT: { status: 409, message: 'Session alias was announced for another session on this connection' },
  SESSION_UNKNOWN: { status: 404, message: 'Unknown session' },
  SESSION_DIGEST_MISMATCH: { status: 422, message: 'Session digest does not match the stored audio' },
  STORAGE_CORRUPT: { status: 500, message: 'Stored data is corrupt' },
  PATH_UNSAFE: { status: 400, message: 'Path component is not safe' },
  SPOOL_WRITE_FAILED: { status: 503, message: 'Chunk could not be stored durably' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail?: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    const base = ERRORS[code].message;
    super(detail ? `${base}: ${detail}` : base, options);
    this.name = 'ParleyError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.details = details;
  }
}

export function isParleyError(err: unknown, code?: ErrorCode): err is ParleyError {
  return err instanceof ParleyError && (code === undefined || err.code === code);
}
