import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Assignment, Branch, Group, Placement, Staff } from '../../api-types.js';
import { wireSchema, nullable } from '../../http/wire-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 128 }) });
const GroupDeviceParams = Type.Object({ id: Type.String({ maxLength: 128 }), deviceId: Type.String({ maxLength: 128 }) });

const BranchSchema = wireSchema<Branch>()(Type.Object({ id: Type.String(), name: Type.String(), region: Type.String(), createdAtMs: Type.Integer() }));
const StaffSchema = wireSchema<Staff>()(Type.Object({ id: Type.String(), name: Type.String(), branchId: nullable(Type.String()), createdAtMs: Type.Integer() }));
const GroupSchema = wireSchema<Group>()(Type.Object({ id: Type.String(), name: Type.String(), createdAtMs: Type.Integer(), deviceIds: Type.Array(Type.String()) }));
const AssignmentSchema = wireSchema<Assignment>()(
  Type.Object({
    id: Type.Integer(),
    deviceId: Type.String(),
    staffId: Type.String(),
    branchId: nullable(Type.String()),
    fromMs: Type.Integer(),
    toMs: nullable(Type.Integer()),
  }),
);
const PlacementSchema = wireSchema<Placement>()(
  Type.Object({
    deviceId: Type.String(),
    branchId: nullable(Type.String()),
    groupIds: Type.Array(Type.String()),
    staffId: nullable(Type.String()),
  }),
);

const NewBranch = Type.Object({ id: Id, name: Name, region: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
const NewStaff = Type.Object({ id: Id, name: Name, branchId: Type.Optional(nullable(Id)) }, { additionalProperties: false });
const StaffPatch = Type.Object({ name: Type.Optional(Name), branchId: Type.Optional(nullable(Id)) }, { additionalProperties: false });
const NewGroup = Type.Object({ id: Id, name: Name }, { additionalProperties: false });
const AssignBody = Type.Object({ staffId: Id, atMs: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false });
const UnassignBody = Type.Object({ atMs: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false });
const BranchBody = Type.Object({ branchId: nullable(Id) }, { additionalProperties: false });
const HistoryQuery = Type.Object({ deviceId: Type.Optional(Type.String({ maxLength: 128 })), staffId: Type.Optional(Type.String({ maxLength: 128 })) }, { additionalProperties: false });

const tags = ['fleet: directory'];

/** Branches, staff, groups, device placement and assignments. */
export const directoryRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry }) => {
  const { directory } = fleet;

  app.post<{ Body: Static<typeof NewBranch> }>('/api/v1/branches', { schema: { tags, body: NewBranch, response: { 201: BranchSchema } } }, async (request, reply) =>
    reply.status(201).send(await directory.createBranch(request.body, actorOf(request))),
  );
  app.get('/api/v1/branches', { schema: { tags, response: { 200: Type.Object({ branches: Type.Array(BranchSchema) }) } } }, async () => ({ branches: directory.listBranches() }));
  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/branches/:id', { schema: { tags, params: IdParams, response: { 200: BranchSchema } } }, async (request) =>
    directory.getBranch(request.params.id),
  );

  app.post<{ Body: Static<typeof NewStaff> }>('/api/v1/staff', { schema: { tags, body: NewStaff, response: { 201: StaffSchema } } }, async (request, reply) =>
    reply.status(201).send(await directory.createStaff(request.body, actorOf(request))),
  );
  app.get<{ Querystring: { branchId?: string } }>(
    '/api/v1/staff',
    { schema: { tags, querystring: Type.Object({ branchId: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }), response: { 200: Type.Object({ staff: Type.Array(StaffSchema) }) } } },
    async (request) => ({ staff: directory.listStaff(request.query.branchId === undefined ? {} : { branchId: request.query.branchId }) }),
  );
  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/staff/:id', { schema: { tags, params: IdParams, response: { 200: StaffSchema } } }, async (request) =>
    directory.getStaff(request.params.id),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof StaffPatch> }>(
    '/api/v1/staff/:id',
    { schema: { tags, params: IdParams, body: StaffPatch, response: { 200: StaffSchema } } },
    async (request) => directory.updateStaff(request.params.id, request.body, actorOf(request)),
  );

  app.post<{ Body: Static<typeof NewGroup> }>('/api/v1/groups', { schema: { tags, body: NewGroup, response: { 201: GroupSchema } } }, async (request, reply) =>
    reply.status(201).send(await directory.createGroup(request.body, actorOf(request))),
  );
  app.get('/api/v1/groups', { schema: { tags, response: { 200: Type.Object({ groups: Type.Array(GroupSchema) }) } } }, async () => ({ groups: directory.listGroups() }));
  app.put<{ Params: Static<typeof GroupDeviceParams> }>(
    '/api/v1/groups/:id/devices/:deviceId',
    { schema: { tags, params: GroupDeviceParams, response: { 200: PlacementSchema } } },
    async (request) => {
      await directory.addToGroup(request.params.id, request.params.deviceId, actorOf(request));
      return directory.placement(request.params.deviceId);
    },
  );
  app.delete<{ Params: Static<typeof GroupDeviceParams> }>(
    '/api/v1/groups/:id/devices/:deviceId',
    { schema: { tags, params: GroupDeviceParams, response: { 200: PlacementSchema } } },
    async (request) => {
      await directory.removeFromGroup(request.params.id, request.params.deviceId, actorOf(request));
      return directory.placement(request.params.deviceId);
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/devices/:id/placement', { schema: { tags, params: IdParams, response: { 200: PlacementSchema } } }, async (request) => {
    const device = await registry.get(request.params.id);
    return directory.placement(device.id);
  });
  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof BranchBody> }>(
    '/api/v1/devices/:id/branch',
    { schema: { tags, params: IdParams, body: BranchBody, response: { 200: PlacementSchema } } },
    async (request) => directory.setDeviceBranch(request.params.id, request.body.branchId, actorOf(request)),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof AssignBody> }>(
    '/api/v1/devices/:id/assign',
    { schema: { tags, params: IdParams, body: AssignBody, response: { 200: AssignmentSchema } } },
    async (request) => directory.assign(request.params.id, request.body.staffId, actorOf(request), request.body.atMs),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof UnassignBody> }>(
    '/api/v1/devices/:id/unassign',
    { schema: { tags, params: IdParams, body: UnassignBody, response: { 200: AssignmentSchema } } },
    async (request) => directory.unassign(request.params.id, actorOf(request), request.body.atMs),
  );
  app.get<{ Querystring: Static<typeof HistoryQuery> }>(
    '/api/v1/assignments',
    { schema: { tags, querystring: HistoryQuery, response: { 200: Type.Object({ assignments: Type.Array(AssignmentSchema) }) } } },
    async (request) => ({ assignments: directory.history(request.query) }),
  );
};
