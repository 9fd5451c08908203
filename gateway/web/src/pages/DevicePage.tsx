import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import { AlertTable } from '../components/AlertTable.js';
import { CommandPanel } from '../components/CommandPanel.js';
import { ConfigPanel } from '../components/ConfigPanel.js';
import { HealthBadges, OnlineTag, StatusTag } from '../components/HealthBadges.js';
import { HealthCharts } from '../components/HealthCharts.js';
import { PlacementPanel } from '../components/PlacementPanel.js';
import { SecretModal } from '../components/SecretModal.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

const POLL_MS = 5_000;

/** One badge: identity and status, health and its charts, commands, config, credentials, placement, alerts. */
export function DevicePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const deviceId = useParams().id ?? '';
  const [secret, setSecret] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const health = useLoad(() => api.health(deviceId), `${deviceId}:${refresh}`, POLL_MS);
  const device = useLoad(() => api.device(deviceId), `${deviceId}:${refresh}`, POLL_MS);
  const alerts = useLoad(() => api.alerts({ deviceId, limit: 100 }), `${deviceId}:${refresh}`, 15_000);
  const writable = auth.can('fleet:write');

  const lifecycle = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      setRefresh((n) => n + 1);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const rotate = () =>
    lifecycle(async () => {
      const r = await api.rotateSecret(deviceId);
      setSecret(r.secret);
    }, t('device.rotated'));

  if (device.error && !device.data) return <Alert type="error" showIcon message={errorText(device.error)} action={<Link to="/devices">{t('device.back')}</Link>} />;
  const d = device.data;
  const h = health.data;
  const dead = d?.status === 'revoked' || d?.status === 'retired';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <Link to="/devices">← {t('device.back')}</Link>
            <Typography.Text strong data-testid="device-title">{deviceId}</Typography.Text>
            {d && <StatusTag status={d.status} />}
            {d && <OnlineTag online={d.online} />}
          </Space>
        }
        extra={
          <Space>
            <Popconfirm title={t('device.rotateConfirm')} onConfirm={() => void rotate()} disabled={!writable || dead}>
              <Button disabled={!writable || dead} data-testid="device-rotate">{t('device.rotate')}</Button>
            </Popconfirm>
            <Popconfirm title={t('device.revokeConfirm')} onConfirm={() => void lifecycle(() => api.deviceLifecycle(deviceId, 'revoke'), t('device.revoked'))} disabled={!writable || dead}>
              <Button danger disabled={!writable || dead} data-testid="device-revoke">{t('device.revoke')}</Button>
            </Popconfirm>
            <Popconfirm title={t('device.retireConfirm')} onConfirm={() => void lifecycle(() => api.deviceLifecycle(deviceId, 'retire'), t('device.retired'))} disabled={!writable || d?.status === 'retired'}>
              <Button danger disabled={!writable || d?.status === 'retired'} data-testid="device-retire">{t('device.retire')}</Button>
            </Popconfirm>
            <Button disabled={!writable || !(d?.status === 'revoked' || d?.status === 'locked')} onClick={() => void lifecycle(() => api.deviceLifecycle(deviceId, 'reinstate'), t('device.reinstated'))} data-testid="device-reinstate">
              {t('device.reinstate')}
            </Button>
          </Space>
        }
      >
        {d && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('device.serial')}>{d.serial}</Descriptions.Item>
            <Descriptions.Item label={t('device.hardware')}>{h?.hardwareRevision ?? d.hardwareRevision}</Descriptions.Item>
            <Descriptions.Item label={t('device.firmware')}><span data-testid="device-firmware">{h?.firmwareVersion ?? d.firmwareVersion ?? '—'}</span></Descriptions.Item>
            <Descriptions.Item label={t('device.created')}>{formatTime(d.createdAtMs)}</Descriptions.Item>
            <Descriptions.Item label={t('device.lastSeen')}>{formatTime(d.lastSeenAtMs)}</Descriptions.Item>
            <Descriptions.Item label={t('device.state')}>{h?.deviceState ? t(`deviceState.${h.deviceState}`, { defaultValue: h.deviceState }) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('device.boots')}>{h?.bootCount ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('device.uptime')}>{h?.uptimeS === null || h?.uptimeS === undefined ? '—' : t('health.minutes', { count: Math.round(h.uptimeS / 60) })}</Descriptions.Item>
            <Descriptions.Item label={t('device.lastError')}>{h?.lastErrorCode ? h.lastErrorCode : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('device.eraseStalls')}>
              <span data-testid="device-erase-stalls">{h?.spoolEraseStalls ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('device.health')} span={3}>{h && <HealthBadges health={h} />}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('device.telemetry')} size="small">
            <HealthCharts deviceId={deviceId} refreshKey={refresh} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card title={t('device.commands')} size="small">
              <CommandPanel deviceId={deviceId} disabled={dead} />
            </Card>
            <Card title={t('device.config')} size="small">
              <ConfigPanel deviceId={deviceId} />
            </Card>
          </Space>
        </Col>
      </Row>
      <Card title={t('device.placement')} size="small">
        <PlacementPanel deviceId={deviceId} onChanged={() => setRefresh((n) => n + 1)} />
      </Card>
      <Card title={t('device.alerts')} size="small">
        <AlertTable alerts={alerts.data?.alerts ?? []} loading={alerts.loading && !alerts.data} showDevice={false} />
      </Card>
      <SecretModal deviceId={deviceId} secret={secret} onClose={() => setSecret(null)} />
    </Space>
  );
}
