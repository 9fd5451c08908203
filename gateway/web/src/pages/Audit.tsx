import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { AuditEntry } from '../api/types.js';
import { useAuth } from '../auth.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

const PAGE = 50;

/**
 * The append-only audit log, oldest first as the API pages it (by sequence
 * number): filter by action and target, page forward and back, export the
 * filtered log as CSV or JSON Lines through the API's export.
 */
export function Audit() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [filter, setFilter] = useState<{ action?: string; target?: string }>({});
  // Cursors of the pages seen so far: cursors[i] is the afterSeq of page i.
  const [cursors, setCursors] = useState<number[]>([0]);
  const afterSeq = cursors.at(-1) ?? 0;
  const page = useLoad(() => api.audit({ ...filter, afterSeq, limit: PAGE }), JSON.stringify({ filter, afterSeq }));
  const entries = page.data?.entries ?? [];

  if (!auth.can('audit:read')) return <Alert type="warning" showIcon message={t('audit.forbidden')} />;
  const apply = (next: { action?: string; target?: string }) => {
    setFilter(next);
    setCursors([0]);
  };
  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space>
          <Button href={api.auditExportUrl('csv', filter)} data-testid="audit-export-csv">{t('audit.exportCsv')}</Button>
          <Button href={api.auditExportUrl('jsonl', filter)} data-testid="audit-export-jsonl">{t('audit.exportJsonl')}</Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('audit.actionFilter')} style={{ width: 300 }} onSearch={(v) => apply({ ...filter, action: v.trim() || undefined })} data-testid="audit-action" />
        <Input.Search allowClear placeholder={t('audit.target')} style={{ width: 220 }} onSearch={(v) => apply({ ...filter, target: v.trim() || undefined })} data-testid="audit-target" />
      </Space>
      {page.error && <Alert type="error" showIcon message={errorText(page.error)} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={page.loading}
        dataSource={entries}
        pagination={false}
        data-testid="audit-table"
        columns={[
          { title: '#', dataIndex: 'seq' },
          { title: t('audit.time'), dataIndex: 'atMs', render: formatTime },
          { title: t('audit.actor'), dataIndex: 'actor' },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <code data-testid="audit-entry-action">{a}</code> },
          { title: t('audit.target'), dataIndex: 'target', render: (x: string | null) => x ?? '—' },
          { title: t('audit.source'), dataIndex: 'source', render: (x: string | null) => x ?? '—' },
          { title: t('audit.outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'ok' ? 'green' : 'red'}>{o}</Tag> },
          { title: t('audit.details'), dataIndex: 'details', render: (d: Record<string, unknown>) => (Object.keys(d).length ? <code className="details">{JSON.stringify(d)}</code> : '') },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-prev">{t('audit.prev')}</Button>
        <span>{t('audit.page', { page: cursors.length })}</span>
        <Button disabled={entries.length < PAGE} onClick={() => setCursors((c) => [...c, entries.at(-1)!.seq])} data-testid="audit-next">{t('audit.next')}</Button>
      </Space>
    </Card>
  );
}
