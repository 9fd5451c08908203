/**
 * Test-side gate for code that runs on the badge under Espruino 2v29.
 * Two checks: esbuild refuses to lower the syntax Espruino lacks (the
 * `supported: false` flags), and a TypeScript AST walk flags what esbuild
 * would silently lower or cannot see (optional chaining, `**`, BigInt,
 * #private, labels, var, numeric separators, Map/Set/Symbol, `.slice`,
 * Promise.race/allSettled/finally, closures inside `for (let …)`,
 * assignments to `.length`).
 */
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { ESPRUINO_TSCONFIG, ESPRUINO_UNSUPPORTED } from '../src/espruino-bundle/bundle.js';

export { bundleForEspruino } from '../src/espruino-bundle/bundle.js';
import ts from 'typescript';

const FORBIDDEN_GLOBALS = ['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Proxy', 'Reflect', 'BigInt'];
/** Measured missing on Espruino 2v29 (Linux build): typed arrays lack copyWithin/lastIndexOf/at/entries/keys/values, arrays lack at/flat. */
const FORBIDDEN_MEMBERS = ['slice', 'race', 'allSettled', 'finally', 'any', 'copyWithin', 'lastIndexOf', 'at', 'flat', 'flatMap'];

export async function esbuildGate(file: string): Promise<void> {
  await esbuild.transform(readFileSync(file, 'utf8'), {
    loader: 'ts',
    target: 'es2015',
    supported: ESPRUINO_UNSUPPORTED,
    tsconfigRaw: ESPRUINO_TSCONFIG,
    sourcefile: file,
  });
}

/** Problems found by walking the file's syntax tree ("file:line: what"). */
export function astGate(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push(`${file}:${line + 1}: ${what}`);
  };
  const inLetLoop: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return;
    if (ts.isTypeNode(node)) return;
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) {
      report(node, 'optional chaining');
    }
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)) {
      report(node, 'exponent operator');
    }
    if (node.kind === ts.SyntaxKind.BigIntLiteral) report(node, 'BigInt literal');
    if (ts.isPrivateIdentifier(node)) report(node, '#private member');
    if (ts.isLabeledStatement(node)) report(node, 'label');
    if (ts.isNumericLiteral(node) && node.getText(sf).includes('_')) report(node, 'numeric separator');
    if (ts.isVariableDeclarationList(node) && !(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) report(node, 'var (hoisting)');
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.includes(node.text)) {
      const p = node.parent;
      const isMemberName = p && ts.isPropertyAccessExpression(p) && p.name === node;
      const isKey = p && (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name === node;
      if (!isMemberName && !isKey) report(node, `${node.text} is not available`);
    }
    if (ts.isPropertyAccessExpression(node) && FORBIDDEN_MEMBERS.includes(node.name.text)) report(node, `.${node.name.text}() is not available`);
    if (
      ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'length'
    ) {
      report(node, 'assigning .length ("Assignment to a constant" on Espruino): use splice');
    }
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && inLetLoop.length > 0) report(node, 'closure inside for (let …): sees only the final value');
    const letLoop = (ts.isForStatement(node) && node.initializer !== undefined && ts.isVariableDeclarationList(node.initializer) && (node.initializer.flags & ts.NodeFlags.Let) !== 0) ||
      ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer));
    if (letLoop) inLetLoop.push(node);
    ts.forEachChild(node, visit);
    if (letLoop) inLetLoop.pop();
  };
  visit(sf);
  return problems;
}

/** A vm context stripped of what Espruino lacks. */
export const STRIP_TO_ESPRUINO = `
  delete globalThis.Map; delete globalThis.Set; delete globalThis.WeakMap; delete globalThis.WeakSet;
  delete globalThis.Symbol; delete globalThis.Proxy; delete globalThis.Reflect; delete globalThis.BigInt;
  delete Array.prototype.slice; delete ArrayBuffer.prototype.slice;
  delete Array.prototype.at; delete Array.prototype.flat; delete Array.prototype.flatMap;
  (function (ta) { delete ta.copyWithin; delete ta.lastIndexOf; delete ta.at; delete ta.entries; delete ta.keys; delete ta.values; })(Object.getPrototypeOf(Uint8Array.prototype));
  delete Promise.race; delete Promise.allSettled; delete Promise.any; delete Promise.prototype.finally;
`;
