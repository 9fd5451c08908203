import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_WEB_DIST_DIR, buildAdminWeb, isAdminWebBuilt, isAdminWebStale } from './admin-web-build.js';
import { AdminWebError } from './admin-web-errors.js';

/** The URL prefix the admin SPA is built for (Vite `base`); register the plugin under it. */
export const ADMIN_WEB_PREFIX = '/admin';

export interface AdminWebOptions {
  /** The built SPA (default gateway/web/dist). */
  distDir?: string;
  /** Build the SPA with Vite before serving when it is missing or older than its sources (takes a while; needs the dev dependencies). Default false. */
  buildIfMissing?: boolean;
}

/** A request for a screen (history route) rather than for a file: no extension in the last path segment. */
function isScreenRequest(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

function sendError(reply: FastifyReply, err: AdminWebError): FastifyReply {
  return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, requestId: reply.request.id } });
}

/**
 * Serves the fleet admin SPA (gateway/web) under /admin: hashed assets with
 * long-lived caching, index.html (never cached) for every screen URL so
 * history routes survive a reload, a JSON 404 for missing files. The SPA
 * signs in through /api/v1/auth/login and talks to the fleet API with the
 * session cookie; it holds no secrets. When it was never built every request
 * gets 503 ADMIN_WEB_NOT_BUILT saying how to build it.
 */
export function adminWeb(opts: AdminWebOptions = {}): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const distDir = opts.distDir ?? ADMIN_WEB_DIST_DIR;
    if (opts.buildIfMissing && (!isAdminWebBuilt(distDir) || isAdminWebStale(distDir))) {
      app.log.info({ distDir }, 'admin web UI missing or older than its sources: building it');
      await buildAdminWeb(distDir);
      app.log.info({ distDir }, 'admin web UI built');
    }

    if (!isAdminWebBuilt(distDir)) {
      app.log.warn({ distDir }, 'admin web UI is not built; serving 503 until it is');
      const notBuilt = new AdminWebError('ADMIN_WEB_NOT_BUILT', `run \`npx vite build gateway/web\` (writes ${distDir}) and restart`);
      const refuse = async (req: FastifyRequest, reply: FastifyReply) => {
        req.log.warn({ code: notBuilt.code }, 'admin web UI requested but not built');
        return sendError(reply, notBuilt);
      };
      app.get('/', refuse);
      app.get('/*', refuse);
      return;
    }

    const indexHtml = await readFile(join(distDir, 'index.html'));
    const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    const assetsDir = `${join(distDir, 'assets')}${sep}`;

    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      wildcard: true,
      cacheControl: false,
      setHeaders(reply, path) {
        // Vite fingerprints everything under assets/: it can be cached for good.
        void reply.header('cache-control', path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', async (_req, reply) => sendIndex(reply));
    app.setNotFoundHandler(async (req, reply) => {
      if (isScreenRequest(req)) return sendIndex(reply);
      req.log.info({ url: req.url }, 'admin web UI: no such file');
      return sendError(reply, new AdminWebError('ADMIN_WEB_ASSET_NOT_FOUND', req.url.split('?')[0]));
    });
  };
}
