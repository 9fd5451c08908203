import type { FlashStorage } from '../hal/flash.js';
import type { FirmwareSlot } from '../hal/system.js';
import { bytesToString, stringToBytes } from './device-store.js';

/**
 * The boot record the loader reads before it starts a firmware image: which
 * slot to run, whether that image still waits for the gateway's confirmation,
 * and how often it has been booted unconfirmed (the boot counter).
 */
export interface BootRecord {
  slot: FirmwareSlot;
  /** The slot to fall back to while `pending`. */
  previous: FirmwareSlot;
  pending: boolean;
  /** Boots of the pending image so far. */
  attempts: number;
  version: string;
  /** Set when the loader or the firmware rolled back; cleared once reported. */
  rolledBack: string;
}

const FILE = 'boot';
/** A pending image that has booted this often without confirmation is abandoned. */
export const MAX_UNCONFIRMED_BOOTS = 3;

export function readBootRecord(flash: FlashStorage): BootRecord {
  const bytes = flash.readFile(FILE);
  const fallback: BootRecord = { slot: 'a', previous: 'a', pending: false, attempts: 0, version: '', rolledBack: '' };
  if (!bytes) return fallback;
  try {
    const r = JSON.parse(bytesToString(bytes)) as Partial<BootRecord>;
    const slot: FirmwareSlot = r.slot === 'b' ? 'b' : 'a';
    const previous: FirmwareSlot = r.previous === 'b' ? 'b' : 'a';
    return {
      slot: slot,
      previous: previous,
      pending: r.pending === true,
      attempts: typeof r.attempts === 'number' ? r.attempts : 0,
      version: typeof r.version === 'string' ? r.version : '',
      rolledBack: typeof r.rolledBack === 'string' ? r.rolledBack : '',
    };
  } catch {
    return fallback;
  }
}

export function writeBootRecord(flash: FlashStorage, r: BootRecord): void {
  flash.writeFile(FILE, stringToBytes(JSON.stringify(r)));
}

/**
 * What the loader does at every boot: counts a boot of a pending image and
 * rolls back to the previous slot once it has failed to confirm
 * MAX_UNCONFIRMED_BOOTS times. Returns the slot to run.
 */
export function chooseBootSlot(flash: FlashStorage): FirmwareSlot {
  const r = readBootRecord(flash);
  if (r.pending) {
    if (r.attempts >= MAX_UNCONFIRMED_BOOTS) {
      r.rolledBack = r.version + ': not confirmed after ' + r.attempts + ' boots';
      r.slot = r.previous;
      r.pending = false;
      r.attempts = 0;
    } else {
      r.attempts++;
    }
    writeBootRecord(flash, r);
  }
  return r.slot;
}
