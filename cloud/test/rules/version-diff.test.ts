import { describe, expect, it } from 'vitest';
import { diffRuleSets, yamlHunks } from '../../src/rules/version-diff.js';

const rule = (id: string, words: string[], extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'compliance',
  rule: 'promise_guarantee',
  conditions: { says: { role: 'staff', match: { any: words } } },
  when: 'says',
  ...extra,
});

describe('rule-set version diff', () => {
  it('matches rules by id: added, removed and changed, with unified hunks of their YAML', () => {
    const older = { version: 'a', rules: [rule('r.one', ['保本']), rule('r.two', ['稳赚']), rule('r.gone', ['零风险'])] };
    const newer = { version: 'b', rules: [rule('r.two', ['稳赚']), rule('r.one', ['保本', '保收益']), rule('r.new', ['包赚'])] };
    const d = diffRuleSets(older, newer);
    expect(d.rules.map((r) => [r.id, r.change, r.index])).toEqual([
      ['r.one', 'changed', 1],
      ['r.new', 'added', 2],
      ['r.gone', 'removed', 2],
    ]);
    // reordering alone is no change; the version field is not a setting
    expect(d.unchanged).toBe(1);
    expect(d.settings).toEqual([]);
    const lines = d.rules[0]!.hunks.flatMap((h) => h.lines);
    expect(lines.filter((l) => l.startsWith('+'))).toEqual(['+        - 保收益']);
    expect(lines.filter((l) => l.startsWith('-'))).toEqual([]);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(d.rules[1]!.hunks.flatMap((h) => h.lines).every((l) => l.startsWith('+'))).toBe(true);
    expect(d.rules[2]!.hunks.flatMap((h) => h.lines).every((l) => l.startsWith('-'))).toBe(true);
  });

  it('compares settings one named pattern or lexicon at a time', () => {
    const older = { version: 'a', defaults: { pinyin: true }, patterns: { pitch: '推荐|介绍', kept: 'x' }, lexicons: { busy: ['在忙'] }, rules: [] };
    const newer = { version: 'b', defaults: { pinyin: true }, patterns: { pitch: '推荐|介绍|主推', kept: 'x' }, lexicons: { busy: ['在忙'], calm: ['不急'] }, rules: [] };
    const d = diffRuleSets(older, newer);
    expect(d.settings.map((s) => [s.key, s.change])).toEqual([
      ['patterns.pitch', 'changed'],
      ['lexicons.calm', 'added'],
    ]);
    expect(d.settings[0]!.hunks.flatMap((h) => h.lines)).toEqual(['-推荐|介绍', '+推荐|介绍|主推']);
  });

  it('keeps a few lines of context around a change in a long rule, not the whole rule', () => {
    const a = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const b = a.replace('line 20\n', 'line twenty\n');
    const hunks = yamlHunks(a, b);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]).toMatchObject({ oldStart: 18, oldLines: 7, newStart: 18, newLines: 7 });
    expect(hunks[0]!.lines).toEqual([' line 17', ' line 18', ' line 19', '-line 20', '+line twenty', ' line 21', ' line 22', ' line 23']);
  });
});
