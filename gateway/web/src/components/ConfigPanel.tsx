import { Alert, App, Button, Descriptions, Form, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.js';
import type { ConfigSettings } from '../api/types.js';
import { useAuth } from '../auth.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

/** The Config fields the form edits, with the gateway's ranges (gateway/src/fleet/config-profiles.ts). */
const NUMBER_FIELDS = [
  { name: 'bitrate', min: 6000, max: 64000 },
  { name: 'chunkDurationMs', min: 200, max: 30000 },
  { name: 'silenceSplitS', min: 0, max: 3600 },
  { name: 'maxSessionS', min: 0, max: 86400 },
  { name: 'batchIntervalMin', min: 0, max: 1440 },
  { name: 'telemetryIntervalS', min: 10, max: 86400 },
  { name: 'utcOffsetMin', min: -720, max: 840 },
  { name: 'otaConfirmTimeoutMin', min: 0, max: 1440 },
] as const;
const SELECT_FIELDS = [
  { name: 'recordingMode', values: [0, 1, 2] },
  { name: 'uploadPolicy', values: [0, 1, 2] },
] as const;

type FormValues = Partial<Record<(typeof NUMBER_FIELDS)[number]['name'] | (typeof SELECT_FIELDS)[number]['name'], number | null>>;

/** Wanted vs applied config version, the effective config, and the device-level profile's editor. */
export function ConfigPanel({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();
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
  // Wi-Fi passphrases come back hidden; saving them back would overwrite them.
  const hasWifi = settings.wifi !== undefined;

  const open = () => {
    form.resetFields();
    form.setFieldsValue(Object.fromEntries([...NUMBER_FIELDS, ...SELECT_FIELDS].map((f) => [f.name, settings[f.name] ?? null])) as FormValues);
    setEditing(true);
  };
  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      const next: ConfigSettings = { ...settings };
      for (const f of [...NUMBER_FIELDS, ...SELECT_FIELDS]) {
        const v = values[f.name];
        if (v === null || v === undefined) delete next[f.name];
        else next[f.name] = v;
      }
      if (Object.keys(next).length === 0) await api.deleteProfile('device', deviceId).catch((err: unknown) => {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      });
      else await api.setProfile('device', deviceId, next);
      void message.success(t('config.saved'));
      setEditing(false);
      await Promise.all([state.reload(), profile.reload()]);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

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
      <Button onClick={open} disabled={!auth.can('fleet:write') || hasWifi} data-testid="config-edit">
        {t('config.edit')}
      </Button>
      {hasWifi && <Alert type="info" showIcon message={t('config.wifiNote')} />}
      <Modal open={editing} title={t('config.editTitle', { id: deviceId })} onCancel={() => setEditing(false)} onOk={() => form.submit()} confirmLoading={saving} okButtonProps={{ ...({ 'data-testid': 'config-save' } as Record<string, string>) }} width={560}>
        <p className="muted">{t('config.inheritHint')}</p>
        <Form form={form} layout="horizontal" labelCol={{ span: 10 }} onFinish={(v) => void save(v)}>
          {SELECT_FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={t(`configField.${f.name}`)}>
              <Select allowClear placeholder={t('config.inherit')} options={f.values.map((v) => ({ value: v, label: t(`configValue.${f.name}.${v}`) }))} />
            </Form.Item>
          ))}
          {NUMBER_FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={t(`configField.${f.name}`)} rules={[{ type: 'number', min: f.min, max: f.max }]}>
              <InputNumber min={f.min} max={f.max} placeholder={t('config.inherit')} style={{ width: '100%' }} data-testid={`config-field-${f.name}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Space>
  );
}
