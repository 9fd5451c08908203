import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { dashboardsApi, type ProfileSource, type TimelineItem } from '../api/dashboards.js';
import type { CustomerProfile } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { lineLink } from '../conversation-link.js';
import { SEVERITY_COLOURS, formatDuration, formatTime } from '../format.js';

const TIMELINE_PAGE = 20;

/** A customer: profile merged across phone and badge with every value's history and source quote, and their conversations over time. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const [profile, setProfile] = useState<{ customer: CustomerProfile['customer']; current: ProfileSource[]; history: ProfileSource[] } | null>(null);
  const [timeline, setTimeline] = useState<TimelineItem[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setProfile(null);
    Promise.all([dashboardsApi.profileSources(id), dashboardsApi.timeline(id, TIMELINE_PAGE)])
      .then(([p, tl]) => {
        if (!live) return;
        setProfile(p);
        setTimeline(tl.items);
        setTotal(tl.total);
        setCursor(tl.nextCursor);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [id]);

  async function more() {
    if (!cursor) return;
    try {
      const tl = await dashboardsApi.timeline(id, TIMELINE_PAGE, cursor);
      setTimeline((prev) => [...prev, ...tl.items]);
      setCursor(tl.nextCursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  if (error) return <Alert type="error" message={t('error.load', { message: error })} />;
  if (!profile) return <Spin />;

  const byTag = new Map<string, ProfileSource[]>();
  for (const o of profile.current) byTag.set(`${o.family}.${o.tag}`, [...(byTag.get(`${o.family}.${o.tag}`) ?? []), o]);
  const quoteLink = (o: ProfileSource) => (
    <Link to={lineLink(o.conversationId, o.segment)} data-testid="profile-quote">
      「{o.quote}」
    </Link>
  );

  const historyColumns: ColumnsType<ProfileSource> = [
    { title: t('customer.tag'), key: 'tag', render: (_, o) => labels.tag(o.family, o.tag) },
    {
      title: t('customer.value'),
      key: 'value',
      render: (_, o) => (
        <Space size={4}>
          <Tag color={o.current ? 'blue' : undefined}>{labels.tagValue(o.family, o.tag, o.value)}</Tag>
          <Typography.Text type="secondary">{o.current ? t('customer.current') : t('customer.superseded')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('customer.quote'), key: 'quote', render: (_, o) => quoteLink(o) },
    {
      title: t('customer.source'),
      key: 'source',
      render: (_, o) => (
        <Space size={4}>
          <Tag color={o.channel === 'badge' ? 'purple' : 'blue'}>{t(`channel.${o.channel}`, { defaultValue: o.channel })}</Tag>
          <span>{formatTime(o.observedAt)}</span>
          {o.segment !== null && <Typography.Text type="secondary">{t('customer.line', { n: o.segment + 1 })}</Typography.Text>}
        </Space>
      ),
    },
  ];

  const c = profile.customer;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Link to="/customers">← {t('insight.title')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">
          {t('customer.title')} · {c.name ?? c.id}
        </Typography.Title>
        {c.phone && <Typography.Text type="secondary">{c.phone}</Typography.Text>}
        <Typography.Text type="secondary">{t('customer.total', { n: total })}</Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('customer.profile')}>
            <Descriptions size="small" column={1} data-testid="customer-current">
              {[...byTag.entries()].map(([k, obs]) => (
                <Descriptions.Item key={k} label={labels.tag(obs[0]!.family, obs[0]!.tag)}>
                  <Space wrap size={4}>
                    {obs.map((o) => (
                      <Tooltip key={o.value} title={`${t(`channel.${o.channel}`, { defaultValue: o.channel })} · ${formatTime(o.observedAt)} · 「${o.quote}」`}>
                        <Link to={lineLink(o.conversationId, o.segment)}>
                          <Tag color={o.channel === 'badge' ? 'purple' : 'blue'}>{labels.tagValue(o.family, o.tag, o.value)}</Tag>
                        </Link>
                      </Tooltip>
                    ))}
                  </Space>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('customer.timeline')}>
            <Timeline
              data-testid="customer-timeline"
              items={timeline.map((conv) => ({
                key: conv.id,
                color: conv.channel === 'badge' ? 'purple' : 'blue',
                children: (
                  <div data-testid="timeline-item" data-channel={conv.channel} data-id={conv.id}>
                    <Space wrap size={4}>
                      <Link to={`/conversations/${encodeURIComponent(conv.id)}`}>{formatTime(conv.startedAt)}</Link>
                      <Tag color={conv.channel === 'badge' ? 'purple' : 'blue'}>{t(`channel.${conv.channel}`)}</Tag>
                      <span>{labels.staff(conv.staffId)}</span>
                      <span>{formatDuration(conv.durationMs)}</span>
                      <Tag>{t('customer.tagsCount', { n: conv.tags })}</Tag>
                      {conv.complianceHits > 0 && (
                        <Tag color={conv.worstSeverity ? SEVERITY_COLOURS[conv.worstSeverity] : undefined}>
                          {t('customer.complianceCount', { n: conv.complianceHits })}
                        </Tag>
                      )}
                    </Space>
                    {typeof conv.summary?.needs === 'string' && (
                      <div>
                        <Typography.Text type="secondary">{t('customer.needs')}：</Typography.Text>
                        {conv.summary.needs}
                      </div>
                    )}
                    {typeof conv.summary?.nextStep === 'string' && (
                      <div>
                        <Typography.Text type="secondary">{t('customer.nextStep')}：</Typography.Text>
                        {conv.summary.nextStep}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
            {cursor && (
              <Button onClick={() => void more()} data-testid="timeline-more">
                {t('customer.more')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('customer.history')}>
        <Table<ProfileSource>
          size="small"
          data-testid="customer-history"
          rowKey={(o) => `${o.conversationId}|${o.family}|${o.tag}|${o.value}|${o.quote}`}
          columns={historyColumns}
          dataSource={profile.history}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
    </Space>
  );
}
