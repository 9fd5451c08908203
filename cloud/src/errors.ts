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
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message, retryable: true };
}
