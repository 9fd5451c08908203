import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

describe('HTTP API (fastify inject)', () => {
  let t: TestGateway;
  let auth: { authorization: string };

  beforeAll(async () => {
    t = await startTestGateway({}, { listen: false });
    auth = { authorization: `Bearer ${t.gateway.adminToken}` };
  });
  afterAll(async () => t.stop());

  it('answers /healthz, and /readyz only once listening', async () => {
    const health = await t.gateway.http.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.gateway.http.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { database: 'ok', broker: 'ok', listeners: 'not listening' } });
  });

  it('serves Prometheus metrics', async () => {
    const res = await t.gateway.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const name of ['parley_mqtt_connected_clients', 'parley_mqtt_publishes_total', 'parley_mqtt_publish_bytes_total', 'parley_mqtt_auth_failures_total', 'parley_rejects_total']) {
      expect(res.body).toContain(`# TYPE ${name}`);
    }
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await t.gateway.http.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const bogus = await t.gateway.http.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\n' } });
    expect(bogus.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses the device API without the admin token, and audits it', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: t.gateway.adminToken }]) {
      const res = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/devices', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
    await new Promise((r) => setImmediate(r));
    expect((await t.gateway.audit.list({ action: 'api.auth.failed' })).length).toBe(3);
  });

  it('provisions a device, returns its secret once, lists, reads and revokes it', async () => {
    const created = await t.gateway.http.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: auth,
      payload: { id: 'badge-api', serial: 'SN-API-1', hardwareRevision: 'r2', firmwareVersion: '1.0.0' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const body = created.json();
    expect(body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.device).toMatchObject({ id: 'badge-api', serial: 'SN-API-1', status: 'provisioned', online: false });
    expect(body.device.secretHash).toBeUndefined();

    const list = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/devices', headers: auth });
    expect(list.json().devices.map((d: { id: string }) => d.id)).toContain('badge-api');
    expect(JSON.stringify(list.json())).not.toContain('scrypt');
    const one = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/devices/badge-api', headers: auth });
    expect(one.json()).toMatchObject({ id: 'badge-api', firmwareVersion: '1.0.0' });
    expect(JSON.stringify(one.json())).not.toContain(body.secret);

    const revoked = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices/badge-api/revoke', headers: auth });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const filtered = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/devices?status=revoked', headers: auth });
    expect(filtered.json().devices.map((d: { id: string }) => d.id)).toEqual(['badge-api']);
    const actions = (await t.gateway.audit.list({ target: 'badge-api' })).map((e) => e.action);
    expect(actions).toEqual(['device.provisioned', 'device.status.revoked']);
  });

  it('generates an id when none is given', async () => {
    const res = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices', headers: auth, payload: { serial: 'SN-GEN', hardwareRevision: 'r1' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().device.id).toMatch(/^badge-[0-9a-f]{10}$/);
  });

  it('rejects bad input with clear error codes', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/devices', { id: '../etc', serial: 'S', hardwareRevision: 'r1' }, 400, 'DEVICE_ID_INVALID'],
      ['POST', '/api/v1/devices', { id: 'Badge_UPPER', serial: 'S', hardwareRevision: 'r1' }, 400, 'DEVICE_ID_INVALID'],
      ['POST', '/api/v1/devices', { id: 'badge-ok', serial: 'has space', hardwareRevision: 'r1' }, 400, 'BAD_REQUEST'],
      ['POST', '/api/v1/devices', { id: 'badge-ok', serial: 'S', hardwareRevision: 'r1', extra: 1 }, 400, 'BAD_REQUEST'],
      ['POST', '/api/v1/devices', { serial: 'SN-API-1', hardwareRevision: 'r1' }, 409, 'CONFLICT'],
      ['GET', '/api/v1/devices/badge-missing', undefined, 404, 'DEVICE_UNKNOWN'],
      ['GET', '/api/v1/devices/..%2F..%2Fetc', undefined, 400, 'DEVICE_ID_INVALID'],
      ['POST', '/api/v1/devices/badge-missing/revoke', undefined, 404, 'DEVICE_UNKNOWN'],
      ['GET', '/api/v1/devices?limit=0', undefined, 400, 'BAD_REQUEST'],
      ['GET', '/api/v1/nothing-here', undefined, 404, 'NOT_FOUND'],
    ];
    for (const [method, url, payload, status, code] of cases) {
      const res = await t.gateway.http.inject({ method: method as 'GET' | 'POST', url, headers: auth, ...(payload ? { payload: payload as object } : {}) });
      expect([url, res.statusCode, res.json().error?.code ?? res.body]).toEqual([url, status, code]);
      expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('serves the OpenAPI description at /docs', async () => {
    const res = await t.gateway.http.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/v1/devices', '/api/v1/devices/{id}/revoke']));
  });
});

describe('extensions mounted into the gateway', () => {
  it('register HTTP routes with the gateway context and are closed before the database', async () => {
    const events: string[] = [];
    const t = await startTestGateway(
      {},
      {
        listen: false,
        extensions: [
          {
            name: 'example',
            http: async (app, { gateway }) => {
              app.get('/api/v1/example', async () => ({ devices: (await gateway.devices.list()).length }));
            },
            onFinalised: async () => {},
            close: async () => {
              events.push(`closed, database open: ${t.gateway.db.open}`);
            },
          },
        ],
      },
    );
    const res = await t.gateway.http.inject({ method: 'GET', url: '/api/v1/example' });
    expect(res.json()).toEqual({ devices: 0 });
    await t.stop();
    expect(events).toEqual(['closed, database open: true']);
  });
});
