import { Alert, App, Button, DatePicker, List, Progress, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rulesApi, type RerunJob } from '../api/rules-client.js';
import { formatTime } from '../format.js';
import { reviewerName } from '../reviewer.js';

const POLL_MS = 1000;

/**
 * Re-running the active rules over past conversations: start a job for a
 * date range, watch its progress (polled while a job runs), cancel it.
 */
export function RerunJobPanel({ canEdit, rulesVersion }: { canEdit: boolean; rulesVersion: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [jobs, setJobs] = useState<RerunJob[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setJobs((await rulesApi.rerunJobs(10)).items);
  }, []);
  useEffect(() => {
    void load().catch((err: unknown) => void message.error(String(err)));
  }, [load, message]);

  const running = jobs.some((j) => j.state === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  async function start() {
    setBusy(true);
    try {
      const from = range?.[0]?.startOf('day').valueOf();
      const to = range?.[1]?.endOf('day').valueOf();
      await rulesApi.startRerun({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to: to + 1 } : {}) }, reviewerName());
      await load();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function cancel(id: string) {
    try {
      await rulesApi.cancelRerun(id);
      await load();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rerun-panel">
      <Alert type="info" showIcon message={t('rules.rerunHint')} />
      {canEdit && (
        <Space wrap>
          <span>{t('rules.range')}</span>
          <DatePicker.RangePicker allowEmpty={[true, true]} value={range} onChange={(v) => setRange(v)} />
          <Button type="primary" data-testid="start-rerun" loading={busy} disabled={running} onClick={() => void start()}>
            {t('rules.start')}
          </Button>
          {rulesVersion && <Tag>{rulesVersion}</Tag>}
        </Space>
      )}
      <List
        size="small"
        header={<Typography.Text strong>{t('rules.jobs')}</Typography.Text>}
        locale={{ emptyText: t('rules.noJobs') }}
        dataSource={jobs}
        renderItem={(j) => {
          const finished = j.done + j.failed;
          const percent = j.total === 0 ? 100 : Math.floor((finished / j.total) * 100);
          return (
            <List.Item data-testid="rerun-job" data-state={j.state}>
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Space wrap>
                  <Tag color={j.state === 'running' ? 'processing' : j.state === 'done' ? 'success' : 'default'} data-testid="rerun-state">
                    {t(`rules.state.${j.state}`)}
                  </Tag>
                  <Typography.Text>{formatTime(j.createdAt)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('rules.startedBy')}: {j.createdBy} · {j.rulesVersion}
                  </Typography.Text>
                  {j.state === 'running' && canEdit && (
                    <Button size="small" data-testid="cancel-rerun" onClick={() => void cancel(j.id)}>
                      {t('rules.cancel')}
                    </Button>
                  )}
                </Space>
                <Progress
                  percent={percent}
                  status={j.state === 'running' ? 'active' : j.failed > 0 ? 'exception' : j.state === 'cancelled' ? 'normal' : 'success'}
                  format={() => `${finished} / ${j.total}`}
                />
                <Typography.Text type="secondary" data-testid="rerun-counts">
                  {t('rules.done')} {j.done} · {t('rules.failed')} {j.failed} · {t('rules.total')} {j.total}
                </Typography.Text>
                {j.lastError && (
                  <Typography.Text type="danger">
                    {t('rules.lastError')}: {j.lastError}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
