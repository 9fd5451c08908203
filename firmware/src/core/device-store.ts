import type { FlashStorage } from '../hal/flash.js';

/** What the badge keeps across reboots besides config and audio. */
export interface PersistedDeviceState {
  bootCount: number;
  muted: boolean;
  locked: boolean;
}

const FILE = 'dev';

/** Small JSON file; Storage.write replaces it whole, so a power cut leaves the old or the new copy. */
export class DeviceStore {
  private readonly flash: FlashStorage;
  state: PersistedDeviceState = { bootCount: 0, muted: false, locked: false };

  constructor(flash: FlashStorage) {
    this.flash = flash;
  }

  load(): void {
    const bytes = this.flash.readFile(FILE);
    if (!bytes) return;
    try {
      const parsed = JSON.parse(bytesToString(bytes)) as Partial<PersistedDeviceState>;
      this.state = {
        bootCount: typeof parsed.bootCount === 'number' ? parsed.bootCount : 0,
        muted: parsed.muted === true,
        locked: parsed.locked === true,
      };
    } catch {
      // A corrupt file means defaults; the boot count restarts.
    }
  }

  save(): void {
    this.flash.writeFile(FILE, stringToBytes(JSON.stringify(this.state)));
  }
}

/** ASCII/Latin-1 text to bytes (JSON of our own state is ASCII). */
export function stringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function bytesToString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
  return s;
}
