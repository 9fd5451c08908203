import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ALERT_EVENTS, ALERT_KINDS, ALERT_SEVERITIES, WEBHOOK_DELIVERY_STATES, type Alert, type AlertQuery, type WebhookDelivery, type WebhookStatus } from '../../api-types.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import type { FleetRouteOptions } from './index.js';

const AlertSchema = wireSchema<Alert>()(
  Type.Object({
    id: Type.Integer(),
    deviceId: Type.String(),
    kind: oneOf(ALERT_KINDS),
    severity: oneOf(ALERT_SEVERITIES),
    message: Type.String(),
    details: Type.Object({}, { additionalProperties: true }),
    openedAtMs: Type.Integer(),
    resolvedAtMs: nullable(Type.Integer()),
  }),
);
const ListQuery = wireSchema<AlertQuery>()(
  Type.Object(
    {
      state: Type.Optional(oneOf(['open', 'resolved'])),
      deviceId: Type.Optional(Type.String({ maxLength: 128 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    },
    { additionalProperties: false },
  ),
);

const DeliveryState = oneOf(WEBHOOK_DELIVERY_STATES);
const DeliverySchema = wireSchema<WebhookDelivery>()(
  Type.Object({
    id: Type.Integer(),
    event: oneOf(ALERT_EVENTS),
    alertId: Type.Integer(),
    deviceId: Type.String(),
    state: DeliveryState,
    attempts: Type.Integer(),
    createdAtMs: Type.Integer(),
    lastAttemptAtMs: nullable(Type.Integer()),
    nextAttemptAtMs: nullable(Type.Integer()),
    deliveredAtMs: nullable(Type.Integer()),
    lastError: nullable(Type.String()),
  }),
);
const WebhookStatusSchema = wireSchema<WebhookStatus>()(
  Type.Object({
    configured: Type.Boolean(),
    pending: Type.Integer(),
    delivered: Type.Integer(),
    dropped: Type.Integer(),
    head: nullable(DeliverySchema),
  }),
);
const DeliveryQuery = Type.Object({ state: Type.Optional(DeliveryState), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false });

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
    {
      schema: {
        tags,
        description: 'Alert webhook delivery: how many notifications wait (delivered in order, retried with backoff, kept across restarts), were delivered or dropped (queue full), and the oldest waiting one with its attempts and last error.',
        response: { 200: WebhookStatusSchema },
      },
    },
    async () => fleet.alerts.webhook.status(),
  );
  app.get<{ Querystring: Static<typeof DeliveryQuery> }>(
    '/api/v1/alerts/webhook/deliveries',
    { schema: { tags, description: 'Webhook notifications, newest first, with their delivery state.', querystring: DeliveryQuery, response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }) } } },
    async (request) => ({ deliveries: fleet.alerts.webhook.list(request.query) }),
  );
  app.post('/api/v1/alerts/evaluate', { schema: { tags, response: { 200: Type.Object({ open: Type.Integer() }) } } }, async () => {
    await fleet.alerts.evaluate();
    return { open: fleet.alerts.list({ state: 'open', limit: 1000 }).length };
  });
};
