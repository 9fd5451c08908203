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
export { DeviceRegistry, toPublicDevice, SqliteDeviceStore, SqliteAuditLog, DEVICE_STATUSES, CONNECTABLE_STATUSES, generateSecret, hashSecret, verifySecret } from './registry/index.js';
export type { AuditEntry, AuditEntryInput, AuditLog, DeviceRecord, DeviceStatus, DeviceStore, PublicDevice, ProvisionInput } from './registry/index.js';
export { MqttBroker } from './broker/broker.js';
export type { Identity } from './broker/acl.js';
export { CONNACK } from './broker/authenticator.js';
export { MQTT_WEBSOCKET_PATH } from './broker/listeners.js';
export * from './ingest/ogg/index.js';
export { createFleet, fleetConfigSchema, resolveFleetConfig, ROLES, PERMISSIONS, COMMAND_KIND_NAMES, ALERT_KINDS, ConfigSettingsSchema } from './fleet/index.js';
export type { Fleet, FleetConfig, FleetHooks, Role, Permission, Principal, ConfigSettings, DeviceConfigState, FleetCommand, DeviceHealth, Alert, Release, Rollout } from './fleet/index.js';
