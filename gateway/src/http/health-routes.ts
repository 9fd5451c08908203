import type { FastifyPluginAsync } from 'fastify';

export type ReadinessCheck = () => Promise<void> | void;

/**
 * GET /healthz: the process is up (liveness). GET /readyz: every readiness
 * check passes (database answers, broker open, listeners bound); 503 with
 * the failing checks otherwise.
 */
export const healthRoutes: FastifyPluginAsync<{ checks: Record<string, ReadinessCheck> }> = async (app, { checks }) => {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const results: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of Object.entries(checks)) {
      try {
        await check();
        results[name] = 'ok';
      } catch (err) {
        ready = false;
        results[name] = (err as Error).message;
      }
    }
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: results });
  });
};
