import type { BoardPinSpecs, BoardPins } from './board.js';
import { PIN_ROLES } from './board.js';

/** The role -> pin name map the firmware reads (`board.pins.button`), derived from the specs. */
export function pinNames(specs: BoardPinSpecs): BoardPins {
  const out: Record<string, string> = {};
  for (const role of PIN_ROLES) out[role] = specs[role].pin;
  return out as BoardPins;
}
