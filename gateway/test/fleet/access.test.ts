import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

describe('fleet users, roles, sessions, API tokens and the audit export', () => {
  let t: TestGateway;
  const admin = () => ({ authorization: `Bearer ${t.gateway.adminToken}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestGateway({}, { listen: false });
    for (const [id, role] of [['olga', 'fleet_operator'], ['ana', 'analyst'], ['audrey', 'auditor'], ['adam', 'admin']] as const) {
      const created = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/users', headers: admin(), payload: { id, role, password: `${id}-correct-horse` } });
      expect(created.statusCode).toBe(201);
      const token = await t.gateway.http.inject({ method: 'POST', url: `/api/v1/users/${id}/tokens`, headers: admin(), payload: { name: 'cli' } });
      expect(token.statusCode).toBe(201);
      tokens[id] = token.json().token as string;
    }
  });
  afterAll(async () => t.stop());

  it('checks the role on every route: operators write the fleet, analysts and auditors read, only auditors and admins read the audit log', async () => {
    const cases: [string, 'GET' | 'POST', string, object | undefined, number][] = [
      ['olga', 'POST', '/api/v1/branches', { id: 'b1', name: 'B1' }, 201],
      ['ana', 'POST', '/api/v1/branches', { id: 'b2', name: 'B2' }, 403],
      ['audrey', 'POST', '/api/v1/branches', { id: 'b3', name: 'B3' }, 403],
      ['ana', 'GET', '/api/v1/branches', undefined, 200],
      ['audrey', 'GET', '/api/v1/health', undefined, 200],
      ['olga', 'GET', '/api/v1/audit', undefined, 403],
      ['ana', 'GET', '/api/v1/audit', undefined, 403],
      ['audrey', 'GET', '/api/v1/audit', undefined, 200],
      ['olga', 'GET', '/api/v1/users', undefined, 403],
      ['olga', 'POST', '/api/v1/users', { id: 'eve', role: 'admin', password: 'x'.repeat(12) }, 403],
      ['adam', 'GET', '/api/v1/users', undefined, 200],
    ];
    for (const [user, method, url, payload, status] of cases) {
      const res = await t.gateway.http.inject({ method, url, headers: bearer(tokens[user]!), ...(payload ? { payload } : {}) });
      expect([user, method, url, res.statusCode]).toEqual([user, method, url, status]);
    }
    const forbidden = await t.gateway.audit.list({ action: 'api.forbidden', limit: 100 });
    expect(forbidden.map((e) => e.actor)).toEqual(expect.arrayContaining(['user:ana', 'user:audrey', 'user:olga']));
    const created = await t.gateway.audit.list({ action: 'branch.created' });
    expect(created[0]).toMatchObject({ actor: 'user:olga', target: 'b1' });
    expect((await t.gateway.http.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(tokens.ana!) })).json()).toMatchObject({ actor: 'user:ana', role: 'analyst', via: 'api-token' });
  });

  it('logs in with a password into an HttpOnly SameSite session cookie, refuses bad passwords and locks out after repeated failures', async () => {
    const bad = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'olga', password: 'wrong-password!' } });
    expect(bad.statusCode).toBe(401);
    const unknown = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password!' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(bad.json().error.message);

    const ok = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'olga', password: 'olga-correct-horse' } });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/^parley_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+/);
    const session = cookie.split(';')[0]!;
    const me = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ actor: 'user:olga', via: 'session' });
    const crossSite = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/branches', headers: { cookie: session, origin: 'https://evil.example', host: 'gateway.local' }, payload: { id: 'x1', name: 'X' } });
    expect(crossSite.statusCode).toBe(403);

    await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session } });
    expect((await t.gateway.http.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode).toBe(401);

    for (let i = 0; i < 10; i++) await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ana', password: 'wrong-password!' } });
    const locked = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ana', password: 'ana-correct-horse' } });
    expect(locked.statusCode).toBe(429);
    expect((await t.gateway.audit.list({ action: 'user.login.failed', target: 'ana', limit: 100 })).length).toBe(11);
  });

  it('disabling a user ends their tokens; a revoked token is refused', async () => {
    const extra = (await t.gateway.http.inject({ method: 'POST', url: '/api/v1/users/olga/tokens', headers: admin(), payload: { name: 'laptop' } })).json();
    expect((await t.gateway.http.inject({ method: 'DELETE', url: `/api/v1/users/olga/tokens/${extra.info.id}`, headers: admin() })).statusCode).toBe(204);
    expect((await t.gateway.http.inject({ method: 'GET', url: '/api/v1/branches', headers: bearer(extra.token) })).statusCode).toBe(401);
    await t.gateway.http.inject({ method: 'PATCH', url: '/api/v1/users/audrey', headers: admin(), payload: { disabled: true } });
    expect((await t.gateway.http.inject({ method: 'GET', url: '/api/v1/branches', headers: bearer(tokens.audrey!) })).statusCode).toBe(401);
  });

  it('exports the audit log as CSV (quoted, formula-safe) and JSON Lines', async () => {
    await t.gateway.audit.append({ actor: 'admin', action: 'test.export', target: '=HYPERLINK("x")', outcome: 'ok', details: { note: 'a, "b"' }, atMs: 0 });
    const csv = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/audit/export?format=csv&action=test.export', headers: admin() });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\n');
    expect(lines[0]).toBe('seq,atIso,actor,action,target,source,outcome,details');
    expect(lines[1]).toMatch(/^\d+,1970-01-01T00:00:00.000Z,admin,test.export,"'=HYPERLINK\(""x""\)",,ok,"\{""note"":""a, \\""b\\""""\}"$/);
    const jsonl = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/audit/export?format=jsonl', headers: admin() });
    const entries = jsonl.body.trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number });
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });
});
