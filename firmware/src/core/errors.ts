/**
 * The firmware's error registry. Each code is a stable number reported in
 * Telemetry.last_error_code and in ERROR events; `FirmwareError` carries it.
 */
export const FirmwareErrors = {
  FLASH_FULL: { code: 101, message: 'Flash storage is full' },
  FLASH_WRITE: { code: 102, message: 'Flash write failed' },
  FLASH_NOT_ERASED: { code: 103, message: 'Flash bytes are already programmed' },
  FLASH_NAME: { code: 104, message: 'Flash file name is not valid' },
  FLASH_MISSING: { code: 105, message: 'Flash file does not exist' },
  SPOOL_CORRUPT: { code: 110, message: 'Spool record is corrupt' },
  SPOOL_RECORD_TOO_LARGE: { code: 111, message: 'Spool record is too large' },
  PROTO_DECODE: { code: 201, message: 'Message from the gateway could not be decoded' },
  MESSAGE_INVALID: { code: 202, message: 'Message from the gateway is not valid' },
  COMMAND_UNKNOWN: { code: 203, message: 'Command kind is not supported' },
  CONFIG_INVALID: { code: 204, message: 'Config is not valid' },
  OTA_SIZE: { code: 301, message: 'Firmware image size does not match' },
  OTA_DIGEST: { code: 302, message: 'Firmware image sha256 does not match' },
  OTA_BUSY: { code: 303, message: 'A firmware update is already under way' },
  OTA_CHUNK: { code: 304, message: 'Firmware chunk does not fit the update' },
  OTA_ROLLBACK: { code: 305, message: 'New firmware was not confirmed; rolled back' },
  MQTT: { code: 401, message: 'MQTT connection failed' },
  WIFI: { code: 402, message: 'Wi-Fi connection failed' },
  AUDIO_LINK: { code: 501, message: 'Audio co-processor link error' },
  POWER_CUT: { code: 900, message: 'Power was cut (simulated)' },
} as const;

export type FirmwareErrorName = keyof typeof FirmwareErrors;

export class FirmwareError extends Error {
  readonly errorName: FirmwareErrorName;
  readonly code: number;
  constructor(name: FirmwareErrorName, detail: string) {
    const entry = FirmwareErrors[name];
    super(detail ? entry.message + ': ' + detail : entry.message);
    this.name = 'FirmwareError';
    this.errorName = name;
    this.code = entry.code;
  }
}

/** The registry code of an error, FLASH_WRITE's for anything unexpected. */
export function errorCode(err: unknown): number {
  if (err instanceof FirmwareError) return err.code;
  return 0;
}
