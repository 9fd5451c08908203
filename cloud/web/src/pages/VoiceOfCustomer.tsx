import { Alert, Button, Card, List, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardsApi, type Scope, type VocListItem } from '../api/dashboards.js';
import { useLabels } from '../app-data.js';
import { DashboardScope } from '../components/DashboardScope.js';
import { lineLink } from '../conversation-link.js';
import { formatTime } from '../format.js';

const KINDS = ['negative', 'question', 'positive', 'suggestion'] as const;
const KIND_COLOURS: Record<string, string> = { positive: 'green', negative: 'red', question: 'blue', suggestion: 'gold' };
const PAGE = 30;

/** Praise, complaints, questions and suggestions in the customers' own words, each opening its conversation at that line. */
export function VoiceOfCustomer() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [scope, setScope] = useState<Scope>({});
  const [kind, setKind] = useState<string>('all');
  const [items, setItems] = useState<VocListItem[]>([]);
  const [counts, setCounts] = useState<Record<string, { items: number; conversations: number }>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(more: boolean) {
    setLoading(true);
    try {
      const page = await dashboardsApi.voc(scope, kind === 'all' ? undefined : kind, PAGE, more ? (cursor ?? undefined) : undefined);
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setCounts(Object.fromEntries(page.counts.map((c) => [c.kind, c])));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(false); // first page again whenever the filter changes
  }, [scope, kind]);

  const total = Object.values(counts).reduce((a, c) => a + c.items, 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4}>{t('voc.title')}</Typography.Title>
      <DashboardScope scope={scope} onScope={setScope} />
      {error && <Alert type="error" message={t('error.load', { message: error })} />}
      <Card size="small">
        <Tabs
          activeKey={kind}
          onChange={setKind}
          data-testid="voc-tabs"
          items={[
            { key: 'all', label: `${t('voc.all')} (${total})` },
            ...KINDS.map((k) => ({ key: k, label: <span data-testid={`voc-tab-${k}`}>{`${t(`voc.${k}`)} (${counts[k]?.items ?? 0})`}</span> })),
          ]}
        />
        {kind !== 'all' && counts[kind] && (
          <Typography.Text type="secondary">{t('voc.inConversations', { n: counts[kind]!.conversations })}</Typography.Text>
        )}
        <List
          data-testid="voc-list"
          loading={loading}
          locale={{ emptyText: t('voc.empty') }}
          dataSource={items}
          renderItem={(v) => (
            <List.Item
              data-testid="voc-item"
              actions={[
                <Link key="open" to={lineLink(v.conversationId, v.segment)} data-testid="voc-open">
                  {t('voc.open')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={KIND_COLOURS[v.kind]}>{t(`voc.${v.kind}`, { defaultValue: v.kind })}</Tag>
                    <Link to={lineLink(v.conversationId, v.segment)} className="voc-quote">
                      「{v.quote ?? v.text}」
                    </Link>
                  </Space>
                }
                description={
                  <Space wrap size="small">
                    <span>{v.text}</span>
                    <Tag>{t(`channel.${v.channel}`)}</Tag>
                    <span>{formatTime(v.startedAt)}</span>
                    <span>{labels.staff(v.staffId)}</span>
                    {v.customerId && <Link to={`/customers/${encodeURIComponent(v.customerId)}`}>{v.customerId}</Link>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
        {cursor && (
          <Button onClick={() => void load(true)} loading={loading} data-testid="voc-more">
            {t('voc.more')}
          </Button>
        )}
      </Card>
    </Space>
  );
}
