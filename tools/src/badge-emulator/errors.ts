/**
 * The badge emulator's error registry: what the pty badge emulator raises on
 * purpose, each with a stable code.
 */
export const EMULATOR_ERRORS = {
  PTY_UNAVAILABLE: 'The pseudo-terminal pair cannot be created (is socat installed?)',
  PORT_OPEN_FAILED: 'The serial device cannot be opened',
  STORAGE_NAME: 'Storage file name is not allowed',
  STORAGE_WRITE: 'Storage write failed',
  NOT_PROVISIONED: 'The badge has no identity in its Storage',
  IDENTITY_CORRUPT: 'The identity file in Storage is not valid',
} as const satisfies Record<string, string>;

export type EmulatorErrorCode = keyof typeof EMULATOR_ERRORS;

export class EmulatorError extends Error {
  readonly code: EmulatorErrorCode;

  constructor(code: EmulatorErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${EMULATOR_ERRORS[code]}: ${detail}` : EMULATOR_ERRORS[code], options);
    this.name = 'EmulatorError';
    this.code = code;
  }
}

export function isEmulatorError(err: unknown, code?: EmulatorErrorCode): err is EmulatorError {
  return err instanceof EmulatorError && (code === undefined || err.code === code);
}
