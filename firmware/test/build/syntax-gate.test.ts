import { describe, expect, it } from 'vitest';
import { checkEspruinoSubset } from '../../src/build/syntax-gate.js';

describe('Espruino subset gate', () => {
  it('accepts what Espruino runs', async () => {
    const ok = `class A { constructor(x) { this.x = x; } get y() { return this.x ?? 1; } static z() { return 2; } }
      class B extends A { constructor() { super(1); } }
      const f = (a) => a + 1; let s = \`\${f(1)}\`; for (const c of [1, 2]) s += c;
      const u = new Uint8Array(4).subarray(1, 2); Promise.all([]).then(() => 1).catch(() => 0);
      const o = Object.assign({}, { a: 1 }); JSON.stringify(o); 'a'.padStart(3);`;
    expect(await checkEspruinoSubset(ok)).toEqual([]);
  });

  const bad: [string, string][] = [
    ['const { a } = o;', 'destructuring'],
    ['const [a] = o;', 'destructuring'],
    ['f(...xs);', 'spread'],
    ['function f(...xs) {}', 'rest'],
    ['function f(a = 1) {}', 'default'],
    ['async function f() { await 1; }', 'async'],
    ['function* g() { yield 1; }', 'generator'],
    ['const m = new Map();', 'Map'],
    ['const s = new Set();', 'Set'],
    ['const y = Symbol("x");', 'Symbol'],
    ['a?.b;', 'optional'],
    ['x = 2 ** 3;', '**'],
    ['const n = 10n;', 'BigInt'],
    ['class A { #p = 1; }', 'private'],
    ['l: for (;;) break l;', 'label'],
    ['Promise.race([]);', 'race'],
    ['p.finally(() => 1);', 'finally'],
    ['buf.copyWithin(0, 4);', 'copyWithin'],
    ['a.flat();', 'flat'],
    ['a.flatMap((x) => [x]);', 'flatMap'],
    ['const o = { [k]: 1 };', 'computed key'],
    ['class A { [k]() {} }', 'computed method'],
  ];
  for (const [code, what] of bad) {
    it('rejects ' + what + ': ' + code, async () => {
      const v = await checkEspruinoSubset(code);
      expect(v.length).toBeGreaterThan(0);
    });
  }
});
