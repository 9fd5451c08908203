import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_STATUSES, type Device, type DeviceWithSecret } from '../api-types.js';
import type { DeviceRegistry } from '../registry/device-registry.js';
import { requireAdminToken } from './admin-auth.js';
import { DeviceSchema, DeviceWithSecretSchema, IdParams } from './device-schema.js';
import { oneOf } from './wire-schema.js';

const ProvisionBody = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64 })),
    serial: Type.String({ minLength: 1, maxLength: 64 }),
    hardwareRevision: Type.String({ minLength: 1, maxLength: 32 }),
    firmwareVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    status: Type.Optional(oneOf(DEVICE_STATUSES)),
    afterId: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export interface DeviceRoutesOptions {
  registry: DeviceRegistry;
  adminToken: string;
  isOnline: (deviceId: string) => boolean;
  /** Replaces the admin-token check (fleet users and roles); it must authenticate and authorise. */
  authorize?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The audit actor of a request (default 'admin'). */
  actorOf?: (request: FastifyRequest) => string;
}

/**
 * The minimal admin device API (fleet management extends it): provision a
 * device and get its secret once, list, read, revoke. Bearer admin token.
 */
export const deviceRoutes: FastifyPluginAsync<DeviceRoutesOptions> = async (app, { registry, adminToken, isOnline, authorize, actorOf: actorName }) => {
  const actorOf = (request: FastifyRequest) => ({ actor: actorName?.(request) ?? 'admin', source: request.ip });
  app.addHook(
    'preHandler',
    authorize ?? requireAdminToken(adminToken, (request) => {
      void registry.audit
        .append({ actor: 'anonymous', action: 'api.auth.failed', target: request.url.slice(0, 200), source: request.ip, outcome: 'denied', atMs: Date.now() })
        .catch((err: unknown) => request.log.error({ err }, 'could not write the audit log'));
    }),
  );
  const withOnline = <T extends { id: string }>(device: T) => ({ ...device, online: isOnline(device.id) });

  app.post<{ Body: Static<typeof ProvisionBody>; Reply: DeviceWithSecret }>(
    '/api/v1/devices',
    { schema: { body: ProvisionBody, response: { 201: DeviceWithSecretSchema } } },
    async (request, reply) => {
      const { device, secret } = await registry.provision(request.body, actorOf(request));
      return reply.status(201).header('cache-control', 'no-store').send({ device: withOnline(device), secret });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery>; Reply: { devices: Device[] } }>(
    '/api/v1/devices',
    { schema: { querystring: ListQuery, response: { 200: Type.Object({ devices: Type.Array(DeviceSchema) }) } } },
    async (request) => ({ devices: (await registry.list(request.query)).map(withOnline) }),
  );

  app.get<{ Params: Static<typeof IdParams>; Reply: Device }>(
    '/api/v1/devices/:id',
    { schema: { params: IdParams, response: { 200: DeviceSchema } } },
    async (request) => withOnline(await registry.get(request.params.id)),
  );

  app.post<{ Params: Static<typeof IdParams>; Reply: Device }>(
    '/api/v1/devices/:id/revoke',
    { schema: { params: IdParams, response: { 200: DeviceSchema } } },
    async (request) => withOnline(await registry.revoke(request.params.id, actorOf(request))),
  );
};
