import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('device bundle build', () => {
  it('builds, passes the subset gate and boots, records and uploads in the stripped sandbox', () => {
    const tsx = join(pkg, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const out = execFileSync(process.execPath, [tsx, join(pkg, 'src', 'build', 'main.ts')], { encoding: 'utf8', timeout: 120_000 });
    expect(out).toMatch(/firmware build OK/);
    expect(out).toMatch(/badge\.min\.js: \d+ bytes; sandbox: (\d+) frames recorded, \1 delivered in \d+ chunks, 0 lost/);
    expect(existsSync(join(pkg, 'dist', 'badge.min.js'))).toBe(true);
    expect(statSync(join(pkg, 'dist', 'badge.min.js')).size).toBeLessThan(statSync(join(pkg, 'dist', 'badge.js')).size);
  }, 120_000);
});
