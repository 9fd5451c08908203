import { Alert, Button, Card, Form, Input, Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, UNAUTHORIZED_EVENT, api } from './api/client.js';
import type { Me } from './api/types.js';
import { can, type Permission } from './permissions.js';

interface AuthState {
  user: Me;
  can(permission: Permission): boolean;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user and their permissions (only inside AuthGate). */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthGate');
  return state;
}

type Status = { kind: 'checking' } | { kind: 'signed-in'; user: Me } | { kind: 'signed-out' };

/** Shows the login form until the gateway (/api/v1/auth/me) has a session for this browser. */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });
  const check = useCallback(async () => {
    try {
      setStatus({ kind: 'signed-in', user: await api.me() });
    } catch {
      setStatus({ kind: 'signed-out' });
    }
  }, []);
  useEffect(() => {
    void check();
  }, [check]);
  // A session that ends while the app is open (expired, user disabled, signed out elsewhere) brings the login form back.
  useEffect(() => {
    const signedOut = () => setStatus({ kind: 'signed-out' });
    window.addEventListener(UNAUTHORIZED_EVENT, signedOut);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, signedOut);
  }, []);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    setStatus({ kind: 'signed-out' });
  }, []);

  if (status.kind === 'checking') return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (status.kind === 'signed-out') return <LoginForm onSignedIn={() => void check()} />;
  const user = status.user;
  return <AuthContext.Provider value={{ user, can: (p) => can(user.role, p), signOut }}>{children}</AuthContext.Provider>;
}

function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.login(values.username, values.password);
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError) setError(err.status === 429 ? t('auth.locked') : t('auth.failed'));
      else setError(t('auth.unreachable'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('auth.title')} style={{ maxWidth: 380, margin: '15vh auto' }} data-testid="login">
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} showIcon />}
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
          <Input autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </Card>
  );
}
