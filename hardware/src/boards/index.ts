export * from './board.js';
export { badgeBoard } from './badge.js';
export { simulatedBoard, simulatedPinName, SIMULATED_SPOOL_BYTES } from './simulated.js';
export { pinNames } from './pin-names.js';
export { assertValidBoard, linkBitsPerSecondAtMaxBitrate, MAX_UART_LOAD, sameRoles, validateBoard } from './validate.js';
