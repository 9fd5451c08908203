/**
 * Boolean expressions over named conditions: `pitch and not (disclosure or refusal)`.
 * Grammar: or-expr := and-expr ('or' and-expr)*; and-expr := unary ('and' unary)*;
 * unary := 'not' unary | '(' or-expr ')' | name. `&&`, `||`, `!` are accepted too.
 */
export type Expr =
  | { op: 'ref'; name: string }
  | { op: 'not'; arg: Expr }
  | { op: 'and' | 'or'; args: Expr[] };

export class ExpressionSyntaxError extends Error {}

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(\(|\)|&&|\|\||!|[A-Za-z_][A-Za-z0-9_.-]*)/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m || m[1] === undefined) throw new ExpressionSyntaxError(`unexpected character at ${pos}: "${src.slice(pos, pos + 10)}"`);
    tokens.push(m[1]);
    pos = re.lastIndex;
  }
  return tokens;
}

export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const isOp = (t: string | undefined, ...ops: string[]): boolean => t !== undefined && ops.includes(t.toLowerCase());

  function orExpr(): Expr {
    const args = [andExpr()];
    while (isOp(peek(), 'or', '||')) { i++; args.push(andExpr()); }
    return args.length === 1 ? (args[0] as Expr) : { op: 'or', args };
  }
  function andExpr(): Expr {
    const args = [unary()];
    while (isOp(peek(), 'and', '&&')) { i++; args.push(unary()); }
    return args.length === 1 ? (args[0] as Expr) : { op: 'and', args };
  }
  function unary(): Expr {
    const t = peek();
    if (t === undefined) throw new ExpressionSyntaxError('expression ends too early');
    if (isOp(t, 'not', '!')) { i++; return { op: 'not', arg: unary() }; }
    if (t === '(') {
      i++;
      const e = orExpr();
      if (peek() !== ')') throw new ExpressionSyntaxError('missing ")"');
      i++;
      return e;
    }
    if (t === ')' || isOp(t, 'and', 'or', '&&', '||')) throw new ExpressionSyntaxError(`unexpected "${t}"`);
    i++;
    return { op: 'ref', name: t };
  }
  const e = orExpr();
  if (i < tokens.length) throw new ExpressionSyntaxError(`unexpected "${tokens[i]}"`);
  return e;
}

export function referencedNames(e: Expr, into: Set<string> = new Set()): Set<string> {
  if (e.op === 'ref') into.add(e.name);
  else if (e.op === 'not') referencedNames(e.arg, into);
  else for (const a of e.args) referencedNames(a, into);
  return into;
}

/** Names whose truth makes the expression true (positive occurrences), in order. */
export function positiveNames(e: Expr, negated = false, into: string[] = []): string[] {
  if (e.op === 'ref') { if (!negated && !into.includes(e.name)) into.push(e.name); }
  else if (e.op === 'not') positiveNames(e.arg, !negated, into);
  else for (const a of e.args) positiveNames(a, negated, into);
  return into;
}

export function evaluate(e: Expr, truth: (name: string) => boolean): boolean {
  switch (e.op) {
    case 'ref': return truth(e.name);
    case 'not': return !evaluate(e.arg, truth);
    case 'and': return e.args.every((a) => evaluate(a, truth));
    case 'or': return e.args.some((a) => evaluate(a, truth));
  }
}
