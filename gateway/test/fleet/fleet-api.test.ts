import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

describe('fleet HTTP API (fastify inject)', () => {
  let t: TestGateway;
  let auth: { authorization: string };
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.gateway.http.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestGateway({}, { listen: false });
    auth = { authorization: `Bearer ${t.gateway.adminToken}` };
  });
  afterAll(async () => t.stop());

  it('refuses every fleet route without the admin token', async () => {
    for (const url of ['/api/v1/branches', '/api/v1/staff', '/api/v1/alerts', '/api/v1/health', '/api/v1/config/drift']) {
      const res = await t.gateway.http.inject({ method: 'GET', url, headers: { authorization: 'Bearer nope' } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('imports devices from CSV: each valid row gets a secret once, bad rows are reported', async () => {
    const csv = ['serial,hardware_revision,id', 'SN-1001,r2,badge-imp-1', 'SN-1002,r2,badge-imp-2', 'SN-1001,r2,badge-imp-3', 'SN/bad,r2,badge-imp-4', ''].join('\n');
    const res = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices/import', headers: { ...auth, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ created: 2, failed: 2 });
    expect(body.results.map((r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code))).toEqual(['ok', 'ok', 'CONFLICT', 'BAD_REQUEST']);
    expect(body.results[0].secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const noHeader = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices/import', headers: { ...auth, 'content-type': 'text/csv' }, payload: 'a,b\n1,2\n' });
    expect(noHeader.statusCode).toBe(400);
    expect((await t.gateway.audit.list({ action: 'device.import' }))[0]!.details).toEqual({ rows: 4, created: 2 });
  });

  it('retires and reinstates with the right state rules', async () => {
    await t.provision('badge-ret');
    expect((await api('POST', '/api/v1/devices/badge-ret/retire')).json().status).toBe('retired');
    expect((await api('POST', '/api/v1/devices/badge-ret/reinstate')).statusCode).toBe(409);
    expect((await api('POST', '/api/v1/devices/badge-ret/rotate-secret')).statusCode).toBe(409);
    expect((await api('POST', '/api/v1/devices/badge-ret/commands', { kind: 'locate' })).statusCode).toBe(409);
    await t.provision('badge-rev');
    await api('POST', '/api/v1/devices/badge-rev/revoke');
    expect((await api('POST', '/api/v1/devices/badge-rev/reinstate')).json().status).toBe('active');
  });

  it('merges profiles device > group > branch > fleet, versions each effective change, and not an unchanged one', async () => {
    await t.provision('badge-inh');
    await api('POST', '/api/v1/branches', { id: 'lyon-02', name: 'Lyon' });
    await api('POST', '/api/v1/groups', { id: 'a-pilot', name: 'Pilot' });
    await api('POST', '/api/v1/groups', { id: 'b-night', name: 'Night shift' });
    expect((await api('PUT', '/api/v1/config/profiles/fleet/*', { bitrate: 16000, telemetryIntervalS: 60, silenceSplitS: 30, maxSessionS: 3600 })).statusCode).toBe(200);
    await api('PUT', '/api/v1/config/profiles/branch/lyon-02', { telemetryIntervalS: 45, silenceSplitS: 20 });
    await api('PUT', '/api/v1/config/profiles/group/a-pilot', { silenceSplitS: 10, maxSessionS: 1800 });
    await api('PUT', '/api/v1/config/profiles/group/b-night', { maxSessionS: 900 });
    const v0 = (await api('GET', '/api/v1/devices/badge-inh/config')).json().wantedVersion as number;
    await api('PUT', '/api/v1/devices/badge-inh/branch', { branchId: 'lyon-02' });
    await api('PUT', '/api/v1/groups/a-pilot/devices/badge-inh');
    await api('PUT', '/api/v1/groups/b-night/devices/badge-inh');
    await api('PUT', '/api/v1/config/profiles/device/badge-inh', { bitrate: 24000 });
    const state = (await api('GET', '/api/v1/devices/badge-inh/config')).json();
    expect(state.config).toEqual({ version: v0 + 4, bitrate: 24000, telemetryIntervalS: 45, silenceSplitS: 10, maxSessionS: 900, staffId: '' });

    // Setting the same value again is no new version.
    await api('PUT', '/api/v1/config/profiles/device/badge-inh', { bitrate: 24000 });
    expect((await api('GET', '/api/v1/devices/badge-inh/config')).json().wantedVersion).toBe(v0 + 4);
    // Removing the device profile falls back to the fleet bitrate.
    expect((await api('DELETE', '/api/v1/config/profiles/device/badge-inh')).statusCode).toBe(204);
    expect((await api('GET', '/api/v1/devices/badge-inh/config')).json().config).toMatchObject({ version: v0 + 5, bitrate: 16000 });
  });

  it('validates profile settings and scopes, hides Wi-Fi passphrases, audits without them', async () => {
    expect((await api('PUT', '/api/v1/config/profiles/fleet/*', { bitrate: 1 })).statusCode).toBe(400);
    expect((await api('PUT', '/api/v1/config/profiles/fleet/*', { colour: 'red' })).statusCode).toBe(400);
    expect((await api('PUT', '/api/v1/config/profiles/branch/nowhere', { bitrate: 16000 })).statusCode).toBe(404);
    expect((await api('PUT', '/api/v1/config/profiles/device/badge-none', { bitrate: 16000 })).statusCode).toBe(404);
    await t.provision('badge-wifi');
    const set = await api('PUT', '/api/v1/config/profiles/device/badge-wifi', { wifi: [{ ssid: 'branch-net', psk: 'hunter2hunter2' }] });
    expect(set.json().settings.wifi).toEqual([{ ssid: 'branch-net', psk: '********' }]);
    expect((await api('GET', '/api/v1/devices/badge-wifi/config')).json().config.wifi).toEqual([{ ssid: 'branch-net', psk: '********' }]);
    expect(t.gateway.fleet.profiles.state('badge-wifi').config.wifi).toEqual([{ ssid: 'branch-net', psk: 'hunter2hunter2' }]);
    const entries = await t.gateway.audit.list({ action: 'config.profile.set', limit: 1000 });
    expect(JSON.stringify(entries)).not.toContain('hunter2');
  });

  it('creates staff, assigns and keeps history through the API; attribution goes through the ingest hook', async () => {
    await t.provision('badge-asg');
    await api('POST', '/api/v1/branches', { id: 'nice-03', name: 'Nice' });
    expect((await api('POST', '/api/v1/staff', { id: 'carol', name: 'Carol', branchId: 'nice-03' })).statusCode).toBe(201);
    expect((await api('POST', '/api/v1/staff', { id: 'carol', name: 'Carol' })).statusCode).toBe(409);
    expect((await api('POST', '/api/v1/devices/badge-asg/assign', { staffId: 'carol', atMs: 1_000 })).json()).toMatchObject({ staffId: 'carol', branchId: 'nice-03', fromMs: 1_000, toMs: null });
    expect((await api('POST', '/api/v1/devices/badge-asg/unassign', { atMs: 2_000 })).json()).toMatchObject({ toMs: 2_000 });
    expect((await api('GET', '/api/v1/assignments?deviceId=badge-asg')).json().assignments).toHaveLength(1);
    expect((await api('GET', '/api/v1/devices/badge-asg/placement')).json()).toMatchObject({ staffId: null, groupIds: [] });
    expect((await api('GET', '/api/v1/devices/badge-zzz/placement')).statusCode).toBe(404);
    expect(t.gateway.fleet.hooks.resolveAttribution('badge-asg', 1_500)).toEqual({ staffId: 'carol', branchId: 'nice-03' });
  });

  it('publishes the fleet routes in the OpenAPI document', async () => {
    const doc = (await t.gateway.http.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of ['/api/v1/branches', '/api/v1/devices/{id}/commands', '/api/v1/config/profiles/{scope}/{scopeId}', '/api/v1/alerts', '/api/v1/devices/import']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
