/**
 * `npm start`'s composition (tools/src/start/main.ts): the main job with the
 * real web badge extension serves the page, its bundle and the Opus encoder
 * at /badge/, next to the MQTT over WebSocket the page connects to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '@parley/gateway';
import { buildMainJob, mainJobConfigSchema, WEB_BADGE_PATH } from '@parley/gateway/main-job';
import type { MainJob } from '@parley/gateway/main-job';
import { webBadgeExtension } from '../../src/web-badge/web-badge-app.js';

describe('main job with the web badge (npm start)', () => {
  let dir: string;
  let job: MainJob;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-start-web-badge-'));
    const config = loadConfig({ schema: mainJobConfigSchema, env: {}, base: { dataDir: dir, auth: { scryptCost: 1024 } } });
    job = await buildMainJob({ config, logger: createLogger({ level: 'silent' }), buildAnalystApp: false, buildAdminApp: false, webBadge: webBadgeExtension });
  }, 60_000);

  afterAll(async () => {
    await job?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the web badge page, its bundle and the encoder at /badge/', async () => {
    const page = await job.gateway.http.inject({ url: WEB_BADGE_PATH });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Parley web badge');
    // The page tells a newcomer where the device id and secret come from.
    expect(page.body).toContain('/admin/');
    expect(page.body).toContain('badgectl devices create');
    const app = await job.gateway.http.inject({ url: `${WEB_BADGE_PATH}app.js` });
    expect(app.statusCode).toBe(200);
    expect(app.body).toContain('parley-web-badge:'); // the IndexedDB flash is in the bundle
    expect((await job.gateway.http.inject({ url: `${WEB_BADGE_PATH}encoderWorker.min.js` })).statusCode).toBe(200);
    // No clip configured: the page has the microphone only.
    expect((await job.gateway.http.inject({ url: `${WEB_BADGE_PATH}clip.wav` })).statusCode).toBe(404);
  });
});
