/**
 * The API's shapes as the admin UI reads them: the gateway's own
 * definitions (gateway/src/api-types.ts, which its routes are checked
 * against), so the UI and the server cannot drift apart.
 */
export * from '../../../src/api-types.js';
