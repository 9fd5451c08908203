import { describe, expect, it } from 'vitest';
import { analyze, validateRuleSet } from '../../src/analysis/index.js';
import { convo, fires } from './helpers.js';

describe('negation', () => {
  const promise = { role: 'staff', match: { any: ['保本', '稳赚', '承诺收益'] } };
  it.each([
    ['这个不保本'],
    ['我们不能承诺保本'],
    ['至于保不保本，我跟您说清楚'],
    ['绝对不会跟您说稳赚'],
  ])('a negated claim does not count: %s', (text) => {
    expect(fires(promise, [['staff', text]])).toHaveLength(0);
  });

  it('an affirmed claim counts, and a negator in another clause does not cancel it', () => {
    expect(fires(promise, [['staff', '这个保本的']])).toHaveLength(1);
    expect(fires(promise, [['staff', '您不用担心，稳赚']])).toHaveLength(1);
    expect(fires(promise, [['staff', '不过现在稳赚的产品不多']])).toHaveLength(1); // 不过 is not a negation
  });

  it('我不是小白 is not a novice; 没亏 is not a loss', () => {
    expect(fires({ role: 'customer', match: { any: ['小白'] } }, [['customer', '我不是小白']])).toHaveLength(0);
    expect(fires({ role: 'customer', match: { any: ['亏'] } }, [['customer', '在他行买过但没亏']])).toHaveLength(0);
  });

  it('negation: require keeps only negated mentions; ignore keeps all', () => {
    expect(fires({ match: { any: ['保本'] }, negation: 'require' }, [['staff', '这个保本']])).toHaveLength(0);
    expect(fires({ match: { any: ['保本'] }, negation: 'require' }, [['staff', '这个不保本']])).toHaveLength(1);
    expect(fires({ match: { any: ['保本'] }, negation: 'ignore' }, [['staff', '这个不保本']])).toHaveLength(1);
  });
});

describe('expressions and anchors', () => {
  const rules = validateRuleSet({
    version: 't',
    rules: [{
      id: 'mismatch', kind: 'compliance', rule: 'suitability_mismatch',
      conditions: {
        conservative: { role: 'customer', match: { any: ['保本的'] } },
        risky: { role: 'staff', after: { condition: 'conservative', withinTurns: 2 }, match: { any: ['股票型'] } },
        disclaimer: { role: 'staff', match: { any: ['风险较高'] } },
      },
      when: 'risky and not disclaimer',
    }],
  });

  it('fires when the anchored condition follows the anchor within N turns', () => {
    const r = analyze(convo([['customer', '我只要保本的'], ['staff', '推荐股票型基金']]), rules);
    expect(r.compliance.map((c) => c.rule)).toEqual(['suitability_mismatch']);
    expect(r.compliance[0]?.evidence.quote).toContain('股票型');
  });

  it('does not fire before the anchor or too long after it', () => {
    expect(analyze(convo([['staff', '推荐股票型基金'], ['customer', '我只要保本的']]), rules).compliance).toHaveLength(0);
    const late = convo([['customer', '我只要保本的'], ['staff', '好'], ['customer', '嗯'], ['staff', '推荐股票型基金']]);
    expect(analyze(late, rules).compliance).toHaveLength(0);
  });

  it('"not" in the expression suppresses the rule', () => {
    const r = analyze(convo([['customer', '我只要保本的'], ['staff', '推荐股票型基金，风险较高']]), rules);
    expect(r.compliance).toHaveLength(0);
  });

  it('reports one finding per violating utterance', () => {
    const r = analyze(convo([['customer', '我只要保本的'], ['staff', '股票型的好'], ['staff', '还是股票型']]), rules);
    expect(r.compliance.map((c) => c.evidence.turn)).toEqual([1, 2]);
  });
});

describe('notAfter anchors', () => {
  // a worry that answers a staff question is a stated preference; one raised unprompted is an objection
  const rules = validateRuleSet({
    version: 't',
    rules: [{
      id: 'worry', kind: 'compliance', rule: 'suitability_mismatch',
      conditions: {
        asked: { role: 'staff', match: { regex: '吗|？' } },
        worry: { role: 'customer', notAfter: { condition: 'asked', withinTurns: 1 }, match: { any: ['怕亏'] } },
      },
      when: 'worry',
    }],
  });

  it('drops a hit that comes within N turns after the vetoing condition', () => {
    expect(analyze(convo([['staff', '您能接受波动吗？'], ['customer', '我怕亏']]), rules).compliance).toHaveLength(0);
  });

  it('keeps a hit with no vetoing condition before it, or one further back', () => {
    expect(analyze(convo([['staff', '这款收益不错'], ['customer', '我怕亏']]), rules).compliance).toHaveLength(1);
    const later = convo([['staff', '您能接受波动吗？'], ['customer', '可以'], ['staff', '那看这款'], ['customer', '我怕亏']]);
    expect(analyze(later, rules).compliance.map((c) => c.evidence.turn)).toEqual([3]);
  });
});

describe('triggered rules', () => {
  const rules = validateRuleSet({
    version: 't',
    rules: [
      {
        id: 'missing', kind: 'compliance', rule: 'missing_risk_disclosure', severity: 'high',
        conditions: {
          pitch: { role: 'staff', match: { any: ['基金'] } },
          disclosure: { role: 'staff', negation: 'ignore', match: { any: ['有风险', '不保本'] } },
        },
        when: 'pitch and not disclosure',
        evidence: 'pitch',
      },
      {
        id: 'kp', kind: 'keyPoint', point: 'risk_disclosure', violations: ['promise_guarantee'],
        conditions: {
          pitch: { role: 'staff', match: { any: ['基金'] } },
          disclosure: { role: 'staff', negation: 'ignore', match: { any: ['有风险', '不保本'] } },
        },
        trigger: 'pitch',
        when: 'disclosure',
      },
      {
        id: 'promise', kind: 'compliance', rule: 'promise_guarantee',
        conditions: { p: { role: 'staff', match: { any: ['稳赚'] } } },
        when: 'p',
      },
    ],
  });

  it('a pitch without disclosure is a violation and the key point is false', () => {
    const r = analyze(convo([['staff', '给您推荐一只基金']]), rules);
    expect(r.compliance.map((c) => [c.rule, c.severity])).toEqual([['missing_risk_disclosure', 'high']]);
    expect(r.keyPoints['risk_disclosure']).toMatchObject({ applicable: true, raised: false, value: false });
  });

  it('with a disclosure the point is raised and done to standard', () => {
    const r = analyze(convo([['staff', '给您推荐一只基金'], ['staff', '基金有风险，不保本']]), rules);
    expect(r.compliance).toHaveLength(0);
    expect(r.keyPoints['risk_disclosure']).toMatchObject({ applicable: true, raised: true, toStandard: true, value: true });
  });

  it('raised but with a tied violation is not done to standard', () => {
    const r = analyze(convo([['staff', '给您推荐一只基金，稳赚'], ['staff', '当然有风险']]), rules);
    expect(r.keyPoints['risk_disclosure']).toMatchObject({ raised: true, toStandard: false, value: true });
  });

  it('without the trigger the rule does not apply and the point is N/A', () => {
    const r = analyze(convo([['staff', '给您办张存单'], ['staff', '存款有风险吗？没有']]), rules);
    expect(r.compliance).toHaveLength(0);
    expect(r.keyPoints['risk_disclosure']).toMatchObject({ applicable: false, value: null });
  });
});

describe('named patterns', () => {
  it('one fragment serves several rules', () => {
    const set = validateRuleSet({
      version: 'test',
      patterns: { pitch: '推荐|这款|我行' },
      rules: [
        { id: 'a', kind: 'profile', family: 'f', tag: 't', value: 'a', conditions: { c: { role: 'staff', match: { regex: '(@{pitch}).{0,6}基金' } } }, when: 'c' },
        { id: 'b', kind: 'profile', family: 'f', tag: 't', value: 'b', conditions: { c: { role: 'staff', match: { regex: '(@{pitch}).{0,6}理财' } } }, when: 'c' },
      ],
    });
    const values = (text: string): string[] => analyze(convo([['staff', text]]), set).profile.map((p) => p.value).sort();
    expect(values('我行新发一只基金，还有这款理财')).toEqual(['a', 'b']);
    expect(values('您的基金赎回已到账')).toEqual([]);
  });
});
