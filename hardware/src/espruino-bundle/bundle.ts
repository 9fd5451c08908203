/**
 * Bundles badge-side TypeScript into one flat ES2015 script for Espruino,
 * for the vm run and the on-interpreter benchmark, with the Espruino subset
 * gate's feature flags (../espruino-subset). Node tooling only (esbuild); the
 * firmware's own build uses rollup.
 */
import * as esbuild from 'esbuild';
import { hardwareError, HardwareErrorCode } from '../errors.js';
import { ESPRUINO_SUPPORTED, ESPRUINO_TSCONFIG } from '../espruino-subset/syntax-flags.js';

/**
 * The file bundled with its imports into one flat es2015 script: every
 * module's declarations at top level in dependency order, exports dropped
 * (the shape a rollup bundle has). esbuild's own IIFE wrapper is not used:
 * its lazy export getters misbehave on Espruino (measured). Top-level
 * names are kept (no identifier minification) so a driver script can call
 * them.
 */
export async function bundleForEspruino(entry: string, minifyWhitespace = false): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2015',
    supported: ESPRUINO_SUPPORTED,
    tsconfigRaw: ESPRUINO_TSCONFIG,
    platform: 'neutral',
    logLevel: 'silent',
    minifyWhitespace,
  });
  const text = out.outputFiles[0]!.text;
  const flat = text.replace(/export\s*\{[^}]*\};?\s*$/, '\n');
  if (/\bexport\b|\bimport\b/.test(flat)) throw hardwareError(HardwareErrorCode.EspruinoBundle, 'bundle of ' + entry + ' still has module syntax');
  return flat;
}

