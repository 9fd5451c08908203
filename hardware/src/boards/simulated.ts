/**
 * The simulated badge for the firmware's Node platform: the same roles and
 * peripherals as the real badge, with virtual pin names the Node platform's
 * simulated button/LED/battery/UART objects are keyed by. Electrical data
 * (battery, UART, LEDs) is the real board's, so the simulation behaves like
 * the device; only the spool is smaller, so storage-full is reachable in a
 * test run.
 */
import type { Board, BoardPinSpecs, PinRole, PinSpec } from './board.js';
import { PIN_ROLES } from './board.js';
import { badgeBoard } from './badge.js';
import { pinNames } from './pin-names.js';

/** "coprocDataReady" -> "SIM_COPROC_DATA_READY" */
export function simulatedPinName(role: PinRole): string {
  return 'SIM_' + role.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

function simulatedSpecs(): BoardPinSpecs {
  const out: Record<string, PinSpec> = {};
  for (const role of PIN_ROLES) {
    const real = badgeBoard.pinSpecs[role];
    out[role] = {
      pin: simulatedPinName(role),
      gpio: null,
      direction: real.direction,
      activeLow: real.activeLow,
      pull: real.pull,
      note: 'Simulated ' + role + ' (real board: ' + real.pin + ')',
    };
  }
  return out as BoardPinSpecs;
}

const pinSpecs = simulatedSpecs();

/** Spool of the simulated board: 8 MiB (about 1 h of 16 kbit/s audio). */
export const SIMULATED_SPOOL_BYTES = 8 * 1024 * 1024;

export const simulatedBoard: Board = {
  id: 'parley-badge-sim',
  name: 'Simulated Parley badge (Node platform)',
  hardwareRevision: 'SIM',
  mcu: Object.assign({}, badgeBoard.mcu, { module: 'Node.js simulation' }),
  pins: pinNames(pinSpecs),
  pinSpecs,
  captureRail: badgeBoard.captureRail,
  leds: badgeBoard.leds,
  haptic: badgeBoard.haptic,
  coprocUart: Object.assign({}, badgeBoard.coprocUart, { serial: 'SIM_SERIAL_COPROC' }),
  battery: badgeBoard.battery,
  storage: Object.assign({}, badgeBoard.storage, {
    spoolPart: 'Node file with a byte budget',
    spoolFlashBytes: SIMULATED_SPOOL_BYTES,
    spoolBytes: SIMULATED_SPOOL_BYTES,
  }),
};
