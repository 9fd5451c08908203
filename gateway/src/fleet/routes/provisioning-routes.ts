import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Device, DeviceWithSecret, ImportOutcome, ImportReport } from '../../api-types.js';
import { MAX_IMPORT_ROWS } from '../provisioning.js';
import { DeviceSchema, DeviceWithSecretSchema, IdParams } from '../../http/device-schema.js';
import { wireSchema } from '../../http/wire-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const ImportOutcomeSchema = wireSchema<ImportOutcome>()(
  Type.Object({
    line: Type.Integer(),
    serial: Type.String(),
    ok: Type.Boolean(),
    device: Type.Optional(DeviceSchema),
    secret: Type.Optional(Type.String()),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  }),
);
const ImportReportSchema = wireSchema<ImportReport>()(Type.Object({ created: Type.Integer(), failed: Type.Integer(), results: Type.Array(ImportOutcomeSchema) }));

const tags = ['fleet: provisioning'];

/**
 * Credential lifecycle beyond create/revoke (gateway/src/http/device-routes.ts):
 * bulk CSV import (text/csv body), rotate a secret, retire, reinstate.
 * Responses carrying secrets are `cache-control: no-store`.
 */
export const provisioningRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, isOnline }) => {
  const withOnline = <T extends { id: string }>(device: T) => ({ ...device, online: isOnline(device.id) });
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post<{ Body: string; Reply: ImportReport }>(
    '/api/v1/devices/import',
    {
      schema: {
        tags,
        description: `Provisions one device per CSV row (header: serial,hardwareRevision[,id][,firmwareVersion]; at most ${MAX_IMPORT_ROWS} rows). Send as text/csv. Each created device's secret is in the answer, once.`,
        body: Type.String({ minLength: 1 }),
        response: { 200: ImportReportSchema },
      },
    },
    async (request, reply) => {
      const results = await fleet.provisioning.importCsv(request.body, actorOf(request));
      const shown = results.map(({ device, ...r }) => (device ? { ...r, device: withOnline(device) } : r));
      return reply.header('cache-control', 'no-store').send({ created: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results: shown });
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Reply: DeviceWithSecret }>(
    '/api/v1/devices/:id/rotate-secret',
    { schema: { tags, params: IdParams, response: { 200: DeviceWithSecretSchema } } },
    async (request, reply) => {
      const { device, secret } = await fleet.provisioning.rotateSecret(request.params.id, actorOf(request));
      return reply.header('cache-control', 'no-store').send({ device: withOnline(device), secret });
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Reply: Device }>('/api/v1/devices/:id/retire', { schema: { tags, params: IdParams, response: { 200: DeviceSchema } } }, async (request) =>
    withOnline(await fleet.provisioning.retire(request.params.id, actorOf(request))),
  );

  app.post<{ Params: Static<typeof IdParams>; Reply: Device }>('/api/v1/devices/:id/reinstate', { schema: { tags, params: IdParams, response: { 200: DeviceSchema } } }, async (request) =>
    withOnline(await fleet.provisioning.reinstate(request.params.id, actorOf(request))),
  );
};
