/**
 * The firmware error registry as an object (name -> code and message), for
 * Node tools and tests. The badge reads the packed table in errors.ts.
 */
import { FIRMWARE_ERROR_TABLE } from './errors.js';
import type { FirmwareErrorName } from './errors.js';

export interface FirmwareErrorEntry {
  readonly code: number;
  readonly message: string;
}

function registry(): Readonly<Record<FirmwareErrorName, FirmwareErrorEntry>> {
  const out: Record<string, FirmwareErrorEntry> = {};
  for (const line of FIRMWARE_ERROR_TABLE.split('\n')) {
    const m = /^([A-Z_]+) (\d+) (.+)$/.exec(line);
    if (m) out[m[1] as string] = { code: Number(m[2]), message: m[3] as string };
  }
  return out as Record<FirmwareErrorName, FirmwareErrorEntry>;
}

export const FirmwareErrors = registry();
