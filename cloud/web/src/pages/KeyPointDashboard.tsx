import { Alert, Card, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, queryString } from '../api/client.js';
import type { KeyPointRateRow, RollupDimension } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { EChart } from '../components/EChart.js';
import { KeyPointTrend } from '../components/KeyPointTrend.js';
import { formatRate } from '../format.js';

const GROUP_PARAM: Record<Exclude<RollupDimension, 'all'>, string> = { staff: 'staffId', team: 'teamId', branch: 'branchId' };

/**
 * 开口率 / 执行率 per key point, for everyone or per team / staff / branch.
 * Every count links to the conversations behind it: the denominator (the
 * applicable sessions), the raised ones and the ones done to standard.
 */
export function KeyPointDashboard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [by, setBy] = useState<RollupDimension>('team');
  const [rows, setRows] = useState<KeyPointRateRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [chartGroup, setChartGroup] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .keyPoints(by)
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setChartGroup(null);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [by]);

  const groupName = (g: string | null) => {
    if (g === null) return t('kp.unattributed');
    if (by === 'all') return t('kp.byAll');
    return by === 'staff' ? labels.staff(g) : by === 'team' ? labels.team(g) : labels.branch(g);
  };
  const groups = useMemo(() => [...new Set(rows.map((r) => r.group))], [rows]);

  function drill(row: KeyPointRateRow, extra: Record<string, boolean>) {
    const params: Record<string, string | boolean | undefined> = { keyPoint: row.point, ...extra };
    if (by !== 'all' && row.group !== null) params[GROUP_PARAM[by]] = row.group;
    return `/conversations${queryString(params)}`;
  }

  // The chart pools the groups (sums of counts, never averages of rates) unless one group is chosen.
  const chartRows = useMemo(() => {
    const byPoint = new Map<string, { applicable: number; raised: number; toStandard: number }>();
    for (const r of rows) {
      if (chartGroup !== null && r.group !== chartGroup) continue;
      const acc = byPoint.get(r.point) ?? { applicable: 0, raised: 0, toStandard: 0 };
      acc.applicable += r.applicable;
      acc.raised += r.raised;
      acc.toStandard += r.toStandard;
      byPoint.set(r.point, acc);
    }
    return [...byPoint.entries()];
  }, [rows, chartGroup]);

  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : t('kp.na')),
      },
      legend: { data: [t('kp.openingRate'), t('kp.executionRate')] },
      grid: { left: 48, right: 16, bottom: 90, top: 40 },
      xAxis: { type: 'category', data: chartRows.map(([p]) => labels.keyPoint(p)), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('kp.openingRate'), type: 'bar', data: chartRows.map(([, c]) => (c.applicable ? (100 * c.raised) / c.applicable : null)) },
        { name: t('kp.executionRate'), type: 'bar', data: chartRows.map(([, c]) => (c.applicable ? (100 * c.toStandard) / c.applicable : null)) },
      ],
    }),
    [chartRows, labels, t],
  );

  const count = (row: KeyPointRateRow, n: number, extra: Record<string, boolean>, testId: string) => (
    <Link to={drill(row, extra)} data-testid={testId}>
      {n}
    </Link>
  );
  const columns: ColumnsType<KeyPointRateRow> = [
    { title: t('kp.point'), dataIndex: 'point', render: (p: string) => labels.keyPoint(p) },
    ...(by === 'all' ? [] : [{ title: t('kp.group'), dataIndex: 'group', render: (g: string | null) => groupName(g) }]),
    { title: t('kp.applicable'), key: 'applicable', align: 'right', render: (_, r) => count(r, r.applicable, {}, 'drill-applicable') },
    { title: t('kp.raised'), key: 'raised', align: 'right', render: (_, r) => count(r, r.raised, { raised: true }, 'drill-raised') },
    { title: t('kp.toStandard'), key: 'toStandard', align: 'right', render: (_, r) => count(r, r.toStandard, { toStandard: true }, 'drill-standard') },
    {
      title: t('kp.openingRate'),
      key: 'openingRate',
      align: 'right',
      render: (_, r) => (
        <span title={`${r.raised}/${r.applicable}`}>
          {formatRate(r.openingRate, t('kp.na'))} <Typography.Text type="secondary">({r.raised}/{r.applicable})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('kp.executionRate'),
      key: 'executionRate',
      align: 'right',
      render: (_, r) => (
        <span>
          {formatRate(r.executionRate, t('kp.na'))} <Typography.Text type="secondary">({r.toStandard}/{r.applicable})</Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4}>{t('kp.title')}</Typography.Title>
      <Space wrap>
        <span>{t('kp.by')}</span>
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value as RollupDimension)}
          options={[
            { value: 'all', label: t('kp.byAll') },
            { value: 'branch', label: t('kp.byBranch') },
            { value: 'team', label: t('kp.byTeam') },
            { value: 'staff', label: t('kp.byStaff') },
          ]}
          optionType="button"
        />
        {by !== 'all' && (
          <>
            <span>{t('kp.chartGroup')}</span>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('kp.byAll')}
              value={chartGroup ?? undefined}
              onChange={(v?: string) => setChartGroup(v ?? null)}
              options={groups.filter((g): g is string => g !== null).map((g) => ({ value: g, label: groupName(g) }))}
            />
          </>
        )}
      </Space>
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      <Card size="small">
        <EChart option={option} testId="keypoint-chart" />
      </Card>
      <KeyPointTrend by={by} points={[...new Set(rows.map((r) => r.point))]} />
      <Table<KeyPointRateRow>
        data-testid="keypoint-table"
        size="small"
        rowKey={(r) => `${r.point}|${r.group ?? ''}`}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </Space>
  );
}
