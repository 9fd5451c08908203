import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, RuleSetStore, isAnalysisError, loadRuleSet, loadTaxonomy, validateRuleSet } from '../../src/analysis/index.js';

function issues(raw: unknown, withTaxonomy = false): string[] {
  try {
    validateRuleSet(raw, withTaxonomy ? loadTaxonomy() : undefined);
  } catch (err) {
    if (isAnalysisError(err, 'RULES_INVALID')) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

const ok = { id: 'a', kind: 'profile', family: 'basic', tag: 'fund_manager', value: 'self', conditions: { c: { match: { any: ['我管'] } } }, when: 'c' };

describe('rule validation', () => {
  it('accepts a well-formed rule', () => {
    expect(issues({ version: '1', rules: [ok] }, true)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    const list = issues({
      version: '1',
      rules: [
        { ...ok, id: 'a' },
        { ...ok, id: 'a' },
        { ...ok, id: 'b', kind: 'nope' },
        { ...ok, id: 'c', conditions: { c: { role: 'boss', match: { regex: '(' } } } },
        { ...ok, id: 'd', when: 'c and missing' },
        { ...ok, id: 'e', when: 'c and (' },
        { ...ok, id: 'f', conditions: { c: { match: { any: [] } } } },
        { ...ok, id: 'g', conditions: { c: { match: { any: ['x'], regex: 'y' } } } },
        { ...ok, id: 'h', conditions: { c: { match: { any: ['x'] }, after: { condition: 'c', withinTurns: 1 } } } },
        { ...ok, id: 'i', conditions: { c: { match: { atLeast: 3, of: ['x', 'y'] } } } },
        { ...ok, id: 'j', conditions: { c: { match: { none: ['x'] } } } },
        { ...ok, id: 'k', conditions: { c: { match: { any: ['@nolex'] } } } },
        { ...ok, id: 'l', conditions: { c: { match: { any: ['x'] }, notAfter: { condition: 'gone', withinTurns: 1 } } } },
        {
          ...ok,
          id: 'm',
          conditions: {
            c: { match: { any: ['x'] }, after: { condition: 'd', withinTurns: 1 } },
            d: { match: { any: ['y'] }, notAfter: { condition: 'c', withinTurns: 1 } },
          },
        },
      ],
    });
    const joined = list.join('\n');
    expect(joined).toContain('rules[1](a).id: duplicate rule id');
    expect(joined).toContain('rules[2](b).kind: must be one of');
    expect(joined).toContain('rules[3](c).conditions.c.role: must be one of');
    expect(joined).toContain('rules[3](c).conditions.c.match.regex: invalid regular expression');
    expect(joined).toContain('rules[4](d).when: refers to unknown condition "missing"');
    expect(joined).toContain('rules[5](e).when: syntax error');
    expect(joined).toContain('rules[6](f).conditions.c.match.any: must be a non-empty list');
    expect(joined).toContain('rules[7](g).conditions.c.match: needs exactly one of');
    expect(joined).toContain('rules[8](h).conditions.c.after.condition: a condition cannot anchor on itself');
    expect(joined).toContain('rules[9](i).conditions.c.match.atLeast: asks for 3 of only 2 words');
    expect(joined).toContain('rules[10](j).conditions.c.match: a condition needs at least one positive matcher');
    expect(joined).toContain('rules[11](k).conditions.c.match.any[0]: unknown lexicon "@nolex"');
    expect(joined).toContain('rules[12](l).conditions.c.notAfter.condition: unknown condition "gone"');
    expect(joined).toContain('rules[13](m).conditions.c.after: anchors form a cycle');
  });

  it('checks ids against the taxonomy when given one', () => {
    const list = issues({
      version: '1',
      rules: [
        { ...ok, value: 'nobody' },
        { id: 'x', kind: 'compliance', rule: 'jaywalking', conditions: { c: { match: { any: ['x'] } } }, when: 'c' },
        { id: 'y', kind: 'keyPoint', point: 'juggling', conditions: { c: { match: { any: ['x'] } } }, when: 'c' },
      ],
    }, true);
    expect(list).toEqual([
      'rules[0](a).value: "nobody" is not a value of basic.fund_manager',
      'rules[1](x).rule: "jaywalking" is not a compliance rule of the taxonomy',
      'rules[2](y).point: "juggling" is not a key point of the taxonomy',
    ]);
  });

  it('inserts named patterns into regular expressions and reports unknown or broken ones', () => {
    const rule = (regex: string): Record<string, unknown> => ({ ...ok, conditions: { c: { match: { regex } } } });
    const set = validateRuleSet({ version: '1', patterns: { pitch: '推荐|有(一)?款' }, rules: [rule('@{pitch}.{0,4}基金')] });
    const m = set.rules[0]?.conditions.get('c')?.matchers[0];
    expect(m?.type === 'regex' ? m.re.source : '').toBe('(?:推荐|有(一)?款).{0,4}基金');
    expect(issues({ version: '1', rules: [rule('@{nope}')] })).toEqual(['rules[0](a).conditions.c.match.regex: unknown pattern "@{nope}"']);
    expect(issues({ version: '1', patterns: { bad: '(', self: '@{bad}', empty: '' }, rules: [ok] })).toEqual([
      'patterns.bad: invalid regular expression: Invalid regular expression: /(/u: Unterminated group',
      'patterns.self: may not refer to another pattern',
      'patterns.empty: must be a non-empty string',
    ]);
  });

  it('rejects a document that is not a rule set', () => {
    expect(() => validateRuleSet(42)).toThrow(AnalysisError);
    expect(issues({ rules: [] })).toContain('version: must be a non-empty string');
  });
});

describe('loading and reloading rule files', () => {
  let dir: string | undefined;
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });

  const yaml = (version: string, word: string): string =>
    `version: "${version}"\nrules:\n  - id: a\n    kind: profile\n    family: basic\n    tag: fund_manager\n    value: self\n    conditions:\n      c: { match: { any: [${word}] } }\n    when: c\n`;

  it('loads YAML or JSON from a directory and reports parse errors with the file name', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-rules-'));
    writeFileSync(path.join(dir, 'a.yaml'), yaml('1', '我管'));
    expect(loadRuleSet(dir).version).toBe('1');
    writeFileSync(path.join(dir, 'b.json'), '{ "rules": [ }');
    expect(() => loadRuleSet(dir)).toThrow(/b\.json does not parse/);
  });

  it('a store swaps in a new valid set and keeps the old one when the new files are invalid', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-rules-'));
    const file = path.join(dir, 'rules.yaml');
    writeFileSync(file, yaml('1', '我管'));
    const store = new RuleSetStore(dir);
    writeFileSync(file, yaml('2', '我做主'));
    expect(store.reload()).toEqual({ ok: true, version: '2' });
    writeFileSync(file, yaml('3', '') + '    bogus: [');
    const r = store.reload();
    expect(r.ok).toBe(false);
    expect(store.current().version).toBe('2');
    store.close();
  });

  it('unreadable paths are a typed error', () => {
    expect(() => loadRuleSet('/nonexistent/parley-rules')).toThrow(expect.objectContaining({ code: 'RULES_UNREADABLE' }));
  });
});
