import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ANALYST_APP_PREFIX, analystApp, createPipeline, pipelineConfigSchema, type Pipeline } from '@parley/cloud';
import type { Logger } from 'pino';
import { build, type Gateway, type GatewayContext, type GatewayExtension } from './app.js';
import { composeConfigSchema } from './config/schema.js';
import { fleetConfigSchema } from './fleet/config.js';
import type { Permission } from './fleet/access.js';

/**
 * The main job that `npm start` runs: the gateway and the analysis pipeline
 * in one process. Badge sessions go from the ingest outbox straight into the
 * pipeline; the pipeline's API is served under /api/v1/cloud behind the same
 * users, roles and tokens as the fleet API, and the analyst app under /app.
 */
export const mainJobConfigSchema = composeConfigSchema({
  fleet: Type.Object(fleetConfigSchema.properties, {
    additionalProperties: false,
    default: {},
    description: 'Fleet: alert rules and their webhook, health retention (docs/fleet.md).',
  }),
  pipeline: Type.Object(pipelineConfigSchema.properties, {
    additionalProperties: false,
    default: {},
    description: 'Analysis pipeline: ASR model, speaker embedding, stage retries (docs/pipeline.md, docs/asr.md).',
  }),
});
export type MainJobConfig = Static<typeof mainJobConfigSchema>;

export const PIPELINE_API_PREFIX = '/api/v1/cloud';

export interface MainJob {
  gateway: Gateway;
  pipeline: Pipeline;
  /** Binds every listener, then starts the pipeline's stage runner and drop folder. */
  listen(): ReturnType<Gateway['listen']>;
  close(): Promise<void>;
}

export interface MainJobOptions {
  config: MainJobConfig;
  logger: Logger;
  /** Build the analyst app on first start when it was never built (needs the dev dependencies). Default true. */
  buildAnalystApp?: boolean;
  /** Build the fleet admin UI (/admin) when it was never built or its sources are newer. Default: as buildAnalystApp. */
  buildAdminApp?: boolean;
}

/** Which permission a pipeline route needs: reads, reviews, or rule changes. */
function pipelinePermission(method: string, url: string): Permission {
  if (method === 'GET' || method === 'HEAD') return 'analysis:read';
  if (url.startsWith(`${PIPELINE_API_PREFIX}/rules`)) return 'analysis:rules';
  return 'analysis:review';
}

export async function buildMainJob(options: MainJobOptions): Promise<MainJob> {
  const { config, logger } = options;
  // Who made each request, so the pipeline's access events (transcript
  // views, playbacks) are audited with the authenticated user.
  const actors = new Map<string, string>();
  let audit: GatewayContext['audit'] | null = null;
  const pipeline = createPipeline({
    dataDir: join(config.dataDir, 'cloud'),
    logger,
    config: config.pipeline,
    audit: (event) => {
      void audit
        ?.append({
          actor: actors.get(event.requestId) ?? 'anonymous',
          action: event.action,
          target: event.conversationId,
          source: event.ip,
          outcome: 'ok',
          ...(event.details ? { details: event.details } : {}),
          atMs: event.at,
        })
        .catch((err: unknown) => logger.error({ err }, 'could not write the audit log'));
    },
    auditRules: (event) => {
      void audit
        ?.append({
          actor: actors.get(event.requestId) ?? 'anonymous',
          action: event.action,
          target: event.target,
          source: event.ip,
          outcome: 'ok',
          details: event.details,
          atMs: event.at,
        })
        .catch((err: unknown) => logger.error({ err }, 'could not write the audit log'));
    },
  });

  let authorize: ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) | null = null;
  const api: FastifyPluginAsync<{ gateway: GatewayContext }> = async (app, { gateway }) => {
    audit = gateway.audit;
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      route.config = { ...(route.config ?? {}), permission: pipelinePermission(String(methods[0]), route.url) };
    });
    app.addHook('onRequest', async (request, reply) => {
      if (!authorize) throw new Error('access control is not ready');
      await authorize(request, reply);
      if (request.principal) actors.set(request.id, request.principal.actor);
    });
    // A review is recorded under the signed-in user, whatever name the body carries.
    app.addHook('preHandler', async (request) => {
      const body = request.body as { reviewer?: unknown } | undefined;
      if (request.principal && body && typeof body === 'object' && 'reviewer' in body) body.reviewer = request.principal.userId ?? request.principal.actor;
    });
    app.addHook('onResponse', async (request) => {
      actors.delete(request.id);
    });
    await app.register(pipeline.routes, { prefix: PIPELINE_API_PREFIX });
  };
  const web: FastifyPluginAsync<{ gateway: GatewayContext }> = async (app) => {
    await app.register(analystApp({ taxonomy: pipeline.services.context.taxonomy, buildIfMissing: options.buildAnalystApp ?? true, login: true }), {
      prefix: ANALYST_APP_PREFIX,
    });
  };

  const extensions: GatewayExtension[] = [
    { name: 'pipeline-api', http: api, onFinalised: (session) => pipeline.consumeBadgeSession(session), close: () => pipeline.close() },
    { name: 'analyst-app', http: web },
  ];
  const gateway = await build({
    config,
    logger,
    extensions,
    fleetConfig: config.fleet,
    adminWeb: { buildIfMissing: options.buildAdminApp ?? options.buildAnalystApp ?? true },
  });
  authorize = gateway.fleet.authorize(gateway.adminToken);
  // The pipeline's stage, backlog and analysis-worker metrics join the gateway's on GET /metrics.
  pipeline.metrics.register(gateway.metrics.registry);

  return {
    gateway,
    pipeline,
    async listen() {
      const addresses = await gateway.listen();
      await pipeline.start();
      logger.info({ api: `http://${addresses.host}:${addresses.http}${PIPELINE_API_PREFIX}`, app: `http://${addresses.host}:${addresses.http}${ANALYST_APP_PREFIX}/` }, 'analysis pipeline running');
      return addresses;
    },
    close: () => gateway.close(),
  };
}
