import { Alert, App, Button, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { rulesApi, type RuleSetDiff, type RuleSetVersionInfo, type RuleSummary } from '../api/rules-client.js';
import { useAuth } from '../auth.js';
import { RerunJobPanel } from '../components/RerunJobPanel.js';
import { RuleSetDiffView } from '../components/RuleSetDiffView.js';
import { formatTime } from '../format.js';
import { reviewerName } from '../reviewer.js';

const KINDS = ['profile', 'compliance', 'keyPoint', 'voc'] as const;

/** Who may change rules: admins behind the main job's login; anyone on the standalone app (no login). */
export function useCanEditRules(): boolean {
  const { user } = useAuth();
  return !user || user.role === 'admin';
}

/**
 * The rule set: every profile-tag, compliance, key-point and VoC rule of
 * the active version, the version history (with revert, and what changed
 * between any two versions), and re-running the rules over past conversations.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCanEditRules();
  const [active, setActive] = useState<RuleSetVersionInfo | null>(null);
  const [rules, setRules] = useState<RuleSummary[]>([]);
  const [history, setHistory] = useState<RuleSetVersionInfo[]>([]);
  const [kind, setKind] = useState<string>('all');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  // the open tab lives in the URL (?tab=history|rerun) so a link or a reload keeps it
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'rules';
  // the compared versions live in the URL too (?tab=history&from=…&to=…)
  const diffFrom = sp.get('from') ?? undefined;
  const diffTo = sp.get('to') ?? undefined;
  const [diff, setDiff] = useState<RuleSetDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, versions] = await Promise.all([rulesApi.list(), rulesApi.versions()]);
      setActive(list.version);
      setRules(list.rules);
      setHistory(versions.items);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (tab !== 'history' || (!diffFrom && !diffTo)) {
      setDiff(null);
      return;
    }
    let live = true;
    rulesApi.diff(diffFrom, diffTo).then(
      (d) => {
        if (!live) return;
        setDiff(d);
        setDiffError(null);
      },
      (err: unknown) => {
        if (!live) return;
        setDiff(null);
        setDiffError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [tab, diffFrom, diffTo]);

  function compare(from: string | undefined, to: string | undefined) {
    setSp({ tab: 'history', ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return rules.filter((r) => (kind === 'all' || r.kind === kind) && (!q || r.id.toLowerCase().includes(q) || r.target.toLowerCase().includes(q)));
  }, [rules, kind, filter]);

  async function activate(version: string) {
    try {
      await rulesApi.activate(version, reviewerName());
      void message.success(t('rules.activated', { version }));
      await load();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  }

  if (error) return <Alert type="error" message={t('error.load', { message: error })} />;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rules.title')}
        </Typography.Title>
        <span>{t('rules.version')}:</span>
        <Tag color="blue" data-testid="active-version">
          {active?.version ?? '…'}
        </Tag>
        {canEdit && (
          <Link to="/rules/new" data-testid="new-rule">
            <Button>{t('rules.newRule')}</Button>
          </Link>
        )}
      </Space>
      {!canEdit && <Alert type="info" showIcon message={t('rules.readOnly')} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'rules' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'rules',
            label: `${t('rules.title')} (${rules.length})`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    style={{ width: 160 }}
                    value={kind}
                    onChange={setKind}
                    options={[{ value: 'all', label: t('rules.kind.all') }, ...KINDS.map((k) => ({ value: k, label: t(`rules.kind.${k}`) }))]}
                  />
                  <Input.Search allowClear style={{ width: 280 }} placeholder={t('rules.search')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="rule-filter" />
                </Space>
                <Table<RuleSummary>
                  size="small"
                  rowKey="id"
                  dataSource={shown}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  columns={[
                    {
                      title: t('rules.id'),
                      dataIndex: 'id',
                      render: (id: string) => (
                        <Link to={`/rules/edit/${encodeURIComponent(id)}`} data-testid="rule-link">
                          <Typography.Text code>{id}</Typography.Text>
                        </Link>
                      ),
                    },
                    { title: t('rules.kind.all'), dataIndex: 'kind', render: (k: string) => t(`rules.kind.${k}`, { defaultValue: k }) },
                    { title: t('rules.target'), dataIndex: 'target' },
                    { title: t('rules.severity'), dataIndex: 'severity', render: (s: string | null) => (s ? t(`severity.${s}`, { defaultValue: s }) : '') },
                    { title: t('rules.enabled'), dataIndex: 'enabled', render: (e: boolean) => (e ? <Tag color="green">{t('rules.enabled')}</Tag> : <Tag>{t('rules.disabled')}</Tag>) },
                    { title: t('rules.description'), dataIndex: 'description', ellipsis: true },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'history',
            label: t('rules.history'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                <Table<RuleSetVersionInfo>
                  size="small"
                  rowKey="version"
                  data-testid="version-history"
                  dataSource={history}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: t('rules.version'), dataIndex: 'version', render: (v: string, r) => <Space><Typography.Text code>{v}</Typography.Text>{r.active && <Tag color="blue">{t('rules.active')}</Tag>}</Space> },
                    { title: t('rules.note'), dataIndex: 'source', render: (s: string, r) => `${t(`rules.source.${s}`, { defaultValue: s })}${r.note ? ` · ${r.note}` : ''}` },
                    { title: t('rules.basedOn'), dataIndex: 'basedOn' },
                    { title: t('rules.author'), dataIndex: 'author' },
                    { title: t('rules.createdAt'), dataIndex: 'createdAt', render: (ms: number) => formatTime(ms) },
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, r) => (
                        <Space>
                          {history.some((v) => v.seq < r.seq) && (
                            // against the version it was based on (or the one before it)
                            <Button size="small" data-testid="version-changes" onClick={() => compare(undefined, r.version)}>
                              {t('rules.changes')}
                            </Button>
                          )}
                          {canEdit && !r.active && (
                            <Popconfirm title={t('rules.activateConfirm', { version: r.version })} onConfirm={() => void activate(r.version)}>
                              <Button size="small" data-testid="activate-version">
                                {t('rules.activate')}
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
                <Space wrap>
                  <span>{t('rules.compare')}:</span>
                  <Select
                    style={{ width: 240 }}
                    placeholder={t('rules.diffFrom')}
                    value={diff?.from.version ?? diffFrom}
                    onChange={(v: string) => compare(v, diff?.to.version ?? diffTo)}
                    options={history.map((v) => ({ value: v.version, label: v.version }))}
                    data-testid="diff-from"
                  />
                  <span>→</span>
                  <Select
                    style={{ width: 240 }}
                    placeholder={t('rules.diffTo')}
                    value={diff?.to.version ?? diffTo}
                    onChange={(v: string) => compare(diff?.from.version ?? diffFrom, v)}
                    options={history.map((v) => ({ value: v.version, label: v.version }))}
                    data-testid="diff-to"
                  />
                </Space>
                {diffError && <Alert type="error" message={diffError} />}
                {diff && <RuleSetDiffView diff={diff} />}
              </Space>
            ),
          },
          {
            key: 'rerun',
            label: t('rules.rerun'),
            children: <RerunJobPanel canEdit={canEdit} rulesVersion={active?.version ?? null} />,
          },
        ]}
      />
    </Space>
  );
}
