/**
 * Checks that JavaScript stays inside the subset Espruino (2v29) runs:
 * a syntax gate built on esbuild's feature flags, and a run in a Node `vm`
 * context stripped of the globals the badge lacks.
 */
import { createContext, runInContext, type Context } from 'node:vm';
import { buildSync, transformSync, type Message } from 'esbuild';

/** esbuild feature names of syntax Espruino does not run. */
export const ESPRUINO_UNSUPPORTED_SYNTAX = [
  'destructuring',
  'rest-argument',
  'object-rest-spread',
  'array-spread',
  'default-argument',
  'async-await',
  'async-generator',
  'for-await',
  'generator',
  'optional-chain',
  'exponent-operator',
  'bigint',
  'class-private-field',
  'class-private-method',
  'class-private-accessor',
  'class-private-static-field',
  'class-private-static-method',
  'class-private-static-accessor',
  'class-private-brand-check',
  'class-static-blocks',
  'top-level-await',
] as const;

const UNSUPPORTED = Object.fromEntries(ESPRUINO_UNSUPPORTED_SYNTAX.map((feature) => [feature, false]));

function formatMessages(messages: Message[]): string[] {
  return messages.map((m) => `${m.location ? `${m.location.line}:${m.location.column} ` : ''}${m.text}`);
}

/**
 * Returns the problems found (empty when the source is inside the subset).
 * esbuild either refuses to lower an unsupported feature (an error) or lowers
 * it (the output differs from an untouched transform); both are reported.
 */
export function espruinoSyntaxProblems(source: string): string[] {
  let untouched: string;
  try {
    untouched = transformSync(source, { target: 'esnext', format: 'esm', loader: 'js' }).code;
  } catch (err) {
    return [`does not parse: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  try {
    const gated = transformSync(source, { target: 'esnext', format: 'esm', loader: 'js', supported: UNSUPPORTED }).code;
    if (gated !== untouched) {
      for (const feature of ESPRUINO_UNSUPPORTED_SYNTAX) {
        const one = transformSync(source, { target: 'esnext', format: 'esm', loader: 'js', supported: { [feature]: false } }).code;
        if (one !== untouched) problems.push(`uses ${feature}`);
      }
    }
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    problems.push(...(errors ? formatMessages(errors) : [(err as Error).message]));
  }
  return problems;
}

/** Globals removed from the vm context: what Espruino does not have. */
export const ESPRUINO_MISSING_GLOBALS = ['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'BigInt', 'Proxy', 'Reflect', 'WeakRef'] as const;

const STRIP = `
${ESPRUINO_MISSING_GLOBALS.map((g) => `delete globalThis.${g};`).join('\n')}
delete Array.prototype.slice;
delete ArrayBuffer.prototype.slice;
delete Promise.race;
delete Promise.allSettled;
delete Promise.prototype.finally;
`;

/**
 * Bundles an ES module into one script exposing its exports as the global
 * `globalName`, and evaluates it in a fresh vm context stripped to what
 * Espruino provides, plus `globals` (test doubles of device globals such as
 * E). Returns the context for further scripts to run in.
 */
export function loadInEspruinoLikeContext(entryFile: string, globalName: string, globals: Record<string, unknown> = {}): Context {
  const bundle = buildSync({ entryPoints: [entryFile], bundle: true, write: false, format: 'iife', globalName, target: 'esnext', logLevel: 'silent' });
  const code = bundle.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild produced no output for ${entryFile}`);
  const context = createContext({ ...globals });
  runInContext(STRIP, context);
  runInContext(code, context, { filename: entryFile });
  return context;
}
