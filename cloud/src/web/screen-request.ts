/**
 * Telling a single-page app's screen URLs (history routes, answered with
 * index.html) from requests for its files (answered with the file or a 404).
 * Shared by the analyst app and the gateway's admin app.
 */
import type { FastifyRequest } from 'fastify';

/** What a built web app's files end in. Ids in screen URLs have dots too (rules/edit/profile.objection.refusal.no_time, a staff id zhang.san). */
const WEB_FILE = /\.(html|js|mjs|css|map|json|webmanifest|txt|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|otf|wasm|wav|ogg|mp3)$/i;

/** A GET or HEAD for a screen rather than a file: the last path segment does not end in a web file's extension. */
export function isScreenRequest(req: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !WEB_FILE.test(last);
}
