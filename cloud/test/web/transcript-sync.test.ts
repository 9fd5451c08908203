import { describe, expect, it } from 'vitest';
import { activeLine, locateQuote, splitMarked } from '../../web/src/transcript/sync.js';

describe('transcript sync (which line is playing)', () => {
  const lines = [
    { index: 0, startMs: 0 },
    { index: 1, startMs: 4000 },
    { index: 2, startMs: null },
    { index: 3, startMs: 8000 },
  ];

  it('is the last line started at or before the playhead', () => {
    expect(activeLine(lines, 0)).toBe(0);
    expect(activeLine(lines, 3999)).toBe(0);
    expect(activeLine(lines, 4000)).toBe(1);
    expect(activeLine(lines, 7999)).toBe(1);
    expect(activeLine(lines, 60_000)).toBe(3);
  });

  it('is none before the first timed line, and ignores lines without times', () => {
    expect(activeLine([{ index: 0, startMs: 500 }], 100)).toBeNull();
    expect(activeLine([{ index: 0, startMs: null }], 100)).toBeNull();
  });

  it('follows time, not list order, when lines overlap or come out of order', () => {
    expect(activeLine([{ index: 0, startMs: 5000 }, { index: 1, startMs: 2000 }], 6000)).toBe(0);
  });
});

describe('evidence quotes in a displayed line', () => {
  const text = '宝本的宝本的 您放心 这个肯定不会亏';

  it('uses the offsets when they still match the displayed text', () => {
    expect(locateQuote(text, { start: 11, end: 18, quote: '这个肯定不会亏' })).toEqual([11, 18]);
  });

  it('finds the quote nearest the offset when normalisation moved it', () => {
    expect(locateQuote(text, { start: 2, end: 4, quote: '宝本' })).toEqual([3, 5]);
    expect(locateQuote(text, { start: 0, end: 1, quote: '宝本' })).toEqual([0, 2]);
  });

  it('marks the whole line when the quote is not in it', () => {
    expect(locateQuote(text, { start: 0, end: 2, quote: '保本' })).toEqual([0, text.length]);
  });

  it('splits a line into plain and marked pieces, clipping overlaps so no character repeats', () => {
    const pieces = splitMarked('abcdefgh', [
      { range: [5, 7], data: 'b' },
      { range: [1, 3], data: 'a' },
      { range: [2, 6], data: 'c' },
    ]);
    expect(pieces).toEqual([
      { text: 'a', mark: null },
      { text: 'bc', mark: 'a' },
      { text: 'def', mark: 'c' },
      { text: 'g', mark: 'b' },
      { text: 'h', mark: null },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('abcdefgh');
  });
});
