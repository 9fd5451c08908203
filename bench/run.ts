/**
 * `npm run bench -- <name> [args…]`: runs bench/<name>/main.ts. Each benchmark
 * prints its figures and ratios against a baseline measured in the same run.
 */
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]\nbenchmarks: ${available.join(', ') || '(none yet)'}`);
  process.exit(name ? 1 : 0);
}
process.argv = [process.argv[0]!, join(here, name, 'main.ts'), ...rest];
await import(pathToFileURL(join(here, name, 'main.ts')).href);
