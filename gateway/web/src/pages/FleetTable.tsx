import { Alert, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { ALERT_KINDS, DEVICE_STATUSES, FLEET_SORTS, type FleetQuery, type FleetRow } from '../api/types.js';
import { HealthBadges, OnlineTag, SeverityTag, StatusTag } from '../components/HealthBadges.js';
import { useDirectory } from '../directory.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

const PAGE_SIZES = [25, 50, 100, 200];
const ALERT_FILTERS: readonly NonNullable<FleetQuery['alert']>[] = ['any', 'none', ...ALERT_KINDS];
const POLL_MS = 10_000;

/** A URL value that is one of `allowed`; anything else (a hand-edited URL) is left out. */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

/** The filter state lives in the URL so a reload or the back button keeps it. */
function queryFrom(params: URLSearchParams): FleetQuery {
  const get = (k: string) => params.get(k) ?? undefined;
  const online = params.get('online');
  return {
    q: get('q'),
    status: oneOf(DEVICE_STATUSES, params.get('status')),
    branchId: get('branchId'),
    staffId: get('staffId'),
    firmwareVersion: get('firmwareVersion'),
    online: online === null ? undefined : online === 'true',
    alert: oneOf(ALERT_FILTERS, params.get('alert')),
    sort: oneOf(FLEET_SORTS, params.get('sort')),
    offset: Number(params.get('offset') ?? 0) || 0,
    limit: Number(params.get('limit') ?? 50) || 50,
  };
}

export function FleetTable() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const page = useLoad(() => api.fleet(query), params.toString(), POLL_MS);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    if (key !== 'offset' && key !== 'limit') next.delete('offset');
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<FleetRow> = [
    {
      title: t('fleet.device'),
      dataIndex: 'id',
      render: (id: string, row) => (
        <Space direction="vertical" size={0}>
          <Link to={`/devices/${encodeURIComponent(id)}`} data-testid={`device-link-${id}`}>
            {id}
          </Link>
          <span className="muted">{row.serial}</span>
        </Space>
      ),
    },
    { title: t('fleet.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
    { title: t('fleet.online'), dataIndex: 'online', render: (online: boolean, row) => <Tooltip title={`${t('fleet.lastSeen')}: ${formatTime(row.lastSeenAtMs)}`}><OnlineTag online={online} /></Tooltip> },
    { title: t('fleet.branch'), dataIndex: 'branchId', render: (b: string | null) => directory.branchName(b) },
    { title: t('fleet.staff'), dataIndex: 'staffId', render: (s: string | null) => directory.staffName(s) },
    { title: t('fleet.firmware'), dataIndex: 'firmwareVersion', render: (v: string | null, row) => <span>{v ?? '—'} <span className="muted">{row.hardwareRevision}</span></span> },
    { title: t('fleet.health'), key: 'health', render: (_: unknown, row) => <HealthBadges health={row.health} /> },
    {
      title: t('fleet.alerts'),
      dataIndex: 'alerts',
      render: (alerts: FleetRow['alerts']) =>
        alerts.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <Space size={2} wrap>
            {alerts.map((a) => (
              <Tooltip key={a.id} title={<SeverityTag severity={a.severity} />}>
                <Tag color={a.severity === 'critical' ? 'red' : 'orange'} data-testid="row-alert">
                  {t(`alertKind.${a.kind}`)}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
  ];

  const current = Math.floor((query.offset ?? 0) / (query.limit ?? 50)) + 1;
  return (
    <Card title={t('fleet.title')}>
      <Space wrap className="filters" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('fleet.search')}
          defaultValue={query.q}
          onSearch={(v) => set('q', v.trim())}
          style={{ width: 220 }}
          data-testid="filter-search"
        />
        <Select allowClear placeholder={t('fleet.status')} value={query.status} onChange={(v?: string) => set('status', v)} data-testid="filter-status"
          options={DEVICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('fleet.branch')} value={query.branchId} onChange={(v?: string) => set('branchId', v)} data-testid="filter-branch"
          options={directory.branches.map((b) => ({ value: b.id, label: b.name }))} style={{ minWidth: 140 }} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('fleet.staff')} value={query.staffId} onChange={(v?: string) => set('staffId', v)} data-testid="filter-staff"
          options={directory.staff.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 140 }} />
        <Select allowClear placeholder={t('fleet.firmware')} value={query.firmwareVersion} onChange={(v?: string) => set('firmwareVersion', v)} data-testid="filter-firmware"
          options={(page.data?.firmwareVersions ?? []).map((v) => ({ value: v, label: v }))} style={{ minWidth: 120 }} />
        <Select allowClear placeholder={t('fleet.online')} value={query.online === undefined ? undefined : String(query.online)} onChange={(v?: string) => set('online', v)} data-testid="filter-online"
          options={[{ value: 'true', label: t('health.online') }, { value: 'false', label: t('health.offline') }]} />
        <Select allowClear placeholder={t('fleet.alertState')} value={query.alert} onChange={(v?: string) => set('alert', v)} data-testid="filter-alert" style={{ minWidth: 140 }}
          options={[{ value: 'any', label: t('fleet.anyAlert') }, { value: 'none', label: t('fleet.noAlert') }, ...ALERT_KINDS.map((k) => ({ value: k, label: t(`alertKind.${k}`) }))]} />
        <Select placeholder={t('fleet.sort')} value={query.sort} allowClear onChange={(v?: string) => set('sort', v)} data-testid="fleet-sort" style={{ minWidth: 150 }}
          options={FLEET_SORTS.map((k) => ({ value: k, label: t(`fleetSort.${k}`) }))} />
      </Space>
      {page.error && <Alert type="error" showIcon message={errorText(page.error)} style={{ marginBottom: 12 }} />}
      <Table<FleetRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={page.data?.rows ?? []}
        loading={page.loading && !page.data}
        data-testid="fleet-table"
        pagination={{
          current,
          pageSize: query.limit ?? 50,
          total: page.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('fleet.total', { count: total }),
          onChange: (p, size) => {
            const next = new URLSearchParams(params);
            next.set('limit', String(size));
            next.set('offset', String((p - 1) * size));
            setParams(next, { replace: true });
          },
        }}
      />
    </Card>
  );
}
