/** The badge simulator (docs/simulator.md, "Simulator"). */
export * from './errors.js';
export * from './frame-ledger.js';
export * from './simulated-badge.js';
export * from './simulator.js';
export * from './in-process-gateway.js';
export * from './session-records.js';
export * from './zero-loss-check.js';
export * from './progress.js';
