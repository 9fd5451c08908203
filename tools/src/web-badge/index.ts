/** The browser web badge (docs/simulator.md, "Web badge"). */
export * from './errors.js';
export * from './bundle.js';
export * from './ogg-opus-packets.js';
export * from './web-badge-app.js';
