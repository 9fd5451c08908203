import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.js';
import type { ConfigProfile, ConfigState } from '../api/types.js';
import { useAuth } from '../auth.js';
import { ProfileEditor, type ProfileTarget } from '../components/ProfileEditor.js';
import { useDirectory } from '../directory.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

const SCOPE_ORDER: ConfigProfile['scope'][] = ['fleet', 'branch', 'group', 'device'];

/**
 * Config profiles at every level (fleet, branch, group, device: each field
 * inherits from the level before) and the devices whose applied config
 * version differs from the one they should run (drift).
 */
export function ConfigProfiles() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const writable = auth.can('fleet:write');
  const profiles = useLoad(() => api.profiles(), 'profiles');
  const drift = useLoad(() => api.drift(), 'drift', 10_000);
  const [editing, setEditing] = useState<ProfileTarget | null>(null);
  const [newScope, setNewScope] = useState<ConfigProfile['scope']>('branch');
  const [newScopeId, setNewScopeId] = useState<string | undefined>();

  const list = [...(profiles.data?.profiles ?? [])].sort((a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) || a.scopeId.localeCompare(b.scopeId));
  const existing = (scope: ConfigProfile['scope'], scopeId: string) => list.find((p) => p.scope === scope && p.scopeId === scopeId);
  const scopeName = (p: { scope: ConfigProfile['scope']; scopeId: string }) => {
    if (p.scope === 'fleet') return t('scope.wholeFleet');
    if (p.scope === 'branch') return directory.branchName(p.scopeId);
    if (p.scope === 'group') return directory.groups.find((g) => g.id === p.scopeId)?.name ?? p.scopeId;
    return p.scopeId;
  };
  const scopeChoices =
    newScope === 'branch'
      ? directory.branches.map((b) => ({ value: b.id, label: b.name }))
      : newScope === 'group'
        ? directory.groups.map((g) => ({ value: g.id, label: g.name }))
        : [{ value: '*', label: t('scope.wholeFleet') }];
  const remove = async (p: ConfigProfile) => {
    try {
      await api.deleteProfile(p.scope, p.scopeId);
      await Promise.all([profiles.reload(), drift.reload()]);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const reload = () => void Promise.all([profiles.reload(), drift.reload()]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('config.profiles')} size="small"
        extra={
          <Space>
            <Select<ConfigProfile['scope']> value={newScope} style={{ width: 100 }} disabled={!writable}
              onChange={(v) => { setNewScope(v); setNewScopeId(v === 'fleet' ? '*' : undefined); }}
              options={(['fleet', 'branch', 'group'] as const).map((s) => ({ value: s, label: t(`scope.${s}`) }))} data-testid="profile-scope" />
            <Select value={newScopeId} style={{ width: 160 }} disabled={!writable} placeholder={t('config.chooseScope')} options={scopeChoices} onChange={setNewScopeId} data-testid="profile-scope-id" />
            <Button type="primary" disabled={!writable || !newScopeId}
              onClick={() => newScopeId && setEditing({ scope: newScope, scopeId: newScopeId, settings: existing(newScope, newScopeId)?.settings ?? {} })}
              data-testid="profile-edit-new">
              {t('config.editProfile')}
            </Button>
          </Space>
        }>
        {profiles.error && <Alert type="error" showIcon message={errorText(profiles.error)} />}
        <Table<ConfigProfile>
          rowKey={(p) => `${p.scope}/${p.scopeId}`}
          size="small"
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="profiles-table"
          columns={[
            { title: t('config.level'), dataIndex: 'scope', render: (s: string) => <Tag>{t(`scope.${s}`)}</Tag> },
            { title: t('config.target'), key: 'target', render: (_: unknown, p) => (p.scope === 'device' ? <Link to={`/devices/${encodeURIComponent(p.scopeId)}`}>{p.scopeId}</Link> : scopeName(p)) },
            { title: t('config.settings'), dataIndex: 'settings', render: (s: object) => <code className="details">{JSON.stringify(s)}</code> },
            { title: t('rollouts.updated'), dataIndex: 'updatedAtMs', render: formatTime },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, p) => (
                <Space>
                  <Button size="small" disabled={!writable} onClick={() => setEditing({ scope: p.scope, scopeId: p.scopeId, settings: p.settings })}>{t('config.editProfile')}</Button>
                  <Popconfirm title={t('config.deleteConfirm')} onConfirm={() => void remove(p)} disabled={!writable}>
                    <Button size="small" danger disabled={!writable}>{t('config.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('config.driftTitle')} size="small">
        <p className="muted">{t('config.driftHint')}</p>
        <Table<ConfigState>
          rowKey="deviceId"
          size="small"
          dataSource={drift.data?.devices ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="drift-table"
          columns={[
            { title: t('alerts.device'), dataIndex: 'deviceId', render: (id: string) => <Link to={`/devices/${encodeURIComponent(id)}`}>{id}</Link> },
            { title: t('config.wanted'), dataIndex: 'wantedVersion' },
            { title: t('config.applied'), dataIndex: 'appliedVersion', render: (v: number | null) => v ?? '—' },
            { title: t('config.changed'), dataIndex: 'changedAtMs', render: formatTime },
            { title: t('config.appliedAt'), dataIndex: 'appliedAtMs', render: formatTime },
          ]}
        />
      </Card>
      <ProfileEditor target={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </Space>
  );
}
