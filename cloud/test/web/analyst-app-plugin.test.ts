import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/taxonomy.js';
import { ANALYST_APP_PREFIX, analystApp } from '../../src/index.js';
import { tempDir } from '../helpers.js';

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/app/assets/index-abc123.js"></script></body></html>';

describe('analyst app plugin (serving the built SPA)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  const taxonomy = loadTaxonomy();

  beforeEach(() => {
    tmp = tempDir('parley-web-plugin-');
    app = Fastify();
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  function writeDist(): string {
    const dist = join(tmp.dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    return dist;
  }

  it('serves index.html for the root and for every screen URL (history routes survive a reload), never cached', async () => {
    await app.register(analystApp({ taxonomy, distDir: writeDist() }), { prefix: ANALYST_APP_PREFIX });
    // ids in screen URLs have dots: a rule's editor is a screen, not a file
    for (const url of ['/app/', '/app/conversations', '/app/conversations/phone-call-1?x=1', '/app/dashboards/key-points', '/app/rules/edit/profile.objection.refusal.no_time']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    }
  });

  it('serves fingerprinted assets with long-lived caching and answers a missing file with a JSON 404', async () => {
    await app.register(analystApp({ taxonomy, distDir: writeDist() }), { prefix: ANALYST_APP_PREFIX });
    const asset = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await app.inject({ url: '/app/assets/gone-123.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'WEB_ASSET_NOT_FOUND' });
    // Path tricks do not escape the dist folder.
    const escape = await app.inject({ url: '/app/..%2f..%2fetc%2fpasswd' });
    expect([403, 404]).toContain(escape.statusCode);
    expect(escape.body).not.toContain('root:');
  });

  it('serves the taxonomy the SPA labels things with', async () => {
    await app.register(analystApp({ taxonomy, distDir: writeDist() }), { prefix: ANALYST_APP_PREFIX });
    const res = await app.inject({ url: '/app/taxonomy.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(taxonomy)));
  });

  it('answers 503 WEB_APP_NOT_BUILT with how to build it when the SPA was never built', async () => {
    await app.register(analystApp({ taxonomy, distDir: join(tmp.dir, 'nothing-here') }), { prefix: ANALYST_APP_PREFIX });
    for (const url of ['/app/', '/app/conversations']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'WEB_APP_NOT_BUILT' });
      expect(res.json().message).toContain('vite build cloud/web');
    }
    // The taxonomy (and so the API) keeps working.
    expect((await app.inject({ url: '/app/taxonomy.json' })).statusCode).toBe(200);
  });
});
