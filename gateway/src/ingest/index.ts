export { createIngest } from './ingest.js';
export type { Ingest, IngestDeps, Attribution } from './ingest.js';
export { ingestConfigSchema, resolveIngestConfig } from './config.js';
export type { IngestConfig } from './config.js';
export type { FinalisedConsumer } from './outbox.js';
export { IngestPaths } from './paths.js';
export { INGEST_MIGRATIONS } from './store.js';
export * from './ogg/index.js';
