import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ParleyError } from '../../errors.js';
import { COMMAND_KINDS, COMMAND_STATES, type Command } from '../../api-types.js';
import { DEFAULT_COMMAND_TTL_MS, MAX_COMMAND_TTL_MS } from '../commands.js';
import { IdParams } from '../../http/device-schema.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const CommandSchema = wireSchema<Command>()(
  Type.Object({
    id: Type.String(),
    deviceId: Type.String(),
    kind: oneOf([...COMMAND_KINDS, 'firmware-update' as const]),
    issuedAtMs: Type.Integer(),
    expiresAtMs: Type.Integer(),
    issuedBy: Type.String(),
    state: oneOf(COMMAND_STATES),
    sentAtMs: nullable(Type.Integer()),
    result: Type.Union([
      Type.Object({ status: Type.String(), detail: Type.String(), atMs: Type.Integer(), progress: nullable(Type.Integer()) }),
      Type.Null(),
    ]),
  }),
);
const IssueBody = Type.Object(
  {
    kind: oneOf(COMMAND_KINDS),
    ttlMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: MAX_COMMAND_TTL_MS, description: `default ${DEFAULT_COMMAND_TTL_MS}` })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  { state: Type.Optional(oneOf(COMMAND_STATES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  { additionalProperties: false },
);
const CommandParams = Type.Object({ id: Type.String({ maxLength: 128 }), commandId: Type.String({ maxLength: 64 }) });

const tags = ['fleet: commands'];

/**
 * Commands to a badge: queued with an expiry, sent at once when the badge
 * is online and after each Hello otherwise, results recorded. `lock` also
 * makes the gateway tell the badge to lock in its HelloReply and, once the
 * badge confirms, marks the device locked (refused at later connects).
 */
export const commandRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry }) => {
  const deviceCommand = (deviceId: string, commandId: string) => {
    const command = fleet.commands.get(commandId);
    if (command.deviceId !== deviceId) throw new ParleyError('NOT_FOUND', `command ${commandId} of device ${deviceId}`);
    return command;
  };
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof IssueBody>; Reply: Command }>(
    '/api/v1/devices/:id/commands',
    { schema: { tags, params: IdParams, body: IssueBody, response: { 201: CommandSchema } } },
    async (request, reply) => {
      const device = await registry.get(request.params.id);
      if (device.status === 'retired' || device.status === 'revoked') throw new ParleyError('CONFLICT', `device is ${device.status}`);
      const command = await fleet.commands.issue(device.id, request.body.kind, request.body.ttlMs ?? DEFAULT_COMMAND_TTL_MS, actorOf(request));
      fleet.link.deliverCommands(device.id);
      return reply.status(201).send(fleet.commands.get(command.id));
    },
  );
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof ListQuery>; Reply: { commands: Command[] } }>(
    '/api/v1/devices/:id/commands',
    { schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: Type.Object({ commands: Type.Array(CommandSchema) }) } } },
    async (request) => {
      const device = await registry.get(request.params.id);
      const { state, limit } = request.query;
      return { commands: fleet.commands.list({ deviceId: device.id, ...(state ? { state } : {}), ...(limit ? { limit } : {}) }) };
    },
  );
  app.get<{ Params: Static<typeof CommandParams>; Reply: Command }>('/api/v1/devices/:id/commands/:commandId', { schema: { tags, params: CommandParams, response: { 200: CommandSchema } } }, async (request) => {
    return deviceCommand(request.params.id, request.params.commandId);
  });
  app.post<{ Params: Static<typeof CommandParams>; Reply: Command }>(
    '/api/v1/devices/:id/commands/:commandId/cancel',
    { schema: { tags, params: CommandParams, response: { 200: CommandSchema } } },
    async (request) => {
      const command = deviceCommand(request.params.id, request.params.commandId);
      return fleet.commands.cancel(command.id, actorOf(request));
    },
  );
};
