import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.js';
import type { ConfigProfile, ConfigSettings } from '../api/types.js';
import { errorText } from '../format.js';

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
const FIELDS = [...SELECT_FIELDS, ...NUMBER_FIELDS];

type FieldName = (typeof FIELDS)[number]['name'];
type FormValues = Partial<Record<FieldName, number | null>>;

/** What the form cannot show faithfully: Wi-Fi passphrases come back hidden, so saving them back would overwrite them. */
export function formEditable(settings: ConfigSettings): boolean {
  return settings.wifi === undefined;
}

export interface ProfileTarget {
  scope: ConfigProfile['scope'];
  scopeId: string;
  /** The profile's current settings ({} when it has none). */
  settings: ConfigSettings;
}

/**
 * Edits one config profile's fields (fleet, branch, group or device level).
 * Fields left empty are removed from the profile, so they inherit; a profile
 * left with no field is deleted. Other fields the profile has (working hours,
 * LED, haptic) are kept as they are.
 */
export function ProfileEditor({ target, onClose, onSaved }: { target: ProfileTarget | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f.name, target.settings[f.name] ?? null])) as FormValues);
  }, [target, form]);

  const save = async (values: FormValues) => {
    if (!target) return;
    setSaving(true);
    try {
      const next: ConfigSettings = { ...target.settings };
      for (const f of FIELDS) {
        const v = values[f.name];
        if (v === null || v === undefined) delete next[f.name];
        else next[f.name] = v;
      }
      if (Object.keys(next).length === 0) {
        await api.deleteProfile(target.scope, target.scopeId).catch((err: unknown) => {
          if (!(err instanceof ApiError && err.status === 404)) throw err;
        });
      } else await api.setProfile(target.scope, target.scopeId, next);
      void message.success(t('config.saved'));
      onSaved();
      onClose();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('config.editTitle', { scope: t(`scope.${target.scope}`), id: target.scope === 'fleet' ? t('scope.wholeFleet') : target.scopeId }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ ...({ 'data-testid': 'config-save' } as Record<string, string>) }}
      width={560}
      destroyOnClose
    >
      <p className="muted">{target?.scope === 'fleet' ? t('config.fleetHint') : t('config.inheritHint')}</p>
      {target && !formEditable(target.settings) && <Alert type="warning" showIcon message={t('config.wifiNote')} />}
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} onFinish={(v) => void save(v)} disabled={!target || !formEditable(target.settings)}>
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
  );
}
