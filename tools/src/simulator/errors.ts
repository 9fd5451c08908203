/**
 * The simulator's typed errors: a stable code per failure so callers and the
 * end-to-end suite branch on the code, not on message text.
 */
export const SIMULATOR_ERRORS = {
  SIM_INVALID_OPTIONS: 'invalid simulator options',
  SIM_STATE: 'simulator used in the wrong state',
  SIM_DRAIN_TIMEOUT: 'the badges did not drain their backlog in time',
  SIM_DECODE_FAILED: 'a finalised session could not be decoded',
} as const;

export type SimulatorErrorCode = keyof typeof SIMULATOR_ERRORS;

export class SimulatorError extends Error {
  readonly code: SimulatorErrorCode;
  constructor(code: SimulatorErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${SIMULATOR_ERRORS[code]}: ${detail}` : SIMULATOR_ERRORS[code], options);
    this.name = 'SimulatorError';
    this.code = code;
  }
}
