import { Alert, Button, Card, Form, Input, Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setReviewerName } from './reviewer.js';

/** Who is signed in, as the host's /api/v1/auth/me reports it; null when the host has no login (standalone pipeline). */
export interface SignedInUser {
  actor: string;
  role: string;
  userId: string | null;
}

interface AuthState {
  user: SignedInUser | null;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState>({ user: null, signOut: async () => undefined });

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** Served by the analyst-app plugin: whether the host has users and sessions. */
const HOST_URL = `${import.meta.env.BASE_URL}host.json`;
const ME_URL = '/api/v1/auth/me';
const LOGIN_URL = '/api/v1/auth/login';
const LOGOUT_URL = '/api/v1/auth/logout';

type Status = { kind: 'checking' } | { kind: 'signed-in'; user: SignedInUser } | { kind: 'no-login' } | { kind: 'signed-out' };

/**
 * Shows the login form until the host (the main job: gateway users and roles)
 * has a session for this browser. A host without login (the standalone
 * pipeline app, host.json says so) opens the app directly.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });
  const check = useCallback(async () => {
    const host = (await (await fetch(HOST_URL)).json()) as { login: boolean };
    if (!host.login) {
      setStatus({ kind: 'no-login' });
      return;
    }
    const res = await fetch(ME_URL, { credentials: 'same-origin' });
    if (res.ok) {
      const user = (await res.json()) as SignedInUser;
      setReviewerName(user.userId ?? user.actor);
      setStatus({ kind: 'signed-in', user });
    } else setStatus({ kind: 'signed-out' });
  }, []);
  useEffect(() => {
    void check().catch(() => setStatus({ kind: 'signed-out' }));
  }, [check]);

  const signOut = useCallback(async () => {
    await fetch(LOGOUT_URL, { method: 'POST', credentials: 'same-origin' });
    setStatus({ kind: 'signed-out' });
  }, []);

  if (status.kind === 'checking') return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (status.kind === 'signed-out') return <LoginForm onSignedIn={() => void check()} />;
  const user = status.kind === 'signed-in' ? status.user : null;
  return <AuthContext.Provider value={{ user, signOut }}>{children}</AuthContext.Provider>;
}

function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(LOGIN_URL, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      if (res.ok) onSignedIn();
      else setError(res.status === 429 ? t('auth.locked') : t('auth.failed'));
    } catch {
      setError(t('auth.unreachable'));
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
