import type { FirmwareSlot, System } from '../../hal/system.js';
import { sha256 } from './sha256.js';

/** Randomness from WebCrypto; a reboot request goes to the page (it reloads the badge). */
export class BrowserSystem implements System {
  private readonly onReboot: () => void;
  constructor(onReboot: () => void) {
    this.onReboot = onReboot;
  }
  reboot(): void {
    this.onReboot();
  }
  random(): number {
    const v = new Uint32Array(1);
    crypto.getRandomValues(v);
    return (v[0] as number) / 4294967296;
  }
  randomBytes(out: Uint8Array): void {
    crypto.getRandomValues(out);
  }
  sha256(data: Uint8Array): Uint8Array {
    return sha256(data);
  }
  runningSlot(): FirmwareSlot {
    return 'a';
  }
}
