import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ALERT_KINDS } from '../alerts.js';
import type { FleetRouteOptions } from './index.js';

const AlertSchema = Type.Object({
  id: Type.Integer(),
  deviceId: Type.String(),
  kind: Type.Union(ALERT_KINDS.map((k) => Type.Literal(k))),
  severity: Type.Union([Type.Literal('warning'), Type.Literal('critical')]),
  message: Type.String(),
  details: Type.Object({}, { additionalProperties: true }),
  openedAtMs: Type.Integer(),
  resolvedAtMs: Type.Union([Type.Integer(), Type.Null()]),
});
const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
    deviceId: Type.Optional(Type.String({ maxLength: 128 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

const tags = ['fleet: alerts'];

/** Alerts (newest first) and an on-demand evaluation. */
export const alertRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet }) => {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/alerts',
    { schema: { tags, querystring: ListQuery, response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }) } } },
    async (request) => ({ alerts: fleet.alerts.list(request.query) }),
  );
  app.get(
    '/api/v1/alerts/webhook',
    { schema: { tags, description: 'Alert webhook delivery: notifications not yet accepted by the webhook (retried at the next evaluation).', response: { 200: Type.Object({ pending: Type.Integer() }) } } },
    async () => ({ pending: fleet.alerts.pendingNotifications() }),
  );
  app.post('/api/v1/alerts/evaluate', { schema: { tags, response: { 200: Type.Object({ open: Type.Integer() }) } } }, async () => {
    await fleet.alerts.evaluate();
    return { open: fleet.alerts.list({ state: 'open', limit: 1000 }).length };
  });
};
