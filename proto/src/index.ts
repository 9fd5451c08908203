export * from './topics.js';
export type * from './session-record.js';
export * from './errors.js';
export * from './session-id.js';
export * from './crc32.js';
export * from './chunk-frames.js';
export * from './node-codec.js';
