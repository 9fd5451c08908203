/** Fleet management inside the gateway (docs/fleet.md). */
export { createFleet } from './fleet.js';
export type { Fleet, FleetDeps, FleetHooks } from './fleet.js';
export { fleetConfigSchema, resolveFleetConfig } from './config.js';
export type { FleetConfig } from './config.js';
export type { Principal } from './access.js';
export type { FleetCommand } from './commands.js';
export { ConfigSettingsSchema } from './config-profiles.js';
export type { DeviceConfigState } from './config-profiles.js';
export type { ReportedHealth } from './health.js';
