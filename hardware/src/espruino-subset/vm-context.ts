import { createContext, runInContext } from 'node:vm';
import type { Context } from 'node:vm';
import { buildSync } from 'esbuild';
import { STRIP_TO_ESPRUINO } from './missing-apis.js';

/** A fresh vm context stripped to what Espruino provides, plus `globals` (test doubles of device globals such as E). */
export function espruinoLikeContext(globals?: Record<string, unknown>): Context {
  const context = createContext(Object.assign({}, globals ?? {}));
  runInContext(STRIP_TO_ESPRUINO, context);
  return context;
}

/**
 * Bundles an ES module into one script exposing its exports as the global
 * `globalName` and evaluates it in an Espruino-like context. Returns the
 * context for further scripts to run in.
 */
export function loadInEspruinoLikeContext(entryFile: string, globalName: string, globals?: Record<string, unknown>): Context {
  const bundle = buildSync({ entryPoints: [entryFile], bundle: true, write: false, format: 'iife', globalName, target: 'esnext', logLevel: 'silent' });
  const code = bundle.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no output for ' + entryFile);
  const context = espruinoLikeContext(globals);
  runInContext(code, context, { filename: entryFile });
  return context;
}
