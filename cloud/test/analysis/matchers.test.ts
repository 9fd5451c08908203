import { describe, expect, it } from 'vitest';
import { validateRuleSet } from '../../src/analysis/index.js';
import { findWord } from '../../src/analysis/matchers.js';
import { prepare } from '../../src/analysis/prepared.js';
import { compileWord } from '../../src/rules/schema.js';
import { fires, profileRule } from './helpers.js';

describe('keyword matchers', () => {
  it('any: one of the words', () => {
    expect(fires({ match: { any: ['基金', '理财'] } }, [['customer', '我想买理财']])).toHaveLength(1);
    expect(fires({ match: { any: ['基金', '理财'] } }, [['customer', '我想存定期']])).toHaveLength(0);
  });

  it('all: every word in the same turn, within a window if given', () => {
    const c = { match: { all: ['手续费', '多少'] } };
    expect(fires(c, [['customer', '手续费是多少']])).toHaveLength(1);
    expect(fires(c, [['customer', '手续费'], ['customer', '多少']])).toHaveLength(0);
    const w = { match: { all: ['手续费', '多少'], window: 4 } };
    expect(fires(w, [['customer', '手续费，我想问问你们那个到底是多少']])).toHaveLength(0);
  });

  it('atLeast: N of the words', () => {
    const c = { match: { atLeast: 2, of: ['收益', '风险', '期限'] } };
    expect(fires(c, [['customer', '收益和风险怎么样']])).toHaveLength(1);
    expect(fires(c, [['customer', '收益怎么样']])).toHaveLength(0);
  });

  it('none: vetoes a turn that contains any of the words', () => {
    const c = { match: [{ any: ['保本'] }, { none: ['吗'] }] };
    expect(fires(c, [['customer', '我要保本的']])).toHaveLength(1);
    expect(fires(c, [['customer', '这个保本吗']])).toHaveLength(0);
  });

  it('except: an occurrence inside a longer excepted word does not count', () => {
    const c = { match: { any: ['理财'], except: ['理财经理'] } };
    expect(fires(c, [['staff', '我是理财经理小王']])).toHaveLength(0);
    expect(fires(c, [['staff', '我是理财经理小王，给您推荐一款理财']])).toHaveLength(1);
  });

  it('pinyin: ASR homophones match the intended word', () => {
    const c = { match: { any: ['保本', '理财', '基金'] } };
    expect(fires(c, [['customer', '一定要宝本的']])).toHaveLength(1);
    expect(fires(c, [['customer', '我是理才经理']])).toHaveLength(1);
    expect(fires(c, [['customer', '混合鸡金']])).toHaveLength(1);
    expect(fires({ match: { any: ['保本'], pinyin: false } }, [['customer', '一定要宝本的']])).toHaveLength(0);
  });

  it('lists every occurrence once, in text order, whether found as written or by sound', () => {
    const turn = (text: string) => prepare({ conversationId: 'c', channel: 'badge', turns: [{ index: 0, role: 'customer', text }] }).turns[0]!;
    const w = compileWord('保本', true);
    const pt = turn('宝本的好，保本的也行，要保本');
    expect(findWord(pt, w).map((sp) => [sp.s, sp.e])).toEqual([[0, 2], [5, 7], [12, 14]]);
    // the first syllable at the very end of the turn is no match, and a turn without it finds nothing
    expect(findWord(turn('我要保'), w)).toEqual([]);
    expect(findWord(turn('存定期'), w)).toEqual([]);
    // a numeral is never a homophone (十 shi is no 事)
    expect(findWord(turn('还有十七八年'), compileWord('有事', true))).toEqual([]);
  });

  it('keywords are normalised like the text (written numerals match digits)', () => {
    const c = { match: { any: ['三个月'] } };
    expect(fires(c, [['customer', '放3个月']])).toHaveLength(1);
    expect(fires(c, [['customer', '放三个月']])).toHaveLength(1);
  });
});

describe('regex matcher', () => {
  it('matches normalised text and honours the exclusion pattern on the clause', () => {
    const c = { match: { regex: '(验证码|密码).{0,6}(报|告诉)', exclude: '不要|任何人' } };
    expect(fires(c, [['staff', '您把验证码报给我']])).toHaveLength(1);
    expect(fires(c, [['staff', '验证码不要告诉任何人']])).toHaveLength(0);
    expect(fires(c, [['staff', '验证码不要告诉任何人，您把密码报给我']])).toHaveLength(1);
  });
});

describe('quantity matchers', () => {
  it('amount in yuan from written numerals', () => {
    const c = { match: { amount: { min: 100000 } } };
    expect(fires(c, [['customer', '我有五十万']])).toHaveLength(1);
    expect(fires(c, [['customer', '我有五万']])).toHaveLength(0);
  });

  it('duration in days; a range is classified by its upper end', () => {
    const m6to12 = { match: { duration: { minDays: 181, maxDays: 365 } } };
    expect(fires(m6to12, [['customer', '放半年到一年都行']])).toHaveLength(1);
    expect(fires(m6to12, [['customer', '放三个月']])).toHaveLength(0);
  });

  it('percent', () => {
    const c = { match: { percent: { min: 3, max: 5 } } };
    expect(fires(c, [['customer', '年化百分之三点五就行']])).toHaveLength(1);
    expect(fires(c, [['customer', '年化两个点']])).toHaveLength(0);
  });
});

describe('conditions', () => {
  it('role: only turns of that role', () => {
    expect(fires({ role: 'customer', match: { any: ['稳赚'] } }, [['staff', '稳赚的']])).toHaveLength(0);
    expect(fires({ role: 'staff', match: { any: ['稳赚'] } }, [['staff', '稳赚的']])).toHaveLength(1);
  });

  it('scope: first/last N turns and first/last N seconds', () => {
    const turns: [('staff' | 'customer'), string][] = [['staff', '您好'], ['customer', '嗯'], ['staff', '再见您好']];
    expect(fires({ scope: { firstTurns: 1 }, match: { any: ['您好'] } }, turns)[0]?.evidence.turn).toBe(0);
    expect(fires({ scope: { lastTurns: 1 }, match: { any: ['您好'] } }, turns)[0]?.evidence.turn).toBe(2);
    expect(fires({ scope: { fromTurn: 1, toTurn: 1 }, match: { any: ['您好'] } }, turns)).toHaveLength(0);
  });

  it('time scopes use turn times when present', async () => {
    const { analyze } = await import('../../src/analysis/index.js');
    const { profileRule } = await import('./helpers.js');
    const input = {
      conversationId: 't', channel: 'phone' as const,
      turns: [
        { index: 0, role: 'staff' as const, text: '您好', startMs: 0, endMs: 1000 },
        { index: 1, role: 'staff' as const, text: '您好', startMs: 60_000, endMs: 61_000 },
      ],
    };
    const first = analyze(input, profileRule({ scope: { firstSeconds: 30 }, match: { any: ['您好'] } })).profile;
    expect(first.map((p) => p.evidence.turn)).toEqual([0]);
    expect(first[0]?.evidence.startMs).toBe(0);
    const last = analyze(input, profileRule({ scope: { lastSeconds: 30 }, match: { any: ['您好'] } })).profile;
    expect(last.map((p) => p.evidence.turn)).toEqual([1]);
  });
});

describe('homophone correction', () => {
  it('rewrites ASR homophones of domain terms so regexes see them, and protects kept words', async () => {
    const { analyze, validateRuleSet } = await import('../../src/analysis/index.js');
    const { convo } = await import('./helpers.js');
    const rules = validateRuleSet({
      version: 't',
      homophones: { terms: ['基金', '定投'], keep: ['公积金'] },
      rules: [{ id: 'r', kind: 'profile', family: 'f', tag: 't', value: 'v', conditions: { c: { match: { regex: '想(弄|买)个基金定投' } } }, when: 'c' }],
    });
    const hit = analyze(convo([['customer', '我想弄个鸡金定头']]), rules).profile[0];
    expect(hit?.evidence.quote).toBe('我想弄个鸡金定头'); // evidence keeps the original wording
    const kept = validateRuleSet({
      version: 't',
      homophones: { terms: ['基金'], keep: ['公积金'] },
      rules: [{ id: 'r', kind: 'profile', family: 'f', tag: 't', value: 'v', conditions: { c: { match: { regex: '基金' } } }, when: 'c' }],
    });
    expect(analyze(convo([['customer', '公积金取出来']]), kept).profile).toHaveLength(0);
  });

  it('rejects a homophone term that is not Chinese', () => {
    expect(() => validateRuleSet({ version: 't', homophones: { terms: ['ab'] }, rules: [] })).toThrow(/needs at least two Chinese characters/);
  });
});

describe('homophone correction limits', () => {
  it('does not rewrite a same-sound stretch that shares no character with the term', async () => {
    const { analyze } = await import('../../src/analysis/index.js');
    const { convo } = await import('./helpers.js');
    const rules = validateRuleSet({
      version: 't',
      homophones: { terms: ['投资'] },
      rules: [{ id: 'r', kind: 'profile', family: 'f', tag: 't', value: 'v', conditions: { c: { match: { regex: '自己比' } } }, when: 'c' }],
    });
    expect(analyze(convo([['customer', '我回头自己比一比']]), rules).profile).toHaveLength(1);
  });
});

describe('one clause (sameClause)', () => {
  const c = { sameClause: true, negation: 'ignore', match: [{ any: ['手续费', '费率'] }, { regex: '多少|吗|[?？]' }] };

  it('needs the positive matchers to hit in the same clause', () => {
    expect(fires(c, [['customer', '那这个手续费一般收多少']])).toHaveLength(1);
    expect(fires(c, [['customer', '费率高不高啊？']])).toHaveLength(1);
    expect(fires(c, [['customer', '手续费我知道，你们开门到几点？']])).toHaveLength(0);
    expect(fires(c, [['customer', '手续费也就那样 多少都行']])).toHaveLength(0);
  });

  it('a question mark belongs to the clause it closes', () => {
    const hit = fires(c, [['customer', '我存过定期。手续费高吗？好的']])[0];
    expect(hit?.evidence.quote).toBe('手续费高吗');
  });

  it('rejects a non-boolean value', () => {
    expect(() => profileRule({ sameClause: 'yes', match: { any: ['x'] } })).toThrow(/sameClause/);
  });
});

describe('proximity (within)', () => {
  it('needs the positive matchers to hit close together', () => {
    const c = { within: 6, match: [{ regex: '肯定|保证' }, { regex: '赚|收益' }] };
    expect(fires(c, [['staff', '这个肯定赚']])).toHaveLength(1);
    expect(fires(c, [['staff', '我保证今天给您把资料都准备好，收益的事以后再说']])).toHaveLength(0);
  });

  it('cites the tightest pair', () => {
    const hit = fires({ within: 4, match: [{ any: ['肯定'] }, { any: ['赚'] }] }, [['staff', '肯定有风险。这个肯定赚']])[0];
    expect(hit?.evidence.quote).toBe('这个肯定赚');
  });
});

describe('pinyin matching never takes a numeral for a word (session 7)', () => {
  it('还有十 is not 还有事, while a real homophone still matches', () => {
    expect(fires({ match: { any: ['还有事'] } }, [['customer', '我还有十几年才退休']])).toHaveLength(0);
    expect(fires({ match: { any: ['还有事'] } }, [['customer', '我还有是要忙']])).toHaveLength(1);
  });
});
