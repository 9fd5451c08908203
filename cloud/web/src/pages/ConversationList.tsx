import { Alert, Button, Cascader, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type ListParams } from '../api/client.js';
import type { ConversationListItem } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { formatDuration, formatTime } from '../format.js';

const PAGE_SIZE = 20;
/** URL parameters that are list filters (the URL is the filter state, so drill-down links and reloads keep it). */
const FILTER_KEYS = ['channel', 'branchId', 'teamId', 'staffId', 'from', 'to', 'tag', 'severity', 'reviewState', 'hasGaps', 'keyPoint', 'raised', 'toStandard', 'rule', 'q', 'mode'] as const;

function paramsFromUrl(sp: URLSearchParams): ListParams {
  const p: ListParams = {};
  const str = (k: string) => sp.get(k) ?? undefined;
  const bool = (k: string) => (sp.get(k) === 'true' ? true : sp.get(k) === 'false' ? false : undefined);
  const num = (k: string) => (sp.get(k) ? Number(sp.get(k)) : undefined);
  Object.assign(p, {
    channel: str('channel'),
    branchId: str('branchId'),
    teamId: str('teamId'),
    staffId: str('staffId'),
    from: num('from'),
    to: num('to'),
    tag: str('tag'),
    severity: str('severity'),
    reviewState: str('reviewState'),
    hasGaps: bool('hasGaps'),
    keyPoint: str('keyPoint'),
    rule: str('rule'),
    raised: bool('raised'),
    toStandard: bool('toStandard'),
    q: str('q'),
    mode: (str('mode') as ListParams['mode']) ?? undefined,
  });
  return p;
}

export function ConversationList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => paramsFromUrl(sp), [sp]);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [items, setItems] = useState<ConversationListItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [searchText, setSearchText] = useState(filters.q ?? '');
  const cursor = cursors[cursors.length - 1];

  // A new filter starts again at the first page.
  useEffect(() => setCursors([undefined]), [sp]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .listConversations({ ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filters, cursor]);

  function setFilter(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setSp(next);
  }

  const tagOptions = Object.entries(labels.taxonomy.profile).flatMap(([family, tags]) =>
    Object.entries(tags).map(([tag, def]) => ({
      value: `${family}.${tag}`,
      label: labels.tag(family, tag),
      children: Object.keys(def.values).map((v) => ({ value: v, label: labels.tagValue(family, tag, v) })),
    })),
  );
  const tagValue = filters.tag ? filters.tag.split('=') : undefined;

  const columns: ColumnsType<ConversationListItem> = [
    {
      title: t('list.time'),
      dataIndex: 'startedAt',
      render: (v: number, c) => <Link to={`/conversations/${encodeURIComponent(c.id)}`}>{formatTime(v)}</Link>,
    },
    { title: t('list.channel'), dataIndex: 'channel', render: (v: 'phone' | 'badge') => <Tag color={v === 'badge' ? 'purple' : 'blue'}>{t(`channel.${v}`)}</Tag> },
    { title: t('list.branch'), dataIndex: 'branchId', render: (v: string | null) => labels.branch(v) },
    { title: t('list.team'), dataIndex: 'teamId', render: (v: string | null) => labels.team(v) },
    { title: t('list.staff'), dataIndex: 'staffId', render: (v: string | null) => labels.staff(v) },
    { title: t('list.customer'), dataIndex: 'customerId', render: (v: string | null) => v ?? '—' },
    { title: t('list.duration'), dataIndex: 'durationMs', render: (v: number | null) => formatDuration(v) },
    { title: t('list.status'), dataIndex: 'state', render: (v: string) => t(`state.${v}`) },
    { title: t('list.gaps'), dataIndex: 'gaps', render: (g: unknown[]) => (g.length > 0 ? <Tag color="red">{g.length}</Tag> : null) },
    ...(filters.q
      ? [
          {
            title: t('list.matches'),
            key: 'matches',
            render: (_: unknown, c: ConversationListItem) => (
              <div className="match-lines">
                {(c.matches ?? []).map((m) => (
                  <div key={m.index}>{m.text}</div>
                ))}
              </div>
            ),
          },
        ]
      : []),
  ];

  const dates = filters.from !== undefined && filters.to !== undefined ? ([dayjs(filters.from), dayjs(filters.to)] as const) : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap className="filters">
        <Input.Search
          data-testid="search"
          allowClear
          placeholder={t('list.search')}
          style={{ width: 280 }}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
        <Select
          style={{ width: 90 }}
          value={filters.mode ?? 'pinyin'}
          onChange={(v) => setFilter({ mode: v === 'pinyin' ? undefined : v })}
          options={(['pinyin', 'exact', 'fuzzy'] as const).map((m) => ({ value: m, label: t(`list.mode.${m}`) }))}
        />
        <Select
          data-testid="filter-channel"
          allowClear
          placeholder={t('list.channel')}
          style={{ width: 110 }}
          value={filters.channel}
          onChange={(v?: string) => setFilter({ channel: v })}
          options={(['phone', 'badge'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('list.branch')}
          style={{ width: 140 }}
          value={filters.branchId}
          onChange={(v?: string) => setFilter({ branchId: v })}
          options={labels.directory.branches.map((b) => ({ value: b.id, label: b.name ?? b.id }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('list.team')}
          style={{ width: 140 }}
          value={filters.teamId}
          onChange={(v?: string) => setFilter({ teamId: v })}
          options={labels.directory.teams.map((b) => ({ value: b.id, label: b.name ?? b.id }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('list.staff')}
          style={{ width: 140 }}
          value={filters.staffId}
          onChange={(v?: string) => setFilter({ staffId: v })}
          options={labels.directory.staff.map((b) => ({ value: b.id, label: b.name ?? b.id }))}
        />
        <DatePicker.RangePicker
          value={dates ? [dates[0], dates[1]] : null}
          onChange={(r) =>
            setFilter({
              from: r?.[0] ? String(r[0].startOf('day').valueOf()) : undefined,
              to: r?.[1] ? String(r[1].endOf('day').valueOf()) : undefined,
            })
          }
        />
        <Cascader
          placeholder={t('list.tag')}
          style={{ width: 220 }}
          options={tagOptions}
          changeOnSelect
          showSearch
          value={tagValue}
          onChange={(v) => setFilter({ tag: v && v.length > 0 ? (v.length === 2 ? `${v[0]}=${v[1]}` : String(v[0])) : undefined })}
        />
        <Select
          data-testid="filter-severity"
          allowClear
          placeholder={t('list.severity')}
          style={{ width: 130 }}
          value={filters.severity}
          onChange={(v?: string) => setFilter({ severity: v })}
          options={(['critical', 'high', 'medium', 'low'] as const).map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('list.reviewState')}
          style={{ width: 120 }}
          value={filters.reviewState}
          onChange={(v?: string) => setFilter({ reviewState: v })}
          options={(['pending', 'confirmed', 'dismissed'] as const).map((s) => ({ value: s, label: t(`review.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('list.hasGaps')}
          style={{ width: 120 }}
          value={filters.hasGaps === undefined ? undefined : String(filters.hasGaps)}
          onChange={(v?: string) => setFilter({ hasGaps: v })}
          options={[
            { value: 'true', label: t('list.gapsYes') },
            { value: 'false', label: t('list.gapsNo') },
          ]}
        />
        {filters.rule && (
          <Tag closable onClose={() => setFilter({ rule: undefined })} data-testid="rule-filter">
            {t('compliance.rule')}: {labels.rule(filters.rule)}
          </Tag>
        )}
        {filters.keyPoint && (
          <Tag closable onClose={() => setFilter({ keyPoint: undefined, raised: undefined, toStandard: undefined })} data-testid="keypoint-filter">
            {t('list.keyPoint')}: {labels.keyPoint(filters.keyPoint)}
            {filters.raised !== undefined && ` · ${filters.raised ? t('list.raised') : t('list.notRaised')}`}
            {filters.toStandard !== undefined && ` · ${filters.toStandard ? t('list.toStandard') : t('list.notToStandard')}`}
          </Tag>
        )}
        <Button
          onClick={() => {
            setSearchText('');
            setFilter(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
          }}
        >
          {t('list.clear')}
        </Button>
      </Space>
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      <Table<ConversationListItem>
        data-testid="conversation-table"
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
      />
      <Space>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('list.prev')}
        </Button>
        <Typography.Text>{t('list.page', { n: cursors.length })}</Typography.Text>
        <Button disabled={!nextCursor} onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}>
          {t('list.next')}
        </Button>
      </Space>
    </Space>
  );
}
