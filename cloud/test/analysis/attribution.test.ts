// Who a customer's words are about (cloud/src/analysis/attribution.ts) and the `ownWords` condition
// option built on it. Sentences written for this test, none taken from a scored set.
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { aboutSomeoneElse } from '../../src/analysis/attribution.js';
import { convo, fires, profileRule } from './helpers.js';

const at = (text: string, word: string): boolean => aboutSomeoneElse(text, text.indexOf(word));

describe('aboutSomeoneElse: a third person as the subject of the clause before the hit', () => {
  it('pronouns, children and parents, friends, another firm\'s staff', () => {
    expect(at('他前年在平安买了个分红险', '分红险')).toBe(true);
    expect(at('平时都是我儿子在手机银行上弄', '手机银行')).toBe(true);
    expect(at('我邻居在招行买的理财', '招行')).toBe(true);
    expect(at('那个业务员讲得可专业了', '专业')).toBe(true);
  });

  it('the customer acting, with the person as object, is the customer\'s own', () => {
    expect(at('我给我儿子在手机银行上买了点', '手机银行')).toBe(false);
    expect(at('我跟同事都在招行有卡', '招行')).toBe(false);
    expect(at('我在手机银行上买过', '手机银行')).toBe(false);
  });

  it('a person addressed is staff, a person reporting passes on an opinion, 他行 is a bank', () => {
    expect(at('你这个小伙子讲得真专业', '专业')).toBe(false);
    expect(at('姑娘你说得真清楚', '清楚')).toBe(false);
    expect(at('我朋友说你们手机银行好用', '好用')).toBe(false);
    expect(at('他行那个理财月底到期', '理财')).toBe(false);
  });

  it('a person in an earlier clause does not reach across a pause', () => {
    expect(at('我儿子不管这些，我自己在手机银行上买', '手机银行')).toBe(false);
  });
});

describe('ownWords on a condition', () => {
  const cond = { role: 'customer', ownWords: true, match: { any: ['手机银行'] } };
  it('drops a hit about someone else and keeps the customer\'s own', () => {
    expect(fires(cond, [['customer', '都是我闺女在手机银行上操作']])).toHaveLength(0);
    expect(fires(cond, [['customer', '我一般在手机银行上操作']])).toHaveLength(1);
    // without the option the same hit counts
    expect(fires({ role: 'customer', match: { any: ['手机银行'] } }, [['customer', '都是我闺女在手机银行上操作']])).toHaveLength(1);
  });
  it('must be true or false', () => {
    expect(() => profileRule({ ownWords: 'yes', match: { any: ['x'] } })).toThrow(/ownWords/);
  });
});

describe('shipped rules: platforms, channels and praise of someone else are not the customer\'s', () => {
  const taxonomy = loadTaxonomy();
  const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
  const tags = (text: string): string[] =>
    analyze(convo([['staff', '您好，我是理财经理小陶，今天办什么？'], ['customer', text]]), rules, taxonomy).profile.map((p) => `${p.family}.${p.tag}=${p.value}`);
  it('a son\'s insurer, a daughter\'s app, another bank\'s saleswoman', () => {
    expect(tags('我儿子前两年在平安买过一份寿险。')).not.toContain('basic.investment_platform=insurance');
    expect(tags('我不会弄，都是我女儿在手机银行上帮我买。')).not.toContain('preference.channel=mobile_banking');
    expect(tags('那家银行那个小伙子讲得可专业了，结果亏了。')).not.toContain('feedback.positive=service_professional');
  });
  it('the same statements of the customer still count', () => {
    expect(tags('我前两年在平安买过一份寿险。')).toContain('basic.investment_platform=insurance');
    expect(tags('我平时都在手机银行上自己买。')).toContain('preference.channel=mobile_banking');
  });
});
