import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Alert } from '../api/types.js';
import { formatTime } from '../format.js';
import { SeverityTag } from './HealthBadges.js';

/** Alerts, newest first: device, kind, severity, message, opened and resolved. */
export function AlertTable({ alerts, loading, showDevice = true }: { alerts: Alert[]; loading: boolean; showDevice?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<Alert>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={alerts}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="alerts-table"
      columns={[
        ...(showDevice ? [{ title: t('alerts.device'), dataIndex: 'deviceId', render: (id: string) => <Link to={`/devices/${encodeURIComponent(id)}`}>{id}</Link> }] : []),
        { title: t('alerts.kind'), dataIndex: 'kind', render: (k: string) => <span data-testid="alert-kind">{t(`alertKind.${k}`, { defaultValue: k })}</span> },
        { title: t('alerts.severity'), dataIndex: 'severity', render: (s: string) => <SeverityTag severity={s} /> },
        { title: t('alerts.message'), dataIndex: 'message' },
        { title: t('alerts.opened'), dataIndex: 'openedAtMs', render: formatTime },
        {
          title: t('alerts.state'),
          dataIndex: 'resolvedAtMs',
          render: (ms: number | null) => (ms === null ? <Tag color="red">{t('alerts.open')}</Tag> : <span><Tag color="green">{t('alerts.resolved')}</Tag>{formatTime(ms)}</span>),
        },
      ]}
    />
  );
}
