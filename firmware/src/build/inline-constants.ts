/**
 * Inlines the bundle's top-level numeric constants.
 *
 * On Espruino every top-level `const` of the bundle's IIFE is a variable
 * held for the badge's whole life (its name, and its value). Numeric
 * constants (`const SECTOR = 4096`, `const DIRTY = -2147483648`, and those
 * computed from them: `const CLEAN_AT = RELEASED_AT + 1`) are only read, so
 * each read can be the number itself, like a TypeScript const enum, and
 * the declaration dropped.
 *
 * Conservative by construction: a constant is inlined only when its name
 * is declared nowhere else in the bundle (no parameter, local, function or
 * class of the same name could be the one a read means), and only reads
 * are rewritten: property names (`a.NAME`, `{ NAME: 1 }`, class members)
 * are not reads; a shorthand `{ NAME }` becomes `{ NAME: value }`.
 */
import { parse } from 'acorn';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Values of a numeric expression of literals and known constants; undefined when it is not one. */
function evaluate(node: Node, known: Record<string, number>): number | undefined {
  if (node.type === 'Literal') return typeof node.value === 'number' ? node.value : undefined;
  if (node.type === 'Identifier') return Object.prototype.hasOwnProperty.call(known, node.name as string) ? known[node.name as string] : undefined;
  if (node.type === 'UnaryExpression') {
    const v = evaluate(node.argument as Node, known);
    if (v === undefined) return undefined;
    if (node.operator === '-') return -v;
    if (node.operator === '~') return ~v;
    return node.operator === '+' ? v : undefined;
  }
  if (node.type === 'BinaryExpression') {
    const a = evaluate(node.left as Node, known);
    const b = evaluate(node.right as Node, known);
    if (a === undefined || b === undefined) return undefined;
    switch (node.operator) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      case '%': return a % b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '>>>': return a >>> b;
      case '|': return a | b;
      case '&': return a & b;
      case '^': return a ^ b;
      default: return undefined;
    }
  }
  return undefined;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') out.push(c as Node);
    } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') out.push(v as Node);
  }
  return out;
}

/** Names bound by a pattern (parameters, declarations). */
function boundNames(pattern: Node | null, out: string[]): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') out.push(pattern.name as string);
  else if (pattern.type === 'AssignmentPattern') boundNames(pattern.left as Node, out);
  else if (pattern.type === 'RestElement') boundNames(pattern.argument as Node, out);
  else if (pattern.type === 'ArrayPattern') for (const e of pattern.elements as (Node | null)[]) boundNames(e, out);
  else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties as Node[]) boundNames((p.type === 'RestElement' ? p : p.value) as Node, out);
}

/** The statements of the bundle's top level: the body of rollup's IIFE `(function () { … })();`. */
function topLevel(program: Node): Node[] {
  const body = program.body as Node[];
  const only = body.length === 1 ? body[0] : undefined;
  const call = only && only.type === 'ExpressionStatement' ? (only.expression as Node) : undefined;
  const fn = call && call.type === 'CallExpression' ? (call.callee as Node) : undefined;
  if (fn && fn.type === 'FunctionExpression') return (fn.body as Node).body as Node[];
  return body;
}

export interface InlinedConstants {
  code: string;
  /** Names of the constants inlined. */
  inlined: string[];
}

export function inlineNumericConstants(code: string): InlinedConstants {
  const program = parse(code, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as Node;
  // Every name declared anywhere, with how often (a constant's own declaration counts once).
  const declared: Record<string, number> = {};
  const countDeclarations = (node: Node): void => {
    const names: string[] = [];
    if (node.type === 'VariableDeclarator') boundNames(node.id as Node, names);
    else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      if (node.id) names.push((node.id as Node).name as string);
      for (const p of node.params as Node[]) boundNames(p, names);
    } else if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      if (node.id) names.push((node.id as Node).name as string);
    } else if (node.type === 'CatchClause') boundNames(node.param as Node | null, names);
    for (const n of names) declared[n] = (declared[n] ?? 0) + 1;
    for (const c of children(node)) countDeclarations(c);
  };
  countDeclarations(program);

  // The top-level numeric constants, in order (one may be computed from those before it).
  const values: Record<string, number> = {};
  const drops: Node[] = [];
  for (const statement of topLevel(program)) {
    if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
    const decls = statement.declarations as Node[];
    if (decls.length !== 1) continue;
    const d = decls[0] as Node;
    const id = d.id as Node;
    if (id.type !== 'Identifier' || !d.init) continue;
    const name = id.name as string;
    const value = evaluate(d.init as Node, values);
    if (value === undefined || declared[name] !== 1 || !Number.isFinite(value) || Object.is(value, -0)) continue;
    values[name] = value;
    drops.push(statement);
  }
  if (drops.length === 0) return { code, inlined: [] };

  const edits: { start: number; end: number; text: string }[] = [];
  const literal = (v: number): string => (v < 0 ? `(${String(v)})` : String(v));
  const rewrite = (node: Node, parent: Node | null): void => {
    if (drops.includes(node)) return;
    if (node.type === 'Identifier' && Object.prototype.hasOwnProperty.call(values, node.name as string)) {
      const name = node.name as string;
      const p = parent as Node;
      const isKey = (p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && p.key === node && !p.computed;
      const isMember = p.type === 'MemberExpression' && p.property === node && !p.computed;
      if (p.type === 'Property' && p.shorthand && p.value === node) {
        edits.push({ start: node.start, end: node.end, text: `${name}: ${literal(values[name] as number)}` });
      } else if (!isKey && !isMember && p.type !== 'LabeledStatement' && p.type !== 'BreakStatement' && p.type !== 'ContinueStatement') {
        edits.push({ start: node.start, end: node.end, text: literal(values[name] as number) });
      }
      return;
    }
    // A shorthand property's key and value are the same node: visit it once, as the value.
    if (node.type === 'Property' && node.shorthand) return rewrite(node.value as Node, node);
    for (const c of children(node)) rewrite(c, node);
  };
  rewrite(program, null);
  for (const d of drops) edits.push({ start: d.start, end: d.end, text: '' });
  edits.sort((x, y) => y.start - x.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, inlined: Object.keys(values) };
}
