// Compliance rules by concept, on sentences written for these tests (none is in the corpus or a
// held-out set): each case names the concept and carries negatives that must not fire, so a rule
// keyed to one dialogue's wording fails here.
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
type Turns = Parameters<typeof convo>[0];
const rulesOf = (turns: Turns, channel: 'phone' | 'badge' = 'badge'): string[] =>
  analyze(convo(turns, channel), rules, taxonomy).compliance.map((c) => c.rule);
const opener: Turns = [['staff', '您好，我是理财经理小葛，您请坐。'], ['customer', '你好，我想看看。']];
const staffSays = (text: string, before: Turns = []): string[] => rulesOf([...opener, ...before, ['staff', text], ['customer', '嗯，我知道了。']]);

describe('promise_guarantee: an assertion of a guaranteed gain by staff', () => {
  it('a certainty of beating a deposit is a promise about the product, though a deposit is named', () => {
    expect(staffSays('这只偏股基金您拿五年，肯定比存定期赚得多。')).toContain('promise_guarantee');
    expect(staffSays('白银这几年只涨不跌，比存款可划算多了。')).toContain('promise_guarantee');
  });

  it('a past record taken back in the same turn is a disclosure, not a promise', () => {
    expect(staffSays('这款债券基金成立以来没亏过，不过以后的事我没法保证，净值是会动的。')).not.toContain('promise_guarantee');
    // the same record without the qualification is a promise
    expect(staffSays('这款债券基金成立以来没亏过，您就放心买吧。')).toContain('promise_guarantee');
  });

  it('a claim staff report in order to reject it is not a promise', () => {
    expect(staffSays('外面说保证收益的那些都不合规，您可别信。')).not.toContain('promise_guarantee');
  });

  it('deposit insurance is a fact about deposits, not an insurance product', () => {
    expect(staffSays('这笔结构性存款在存款保险范围内，保底的一点三，挂钩部分看行情。')).not.toContain('promise_guarantee');
  });

  it('一定要 is advice, not a certainty of gain', () => {
    expect(staffSays('这份年金险前几年退保要损失，您一定要等回本再取。')).not.toContain('promise_guarantee');
  });
});

describe('deposit_as_wealth: a wealth or insurance product presented as a deposit', () => {
  it('calling the product a kind of deposit, in any wording', () => {
    expect(staffSays('这个分红型保险，您就把它理解为一种长期定期。')).toContain('deposit_as_wealth');
    expect(staffSays('这款理财属于储蓄类产品，放着就行。')).toContain('deposit_as_wealth');
  });

  it('agreeing at once when the customer likens the product to a deposit', () => {
    const likened: Turns = [
      ['staff', '给您看看这款两全保险，交十年，第十五年开始每年返钱。'],
      ['customer', '那不就和存定期一样嘛？'],
    ];
    expect(rulesOf([...opener, ...likened, ['staff', '对，差不多，就是时间长点。']])).toContain('deposit_as_wealth');
    expect(rulesOf([...opener, ...likened, ['staff', '不一样，这是保险，中途退保会有损失。']])).not.toContain('deposit_as_wealth');
  });

  it('a structured deposit or a savings deposit called a deposit is true', () => {
    const structured: Turns = [
      ['staff', '这笔钱可以做结构性存款，也可以看看基金。'],
      ['customer', '结构性存款是存款吧？跟定期差不多？'],
    ];
    expect(rulesOf([...opener, ...structured, ['staff', '对，本金部分跟定期一样，利息是浮动的。']])).not.toContain('deposit_as_wealth');
    expect(staffSays('您要是在意本金，养老储蓄，就是存款，基金的话会有波动。')).not.toContain('deposit_as_wealth');
  });

  it('what a product invests in is not what it is', () => {
    expect(staffSays('这款理财主要配置债券和存款类资产，风险等级R2，不保本。')).not.toContain('deposit_as_wealth');
  });
});

describe('pressure_selling: false urgency, herd pressure and the staff member\'s own quota', () => {
  it('a deadline next to a loss or scarcity', () => {
    expect(staffSays('这期理财下周起收益就下调了，这几天是最后的机会，您抓紧。')).toContain('pressure_selling');
  });

  it('herd pressure and an appeal to staff\'s quota', () => {
    expect(staffSays('大家都在抢这款，就您还在犹豫。')).toContain('pressure_selling');
    expect(staffSays('我这个月业绩就差您这一单了，您帮帮忙。')).toContain('pressure_selling');
  });

  it('describing a product\'s term or telling the customer to take their time is no pressure', () => {
    expect(staffSays('这款理财一年期，您不着急，回去慢慢考虑，下周来也行。')).not.toContain('pressure_selling');
  });
});

describe('disparage_peers: staff running another institution down', () => {
  it('selling for targets, unsafe internet companies', () => {
    expect(staffSays('那几家互联网公司的钱包不大安全，真出了事找都找不到。')).toContain('disparage_peers');
    expect(staffSays('兴业那边的经理只知道卖产品冲业绩。')).toContain('disparage_peers');
  });

  it('a neutral comparison is not disparaging', () => {
    expect(staffSays('各家银行的产品都差不多，您可以比较一下利率。')).not.toContain('disparage_peers');
  });
});

describe('rude_language: sending the customer away or blaming them', () => {
  it('go to another bank, it is your phone, just wait', () => {
    expect(staffSays('嫌麻烦您就去别家办呗，没人拦着。')).toContain('rude_language');
    expect(staffSays('那是你自己的操作问题吧，别人用都好好的。')).toContain('rude_language');
  });

  it('an explanation of a wait is not rude', () => {
    expect(staffSays('不好意思，今天人比较多，您稍等一下，我帮您看看能不能先办。')).not.toContain('rude_language');
  });
});

describe('ask_sensitive_credentials: staff asking for a PIN or code', () => {
  it('asking the customer to key the PIN in themselves is correct practice', () => {
    expect(staffSays('您在键盘上输一下密码确认，好，再跟您说下我们的活动。')).not.toContain('ask_sensitive_credentials');
    expect(staffSays('您把手机上的验证码报给我一下，我来填。')).toContain('ask_sensitive_credentials');
  });
});

describe('missing_risk_disclosure: what counts as a disclosure', () => {
  const pitch = '我给您推荐一款增额寿险，交五年，每年三万，保额每年往上涨。';
  it('a loss on early surrender, in any wording, discloses the risk', () => {
    expect(staffSays('提前退保拿回来的会低于您交的钱，所以要用长期不动的钱。', [['staff', pitch], ['customer', '听起来可以。']])).not.toContain('missing_risk_disclosure');
  });

  it('saying the return is not fixed discloses the risk (rules -51)', () => {
    expect(staffSays('这款理财收益不固定，看市场情况。', [['staff', pitch], ['customer', '听起来可以。']])).not.toContain('missing_risk_disclosure');
  });

  it('a promise that it cannot lose is no disclosure', () => {
    expect(staffSays('放心，这个肯定不会亏。', [['staff', pitch], ['customer', '听起来可以。']])).toContain('missing_risk_disclosure');
  });
});

describe('suitability_mismatch: steering the risk questionnaire', () => {
  it('telling the customer how to answer to reach a riskier level', () => {
    expect(staffSays('您把风险测评重新做一遍，题目里问能亏多少您就选能接受百分之三十，分数上去就能买了。')).toContain('suitability_mismatch');
  });

  it('asking the customer to do the questionnaire honestly is no mismatch', () => {
    expect(staffSays('买之前需要您做个风险测评，按您的真实情况选就好。')).not.toContain('suitability_mismatch');
  });
});

describe('promise_guarantee: a certain figure, not a cent less, and a deposit contrasted with the product', () => {
  it('a certainty next to a return figure, or a figure said to be no problem', () => {
    expect(staffSays('这款理财您放心，到期肯定能拿到四个点。')).toContain('promise_guarantee');
    expect(staffSays('买这个基金，一年赚个五六个点不成问题。')).toContain('promise_guarantee');
    expect(staffSays('这款理财收益不确定，不一定能到四个点，有风险。')).not.toContain('promise_guarantee');
  });

  it('not a cent less said of a product, but not of a passbook being replaced', () => {
    expect(staffSays('这个保险本金是有保障的，一分钱都不会少。')).toContain('promise_guarantee');
    expect(staffSays('磁条坏了给您换个新存折，钱一分不少。')).not.toContain('promise_guarantee');
  });

  it('a deposit\'s guarantee contrasted with the product is a disclosure', () => {
    expect(staffSays('存款是保本保息的，理财不是，理财有风险。')).not.toContain('promise_guarantee');
  });
});

describe('a probe of other wordings: deposit likeness, pressure, rudeness', () => {
  it('the product to be treated as a deposit, however long the phrase in between', () => {
    expect(staffSays('这个增额寿您就当是存了一笔长期定期，有风险的。')).toContain('deposit_as_wealth');
    expect(staffSays('这款保险跟存款有区别，不是存款，有风险。')).not.toContain('deposit_as_wealth');
  });

  it('a rate that will not last past next month, and a favour asked for staff\'s boss', () => {
    expect(staffSays('您今天不办，下个月利率就没这么高了，理财有风险。')).toContain('pressure_selling');
    expect(staffSays('我们领导盯着呢，您就当帮我个忙，理财有风险。')).toContain('pressure_selling');
    expect(staffSays('您要是拿不准，回去想想，下个月这款还有，理财有风险。')).not.toContain('pressure_selling');
    expect(staffSays('能帮我个忙吗？把那份资料递给我，理财有风险。')).not.toContain('pressure_selling');
  });

  it('telling the customer not to ask or to hurry up', () => {
    expect(staffSays('您听不懂就别问了，理财有风险。')).toContain('rude_language');
    expect(staffSays('后面还有人排队呢，您快点，理财有风险。')).toContain('rude_language');
    expect(staffSays('您有不明白的尽管问，我慢慢给您讲。')).not.toContain('rude_language');
  });
});

// Session 7 (set 15 became a tuning set): concepts behind its compliance misses, tested on sentences
// written for this file; each case carries traps that must stay out.
describe('set-15 concepts: gains in money, hedged disparagement, likened products, warnings, low-risk indexes', () => {
  it('a gain in money said to be certain is a promise, like a gain in points', () => {
    expect(staffSays('这只混合基金您放二十万，一年挣个一万块跑不了，理财有风险。')).toContain('promise_guarantee');
    expect(staffSays('这款年金险每年多拿个三五千没问题的，理财有风险。')).toContain('promise_guarantee');
    // asked, or about a transfer, it is no promise
    expect(staffSays('这只基金一年能赚个一万块吗？这个我没法说，理财有风险。')).not.toContain('promise_guarantee');
    expect(staffSays('手机银行一天转五万没问题的。')).not.toContain('promise_guarantee');
  });

  it('running another institution down with a hedged or quality judgement', () => {
    expect(staffSays('那家农商行的理财经理不怎么专业，您还是在我们这儿买吧，理财有风险。')).toContain('disparage_peers');
    expect(staffSays('他们家的保险理赔压价压得狠，买了吃亏，理财有风险。')).toContain('disparage_peers');
    expect(staffSays('别的平台那个您千万别碰，理财有风险。')).toContain('disparage_peers');
    // a neutral comparison, or a caution about the customer's own choice, is not
    expect(staffSays('那边的利率跟我们差不多，各家都一样，理财有风险。')).not.toContain('disparage_peers');
    expect(staffSays('这款您千万别一下买太多，留点活钱，理财有风险。')).not.toContain('disparage_peers');
  });

  it('a product likened to a deposit and pitched without any risk warning lacks its disclosure', () => {
    const likened: Turns = [
      ['staff', '我们新出了一个“安心宝”，两年期，年化三点五，说白了跟存定期一回事。'],
      ['customer', '那挺好，我考虑一下。'],
    ];
    const found = rulesOf([...opener, ...likened]);
    expect(found).toContain('deposit_as_wealth');
    expect(found).toContain('missing_risk_disclosure');
    // the same likening with a disclosure: the likening stays a violation, the disclosure was made
    const disclosed = rulesOf([...opener, ...likened, ['staff', '不过它不保本，净值有波动，这个要跟您说清楚。']]);
    expect(disclosed).toContain('deposit_as_wealth');
    expect(disclosed).not.toContain('missing_risk_disclosure');
    // a real deposit named and likened to a deposit is no pitch
    expect(rulesOf([...opener, ['staff', '这个三年期的整存整取，年化一点九五，跟普通定期一样的。'], ['customer', '好。']])).not.toContain('missing_risk_disclosure');
  });

  it('a fraud warning that someone may ask for the code is not staff asking', () => {
    expect(staffSays('最近诈骗多，要是有人冒充客服让你念短信验证码，千万别理。')).not.toContain('ask_sensitive_credentials');
    expect(staffSays('您把手机收到的验证码念给我，我这边帮您操作。')).toContain('ask_sensitive_credentials');
  });

  it('saying the queue is long is not sending the customer to the back of it', () => {
    expect(staffSays('今天后面排队的人有点多，我尽量快一点帮您办。')).not.toContain('rude_language');
    expect(staffSays('没带证件就到后面排队去，下一位。')).toContain('rude_language');
  });

  it('an index of interbank CDs or bonds is a low-risk fund, not a risky pitch to a cautious customer', () => {
    const cautious: Turns = [['customer', '我胆子小，不想亏钱，稳当点就行。']];
    expect(rulesOf([...opener, ...cautious, ['staff', '那可以看看同业存单指数基金，波动很小，不过也不保本。'], ['customer', '好。']])).not.toContain('suitability_mismatch');
    expect(rulesOf([...opener, ...cautious, ['staff', '那可以看看这只创业板指数基金，弹性大，不过不保本。'], ['customer', '好。']])).toContain('suitability_mismatch');
  });
});

describe('set-16 concepts: pitches across turns, volatility as disclosure, certainty, impatience, steering the questionnaire', () => {
  it('a kind named in one turn and a product pushed in a later one needs its disclosure', () => {
    const pitched: Turns = [
      ['staff', '今天想跟您说说债券基金这块。'],
      ['customer', '嗯，你讲。'],
      ['staff', '我们这阵子力推“某某安享”，去年做了四个多点，很多老客户都在买。'],
      ['customer', '哦，那我想想。'],
    ];
    expect(rulesOf([...opener, ...pitched])).toContain('missing_risk_disclosure');
    expect(rulesOf([...opener, ...pitched, ['staff', '当然它净值会有波动，您心里有个数。']])).not.toContain('missing_risk_disclosure');
  });

  it('a fund named only by its style is a fund', () => {
    expect(staffSays('给您推荐我们的“某某价值混合”，去年涨了十几个点。')).toContain('missing_risk_disclosure');
  });

  it('a product named with a return it can reach, and no deposit word, is a wealth product', () => {
    expect(staffSays('我们有个某某周周宝，七天一开放，年化大概能到二点六。')).toContain('missing_risk_disclosure');
    // a deposit's rate is a deposit's
    expect(staffSays('我们有个三年期的大额存单，利率能到二点一。')).not.toContain('missing_risk_disclosure');
    expect(staffSays('我们有个“某某结构性存款”，保底一点二，年化最高能到三点一。')).not.toContain('missing_risk_disclosure');
    expect(staffSays('我们有个“某某快贷”，年化三点六起，随借随还。')).not.toContain('missing_risk_disclosure');
  });

  it('the value said to move both ways discloses the risk; a question about how much movement the customer bears does not', () => {
    expect(staffSays('给您推荐这只偏股基金，年化有机会到八个点，不过它是有涨有跌的。')).not.toContain('missing_risk_disclosure');
    const asked: Turns = [['staff', '您能接受多大的波动？'], ['customer', '一般吧。']];
    expect(rulesOf([...opener, ...asked, ['staff', '那推荐您这只偏股基金，去年涨了十五个点。'], ['customer', '好的。']])).toContain('missing_risk_disclosure');
  });

  it('a kind offered as one of two choices in a question is not a pitch', () => {
    const offered: Turns = [['staff', '这笔钱您想放定期还是看看理财？'], ['customer', '我只要保本的。'], ['staff', '那就给您存三年定期，利率一点九。'], ['customer', '行。']];
    expect(rulesOf([...opener, ...offered])).not.toContain('missing_risk_disclosure');
  });

  it('a figure said to be beyond doubt, in any idiom, is a promise', () => {
    expect(staffSays('这只基金一年六七个点少不了，理财有风险。')).toContain('promise_guarantee');
    expect(staffSays('到期拿四个点是铁定的，理财有风险。')).toContain('promise_guarantee');
    expect(staffSays('五个点跑不掉吗？这个我不敢说，理财有风险。')).not.toContain('promise_guarantee');
  });

  it('impatience and telling off are rude, in any wording', () => {
    expect(staffSays('您倒是快点好不好，后面一堆人。')).toContain('rude_language');
    expect(staffSays('你喊什么，这儿又不是菜市场。')).toContain('rude_language');
    expect(staffSays('嫌麻烦您别来啊，又没人求着您。')).toContain('rude_language');
    expect(staffSays('看不清就叫你孩子来弄。')).toContain('rude_language');
    // staff offering to hurry, or apologising for the wait, is not
    expect(staffSays('我尽量快点帮您办好，让您久等了。')).not.toContain('rude_language');
  });

  it('telling the customer to answer the questionnaire more boldly is a mismatch', () => {
    expect(staffSays('问卷那几道题您答得大胆一点，结果就能到平衡型。')).toContain('suitability_mismatch');
    expect(staffSays('问卷您按实际情况答，结果是什么就买什么。')).not.toContain('suitability_mismatch');
  });
});

describe('precision: facts, warnings and advice that are no violation', () => {
  it('a deposit that is certainly capital-guaranteed is a fact', () => {
    expect(staffSays('大额存单肯定是保本的，有存款保险。')).not.toContain('promise_guarantee');
  });
  it('a return that will certainly not be as high is pressure, not a promise', () => {
    expect(staffSays('这期额度快没了，下一期收益肯定没这么高了。')).not.toContain('promise_guarantee');
  });
  it('passing on praise only sounds like a certain gain', () => {
    expect(staffSays('谢谢您，您的话我一定转达给她。')).not.toContain('promise_guarantee');
  });
  it('a code the system sends to the customer is not staff asking for it', () => {
    expect(staffSays('验证码已经发到您手机上了，您自己输进去就行。')).not.toContain('ask_sensitive_credentials');
  });
  it('advising a careful customer against a risky fund is the right practice', () => {
    const careful: Turns = [['customer', '我这个人求稳，亏不起。']];
    expect(staffSays('您是稳健型，按规定不能直接买R4的股票基金，我不建议。', careful)).not.toContain('suitability_mismatch');
    expect(staffSays('那您看看这只股票型基金，今年涨得好。', careful)).toContain('suitability_mismatch');
  });
  it('an offer to tell about wealth products in general, buying rules and a fraud warning pitch no product', () => {
    expect(staffSays('您办完了要是不急着走，我可以跟您讲讲我们行的理财。')).not.toContain('missing_risk_disclosure');
    expect(staffSays('下个月我们有个理财的活动，您想不想了解了解？')).not.toContain('missing_risk_disclosure');
    expect(staffSays('帮家里人买理财得他本人来，要本人做测评签字。')).not.toContain('missing_risk_disclosure');
    expect(staffSays('您说的这个群一看就是理财诈骗，先给点甜头，后面钱就转不出来了。')).not.toContain('missing_risk_disclosure');
    // a product singled out and sold is a pitch
    expect(staffSays('我们新出了一款理财，九十天的，年化三点二，您可以买点。')).toContain('missing_risk_disclosure');
    expect(staffSays('我们有只科技主题的基金最近涨得好，您要不要了解一下？')).toContain('missing_risk_disclosure');
  });
  it('what not to hand over, listed before the warning in the same turn, is no asking', () => {
    expect(staffSays('有人打电话叫您念短信码 念卡密码 都不要告诉任何人 银行不会找您要这些')).not.toContain('ask_sensitive_credentials');
    // asking in one turn is asking, whatever a later turn says
    expect(staffSays('把短信验证码念给我一下', [])).toContain('ask_sensitive_credentials');
  });
});
