import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { isNegated } from '../../src/analysis/negation.js';
import { convo } from './helpers.js';

// Profile concepts the shipped rules recognise in any wording, each checked on
// sentences written for this test (not taken from a scored dialogue set).
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const tags = (turns: Parameters<typeof convo>[0], channel: 'phone' | 'badge' = 'badge'): string[] =>
  analyze(convo(turns, channel), rules, taxonomy).profile.map((p) => `${p.family}.${p.tag}=${p.value}`);

describe('single-valued tags', () => {
  it('keep the value stated last, also within one turn', () => {
    const t = tags([['staff', '这笔钱您打算放多久？'], ['customer', '两个月可以，不过这钱我能放五个月左右。']]);
    expect(t).toContain('preference.term=m3_to_m6');
    expect(t).not.toContain('preference.term=le_3m');
  });
});

describe('product preference', () => {
  it('reads intent before or after the product, and questions after a specific kind', () => {
    expect(tags([['customer', '积存金我倒是打算买一点。']])).toContain('preference.product=gold');
    expect(tags([['customer', '我比较想配点债基。']])).toContain('preference.product=fund_bond');
    expect(tags([['customer', '你们这里有没有跟踪纳斯达克的？']])).toContain('preference.product=fund_index');
    expect(tags([['customer', '我就想问问大额存单。']])).toContain('preference.product=deposit');
  });
  it('does not read a past purchase, a comparison or a question about what a product is as a preference', () => {
    expect(tags([['customer', '我以前想买过黄金，亏了。']])).not.toContain('preference.product=gold');
    expect(tags([['customer', '这个比存定期强多了。']])).not.toContain('preference.product=deposit');
    expect(tags([['customer', '我想问下什么是债基？']])).not.toContain('preference.product=fund_bond');
    expect(tags([['customer', '我想咨询下理财的事。']])).not.toContain('preference.product=wealth');
    expect(tags([['customer', '我想把这张大额存单提前取出来。']])).not.toContain('preference.product=deposit');
    expect(tags([['customer', '我想把那只指数基金赎回了。']])).not.toContain('preference.product=fund_index');
  });
  it('counts buying the pitched product when the customer names the kind or chooses it again, not a bare agreement', () => {
    const pitch: [ 'staff', string ] = ['staff', '我们这款一年期理财，业绩比较基准三点一，不保本。'];
    expect(tags([pitch, ['customer', '行，就买这个理财吧。']])).toContain('preference.product=wealth');
    expect(tags([pitch, ['customer', '到期了还接着买这个。']])).toContain('preference.product=wealth');
    expect(tags([pitch, ['customer', '那先买五万吧。']])).not.toContain('preference.product=wealth');
  });
});

describe('holding period (preference.term)', () => {
  const asked: ['staff', string] = ['staff', '这笔钱您大概能放多久？'];
  it('classifies spoken horizons by their upper end', () => {
    expect(tags([asked, ['customer', '个把月吧，月底要交房租。']])).toContain('preference.term=le_1m');
    expect(tags([asked, ['customer', '一年多没问题。']])).toContain('preference.term=gt_1y');
    expect(tags([asked, ['customer', '一年半载用不着。']])).toContain('preference.term=m6_to_m12');
  });
  it('judges the clause of the period, not the whole turn', () => {
    expect(tags([asked, ['customer', '我炒股炒了十几年了，这笔钱半年的就行。']])).toContain('preference.term=m3_to_m6');
    expect(tags([asked, ['customer', '我炒股炒了十几年了，这笔钱半年的就行。']])).not.toContain('preference.term=gt_1y');
  });
  it('does not read a rate period, a held product or staff term echoed back as the customer’s period', () => {
    expect(tags([['customer', '收益嘛，一年能有个三个点就行。']])).not.toContain('preference.term=m6_to_m12');
    expect(tags([['customer', '我那笔五年的国债年底就到了。']])).not.toContain('preference.term=gt_1y');
    expect(tags([['staff', '这款要锁定三年。'], ['customer', '要存三年啊？太久了吧。']])).not.toContain('preference.term=gt_1y');
  });
});

describe('expected return (preference.return)', () => {
  it('does not read a loss, a figure reported from before or staff’s promise echoed back as the expected return', () => {
    expect(tags([['customer', '别一个月就跌个百分之八就行。']])).not.toContain('preference.return=specific');
    expect(tags([['customer', '上次那个经理说能有五个点，结果才三个。']])).not.toContain('preference.return=specific');
    expect(tags([['staff', '这款保证四个点。'], ['customer', '保证四个点啊？']])).not.toContain('preference.return=specific');
    expect(tags([['customer', '能有个三点二我就满意了。']])).toContain('preference.return=specific');
  });
  it('does not read a wish for high returns that the customer negates', () => {
    expect(tags([['customer', '我不图高收益，安稳就行。']])).not.toContain('preference.return=high');
  });
});

describe('gifts and activities (preference.activity)', () => {
  const gift: ['staff', string] = ['staff', '另外这个月新资金满五万送一台电饭煲。'];
  it('binds a short reaction to the gift staff just mentioned', () => {
    expect(tags([gift, ['customer', '这个倒是有点意思。']])).toContain('preference.activity=yes');
    expect(tags([gift, ['customer', '家里都有，那个我不稀罕。']])).toContain('preference.activity=no');
  });
  it('does not bind a reaction that is about the product, or that comes without a gift mention', () => {
    expect(tags([gift, ['customer', '这个收益有点意思。']])).not.toContain('preference.activity=yes');
    expect(tags([['staff', '这款一年期的年化二点八。'], ['customer', '这个有点意思。']])).not.toContain('preference.activity=yes');
    expect(tags([['customer', '我想买点债券的也行。']])).not.toContain('preference.activity=yes');
  });
});

describe('channel', () => {
  it('reads where the customer will do the business', () => {
    expect(tags([['customer', '那我明天到你们营业厅办吧。']])).toContain('preference.channel=branch_counter');
    expect(tags([['customer', '我回去自己在app上买。']])).toContain('preference.channel=mobile_banking');
  });
  it('not where the customer cannot or did once elsewhere', () => {
    expect(tags([['customer', '手机上我弄不来。']])).not.toContain('preference.channel=mobile_banking');
    expect(tags([['customer', '我在别的银行手机上买过。']])).not.toContain('preference.channel=mobile_banking');
  });
});

describe('refusals (objection.refusal)', () => {
  it('reads doubled and for-now refusals', () => {
    expect(tags([['staff', '要不要看看这款基金？'], ['customer', '不用不用，我就取个钱。']])).toContain('objection.refusal=not_needed');
    expect(tags([['customer', '我手上的够多了，今年不买了。']])).toContain('objection.refusal=not_needed');
  });
  it('binds “no use for it” to the offer it answers, not to idle money', () => {
    expect(tags([['staff', '给您开通一个短信提醒吧？'], ['customer', '我天天看手机，用不上。']])).toContain('objection.refusal=not_needed');
    expect(tags([['staff', '这笔钱您需要随时取吗？'], ['customer', '这钱一年内用不上。']])).not.toContain('objection.refusal=not_needed');
  });
  it('reads “I will look first” at the end of a sentence, and a return floor is no refusal', () => {
    expect(tags([['customer', '好，基金我再看看。']])).toContain('objection.refusal=self_research');
    expect(tags([['customer', '两个点以下的就别说了。']])).not.toContain('objection.refusal=not_needed');
  });
  it('a short time budget is no time; scheduling other hours and putting a product off are not', () => {
    expect(tags([['customer', '我就半个小时，说快点。']])).toContain('objection.refusal=no_time');
    expect(tags([['customer', '晚上打吧，其他时间在开会。']])).not.toContain('objection.refusal=no_time');
    expect(tags([['customer', '先存定期，基金回头再说。']])).not.toContain('objection.refusal=no_time');
  });
  it('an adviser named by pronoun who works at a financial firm', () => {
    expect(tags([['customer', '我的钱都是我外甥管，他在证券公司上班。']])).toContain('objection.refusal=has_advisor');
  });
});

describe('dialect', () => {
  it('reads a Cantonese customer with the Mandarin rules', () => {
    const t = tags([['staff', '您平时有冇买过基金或者理财？'], ['customer', '冇啊，我唔想亏钱，保本就得。']]);
    expect(t).toContain('basic.investment_experience=novice');
    expect(t).toContain('preference.risk=capital_preserving');
  });
  it('reads a spouse named in dialect as the one who manages the money', () => {
    expect(tags([['customer', '家里的钱都是俺对象管着。']])).toContain('basic.fund_manager=other');
  });
});

describe('feedback', () => {
  it('reads fee questions about any product or service, not only after an investment pitch', () => {
    expect(tags([['customer', '这张卡的年费怎么算？']], 'phone')).toContain('feedback.question=fees');
  });
  it('reads evaluations with degree words in between', () => {
    expect(tags([['customer', '你们的服务好差，我要投诉。']])).toContain('feedback.negative=service_attitude_bad');
    expect(tags([['customer', '你们这边的产品还是有点少。']])).toContain('feedback.negative=product_limited');
    expect(tags([['customer', '你们态度倒是挺好。']])).toContain('feedback.positive=service_attitude_good');
    expect(tags([['customer', '这事处理得挺利索。']])).toContain('feedback.positive=service_professional');
    expect(tags([['customer', '入口藏得也太深了，找了半天。']])).toContain('feedback.negative=system_cumbersome');
  });
  it('few people in a branch or a question about where one is is not a complaint about few branches', () => {
    expect(tags([['customer', '你们这网点人少，不用排队。']])).not.toContain('feedback.negative=branch_few');
    expect(tags([['customer', '机场附近你们有没有网点？']])).not.toContain('feedback.negative=branch_few');
  });
});

describe('idle funds', () => {
  it('reads money not needed for a period, not an offer the customer has no use for', () => {
    expect(tags([['customer', '这笔钱两年内都用不上。']])).toContain('basic.funds_status=idle_funds');
    expect(tags([['staff', '给您办个分期吧？'], ['customer', '我都是全额还，用不上。']])).not.toContain('basic.funds_status=idle_funds');
  });
  it('not money saved for a purpose, held at another platform or told about the past', () => {
    expect(tags([['customer', '我们攒了点彩礼钱。']])).not.toContain('basic.funds_status=idle_funds');
    expect(tags([['customer', '我支付宝里有二十万。']])).not.toContain('basic.funds_status=idle_funds');
    expect(tags([['staff', '当时买了多少？'], ['customer', '五年前，十万。']])).not.toContain('basic.funds_status=idle_funds');
  });
});

describe('patterns written with numerals', () => {
  it('still match after normalisation turns 一 into 1 (一个比一个低)', () => {
    expect(tags([['customer', '你们的存款利息一个比一个低。']])).toContain('feedback.negative=product_low_return');
  });
});

describe('other wordings', () => {
  it('a loss still being carried at another bank', () => {
    expect(tags([['customer', '去年在招商银行买的基金现在还亏着呢。']])).toContain('basic.investment_status=loss_at_other_bank');
  });
  it('how others came to know about the customer, in either word order', () => {
    expect(tags([['customer', '怎么骗子都知道我在你们这开了户？']])).toContain('objection.risk=data_leak_concern');
  });
  it('asking how likely a loss is', () => {
    expect(tags([['staff', '这款理财主要投债券，业绩比较基准三点一。'], ['customer', '亏损的概率高不高？']])).toContain('feedback.question=risk');
  });
});

describe('more paraphrases of the same concepts', () => {
  it('a product the customer finds reassuring or is interested in, or asks to be given', () => {
    expect(tags([['customer', '我这人就图个安稳，存银行定期最踏实。']])).toContain('preference.product=deposit');
    expect(tags([['customer', '给我来点货币基金就行，随取随用。']])).toContain('preference.product=fund_money_market');
    expect(tags([['customer', '那种跟着指数走的我倒挺感兴趣。']])).toContain('preference.product=fund_index');
    expect(tags([['customer', '你们天天给我发短信推理财。']])).not.toContain('preference.product=wealth');
  });
  it('interest alone is about a gift only when a gift is mentioned', () => {
    expect(tags([['customer', '那种跟着指数走的我倒挺感兴趣。']])).not.toContain('preference.activity=yes');
    expect(tags([['staff', '新客户开户还有抽奖。'], ['customer', '这个我感兴趣。']])).toContain('preference.activity=yes');
    expect(tags([['staff', '另外存满五万还送一桶油。'], ['customer', '送油好啊，那我多存点。']])).toContain('preference.activity=yes');
  });
  it('contentment with a rate, a habit on the phone, money tight, a spouse who decides', () => {
    expect(tags([['customer', '收益嘛，年化四个点我就知足了。']])).toContain('preference.return=specific');
    expect(tags([['customer', '手机上点点就买了，不用跑。']])).toContain('preference.channel=mobile_banking');
    expect(tags([['customer', '手机上就能弄啊，那挺方便。']])).not.toContain('preference.channel=mobile_banking');
    expect(tags([['customer', '最近手头有点紧，等宽裕了再说。']])).toContain('objection.refusal=no_money_now');
    expect(tags([['customer', '家里的钱都是我老伴说了算。']])).toContain('basic.fund_manager=other');
  });
});

describe('a second probe of paraphrases', () => {
  it('acceptance after the product, past purchases of any kind', () => {
    expect(tags([['customer', '债券型的我能接受。']])).toContain('preference.product=fund_bond');
    expect(tags([['customer', '上回买的那个混合型亏惨了。']])).not.toContain('preference.product=fund_hybrid');
  });
  it('a period the customer does not mind locking', () => {
    expect(tags([['customer', '锁个三年五年的都无所谓。']])).toContain('preference.term=gt_1y');
    expect(tags([['customer', '三年年化九个点还可以。']])).not.toContain('preference.term=gt_1y');
  });
  it('reactions to a gift, whatever the gift is called', () => {
    expect(tags([['staff', '现在办卡送一个行李箱。'], ['customer', '行李箱我用得着，那办一张吧。']])).toContain('preference.activity=yes');
    expect(tags([['staff', '转入资金满十万送京东卡。'], ['customer', '京东卡无所谓，利息高才是真的。']])).toContain('preference.activity=no');
    expect(tags([['staff', '存满五万送一桶油。'], ['customer', '一年内应该用不上。']])).not.toContain('preference.activity=no');
  });
  it('an app used daily; no need; nowhere to talk; nothing on hand; an adviser who handles it', () => {
    expect(tags([['customer', '你们这个APP我天天用。']])).toContain('preference.channel=mobile_banking');
    expect(tags([['customer', '不用给我介绍了，我没这个需要。']])).toContain('objection.refusal=not_needed');
    expect(tags([['customer', '我正在医院排队，回头再说吧。']])).toContain('objection.refusal=no_time');
    expect(tags([['customer', '钱都借给我弟做生意了，手上一分没有。']])).toContain('objection.refusal=no_money_now');
    expect(tags([['customer', '我家理财都是招行的客户经理帮着弄。']])).toContain('objection.refusal=has_advisor');
  });
});

describe('a third probe of paraphrases', () => {
  it('returns, losses and gifts in other words', () => {
    expect(tags([['customer', '利息越多越好嘛。']])).toContain('preference.return=high');
    expect(tags([['customer', '一分钱都不能少。']])).toContain('preference.risk=capital_preserving');
    expect(tags([['customer', '我喜欢你们那个积分换礼品的活动。']])).toContain('preference.activity=yes');
    expect(tags([['customer', '每次来都要排一个多小时队。']])).toContain('feedback.negative=branch_long_wait');
  });
  it('asking what a fund invests in is a question, not a preference for funds', () => {
    const t = tags([['staff', '我们这款基金近三年年化五个点。'], ['customer', '这款基金主要投什么？']]);
    expect(t).toContain('feedback.question=direction');
    expect(t).not.toContain('preference.product=fund');
  });
});

describe('a fourth probe, ASR-like and with traps', () => {
  it('reads unpunctuated and dialect wording', () => {
    expect(tags([['customer', '这钱搁个一年没得问题']])).toContain('preference.term=m6_to_m12');
    expect(tags([['customer', '我可不敢冒险 本钱要紧']])).toContain('preference.risk=capital_preserving');
    expect(tags([['staff', '另外现在办业务还送鸡蛋。'], ['customer', '鸡蛋好啊 给我留两盒']])).toContain('preference.activity=yes');
    expect(tags([['customer', '没买过 啥都不懂']])).toContain('basic.investment_experience=novice');
    expect(tags([['customer', '我开着车呢 等会再说']])).toContain('objection.refusal=no_time');
    expect(tags([['customer', '你们是怎么拿到我号码的']])).toContain('objection.risk=data_leak_concern');
  });
  it('keeps the traps out', () => {
    expect(tags([['customer', '我不要理才 就存个定期']])).not.toContain('preference.product=wealth');
    expect(tags([['customer', '我朋友买了你们的基金赚了不少']])).not.toContain('preference.product=fund');
    expect(tags([['customer', '我朋友说他那个有百分之五']])).not.toContain('preference.return=specific');
    expect(tags([['customer', '我不是小白 基金股票都玩过']])).not.toContain('basic.investment_experience=novice');
    expect(tags([['customer', '我不是不想买 是真没钱']])).not.toContain('objection.refusal=not_needed');
  });
});

describe('a fifth probe: basic facts, feedback, risk objections', () => {
  it('reads them in other words', () => {
    expect(tags([['customer', '以前在农行买的理财现在还没回本。']])).toContain('basic.investment_status=loss_at_other_bank');
    expect(tags([['customer', '你们银行的人就会忽悠。']])).toContain('feedback.negative=brand_reputation_bad');
    expect(tags([['customer', '你们网点到处都是，很方便。']])).toContain('feedback.positive=branch_many');
    expect(tags([['customer', '锦程银行大家都知道。']])).toContain('feedback.positive=brand_well_known');
    expect(tags([['customer', '你们利息比别家高一点。']])).toContain('feedback.positive=product_high_return');
    expect(tags([['customer', '你们别老在我上班时间打过来。']])).toContain('objection.risk=dislikes_calls');
    expect(tags([['customer', '你有工号吗？我打客服核实一下。']])).toContain('objection.risk=doubts_identity');
  });
  it('asking a work number to praise someone is no doubt', () => {
    expect(tags([['customer', '你处理得很专业，我要表扬你，你工号多少？']])).not.toContain('objection.risk=doubts_identity');
  });
});

describe('a sixth probe: traps that must stay out', () => {
  it('keeps mentions, echoes, negations and other people out', () => {
    expect(tags([['staff', '这款产品期限三年。'], ['customer', '三年啊？']])).not.toContain('preference.term=gt_1y');
    expect(tags([['customer', '网银我早就不用了。']])).not.toContain('preference.channel=online_banking');
    expect(tags([['customer', '我自己不太会研究这些。']])).not.toContain('objection.refusal=self_research');
    expect(tags([['customer', '你们网点不少啊。']])).not.toContain('feedback.negative=branch_few');
    expect(tags([['customer', '我邻居想买黄金，让我帮着问问。']])).not.toContain('preference.product=gold');
    expect(tags([['customer', '黄金现在多少钱一克？']])).not.toContain('preference.product=gold');
    expect(tags([['customer', '他们那边说能给到五个点。']])).not.toContain('preference.return=specific');
  });
});

describe('有没有 asks, it does not negate', () => {
  it('leaves the word after it un-negated', () => {
    expect(isNegated('有没有保本的理财', '有没有保本的理财'.indexOf('保本'))).toBe(false);
    expect(isNegated('没有保本的理财', '没有保本的理财'.indexOf('保本'))).toBe(true);
    expect(tags([['customer', '有没有宝本的理才']])).toContain('preference.risk=capital_preserving');
  });
});

describe('a seventh probe: ASR-like and dialect wording', () => {
  it('reads them', () => {
    expect(tags([['customer', '侬讲的这个我勿要']])).toContain('objection.refusal=not_needed');
    expect(tags([['customer', '俺不懂那些 俺就存定期']])).toContain('basic.investment_experience=novice');
    expect(tags([['customer', '我的钱都是老头子管']])).toContain('basic.fund_manager=other');
    expect(tags([['customer', '风险大点没关系 收益要高']])).toContain('preference.risk=high');
    expect(tags([['customer', '稍微有点波动可以 别亏太多']])).toContain('preference.risk=stable');
    expect(tags([['customer', '要是有礼品我就转过来']])).toContain('preference.activity=yes');
    expect(tags([['customer', '你们这个app太难用了 找个功能找半天']])).toContain('feedback.negative=system_cumbersome');
  });
});

describe('an eighth probe: product choices and horizons', () => {
  it('reads them', () => {
    expect(isNegated('能不能给我推荐个货币基金', '能不能给我推荐个货币基金'.indexOf('推荐'))).toBe(false);
    expect(tags([['customer', '能不能给我推荐个货币基金？']])).toContain('preference.product=fund_money_market');
    expect(tags([['customer', '我买点国债或者定期就好。']])).toContain('preference.product=deposit');
    expect(tags([['customer', '混合的我也愿意试试。']])).toContain('preference.product=fund_hybrid');
    expect(tags([['customer', '给孩子买份教育险。']])).toContain('preference.product=insurance');
    expect(tags([['customer', '收益能到三点八就好了。']])).toContain('preference.return=specific');
    expect(tags([['customer', '有活动的话记得告诉我。']])).toContain('preference.activity=yes');
    expect(tags([['customer', '我的理财都交给工行的经理了。']])).toContain('objection.refusal=has_advisor');
  });
  it('what staff recommended and the customer has no interest in is no preference', () => {
    expect(tags([['customer', '你们推荐的那个黄金我没兴趣']])).not.toContain('preference.product=gold');
  });
});

// Session 7 (set 15 a tuning set): a topic the speaker negates after it, and other banks described
// or holding the money. Sentences written for this test.
describe('a topic negated after it (topic-comment order)', () => {
  const after = (text: string, word: string): boolean => isNegated(text, text.indexOf(word), text.indexOf(word) + word.length);
  it('the speaker negates the fronted topic', () => {
    expect(after('股票我从来不碰', '股票')).toBe(true);
    expect(after('手机银行俺压根没用过', '手机银行')).toBe(true);
    expect(after('别的银行我们都没去过', '别的银行')).toBe(true);
  });
  it('a topic followed by a positive comment, or by another subject negating, is not negated', () => {
    expect(after('股票我炒了好几年', '股票')).toBe(false);
    expect(after('手机银行我儿子不让用', '手机银行')).toBe(false);
    expect(after('基金我不过买了一点', '基金')).toBe(false);
    // without an end only the negator before counts, as before
    expect(isNegated('股票我从来不碰', 0)).toBe(false);
  });
});

describe('investment platform: this bank only, another bank described or holding the money', () => {
  const platforms = (text: string): string[] => tags([['staff', '您平时钱都放哪儿？'], ['customer', text]]).filter((t) => t.startsWith('basic.investment_platform'));
  it('other banks negated in either order is this bank only', () => {
    expect(platforms('其他银行我一家都没开过户，就你们这。')).toContain('basic.investment_platform=this_bank_only');
    expect(platforms('我从没在别的银行存过钱。')).toContain('basic.investment_platform=this_bank_only');
    expect(platforms('其他银行我一家都没开过户，就你们这。')).not.toContain('basic.investment_platform=other_bank');
  });
  it('a bank described rather than named, and money that sits at a named bank', () => {
    expect(platforms('去年在对面那家银行买过一个理财。')).toContain('basic.investment_platform=other_bank');
    expect(platforms('工资和存款都在建行。')).toContain('basic.investment_platform=other_bank');
  });
  it('a bank only passed, or waited at, is no platform', () => {
    expect(platforms('对面那家银行排队排了一上午，等了好久。')).not.toContain('basic.investment_platform=other_bank');
  });
});

describe('activity interest shown by acting on the gift or claiming it', () => {
  const gift: [ 'staff', string ] = ['staff', '这个月新开户存满五千，送一张五十块的超市卡。'];
  it('opening an account because of the gift, or asking staff to keep the gift, is interest', () => {
    expect(tags([gift, ['customer', '还送卡啊，那我办一个吧。']])).toContain('preference.activity=yes');
    expect(tags([['staff', '那就给您存一年定期。'], ['customer', '行，那个赠品记得给我留一份。']])).toContain('preference.activity=yes');
  });
  it('opening something after an unrelated remark, or declining the gift, is not', () => {
    expect(tags([['staff', '您的卡已经过期了。'], ['customer', '那我办一个新的吧。']])).not.toContain('preference.activity=yes');
    expect(tags([gift, ['customer', '卡就不用了，我就存个定期。']])).not.toContain('preference.activity=yes');
  });
});

describe('a gift named and answered', () => {
  const gift: ['staff', string] = ['staff', '这期存满三个月送一口不粘锅。'];
  it('a gift welcomed is a liking for gifts', () => {
    expect(tags([gift, ['customer', '不粘锅要得，家里那口早坏了。']])).toContain('preference.activity=yes');
  });
  it('a gift waved away is no liking for gifts', () => {
    expect(tags([gift, ['customer', '锅就算了，屋里锅多得是，说说利息吧。']])).toContain('preference.activity=no');
    expect(tags([gift, ['customer', '那些东西我不稀罕，收益高点比啥都强。']])).not.toContain('preference.activity=yes');
  });
});

describe('complaints in everyday words', () => {
  const said = (text: string): string[] => tags([['staff', '您对我们还有什么意见？'], ['customer', text]]);
  it('names what is wrong in the same breath', () => {
    expect(said('你们这定期利息是越来越少了。')).toContain('feedback.negative=product_low_return');
    expect(said('你们锦程的名声在我们那条街都臭了。')).toContain('feedback.negative=brand_reputation_bad');
    expect(said('说实话你们这银行我之前都没听说过。')).toContain('feedback.negative=brand_unknown');
    expect(said('你们啥活动都没有，冷清得很。')).toContain('feedback.negative=activity_few');
    expect(said('我们镇上你们一个网点都没有。')).toContain('feedback.negative=branch_few');
    expect(said('打你们客服按了半天才转到人工。')).toContain('feedback.negative=system_cumbersome');
    expect(said('手机银行一直转圈，卡得很。')).toContain('feedback.negative=system_laggy');
  });
  it('a return elsewhere, or a fault that is gone, is no complaint about this bank', () => {
    expect(said('余额宝的收益也越来越低了。')).not.toContain('feedback.negative=product_low_return');
    expect(said('现在APP不卡了，之前老转圈。')).not.toContain('feedback.negative=system_laggy');
  });
});

describe('praise in everyday words', () => {
  const said = (text: string): string[] => tags([['staff', '您觉得我们的服务怎么样？'], ['customer', text]]);
  it('names what is good in the same breath', () => {
    expect(said('你这小伙子业务真熟，讲得也清楚。')).toContain('feedback.positive=service_professional');
    expect(said('你每回都笑眯眯的，又耐心。')).toContain('feedback.positive=service_attitude_good');
    expect(said('上次那个理财收益确实可以。')).toContain('feedback.positive=product_high_return');
    expect(said('你们行活动是真多，月月都有。')).toContain('feedback.positive=activity_many');
    expect(said('你们锦程口碑还是不错的。')).toContain('feedback.positive=brand_reputation_good');
    expect(said('你们的产品线比我想的全。')).toContain('feedback.positive=product_rich');
  });
  it('a demand, or a return elsewhere, is no praise', () => {
    expect(said('你们以后说话客气点。')).not.toContain('feedback.positive=service_attitude_good');
    expect(said('我老家农商行那边利息还可以。')).not.toContain('feedback.positive=product_high_return');
    expect(said('你们产品比我想的多。')).not.toContain('feedback.positive=product_high_return');
  });
});
