/**
 * Generates new branch dialogues (Mandarin, staff/customer turns) from
 * templates, so a scenario can run more conversations than the corpus has.
 * Each dialogue picks a topic (deposit, wealth product, fund, insurance,
 * service request, passer-by question…), a customer profile and a flow of
 * moves — greeting, needs, KYC, pitch, questions, objections, closing — with
 * slot values (names, amounts and rates written in words, terms) drawn from
 * a seeded generator: the same seed always gives the same dialogues.
 */
import { SeededRandom } from '../random/seeded-random.js';
import type { ConversationScript, ScriptTurn } from '../speech/script.js';

interface Slots {
  staffName: string;
  staffTitle: string;
  address: string;
  amount: string;
  term: string;
  rate: string;
  rateHigh: string;
  product: string;
  risk: string;
  otherBank: string;
}

interface Topic {
  id: string;
  description: string;
  /** The customer's opening need. */
  need: string[];
  /** Staff KYC / clarifying questions, each with customer answers. */
  kyc: [string[], string[]][];
  /** Staff pitch or answer. */
  pitch: string[];
  /** Customer follow-up questions, each with staff answers. */
  qa: [string[], string[]][];
  /** Customer decisions. */
  close: string[];
  /** Staff closings. */
  staffClose: string[];
}

const SURNAMES = ['陈', '王', '李', '张', '刘', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '林'];
const ADDRESS = ['阿姨', '叔叔', '大姐', '大哥', '先生', '女士', '老师', '小伙子'];
const AMOUNTS = ['三万', '五万', '八万', '十万', '十五万', '二十万', '三十万', '五十万', '一百万'];
const TERMS = ['三个月', '六个月', '一年', '两年', '三年', '五年'];
const RATES = ['一点三', '一点五', '一点七五', '二点零', '二点一五', '二点三', '二点六', '二点八'];
const RATES_HIGH = ['二点九', '三点一', '三点三', '三点五', '三点八'];
const OTHER_BANKS = ['隔壁银行', '工行', '建行', '农行', '招行', '一家城商行'];
const PRODUCTS: Record<string, string[]> = {
  wealth: ['安享九十天持有期', '稳盈半年定开', '锦程月月盈', '悦享一年持有期'],
  fund: ['锦程稳健债券基金', '沪深三百指数基金', '锦程均衡混合基金'],
  insurance: ['锦程福寿增额终身寿', '安康两全保险', '金色年华年金险'],
};

const GREETINGS = [
  '{address}您好，欢迎光临锦程银行，请问今天办理什么业务？',
  '您好{address}，我是这里的{staffTitle}{staffName}，您这边请坐，有什么可以帮您？',
  '{address}好，您先坐一下，我是{staffTitle}{staffName}，看您拿的号，是要办存款吗？',
  '您好，请问您是第一次来我们网点吗？我是{staffTitle}{staffName}，有什么需要可以跟我说。',
];

const TOPICS: Topic[] = [
  {
    id: 'deposit',
    description: 'time deposit renewal or new large-denomination deposit',
    need: ['我有一笔{amount}的定期快到期了，想问问现在存{term}利息多少。', '我想存{amount}，存{term}的定期，利率现在是多少？', '家里有{amount}闲钱，放活期太亏了，想存个定期。'],
    kyc: [
      [['这笔钱您近期有没有要用的地方？'], ['暂时用不上，就是放着养老的。', '可能明年孩子结婚要用一部分。', '说不好，最好能随时取。']],
      [['您以前在我们行存过定期吗？'], ['存过，一直在你们这存。', '没有，以前都在{otherBank}。']],
    ],
    pitch: ['现在{term}的定期是百分之{rate}，如果是二十万起存的大额存单，利率会高一点。', '{term}期的利率是年化百分之{rate}，到期自动转存也可以，我帮您设置一下。'],
    qa: [
      [['提前取出来的话利息怎么算？'], ['提前支取的部分按活期算，大额存单可以转让，损失会小一些。']],
      [['{otherBank}比你们高一点啊。'], ['各家略有差别，我们这边大额存单还有积分活动，综合下来也不吃亏。', '我们的利率是统一挂牌的，您可以比较一下，存款都受存款保险保护。']],
      [['存款是不是都保本的？'], ['存款是保本保息的，五十万以内还有存款保险保障。']],
    ],
    close: ['那就存{term}吧，帮我办一下。', '我再考虑考虑，回去跟老伴商量一下。', '行，就按你说的办大额存单。'],
    staffClose: ['好的，我带您去柜台办理，请带好身份证。', '没问题，这是我的名片，有需要随时联系我。'],
  },
  {
    id: 'wealth',
    description: 'wealth manager pitches a low-risk wealth product with risk disclosure',
    need: ['我看你们门口写着理财，收益有多少？', '我定期到期了，想看看有没有收益高一点的。', '朋友说你们有个理财挺好的，我来问问。'],
    kyc: [
      [['您之前买过理财或者基金吗？'], ['买过一点，在{otherBank}买的，没亏。', '没有，我只存过定期，不太懂。', '买过基金，亏了不少，所以现在比较谨慎。']],
      [['这笔钱大概能放多久？'], ['一年之内应该用不上。', '半年左右吧，最好灵活一点。']],
      [['做理财之前需要先做个风险评估，您方便做一下吗？'], ['可以，要多久？', '行，你帮我弄一下。']],
    ],
    pitch: [
      '我给您介绍一款{product}，风险等级是{risk}，业绩比较基准年化百分之{rate}到百分之{rateHigh}。',
      '有一款{product}，{risk}级的，业绩比较基准是百分之{rate}到百分之{rateHigh}，比定期灵活一些。',
    ],
    qa: [
      [['这个保本吗？'], ['这个不保本，理财产品不是存款，有一定风险，业绩比较基准不代表实际收益。', '我跟您说清楚，理财不保本，过往业绩不代表未来表现，投资须谨慎。']],
      [['能随时取出来吗？'], ['它有持有期，到期前不能赎回，到期后可以选择赎回或者继续持有。']],
      [['最少买多少？'], ['一万起购，您可以先少买一点试试。']],
      [['万一亏了怎么办？'], ['{risk}级的波动比较小，但是确实不能保证不亏，所以您要按自己的承受能力来配置。']],
    ],
    close: ['那我先买{amount}试试。', '不保本的话我还是存定期吧。', '你把资料给我，我回去看看。'],
    staffClose: ['好的，我先帮您做风险评估，然后在手机银行上操作。', '没问题，这是产品说明书，您回去仔细看看，有问题随时找我。'],
  },
  {
    id: 'fund',
    description: 'fund or regular investment plan consultation',
    need: ['我想了解一下基金定投，每个月投一点那种。', '最近股市怎么样？我想买点基金。'],
    kyc: [
      [['您对基金了解多少？之前投过吗？'], ['投过一两只，赚了一点。', '完全没投过，听同事说的。', '我不是小白，股票也炒过几年。']],
      [['您能接受多大的波动？'], ['亏个百分之五以内还行。', '最好别亏，亏了睡不着觉。']],
    ],
    pitch: ['定投的话可以考虑{product}，每个月最低五百元，长期坚持可以平摊成本。', '{product}是我们代销的，历史业绩还不错，但基金有风险，过往业绩不代表未来。'],
    qa: [
      [['定投多久比较好？'], ['一般建议三年以上，短期波动会比较大。']],
      [['能保证收益吗？'], ['基金不能保证收益，也可能亏损，我们不能承诺任何收益。']],
      [['手续费高不高？'], ['申购费现在打一折，持有满一年赎回费为零。']],
    ],
    close: ['那我先每个月定投一千。', '我再看看，不着急。', '好，你帮我在手机上开通。'],
    staffClose: ['好的，我帮您在手机银行设置定投，扣款日选每月十号可以吗？', '行，我加一下您的微信，有市场变化我提醒您。'],
  },
  {
    id: 'insurance',
    description: 'bancassurance product introduction to a customer planning for retirement',
    need: ['我想给自己存点养老钱，有什么合适的？', '你们上次打电话说的那个保险，我来问问。'],
    kyc: [
      [['您今年多大年纪了？有没有社保？'], ['五十六了，有社保，退休金不高。', '四十出头，单位有社保和年金。']],
      [['家里孩子都工作了吧？'], ['都工作了，不用我操心。', '孩子还在上大学。']],
    ],
    pitch: ['{product}是保险公司的产品，我们行代销，交{term}，保单现金价值会逐年增长。', '可以看看{product}，它是保险产品，不是存款，适合长期规划。'],
    qa: [
      [['中途要用钱能取吗？'], ['可以退保或者保单贷款，但前几年退保会有损失，这个要跟您说清楚。']],
      [['收益跟存款比怎么样？'], ['长期看现金价值增长比较稳定，但它不是存款，前期灵活性差一些。']],
      [['这个是你们银行的吗？'], ['不是，是保险公司的产品，我们是代销，合同是跟保险公司签的。']],
    ],
    close: ['听着还行，你把条款给我看看。', '交这么久我可等不了，算了。', '那我先交{amount}试试。'],
    staffClose: ['好的，条款您带回去看，有犹豫期，不合适可以退。', '理解，那您考虑好了随时来找我。'],
  },
  {
    id: 'service',
    description: 'service request: card, mobile banking, password or transfer',
    need: ['我银行卡密码忘了，要怎么重置？', '手机银行登不上去了，一直提示错误。', '我要给外地的孩子转一笔钱，{amount}。', '我的卡好像丢了，先帮我挂失。'],
    kyc: [
      [['您带身份证了吗？'], ['带了，给你。', '哎呀，忘带了，驾照行不行？']],
      [['这张卡是您本人的吗？'], ['是我自己的。', '是我老伴的，他腿脚不方便。']],
    ],
    pitch: ['这个需要本人带身份证到柜台办理，我帮您取个号。', '您可以先在手机银行上操作，我教您一下，很简单。', '大额转账需要核实一下收款人，验证码不要告诉任何人。'],
    qa: [
      [['要等多久？'], ['前面还有三个人，大概十分钟。']],
      [['收费吗？'], ['这个业务不收费。', '补卡工本费是十元。']],
      [['能不能让别人代办？'], ['代办需要双方身份证和委托书，最好还是本人来。']],
    ],
    close: ['好的，那我等一下。', '那我明天带身份证再来。', '行，谢谢你啊。'],
    staffClose: ['不客气，您在那边稍等，叫到号就过去。', '好的，您慢走，有问题随时来问。'],
  },
];

const PASSER_BY: [string, string, string][] = [
  ['你们几点关门？', '我们五点下班，周末上午也营业。', '好的，谢谢。'],
  ['这里可以换外币吗？', '可以的，美元欧元都能换，需要提前预约大额。', '行，那我改天来。'],
  ['自动取款机在哪？', '出门右手边就是，二十四小时的。', '好，谢谢啊。'],
];

const STAFF_TITLES = ['理财经理', '大堂经理', '客户经理'];

function fill(template: string, s: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (s as unknown as Record<string, string>)[k] ?? '');
}

export interface DialogueGeneratorOptions {
  count: number;
  seed: number;
  /** Id prefix (default "gen"). */
  prefix?: string;
}

/** `count` new dialogues, deterministic in the seed. Ids are `<prefix>-<seed>-<nnnn>`. */
export function generateDialogues(o: DialogueGeneratorOptions): ConversationScript[] {
  const out: ConversationScript[] = [];
  for (let i = 0; i < o.count; i++) out.push(generateDialogue(o.seed, i, o.prefix ?? 'gen'));
  return out;
}

export function generateDialogue(seed: number, index: number, prefix = 'gen'): ConversationScript {
  const rng = new SeededRandom(`${seed}:dialogue:${index}`);
  const id = `${prefix}-${seed}-${String(index).padStart(4, '0')}`;
  const slots: Slots = {
    staffName: `小${rng.pick(SURNAMES)}`,
    staffTitle: rng.pick(STAFF_TITLES),
    address: rng.pick(ADDRESS),
    amount: rng.pick(AMOUNTS),
    term: rng.pick(TERMS),
    rate: rng.pick(RATES),
    rateHigh: rng.pick(RATES_HIGH),
    product: '',
    risk: rng.pick(['R1', 'R2', 'R2', 'R3']),
    otherBank: rng.pick(OTHER_BANKS),
  };
  const turns: ScriptTurn[] = [];
  const staff = (t: string) => turns.push({ role: 'staff', text: fill(t, slots) });
  const customer = (t: string) => turns.push({ role: 'customer', text: fill(t, slots) });

  if (rng.chance(0.08)) {
    const [q, a, thanks] = rng.pick(PASSER_BY);
    customer(q);
    staff(a);
    customer(thanks);
    return { id, origin: 'generated', description: 'generated: passer-by question', turns };
  }

  const topic = rng.pick(TOPICS);
  slots.product = rng.pick(PRODUCTS[topic.id] ?? ['锦程稳盈']);
  staff(rng.pick(GREETINGS));
  customer(rng.pick(topic.need));
  // KYC: ask some of the topic's questions, in order.
  for (const [qs, as] of topic.kyc) {
    if (rng.chance(0.75)) {
      staff(rng.pick(qs));
      customer(rng.pick(as));
    }
  }
  staff(rng.pick(topic.pitch));
  // Questions: a shuffled subset, so lengths vary from short to long chats.
  const qa = [...topic.qa];
  for (let i = qa.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [qa[i], qa[j]] = [qa[j]!, qa[i]!];
  }
  const rounds = rng.int(1, qa.length);
  for (const [qs, as] of qa.slice(0, rounds)) {
    customer(rng.pick(qs));
    staff(rng.pick(as));
  }
  customer(rng.pick(topic.close));
  staff(rng.pick(topic.staffClose));
  return { id, origin: 'generated', description: `generated: ${topic.description}`, turns };
}
