import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { astProblems, checkEspruinoSubset, espruinoLikeContext, esbuildProblems } from '../src/espruino-subset/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The gate every package uses: one suite for what it accepts and what it must refuse. */
describe('Espruino subset gate', () => {
  it('accepts what Espruino 2v29 runs (JS and TS)', async () => {
    const ok = `class A { constructor(x) { this.x = x; } get y() { return this.x ?? 1; } static z() { return 2; } }
      class B extends A { constructor() { super(1); } }
      const f = (a) => a + 1; let s = \`\${f(1)}\`; for (const c of [1, 2]) s += c;
      const u = new Uint8Array(4).subarray(1, 2); Promise.all([]).then(() => 1).catch(() => 0);
      const o = Object.assign({}, { a: 1 }); JSON.stringify(o); 'a'.padStart(3); const flight = { at: 1 }; flight.at += 1;
      function g(p) { var _a; return (_a = p) !== null && _a !== void 0 ? _a : 0; }`;
    expect(await checkEspruinoSubset(ok)).toEqual([]);
    const typed = 'export class C { private n: number = 0; inc(by: number): number { this.n += by; return this.n; } }\n';
    expect(await checkEspruinoSubset(typed, { fileName: 'c.ts' })).toEqual([]);
  });

  const bad: [string, RegExp][] = [
    ['const { a } = o;', /destructuring/],
    ['const [a] = o;', /destructuring/],
    ['[a, b] = [b, a];', /destructuring/],
    ['f(...xs);', /spread/],
    ['x = { ...o };', /spread/],
    ['function f(...xs) {}', /rest/],
    ['function f(a = 1) {}', /default/],
    ['async function f() { await 1; }', /async|await/],
    ['function* g() { yield 1; }', /generator|yield/],
    ['const m = new Map();', /Map/],
    ['const s = new Set();', /Set/],
    ['const y = Symbol("x");', /Symbol/],
    ['const w = new WeakMap();', /WeakMap/],
    ['a?.b;', /optional/],
    ['x = 2 ** 3;', /exponent|lower/],
    ['x ??= 1;', /logical assignment|lower/],
    ['const n = 10n;', /BigInt/],
    ['class A { #p = 1; }', /private/],
    ['class A { static { init(); } }', /static block|lower/],
    ['l: for (;;) break l;', /label/],
    ['Promise.race([]);', /race/],
    ['p.finally(() => 1);', /finally/],
    ['Promise.allSettled([]);', /allSettled/],
    ['buf.copyWithin(0, 4);', /copyWithin/],
    ['u.lastIndexOf(1);', /lastIndexOf/],
    ['a.flat();', /flat/],
    ['a.flatMap((x) => [x]);', /flatMap/],
    ['const b = [1, 2].slice(1);', /slice/],
    ['const o = { [k]: 1 };', /computed/],
    ['class A { [k]() {} }', /computed/],
    ['var v = 1;', /var/],
    ['const big = 1_000;', /numeric separator|lower/],
    ['q.length = 0;', /length/],
    ['for (let i = 0; i < 3; i++) setTimeout(() => use(i), 1);', /closure inside for/],
    ['for (const x of xs) later(function () { use(x); });', /closure inside for/],
  ];
  for (const [code, what] of bad) {
    it('refuses ' + code, async () => {
      const problems = await checkEspruinoSubset(code);
      expect(problems.map((p) => p.what).join('; ')).toMatch(what);
    });
  }

  it('reports where: esbuild refusals with their line, AST findings with line, column and excerpt', async () => {
    const code = 'const a = 1;\nconst m = new Map();\nfunction f(x = 2) { return x; }\n';
    const ast = astProblems(code);
    expect(ast.map((p) => [p.line, p.what])).toEqual([[2, 'Map is not available'], [3, 'default parameter']]);
    expect(ast[0]?.excerpt).toContain('new Map()');
    const es = await esbuildProblems('x = a?.b;');
    expect(es).toHaveLength(1);
    expect(es[0]?.what).toMatch(/lower/);
    expect((await esbuildProblems('const = ;'))[0]?.what).toMatch(/does not parse/);
  });

  it('the stripped vm context lacks what Espruino lacks and keeps what it has', () => {
    const context = espruinoLikeContext({ marker: 7 });
    expect(runInContext('typeof Map + typeof Set + typeof Symbol + typeof [].slice + typeof new Uint8Array(1).copyWithin + typeof Promise.race', context)).toBe(
      'undefinedundefinedundefinedundefinedundefinedundefined',
    );
    expect(runInContext('typeof Uint8Array + typeof DataView + typeof Promise.all + typeof "a".slice + marker', context)).toBe('functionfunctionfunctionfunction7');
  });

  it('the shipped device code passes: the generated device codec and the link decoder sources', async () => {
    const codec = join(repo, 'proto', 'device', 'badge-codec.js');
    expect(await checkEspruinoSubset(readFileSync(codec, 'utf8'), { fileName: codec })).toEqual([]);
  });
});
