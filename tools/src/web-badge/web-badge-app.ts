/**
 * Serves the web badge at /badge/ from the gateway's own HTTP server (so the
 * page's MQTT over WebSocket goes to /mqtt on the same origin): a fastify
 * plugin, and a GatewayExtension wrapping it for `build({ extensions })`.
 * The page is bundled once, in memory, when the plugin registers.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { GatewayExtension } from '@parley/gateway';
import { bundleWebBadge } from './bundle.js';
import type { WebBadgeFiles } from './bundle.js';
import { WebBadgeError } from './errors.js';

export const WEB_BADGE_PREFIX = '/badge';

export interface WebBadgeAppOptions {
  /**
   * A speech recording (WAV, any rate) the page loops when the microphone is
   * refused or "looped speech clip" is chosen. Without one, the page needs a
   * microphone.
   */
  clipPath?: string;
  /** Bundle unminified (debugging). */
  minify?: boolean;
}

const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'encoderWorker.min.js': 'text/javascript; charset=utf-8',
  'clip.wav': 'audio/wav',
};

export function webBadgeApp(opts: WebBadgeAppOptions = {}): FastifyPluginAsync {
  return async (app) => {
    const bundled: WebBadgeFiles = await bundleWebBadge({ minify: opts.minify });
    const files: Record<string, Uint8Array> = { ...bundled };
    if (opts.clipPath) {
      const clip = await readFile(opts.clipPath).catch((err: unknown) => {
        throw new WebBadgeError('WEB_BADGE_INVALID_OPTIONS', `speech clip ${opts.clipPath}: ${(err as Error).message}`, { cause: err });
      });
      if (clip.subarray(0, 4).toString('latin1') !== 'RIFF' || clip.subarray(8, 12).toString('latin1') !== 'WAVE') {
        throw new WebBadgeError('WEB_BADGE_INVALID_OPTIONS', `speech clip ${opts.clipPath} is not a WAV file`);
      }
      files['clip.wav'] = new Uint8Array(clip);
    }
    const serve = (name: string, reply: FastifyReply): FastifyReply => {
      // Only the fixed set of files: no path is ever built from the request.
      const body = Object.hasOwn(files, name) ? files[name] : undefined;
      if (!body) {
        reply.callNotFound();
        return reply;
      }
      return reply
        .header('content-type', TYPES[name] ?? 'application/octet-stream')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    };
    app.get(WEB_BADGE_PREFIX, { schema: { hide: true } }, async (_req, reply) => reply.redirect(`${WEB_BADGE_PREFIX}/`));
    app.get(`${WEB_BADGE_PREFIX}/`, { schema: { hide: true } }, async (_req, reply) => serve('index.html', reply));
    app.get<{ Params: { file: string } }>(`${WEB_BADGE_PREFIX}/:file`, { schema: { hide: true } }, async (req, reply) => serve(req.params.file, reply));
  };
}

/** The web badge as a gateway extension: `build({ config, extensions: [webBadgeExtension()] })`. */
export function webBadgeExtension(opts: WebBadgeAppOptions = {}): GatewayExtension {
  const plugin = webBadgeApp(opts);
  return { name: 'web-badge', http: async (app) => plugin(app, {}) };
}
