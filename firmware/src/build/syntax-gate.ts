import { parse } from 'acorn';
import type { Node } from 'acorn';
import { transform } from 'esbuild';

/**
 * What Espruino 2v29 lacks, as esbuild `supported` flags: with target es2015
 * and these set to false, esbuild must lower (or refuse) any use of them.
 */
export const UNSUPPORTED_FEATURES = [
  'destructuring', 'rest-argument', 'object-rest-spread', 'default-argument', 'async-await', 'async-generator',
  'generator', 'optional-chain', 'exponent-operator', 'bigint', 'class-private-field', 'class-private-method',
  'class-private-accessor', 'class-private-static-field', 'class-private-static-method', 'class-static-blocks',
  'for-await', 'logical-assignment', 'top-level-await', 'regexp-named-capture-groups',
  'regexp-lookbehind-assertions', 'regexp-sticky-and-unicode-flags',
] as const;

/** Globals and members Espruino does not have; using them is an error. */
export const MISSING_GLOBALS = ['Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'Symbol', 'Proxy', 'Reflect', 'BigInt', 'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask'];
/** Promise combinators Espruino lacks, and typed-array/array methods measured missing on the 2v29 interpreter (see hardware/test/espruino-subset.ts). */
export const MISSING_MEMBERS = ['race', 'allSettled', 'finally', 'any', 'copyWithin', 'flat', 'flatMap'];

export interface GateViolation {
  what: string;
  line: number;
  column: number;
  excerpt: string;
}

function locate(code: string, offset: number): { line: number; column: number; excerpt: string } {
  let line = 1;
  let last = 0;
  for (let i = 0; i < offset; i++) if (code.charCodeAt(i) === 10) {
    line++;
    last = i + 1;
  }
  return { line, column: offset - last, excerpt: code.substr(Math.max(0, offset - 30), 80).replace(/\s+/g, ' ') };
}

/**
 * Checks device code against the subset Espruino runs:
 * (1) esbuild with the unsupported features switched off must neither fail
 *     nor change the code (a change means it had to lower something);
 * (2) an AST walk finds what esbuild cannot: labels, generators, async,
 *     Map/Set/Symbol and friends, Promise.race/allSettled/finally,
 *     `ArrayBuffer.prototype.slice`-style members on known-missing APIs.
 */
export async function checkEspruinoSubset(code: string): Promise<GateViolation[]> {
  const out: GateViolation[] = [];
  const supported: Record<string, boolean> = {};
  for (const f of UNSUPPORTED_FEATURES) supported[f] = false;
  // Espruino has `??` (ES2020) although the rest of the target is ES2015.
  supported['nullish-coalescing'] = true;
  const reference = await transform(code, { target: 'esnext', format: 'esm', minify: false, legalComments: 'none' });
  let gated: string;
  try {
    gated = (await transform(code, { target: 'es2015', supported, format: 'esm', minify: false, legalComments: 'none' })).code;
  } catch (err) {
    out.push({ what: 'esbuild refused: ' + String((err as Error).message).split('\n').slice(0, 3).join(' '), line: 0, column: 0, excerpt: '' });
    return out;
  }
  if (gated !== reference.code) {
    const a = reference.code.split('\n');
    const b = gated.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    out.push({ what: 'esbuild had to lower unsupported syntax', line: i + 1, column: 0, excerpt: (a[i] ?? '').trim().substr(0, 120) });
  }
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: false });
  walk(ast, (node, parent) => {
    const n = node as Node & Record<string, unknown>;
    const flag = (what: string): void => {
      const at = locate(code, n.start);
      out.push({ what, line: at.line, column: at.column, excerpt: at.excerpt });
    };
    switch (n.type) {
      case 'LabeledStatement': flag('label'); break;
      case 'ObjectPattern': case 'ArrayPattern': flag('destructuring'); break;
      case 'RestElement': case 'SpreadElement': flag('spread/rest'); break;
      case 'AssignmentPattern': flag('default parameter'); break;
      case 'ChainExpression': flag('optional chaining'); break;
      case 'AwaitExpression': case 'YieldExpression': flag('await/yield'); break;
      case 'PrivateIdentifier': flag('#private'); break;
      case 'StaticBlock': flag('static block'); break;
      // Measured on Espruino 2v29: `{ [k]: v }` is a syntax error ("Got '[' expected ID").
      case 'Property': case 'MethodDefinition': case 'PropertyDefinition': if (n.computed) flag('computed property key'); break;
      case 'BinaryExpression': if (n.operator === '**') flag('**'); break;
      case 'AssignmentExpression': if (n.operator === '**=' || n.operator === '??=' || n.operator === '||=' || n.operator === '&&=') flag(String(n.operator)); break;
      case 'Literal': if (typeof n.bigint === 'string') flag('BigInt literal'); break;
      case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
        if (n.async) flag('async function');
        if (n.generator) flag('generator');
        break;
      case 'Identifier': {
        const name = String(n.name);
        const p = parent as (Node & Record<string, unknown>) | null;
        const isProperty = p && ((p.type === 'MemberExpression' && p.property === node && !p.computed) || (p.type === 'Property' && p.key === node && !p.computed) || p.type === 'MethodDefinition');
        if (!isProperty && MISSING_GLOBALS.indexOf(name) >= 0) flag('missing global ' + name);
        if (p && p.type === 'MemberExpression' && p.property === node && MISSING_MEMBERS.indexOf(name) >= 0) flag('missing member .' + name);
        break;
      }
      default: break;
    }
  });
  return out;
}

function walk(node: unknown, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node & Record<string, unknown>;
  if (typeof n.type === 'string') visit(n, parent);
  for (const key of Object.keys(n)) {
    if (key === 'start' || key === 'end' || key === 'loc') continue;
    const v = n[key];
    if (Array.isArray(v)) for (const item of v) walk(item, visit, typeof n.type === 'string' ? n : parent);
    else if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') walk(v, visit, n);
  }
}
