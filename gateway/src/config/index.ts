export * from './schema.js';
export * from './load.js';
export { configLeaves, envNameFor, ENV_PREFIX, NON_CONFIG_ENV } from './env.js';
export { renderConfigurationDoc } from './docs.js';
