import type { Board } from '@parley/hardware/boards';

/**
 * The part of the board data the espruino platform reads at run time. The
 * device bundle carries only this projection (the build substitutes it for
 * the hardware package's board module): the full board's notes, part names
 * and per-pin specs cost Espruino variables the badge never uses. Any
 * `Board` is a `DeviceBoard`, so Node tests pass the full board.
 */
export interface DeviceBoard {
  hardwareRevision: string;
  pins: Board['pins'];
  pinSpecs: {
    button: { activeLow: boolean };
    statusLedGreen: { activeLow: boolean };
    chargerCharging: { activeLow: boolean };
  };
  captureRail: { activeHigh: boolean; startupMs: number };
  haptic: { pwmHz: number };
  coprocUart: Pick<Board['coprocUart'], 'serial' | 'baud' | 'rxRole' | 'txRole' | 'rxBufferBytes'>;
  battery: Pick<Board['battery'], 'adcFullScaleMv' | 'dividerRatio' | 'cutoffMv' | 'fullMv'>;
  storage: Pick<Board['storage'], 'spoolFlashBytes'>;
}

/** The projection, field by field (the build serialises it into the bundle). */
export function deviceBoard(b: Board): DeviceBoard {
  const s = b.pinSpecs;
  const u = b.coprocUart;
  const bat = b.battery;
  return {
    hardwareRevision: b.hardwareRevision,
    pins: b.pins,
    pinSpecs: {
      button: { activeLow: s.button.activeLow },
      statusLedGreen: { activeLow: s.statusLedGreen.activeLow },
      chargerCharging: { activeLow: s.chargerCharging.activeLow },
    },
    captureRail: { activeHigh: b.captureRail.activeHigh, startupMs: b.captureRail.startupMs },
    haptic: { pwmHz: b.haptic.pwmHz },
    coprocUart: { serial: u.serial, baud: u.baud, rxRole: u.rxRole, txRole: u.txRole, rxBufferBytes: u.rxBufferBytes },
    battery: { adcFullScaleMv: bat.adcFullScaleMv, dividerRatio: bat.dividerRatio, cutoffMv: bat.cutoffMv, fullMv: bat.fullMv },
    storage: { spoolFlashBytes: b.storage.spoolFlashBytes },
  };
}
