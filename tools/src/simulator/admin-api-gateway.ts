/**
 * Provisioning through the gateway's admin HTTP API (for a gateway in another
 * process: `npm start`, the demo, a supervised child killed with kill -9):
 * the scenario's branches and staff go into the fleet directory, each badge
 * is provisioned (a new secret), placed in its branch and assigned to its
 * wearer, exactly as an operator would do it.
 */
import type { Scenario } from '../scenario/types.js';
import { SimulatorError } from './errors.js';
import type { SimulatorGateway } from './simulator.js';

export interface AdminApiGatewayOptions {
  /** http://host:port of the gateway. */
  httpUrl: string;
  /** Admin bearer token (`<dataDir>/admin-token` or PARLEY_ADMIN_TOKEN). */
  token: string;
  /** Broker URL the badges use. */
  mqttUrl: string;
  scenario: Scenario;
}

export function adminApiGateway(opts: AdminApiGatewayOptions): SimulatorGateway {
  let directoryDone: Promise<void> | null = null;
  const call = async (method: string, path: string, body: unknown, okConflict = false): Promise<unknown> => {
    const res = await fetch(opts.httpUrl + path, {
      method,
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status === 409 && okConflict) return null;
    const text = await res.text();
    if (!res.ok) throw new SimulatorError('SIM_STATE', `${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const directory = async (): Promise<void> => {
    for (const b of opts.scenario.branches) {
      await call('POST', '/api/v1/branches', { id: b.id, name: b.name || b.id }, true);
      for (const s of b.staff) await call('POST', '/api/v1/staff', { id: s.id, name: s.name, branchId: b.id }, true);
    }
  };
  let serial = 0;
  return {
    mqttUrl: opts.mqttUrl,
    provision: async (deviceId, staffId) => {
      directoryDone ??= directory();
      await directoryDone;
      const spec = opts.scenario.badges.find((b) => b.id === deviceId);
      const created = (await call('POST', '/api/v1/devices', { id: deviceId, serial: `SIM-${++serial}`, hardwareRevision: 'sim-1' })) as { secret?: unknown };
      if (typeof created.secret !== 'string') throw new SimulatorError('SIM_STATE', `provisioning ${deviceId}: no secret in the reply`);
      if (spec) await call('PUT', `/api/v1/devices/${encodeURIComponent(deviceId)}/branch`, { branchId: spec.branch });
      await call('POST', `/api/v1/devices/${encodeURIComponent(deviceId)}/assign`, { staffId });
      return created.secret;
    },
    configure: async (deviceId, settings) => {
      await call('PUT', `/api/v1/config/profiles/device/${encodeURIComponent(deviceId)}`, settings);
    },
  };
}
