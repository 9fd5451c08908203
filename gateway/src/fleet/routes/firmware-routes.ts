import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ParleyError } from '../../errors.js';
import { ROLLOUT_DEVICE_STATES, ROLLOUT_STATES, type Release, type Rollout, type RolloutDetail, type RolloutDevice, type RolloutInput } from '../../api-types.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import { MAX_BUNDLE_BYTES } from '../releases.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const ReleaseSchema = wireSchema<Release>()(
  Type.Object({
    id: Type.String(),
    version: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    minHardwareRevision: Type.String(),
    notes: Type.String(),
    createdAtMs: Type.Integer(),
  }),
);
const Counts = Type.Object({ offered: Type.Integer(), downloading: Type.Integer(), staged: Type.Integer(), applied: Type.Integer(), failed: Type.Integer() });
const RolloutSchema = wireSchema<Rollout>()(
  Type.Object({
    id: Type.String(),
    releaseId: Type.String(),
    version: Type.String(),
    groupId: nullable(Type.String()),
    branchId: nullable(Type.String()),
    stages: Type.Array(Type.Integer()),
    stageIndex: Type.Integer(),
    state: oneOf(ROLLOUT_STATES),
    failureThresholdPercent: Type.Number(),
    reconnectTimeoutMs: Type.Integer(),
    reason: nullable(Type.String()),
    createdAtMs: Type.Integer(),
    updatedAtMs: Type.Integer(),
    counts: Counts,
    eligible: Type.Integer(),
  }),
);
const RolloutDeviceSchema = wireSchema<RolloutDevice>()(
  Type.Object({
    deviceId: Type.String(),
    stage: Type.Integer(),
    state: oneOf(ROLLOUT_DEVICE_STATES),
    detail: nullable(Type.String()),
    updatedAtMs: Type.Integer(),
  }),
);
const RolloutDetailSchema = wireSchema<RolloutDetail>()(Type.Object({ rollout: RolloutSchema, devices: Type.Array(RolloutDeviceSchema) }));
const UploadQuery = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 64 }),
    minHardwareRevision: Type.Optional(Type.String({ maxLength: 32 })),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$' })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const NewRollout = wireSchema<RolloutInput>()(
  Type.Object(
    {
      releaseId: Type.String({ minLength: 1, maxLength: 80 }),
      stages: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 100 }), { minItems: 1, maxItems: 10 })),
      groupId: Type.Optional(Type.String({ maxLength: 64 })),
      branchId: Type.Optional(Type.String({ maxLength: 64 })),
      failureThresholdPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
      reconnectTimeoutMs: Type.Optional(Type.Integer({ minimum: 1_000, maximum: 7 * 24 * 3600_000 })),
    },
    { additionalProperties: false },
  ),
);
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const ResumeQuery = Type.Object({ failureThresholdPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) }, { additionalProperties: false });

const tags = ['fleet: firmware'];

/** Firmware releases (bundle upload as application/octet-stream) and staged rollouts. */
export const firmwareRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet }) => {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BUNDLE_BYTES }, (_request, body, done) => done(null, body));

  app.post<{ Querystring: Static<typeof UploadQuery>; Body: Buffer }>(
    '/api/v1/releases',
    {
      bodyLimit: MAX_BUNDLE_BYTES,
      schema: { tags, description: 'Upload a firmware bundle as application/octet-stream; version etc. in the query. A given sha256 must match.', querystring: UploadQuery, response: { 201: ReleaseSchema } },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new ParleyError('BAD_REQUEST', 'send the bundle as application/octet-stream');
      const { version, minHardwareRevision, sha256, notes } = request.query;
      const release = await fleet.releases.create(
        { version, bundle: request.body, ...(minHardwareRevision !== undefined ? { minHardwareRevision } : {}), ...(sha256 !== undefined ? { sha256 } : {}), ...(notes !== undefined ? { notes } : {}) },
        actorOf(request),
      );
      return reply.status(201).send(release);
    },
  );
  app.get('/api/v1/releases', { schema: { tags, response: { 200: Type.Object({ releases: Type.Array(ReleaseSchema) }) } } }, async () => ({ releases: fleet.releases.list() }));

  app.post<{ Body: Static<typeof NewRollout> }>('/api/v1/rollouts', { schema: { tags, body: NewRollout, response: { 201: RolloutSchema } } }, async (request, reply) =>
    reply.status(201).send(await fleet.rollouts.create(request.body, actorOf(request))),
  );
  app.get('/api/v1/rollouts', { schema: { tags, response: { 200: Type.Object({ rollouts: Type.Array(RolloutSchema) }) } } }, async () => ({ rollouts: fleet.rollouts.list() }));
  app.get<{ Params: Static<typeof IdParams>; Reply: RolloutDetail }>(
    '/api/v1/rollouts/:id',
    { schema: { tags, params: IdParams, response: { 200: RolloutDetailSchema } } },
    async (request) => ({ rollout: fleet.rollouts.get(request.params.id), devices: fleet.rollouts.devices(request.params.id) }),
  );
  app.post<{ Params: Static<typeof IdParams>; Querystring: Static<typeof ResumeQuery> }>(
    '/api/v1/rollouts/:id/resume',
    { schema: { tags, description: 'Resume a paused rollout; ?failureThresholdPercent= replaces the old threshold.', params: IdParams, querystring: ResumeQuery, response: { 200: RolloutSchema } } },
    async (request) => fleet.rollouts.resume(request.params.id, actorOf(request), request.query.failureThresholdPercent),
  );
  for (const action of ['pause', 'abort'] as const) {
    app.post<{ Params: Static<typeof IdParams> }>(`/api/v1/rollouts/:id/${action}`, { schema: { tags, params: IdParams, response: { 200: RolloutSchema } } }, async (request) =>
      fleet.rollouts[action](request.params.id, actorOf(request)),
    );
  }
};
