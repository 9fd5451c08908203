/**
 * The firmware's error registry. Each code is a stable number reported in
 * Telemetry.last_error_code and in ERROR events; `FirmwareError` carries it.
 *
 * The registry is one packed string ("NAME code message" lines) because on
 * Espruino an object of twenty entries costs about 150 variables for the
 * badge's whole life, the string about 70. `FirmwareErrors`
 * (core/error-registry.ts) is the same table as an object, for Node.
 */
export const FIRMWARE_ERROR_TABLE =
  '\nFLASH_FULL 101 Flash storage is full' +
  '\nFLASH_WRITE 102 Flash write failed' +
  '\nFLASH_NOT_ERASED 103 Flash bytes are already programmed' +
  '\nFLASH_NAME 104 Flash file name is not valid' +
  '\nFLASH_MISSING 105 Flash file does not exist' +
  '\nSPOOL_CORRUPT 110 Spool record is corrupt' +
  '\nSPOOL_RECORD_TOO_LARGE 111 Spool record is too large' +
  '\nPROTO_DECODE 201 Message from the gateway could not be decoded' +
  '\nMESSAGE_INVALID 202 Message from the gateway is not valid' +
  '\nCOMMAND_UNKNOWN 203 Command kind is not supported' +
  '\nCONFIG_INVALID 204 Config is not valid' +
  '\nOTA_SIZE 301 Firmware image size does not match' +
  '\nOTA_DIGEST 302 Firmware image sha256 does not match' +
  '\nOTA_BUSY 303 A firmware update is already under way' +
  '\nOTA_CHUNK 304 Firmware chunk does not fit the update' +
  '\nOTA_ROLLBACK 305 New firmware was not confirmed; rolled back' +
  '\nMQTT 401 MQTT connection failed' +
  '\nWIFI 402 Wi-Fi connection failed' +
  '\nAUDIO_LINK 501 Audio co-processor link error' +
  '\nPOWER_CUT 900 Power was cut (simulated)' +
  '\n';

export type FirmwareErrorName =
  | 'FLASH_FULL' | 'FLASH_WRITE' | 'FLASH_NOT_ERASED' | 'FLASH_NAME' | 'FLASH_MISSING'
  | 'SPOOL_CORRUPT' | 'SPOOL_RECORD_TOO_LARGE'
  | 'PROTO_DECODE' | 'MESSAGE_INVALID' | 'COMMAND_UNKNOWN' | 'CONFIG_INVALID'
  | 'OTA_SIZE' | 'OTA_DIGEST' | 'OTA_BUSY' | 'OTA_CHUNK' | 'OTA_ROLLBACK'
  | 'MQTT' | 'WIFI' | 'AUDIO_LINK' | 'POWER_CUT';

/** The registry line of `name` ("NAME code message"), or '' for a name that is not registered. */
export function firmwareErrorLine(name: string): string {
  const at = FIRMWARE_ERROR_TABLE.indexOf('\n' + name + ' ');
  if (at < 0) return '';
  return FIRMWARE_ERROR_TABLE.substring(at + 1, FIRMWARE_ERROR_TABLE.indexOf('\n', at + 1));
}

/** An error of the registry: `errorName` and its stable `code`, the registry's message (and the detail). */
export interface FirmwareError extends Error {
  readonly errorName: FirmwareErrorName;
  readonly code: number;
}

interface FirmwareErrorConstructor {
  new (name: FirmwareErrorName, detail: string): FirmwareError;
  readonly prototype: FirmwareError;
}

interface MutableFirmwareError {
  name: string;
  message: string;
  errorName: FirmwareErrorName;
  code: number;
}

/**
 * A constructor function over Error.prototype, not `class … extends Error`:
 * on Espruino 2v29 a class cannot call Error as its super constructor
 * (`super(message)` throws "Function not found!", or "Calling 'super' outside
 * of class" after other statements; measured on its Linux build), so every
 * FirmwareError the badge raised turned into that SyntaxError. This works on
 * both: `instanceof FirmwareError` and `instanceof Error` hold, and Node
 * keeps the stack.
 */
function FirmwareErrorFn(this: MutableFirmwareError, name: FirmwareErrorName, detail: string): void {
  const line = firmwareErrorLine(name);
  const codeEnd = line.indexOf(' ', name.length + 1);
  const message = line.substring(codeEnd + 1);
  this.message = detail ? message + ': ' + detail : message;
  this.errorName = name;
  this.code = parseInt(line.substring(name.length + 1, codeEnd), 10);
  const capture = (Error as { captureStackTrace?: (target: object, ctor: unknown) => void }).captureStackTrace;
  if (capture) capture(this, FirmwareErrorFn);
}
FirmwareErrorFn.prototype = Object.create(Error.prototype) as MutableFirmwareError;
(FirmwareErrorFn.prototype as MutableFirmwareError).name = 'FirmwareError';
// Espruino's String(err) does not reach Error.prototype.toString through this prototype ("[object Object]").
(FirmwareErrorFn.prototype as { toString: () => string }).toString = function (this: MutableFirmwareError): string {
  return this.name + ': ' + this.message;
};

export const FirmwareError = FirmwareErrorFn as unknown as FirmwareErrorConstructor;

/** The registry code of an error, FLASH_WRITE's for anything unexpected. */
export function errorCode(err: unknown): number {
  if (err instanceof FirmwareError) return err.code;
  return 0;
}
