/** badgectl's error registry: what the CLI reports, with the exit code it uses. */
export const BADGECTL_ERRORS = {
  USAGE: { exit: 2, message: 'Bad usage' },
  NO_TOKEN: { exit: 2, message: 'No API token: pass --token or set PARLEY_TOKEN' },
  INPUT_UNREADABLE: { exit: 1, message: 'Input file cannot be read' },
  GATEWAY_UNREACHABLE: { exit: 3, message: 'Gateway cannot be reached' },
  API_ERROR: { exit: 1, message: 'The gateway refused the request' },
  BUNDLE_MISSING: { exit: 2, message: 'Firmware bundle not found (build it with npm run build -w firmware, or pass --bundle)' },
  NO_DEVICE: { exit: 4, message: 'No badge on that serial port' },
  NOT_RESPONDING: { exit: 4, message: 'The device on the serial port does not answer like an Espruino console' },
  WRONG_BOARD: { exit: 4, message: 'The device is not a Parley badge' },
  WRITE_FAILED: { exit: 4, message: "Writing to the badge's Storage failed" },
  VERIFY_MISMATCH: { exit: 4, message: 'What the badge holds differs from what was written' },
  ALREADY_PROVISIONED: { exit: 4, message: 'The badge or its serial is already provisioned; re-run with --rotate to issue a new secret' },
  IDENTITY_MISMATCH: { exit: 4, message: 'The badge holds another identity than the one asked for' },
  TIMEOUT: { exit: 5, message: 'Timed out' },
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
