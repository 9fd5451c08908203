import { Alert, Card, Col, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { queryString } from '../api/client.js';
import { dashboardsApi, type ComplianceCounts, type ComplianceResponse, type ComplianceTrendRow, type Scope, type TrendInterval } from '../api/dashboards.js';
import type { RollupDimension, Severity } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { DashboardScope, bucketLabel, bucketRange } from '../components/DashboardScope.js';
import { EChart } from '../components/EChart.js';
import { SEVERITY_COLOURS } from '../format.js';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];
const GROUP_PARAM: Record<Exclude<RollupDimension, 'all'>, string> = { staff: 'staffId', team: 'teamId', branch: 'branchId' };

/**
 * Compliance hits by severity, rule and team / staff / branch, and over
 * time. Every count opens the conversation list filtered to exactly the
 * conversations behind it (rule or severity, group, period, channel).
 */
export function ComplianceDashboard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [scope, setScope] = useState<Scope>({});
  const [interval, setInterval] = useState<TrendInterval>('day');
  const [by, setBy] = useState<Exclude<RollupDimension, 'all'>>('team');
  const [narrow, setNarrow] = useState<{ rule?: string; severity?: string }>({});
  const [data, setData] = useState<ComplianceResponse | null>(null);
  const [trend, setTrend] = useState<ComplianceTrendRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([dashboardsApi.compliance(by, scope), dashboardsApi.complianceTrend('all', interval, scope, narrow)])
      .then(([d, tr]) => {
        if (!live) return;
        setData(d);
        setTrend(tr.rows);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [by, scope, interval, narrow]);

  /** The conversation list filtered to the conversations behind a count. */
  const drill = (extra: Record<string, string | undefined>) =>
    `/conversations${queryString({ ...scope, ...extra })}`;
  const groupName = (g: string | null) =>
    g === null ? t('dash.unattributed') : by === 'staff' ? labels.staff(g) : by === 'team' ? labels.team(g) : labels.branch(g);
  const sevTag = (s: string) => <Tag color={SEVERITY_COLOURS[s as Severity]}>{t(`severity.${s}`)}</Tag>;

  const severityOption = useMemo<EChartsOption>(() => {
    const hits = (s: Severity) => data?.bySeverity.find((r) => r.severity === s)?.hits ?? 0;
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, bottom: 30, top: 20 },
      xAxis: { type: 'category', data: SEVERITIES.map((s) => t(`severity.${s}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('compliance.hits'), data: SEVERITIES.map((s) => ({ value: hits(s), itemStyle: { color: SEVERITY_COLOURS[s] } })) }],
    };
  }, [data, t]);

  const trendOption = useMemo<EChartsOption>(() => {
    const buckets = bucketRange(trend.map((r) => r.bucket), interval);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: SEVERITIES.map((s) => t(`severity.${s}`)) },
      grid: { left: 48, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b, interval)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: SEVERITIES.map((s) => ({
        name: t(`severity.${s}`),
        type: 'line' as const,
        itemStyle: { color: SEVERITY_COLOURS[s] },
        data: buckets.map((b) => trend.filter((r) => r.bucket === b && r.severity === s).reduce((a, r) => a + r.hits, 0)),
      })),
    };
  }, [trend, interval, t]);

  const link = (n: number, extra: Record<string, string | undefined>, testId: string) => (
    <Link to={drill(extra)} data-testid={testId}>
      {n}
    </Link>
  );

  const ruleColumns: ColumnsType<Omit<ComplianceCounts, 'group'>> = [
    { title: t('compliance.rule'), dataIndex: 'rule', render: (r: string) => labels.rule(r) },
    { title: t('compliance.severity'), dataIndex: 'severity', render: sevTag },
    { title: t('compliance.hits'), dataIndex: 'hits', align: 'right', sorter: (a, b) => a.hits - b.hits, defaultSortOrder: 'descend' },
    { title: t('compliance.conversations'), key: 'conv', align: 'right', render: (_, r) => link(r.conversations, { rule: r.rule }, 'drill-rule') },
    { title: t('compliance.confirmed'), dataIndex: 'confirmed', align: 'right' },
    { title: t('compliance.dismissed'), dataIndex: 'dismissed', align: 'right' },
  ];
  const groupColumns: ColumnsType<ComplianceCounts> = [
    { title: t('compliance.group'), dataIndex: 'group', render: (g: string | null) => groupName(g) },
    { title: t('compliance.rule'), dataIndex: 'rule', render: (r: string) => labels.rule(r) },
    { title: t('compliance.severity'), dataIndex: 'severity', render: sevTag },
    { title: t('compliance.hits'), dataIndex: 'hits', align: 'right' },
    {
      title: t('compliance.conversations'),
      key: 'conv',
      align: 'right',
      render: (_, r) => link(r.conversations, { rule: r.rule, ...(r.group !== null ? { [GROUP_PARAM[by]]: r.group } : {}) }, 'drill-group'),
    },
    { title: t('compliance.confirmed'), dataIndex: 'confirmed', align: 'right' },
    { title: t('compliance.dismissed'), dataIndex: 'dismissed', align: 'right' },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4}>{t('compliance.title')}</Typography.Title>
      <DashboardScope scope={scope} onScope={setScope} interval={interval} onInterval={setInterval} />
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      {data && <Typography.Text type="secondary">{t('compliance.totalConversations', { n: data.conversations })}</Typography.Text>}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('compliance.bySeverity')}>
            <EChart option={severityOption} height={240} testId="compliance-severity-chart" />
            <Space wrap data-testid="compliance-severity">
              {SEVERITIES.map((s) => {
                const n = data?.bySeverity.find((r) => r.severity === s)?.hits ?? 0;
                return (
                  <Link key={s} to={drill({ severity: s })} data-testid={`drill-severity-${s}`}>
                    {sevTag(s)} {n}
                  </Link>
                );
              })}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('compliance.trend')}
            extra={
              <Space>
                <Select
                  style={{ width: 200 }}
                  value={narrow.rule ?? ''}
                  onChange={(v: string) => setNarrow(({ rule: _r, ...n }) => (v ? { ...n, rule: v } : n))}
                  options={[{ value: '', label: t('compliance.allRules') }, ...(data?.byRule ?? []).map((r) => ({ value: r.rule, label: labels.rule(r.rule) }))]}
                />
                <Select
                  style={{ width: 120 }}
                  value={narrow.severity ?? ''}
                  onChange={(v: string) => setNarrow(({ severity: _s, ...n }) => (v ? { ...n, severity: v } : n))}
                  options={[{ value: '', label: t('compliance.allSeverities') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]}
                />
              </Space>
            }
          >
            <EChart option={trendOption} height={280} testId="compliance-trend-chart" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('compliance.byRule')}>
        <Table
          size="small"
          data-testid="compliance-rules"
          rowKey={(r) => `${r.rule}|${r.severity}`}
          columns={ruleColumns}
          dataSource={data?.byRule ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
      <Card
        size="small"
        title={t('compliance.byGroup')}
        extra={
          <Radio.Group
            value={by}
            optionType="button"
            onChange={(e) => setBy(e.target.value as Exclude<RollupDimension, 'all'>)}
            options={[
              { value: 'branch', label: t('dash.byBranch') },
              { value: 'team', label: t('dash.byTeam') },
              { value: 'staff', label: t('dash.byStaff') },
            ]}
          />
        }
      >
        <Table
          size="small"
          data-testid="compliance-groups"
          rowKey={(r) => `${r.group ?? ''}|${r.rule}|${r.severity}`}
          columns={groupColumns}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
    </Space>
  );
}
