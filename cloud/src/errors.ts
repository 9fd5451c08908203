/**
 * The pipeline's error registry. Every error the cloud package raises on
 * purpose is a PipelineError with a stable code from this table; logs, stage
 * error columns and API responses carry the code.
 */
export const PIPELINE_ERRORS = {
  CONFIG_INVALID: { status: 500, message: 'Pipeline configuration is invalid' },
  BAD_REQUEST: { status: 400, message: 'Request is invalid' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'Conflicts with the current state' },
  ID_INVALID: { status: 400, message: 'Identifier is not valid' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Upload exceeds the size limit' },
  METADATA_INVALID: { status: 400, message: 'Call metadata is invalid' },
  TRANSCRIPT_INVALID: { status: 400, message: 'Call-system transcript is invalid' },
  AUDIO_UNSUPPORTED: { status: 415, message: 'Audio format is not supported' },
  AUDIO_CORRUPT: { status: 422, message: 'Audio file is corrupt' },
  AUDIO_MISSING: { status: 422, message: 'Audio file is missing' },
  VAD_FAILED: { status: 500, message: 'Voice activity detection failed' },
  ASR_NOT_CONFIGURED: { status: 503, message: 'No speech recognition model is configured' },
  ASR_MODEL_INVALID: { status: 500, message: 'Speech recognition model files are invalid' },
  SPEAKER_MODEL_INVALID: { status: 500, message: 'Speaker embedding model is invalid' },
  SPEAKER_NOT_CONFIGURED: { status: 503, message: 'No speaker embedding model is configured' },
  ASR_WORKER_CRASHED: { status: 500, message: 'Speech recognition worker died' },
  ASR_TIMEOUT: { status: 504, message: 'Speech recognition timed out' },
  ANALYSIS_FAILED: { status: 500, message: 'Analysis failed' },
  ANALYSIS_WORKER_CRASHED: { status: 500, message: 'Analysis worker died' },
  ANALYSIS_TIMEOUT: { status: 504, message: 'Analysis timed out' },
  SPEECH_WORKER_FAILED: { status: 500, message: 'Speech worker failed' },
  SHUTTING_DOWN: { status: 503, message: 'The pipeline is shutting down' },
  STORE_UNAVAILABLE: { status: 503, message: 'The conversation store is unavailable' },
  STORE_QUERY_FAILED: { status: 500, message: 'The conversation store rejected a query' },
  STORE_CORRUPT: { status: 500, message: 'Stored data is corrupt' },
  PATH_UNSAFE: { status: 400, message: 'Path component is not safe' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type PipelineErrorCode = keyof typeof PIPELINE_ERRORS;

export class PipelineError extends Error {
  readonly code: PipelineErrorCode;
  readonly statusCode: number;
  readonly details: Record<string, unknown> | undefined;
  /** false: retrying cannot help (bad input); the stage fails at once. */
  readonly retryable: boolean;

  constructor(
    code: PipelineErrorCode,
    detail?: string,
    options?: { details?: Record<string, unknown>; cause?: unknown; retryable?: boolean },
  ) {
    const base = PIPELINE_ERRORS[code].message;
    super(detail ? `${base}: ${detail}` : base, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PipelineError';
    this.code = code;
    this.statusCode = PIPELINE_ERRORS[code].status;
    this.details = options?.details;
    this.retryable = options?.retryable ?? PIPELINE_ERRORS[code].status >= 500;
  }
}

export function isPipelineError(err: unknown, code?: PipelineErrorCode): err is PipelineError {
  return err instanceof PipelineError && (code === undefined || err.code === code);
}

/** Code + message of any thrown value, for stage error columns and logs. */
export function describeError(err: unknown): { code: PipelineErrorCode; message: string; retryable: boolean } {
  if (err instanceof PipelineError) return { code: err.code, message: err.message, retryable: err.retryable };
  const sqlite = sqliteErrorCode(err);
  if (sqlite) return { code: sqlite, message: (err as Error).message, retryable: PIPELINE_ERRORS[sqlite].status >= 500 && sqlite !== 'STORE_CORRUPT' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message, retryable: true };
}

/**
 * better-sqlite3 throws `SqliteError` with SQLite's result code: a database
 * that is busy, full or unreadable is the store being unavailable (retry
 * later); a damaged file is corrupt (retrying cannot help); anything else is
 * a query the store rejected.
 */
function sqliteErrorCode(err: unknown): PipelineErrorCode | null {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return null;
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'STORE_CORRUPT';
  if (/^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL)/.test(code)) return 'STORE_UNAVAILABLE';
  return 'STORE_QUERY_FAILED';
}
