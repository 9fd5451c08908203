import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ALERT_KINDS, ALERT_SEVERITIES, DEVICE_STATUSES, FLEET_SORTS, type Alert, type FleetPage, type FleetQuery, type FleetRow, type FleetSort, type Placement } from '../../api-types.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import type { PublicDevice } from '../../registry/device-registry.js';
import type { FleetDirectory } from '../directory.js';
import type { ReportedHealth } from '../health.js';
import type { FleetRouteOptions } from './index.js';

const Status = oneOf(DEVICE_STATUSES);

/** One line of the fleet table: identity, placement, latest health and open alerts. */
const RowSchema = wireSchema<FleetRow>()(
  Type.Object({
    id: Type.String(),
    serial: Type.String(),
    hardwareRevision: Type.String(),
    firmwareVersion: nullable(Type.String()),
    status: Status,
    online: Type.Boolean(),
    lastSeenAtMs: nullable(Type.Integer()),
    branchId: nullable(Type.String()),
    staffId: nullable(Type.String()),
    groupIds: Type.Array(Type.String()),
    health: Type.Object({
      updatedAtMs: nullable(Type.Integer()),
      batteryPercent: nullable(Type.Integer()),
      charging: nullable(Type.Boolean()),
      flashUsedPercent: nullable(Type.Number()),
      backlogSeconds: nullable(Type.Integer()),
      rssiDbm: nullable(Type.Integer()),
      clockState: nullable(Type.String()),
      deviceState: nullable(Type.String()),
      droppedFrames: nullable(Type.Integer()),
      configVersion: nullable(Type.Integer()),
    }),
    alerts: Type.Array(
      Type.Object({ id: Type.Integer(), kind: oneOf(ALERT_KINDS), severity: oneOf(ALERT_SEVERITIES) }),
    ),
  }),
);

const AlertFilter = oneOf(['any', 'none', ...ALERT_KINDS]);
const Query = wireSchema<FleetQuery>()(
  Type.Object(
    {
      q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the device id or serial (case-insensitive)' })),
      status: Type.Optional(Status),
      branchId: Type.Optional(Type.String({ maxLength: 64 })),
      staffId: Type.Optional(Type.String({ maxLength: 64 })),
      firmwareVersion: Type.Optional(Type.String({ maxLength: 64 })),
      online: Type.Optional(Type.Boolean()),
      alert: Type.Optional(AlertFilter),
      sort: Type.Optional(oneOf(FLEET_SORTS, { description: 'id (default), lastSeen (newest first), battery (lowest first), flash (fullest first), backlog (largest first); ties by id' })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    },
    { additionalProperties: false },
  ),
);
const PageSchema = wireSchema<FleetPage>()(
  Type.Object({ total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer(), firmwareVersions: Type.Array(Type.String()), rows: Type.Array(RowSchema) }),
);

/** The registry pages by id; the table reads all of it (it is at most a few thousand badges). */
const REGISTRY_PAGE = 1000;

const tags = ['fleet: health'];

/**
 * GET /api/v1/fleet/devices: the admin UI's fleet table in one request,
 * filtered and paged on the server so the browser receives one page
 * whatever the fleet size. Each row joins the device, its branch, wearer
 * and groups, its latest health and its open alerts; `firmwareVersions`
 * lists every version in the fleet for the filter.
 */
export const fleetTableRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry, isOnline }) => {
  const allDevices = async (): Promise<PublicDevice[]> => {
    const out: PublicDevice[] = [];
    for (;;) {
      const page = await registry.list({ limit: REGISTRY_PAGE, ...(out.length ? { afterId: out.at(-1)!.id } : {}) });
      out.push(...page);
      if (page.length < REGISTRY_PAGE) return out;
    }
  };

  app.get<{ Querystring: FleetQuery; Reply: FleetPage }>(
    '/api/v1/fleet/devices',
    {
      schema: {
        tags,
        description: 'The fleet table: devices with placement, latest health and open alerts; filtered, sorted (by id unless `sort`), paged by offset.',
        querystring: Query,
        response: { 200: PageSchema },
      },
    },
    async (request) => {
      const query = request.query;
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      const devices = await allDevices();
      const health = new Map<string, ReportedHealth>(fleet.health.all().map((h) => [h.deviceId, h]));
      const alerts = new Map<string, Alert[]>();
      for (const alert of fleet.alerts.list({ state: 'open', limit: 1000 })) alerts.set(alert.deviceId, [...(alerts.get(alert.deviceId) ?? []), alert]);

      const placements = allPlacements(fleet.directory);
      const rows: FleetRow[] = devices.map((device) =>
        toRow(device, health.get(device.id) ?? null, alerts.get(device.id) ?? [], isOnline(device.id), placements.get(device.id) ?? { branchId: null, staffId: null, groupIds: [] }),
      );
      const firmwareVersions = [...new Set(rows.map((r) => r.firmwareVersion).filter((v): v is string => v !== null))].sort();
      const matching = rows.filter(matches(query)).sort(compare(query.sort ?? 'id'));
      return { total: matching.length, offset, limit, firmwareVersions, rows: matching.slice(offset, offset + limit) };
    },
  );
};

/** Where a device sits, by device id. */
type DevicePlacement = Omit<Placement, 'deviceId'>;

/**
 * Every device's branch, groups and current wearer in a few queries (one per
 * branch and group, one for the open assignments) rather than three per
 * device: the same answers as FleetDirectory.placement for the whole fleet.
 */
function allPlacements(directory: FleetDirectory): Map<string, DevicePlacement> {
  const out = new Map<string, DevicePlacement>();
  const of = (deviceId: string): DevicePlacement => {
    let p = out.get(deviceId);
    if (!p) out.set(deviceId, (p = { branchId: null, staffId: null, groupIds: [] }));
    return p;
  };
  for (const branch of directory.listBranches()) for (const deviceId of directory.branchMembers(branch.id)) of(deviceId).branchId = branch.id;
  // Groups come in id order, so each device's groupIds are sorted as placement() sorts them.
  for (const group of directory.listGroups()) for (const deviceId of group.deviceIds) of(deviceId).groupIds.push(group.id);
  // The open assignment that started last, as currentAssignment() picks it.
  const since = new Map<string, number>();
  for (const a of directory.history({})) {
    if (a.toMs !== null || (since.get(a.deviceId) ?? -Infinity) > a.fromMs) continue;
    since.set(a.deviceId, a.fromMs);
    of(a.deviceId).staffId = a.staffId;
  }
  return out;
}

function toRow(device: PublicDevice, h: ReportedHealth | null, alerts: Alert[], online: boolean, placement: DevicePlacement): FleetRow {
  return {
    id: device.id,
    serial: device.serial,
    hardwareRevision: h?.hardwareRevision ?? device.hardwareRevision,
    firmwareVersion: h?.firmwareVersion ?? device.firmwareVersion,
    status: device.status,
    online,
    lastSeenAtMs: device.lastSeenAtMs,
    branchId: placement.branchId,
    staffId: placement.staffId,
    groupIds: placement.groupIds,
    health: {
      updatedAtMs: h?.updatedAtMs ?? null,
      batteryPercent: h?.batteryPercent ?? null,
      charging: h?.charging ?? null,
      flashUsedPercent: h?.flashUsedPercent ?? null,
      backlogSeconds: h?.backlogSeconds ?? null,
      rssiDbm: h?.rssiDbm ?? null,
      clockState: h?.clockState ?? null,
      deviceState: h?.deviceState ?? null,
      droppedFrames: h?.droppedFrames ?? null,
      configVersion: h?.configVersion ?? null,
    },
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, severity: a.severity })),
  };
}

/** Row order: the worst first for health sorts, devices that never reported last; ties by id (stable paging). */
export function compare(sort: FleetSort): (a: FleetRow, b: FleetRow) => number {
  const key: Record<FleetSort, ((r: FleetRow) => number | null) | null> = {
    id: null,
    lastSeen: (r) => (r.lastSeenAtMs === null ? null : -r.lastSeenAtMs),
    battery: (r) => r.health.batteryPercent,
    flash: (r) => (r.health.flashUsedPercent === null ? null : -r.health.flashUsedPercent),
    backlog: (r) => (r.health.backlogSeconds === null ? null : -r.health.backlogSeconds),
  };
  const of = key[sort];
  const byId = (a: FleetRow, b: FleetRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (!of) return byId;
  return (a, b) => {
    const x = of(a);
    const y = of(b);
    if (x === y) return byId(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x - y || byId(a, b);
  };
}

/** The filter of a query: every given criterion must hold. */
export function matches(query: FleetQuery): (row: FleetRow) => boolean {
  const needle = query.q?.trim().toLowerCase() ?? '';
  return (row) => {
    if (needle && !row.id.toLowerCase().includes(needle) && !row.serial.toLowerCase().includes(needle)) return false;
    if (query.status !== undefined && row.status !== query.status) return false;
    if (query.branchId !== undefined && row.branchId !== query.branchId) return false;
    if (query.staffId !== undefined && row.staffId !== query.staffId) return false;
    if (query.firmwareVersion !== undefined && row.firmwareVersion !== query.firmwareVersion) return false;
    if (query.online !== undefined && row.online !== query.online) return false;
    if (query.alert === 'any' && row.alerts.length === 0) return false;
    if (query.alert === 'none' && row.alerts.length > 0) return false;
    if (query.alert !== undefined && query.alert !== 'any' && query.alert !== 'none' && !row.alerts.some((a) => a.kind === query.alert)) return false;
    return true;
  };
}
