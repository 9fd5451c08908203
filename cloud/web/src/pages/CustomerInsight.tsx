import { Alert, Button, Card, Cascader, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { dashboardsApi, type CustomerListing } from '../api/dashboards.js';
import { useLabels } from '../app-data.js';
import { formatTime } from '../format.js';

const PAGE_SIZE = 20;
const ANY = '*';

/**
 * Customers filtered by their current profile tags (every condition must
 * hold), paged on the server, and the same list as a CSV download. The
 * conditions live in the URL (`tag=family.tag` or `tag=family.tag=value`).
 */
export function CustomerInsight() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [sp, setSp] = useSearchParams();
  const tags = useMemo(() => sp.getAll('tag'), [sp]);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [items, setItems] = useState<CustomerListing[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors([undefined]), [sp]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    dashboardsApi
      .customers(tags, PAGE_SIZE, cursor)
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setTotal(page.total ?? null);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tags, cursor]);

  function setTags(next: string[]) {
    const q = new URLSearchParams();
    for (const x of [...new Set(next)]) q.append('tag', x);
    setSp(q);
  }

  const options = Object.entries(labels.taxonomy.profile).flatMap(([family, defs]) =>
    Object.entries(defs).map(([tag, def]) => ({
      value: `${family}.${tag}`,
      label: labels.tag(family, tag),
      children: [{ value: ANY, label: t('insight.anyValue') }, ...Object.keys(def.values).map((v) => ({ value: v, label: labels.tagValue(family, tag, v) }))],
    })),
  );
  const conditionLabel = (c: string) => {
    const [path = '', value] = c.split('=');
    const [family = '', tag = ''] = path.split('.');
    return `${labels.tag(family, tag)}：${value ? labels.tagValue(family, tag, value) : t('insight.anyValue')}`;
  };

  const columns: ColumnsType<CustomerListing> = [
    {
      title: t('insight.customer'),
      dataIndex: 'id',
      render: (id: string, c) => (
        <Link to={`/customers/${encodeURIComponent(id)}`} data-testid="insight-customer">
          {c.name ?? id}
        </Link>
      ),
    },
    { title: t('insight.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    {
      title: t('insight.tags'),
      dataIndex: 'current',
      render: (cur: CustomerListing['current']) => (
        <Space wrap size={[0, 4]}>
          {cur.map((x) => (
            <Tag key={`${x.family}.${x.tag}=${x.value}`} color={tags.some((c) => c === `${x.family}.${x.tag}=${x.value}` || c === `${x.family}.${x.tag}`) ? 'blue' : undefined}>
              {labels.tag(x.family, x.tag)}：{labels.tagValue(x.family, x.tag, x.value)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('insight.conversations'), dataIndex: 'conversations', align: 'right' },
    { title: t('insight.lastConversation'), dataIndex: 'lastConversationAt', render: (v: number | null) => (v === null ? '—' : formatTime(v)) },
    { title: t('insight.channels'), dataIndex: 'channels', render: (cs: string[]) => cs.map((c) => <Tag key={c}>{t(`channel.${c}`)}</Tag>) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4}>{t('insight.title')}</Typography.Title>
      <Card size="small" title={t('insight.filters')}>
        <Space wrap data-testid="insight-filters">
          {tags.map((c) => (
            <Tag key={c} closable onClose={() => setTags(tags.filter((x) => x !== c))} data-testid="insight-condition">
              {conditionLabel(c)}
            </Tag>
          ))}
          <Cascader
            data-testid="insight-add"
            style={{ width: 280 }}
            placeholder={t('insight.addTag')}
            options={options}
            value={[]}
            showSearch
            onChange={(v) => {
              const [path, value] = (v ?? []) as string[];
              if (path) setTags([...tags, value && value !== ANY ? `${path}=${value}` : path]);
            }}
          />
          <Button
            href={dashboardsApi.customersCsvUrl(tags, i18n.language)}
            download
            data-testid="insight-export"
          >
            {t('insight.export')}
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      {total !== null && <Typography.Text data-testid="insight-total">{t('insight.total', { n: total })}</Typography.Text>}
      <Table<CustomerListing>
        data-testid="insight-table"
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('insight.empty') }}
      />
      <Space>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('insight.prev')}
        </Button>
        <Button disabled={!nextCursor} onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])} data-testid="insight-next">
          {t('insight.next')}
        </Button>
      </Space>
    </Space>
  );
}
