/** badgectl's error registry: what the CLI reports, with the exit code it uses. */
export const BADGECTL_ERRORS = {
  USAGE: { exit: 2, message: 'Bad usage' },
  NO_TOKEN: { exit: 2, message: 'No API token: pass --token or set PARLEY_TOKEN' },
  INPUT_UNREADABLE: { exit: 1, message: 'Input file cannot be read' },
  GATEWAY_UNREACHABLE: { exit: 3, message: 'Gateway cannot be reached' },
  API_ERROR: { exit: 1, message: 'The gateway refused the request' },
} as const satisfies Record<string, { exit: number; message: string }>;

export type BadgectlErrorCode = keyof typeof BADGECTL_ERRORS;

export class BadgectlError extends Error {
  readonly code: BadgectlErrorCode;
  readonly exitCode: number;
  /** For API_ERROR: the gateway's error code and HTTP status. */
  readonly api: { status: number; code: string } | undefined;

  constructor(code: BadgectlErrorCode, detail?: string, api?: { status: number; code: string }) {
    super(detail ? `${BADGECTL_ERRORS[code].message}: ${detail}` : BADGECTL_ERRORS[code].message);
    this.name = 'BadgectlError';
    this.code = code;
    this.exitCode = BADGECTL_ERRORS[code].exit;
    this.api = api;
  }
}

export function isBadgectlError(err: unknown): err is BadgectlError {
  return err instanceof BadgectlError;
}
