import { describe, expect, it } from 'vitest';
import { analyze, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { convo } from './helpers.js';

// basic.contact_time is when the customer can be REACHED, not any time they mention: a time they
// will come in, set something up or look after family is no contact time. Sentences written for
// this test, not taken from a scored dialogue set.
const taxonomy = loadTaxonomy();
// the rules alone: these tests pin what each rule concept finds; the learned tagger beside them is measured by the evals
const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
const times = (turns: Parameters<typeof convo>[0]): string[] =>
  analyze(convo(turns, 'phone'), rules, taxonomy).profile
    .filter((p) => p.family === 'basic' && p.tag === 'contact_time')
    .map((p) => p.value);

describe('a time to be reached', () => {
  it('a time the customer asks to be called, whatever staff said before', () => {
    expect(times([['staff', '您哪天方便来网点一趟？'], ['customer', '来不了，你下礼拜晚上打我手机吧。']])).toContain('evening');
    expect(times([['staff', '资料我整理好给您。'], ['customer', '行，周末再打给我，平时不方便。']])).toContain('weekend');
  });
  it('dialect half-days and early risers', () => {
    expect(times([['staff', '那我什么时候联系您？'], ['customer', '上半日打来好了，我都在屋里。']])).toContain('morning');
    expect(times([['staff', '有消息我给您打电话。'], ['customer', '早点打电话没事，我五点钟就起床了。']])).toContain('early_morning');
  });
});

describe('a time that is not for being reached', () => {
  it('the time of a visit the staff invited', () => {
    expect(times([['staff', '您这周过来网点签个字吧，哪天合适？'], ['customer', '礼拜六上午行不行？']])).toEqual([]);
    expect(times([['staff', '要不您明天下午过来一趟，我当面给您讲。'], ['customer', '下午可以，我三点左右到。']])).toEqual([]);
  });
  it('a time the customer will do something then', () => {
    expect(times([['staff', '开户在手机上就能办。'], ['customer', '好的，我晚上有空自己弄一下。']])).toEqual([]);
    expect(times([['staff', '周末有个理财讲座。'], ['customer', '周末我得陪老人去医院，去不了。']])).toEqual([]);
    expect(times([['staff', '材料我发您短信。'], ['customer', '好，我晚上给我老婆看看。']])).toEqual([]);
  });
  it('money moved over is no visit', () => {
    expect(times([['staff', '您到期后可以转过来看看。'], ['customer', '我上班忙，你晚上再打吧。']])).toContain('evening');
  });
});
