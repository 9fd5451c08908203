import { describe, expect, it } from 'vitest';
import { completeYaml, type CompletionVocabulary } from '../../web/src/yaml-completion.js';

const vocab: CompletionVocabulary = {
  profile: { preference: { risk: ['capital_preserving', 'stable'], term: ['le_1m', 'gt_1y'] }, basic: { funds_status: ['idle_funds'] } },
  compliance: ['promise_guarantee', 'pressure_selling'],
  keyPoints: ['kyc', 'closing_attempt'],
  patterns: ['productIntent', 'productAcquire', 'refusalCue'],
  lexicons: ['thirdParty', 'titles'],
};

/** Completes at the `|` in the text: the labels offered and the text after choosing the first. */
function at(textWithCaret: string): { labels: string[]; first: string } | null {
  const caret = textWithCaret.indexOf('|');
  const text = textWithCaret.replace('|', '');
  const c = completeYaml(text, caret, vocab);
  if (!c) return null;
  const item = c.items[0];
  return { labels: c.items.map((i) => i.label), first: item ? text.slice(0, c.from) + item.insert + text.slice(c.to) : text };
}

describe('rule editor completion', () => {
  it("offers a rule's fields at the top level, and only those not yet written", () => {
    const r = at('id: x\nkind: profile\nfa|');
    expect(r?.labels).toEqual(['family']);
    expect(r?.first).toBe('id: x\nkind: profile\nfamily: ');
    expect(at('id: x\nk|')?.labels).toEqual(['kind']);
    expect(at('id: x\nkind: profile\nki|')).toBeNull();
  });

  it('offers the values a field takes', () => {
    expect(at('kind: k|')?.labels).toEqual(['keyPoint']);
    expect(at('kind: compliance\nrule: p|')?.labels).toEqual(['promise_guarantee', 'pressure_selling']);
    expect(at('kind: keyPoint\npoint: |')?.labels).toEqual(['kyc', 'closing_attempt']);
    expect(at('conditions:\n  says:\n    role: c|')?.labels).toEqual(['customer']);
    expect(at('conditions:\n  says:\n    ownWords: t|')?.labels).toEqual(['true']);
  });

  it("offers the taxonomy's tags of the rule's family and values of its tag", () => {
    expect(at('kind: profile\nfamily: preference\ntag: |')?.labels).toEqual(['risk', 'term']);
    expect(at('kind: profile\nfamily: preference\ntag: risk\nvalue: s|')?.labels).toEqual(['stable']);
    expect(at('kind: profile\nfamily: b|')?.labels).toEqual(['basic']);
  });

  it("offers a condition's fields under a named condition, and a matcher's under match", () => {
    expect(at('conditions:\n  says:\n    role: staff\n    ma|')?.labels).toEqual(['match']);
    expect(at('conditions:\n  says:\n    role: staff\n    match:\n      - any: [保本]\n        ex|')?.labels).toEqual(['exclude', 'except']);
    expect(at('conditions:\n  says:\n    match:\n      - any: [保本]\n      - re|')?.first).toContain('      - regex: ');
    expect(at('conditions:\n  says:\n    after:\n      wi|')?.labels).toEqual(['withinTurns']);
    expect(at('conditions:\n  says:\n    scope:\n      first|')?.labels).toEqual(['firstTurns', 'firstSeconds']);
    // the names of conditions are the author's own: nothing to offer directly under conditions
    expect(at('conditions:\n  sa|')).toBeNull();
  });

  it('reads flow mappings: a condition written inline, a matcher in a list', () => {
    expect(at('conditions:\n  says: { role: staff, neg|')?.labels).toEqual(['negation']);
    expect(at('conditions:\n  says: { role: staff, match: { any: [保本], exc|')?.labels).toEqual(['exclude', 'except']);
    expect(at('conditions:\n  says:\n    match: [{ any: [保本] }, { re|')?.labels).toEqual(['regex']);
    expect(at('conditions:\n  a: { role: staff, after: { condition: b, wi|')?.labels).toEqual(['withinTurns']);
    // inside a word list there is no key to type
    expect(at('conditions:\n  says: { match: { any: [保本, a|')).toBeNull();
  });

  it("offers the rule's own condition names in when, trigger and anchors", () => {
    const rule = 'conditions:\n  pitch:\n    role: staff\n  says:\n    role: customer\n';
    expect(at(`${rule}when: |`)?.labels).toEqual(['pitch', 'says', 'not']);
    expect(at(`${rule}when: says and p|`)?.labels).toEqual(['pitch']);
    expect(at(`${rule}when: says a|`)?.labels).toEqual(['and']);
    expect(at('conditions:\n  pitch:\n    role: staff\n  says:\n    after: { condition: p|')?.labels).toEqual(['pitch']);
  });

  it("offers the rule set's named patterns in a regex and its lexicons in a word list", () => {
    const r = at('conditions:\n  says:\n    match: { regex: "(?:@{product|' );
    expect(r?.labels).toEqual(['productIntent', 'productAcquire']);
    expect(r?.first).toBe('conditions:\n  says:\n    match: { regex: "(?:@{productIntent}' );
    expect(at('conditions:\n  says:\n    match: { any: ["@th|')?.labels).toEqual(['thirdParty']);
  });

  it('offers nothing in free text', () => {
    expect(at('description: 客户说|')).toBeNull();
    expect(at('id: compliance.custom.ex|')).toBeNull();
  });
});

describe('rule editor completion labels', () => {
  it("shows the taxonomy's name beside an id", () => {
    const named: CompletionVocabulary = { ...vocab, describe: (field, id, family, tag) => (field === 'value' && family === 'preference' && tag === 'risk' && id === 'stable' ? '稳健' : undefined) };
    const text = 'kind: profile\nfamily: preference\ntag: risk\nvalue: st';
    expect(completeYaml(text, text.length, named)?.items).toEqual([{ label: 'stable', insert: 'stable', detail: '稳健' }]);
  });
});
