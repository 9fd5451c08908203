import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { DEVICE_STATUSES, type DeviceHealth, type HealthHistory, type HealthSample } from '../../api-types.js';
import { IdParams } from '../../http/device-schema.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import type { FleetRouteOptions } from './index.js';

const HealthSchema = wireSchema<DeviceHealth>()(
  Type.Object({
    deviceId: Type.String(),
    online: Type.Boolean(),
    status: oneOf(DEVICE_STATUSES),
    lastSeenAtMs: nullable(Type.Integer()),
    updatedAtMs: nullable(Type.Integer()),
    batteryPercent: nullable(Type.Integer()),
    charging: nullable(Type.Boolean()),
    flashUsedBytes: nullable(Type.Integer()),
    flashFreeBytes: nullable(Type.Integer()),
    flashUsedPercent: nullable(Type.Number()),
    backlogSeconds: nullable(Type.Integer()),
    rssiDbm: nullable(Type.Integer()),
    firmwareVersion: nullable(Type.String()),
    hardwareRevision: nullable(Type.String()),
    configVersion: nullable(Type.Integer()),
    wantedConfigVersion: nullable(Type.Integer()),
    clockState: nullable(Type.String()),
    deviceState: nullable(Type.String()),
    droppedFrames: nullable(Type.Integer()),
    spoolEraseStalls: nullable(Type.Integer({ description: 'since boot: spool segments the badge had to erase in the foreground (the recording waited)' })),
    bootCount: nullable(Type.Integer()),
    uptimeS: nullable(Type.Integer()),
    lastErrorCode: nullable(Type.Integer()),
  }),
);
const SampleSchema = wireSchema<HealthSample>()(
  Type.Object({
    atMs: Type.Integer(),
    batteryPercent: nullable(Type.Number()),
    flashUsedPercent: nullable(Type.Number()),
    backlogSeconds: nullable(Type.Number()),
    rssiDbm: nullable(Type.Number()),
    droppedFrames: nullable(Type.Number()),
    spoolEraseStalls: nullable(Type.Number()),
  }),
);
const HistoryQuery = Type.Object(
  {
    fromMs: Type.Optional(Type.Integer({ minimum: 0 })),
    toMs: Type.Optional(Type.Integer({ minimum: 0 })),
    bucketMs: Type.Optional(Type.Integer({ minimum: 60_000, maximum: 7 * 24 * 3600_000 })),
  },
  { additionalProperties: false },
);

const tags = ['fleet: health'];

/** Latest health of every device (the fleet table) and one device's history (charts). */
export const healthRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry, isOnline }) => {
  const view = async (deviceId: string): Promise<DeviceHealth> => {
    const device = await registry.get(deviceId);
    const health = fleet.health.get(device.id);
    const { deviceId: _id, ...values } = health ?? emptyHealth();
    return {
      ...values,
      deviceId: device.id,
      online: isOnline(device.id),
      status: device.status,
      lastSeenAtMs: device.lastSeenAtMs,
      updatedAtMs: health?.updatedAtMs ?? null,
      hardwareRevision: values.hardwareRevision ?? device.hardwareRevision,
      firmwareVersion: values.firmwareVersion ?? device.firmwareVersion,
      wantedConfigVersion: fleet.profiles.state(device.id).wantedVersion,
    };
  };
  app.get<{ Reply: { devices: DeviceHealth[] } }>('/api/v1/health', { schema: { tags, response: { 200: Type.Object({ devices: Type.Array(HealthSchema) }) } } }, async () => {
    const devices = await registry.list({ limit: 1000 });
    return { devices: await Promise.all(devices.map((d) => view(d.id))) };
  });
  app.get<{ Params: Static<typeof IdParams>; Reply: DeviceHealth }>('/api/v1/devices/:id/health', { schema: { tags, params: IdParams, response: { 200: HealthSchema } } }, async (request) =>
    view(request.params.id),
  );
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof HistoryQuery>; Reply: HealthHistory }>(
    '/api/v1/devices/:id/health/history',
    { schema: { tags, params: IdParams, querystring: HistoryQuery, response: { 200: Type.Object({ bucketMs: Type.Integer(), samples: Type.Array(SampleSchema) }) } } },
    async (request) => {
      const device = await registry.get(request.params.id);
      const toMs = request.query.toMs ?? Date.now();
      const fromMs = request.query.fromMs ?? toMs - 24 * 3600_000;
      const bucketMs = request.query.bucketMs ?? 5 * 60_000;
      return { bucketMs, samples: fleet.health.history(device.id, fromMs, toMs, bucketMs) };
    },
  );
};

function emptyHealth() {
  return {
    deviceId: '',
    updatedAtMs: null,
    batteryPercent: null,
    charging: null,
    flashUsedBytes: null,
    flashFreeBytes: null,
    flashUsedPercent: null,
    backlogSeconds: null,
    rssiDbm: null,
    firmwareVersion: null,
    hardwareRevision: null,
    configVersion: null,
    clockState: null,
    deviceState: null,
    droppedFrames: null,
    spoolEraseStalls: null,
    bootCount: null,
    uptimeS: null,
    lastErrorCode: null,
  };
}
