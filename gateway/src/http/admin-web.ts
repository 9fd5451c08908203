import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { ADMIN_WEB_DIST_DIR, buildAdminWeb, isAdminWebBuilt, isAdminWebStale } from './admin-web-build.js';
import { AdminWebError } from './admin-web-errors.js';
import { isScreenRequest } from '@parley/cloud';

/** The URL prefix the admin SPA is built for (Vite `base`); register the plugin under it. */
export const ADMIN_WEB_PREFIX = '/admin';

/** Seconds a client is told to wait while the SPA is being built. */
const BUILDING_RETRY_AFTER_S = 5;

const BUILDING_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${BUILDING_RETRY_AFTER_S}"><title>Parley</title></head>
<body style="font-family:sans-serif;margin:20vh auto;max-width:32em;text-align:center"><p>设备管理界面正在构建，请稍候……</p><p>The admin UI is being built; this page reloads by itself.</p></body></html>`;

export interface AdminWebOptions {
  /** The built SPA (default gateway/web/dist). */
  distDir?: string;
  /**
   * Build the SPA with Vite when it is missing or older than its sources
   * (needs the dev dependencies). The build runs in the background: the
   * gateway starts at once, serving the previous build meanwhile, or 503
   * ADMIN_WEB_BUILDING when there is none. Default false.
   */
  buildIfMissing?: boolean;
}

/** What /admin serves right now. */
type Serving = { kind: 'ready'; indexHtml: Buffer } | { kind: 'building' } | { kind: 'unavailable'; error: AdminWebError };

function sendError(reply: FastifyReply, err: AdminWebError): FastifyReply {
  return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, requestId: reply.request.id } });
}

/**
 * Serves the fleet admin SPA (gateway/web) under /admin: hashed assets with
 * long-lived caching, index.html (never cached) for every screen URL so
 * history routes survive a reload, a JSON 404 for missing files. The SPA
 * signs in through /api/v1/auth/login and talks to the fleet API with the
 * session cookie; it holds no secrets. Never built: 503 ADMIN_WEB_NOT_BUILT
 * saying how to build it; being built: 503 ADMIN_WEB_BUILDING with Retry-After.
 */
export function adminWeb(opts: AdminWebOptions = {}): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const distDir = opts.distDir ?? ADMIN_WEB_DIST_DIR;
    const notBuilt = new AdminWebError('ADMIN_WEB_NOT_BUILT', `run \`npx vite build gateway/web\` (writes ${distDir}) and restart`);
    let serving: Serving = isAdminWebBuilt(distDir) ? { kind: 'ready', indexHtml: await readFile(join(distDir, 'index.html')) } : { kind: 'unavailable', error: notBuilt };

    if (opts.buildIfMissing && (!isAdminWebBuilt(distDir) || isAdminWebStale(distDir))) {
      const abort = new AbortController();
      app.log.info({ distDir }, 'admin web UI missing or older than its sources: building it in the background');
      if (serving.kind !== 'ready') serving = { kind: 'building' };
      const building = buildAdminWeb(distDir, abort.signal)
        .then(async () => {
          serving = { kind: 'ready', indexHtml: await readFile(join(distDir, 'index.html')) };
          app.log.info({ distDir }, 'admin web UI built');
        })
        .catch((err: unknown) => {
          if (abort.signal.aborted) return;
          app.log.error({ err, distDir }, 'admin web UI build failed');
          // An older build keeps being served; without one, say why there is none.
          if (serving.kind !== 'ready') serving = { kind: 'unavailable', error: err instanceof AdminWebError ? err : new AdminWebError('ADMIN_WEB_BUILD_FAILED', String(err)) };
        });
      app.addHook('onClose', async () => {
        abort.abort();
        await building;
      });
    } else if (serving.kind !== 'ready') {
      app.log.warn({ distDir }, 'admin web UI is not built; serving 503 until it is');
    }

    app.addHook('onRequest', async (req, reply) => {
      if (serving.kind === 'ready') return;
      if (serving.kind === 'building') {
        void reply.header('retry-after', String(BUILDING_RETRY_AFTER_S));
        // A browser opening a screen gets a page that reloads itself until the UI is there.
        if (isScreenRequest(req) && String(req.headers.accept ?? '').includes('text/html')) return reply.status(503).type('text/html; charset=utf-8').send(BUILDING_PAGE);
        return sendError(reply, new AdminWebError('ADMIN_WEB_BUILDING', `try again in a few seconds`));
      }
      req.log.warn({ code: serving.error.code }, 'admin web UI requested but not available');
      return sendError(reply, serving.error);
    });

    const sendIndex = (reply: FastifyReply) => {
      if (serving.kind !== 'ready') return sendError(reply, notBuilt);
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(serving.indexHtml);
    };
    const assetsDir = `${join(distDir, 'assets')}${sep}`;

    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      wildcard: true,
      cacheControl: false,
      // The directory may appear only once the background build finishes.
      suppressWarning: true,
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
