import { DatePicker, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Scope, TrendInterval } from '../api/dashboards.js';
import { useLabels } from '../app-data.js';

/** Period, channel and bucket interval shared by the dashboards. `to` is exclusive (the day after the last picked day). */
export function DashboardScope({
  scope,
  onScope,
  interval,
  onInterval,
}: {
  scope: Scope;
  onScope: (s: Scope) => void;
  interval?: TrendInterval;
  onInterval?: (i: TrendInterval) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  /** One of branch / team / staff narrows the scope (choosing one clears the others). */
  const who = scope.staffId ? `staff:${scope.staffId}` : scope.teamId ? `team:${scope.teamId}` : scope.branchId ? `branch:${scope.branchId}` : '';
  const range: [Dayjs, Dayjs] | null =
    scope.from !== undefined && scope.to !== undefined ? [dayjs(scope.from), dayjs(scope.to).subtract(1, 'day')] : null;
  return (
    <Space wrap data-testid="dashboard-scope">
      <span>{t('dash.range')}</span>
      <DatePicker.RangePicker
        value={range}
        onChange={(v) => {
          const [a, b] = v ?? [];
          const { from: _f, to: _t, ...rest } = scope;
          onScope(a && b ? { ...rest, from: a.startOf('day').valueOf(), to: b.add(1, 'day').startOf('day').valueOf() } : rest);
        }}
      />
      <Select
        style={{ width: 140 }}
        value={scope.channel ?? ''}
        onChange={(v: string) => {
          const { channel: _c, ...rest } = scope;
          onScope(v ? { ...rest, channel: v as 'phone' | 'badge' } : rest);
        }}
        options={[
          { value: '', label: t('dash.allChannels') },
          { value: 'phone', label: t('channel.phone') },
          { value: 'badge', label: t('channel.badge') },
        ]}
        data-testid="scope-channel"
      />
      <Select
        style={{ width: 200 }}
        showSearch
        optionFilterProp="label"
        value={who}
        onChange={(v: string) => {
          const { branchId: _b, teamId: _t, staffId: _s, ...rest } = scope;
          const [kind, id] = v.split(':');
          onScope(kind === 'staff' ? { ...rest, staffId: id } : kind === 'team' ? { ...rest, teamId: id } : kind === 'branch' ? { ...rest, branchId: id } : rest);
        }}
        options={[
          { value: '', label: t('dash.everyone') },
          ...labels.directory.branches.map((b) => ({ value: `branch:${b.id}`, label: `${t('dash.byBranch')} · ${labels.branch(b.id)}` })),
          ...labels.directory.teams.map((x) => ({ value: `team:${x.id}`, label: `${t('dash.byTeam')} · ${labels.team(x.id)}` })),
          ...labels.directory.staff.map((x) => ({ value: `staff:${x.id}`, label: `${t('dash.byStaff')} · ${labels.staff(x.id)}` })),
        ]}
        data-testid="scope-who"
      />
      {interval && onInterval && (
        <Radio.Group
          value={interval}
          optionType="button"
          onChange={(e) => onInterval(e.target.value as TrendInterval)}
          options={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`dash.${i}`) }))}
        />
      )}
    </Space>
  );
}

/** Axis label of a bucket start. */
export function bucketLabel(bucket: number, interval: TrendInterval): string {
  const d = dayjs(bucket);
  return interval === 'month' ? d.format('YYYY-MM') : d.format('YYYY-MM-DD');
}

/** Every bucket start between the first and last bucket present (gaps shown as empty, not skipped). */
export function bucketRange(buckets: number[], interval: TrendInterval): number[] {
  if (buckets.length === 0) return [];
  const sorted = [...new Set(buckets)].sort((a, b) => a - b);
  const out: number[] = [];
  let d = dayjs(sorted[0]);
  const last = sorted[sorted.length - 1]!;
  const unit = interval === 'day' ? 'day' : interval === 'week' ? 'week' : 'month';
  // Walk in local calendar steps; stop after a generous bound so a bad range cannot hang the page.
  for (let i = 0; d.valueOf() <= last && i < 2000; i++) {
    out.push(d.valueOf());
    d = d.add(1, unit);
  }
  // Buckets the walk did not land on exactly (offset changes) are kept as they are.
  for (const b of sorted) if (!out.includes(b)) out.push(b);
  return out.sort((a, b) => a - b);
}
