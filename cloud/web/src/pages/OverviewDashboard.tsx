import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardsApi, type OverviewResponse, type Scope, type TrendInterval } from '../api/dashboards.js';
import { DashboardScope, bucketLabel, bucketRange } from '../components/DashboardScope.js';
import { EChart } from '../components/EChart.js';
import { formatDuration } from '../format.js';

function ChangeTag({ value, none }: { value: number | null; none: string }) {
  if (value === null) return <Typography.Text type="secondary">{none}</Typography.Text>;
  const pct = `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  return <Typography.Text type={value > 0 ? 'success' : value < 0 ? 'danger' : 'secondary'}>{pct}</Typography.Text>;
}

/** Sessions, customers, average duration, week over week, per channel and over time. */
export function OverviewDashboard() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>({});
  const [interval, setInterval] = useState<TrendInterval>('day');
  const [data, setData] = useState<OverviewResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    dashboardsApi
      .overview(scope, interval)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [scope, interval]);

  const option = useMemo<EChartsOption>(() => {
    const rows = data?.trend ?? [];
    const buckets = bucketRange(rows.map((r) => r.bucket), interval);
    const series = (['phone', 'badge'] as const).map((channel) => ({
      name: t(`channel.${channel}`),
      type: 'bar' as const,
      stack: 'conversations',
      data: buckets.map((b) => rows.find((r) => r.bucket === b && r.channel === channel)?.conversations ?? 0),
    }));
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: series.map((s) => s.name) },
      grid: { left: 48, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b, interval)) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [data, interval, t]);

  const wow = data?.weekOverWeek;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4}>{t('overview.title')}</Typography.Title>
      <DashboardScope scope={scope} onScope={setScope} interval={interval} onInterval={setInterval} />
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card size="small">
            <div data-testid="overview-conversations">
              <Statistic title={t('overview.conversations')} value={data?.totals.conversations ?? 0} />
            </div>
            {wow && <ChangeTag value={wow.change.conversations} none={t('overview.noChange')} />}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('overview.customers')} value={data?.totals.customers ?? 0} />
            {wow && <ChangeTag value={wow.change.customers} none={t('overview.noChange')} />}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('overview.avgDuration')} value={formatDuration(data?.totals.avgDurationMs ?? null)} />
            {wow && <ChangeTag value={wow.change.avgDurationMs} none={t('overview.noChange')} />}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('overview.weekOverWeek')}>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              data-testid="overview-wow"
              dataSource={
                wow
                  ? [
                      { key: 'conversations', label: t('overview.conversations'), cur: String(wow.current.conversations), prev: String(wow.previous.conversations), change: wow.change.conversations },
                      { key: 'customers', label: t('overview.customers'), cur: String(wow.current.customers), prev: String(wow.previous.customers), change: wow.change.customers },
                      { key: 'duration', label: t('overview.avgDuration'), cur: formatDuration(wow.current.avgDurationMs), prev: formatDuration(wow.previous.avgDurationMs), change: wow.change.avgDurationMs },
                    ]
                  : []
              }
              columns={[
                { title: '', dataIndex: 'label' },
                { title: t('overview.lastWeek'), dataIndex: 'cur', align: 'right' },
                { title: t('overview.previousWeek'), dataIndex: 'prev', align: 'right' },
                { title: '', dataIndex: 'change', align: 'right', render: (v: number | null) => <ChangeTag value={v} none={t('overview.noChange')} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('overview.byChannel')}>
            <Table
              size="small"
              pagination={false}
              rowKey="channel"
              data-testid="overview-channels"
              dataSource={data?.byChannel ?? []}
              columns={[
                { title: t('dash.channel'), dataIndex: 'channel', render: (c: string) => t(`channel.${c}`) },
                { title: t('overview.conversations'), dataIndex: 'conversations', align: 'right' },
                { title: t('overview.customers'), dataIndex: 'customers', align: 'right' },
                { title: t('overview.avgDuration'), dataIndex: 'avgDurationMs', align: 'right', render: (v: number | null) => formatDuration(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('overview.trend')}>
        <EChart option={option} testId="overview-trend" />
      </Card>
    </Space>
  );
}
