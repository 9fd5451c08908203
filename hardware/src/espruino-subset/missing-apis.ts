/**
 * Globals and members Espruino 2v29 does not have (measured on its Linux
 * build): used by the AST half of the gate and stripped from the vm context
 * device code is run in.
 */
export const ESPRUINO_MISSING_GLOBALS = [
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Symbol', 'Proxy', 'Reflect', 'BigInt',
  'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask', 'Intl', 'SharedArrayBuffer', 'Atomics', 'WebAssembly',
] as const;

/**
 * Member names never to call on the badge: Promise combinators it lacks,
 * `slice` (Array.prototype.slice and ArrayBuffer.prototype.slice are missing;
 * `[].slice` and strings work, but the gate cannot tell receivers apart, so
 * use subarray / substr), and array / typed-array methods missing on 2v29.
 */
export const ESPRUINO_MISSING_MEMBERS = [
  'race', 'allSettled', 'finally', 'any', 'slice', 'copyWithin', 'lastIndexOf', 'at', 'flat', 'flatMap',
] as const;

/** A script that removes from a Node `vm` context what Espruino lacks. */
export const STRIP_TO_ESPRUINO = `
${ESPRUINO_MISSING_GLOBALS.map((g) => `delete globalThis.${g};`).join('\n')}
delete Array.prototype.slice; delete ArrayBuffer.prototype.slice;
delete Array.prototype.at; delete Array.prototype.flat; delete Array.prototype.flatMap;
(function (ta) { delete ta.copyWithin; delete ta.lastIndexOf; delete ta.at; delete ta.entries; delete ta.keys; delete ta.values; })(Object.getPrototypeOf(Uint8Array.prototype));
delete Promise.race; delete Promise.allSettled; delete Promise.any; delete Promise.prototype.finally;
`;
