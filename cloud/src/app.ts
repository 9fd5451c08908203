import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline/create.js';
import { ANALYST_APP_PREFIX, analystApp, type AnalystAppOptions } from './web/analyst-app.js';

/**
 * A standalone fastify app serving the pipeline's API under /api/v1/cloud
 * (tests, local runs). The main job mounts `createPipeline().routes` itself.
 */
export async function build(
  opts: PipelineOptions & { start?: boolean; webApp?: Omit<AnalystAppOptions, 'taxonomy'> | false },
): Promise<{ app: FastifyInstance; pipeline: Pipeline }> {
  const pipeline = createPipeline(opts);
  const app: FastifyInstance = Fastify({ loggerInstance: opts.logger as FastifyBaseLogger, bodyLimit: 10 * 1024 * 1024 });
  await app.register(pipeline.routes, { prefix: '/api/v1/cloud' });
  if (opts.webApp !== false) {
    // The analyst SPA under /app/ (served from cloud/web/dist; 503 with instructions when not built).
    await app.register(analystApp({ ...opts.webApp, taxonomy: pipeline.services.context.taxonomy }), { prefix: ANALYST_APP_PREFIX });
    app.get('/', async (_req, reply) => reply.redirect(`${ANALYST_APP_PREFIX}/`));
  }
  app.addHook('onClose', async () => pipeline.close());
  if (opts.start !== false) await pipeline.start();
  return { app, pipeline };
}
