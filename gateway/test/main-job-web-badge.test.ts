import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayExtension } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { buildMainJob, mainJobConfigSchema, WEB_BADGE_PATH, type MainJob, type WebBadgeFactory } from '../src/main-job.js';

/**
 * The main job mounts the web badge its caller supplies (the real page is
 * bundled by @parley/tools and served by `npm start`: tools/test/web/start.test.ts),
 * unless `webBadge.enabled` is false or MQTT over WebSocket, which the page
 * speaks, is off. Here the supplied extension is a stand-in page.
 */
describe('main job: the web badge', () => {
  const jobs: MainJob[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const job of jobs.splice(0)) await job.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function factory(): { make: WebBadgeFactory; calls: { clipPath?: string }[] } {
    const calls: { clipPath?: string }[] = [];
    const page: FastifyPluginAsync = async (app) => {
      app.get(WEB_BADGE_PATH, async (_req, reply) => reply.type('text/html').send('<title>Parley web badge</title>'));
    };
    return {
      calls,
      make: (options) => {
        calls.push(options);
        return { name: 'web-badge', http: async (app) => page(app, {}) } satisfies GatewayExtension;
      },
    };
  }

  async function start(env: Record<string, string>, webBadge?: WebBadgeFactory): Promise<MainJob> {
    const dir = mkdtempSync(join(tmpdir(), 'parley-main-job-web-badge-'));
    dirs.push(dir);
    const config = loadConfig({ schema: mainJobConfigSchema, env, base: { dataDir: dir, auth: { scryptCost: 1024 } } });
    const job = await buildMainJob({ config, logger: pino({ level: 'silent' }), buildAnalystApp: false, buildAdminApp: false, ...(webBadge ? { webBadge } : {}) });
    jobs.push(job);
    return job;
  }

  it('serves the supplied page at /badge/ by default, passing the configured speech clip', async () => {
    const { make, calls } = factory();
    const job = await start({ PARLEY_WEB_BADGE_CLIP_FILE: '/srv/speech.wav' }, make);
    const res = await job.gateway.http.inject({ url: WEB_BADGE_PATH });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Parley web badge');
    expect(calls).toEqual([{ clipPath: '/srv/speech.wav' }]);
  }, 60_000);

  it('does not mount it when webBadge.enabled is false, nor when MQTT over WebSocket is off', async () => {
    const off = factory();
    const job = await start({ PARLEY_WEB_BADGE_ENABLED: 'false' }, off.make);
    expect((await job.gateway.http.inject({ url: WEB_BADGE_PATH })).statusCode).toBe(404);
    expect(off.calls).toEqual([]);
    const noWs = factory();
    const job2 = await start({ PARLEY_MQTT_WEBSOCKET: 'false' }, noWs.make);
    expect((await job2.gateway.http.inject({ url: WEB_BADGE_PATH })).statusCode).toBe(404);
    expect(noWs.calls).toEqual([]);
  }, 60_000);

  it('has no web badge when the caller supplies none (the gateway-only entry point)', async () => {
    const job = await start({});
    expect((await job.gateway.http.inject({ url: WEB_BADGE_PATH })).statusCode).toBe(404);
  }, 60_000);
});
