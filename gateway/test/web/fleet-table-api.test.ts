/**
 * The read APIs the admin UI adds to the fleet API: the filtered, paged
 * fleet table (GET /api/v1/fleet/devices), and the alert webhook's delivery
 * state the alerts page reads (GET /api/v1/alerts/webhook), through fastify inject.
 */
import { pb, type DecodedUp } from '@parley/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const FLEET_SIZE = 300;

function telemetry(values: Partial<DecodedUp<'telemetry'>>): DecodedUp<'telemetry'> {
  return {
    batteryPercent: 80, batteryMv: 3900, charging: false, flashUsedBytes: 100, flashFreeBytes: 900, backlogSeconds: 0, rssiDbm: -60, uptimeS: 100,
    state: pb.DeviceState.DEVICE_STATE_IDLE, droppedFrames: 0, clockState: pb.ClockState.CLOCK_STATE_SYNCED, firmwareVersion: '1.0.0',
    lastErrorCode: 0, timeMs: 0, configVersion: 1, bootCount: 1, spoolEraseStalls: 0, ...values,
  };
}

interface Row {
  id: string;
  serial: string;
  status: string;
  firmwareVersion: string | null;
  branchId: string | null;
  staffId: string | null;
  groupIds: string[];
  online: boolean;
  health: { batteryPercent: number | null; flashUsedPercent: number | null; droppedFrames: number | null };
  alerts: { kind: string; severity: string }[];
}
interface Page {
  total: number;
  offset: number;
  limit: number;
  firmwareVersions: string[];
  rows: Row[];
}

describe('fleet table API for the admin UI', () => {
  let t: TestGateway;
  const auth = () => ({ authorization: `Bearer ${t.gateway.adminToken}` });
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.gateway.http.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
  const table = async (query: string): Promise<Page> => {
    const res = await api('GET', `/api/v1/fleet/devices${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  beforeAll(async () => {
    t = await startTestGateway({}, { listen: false, fleetConfig: { batteryLowPercent: 15 } });
    const csv = ['serial,hardwareRevision,id,firmwareVersion'];
    for (let i = 0; i < FLEET_SIZE; i++) csv.push(`SN-${String(i).padStart(4, '0')},r2,badge-${String(i).padStart(4, '0')},${i % 3 === 0 ? '1.1.0' : '1.0.0'}`);
    const imported = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices/import', headers: { ...auth(), 'content-type': 'text/csv' }, payload: csv.join('\n') });
    expect(imported.json()).toMatchObject({ created: FLEET_SIZE, failed: 0 });
    await api('POST', '/api/v1/branches', { id: 'paris-01', name: 'Paris' });
    await api('POST', '/api/v1/staff', { id: 'alice', name: 'Alice', branchId: 'paris-01' });
    for (const id of ['badge-0001', 'badge-0002', 'badge-0003']) await api('PUT', `/api/v1/devices/${id}/branch`, { branchId: 'paris-01' });
    expect((await api('POST', '/api/v1/devices/badge-0002/assign', { staffId: 'alice' })).statusCode).toBe(200);
    await api('POST', '/api/v1/devices/badge-0009/revoke');
    // Groups and a history of wearers: bob wore badge-0005, then badge-0006; carol wore badge-0007 (unassigned since), then badge-0005.
    await api('POST', '/api/v1/staff', { id: 'bob', name: 'Bob' });
    await api('POST', '/api/v1/staff', { id: 'carol', name: 'Carol' });
    await api('POST', '/api/v1/groups', { id: 'b-night', name: 'Night' });
    await api('POST', '/api/v1/groups', { id: 'a-pilot', name: 'Pilot' });
    for (const [group, device] of [['b-night', 'badge-0005'], ['a-pilot', 'badge-0005'], ['a-pilot', 'badge-0006']]) await api('PUT', `/api/v1/groups/${group}/devices/${device}`);
    const t0 = Date.now() - 10_000;
    await api('POST', '/api/v1/devices/badge-0005/assign', { staffId: 'bob', atMs: t0 });
    await api('POST', '/api/v1/devices/badge-0006/assign', { staffId: 'bob', atMs: t0 + 1000 });
    await api('POST', '/api/v1/devices/badge-0007/assign', { staffId: 'carol', atMs: t0 + 2000 });
    await api('POST', '/api/v1/devices/badge-0007/unassign', { atMs: t0 + 3000 });
    await api('POST', '/api/v1/devices/badge-0005/assign', { staffId: 'carol', atMs: t0 + 4000 });
    // Health as badges report it: one low battery with dropped audio, one on 2.0.0.
    t.gateway.fleet.health.recordTelemetry('badge-0003', telemetry({ batteryPercent: 5, droppedFrames: 4 }), Date.now());
    t.gateway.fleet.health.recordTelemetry('badge-0004', telemetry({ firmwareVersion: '2.0.0', flashUsedBytes: 500, flashFreeBytes: 500 }), Date.now());
    await t.gateway.fleet.alerts.evaluate();
  }, 60_000);
  afterAll(async () => t?.stop());

  it('pages the whole fleet by id with the total and every firmware version', async () => {
    const first = await table('?limit=50');
    expect(first).toMatchObject({ total: FLEET_SIZE, offset: 0, limit: 50 });
    expect(first.rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `badge-${String(i).padStart(4, '0')}`));
    expect(first.firmwareVersions).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    const last = await table('?offset=280&limit=50');
    expect(last.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `badge-${String(280 + i).padStart(4, '0')}`));
    expect((await table('?offset=1000')).rows).toEqual([]);
  });

  it('joins placement, latest health and open alerts into each row', async () => {
    const { rows } = await table('?q=badge-000&limit=10');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('badge-0002')).toMatchObject({ branchId: 'paris-01', staffId: 'alice', online: false, status: 'provisioned' });
    expect(byId.get('badge-0003')!.health).toMatchObject({ batteryPercent: 5, droppedFrames: 4 });
    expect(byId.get('badge-0003')!.alerts.map((a) => a.kind).sort()).toEqual(['battery_low', 'dropped_audio']);
    expect(byId.get('badge-0004')).toMatchObject({ firmwareVersion: '2.0.0', health: { flashUsedPercent: 50 }, alerts: [] });
    expect(byId.get('badge-0009')!.status).toBe('revoked');
  });

  it('gives every row the placement the directory gives that device', async () => {
    const { rows } = await table('?limit=20');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('badge-0005')).toMatchObject({ staffId: 'carol', groupIds: ['a-pilot', 'b-night'] });
    expect(byId.get('badge-0006')).toMatchObject({ staffId: 'bob', groupIds: ['a-pilot'] });
    expect(byId.get('badge-0007')).toMatchObject({ staffId: null, groupIds: [] });
    for (const row of rows) {
      const placement = (await api('GET', `/api/v1/devices/${row.id}/placement`)).json();
      expect({ branchId: row.branchId, staffId: row.staffId, groupIds: row.groupIds }, row.id).toEqual({ branchId: placement.branchId, staffId: placement.staffId, groupIds: placement.groupIds });
    }
  });

  it('filters by search, status, branch, staff, firmware, online and alert state', async () => {
    expect((await table('?q=sn-029')).rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `badge-029${i}`));
    expect((await table('?q=BADGE-0150')).rows.map((r) => r.id)).toEqual(['badge-0150']);
    expect((await table('?status=revoked')).rows.map((r) => r.id)).toEqual(['badge-0009']);
    expect((await table('?branchId=paris-01')).rows.map((r) => r.id)).toEqual(['badge-0001', 'badge-0002', 'badge-0003']);
    expect((await table('?staffId=alice')).rows.map((r) => r.id)).toEqual(['badge-0002']);
    expect((await table('?staffId=bob')).rows.map((r) => r.id)).toEqual(['badge-0006']);
    expect((await table('?firmwareVersion=2.0.0')).rows.map((r) => r.id)).toEqual(['badge-0004']);
    expect((await table('?firmwareVersion=1.1.0')).total).toBe(FLEET_SIZE / 3 - 1); // badge-0003 now reports 1.0.0
    expect((await table('?online=true')).total).toBe(0);
    expect((await table('?online=false')).total).toBe(FLEET_SIZE);
    expect((await table('?alert=any')).rows.map((r) => r.id)).toEqual(['badge-0003']);
    expect((await table('?alert=battery_low')).rows.map((r) => r.id)).toEqual(['badge-0003']);
    expect((await table('?alert=flash')).total).toBe(0);
    expect((await table('?alert=none')).total).toBe(FLEET_SIZE - 1);
    expect((await table('?branchId=paris-01&alert=none&q=0001')).rows.map((r) => r.id)).toEqual(['badge-0001']);
  });

  it('sorts by health, worst first, devices that never reported last, ties by id', async () => {
    t.gateway.fleet.health.recordTelemetry('badge-0010', telemetry({ batteryPercent: 30, backlogSeconds: 900, flashUsedBytes: 900, flashFreeBytes: 100 }), Date.now());
    t.gateway.fleet.health.recordTelemetry('badge-0011', telemetry({ batteryPercent: 30, backlogSeconds: 60 }), Date.now());
    expect((await table('?sort=battery&limit=4')).rows.map((r) => r.id)).toEqual(['badge-0003', 'badge-0010', 'badge-0011', 'badge-0004']);
    expect((await table('?sort=flash&limit=2')).rows.map((r) => r.id)).toEqual(['badge-0010', 'badge-0004']);
    expect((await table('?sort=backlog&limit=2')).rows.map((r) => r.id)).toEqual(['badge-0010', 'badge-0011']);
    const bottom = await table(`?sort=battery&offset=${FLEET_SIZE - 2}`);
    expect(bottom.rows.map((r) => r.id)).toEqual(['badge-0298', 'badge-0299']); // never reported: last, by id
    expect((await table('?sort=battery&branchId=paris-01')).rows.map((r) => r.id)).toEqual(['badge-0003', 'badge-0001', 'badge-0002']);
    expect((await api('GET', '/api/v1/fleet/devices?sort=colour')).statusCode).toBe(400);
  });

  it('refuses bad queries and callers without a token', async () => {
    expect((await api('GET', '/api/v1/fleet/devices?limit=0')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/fleet/devices?limit=501')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/fleet/devices?alert=sometimes')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/fleet/devices?colour=red')).statusCode).toBe(400);
    expect((await t.gateway.http.inject({ method: 'GET', url: '/api/v1/fleet/devices' })).statusCode).toBe(401);
  });

  it('reports the webhook delivery state the alerts page shows', async () => {
    const res = await api('GET', '/api/v1/alerts/webhook');
    expect(res.statusCode).toBe(200);
    // No webhook configured: nothing is queued for it (the delivery API itself is tested in test/fleet).
    expect(res.json()).toMatchObject({ configured: false, pending: 0 });
  });
});
