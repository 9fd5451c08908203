import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// objection.refusal as families of refusal bound to what staff offered, and objection.risk
// dislikes_calls as not wanting to answer. Sentences written for this test, not taken from a
// scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const offer: ['staff', string] = ['staff', '我们新出了一款半年期理财，年化二点八，给您推荐一下？'];
const objections = (turns: Parameters<typeof convo>[0]): string[] =>
  analyze(convo(turns, 'phone'), rules, taxonomy).profile
    .filter((p) => p.family === 'objection')
    .map((p) => `${p.tag}=${p.value}`);

describe('refusal families', () => {
  it('the offered kind, then the refusal of it', () => {
    expect(objections([offer, ['customer', '基金俺坚决不碰，你别说了。']])).toContain('refusal=not_needed');
    expect(objections([offer, ['customer', '保险我可不要，家里有的是。']])).toContain('refusal=not_needed');
  });
  it('a short refusal said twice', () => {
    expect(objections([offer, ['customer', '不要了不要了，谢谢啊。']])).toContain('refusal=not_needed');
  });
  it('money with a purpose soon, answering an offer', () => {
    expect(objections([offer, ['customer', '这钱年底闺女买房首付要用的。']])).toContain('refusal=funds_earmarked');
    expect(objections([['staff', '这笔钱您存活期还是定期？'], ['customer', '活期吧，过两个月装修得花。']])).toContain('refusal=funds_earmarked');
  });
  it('no money to spare, working it out oneself, no time in dialect', () => {
    expect(objections([offer, ['customer', '我这个月没有多余的钱了。']])).toContain('refusal=no_money_now');
    expect(objections([offer, ['customer', '你别急，我回去自己合计合计再说。']])).toContain('refusal=self_research');
    expect(objections([offer, ['customer', '我没得那么多时间听你讲。']])).toContain('refusal=no_time');
  });
  it('no spare money, said as a question back or of the money on hand (rules -52)', () => {
    expect(objections([offer, ['customer', '我一个月就那点工资，哪有钱买这些。']])).toContain('refusal=no_money_now');
    expect(objections([offer, ['customer', '卡里也没多少活钱了，下回吧。']])).toContain('refusal=no_money_now');
    expect(objections([offer, ['customer', '我不是没钱，就是不想买理财。']])).not.toContain('refusal=no_money_now');
  });
  it('someone else looking after the money (rules -52)', () => {
    expect(objections([offer, ['customer', '不用了，我在别的银行有专属顾问。']])).toContain('refusal=has_advisor');
    expect(objections([offer, ['customer', '我外甥在证券公司上班，这些都是他帮我弄。']])).toContain('refusal=has_advisor');
  });
  it('a good relationship with the manager elsewhere', () => {
    expect(objections([offer, ['customer', '算了，人家那边的客户经理跟我一直很熟。']])).toContain('refusal=has_advisor');
  });
  it('not answering calls', () => {
    expect(objections([offer, ['customer', '我平时不接推销电话的。']])).toContain('risk=dislikes_calls');
    expect(objections([offer, ['customer', '再这样我都不想接你们的电话了。']])).toContain('risk=dislikes_calls');
  });
});

describe('no refusal', () => {
  it('a walk in minutes, time lacked once, or no time so staff should choose, refuses no time (rules -51)', () => {
    expect(objections([offer, ['customer', '行啊，你们网点离我单位近，骑车也就五分钟。']])).not.toContain('refusal=no_time');
    expect(objections([offer, ['customer', '手上那点钱一直没顾上打理，你说说看。']])).not.toContain('refusal=no_time');
    expect(objections([offer, ['customer', '基金以前炒过，后来没时间看就停了。']])).not.toContain('refusal=no_time');
    expect(objections([offer, ['customer', '我哪懂这些，也没时间研究，你帮我挑一个稳的。']])).not.toContain('refusal=no_time');
    // still a refusal for want of time
    expect(objections([offer, ['customer', '我在开会，没时间，回头再说。']])).toContain('refusal=no_time');
  });
  it('busy at one time but offering another', () => {
    expect(objections([['staff', '您哪天能来签字？'], ['customer', '平时没空，礼拜天行不行？']])).not.toContain('refusal=no_time');
  });
  it('a purpose in a service request, not an answer to an offer', () => {
    expect(objections([['staff', '您好，请问办理什么业务？'], ['customer', '取三万，孩子上学交学费要用。']])).not.toContain('refusal=funds_earmarked');
  });
  it('not understanding a kind, or fearing a loss, is no refusal of it', () => {
    expect(objections([offer, ['customer', '基金我不懂，你讲讲？']])).not.toContain('refusal=not_needed');
    expect(objections([offer, ['customer', '我可不想再亏一回了。']])).not.toContain('refusal=not_needed');
  });
  it('a hypothetical purpose', () => {
    expect(objections([offer, ['customer', '要是以后孩子上学要用，能取出来吗？']])).not.toContain('refusal=funds_earmarked');
  });
});

// Session 7: a purpose counts as a refusal only next to the pushback and not when it bounds a term
// (sentences written for this test).
describe('funds_earmarked: a purpose beside a refusal, not a purpose in a service request or a term', () => {
  const earmarked = (turns: Parameters<typeof convo>[0]): boolean => objections(turns).includes('refusal=funds_earmarked');
  it('a purpose next to turning the offer down still refuses', () => {
    expect(earmarked([offer, ['customer', '不买了，这钱月底要交学费。']])).toBe(true);
    expect(earmarked([offer, ['customer', '先放活期吧，下个月要装修，得用。']])).toBe(true);
  });
  it('a fault with the card that pays wages, or a question whether to book, is no refusal', () => {
    expect(earmarked([['staff', '您好，办什么业务？'], ['customer', '我这张发工资的卡昨天突然取不了钱了。']])).toBe(false);
    expect(earmarked([['staff', '您好，办什么业务？'], ['customer', '车贷想提前结清，要不要先预约？']])).toBe(false);
  });
  it('a purpose far from a 不要 about something else is no refusal', () => {
    expect(earmarked([offer, ['customer', '那我不要股票那种，有没有稳一点的？反正孩子离上学还早着呢，放多久都行。']])).toBe(false);
  });
  it('a purpose that only bounds how long the money is placed is a term', () => {
    expect(earmarked([offer, ['customer', '我就想放两个月，过完年要用来买车。']])).toBe(false);
    expect(earmarked([offer, ['customer', '这笔最多放半年，明年开春装修要用。']])).toBe(false);
  });
});

describe('no_time: a budget of minutes or hurrying the caller, not a schedule (session 7)', () => {
  const noTime = (text: string): boolean => objections([offer, ['customer', text]]).includes('refusal=no_time');
  it('a budget or a hurry refuses the time', () => {
    expect(noTime('嗯，你讲吧，我只有5分钟。')).toBe(true);
    expect(noTime('我在炒菜呢，你说快点。')).toBe(true);
    expect(noTime('最近忙搬家，还没顾上想这个。')).toBe(true);
  });
  it('what the customer is doing alone, someone else\'s time, or years still to go are not', () => {
    expect(noTime('你说吧，我午休呢。')).toBe(false);
    expect(noTime('上午我在上课，下午打过来吧。')).toBe(false);
    expect(noTime('我女儿今天上班来不了，我先来问问。')).toBe(false);
    // 还有十七八年 sounds like 还有事 (shi) but a numeral is no homophone
    expect(noTime('退休啊，我还有十七八年呢，不着急。')).toBe(false);
  });
});

describe('money spoken for and time short', () => {
  it('what the money is for is earmarked', () => {
    expect(objections([offer, ['customer', '这钱是给我闺女出国读书准备的。']])).toContain('refusal=funds_earmarked');
    expect(objections([offer, ['customer', '那笔是要付货款的，动不了。']])).toContain('refusal=funds_earmarked');
  });
  it('money for the customer\'s own old age is not earmarked', () => {
    expect(objections([offer, ['customer', '这钱是给我自己养老的，放着就行。']])).not.toContain('refusal=funds_earmarked');
  });
  it('hurrying off is no time', () => {
    expect(objections([offer, ['customer', '我赶着去接孩子，哪有空听这个。']])).toContain('refusal=no_time');
    expect(objections([offer, ['customer', '待会儿我还要开会，改天吧。']])).toContain('refusal=no_time');
  });
  it('a friend who bought elsewhere is not the customer\'s adviser', () => {
    expect(objections([offer, ['customer', '我同事在别的银行买的，人家经理说年化四个点。']])).not.toContain('refusal=has_advisor');
  });
});

describe('not wanting calls, and not wanting them now', () => {
  it('annoyance at being called is disliking calls', () => {
    expect(objections([offer, ['customer', '你们这礼拜又打来了，烦得很。']])).toContain('risk=dislikes_calls');
    expect(objections([offer, ['customer', '不需要，别再打了。']])).toContain('risk=dislikes_calls');
  });
  it('calls refused for convenience or at some hours are a contact preference', () => {
    expect(objections([offer, ['customer', '别打电话，我上班接不了，发短信就行。']])).not.toContain('risk=dislikes_calls');
    expect(objections([offer, ['customer', '以后别上午打，上午我都在店里。']])).not.toContain('risk=dislikes_calls');
  });
});
