import { describe, expect, it } from 'vitest';
import { normalizeMapped, type Quantity } from '../../src/normalize/index.js';

const q = (text: string): Pick<Quantity, 'kind' | 'value' | 'max' | 'text'>[] =>
  normalizeMapped(text).quantities.map(({ kind, value, max, text: t }) => ({ kind, value, max, text: t }));

describe('quantities', () => {
  it('finds amounts in yuan', () => {
    expect(q('我有五十万')).toEqual([{ kind: 'amount', value: 500_000, max: 500_000, text: '五十万' }]);
    expect(q('两三万吧')).toEqual([{ kind: 'amount', value: 20_000, max: 30_000, text: '两三万' }]);
    expect(q('转了3000元')).toEqual([{ kind: 'amount', value: 3000, max: 3000, text: '3000元' }]);
    expect(q('十来万')).toEqual([{ kind: 'amount', value: 100_000, max: 100_000, text: '十来万' }]);
  });

  it('does not read ids or times as money', () => {
    expect(q('工号三八一二').filter((x) => x.kind === 'amount')).toEqual([]);
  });

  it('finds durations in days', () => {
    expect(q('放三个月')).toEqual([{ kind: 'duration', value: 90, max: 90, text: '三个月' }]);
    expect(q('存个三年')).toEqual([{ kind: 'duration', value: 1095, max: 1095, text: '三年' }]);
    expect(q('放半年到一年都行')).toEqual([{ kind: 'duration', value: 180, max: 365, text: '半年到一年' }]);
    expect(q('四五个月')).toEqual([{ kind: 'duration', value: 120, max: 150, text: '四五个月' }]);
    expect(q('三月份').filter((x) => x.kind === 'duration')).toEqual([]);
    // a word that starts with 年 after a count is no span of years (一个年费, 两年级, 一年终奖)
    expect(q('多了一个年费').filter((x) => x.kind === 'duration')).toEqual([]);
    expect(q('孩子上二年级').filter((x) => x.kind === 'duration')).toEqual([]);
    // an approximate count reads as its lower bound
    expect(q('起码十几年用不上')).toEqual([{ kind: 'duration', value: 3650, max: 3650, text: '十几年' }]);
    expect(q('二十来天')).toEqual([{ kind: 'duration', value: 20, max: 20, text: '二十来天' }]);
  });

  it('reads spoken horizons and more-than counts', () => {
    expect(q('个把月就要用')).toEqual([{ kind: 'duration', value: 30, max: 30, text: '个把月' }]);
    expect(q('一年半载用不到')).toEqual([{ kind: 'duration', value: 180, max: 365, text: '一年半载' }]);
    expect(q('十天半个月')).toEqual([{ kind: 'duration', value: 10, max: 15, text: '十天半个月' }]);
    expect(q('放一年以上')).toEqual([{ kind: 'duration', value: 365, max: 547.5, text: '一年以上' }]);
    expect(q('两年多')).toEqual([{ kind: 'duration', value: 730, max: 912.5, text: '两年多' }]);
    expect(q('一年半')).toEqual([{ kind: 'duration', value: 545, max: 545, text: '一年半' }]);    // most of a year is more than half a year; not quite half a year is less
    expect(q('放个大半年吧')).toEqual([{ kind: 'duration', value: 210, max: 330, text: '大半年' }]);
    expect(q('小半年用不上')).toEqual([{ kind: 'duration', value: 120, max: 170, text: '小半年' }]);
    expect(q('大半个月就要用')).toEqual([{ kind: 'duration', value: 20, max: 25, text: '大半个月' }]);
    expect(q('小半个月')).toEqual([{ kind: 'duration', value: 10, max: 14, text: '小半个月' }]);
    expect(q('半年以上一年以内都中')).toEqual([{ kind: 'duration', value: 180, max: 365, text: '半年以上一年' }]);
  });

  it('does not read idioms of frequency as horizons', () => {
    expect(q('一年到头也没见几个').filter((x) => x.kind === 'duration')).toEqual([]);
    expect(q('三天两头打电话').filter((x) => x.kind === 'duration')).toEqual([]);
    expect(q('一天到晚催我').filter((x) => x.kind === 'duration')).toEqual([]);
  });

  it('reads N个半 as a rate only next to a rate or contentment', () => {
    expect(q('一年期的话，三个半左右我就满意了').filter((x) => x.kind === 'percent')).toEqual([{ kind: 'percent', value: 3.5, max: 3.5, text: '三个半' }]);
    expect(q('收益有个三个半')).toEqual([{ kind: 'percent', value: 3.5, max: 3.5, text: '三个半' }]);
    expect(q('排了三个半小时')).toEqual([]);
    expect(q('来了三个半，还有两个没到')).toEqual([]);
    expect(q('能有个三点二我就满意了')).toEqual([{ kind: 'percent', value: 3.2, max: 3.2, text: '三点二' }]);
    expect(q('体重一百二十五点五就满意了')).toEqual([]);
  });

  it('finds percentages in their spoken forms', () => {
    expect(q('百分之三')).toEqual([{ kind: 'percent', value: 3, max: 3, text: '百分之三' }]);
    expect(q('三点五个点')).toEqual([{ kind: 'percent', value: 3.5, max: 3.5, text: '三点五个点' }]);
    expect(q('2%-3%')).toEqual([{ kind: 'percent', value: 2, max: 3, text: '2%-3%' }]);
    expect(q('亏了三成')).toEqual([{ kind: 'percent', value: 30, max: 30, text: '三成' }]);
    expect(q('收益起码得三点五吧')).toEqual([{ kind: 'percent', value: 3.5, max: 3.5, text: '三点五' }]);
  });
});

describe('half points', () => {
  it('reads the spoken 三个二 as 3.2% only after a rate word', () => {
    expect(q('一年三个二，比定期高')).toEqual([{ kind: 'duration', value: 365, max: 365, text: '一年' }, { kind: 'percent', value: 3.2, max: 3.2, text: '三个二' }]);
    expect(q('利率两个八')).toEqual([{ kind: 'percent', value: 2.8, max: 2.8, text: '两个八' }]);
    expect(q('买了三个二手房').filter((x) => x.kind === 'percent')).toEqual([]);
  });

  it('reads 两个半点 as 2.5%', () => {
    expect(q('年化两个半点就行')).toEqual([{ kind: 'percent', value: 2.5, max: 2.5, text: '两个半点' }]);
  });
});

describe('a floor on a rate after the rate word', () => {
  it('reads 至少二点五 as 2.5% in the clause after 收益', () => {
    expect(q('想找个收益好点的，至少得二点五以上吧').filter((x) => x.kind === 'percent')).toEqual([{ kind: 'percent', value: 2.5, max: 2.5, text: '二点五' }]);
  });
  it('does not read a floor without a rate word, or a large number, as a rate', () => {
    expect(q('至少得二点五公里吧').filter((x) => x.kind === 'percent')).toEqual([]);
    expect(q('收益嘛，至少二十万本金').filter((x) => x.kind === 'percent')).toEqual([]);
  });
  it('does not read one rate twice', () => {
    expect(q('收益起码得三点五').filter((x) => x.kind === 'percent')).toHaveLength(1);
  });
});
