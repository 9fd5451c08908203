import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { inlineNumericConstants } from '../../src/build/inline-constants.js';

/** Runs an IIFE bundle and returns what it leaves in `out`. */
function run(code: string): unknown {
  const ctx: { out?: unknown } = {};
  runInNewContext(code, ctx);
  return ctx.out;
}

describe('numeric constants inlined in the bundle', () => {
  const bundle = `(function () {
    const SECTOR = 4096;
    const PAGE = 256;
    const HEADER = PAGE;
    const RELEASED_AT = 9 + 28;
    const CLEAN_AT = RELEASED_AT + 1;
    const DIRTY = -2147483648;
    const MASK = ~0xff & 0xffff;
    const NAME = 'sp';
    const TABLE = new Uint8Array(4);
    const SHADOWED = 7;
    const LOOP = 3;
    class Area {
      constructor() { this.SECTOR = 'field'; this.at = CLEAN_AT; }
      PAGE() { return PAGE * 2; }
    }
    function f(SHADOWED) { return SHADOWED + 1; }
    const a = new Area();
    const o = { SECTOR: 1, DIRTY, [HEADER]: 'computed' };
    let sum = 0;
    LOOP: for (let i = 0; i < LOOP; i++) { sum += i; if (i > 10) break LOOP; }
    out = [SECTOR / PAGE, HEADER, a.at, a.SECTOR, a.PAGE(), o.SECTOR, o.DIRTY, o[256], -DIRTY, f(1), SHADOWED, NAME, TABLE.length, MASK, sum, typeof SECTOR];
  })();`;

  it('replaces reads with the numbers and drops the declarations; the bundle computes the same', () => {
    const r = inlineNumericConstants(bundle);
    expect(run(r.code)).toEqual(run(bundle));
    expect(r.inlined.sort()).toEqual(['CLEAN_AT', 'DIRTY', 'HEADER', 'LOOP', 'MASK', 'PAGE', 'RELEASED_AT', 'SECTOR'].sort());
    expect(r.code).not.toMatch(/const (SECTOR|PAGE|HEADER|RELEASED_AT|CLEAN_AT|DIRTY|MASK) =/);
    // Property names and class members of the same name stay names; a shorthand property keeps its key.
    expect(r.code).toContain('this.SECTOR');
    expect(r.code).toContain('PAGE() {');
    expect(r.code).toContain('DIRTY: (-2147483648)');
    expect(r.code).toContain('SECTOR: 1');
  });

  it('keeps constants that are not numbers, and a name declared again anywhere (a parameter may shadow it) or used as a label', () => {
    const r = inlineNumericConstants(bundle);
    expect(r.code).toContain("const NAME = 'sp'");
    expect(r.code).toContain('const TABLE = new Uint8Array(4)');
    expect(r.code).toContain('const SHADOWED = 7');
    expect(r.code).toContain('function f(SHADOWED) { return SHADOWED + 1; }');
    // LOOP is also a label: the label stays, the reads are inlined.
    expect(r.code).toContain('LOOP: for');
    expect(r.code).toContain('break LOOP');
  });

  it('leaves a bundle without constants as it is', () => {
    const code = '(function () { out = 1 + 2; })();';
    expect(inlineNumericConstants(code)).toEqual({ code, inlined: [] });
  });
});
