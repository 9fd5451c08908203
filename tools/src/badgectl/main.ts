/**
 * `npx badgectl ...` (tools/bin/badgectl.js) or `npx tsx tools/src/badgectl/main.ts ...`:
 * the fleet CLI. See `badgectl --help` and docs/fleet.md.
 */
import { runBadgectl } from './cli.js';

const code = await runBadgectl(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
  columns: process.stderr.columns,
});
process.exitCode = code;
