import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { WebAppError } from './errors.js';

/** Source of the analyst SPA (Vite project). */
export const WEB_SOURCE_DIR = resolve(import.meta.dirname, '../../web');
/** Where `vite build` writes the SPA by default (gitignored). */
export const DEFAULT_DIST_DIR = join(WEB_SOURCE_DIR, 'dist');

export function isBuilt(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}

/** Newest modification time of the SPA's sources (src/, index.html, configs), dist and node_modules aside. */
function newestSourceMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestSourceMtimeMs(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Built, but from older sources than the checkout has now (after a pull or an edit). */
export function isStale(distDir: string): boolean {
  return isBuilt(distDir) && statSync(join(distDir, 'index.html')).mtimeMs < newestSourceMtimeMs(WEB_SOURCE_DIR);
}

/**
 * Builds the SPA with Vite into `outDir`. Vite runs in a child process so the
 * caller's environment (a test runner's NODE_ENV, its own Vite instance) does
 * not leak into the production build. Vite is a devDependency of @parley/cloud.
 */
export async function buildAnalystApp(outDir: string = DEFAULT_DIST_DIR): Promise<void> {
  let viteBin: string;
  try {
    viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch (err) {
    throw new WebAppError('WEB_APP_BUILD_FAILED', 'vite is not installed (npm install --include=dev)', { cause: err });
  }
  const args = [viteBin, 'build', '--config', join(WEB_SOURCE_DIR, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  try {
    await promisify(execFile)(process.execPath, args, {
      cwd: WEB_SOURCE_DIR,
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 10 * 60_000,
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new WebAppError('WEB_APP_BUILD_FAILED', stderr.trim().slice(-2000) || String(err), { cause: err });
  }
  if (!isBuilt(outDir)) throw new WebAppError('WEB_APP_BUILD_FAILED', `vite finished but ${outDir}/index.html is missing`);
}
