/**
 * The error registry of the firmware upload through the `espruino` npm
 * package's CLI (npm run upload -w firmware): each failure has a stable code
 * and the exit status the command ends with.
 */
export const UPLOAD_ERRORS = {
  USAGE: { message: 'Bad command line', exit: 2 },
  CLI_MISSING: { message: 'The espruino CLI is not installed', exit: 3 },
  BUNDLE_MISSING: { message: 'The firmware bundle cannot be read', exit: 3 },
  BOARD_FILE: { message: 'The board file is not valid', exit: 3 },
  NOT_CONNECTED: { message: 'The espruino CLI could not connect to the badge', exit: 4 },
  DEVICE_ERROR: { message: 'The badge reported an error while the bundle was written', exit: 4 },
  VERIFY_MISMATCH: { message: 'The bundle on the badge is not the one uploaded', exit: 4 },
  NO_ANSWER: { message: 'The badge did not report what it holds', exit: 5 },
  TIMED_OUT: { message: 'The upload did not finish in time', exit: 5 },
} as const satisfies Record<string, { message: string; exit: number }>;

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;

export class UploadError extends Error {
  readonly code: UploadErrorCode;

  constructor(code: UploadErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${UPLOAD_ERRORS[code].message}: ${detail}` : UPLOAD_ERRORS[code].message, options);
    this.name = 'UploadError';
    this.code = code;
  }

  get exitCode(): number {
    return UPLOAD_ERRORS[this.code].exit;
  }
}

export function isUploadError(err: unknown, code?: UploadErrorCode): err is UploadError {
  return err instanceof UploadError && (code === undefined || err.code === code);
}
