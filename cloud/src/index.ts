/**
 * @parley/cloud: the conversation pipeline shared by phone calls and badge
 * sessions. The main job uses createPipeline(); tests use build().
 */
export { createPipeline, type AccessEvent, type RulesChangeEvent, type DataExportEvent, type TargetedEvent, type Pipeline, type PipelineOptions, type PipelineServices } from './pipeline/create.js';
export { build } from './app.js';
export { ANALYST_APP_PREFIX, analystApp, type AnalystAppOptions } from './web/analyst-app.js';
export { isScreenRequest } from './web/screen-request.js';
export { buildAnalystApp, DEFAULT_DIST_DIR as ANALYST_APP_DIST_DIR } from './web/build-app.js';
export { WebAppError, WEB_APP_ERRORS, type WebAppErrorCode } from './web/errors.js';
export { pipelineConfigSchema, resolvePipelineConfig, type PipelineConfig, type PipelineConfigInput } from './config.js';
export { PipelineError, PIPELINE_ERRORS, isPipelineError, type PipelineErrorCode } from './errors.js';
export { exitGracefullyOnSignals, type GracefulShutdownOptions } from './process/graceful-shutdown.js';
export type { AsrEngine, AsrResult } from './asr/engine.js';
export type { ConversationStore } from './store/conversation-store.js';
export { SqliteConversationStore } from './store/sqlite-store.js';
export type * from './model/conversation.js';
export type * from './model/directory.js';
