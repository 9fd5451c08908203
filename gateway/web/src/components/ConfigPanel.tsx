import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.js';
import type { ConfigSettings } from '../api/types.js';
import { useAuth } from '../auth.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';
import { ProfileEditor, formEditable, type ProfileTarget } from './ProfileEditor.js';

/** Wanted vs applied config version, the effective config, and the device-level profile's editor. */
export function ConfigPanel({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [editing, setEditing] = useState<ProfileTarget | null>(null);
  const state = useLoad(() => api.config(deviceId), deviceId, 5_000);
  // The device-level profile; none yet is an empty one (everything inherited).
  const profile = useLoad(
    () =>
      api.profile('device', deviceId).then(
        (p) => p.settings,
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return {} as ConfigSettings;
          throw err;
        },
      ),
    deviceId,
  );
  const settings = profile.data ?? {};

  const s = state.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {state.error && <Alert type="error" showIcon message={errorText(state.error)} />}
      {s && (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('config.wanted')}>
            <span data-testid="config-wanted">{s.wantedVersion}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('config.applied')}>
            <Space>
              <span data-testid="config-applied">{s.appliedVersion ?? '—'}</span>
              {s.drift ? <Tag color="orange">{t('config.drift')}</Tag> : <Tag color="green">{t('config.inSync')}</Tag>}
              <span className="muted">{formatTime(s.appliedAtMs)}</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('config.effective')} span={2}>
            <pre className="config-json" data-testid="config-effective">{JSON.stringify(s.config, null, 1)}</pre>
          </Descriptions.Item>
          <Descriptions.Item label={t('config.deviceProfile')} span={2}>
            <pre className="config-json" data-testid="config-device-profile">{Object.keys(settings).length ? JSON.stringify(settings, null, 1) : t('config.inheritsAll')}</pre>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Button onClick={() => setEditing({ scope: 'device', scopeId: deviceId, settings })} disabled={!auth.can('fleet:write') || !formEditable(settings) || !profile.data} data-testid="config-edit">
        {t('config.edit')}
      </Button>
      {!formEditable(settings) && <Alert type="info" showIcon message={t('config.wifiNote')} />}
      <ProfileEditor target={editing} onClose={() => setEditing(null)} onSaved={() => void Promise.all([state.reload(), profile.reload()])} />
    </Space>
  );
}
