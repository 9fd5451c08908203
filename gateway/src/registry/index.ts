export * from './device-store.js';
export * from './sqlite-device-store.js';
export * from './audit-log.js';
export * from './secrets.js';
export * from './device-registry.js';
