/**
 * @parley/gateway's public API for other packages (cloud mounts itself as a
 * GatewayExtension; tools use the config, registry and secrets).
 */
export * from './errors.js';
export { build, DATABASE_FILE } from './app.js';
export type { BuildOptions, Gateway, GatewayContext, GatewayExtension, ListenAddresses } from './app.js';
export { loadConfig, composeConfigSchema, coreConfigProperties, gatewayConfigSchema, renderConfigurationDoc, configLeaves, envNameFor } from './config/index.js';
export type { GatewayConfig, LoadConfigOptions, MqttServiceConfig } from './config/index.js';
export { createLogger, redactSecrets } from './observability/logger.js';
export type { Logger } from './observability/logger.js';
export { createMetrics } from './observability/metrics.js';
export type { GatewayMetrics } from './observability/metrics.js';
export { DeviceRegistry, toPublicDevice, SqliteDeviceStore, SqliteAuditLog, CONNECTABLE_STATUSES, generateSecret, hashSecret, verifySecret } from './registry/index.js';
export type { AuditEntryInput, AuditLog, DeviceRecord, DeviceStore, PublicDevice, ProvisionInput } from './registry/index.js';
export { MqttBroker } from './broker/broker.js';
export type { Identity } from './broker/acl.js';
export { CONNACK } from './broker/authenticator.js';
export { MQTT_WEBSOCKET_PATH } from './broker/listeners.js';
export * from './ingest/ogg/index.js';
export { createFleet, fleetConfigSchema, resolveFleetConfig, ConfigSettingsSchema } from './fleet/index.js';
export type { Fleet, FleetConfig, FleetHooks, Principal, DeviceConfigState, FleetCommand, ReportedHealth } from './fleet/index.js';
/** The HTTP API's JSON and its lists of statuses and kinds. */
export * from './api-types.js';
