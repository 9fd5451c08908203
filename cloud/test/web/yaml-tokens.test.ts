import { describe, expect, it } from 'vitest';
import { tokenizeYaml, tokenizeYamlLine, type YamlTokenKind } from '../../web/src/yaml-tokens.js';

const kinds = (line: string): Array<[YamlTokenKind, string]> => tokenizeYamlLine(line).filter((t) => t.text.trim()).map((t) => [t.kind, t.text.trim()]);

describe('YAML highlighting tokens', () => {
  it('gives every line back exactly', () => {
    const text = [
      'id: compliance.custom.mars_plan # a comment',
      'conditions:',
      '  says: { role: staff, negation: ignore, match: [{ any: [保本, "宝本"] }] }',
      "  - { regex: 'it''s (还|正)在#1', exclude: \"a\\\"b\" }",
      '    enabled: false',
      '',
      '---',
    ].join('\n');
    expect(tokenizeYaml(text).map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(text);
  });

  it('tells keys, scalars, strings and comments apart', () => {
    expect(kinds('id: compliance.custom.mars_plan # the id')).toEqual([
      ['key', 'id'],
      ['punct', ':'],
      ['plain', 'compliance.custom.mars_plan'],
      ['comment', '# the id'],
    ]);
    expect(kinds('    - 火星计划')).toEqual([
      ['punct', '-'],
      ['plain', '火星计划'],
    ]);
    expect(kinds('enabled: false')).toEqual([['key', 'enabled'], ['punct', ':'], ['keyword', 'false']]);
    expect(kinds('window: 12')).toEqual([['key', 'window'], ['punct', ':'], ['number', '12']]);
    expect(kinds('# a whole-line comment')).toEqual([['comment', '# a whole-line comment']]);
  });

  it('reads flow collections: keys inside braces, items inside brackets', () => {
    expect(kinds('match: { any: [保本, "宝本"] }')).toEqual([
      ['key', 'match'],
      ['punct', ':'],
      ['punct', '{'],
      ['key', 'any'],
      ['punct', ':'],
      ['punct', '['],
      ['plain', '保本'],
      ['punct', ','],
      ['string', '"宝本"'],
      ['punct', ']'],
      ['punct', '}'],
    ]);
  });

  it('braces and commas inside a block value (a regex) are part of it', () => {
    expect(kinds('      - regex: (就|只有)\\d+(分钟)|在外面.{0,4}不方便,[甲乙]')).toEqual([
      ['punct', '-'],
      ['key', 'regex'],
      ['punct', ':'],
      ['plain', '(就|只有)\\d+(分钟)|在外面.{0,4}不方便,[甲乙]'],
    ]);
  });

  it('a # inside a value or a string is no comment; a colon inside a value is no key', () => {
    expect(kinds('regex: "a#b"  # c')).toEqual([['key', 'regex'], ['punct', ':'], ['string', '"a#b"'], ['comment', '# c']]);
    expect(kinds('pattern: 第#1号')).toEqual([['key', 'pattern'], ['punct', ':'], ['plain', '第#1号']]);
    expect(kinds('description: 说明: 不是键')).toEqual([['key', 'description'], ['punct', ':'], ['plain', '说明: 不是键']]);
    expect(kinds("note: 'it''s fine' # x")).toEqual([['key', 'note'], ['punct', ':'], ['string', "'it''s fine'"], ['comment', '# x']]);
  });
});
