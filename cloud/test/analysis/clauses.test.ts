import { describe, expect, it } from 'vitest';
import { clauseIndex, isPause } from '../../src/analysis/clauses.js';

describe('clauses of a normalised turn', () => {
  it('counts pauses: punctuation and the spaces of ASR text; a pause belongs to the clause it closes', () => {
    const text = '收益多少？期限呢 我再想想';
    const k = clauseIndex(text);
    expect(k[text.indexOf('收')]).toBe(0);
    expect(k[text.indexOf('？')]).toBe(0);
    expect(k[text.indexOf('期')]).toBe(1);
    expect(k[text.indexOf('我')]).toBe(2);
  });

  it('does not end a clause at the point of a decimal number', () => {
    const text = '收益3.5左右的产品.行';
    expect(isPause(text, text.indexOf('.'))).toBe(false);
    expect(isPause(text, text.lastIndexOf('.'))).toBe(true);
    const k = clauseIndex(text);
    expect(k[text.indexOf('产')]).toBe(k[text.indexOf('收')]);
    expect(k[text.indexOf('行')]).toBe(1);
  });
});

describe('a question tag joins the clause it asks about (session 7)', () => {
  it('是真的不？ / 对吧？ after a statement', () => {
    const text = '银行倒了不赔,是真的不?我再想想';
    const k = clauseIndex(text);
    expect(k[text.indexOf('是真')]).toBe(k[text.indexOf('银行')]);
    expect(k[text.indexOf('?')]).toBe(k[text.indexOf('银行')]);
    expect(k[text.indexOf('我')]).not.toBe(k[text.indexOf('银行')]);
  });
  it('a clause with its own words stays its own', () => {
    const text = '银行倒了不赔,是真的不会赔吗?';
    const k = clauseIndex(text);
    expect(k[text.indexOf('是真')]).not.toBe(k[text.indexOf('银行')]);
  });
});

describe('a question tag at the very end of a turn', () => {
  it('joins the clause before it without a mark after it', () => {
    const text = '不收手续费,是真的吗';
    const k = clauseIndex(text);
    expect(k[text.length - 1]).toBe(k[0]);
  });
});
