import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mainJobConfigSchema } from '../main-job.js';
import { renderConfigurationDoc } from './docs.js';

/** Regenerates docs/configuration.md from the main job's schema (gateway + pipeline). */
const target = fileURLToPath(new URL('../../../docs/configuration.md', import.meta.url));
writeFileSync(target, renderConfigurationDoc(mainJobConfigSchema));
console.log(`wrote ${target}`);
