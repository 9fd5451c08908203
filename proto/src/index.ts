export * from './topics.js';
export type * from './session-record.js';
