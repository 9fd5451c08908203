import { Alert, App, Button, Card, Segmented, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import type { WebhookStatus } from '../api/types.js';
import { AlertTable } from '../components/AlertTable.js';
import { errorText } from '../format.js';
import { useLoad } from '../use-load.js';

type StateFilter = 'open' | 'resolved' | 'all';

/** Whether alert notifications reach the webhook: not configured, nothing waiting, or how many wait and why. */
function WebhookTag({ status }: { status: WebhookStatus }) {
  const { t } = useTranslation();
  if (!status.configured) return <Tag data-testid="webhook-state">{t('alerts.webhookNone')}</Tag>;
  const counts = t('alerts.webhookCounts', { delivered: status.delivered, dropped: status.dropped });
  const waiting = status.pending > 0;
  const why = status.head?.lastError ? t('alerts.webhookLastError', { error: status.head.lastError, attempts: status.head.attempts }) : '';
  return (
    <Tooltip title={[t('alerts.webhookHint'), why].filter(Boolean).join(' ')}>
      <Tag color={waiting ? 'orange' : 'green'} data-testid="webhook-state">
        {waiting ? t('alerts.webhookPending', { count: status.pending }) : t('alerts.webhookClear')}
        {` · ${counts}`}
      </Tag>
    </Tooltip>
  );
}

/** Fleet alerts (open, resolved, all), the webhook's delivery backlog, and an evaluation on demand. */
export function Alerts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const [state, setState] = useState<StateFilter>('open');
  const alerts = useLoad(() => api.alerts({ ...(state === 'all' ? {} : { state }), limit: 1000 }), state, 10_000);
  const webhook = useLoad(() => api.alertWebhook(), 'webhook', 10_000);
  const evaluate = async () => {
    try {
      const r = await api.evaluateAlerts();
      void message.success(t('alerts.evaluated', { count: r.open }));
      await Promise.all([alerts.reload(), webhook.reload()]);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card
      title={t('alerts.title')}
      extra={
        <Space>
          {webhook.data && <WebhookTag status={webhook.data} />}
          <Button onClick={() => void evaluate()} disabled={!auth.can('fleet:write')} data-testid="alerts-evaluate">
            {t('alerts.evaluate')}
          </Button>
        </Space>
      }
    >
      <Segmented<StateFilter>
        value={state}
        onChange={setState}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'open', label: t('alerts.open') },
          { value: 'resolved', label: t('alerts.resolved') },
          { value: 'all', label: t('alerts.all') },
        ]}
      />
      {alerts.error && <Alert type="error" showIcon message={errorText(alerts.error)} />}
      <AlertTable alerts={alerts.data?.alerts ?? []} loading={alerts.loading && !alerts.data} />
    </Card>
  );
}
