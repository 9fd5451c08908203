import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ANALYST_APP_PREFIX, analystApp, createPipeline, exitGracefullyOnSignals, isPipelineError, pipelineConfigSchema, type Pipeline, type TargetedEvent } from '@parley/cloud';
import type { Logger } from 'pino';
import { build, type Gateway, type GatewayContext, type GatewayExtension } from './app.js';
import { loadConfig } from './config/load.js';
import { composeConfigSchema } from './config/schema.js';
import { isParleyError } from './errors.js';
import { createLogger } from './observability/logger.js';
import { fleetConfigSchema } from './fleet/config.js';
import type { Permission } from './api-types.js';

/** `webBadge.*`: the web badge page, served when the caller supplies it (see buildMainJob's `webBadge`). */
export const webBadgeConfigSchema = Type.Object(
  {
    enabled: Type.Boolean({
      default: true,
      description:
        'Serve the web badge at /badge/ (a badge in the browser: microphone, the badge firmware, MQTT over WebSocket; docs/simulator.md). Needs `mqtt.websocket`.',
    }),
    clipFile: Type.String({
      default: '',
      description: 'A speech recording (WAV) the web badge can loop instead of the microphone (demos on machines without one); empty: microphone only.',
    }),
  },
  { additionalProperties: false, default: {}, description: 'The web badge page.' },
);

/**
 * The main job that `npm start` runs: the gateway and the analysis pipeline
 * in one process. Badge sessions go from the ingest outbox straight into the
 * pipeline; the pipeline's API is served under /api/v1/cloud behind the same
 * users, roles and tokens as the fleet API, and the analyst app under /app.
 * The web badge (/badge/) is mounted when the caller supplies it: it is built
 * from the firmware by @parley/tools, which depends on the gateway, so the
 * gateway cannot import it; `npm start` (tools/src/start/main.ts) passes it.
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
  webBadge: webBadgeConfigSchema,
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
  /**
   * Makes the web badge extension (`webBadgeExtension` of @parley/tools/web-badge).
   * Called, and the page mounted at /badge/, unless `webBadge.enabled` is false.
   */
  webBadge?: WebBadgeFactory;
}

export type WebBadgeFactory = (options: { clipPath?: string }) => GatewayExtension;

/** The path the web badge is served under (by the extension the caller supplies). */
export const WEB_BADGE_PATH = '/badge/';

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
  // every pipeline audit event is an action on a target (a conversation, a rule-set version, an export file)
  const append = (event: Omit<TargetedEvent, 'details'> & Partial<Pick<TargetedEvent, 'details'>>): void => {
    void audit
      ?.append({
        actor: actors.get(event.requestId) ?? 'anonymous',
        action: event.action,
        target: event.target,
        source: event.ip,
        outcome: 'ok',
        ...(event.details ? { details: event.details } : {}),
        atMs: event.at,
      })
      .catch((err: unknown) => logger.error({ err }, 'could not write the audit log'));
  };
  const pipeline = createPipeline({
    dataDir: join(config.dataDir, 'cloud'),
    logger,
    config: config.pipeline,
    audit: ({ conversationId, ...event }) => append({ ...event, target: conversationId }),
    auditRules: append,
    auditExport: append,
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
  const webBadge = mountedWebBadge(config, options.webBadge, logger);
  if (webBadge) extensions.push(webBadge);
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
      if (webBadge) logger.info({ url: `http://${addresses.host}:${addresses.http}${WEB_BADGE_PATH}` }, 'web badge served (device id and secret from /admin/ or badgectl devices create)');
      return addresses;
    },
    close: () => gateway.close(),
  };
}

/** The web badge extension, or null when it is turned off, cannot work, or this entry point has none. */
function mountedWebBadge(config: MainJobConfig, factory: WebBadgeFactory | undefined, logger: Logger): GatewayExtension | null {
  if (!config.webBadge.enabled) return null;
  if (!factory) {
    logger.debug('web badge not mounted: this entry point does not supply it (npm start does)');
    return null;
  }
  if (!config.mqtt.websocket) {
    logger.warn('web badge not mounted: it speaks MQTT over WebSocket and mqtt.websocket is false');
    return null;
  }
  return factory(config.webBadge.clipFile ? { clipPath: config.webBadge.clipFile } : {});
}

export interface RunMainJobOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  webBadge?: WebBadgeFactory;
}

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * The main job as a process (`npm start`): loads the configuration (defaults,
 * `--config`/PARLEY_CONFIG, PARLEY_* variables), starts, logs where it
 * listens and shuts down cleanly on SIGINT/SIGTERM. Under `npm start` a
 * Ctrl-C reaches the process twice (terminal and npm), so repeated signals
 * are ignored; a shutdown that hangs is cut off after SHUTDOWN_TIMEOUT_MS.
 * Failures set `process.exitCode` (78 for a bad configuration).
 */
export async function runMainJob(options: RunMainJobOptions): Promise<void> {
  let config;
  try {
    config = loadConfig({ argv: options.argv, env: options.env, schema: mainJobConfigSchema });
  } catch (err) {
    console.error(isParleyError(err) ? err.message : err);
    process.exitCode = 78; // EX_CONFIG
    return;
  }
  const logger = createLogger({ level: config.log.level });
  let job: MainJob;
  try {
    job = await buildMainJob({ config, logger, ...(options.webBadge ? { webBadge: options.webBadge } : {}) });
  } catch (err) {
    logger.fatal({ err }, 'could not start the gateway');
    // A combination the schema cannot express (e.g. stages off-process with SQLite) is still a configuration error.
    process.exitCode = isPipelineError(err, 'CONFIG_INVALID') || isParleyError(err, 'CONFIG_INVALID') ? 78 : 1;
    return;
  }
  exitGracefullyOnSignals({ logger, close: () => job.close(), timeoutMs: SHUTDOWN_TIMEOUT_MS });
  try {
    await job.listen();
  } catch (err) {
    logger.fatal({ err }, 'could not start listening');
    await job.close();
    process.exitCode = 1;
  }
}
