import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

/** GET /metrics in the Prometheus text format. */
export const metricsRoute: FastifyPluginAsync<{ registry: Registry }> = async (app, { registry }) => {
  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const body = await registry.metrics();
    return reply.type(registry.contentType).send(body);
  });
};
