export * from './default-policy.js';
export * from './sources.js';
export * from './components.js';
export * from './model.js';
export * from './report.js';
