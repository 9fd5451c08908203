/**
 * What Espruino 2v29 lacks, as esbuild `supported` feature flags (measured on
 * its Linux build; docs/hardware.md and docs/firmware.md). With target es2015
 * and these switched off, esbuild must refuse or lower any use of them: the
 * syntax half of the Espruino subset gate.
 */
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
  'logical-assignment',
  'top-level-await',
  'regexp-named-capture-groups',
  'regexp-lookbehind-assertions',
  'regexp-sticky-and-unicode-flags',
] as const;

/**
 * esbuild's `supported` map for device code: every unsupported feature off,
 * and `??`, which Espruino has although the rest of the target is ES2015, on.
 */
export const ESPRUINO_SUPPORTED: Record<string, boolean> = (() => {
  const m: Record<string, boolean> = { 'nullish-coalescing': true };
  for (const f of ESPRUINO_UNSUPPORTED_SYNTAX) m[f] = false;
  return m;
})();

/** Like tsc with target ES2015: fields without initialisers vanish, no define semantics. */
export const ESPRUINO_TSCONFIG = { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: true } };
