/** Errors of the analyst web app's serving side, with stable codes. */
export const WEB_APP_ERRORS = {
  WEB_APP_NOT_BUILT: { status: 503, message: 'The analyst web app has not been built' },
  WEB_APP_BUILD_FAILED: { status: 500, message: 'Building the analyst web app failed' },
  WEB_ASSET_NOT_FOUND: { status: 404, message: 'No such file in the analyst web app' },
} as const satisfies Record<string, { status: number; message: string }>;

export type WebAppErrorCode = keyof typeof WEB_APP_ERRORS;

export class WebAppError extends Error {
  readonly code: WebAppErrorCode;
  readonly statusCode: number;

  constructor(code: WebAppErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = WEB_APP_ERRORS[code].message;
    super(detail ? `${base}: ${detail}` : base, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WebAppError';
    this.code = code;
    this.statusCode = WEB_APP_ERRORS[code].status;
  }
}
