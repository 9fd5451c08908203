/**
 * `npm run docs -w hardware` rewrites the generated sections of
 * docs/hardware.md from the board data, link constants and power model;
 * `-- --check` only reports whether the file is up to date (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHardwareDoc } from './sections.js';

const HARDWARE_DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/hardware.md');

const current = readFileSync(HARDWARE_DOC, 'utf8');
const next = renderHardwareDoc(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/hardware.md is out of date: run npm run docs -w hardware');
    process.exitCode = 1;
  } else console.log('docs/hardware.md is up to date');
} else if (next !== current) {
  writeFileSync(HARDWARE_DOC, next);
  console.log('docs/hardware.md regenerated');
} else console.log('docs/hardware.md already up to date');
