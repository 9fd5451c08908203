/**
 * The hardware package's error registry. Every error this package throws
 * carries one of these codes, so callers branch on `code`, never on message
 * text.
 *
 * Errors are built by `hardwareError()` rather than a subclass of Error:
 * part of this package (the co-processor link) runs on the badge under
 * Espruino, where extending built-in classes is not dependable. A plain
 * Error with a `code` property behaves the same everywhere.
 */
export const HardwareErrorCode = {
  /** A frame payload is longer than the link allows. */
  LinkPayloadTooLarge: 'LINK_PAYLOAD_TOO_LARGE',
  /** A link field (type, index, bitrate, gain, credits…) is out of range. */
  LinkBadArgument: 'LINK_BAD_ARGUMENT',
  /** A payload handed to a payload reader has the wrong size. */
  LinkBadPayload: 'LINK_BAD_PAYLOAD',
  /** A board definition breaks a wiring rule (pin reused, role missing…). */
  BoardInvalid: 'BOARD_INVALID',
  /** An input to the power model is out of range (negative current, zero capacity…). */
  PowerBadInput: 'POWER_BAD_INPUT',
  /** The generated hardware document could not be produced. */
  DocsGeneration: 'DOCS_GENERATION',
  /** Badge-side code could not be bundled into one flat Espruino script. */
  EspruinoBundle: 'ESPRUINO_BUNDLE',
} as const;

export type HardwareErrorCode = (typeof HardwareErrorCode)[keyof typeof HardwareErrorCode];

export interface HardwareError extends Error {
  code: HardwareErrorCode;
}

export function hardwareError(code: HardwareErrorCode, message: string): HardwareError {
  const err = new Error(code + ': ' + message) as HardwareError;
  err.code = code;
  return err;
}

export function isHardwareError(value: unknown): value is HardwareError {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  for (const k in HardwareErrorCode) {
    if (HardwareErrorCode[k as keyof typeof HardwareErrorCode] === code) return true;
  }
  return false;
}
