import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src/analysis/prepared.js';
import { clauseFeatures, featureHash, prefixedFeatureHash, textFeatures, turnFeatures, FEATURE_BITS } from '../../../src/analysis/learned/turn-features.js';
import type { AnalysisInput } from '../../../src/analysis/types.js';

const conv = (turns: [string, string][]): ReturnType<typeof prepare> => {
  const input: AnalysisInput = { conversationId: 'c', channel: 'badge', turns: turns.map(([role, text], index) => ({ index, role: role as 'staff', text })) };
  return prepare(input);
};

describe('turn features', () => {
  it('hash into the feature space', () => {
    for (const s of ['c保本', 'y bao ben', '']) {
      const h = featureHash(s);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1 << FEATURE_BITS);
    }
    expect(featureHash('c保本')).toBe(featureHash('c保本'));
    expect(featureHash('c保本')).not.toBe(featureHash('c宝本'));
  });

  it('a role-prefixed feature hashes as its string would, without building it', () => {
    const features = [0, 1, 9, 10, 99, 100, 12345, (1 << FEATURE_BITS) - 1];
    for (let i = 0; i < 200; i++) features.push(Math.floor(Math.random() * (1 << FEATURE_BITS)));
    for (const f of features) {
      for (const role of ['s', 'c', 'o']) expect(prefixedFeatureHash(role, f), `${role}${f}`).toBe(featureHash(`${role}${f}`));
    }
  });

  it('an ASR homophone (宝本) shares its pinyin features with the word (保本)', () => {
    const a = new Set(turnFeatures(conv([['customer', '这个宝本吗']]), 0));
    const b = new Set(turnFeatures(conv([['customer', '这个保本吗']]), 0));
    const shared = [...a].filter((f) => b.has(f));
    expect(shared).toContain(featureHash('ybao ben'));
    expect(a.has(featureHash('c宝本'))).toBe(true);
    expect(b.has(featureHash('c宝本'))).toBe(false);
  });

  it('every digit is one class, so amounts share their features', () => {
    const a = new Set(turnFeatures(conv([['customer', '我有20万']]), 0));
    const b = new Set(turnFeatures(conv([['customer', '大概35万吧']]), 0));
    expect(a.has(featureHash('c00万'))).toBe(true);
    expect(b.has(featureHash('c00万'))).toBe(true);
  });

  it("a turn carries the other party's previous turn as context (a one-word answer means what was asked)", () => {
    const c = conv([['staff', '您这钱多久要用？'], ['customer', '年底吧']]);
    const f = new Set(turnFeatures(c, 1));
    expect(f.has(featureHash('p多久'))).toBe(true);
    expect(new Set(turnFeatures(c, 0)).has(featureHash('p^'))).toBe(true);
  });

  it('splits a turn into clauses with spans in its normalised text, each with only its own words', () => {
    const c = conv([['customer', '我退休了，钱不着急用。就想稳妥些']]);
    const pt = c.turns[0];
    if (!pt) throw new Error('no turn');
    const clauses = clauseFeatures(pt);
    expect(clauses.map((k) => pt.norm.text.slice(k.s, k.e))).toEqual(['我退休了', '钱不着急用', '就想稳妥些']);
    expect(clauses[0]?.features).toEqual([...textFeatures(['我', '退', '休', '了'], ['wo', 'tui', 'xiu', 'le'])]);
  });

  it('words of different characters and the same meaning share their dictionary-gloss features (巴适 and 不错: "good")', () => {
    const a = new Set(turnFeatures(conv([['customer', '你们这服务还是巴适']]), 0));
    const b = new Set(turnFeatures(conv([['customer', '你们服务不错']]), 0));
    expect(a.has(featureHash('ggood'))).toBe(true);
    expect(b.has(featureHash('ggood'))).toBe(true);
    // 不错 is "not bad": never "bad"
    expect(b.has(featureHash('gbad'))).toBe(false);
    expect(b.has(featureHash('gnotbad'))).toBe(true);
    // single characters carry no glosses (的 alone would say "taxi")
    expect(new Set(turnFeatures(conv([['customer', '好的']]), 0)).has(featureHash('gtaxi'))).toBe(false);
  });
});
