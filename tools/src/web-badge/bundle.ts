/**
 * Bundles the web badge page (web/main.ts: the firmware core, its browser
 * platform, mqtt.js's browser build, opus-recorder) with esbuild, in memory.
 * The Node modules that shared firmware parts import but never reach in the
 * browser (NodeFlash's host-directory persistence) are replaced by stubs that
 * throw if they ever are.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { WebBadgeError } from './errors.js';

const webDir = fileURLToPath(new URL('./web/', import.meta.url));

/** Named exports of each stubbed Node module (what the bundled firmware files import). */
const NODE_STUBS: Record<string, string[]> = {
  'node:fs': ['closeSync', 'existsSync', 'fsyncSync', 'mkdirSync', 'openSync', 'readdirSync', 'readFileSync', 'renameSync', 'unlinkSync', 'writeFileSync', 'writeSync'],
  'node:path': ['join'],
};

/** The esbuild plugin that stubs those modules (also used to bundle test harnesses of the browser platform). */
export const nodeStubs: Plugin = {
  name: 'parley-node-stubs',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      if (!NODE_STUBS[args.path]) return { errors: [{ text: `${args.path} (imported by ${args.importer}) is not available in the browser` }] };
      return { path: args.path, namespace: 'node-stub' };
    });
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => {
      const names = NODE_STUBS[args.path] ?? [];
      const body = names.map((n) => `export function ${n}() { throw new Error(${JSON.stringify(`${args.path} ${n}() is not available in the web badge`)}); }`);
      return { contents: body.join('\n'), loader: 'js' };
    });
  },
};

/** The files the gateway serves under /badge/. */
export interface WebBadgeFiles {
  'index.html': Uint8Array;
  'app.js': Uint8Array;
  /** opus-recorder's libopus encoder (an AudioWorklet/worker script), as shipped. */
  'encoderWorker.min.js': Uint8Array;
}

export async function bundleWebBadge(opts: { minify?: boolean } = {}): Promise<WebBadgeFiles> {
  let app: Uint8Array;
  try {
    const result = await build({
      entryPoints: [webDir + 'main.ts'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome105', 'firefox110', 'safari16'],
      write: false,
      minify: opts.minify ?? true,
      legalComments: 'none',
      logLevel: 'silent',
      plugins: [nodeStubs],
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error('esbuild produced no output');
    app = out.contents;
  } catch (err) {
    throw new WebBadgeError('WEB_BADGE_BUILD_FAILED', (err as Error).message, { cause: err });
  }
  const require = createRequire(import.meta.url);
  const encoder = await readFile(require.resolve('opus-recorder/dist/encoderWorker.min.js'));
  const html = await readFile(webDir + 'index.html');
  return { 'index.html': new Uint8Array(html), 'app.js': app, 'encoderWorker.min.js': new Uint8Array(encoder) };
}
