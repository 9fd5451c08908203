// Key points as speech acts, on dialogues written for these tests (none is in the corpus or a
// held-out set): the customer's objection in many wordings and staff's reply to it, staff asking
// for the decision, staff asking about the customer's situation and money held elsewhere.
// Negatives that must not fire sit beside each concept.
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
type Turns = Parameters<typeof convo>[0];
const kp = (turns: Turns, point: string, channel: 'phone' | 'badge' = 'badge'): boolean | null | undefined =>
  analyze(convo(turns, channel), rules, taxonomy).keyPoints[point]?.value;

const pitch: Turns = [
  ['staff', '您好，我是理财经理小祁，给您推荐一款一年期理财，业绩比较基准二点九，R2级。'],
];

describe('objection_handling: the customer raises a refusal or concern, staff respond', () => {
  const explains: Turns = [['staff', '这款主要投债券，历史波动很小，不过确实不保本，您可以先少放一点试试。']];

  it('putting it off to think or to ask the family is an objection, in any wording', () => {
    for (const said of ['我要先想一想。', '这个我得跟我爱人商量商量。', '我问问我儿子再说吧。']) {
      expect(kp([...pitch, ['customer', said], ...explains], 'objection_handling')).toBe(true);
    }
  });

  it('finding the offer dearer, having no spare money, disagreeing or resenting the push', () => {
    for (const said of ['你们这边怎么反而贵一些？', '每个月还完房贷，没有多余的钱了。', '不至于吧，我那边放了好几年都挺好。', '你这也太急了，让我喘口气。']) {
      expect(kp([...pitch, ['customer', said], ...explains], 'objection_handling')).toBe(true);
    }
  });

  it('giving up on it or finding the entry amount too high is an objection; only leaving does not handle it', () => {
    expect(kp([...pitch, ['customer', '算了，我不弄这些。'], ['staff', '好的，那您慢走。']], 'objection_handling')).toBe(false);
    expect(kp([...pitch, ['customer', '这个起点太高了，我没那么多。'], ['staff', '我们还有一款一万起的。']], 'objection_handling')).toBe(true);
  });

  it('a fear raised about the offer, whatever is feared', () => {
    expect(kp([...pitch, ['customer', '一年期啊，我怕中途要用钱拿不出来。'], ['staff', '满一年就能赎回，您要是担心流动性，可以只放用不着的那部分。']], 'objection_handling')).toBe(true);
  });

  it('a low return of the customer\'s own holding, said before any offer, is a need, not an objection', () => {
    expect(kp([
      ['staff', '您好，我是理财经理小祁，今天想了解点什么？'],
      ['customer', '我手上那个定期才一点几，太低了，想找个高点的。'],
      ['staff', '明白，那给您看看这款一年期理财，业绩比较基准二点九。'],
      ['customer', '好的，我看看。'],
    ], 'objection_handling')).toBeNull();
  });

  it('only accepting and leaving (a call-back, contact details, see you) does not handle it', () => {
    expect(kp([...pitch, ['customer', '我要先想一想。'], ['staff', '好的 我加您 您有空看看 上面有我电话']], 'objection_handling')).toBe(false);
    expect(kp([...pitch, ['customer', '我要先想一想。'], ['staff', '好的好的 那等您以后方便了再说 您慢走']], 'objection_handling')).toBe(false);
  });

  it('in unpunctuated speech, a reply that meets the customer halfway before the goodbye handles it', () => {
    expect(kp([...pitch, ['customer', '五万太多了 我最多放两万'], ['staff', '好的 两万也可以 那我加您企业微信 把资料发给您']], 'objection_handling')).toBe(true);
  });
});

describe('closing_attempt: staff ask for the decision or propose to transact now', () => {
  const interested: Turns = [...pitch, ['customer', '听着还行，起购多少？'], ['staff', '一万起购，一年后到期自动回到卡上。'], ['customer', '嗯，我手上正好有点闲钱。']];

  it('an alternative-choice close, a suggestion to do it today, or a directive to key the amount in', () => {
    for (const said of ['那您是现在就转过来，还是回去再转？', '要不咱今天先放两万？', '您打开手机银行搜这款，金额就填两万。']) {
      expect(kp([...interested, ['staff', said], ['customer', '好。']], 'closing_attempt')).toBe(true);
    }
  });

  it('a choice between amounts or terms of the purchase, doing it now, a form to sign', () => {
    for (const said of ['您看放五万还是十万？', '您是想买一年的还是半年的？', '身份证带了吗？带了的话现在就能办。', '您要是觉得合适，我这就把单子打出来给您签。']) {
      expect(kp([...interested, ['staff', said], ['customer', '好。']], 'closing_attempt')).toBe(true);
    }
    // a choice about the customer's purpose is a question, not a close
    expect(kp([...interested, ['staff', '您是自己用还是给孩子存？'], ['customer', '自己用。']], 'closing_attempt')).toBe(false);
  });

  it('the sale moved to its next concrete step: a link or plan to act on, a visit to do it, the product held', () => {
    for (const said of ['我先把购买链接发您微信上？', '您周六过来一趟网点，我帮您把手续一次办好。', '要不我先给您占一份额度？', '申请表我回头发给您，填好带过来。', '您准备好了我把材料清单发给您。']) {
      expect(kp([...interested, ['staff', said], ['customer', '好。']], 'closing_attempt')).toBe(true);
    }
    // an invitation with nothing to do there, the address, or a plan sent only to read, is no close
    for (const said of ['有空来网点坐坐，喝杯茶。', '我把网点地址发给您。', '回头我把计划书发给您看看。']) {
      expect(kp([...interested, ['staff', said], ['customer', '好。']], 'closing_attempt')).toBe(false);
    }
  });

  it('a service errand, advice to wait or a planning offer is no close', () => {
    for (const said of ['我帮您看一下，您买的是哪一期来着。', '要不先别急，下个月还有新的一期。', '回头给您做个资产配置建议。']) {
      expect(kp([...interested, ['staff', said], ['customer', '好。']], 'closing_attempt')).toBe(false);
    }
  });
});

describe('kyc: staff ask about the customer\'s situation', () => {
  const opening: Turns = [['staff', '您好，我是理财经理小祁，给您看看我们这款一年期理财，业绩比较基准二点九。'], ['customer', '嗯，你说。']];

  it('income, money held elsewhere and a condition on the customer\'s situation probe it', () => {
    for (const said of ['您每个月工资 大概多少', '如果您能接受一点波动，还有一款R3的。']) {
      expect(kp([...opening, ['staff', said], ['customer', '八千左右吧。']], 'kyc')).toBe(true);
    }
  });

  it('experience, spending, age, loss tolerance, who manages the money, occupation', () => {
    for (const said of ['您之前接触过基金吗？', '您家里开销大不大？', '您今年多大岁数了？', '万一跌个百分之十，您受得了吗？', '您平时是自己打理钱还是家里人管？', '您现在是上班还是已经退休了？']) {
      expect(kp([...opening, ['staff', said], ['customer', '差不多吧。']], 'kyc')).toBe(true);
    }
    expect(kp([...opening, ['staff', '您这个年纪可以走爱心窗口的话更快。'], ['customer', '好。']], 'kyc')).toBe(false);
  });

  it('a statement that names the topic without asking, or a closing line, is no KYC', () => {
    for (const said of ['钱主要是为孩子上学准备的，放在我们这儿很安全。', '到期了您自己决定怎么安排 还有别的问题吗']) {
      expect(kp([...opening, ['staff', said], ['customer', '没有了。']], 'kyc')).toBe(false);
    }
  });
});

describe('outside_funds: staff go after money held elsewhere or still to come', () => {
  const pitchOnly: Turns = [['staff', '您好，我是理财经理小祁，我们这款一年期理财，业绩比较基准二点九。']];
  const elsewhere: Turns = [...pitchOnly, ['customer', '我微信零钱通里还放着三万多，收益也就一点多。']];

  it('weighing the money where it is, right after the customer names it', () => {
    expect(kp([...elsewhere, ['staff', '那边利息确实不高，可以考虑一下。'], ['customer', '也是。']], 'outside_funds')).toBe(true);
  });

  it('inviting money still to come', () => {
    expect(kp([...pitchOnly, ['customer', '我就是来存个活期。'], ['staff', '您以后要是还有资金进来，可以考虑一下我们这款。'], ['customer', '哦。']], 'outside_funds')).toBe(true);
    expect(kp([...pitchOnly, ['customer', '我就是来存个活期。'], ['staff', '好的，我帮您存活期。'], ['customer', '哦。']], 'outside_funds')).toBe(false);
  });

  it('asking how much is in a brokerage account or when the deposit elsewhere matures', () => {
    for (const said of ['您股票账户里还有多少钱？', '您那边的定期什么时候到期？']) {
      expect(kp([...pitchOnly, ['customer', '嗯，你说。'], ['staff', said], ['customer', '有一些吧。']], 'outside_funds')).toBe(true);
    }
    expect(kp([...pitchOnly, ['customer', '嗯，你说。'], ['staff', '我们这边的定期什么时候到期您看手机银行就行。'], ['customer', '好。']], 'outside_funds')).not.toBe(true);
  });

  it('sending the customer to another bank is not mining', () => {
    expect(kp([...elsewhere, ['staff', '嫌我们收益低您可以去别的银行呀。'], ['customer', '也是。']], 'outside_funds')).not.toBe(true);
  });
});

describe('a call turned down at the first reply', () => {
  const run = (opening: string): ReturnType<typeof analyze> => analyze(convo([
    ['staff', opening],
    ['customer', '不需要 谢谢 我在别的银行有人管'],
    ['staff', '好的 不打扰您了 祝您愉快'],
  ], 'phone'), rules, taxonomy);

  it('a product only named in the opening line was never pitched: the marketing points do not apply', () => {
    const r = run('您好 我是锦程银行的客户经理小祁 我们有一款六个月的理财 想跟您介绍一下');
    expect(r.keyPoints['product_fab']?.value).toBeNull();
    expect(r.keyPoints['closing_attempt']?.value).toBeNull();
    expect(r.compliance.map((c) => c.rule)).not.toContain('missing_risk_disclosure');
  });

  it('a return quoted in the opening line is a pitch already', () => {
    const r = run('您好 我是锦程银行的客户经理小祁 我们有一款六个月的理财 业绩比较基准百分之二点八');
    expect(r.keyPoints['closing_attempt']?.value).toBe(false);
    expect(r.compliance.map((c) => c.rule)).toContain('missing_risk_disclosure');
  });
});

describe('risk_disclosure: what counts as telling the customer the risk', () => {
  const insurance: Turns = [
    ['staff', '您好，我是理财经理小祁，给您介绍一款增额终身寿险，交五年，保额每年往上涨。'],
    ['customer', '那中途要用钱呢？'],
  ];
  it('a loss on early exit or a return that can fall to its floor, in any wording', () => {
    expect(kp([...insurance, ['staff', '可以退保，但头几年退保拿回来的比您交进去的少，差不多第七年才回本。']], 'risk_disclosure')).toBe(true);
    expect(kp([
      ['staff', '您好，我是理财经理小祁，这期结构性存款挂钩黄金，保底一点三，最高三点五，三个月。'],
      ['customer', '那一般能拿多少？'],
      ['staff', '利息是浮动的，行情不好最差的情况只拿保底那部分。'],
    ], 'risk_disclosure')).toBe(true);
  });

  it('a worst case that promises the capital back is no disclosure', () => {
    expect(kp([...insurance, ['staff', '随时能取，最差也就是把本钱拿回来。']], 'risk_disclosure')).toBe(false);
  });
});

describe('activity_intro and invite_visit', () => {
  const service: Turns = [['staff', '您好 请坐 办什么业务'], ['customer', '我来改一下预留手机号'], ['staff', '好的 身份证给我 改好了']];

  it('a draw is an activity; a promise to tell about future activities is none, in unpunctuated speech too', () => {
    expect(kp([...service, ['customer', '嗯'], ['staff', '另外 代发客户 工资到账存一年定期 满五千 能抽一次红包']], 'activity_intro')).toBe(true);
    expect(kp([
      ['staff', '喂 您好 我是锦程银行的小祁 给您推荐一款一年期理财 业绩比较基准二点九'],
      ['customer', '我考虑一下'],
      ['staff', '好的 那以后有活动 再通知您'],
      ['customer', '行'],
    ], 'activity_intro', 'phone')).toBe(false);
  });

  it('asking the customer to come to a branch to sign, or to come to an event if interested', () => {
    const loan: Turns = [['staff', '您好，锦程银行客服，请问有什么可以帮您？'], ['customer', '想问下你们的装修贷怎么申请。'], ['staff', '额度最高二十万，年化三点五起，看您的资质。'], ['customer', '那要准备什么？']];
    expect(kp([...loan, ['staff', '带上身份证和收入证明到网点面签就行，我给您约个客户经理。'], ['customer', '好的。']], 'invite_visit', 'phone')).toBe(true);
    expect(kp([...loan, ['staff', '身份证和收入证明，在手机银行上传就可以。'], ['customer', '好的。']], 'invite_visit', 'phone')).not.toBe(true);
  });
});

describe('a service call about a product the customer already holds', () => {
  const held = (reply: string): ReturnType<typeof analyze> => analyze(convo([
    ['staff', '您好，锦程银行，请问有什么可以帮您？'],
    ['customer', '我想问下我那个基金怎么一直在跌，能不能先卖掉。'],
    ['staff', reply],
    ['customer', '那我再等等看吧。'],
    ['staff', '好的，您在手机银行持仓里能看到每天的净值。'],
    ['customer', '行，谢谢。'],
  ], 'phone'), rules, taxonomy);

  it('explaining the holding is service: the marketing points do not apply', () => {
    const r = held('我帮您查一下，您买的是锦程稳进混合，近一个月跌了百分之三，随时可以赎回，赎回费千分之五。');
    expect(r.keyPoints['closing_attempt']?.value).toBeNull();
    expect(r.keyPoints['add_wecom']?.value).toBeNull();
  });

  it('pitching a new product in the same call is a sales talk again', () => {
    const r = held('理解，我们还有一款债券基金，近一年收益三点二，波动小很多，可以考虑一下。');
    expect(r.keyPoints['add_wecom']?.value).toBe(false);
  });
});

describe('opening_intro: greeting with an introduction or a question about the customer\'s business', () => {
  it('greeting and asking straight about what the customer came for', () => {
    expect(kp([['staff', '阿姨您好，您这张卡是要挂失是吗？'], ['customer', '对，丢了。'], ['staff', '好的，身份证给我。'], ['customer', '给。'], ['staff', '办好了。']], 'opening_intro')).toBe(true);
    expect(kp([['staff', '身份证给我。'], ['customer', '给。'], ['staff', '卡号多少？'], ['customer', '6222开头的。'], ['staff', '办好了。']], 'opening_intro')).toBe(false);
  });

  it('a colleague stepping in later greets and introduces themselves', () => {
    expect(kp([
      ['customer', '你们这怎么排这么久！'],
      ['staff', '人多，等着。'],
      ['customer', '什么态度，叫你们领导来。'],
      ['staff', '先生您好，我是这里的大堂主管，您别着急，我先帮您看看。'],
      ['customer', '好吧。'],
    ], 'opening_intro')).toBe(true);
  });
});

describe('objection_handling: asking the family, with any possessive (session 7)', () => {
  it('跟我们/咱家/阿拉 + a family member + 商量 is putting it off', () => {
    for (const said of ['好是好，我得跟咱家老伴商量一下。', '做一份可以，不过要跟阿拉儿子商量一下。']) {
      expect(kp([...pitch, ['customer', said], ['staff', '应该的，这款主要投债券，不保本，您和家里人看看资料再定。']], 'objection_handling')).toBe(true);
    }
  });
});

describe('objection_handling: a complaint answered to 你 as well as to 您 (session 7)', () => {
  const service: Turns = [['staff', '下一位，办什么？'], ['customer', '改一下预留手机号。'], ['staff', '表自己填，旁边有样本。']];
  it('explaining to 你 addresses the complaint; a bare 行 does not', () => {
    expect(kp([...service, ['customer', '你这什么态度？我要投诉。'], ['staff', '行，我跟你讲一下，这一栏写新号码，下面签字就好。']], 'objection_handling')).toBe(true);
    expect(kp([...service, ['customer', '你这什么态度？我要投诉。'], ['staff', '行。']], 'objection_handling')).toBe(false);
  });
});

describe('kyc: where the customer invests, told in answer to a staff question (session 7)', () => {
  const asked: Turns = [...pitch, ['staff', '您平时自己投资这块接触多吗？']];
  it('a platform named in the answer is KYC; "only here" tells nothing of investing', () => {
    expect(kp([...asked, ['customer', '平时在券商那边买点股票，赚过也赔过。']], 'kyc')).toBe(true);
    expect(kp([...pitch, ['staff', '您其他银行还有没有钱？'], ['customer', '没有，就你们一家。']], 'kyc')).toBe(false);
  });
});
