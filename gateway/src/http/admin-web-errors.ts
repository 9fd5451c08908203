/** Errors of serving and building the admin web UI (gateway/web), with stable codes. */
export const ADMIN_WEB_ERRORS = {
  ADMIN_WEB_NOT_BUILT: { status: 503, message: 'The admin web UI has not been built' },
  ADMIN_WEB_BUILDING: { status: 503, message: 'The admin web UI is being built' },
  ADMIN_WEB_BUILD_FAILED: { status: 500, message: 'Building the admin web UI failed' },
  ADMIN_WEB_ASSET_NOT_FOUND: { status: 404, message: 'No such file in the admin web UI' },
} as const satisfies Record<string, { status: number; message: string }>;

export type AdminWebErrorCode = keyof typeof ADMIN_WEB_ERRORS;

export class AdminWebError extends Error {
  readonly code: AdminWebErrorCode;
  readonly statusCode: number;

  constructor(code: AdminWebErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = ADMIN_WEB_ERRORS[code].message;
    super(detail ? `${base}: ${detail}` : base, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AdminWebError';
    this.code = code;
    this.statusCode = ADMIN_WEB_ERRORS[code].status;
  }
}
