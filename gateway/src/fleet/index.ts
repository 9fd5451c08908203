/** Fleet management inside the gateway (docs/fleet.md). */
export { createFleet } from './fleet.js';
export type { Fleet, FleetDeps, FleetHooks } from './fleet.js';
export { fleetConfigSchema, resolveFleetConfig } from './config.js';
export type { FleetConfig } from './config.js';
export { ROLES } from './users.js';
export type { Role, User } from './users.js';
export { PERMISSIONS } from './access.js';
export type { Permission, Principal } from './access.js';
export { COMMAND_KIND_NAMES } from './commands.js';
export type { FleetCommand } from './commands.js';
export { ALERT_KINDS } from './alerts.js';
export type { Alert } from './alerts.js';
export { ConfigSettingsSchema } from './config-profiles.js';
export type { ConfigSettings, DeviceConfigState } from './config-profiles.js';
export type { DeviceHealth } from './health.js';
export type { Release } from './releases.js';
export type { Rollout } from './rollouts.js';
