/** Which firmware image slot runs. */
export type FirmwareSlot = 'a' | 'b';

/**
 * The rest of the device: reboot (Espruino `E.reboot()`), randomness, SHA-256
 * (Espruino `require("crypto").SHA256`), and the boot slot the loader runs
 * (the firmware images themselves live in flash files, see the OTA module).
 */
export interface System {
  reboot(): void;
  /** Uniform in [0, 1). */
  random(): number;
  /** Fills `out` with random bytes. */
  randomBytes(out: Uint8Array): void;
  sha256(data: Uint8Array): Uint8Array;
  /** The slot the boot loader started. */
  runningSlot(): FirmwareSlot;
}
