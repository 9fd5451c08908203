import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline/create.js';

/**
 * A standalone fastify app serving the pipeline's API under /api/v1/cloud
 * (tests, local runs). The main job mounts `createPipeline().routes` itself.
 */
export async function build(opts: PipelineOptions & { start?: boolean }): Promise<{ app: FastifyInstance; pipeline: Pipeline }> {
  const pipeline = createPipeline(opts);
  const app: FastifyInstance = Fastify({ loggerInstance: opts.logger as FastifyBaseLogger, bodyLimit: 10 * 1024 * 1024 });
  await app.register(pipeline.routes, { prefix: '/api/v1/cloud' });
  app.addHook('onClose', async () => pipeline.close());
  if (opts.start !== false) await pipeline.start();
  return { app, pipeline };
}
