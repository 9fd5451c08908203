import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { ApiToken, Role, User } from '../api/types.js';
import { useAuth } from '../auth.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

const ROLES: Role[] = ['admin', 'fleet_operator', 'analyst', 'auditor'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A user's API tokens (for badgectl and scripts): create one (shown once), revoke. */
function Tokens({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useLoad(() => api.tokens(user.id), user.id);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await tokens.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tokens.data?.tokens ?? []}
        columns={[
          { title: t('users.tokenName'), dataIndex: 'name' },
          { title: t('directory.created'), dataIndex: 'createdAtMs', render: formatTime },
          { title: t('users.lastUsed'), dataIndex: 'lastUsedAtMs', render: formatTime },
          { title: t('users.state'), dataIndex: 'revokedAtMs', render: (ms: number | null) => (ms === null ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.revokedAt', { at: formatTime(ms) })}</Tag>) },
          {
            title: '',
            key: 'revoke',
            render: (_: unknown, tok) =>
              tok.revokedAtMs === null ? (
                <Popconfirm title={t('users.revokeConfirm')} onConfirm={() => void run(() => api.revokeToken(user.id, tok.id))}>
                  <Button size="small" danger>{t('users.revoke')}</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Space.Compact>
        <Input size="small" placeholder={t('users.tokenName')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
        <Button size="small" disabled={!name.trim()} onClick={() => void run(async () => { setCreated((await api.createToken(user.id, name.trim())).token); setName(''); })}>
          {t('users.newToken')}
        </Button>
      </Space.Compact>
      <Modal open={created !== null} title={t('users.tokenTitle', { id: user.id })} onOk={() => setCreated(null)} onCancel={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false}>
        <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created ?? '' }} code>{created}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}

/** Users of the web UI and API: create, change role, disable (ends their sessions and tokens), reset password, tokens. Admins only. */
export function Users() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const users = useLoad(() => api.users(), 'users');
  const [form] = Form.useForm();
  const [password, setPassword] = useState<{ user: User; value: string } | null>(null);
  if (!auth.can('users:manage')) return <Alert type="warning" showIcon message={t('users.forbidden')} />;
  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
      await users.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card title={t('users.title')}>
      <Form form={form} layout="inline" style={{ marginBottom: 12 }}
        onFinish={(v: { id: string; role: Role; password: string }) => void run(() => api.createUser(v).then(() => form.resetFields()), t('users.created'))}>
        <Form.Item name="id" rules={[{ required: true, pattern: ID_PATTERN }]}><Input placeholder={t('auth.username')} style={{ width: 150 }} /></Form.Item>
        <Form.Item name="role" rules={[{ required: true }]}><Select placeholder={t('users.role')} style={{ width: 130 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" /></Form.Item>
        <Form.Item name="password" rules={[{ required: true, min: 12, max: 1024, message: t('users.passwordRule') }]}><Input.Password placeholder={t('auth.password')} style={{ width: 180 }} autoComplete="new-password" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="user-create">{t('directory.add')}</Button>
      </Form>
      {users.error && <Alert type="error" showIcon message={errorText(users.error)} />}
      <Table<User>
        rowKey="id"
        size="small"
        dataSource={users.data?.users ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (u) => <Tokens user={u} />, rowExpandable: () => true }}
        columns={[
          { title: t('auth.username'), dataIndex: 'id' },
          {
            title: t('users.role'),
            dataIndex: 'role',
            render: (role: Role, u) => (
              <Select size="small" value={role} style={{ width: 130 }} disabled={u.id === auth.user.userId}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                onChange={(next: Role) => void run(() => api.updateUser(u.id, { role: next }), t('users.saved'))} />
            ),
          },
          {
            title: t('users.enabled'),
            dataIndex: 'disabled',
            render: (disabled: boolean, u) => (
              <Switch size="small" checked={!disabled} disabled={u.id === auth.user.userId} onChange={(on) => void run(() => api.updateUser(u.id, { disabled: !on }), t('users.saved'))} />
            ),
          },
          { title: t('directory.created'), dataIndex: 'createdAtMs', render: formatTime },
          { title: '', key: 'password', render: (_: unknown, u) => <Button size="small" onClick={() => setPassword({ user: u, value: '' })}>{t('users.resetPassword')}</Button> },
        ]}
      />
      <Modal open={password !== null} title={t('users.resetPasswordOf', { id: password?.user.id ?? '' })} onCancel={() => setPassword(null)}
        okButtonProps={{ disabled: (password?.value.length ?? 0) < 12 }}
        onOk={() => password && void run(() => api.updateUser(password.user.id, { password: password.value }), t('users.saved')).then(() => setPassword(null))}>
        <Input.Password value={password?.value ?? ''} onChange={(e) => password && setPassword({ ...password, value: e.target.value })} placeholder={t('users.passwordRule')} autoComplete="new-password" />
      </Modal>
    </Card>
  );
}
