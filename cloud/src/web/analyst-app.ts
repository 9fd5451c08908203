import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Taxonomy } from '../analysis/taxonomy.js';
import { DEFAULT_DIST_DIR, buildAnalystApp, isBuilt, isStale } from './build-app.js';
import { WebAppError } from './errors.js';
import { isScreenRequest } from './screen-request.js';

/** The URL prefix the SPA is built for (Vite `base`); register the plugin under it. */
export const ANALYST_APP_PREFIX = '/app';

export interface AnalystAppOptions {
  /** The labels the SPA shows (the pipeline's taxonomy), served as taxonomy.json. */
  taxonomy: Taxonomy;
  /** The built SPA (default cloud/web/dist). */
  distDir?: string;
  /** Build the SPA with Vite before serving when it is missing or older than its sources (takes a few seconds; needs dev dependencies). */
  buildIfMissing?: boolean;
  /**
   * The host has users and sessions (the main job: POST /api/v1/auth/login,
   * GET /api/v1/auth/me): the SPA shows its login form until signed in.
   * Default false (the standalone pipeline app has no login).
   */
  login?: boolean;
}

function sendError(reply: FastifyReply, err: WebAppError): FastifyReply {
  return reply.status(err.statusCode).send({ error: err.code, message: err.message });
}

/**
 * Serves the analyst SPA and its taxonomy: hashed assets with long-lived
 * caching, index.html (never cached) for every screen URL so history routes
 * survive a reload, JSON 404 for missing files. When the SPA was never built
 * every request gets 503 WEB_APP_NOT_BUILT saying how to build it.
 */
export function analystApp(opts: AnalystAppOptions): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const distDir = opts.distDir ?? DEFAULT_DIST_DIR;
    if (opts.buildIfMissing && (!isBuilt(distDir) || isStale(distDir))) {
      app.log.info({ distDir }, 'analyst web app missing or older than its sources: building it');
      await buildAnalystApp(distDir);
      app.log.info({ distDir }, 'analyst web app built');
    }

    app.get('/taxonomy.json', async (_req, reply) => reply.header('cache-control', 'no-cache').send(opts.taxonomy));
    app.get('/host.json', async (_req, reply) => reply.header('cache-control', 'no-cache').send({ login: opts.login ?? false }));

    if (!isBuilt(distDir)) {
      app.log.warn({ distDir }, 'analyst web app is not built; serving 503 until it is');
      const notBuilt = new WebAppError('WEB_APP_NOT_BUILT', `run \`npx vite build cloud/web\` (writes ${distDir}) and restart`);
      app.get('/*', async (req, reply) => {
        req.log.warn({ code: notBuilt.code }, 'analyst web app requested but not built');
        return sendError(reply, notBuilt);
      });
      app.get('/', async (_req, reply) => sendError(reply, notBuilt));
      return;
    }

    const indexHtml = await readFile(join(distDir, 'index.html'));
    const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);

    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      wildcard: true,
      cacheControl: false,
      setHeaders(res, path) {
        // Vite fingerprints everything under assets/; it can be cached for good.
        res.setHeader('cache-control', path.includes(`${join(distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', async (_req, reply) => sendIndex(reply));
    app.setNotFoundHandler(async (req, reply) => {
      if (isScreenRequest(req)) return sendIndex(reply);
      req.log.info({ url: req.url }, 'analyst web app: no such file');
      return sendError(reply, new WebAppError('WEB_ASSET_NOT_FOUND', req.url.split('?')[0]));
    });
  };
}
