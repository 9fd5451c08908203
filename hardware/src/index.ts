/**
 * @parley/hardware: the badge as data. Subpath exports keep the device
 * bundle small: the firmware imports "@parley/hardware/boards" and
 * "@parley/hardware/coproc-link" and "@parley/hardware/default-policy" (all
 * Espruino-safe); "/power" (the model, report and CLI) is for Node.
 */
export * from './boards/index.js';
export * from './coproc-link/index.js';
export * from './coproc-emulator/index.js';
export * from './errors.js';
export * from './power/index.js';
