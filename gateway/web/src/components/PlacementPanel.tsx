import { App, Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Assignment } from '../api/types.js';
import { useAuth } from '../auth.js';
import { useDirectory } from '../directory.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

/** The device's branch and wearer (assign/unassign), and the history of who wore it when. */
export function PlacementPanel({ deviceId, onChanged }: { deviceId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const writable = auth.can('fleet:write');
  const placement = useLoad(() => api.placement(deviceId), deviceId);
  const history = useLoad(() => api.assignments({ deviceId }), deviceId);
  const [staffId, setStaffId] = useState<string | undefined>();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      await Promise.all([placement.reload(), history.reload()]);
      onChanged();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const p = placement.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('placement.branch')}:</span>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          disabled={!writable}
          value={p?.branchId ?? undefined}
          placeholder={t('placement.noBranch')}
          options={directory.branches.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(v?: string) => void run(() => api.setBranch(deviceId, v ?? null), t('placement.branchSet'))}
          data-testid="placement-branch"
        />
        <span>{t('placement.wearer')}: <b data-testid="placement-wearer">{directory.staffName(p?.staffId ?? null)}</b></span>
        <Select showSearch optionFilterProp="label" style={{ minWidth: 180 }} disabled={!writable} value={staffId} placeholder={t('placement.chooseStaff')}
          options={directory.staff.map((s) => ({ value: s.id, label: `${s.name} (${directory.branchName(s.branchId)})` }))} onChange={setStaffId} data-testid="placement-staff" />
        <Button type="primary" disabled={!writable || !staffId} data-testid="placement-assign" onClick={() => staffId && void run(() => api.assign(deviceId, staffId), t('placement.assigned'))}>
          {t('placement.assign')}
        </Button>
        <Button disabled={!writable || !p?.staffId} onClick={() => void run(() => api.unassign(deviceId), t('placement.unassigned'))}>
          {t('placement.unassign')}
        </Button>
      </Space>
      <Table<Assignment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...(history.data?.assignments ?? [])].reverse()}
        columns={[
          { title: t('placement.staff'), dataIndex: 'staffId', render: (s: string) => directory.staffName(s) },
          { title: t('placement.branchThen'), dataIndex: 'branchId', render: (b: string | null) => directory.branchName(b) },
          { title: t('placement.from'), dataIndex: 'fromMs', render: formatTime },
          { title: t('placement.to'), dataIndex: 'toMs', render: (ms: number | null) => (ms === null ? t('placement.current') : formatTime(ms)) },
        ]}
      />
    </Space>
  );
}
