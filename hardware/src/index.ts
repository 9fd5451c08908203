/**
 * @parley/hardware: the badge as data. Subpath exports keep the device
 * bundle small: the firmware imports "@parley/hardware/boards" and
 * "@parley/hardware/coproc-link" (both Espruino-safe); "/power" is Node-only.
 */
export * from './boards/index.js';
export * from './coproc-link/index.js';
export * from './errors.js';
