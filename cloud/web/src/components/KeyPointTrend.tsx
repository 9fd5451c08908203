import { Card, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { queryString } from '../api/client.js';
import { dashboardsApi, type KeyPointTrendRateRow, type TrendInterval } from '../api/dashboards.js';
import type { RollupDimension } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { formatRate } from '../format.js';
import { bucketLabel, bucketRange } from './DashboardScope.js';
import { EChart } from './EChart.js';

const GROUP_PARAM: Record<Exclude<RollupDimension, 'all'>, string> = { staff: 'staffId', team: 'teamId', branch: 'branchId' };

interface Pooled {
  bucket: number;
  applicable: number;
  raised: number;
  toStandard: number;
}

/**
 * 开口率 / 执行率 of one key point over time, for everyone (pooled counts)
 * or one team / staff member / branch. The table under the chart keeps every
 * numerator and denominator visible, each linking to its conversations.
 */
export function KeyPointTrend({ by, points }: { by: RollupDimension; points: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [interval, setInterval] = useState<TrendInterval>('week');
  const [point, setPoint] = useState<string | undefined>(undefined);
  const [group, setGroup] = useState<string | null>(null);
  const [rows, setRows] = useState<KeyPointTrendRateRow[]>([]);
  const chosen = point ?? points[0];

  useEffect(() => setGroup(null), [by]);
  useEffect(() => {
    if (!chosen) return;
    let live = true;
    dashboardsApi
      .keyPointTrend(by, interval, {}, chosen)
      .then((r) => live && setRows(r.rows))
      .catch((err: unknown) => console.error('key-point trend failed to load', err));
    return () => {
      live = false;
    };
  }, [by, interval, chosen]);

  const groups = useMemo(() => [...new Set(rows.map((r) => r.group).filter((g): g is string => g !== null))], [rows]);
  const groupName = (g: string) => (by === 'staff' ? labels.staff(g) : by === 'team' ? labels.team(g) : by === 'branch' ? labels.branch(g) : t('dash.byAll'));

  // Pool the chosen group's rows (or all of them) per bucket: sums of counts, never averages of rates.
  const pooled = useMemo<Pooled[]>(() => {
    const m = new Map<number, Pooled>();
    for (const r of rows) {
      if (group !== null && r.group !== group) continue;
      const acc = m.get(r.bucket) ?? { bucket: r.bucket, applicable: 0, raised: 0, toStandard: 0 };
      acc.applicable += r.applicable;
      acc.raised += r.raised;
      acc.toStandard += r.toStandard;
      m.set(r.bucket, acc);
    }
    return bucketRange([...m.keys()], interval).map((b) => m.get(b) ?? { bucket: b, applicable: 0, raised: 0, toStandard: 0 });
  }, [rows, group, interval]);

  const option = useMemo<EChartsOption>(() => {
    const rate = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const i = list[0]?.dataIndex ?? 0;
          const p = pooled[i];
          if (!p) return '';
          return [
            bucketLabel(p.bucket, interval),
            `${t('kp.openingRate')}: ${formatRate(p.applicable ? p.raised / p.applicable : null, t('dash.na'))} (${p.raised}/${p.applicable})`,
            `${t('kp.executionRate')}: ${formatRate(p.applicable ? p.toStandard / p.applicable : null, t('dash.na'))} (${p.toStandard}/${p.applicable})`,
          ].join('<br/>');
        },
      },
      legend: { data: [t('kp.openingRate'), t('kp.executionRate')] },
      grid: { left: 48, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: pooled.map((p) => bucketLabel(p.bucket, interval)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('kp.openingRate'), type: 'line', connectNulls: false, data: pooled.map((p) => rate(p.raised, p.applicable)) },
        { name: t('kp.executionRate'), type: 'line', connectNulls: false, data: pooled.map((p) => rate(p.toStandard, p.applicable)) },
      ],
    };
  }, [pooled, interval, t]);

  const unit = interval === 'day' ? 'day' : interval === 'week' ? 'week' : 'month';
  const drill = (p: Pooled, extra: Record<string, boolean>) => {
    const params: Record<string, string | number | boolean | undefined> = {
      keyPoint: chosen,
      from: p.bucket,
      to: dayjs(p.bucket).add(1, unit).valueOf(),
      ...extra,
    };
    if (by !== 'all' && group !== null) params[GROUP_PARAM[by]] = group;
    return `/conversations${queryString(params)}`;
  };
  const columns: ColumnsType<Pooled> = [
    { title: t('dash.interval'), dataIndex: 'bucket', render: (b: number) => bucketLabel(b, interval) },
    { title: t('kp.applicable'), key: 'a', align: 'right', render: (_, p) => <Link to={drill(p, {})} data-testid="trend-drill-applicable">{p.applicable}</Link> },
    { title: t('kp.raised'), key: 'r', align: 'right', render: (_, p) => <Link to={drill(p, { raised: true })}>{p.raised}</Link> },
    { title: t('kp.toStandard'), key: 's', align: 'right', render: (_, p) => <Link to={drill(p, { toStandard: true })}>{p.toStandard}</Link> },
    {
      title: t('kp.openingRate'),
      key: 'or',
      align: 'right',
      render: (_, p) => `${formatRate(p.applicable ? p.raised / p.applicable : null, t('dash.na'))} (${p.raised}/${p.applicable})`,
    },
    {
      title: t('kp.executionRate'),
      key: 'er',
      align: 'right',
      render: (_, p) => `${formatRate(p.applicable ? p.toStandard / p.applicable : null, t('dash.na'))} (${p.toStandard}/${p.applicable})`,
    },
  ];

  return (
    <Card size="small" title={t('kpTrend.title')} data-testid="keypoint-trend">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t('kpTrend.point')}</span>
        <Select
          style={{ width: 200 }}
          value={chosen}
          onChange={setPoint}
          options={points.map((p) => ({ value: p, label: labels.keyPoint(p) }))}
          data-testid="trend-point"
        />
        {by !== 'all' && (
          <>
            <span>{t('kpTrend.group')}</span>
            <Select
              style={{ width: 180 }}
              value={group ?? ''}
              onChange={(v: string) => setGroup(v || null)}
              options={[{ value: '', label: t('kpTrend.allGroups') }, ...groups.map((g) => ({ value: g, label: groupName(g) }))]}
              data-testid="trend-group"
            />
          </>
        )}
        <Radio.Group
          value={interval}
          optionType="button"
          onChange={(e) => setInterval(e.target.value as TrendInterval)}
          options={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`dash.${i}`) }))}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('kpTrend.hint')}</Typography.Paragraph>
      <EChart option={option} height={280} testId="keypoint-trend-chart" />
      <Table<Pooled> size="small" rowKey="bucket" columns={columns} dataSource={pooled} pagination={{ pageSize: 12, hideOnSinglePage: true }} />
    </Card>
  );
}
