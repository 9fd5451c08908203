/**
 * The one Espruino subset gate (2v29), used by every package whose code runs
 * on the badge: proto's device codec, hardware's link decoder, the firmware
 * bundle. Two halves:
 *
 * 1. esbuild with target es2015 and every unsupported feature switched off
 *    must neither refuse the code nor change it (a change means it had to
 *    lower something Espruino lacks);
 * 2. a walk of the syntax tree (TypeScript's parser, for .ts and .js) for
 *    what esbuild lowers silently or cannot see, and for the traps that
 *    parse but misbehave on Espruino: labels, destructuring, spread/rest,
 *    defaults, async/generators, `?.`, `**`, logical assignment, BigInt,
 *    #private, static blocks, computed property keys (a syntax error on
 *    2v29), `var` and numeric separators, the missing globals and members,
 *    assignments to `.length` ("Assignment to a constant"), and closures
 *    created inside `for (let …)` / `for (const … of …)` loops (they all see
 *    the loop variable's final value).
 */
import { transform } from 'esbuild';
import ts from 'typescript';
import { ESPRUINO_MISSING_GLOBALS, ESPRUINO_MISSING_MEMBERS } from './missing-apis.js';
import { ESPRUINO_SUPPORTED, ESPRUINO_TSCONFIG } from './syntax-flags.js';

export interface SubsetProblem {
  what: string;
  /** 1-based; 0 when esbuild refused the whole input. */
  line: number;
  column: number;
  excerpt: string;
}

export interface GateOptions {
  /** For messages and the parser's script kind (.ts / .js). */
  fileName?: string;
}

const MISSING_GLOBALS: readonly string[] = ESPRUINO_MISSING_GLOBALS;
const MISSING_MEMBERS: readonly string[] = ESPRUINO_MISSING_MEMBERS;

/** Runs both halves; an empty list means the code is inside the subset. */
export async function checkEspruinoSubset(source: string, opts?: GateOptions): Promise<SubsetProblem[]> {
  const problems = await esbuildProblems(source, opts);
  for (const p of astProblems(source, opts)) problems.push(p);
  return problems;
}

/** The esbuild half. */
export async function esbuildProblems(source: string, opts?: GateOptions): Promise<SubsetProblem[]> {
  const fileName = opts?.fileName ?? 'input.js';
  const loader = fileName.endsWith('.ts') ? 'ts' : 'js';
  const common = { loader, format: 'esm', legalComments: 'none', tsconfigRaw: ESPRUINO_TSCONFIG, sourcefile: fileName } as const;
  let reference: string;
  try {
    reference = (await transform(source, { ...common, target: 'esnext' })).code;
  } catch (err) {
    return [{ what: 'does not parse: ' + firstLines((err as Error).message), line: 0, column: 0, excerpt: '' }];
  }
  let gated: string;
  try {
    gated = (await transform(source, { ...common, target: 'es2015', supported: ESPRUINO_SUPPORTED })).code;
  } catch (err) {
    const errors = (err as { errors?: { text: string; location: { line: number; column: number; lineText: string } | null }[] }).errors;
    if (errors && errors.length > 0) {
      return errors.map((e) => ({ what: 'esbuild refused: ' + e.text, line: e.location?.line ?? 0, column: e.location?.column ?? 0, excerpt: (e.location?.lineText ?? '').trim().substr(0, 120) }));
    }
    return [{ what: 'esbuild refused: ' + firstLines((err as Error).message), line: 0, column: 0, excerpt: '' }];
  }
  if (gated === reference) return [];
  const a = reference.split('\n');
  const b = gated.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [{ what: 'esbuild had to lower unsupported syntax (output line ' + (i + 1) + ')', line: 0, column: 0, excerpt: (a[i] ?? '').trim().substr(0, 120) }];
}

function firstLines(message: string): string {
  return message.split('\n').slice(0, 3).join(' ');
}

/** The syntax-tree half. */
export function astProblems(source: string, opts?: GateOptions): SubsetProblem[] {
  const fileName = opts?.fileName ?? 'input.js';
  const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const problems: SubsetProblem[] = [];
  const report = (node: ts.Node, what: string): void => {
    const start = node.getStart(sf);
    const lc = sf.getLineAndCharacterOfPosition(start);
    problems.push({ what, line: lc.line + 1, column: lc.character, excerpt: source.substr(Math.max(0, start - 30), 80).replace(/\s+/g, ' ') });
  };
  const letLoops: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeNode(node)) return;
    checkNode(node, report, letLoops.length > 0);
    const loop = isLetLoop(node);
    if (loop) letLoops.push(node);
    ts.forEachChild(node, visit);
    if (loop) letLoops.pop();
  };
  visit(sf);
  return problems;
}

/**
 * `var _a, _b;` as the first statement of a function body, without
 * initialisers: how tsc (target ES2015) lowers `??` and `?.`, declared
 * before any use, so nothing depends on hoisting.
 */
function isLoweringTemporaries(list: ts.VariableDeclarationList): boolean {
  const statement = list.parent;
  if (!statement || !ts.isVariableStatement(statement)) return false;
  const body = statement.parent;
  if (!body || !ts.isBlock(body) || body.statements[0] !== statement) return false;
  const fn = body.parent;
  if (!fn || !(ts.isFunctionLike(fn) || ts.isClassStaticBlockDeclaration(fn))) return false;
  for (const d of list.declarations) if (d.initializer !== undefined || !ts.isIdentifier(d.name)) return false;
  return true;
}

function isLetLoop(node: ts.Node): boolean {
  if (ts.isForStatement(node)) {
    return node.initializer !== undefined && ts.isVariableDeclarationList(node.initializer) && (node.initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;
  }
  return (ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer);
}

const LOGICAL_ASSIGNMENT = [ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken];

function checkNode(node: ts.Node, report: (node: ts.Node, what: string) => void, inLetLoop: boolean): void {
  if (ts.isLabeledStatement(node)) report(node, 'label');
  else if (ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) report(node, 'destructuring');
  else if (ts.isSpreadElement(node) || ts.isSpreadAssignment(node)) report(node, 'spread');
  else if (ts.isParameter(node)) {
    if (node.dotDotDotToken) report(node, 'rest parameter');
    if (node.initializer) report(node, 'default parameter');
  } else if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) {
    report(node, 'optional chaining');
  } else if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) report(node, 'await/yield');
  else if (ts.isPrivateIdentifier(node)) report(node, '#private member');
  else if (ts.isClassStaticBlockDeclaration(node)) report(node, 'static block');
  else if (node.kind === ts.SyntaxKind.BigIntLiteral) report(node, 'BigInt literal');
  else if (ts.isNumericLiteral(node) && node.getText().indexOf('_') >= 0) report(node, 'numeric separator');
  else if (ts.isVariableDeclarationList(node) && (node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0 && !isLoweringTemporaries(node)) {
    report(node, 'var (Espruino does not hoist): use let/const');
  }
  else if (ts.isComputedPropertyName(node)) report(node, 'computed property key (a syntax error on Espruino 2v29)');
  else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AsteriskAsteriskToken || op === ts.SyntaxKind.AsteriskAsteriskEqualsToken) report(node, 'exponent operator');
    if (LOGICAL_ASSIGNMENT.indexOf(op) >= 0) report(node, 'logical assignment');
    if (op === ts.SyntaxKind.EqualsToken && (ts.isObjectLiteralExpression(node.left) || ts.isArrayLiteralExpression(node.left))) report(node, 'destructuring assignment');
    if (op === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'length') {
      report(node, 'assigning .length ("Assignment to a constant" on Espruino): use splice');
    }
  } else if (ts.isIdentifier(node)) {
    const p = node.parent;
    const isMemberName = p !== undefined && ts.isPropertyAccessExpression(p) && p.name === node;
    const isKey = p !== undefined && (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isPropertySignature(p)) && p.name === node;
    if (!isMemberName && !isKey && MISSING_GLOBALS.indexOf(node.text) >= 0) report(node, node.text + ' is not available');
    // Called (or passed on) as a method: a plain field of the same name (`f.at`) is fine.
    const gp = p?.parent;
    const isCall = isMemberName && gp !== undefined && ts.isCallExpression(gp) && gp.expression === p;
    if (isCall && MISSING_MEMBERS.indexOf(node.text) >= 0) report(node, '.' + node.text + '() is not available');
  }
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.modifiers) {
    for (const m of node.modifiers) if (m.kind === ts.SyntaxKind.AsyncKeyword) report(node, 'async function');
  }
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.asteriskToken) report(node, 'generator');
  if (inLetLoop && (ts.isArrowFunction(node) || ts.isFunctionExpression(node))) report(node, 'closure inside for (let …): sees only the final value');
}
