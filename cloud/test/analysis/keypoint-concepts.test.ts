// Key-point applicability and compliance scope by concept, on dialogues written for these tests
// (none of them is in the corpus or a held-out set): each case says what the concept is, so a rule
// change that keys it to one dialogue's wording again fails here.
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
type Turns = Parameters<typeof convo>[0];
const run = (turns: Turns, channel: 'phone' | 'badge' = 'badge'): ReturnType<typeof analyze> => analyze(convo(turns, channel), rules, taxonomy);
const kp = (turns: Turns, point: string, channel: 'phone' | 'badge' = 'badge'): boolean | null | undefined => run(turns, channel).keyPoints[point]?.value;
const rulesOf = (turns: Turns, channel: 'phone' | 'badge' = 'badge'): string[] => run(turns, channel).compliance.map((c) => c.rule);

describe('objection handling', () => {
  it('a worry that answers a staff question is a stated preference: nothing to handle', () => {
    expect(kp([
      ['staff', '您好，我是理财经理小石，今天想看点什么？'],
      ['customer', '有十万块想放一放。'],
      ['staff', '您对风险怎么看？能接受本金波动吗？'],
      ['customer', '我可不想亏，胆子小。'],
      ['staff', '那给您看看一年期定期，利率一点五。'],
    ], 'objection_handling')).toBeNull();
  });

  it('the same worry raised about a product staff offered applies, and a reply that explains handles it', () => {
    expect(kp([
      ['staff', '您好，我是理财经理小石，给您推荐一只偏债基金，近一年收益三点一。'],
      ['customer', '基金啊，我怕亏，会不会跌？'],
      ['staff', '这只主要投债券，波动比股票小很多，但确实不保本，可以先少放一点。'],
      ['customer', '那我看看。'],
    ], 'objection_handling')).toBe(true);
  });

  it('accepting a put-off with only a call-back is not handling it', () => {
    expect(kp([
      ['staff', '喂，您好，我是锦程银行的客户经理小石，给您推荐一款理财，年化二点八。'],
      ['customer', '我现在在开会，你回头再打吧。'],
      ['staff', '好的好的，那我明天上午再给您打，不打扰您了。'],
    ], 'objection_handling', 'phone')).toBe(false);
  });

  it('a put-off answered with a reason to keep talking is handled', () => {
    expect(kp([
      ['staff', '您好，我是理财经理小石，给您介绍一款定期，三年期二点一。'],
      ['customer', '我再考虑考虑吧。'],
      ['staff', '理解，这期额度是按到账顺序分的，您要是这周定，我先帮您看看还剩多少。'],
    ], 'objection_handling')).toBe(true);
  });

  it('a service complaint needs an apology or an explanation, not just the job done', () => {
    const complaint: Turns = [
      ['staff', '您好，请问办什么业务？'],
      ['customer', '补个卡。你们这排队排了一个多小时，太差了。'],
    ];
    expect(kp([...complaint, ['staff', '身份证给我，填一下这张表。']], 'objection_handling')).toBe(false);
    expect(kp([...complaint, ['staff', '实在抱歉让您久等了，今天窗口少，我马上帮您办。']], 'objection_handling')).toBe(true);
  });

  it('thanks (那麻烦你了) and a question about an activity (是怎么回事) are no objection', () => {
    expect(kp([
      ['customer', '门口那个抽奖是怎么回事？'],
      ['staff', '手机银行消费满五十就能抽一次。'],
      ['customer', '那麻烦你了，我去试试。'],
    ], 'objection_handling')).toBeNull();
  });
});

describe('when the marketing points apply', () => {
  it('an activity that opens a call makes it a marketing call: KYC, outside funds and closing apply', () => {
    const r = run([
      ['staff', '您好，我是锦程银行的客户经理小石，我们这个月新资金五万以上送一箱牛奶，想邀请您参加。'],
      ['customer', '送牛奶啊？什么牌子的？'],
      ['staff', '是本地牧场的鲜奶，一箱十二盒。'],
      ['customer', '挺好，不过我最近手上没什么钱。'],
      ['staff', '理解，活动到月底，有需要您再联系我。'],
    ], 'phone');
    expect(r.keyPoints['kyc']?.value).toBe(false);
    expect(r.keyPoints['closing_attempt']?.value).toBe(false);
  });

  it('a pitch cut off in its first sentence by a customer who doubts the caller leaves them N/A', () => {
    const turns: Turns = [
      ['staff', '喂，您好，我们有款理财——'],
      ['customer', '你们怎么又打来了？我的号码谁给你们的？'],
      ['staff', '您是我们的客户。'],
      ['customer', '不需要，别打了。'],
    ];
    const r = run(turns, 'phone');
    for (const p of ['kyc', 'product_fab', 'risk_disclosure', 'closing_attempt', 'add_wecom']) expect(r.keyPoints[p]?.value).toBeNull();
    expect(rulesOf(turns, 'phone')).not.toContain('missing_risk_disclosure');
  });

  it('but staff who keep selling after the doubt made it a sales talk: the points apply', () => {
    const r = run([
      ['staff', '喂，王先生吗？我们这个月大额存单额度最后一天了。'],
      ['customer', '你谁啊？我怎么知道你是不是骗子？'],
      ['staff', '锦程银行的，您有钱的话赶紧存，利率下个月就要降了。'],
      ['customer', '我没钱，房贷都紧巴巴的。'],
      ['staff', '那您公积金里的钱也能取出来存上，放着也是放着。'],
      ['customer', '烦不烦啊，挂了。'],
    ], 'phone');
    expect(r.keyPoints['kyc']?.value).toBe(false);
    expect(r.keyPoints['add_wecom']?.value).toBe(false);
  });

  it('a customer who cuts the call short before any product is described leaves FAB and closing N/A', () => {
    const r = run([
      ['staff', '喂，您好，我是锦程银行的理财经理，想问问您在别的银行有没有理财？'],
      ['customer', '有一笔，下个月到期。'],
      ['staff', '那正好，到期可以转过来看看我们的产品。'],
      ['customer', '我现在在上班，没空，你晚上再打吧。'],
      ['staff', '好的，晚上联系您。'],
    ], 'phone');
    expect(r.keyPoints['outside_funds']?.value).toBe(true);
    expect(r.keyPoints['product_fab']?.value).toBeNull();
    expect(r.keyPoints['closing_attempt']?.value).toBeNull();
  });

  it('an inbound one-off question answered on the service line is no sales call', () => {
    const r = run([
      ['staff', '您好，锦程银行客服，请问有什么可以帮您？'],
      ['customer', '你们那个存款送礼品的活动到哪天截止？'],
      ['staff', '活动到月底，礼品在开户网点领取。'],
      ['customer', '好的，谢谢。'],
    ], 'phone');
    for (const p of ['kyc', 'activity_intro', 'closing_attempt', 'add_wecom']) expect(r.keyPoints[p]?.value).toBeNull();
  });

  it('a lending offer alone (credit-card instalments) is not wealth marketing: KYC and outside funds N/A', () => {
    const r = run([
      ['staff', '您好，我是锦程银行信用卡中心的，您的信用卡可以办账单分期，手续费打八折。'],
      ['customer', '我都是全额还款的，不需要。'],
      ['staff', '明白，分期也可以应急用，您以后有大额消费可以考虑。'],
      ['customer', '好的，再说吧。'],
    ], 'phone');
    expect(r.keyPoints['kyc']?.value).toBeNull();
    expect(r.keyPoints['outside_funds']?.value).toBeNull();
  });

  it('a KYC question in a holding review counts as KYC', () => {
    expect(kp([
      ['customer', '我那只基金跌了不少，要不要卖啊？'],
      ['staff', '我帮您看一下，现在亏了百分之六。您这笔钱什么时候要用？'],
      ['customer', '三年内都不用。'],
      ['staff', '那可以先拿着，基金有波动，不保证收益。'],
    ], 'kyc')).toBe(true);
  });
});

describe('speech acts', () => {
  it('opening: naming the bank (我锦程银行的) or oneself (我是客服专员小方) introduces the caller', () => {
    expect(kp([
      ['staff', '喂，李先生吗？我锦程银行的，跟您说下这期存单的事。'],
      ['customer', '你说。'],
    ], 'opening_intro', 'phone')).toBe(true);
    expect(kp([
      ['customer', '我要投诉，你们天天给我打电话。'],
      ['staff', '非常抱歉打扰您，我是客服专员小方，马上帮您登记不再外呼。'],
      ['customer', '你们哪来的我的号码？'],
      ['staff', '是您开户时预留的，我们不会给第三方。'],
      ['customer', '好吧。'],
    ], 'opening_intro', 'phone')).toBe(true);
  });

  it('closing: an offer to transact for the customer or a push to do it now', () => {
    const pitch: Turns = [
      ['staff', '您好，我是理财经理小石，这款一年期理财业绩比较基准二点九，R2，不保本。'],
      ['customer', '听着还行。'],
    ];
    expect(kp([...pitch, ['staff', '那我帮你在手机上操作一下吧。']], 'closing_attempt')).toBe(true);
    expect(kp([...pitch, ['staff', '您这两天转过来，我给您预约上额度。']], 'closing_attempt')).toBe(true);
    expect(kp([...pitch, ['staff', '好的，资料您拿回去看看。']], 'closing_attempt')).toBe(false);
  });

  it('the opening question is neither a closing nor an invitation', () => {
    const r = run([
      ['staff', '阿姨好，今天过来办啥业务？'],
      ['customer', '存点钱，三年定期利息多少？'],
      ['staff', '三年定期一点九，我们还有一款理财年化二点八，不保本。'],
      ['customer', '我就存定期吧。'],
      ['staff', '好的。'],
    ]);
    expect(r.keyPoints['closing_attempt']?.value).toBe(false);
    expect(r.keyPoints['invite_visit']?.value).toBeNull();
  });

  it('a discount that is a product term is no activity; a gift to collect is', () => {
    const card: Turns = [
      ['staff', '您好，我是锦程银行的客户经理，购汇手续费在手机银行上有优惠。'],
      ['customer', '好的，那我存款的话有什么吗？'],
      ['staff', '一年期定期一点五。'],
      ['customer', '知道了。'],
    ];
    expect(kp(card, 'activity_intro')).toBe(false);
    expect(kp([...card.slice(0, 3), ['staff', '存满三万还可以领一袋大米。']], 'activity_intro')).toBe(true);
  });
});

describe('compliance scope', () => {
  it('a deposit really is guaranteed: 保本保息 said of a time deposit is no promise', () => {
    expect(rulesOf([
      ['staff', '这款理财不保本，净值会波动。或者您存一年定期一点五，保本保息。'],
      ['customer', '那我存定期。'],
    ])).not.toContain('promise_guarantee');
  });

  it('the same words said of a wealth product are', () => {
    expect(rulesOf([
      ['staff', '这款理财跟别的不一样，保本保息，您放心。'],
      ['customer', '真的？'],
    ])).toContain('promise_guarantee');
  });

  it('calling a structured deposit a deposit is true; calling insurance a deposit is not', () => {
    expect(rulesOf([
      ['staff', '我们这款结构性存款三个月，保底一点二，最高二点八。'],
      ['customer', '这个也是存款吗？'],
      ['staff', '对，它就是存款，有存款保险保障。'],
    ])).toEqual([]);
    expect(rulesOf([
      ['staff', '这款增额终身寿，交五年，它就是存款，比定期利息高。'],
      ['customer', '哦。'],
    ])).toContain('deposit_as_wealth');
  });

  it('won’t lose much, and a return weighed against a drawback, are descriptions, not promises', () => {
    expect(rulesOf([
      ['staff', '这只债基有风险，不保本，不过波动小，一般亏不了多少。年金保险收益确定但流动性差。'],
      ['customer', '我想想。'],
    ])).not.toContain('promise_guarantee');
  });
});
