import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AdminWebError } from './admin-web-errors.js';

/** Source of the admin SPA (Vite project). */
export const ADMIN_WEB_SOURCE_DIR = resolve(import.meta.dirname, '../../web');
/** Where the admin SPA is built by default (gitignored by the dist rule). */
export const ADMIN_WEB_DIST_DIR = join(ADMIN_WEB_SOURCE_DIR, 'dist');
/** Gateway sources the SPA imports (the API's types and lists): editing them makes a build stale too. */
const ADMIN_WEB_SHARED_SOURCES = [resolve(import.meta.dirname, '../api-types.ts')];

export function isAdminWebBuilt(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}

/** Newest modification time of the SPA's sources (src/, index.html, configs); build output and node_modules aside. */
function newestSourceMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.cache') continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestSourceMtimeMs(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Built from older sources than the checkout has now (after a pull or an edit). Only the default build is compared with the sources. */
export function isAdminWebStale(distDir: string): boolean {
  if (!isAdminWebBuilt(distDir)) return false;
  const newest = Math.max(newestSourceMtimeMs(ADMIN_WEB_SOURCE_DIR), ...ADMIN_WEB_SHARED_SOURCES.map((path) => statSync(path).mtimeMs));
  return statSync(join(distDir, 'index.html')).mtimeMs < newest;
}

function viteBin(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch (err) {
    throw new AdminWebError('ADMIN_WEB_BUILD_FAILED', 'vite is not installed (npm install --include=dev)', { cause: err });
  }
}

/**
 * Builds the admin SPA with Vite into `outDir`. Vite runs in a child process
 * so the caller's environment (a test runner's NODE_ENV) does not leak into
 * the production build. It writes to a fresh directory next to `outDir` and
 * swaps it in, so a server reading `outDir` never sees half a build and two
 * processes building at once (two test files) do not destroy each other's
 * output. Aborting `signal` stops Vite (the gateway closing mid-build).
 */
export async function buildAdminWeb(outDir: string = ADMIN_WEB_DIST_DIR, signal?: AbortSignal): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  // Both under .cache/ next to outDir (gitignored, same filesystem for the renames).
  const work = join(dirname(outDir), '.cache');
  mkdirSync(work, { recursive: true });
  const fresh = join(work, `admin-web-building-${suffix}`);
  const args = [viteBin(), 'build', '--config', join(ADMIN_WEB_SOURCE_DIR, 'vite.config.ts'), '--outDir', fresh, '--emptyOutDir', '--logLevel', 'warn'];
  try {
    await promisify(execFile)(process.execPath, args, {
      cwd: ADMIN_WEB_SOURCE_DIR,
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 10 * 60_000,
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    rmSync(fresh, { recursive: true, force: true });
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new AdminWebError('ADMIN_WEB_BUILD_FAILED', stderr.trim().slice(-2000) || String(err), { cause: err });
  }
  if (!isAdminWebBuilt(fresh)) throw new AdminWebError('ADMIN_WEB_BUILD_FAILED', `vite finished but ${fresh}/index.html is missing`);
  const old = join(work, `admin-web-old-${suffix}`);
  try {
    renameSync(outDir, old);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    renameSync(fresh, outDir);
  } catch (err) {
    // Another process swapped its build in first: it is as new as ours.
    if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  if (!isAdminWebBuilt(outDir)) throw new AdminWebError('ADMIN_WEB_BUILD_FAILED', `${outDir}/index.html is missing after the build`);
}
