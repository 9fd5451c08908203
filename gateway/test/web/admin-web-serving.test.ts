/**
 * How the gateway serves the admin SPA under /admin (fastify inject): screens
 * get index.html uncached, fingerprinted assets are cached for good, a
 * missing file is a JSON 404, an unbuilt SPA answers 503 saying how to
 * build it, and one being built in the background answers 503 with
 * Retry-After while the API already works. The whole build is exercised by
 * admin-ui.browser.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

describe('admin web UI serving', () => {
  let dist: string;
  let built: TestGateway;
  let unbuilt: TestGateway;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'parley-admin-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>admin</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("admin")');
    built = await startTestGateway({}, { listen: false, adminWeb: { distDir: dist } });
    unbuilt = await startTestGateway({}, { listen: false, adminWeb: { distDir: join(dist, 'missing') } });
  });
  afterAll(async () => {
    await built?.stop();
    await unbuilt?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html, uncached, for /admin and every screen URL', async () => {
    // fleet ids may have dots (zhang.san, web.01): their pages are screens, not files
    for (const url of ['/admin', '/admin/', '/admin/devices', '/admin/devices/badge-1?tab=x', '/admin/rollouts', '/admin/devices/web.01', '/admin/staff/zhang.san']) {
      const res = await built.gateway.http.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves fingerprinted assets with long-lived caching and missing files as a JSON 404', async () => {
    const asset = await built.gateway.http.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("admin")');
    const missing = await built.gateway.http.inject({ method: 'GET', url: '/admin/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ADMIN_WEB_ASSET_NOT_FOUND');
    const escape = await built.gateway.http.inject({ method: 'GET', url: '/admin/..%2f..%2fetc%2fpasswd.txt' });
    expect(escape.statusCode).toBe(404);
  });

  it('answers 503 ADMIN_WEB_NOT_BUILT with the build command when the SPA was never built', async () => {
    for (const url of ['/admin', '/admin/devices']) {
      const res = await unbuilt.gateway.http.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('ADMIN_WEB_NOT_BUILT');
      expect(res.json().error.message).toContain('npx vite build gateway/web');
    }
  });

  it('builds in the background: the gateway is up at once, /admin says it is being built, closing stops the build', async () => {
    const target = join(dist, 'background');
    const started = Date.now();
    const building = await startTestGateway({}, { listen: false, adminWeb: { distDir: target, buildIfMissing: true } });
    try {
      const res = await building.gateway.http.inject({ method: 'GET', url: '/admin/devices' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error.code).toBe('ADMIN_WEB_BUILDING');
      const page = await building.gateway.http.inject({ method: 'GET', url: '/admin/devices', headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('http-equiv="refresh"');
      // The API does not wait for the UI.
      expect((await building.gateway.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await building.stop();
    }
    // Closing aborted Vite rather than waiting for a whole build, and left no half build behind.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(join(target, 'index.html'))).toBe(false);
  });

  it('leaves the API where it was', async () => {
    const res = await built.gateway.http.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
  });
});
