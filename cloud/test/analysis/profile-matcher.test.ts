import { describe, expect, it } from 'vitest';
import { analyze, isAnalysisError, loadTaxonomy, validateRuleSet } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// The `profile` matcher: key points, compliance and voc rules that build on what the profile
// rules found in a customer turn (a KYC question is one the customer answered with their risk
// appetite, whatever the question's words).
const taxonomy = loadTaxonomy();
const rules = validateRuleSet({
  version: 't',
  rules: [
    { id: 'risk', kind: 'profile', family: 'preference', tag: 'risk', value: 'capital_preserving', conditions: { c: { role: 'customer', match: { any: ['保本'] } } }, when: 'c' },
    { id: 'stable', kind: 'profile', family: 'preference', tag: 'risk', value: 'stable', conditions: { c: { role: 'customer', match: { any: ['稳健'] } } }, when: 'c' },
    { id: 'busy', kind: 'profile', family: 'objection', tag: 'refusal', value: 'no_time', conditions: { c: { role: 'customer', match: { any: ['没空'] } } }, when: 'c' },
    {
      id: 'kyc', kind: 'keyPoint', point: 'kyc',
      conditions: {
        asks: { role: 'staff', match: { regex: '吗|\\?' } },
        answer: { role: 'customer', after: { condition: 'asks', withinTurns: 1 }, match: { profile: ['preference.risk', 'basic.investment_experience'] } },
      },
      when: 'answer',
    },
    {
      id: 'mismatch', kind: 'compliance', rule: 'suitability_mismatch',
      conditions: {
        careful: { role: 'customer', match: { profile: 'preference.risk=capital_preserving' } },
        risky: { role: 'staff', after: { condition: 'careful', withinTurns: 3 }, match: { any: ['股票型'] } },
      },
      when: 'risky',
    },
  ],
}, taxonomy);

const run = (turns: Parameters<typeof convo>[0]): ReturnType<typeof analyze> => analyze(convo(turns), rules, taxonomy);

describe('profile matcher', () => {
  it('holds in the customer turn where a profile rule found the tag, and anchors work on it', () => {
    const r = run([['staff', '您能接受亏损吗？'], ['customer', '我只要保本的']]);
    expect(r.keyPoints['kyc']?.value).toBe(true);
    expect(r.keyPoints['kyc']?.evidence[0]?.turn).toBe(1);
    expect(r.keyPoints['kyc']?.evidence[0]?.quote).toContain('保本');
  });

  it('does not hold when the tag was not found, or was found outside the anchor', () => {
    expect(run([['staff', '您能接受亏损吗？'], ['customer', '看情况吧']]).keyPoints['kyc']?.value).toBe(false);
    expect(run([['staff', '您好'], ['customer', '我只要保本的']]).keyPoints['kyc']?.value).toBe(false);
    // a negated mention was already judged by the profile rule: no finding, no hit
    expect(run([['staff', '您能接受亏损吗？'], ['customer', '我不要保本的']]).keyPoints['kyc']?.value).toBe(false);
  });

  it('a value reference matches only that value; a single-valued tag counts with the value the merge keeps', () => {
    expect(run([['customer', '我要保本'], ['staff', '那就买股票型']]).compliance.map((c) => c.rule)).toEqual(['suitability_mismatch']);
    // the customer's later word (稳健) wins for the single-valued risk tag: no longer capital preserving
    expect(run([['customer', '我要保本'], ['customer', '稳健的也行'], ['staff', '那就买股票型']]).compliance).toHaveLength(0);
    expect(run([['customer', '我没空'], ['staff', '那就买股票型']]).compliance).toHaveLength(0);
  });

  it('validation: references are checked against the taxonomy, and profile rules cannot use the matcher', () => {
    const problems = (raw: unknown): string[] => {
      try {
        validateRuleSet(raw, taxonomy);
        return [];
      } catch (err) {
        if (isAnalysisError(err, 'RULES_INVALID')) return err.issues.map((i) => `${i.path}: ${i.message}`);
        throw err;
      }
    };
    const kp = (profile: unknown): unknown => ({ version: 't', rules: [{ id: 'k', kind: 'keyPoint', point: 'kyc', conditions: { a: { match: { profile } } }, when: 'a' }] });
    expect(problems(kp(['preference.risk', 'preference.risk=stable']))).toEqual([]);
    expect(problems(kp(['preference.nope']))).toEqual(['rules[0](k).conditions.a.match.profile[0]: preference.nope is not in the taxonomy']);
    expect(problems(kp('preference.risk=wild'))).toEqual(['rules[0](k).conditions.a.match.profile: "wild" is not a value of preference.risk']);
    expect(problems(kp(['risk']))).toEqual(['rules[0](k).conditions.a.match.profile[0]: must be "family.tag" or "family.tag=value"']);
    expect(problems(kp([]))).toEqual(['rules[0](k).conditions.a.match.profile: must name at least one profile tag']);
    expect(problems({
      version: 't',
      rules: [{ id: 'p', kind: 'profile', family: 'preference', tag: 'risk', value: 'stable', conditions: { a: { match: { profile: 'preference.risk' } } }, when: 'a' }],
    })).toEqual(['rules[0](p).conditions.a.match: a profile rule cannot use the profile matcher']);
  });
});
