/**
 * The analyst app as `npm start` serves it, in a real browser (Debian
 * chromium driven by playwright-core): the login form until a user signs in
 * with the fleet's users and roles, then the conversation list under that
 * user's name. Screenshots go to test-artifacts/main-job/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { buildMainJob, mainJobConfigSchema, type MainJob } from '../src/main-job.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/main-job');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`main job browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!haveChromium)('analyst app behind the main job login', () => {
  let dir: string;
  let job: MainJob;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-main-job-web-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const config = loadConfig({
      schema: mainJobConfigSchema,
      env: {},
      base: { dataDir: dir, host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 } },
    });
    job = await buildMainJob({ config, logger: pino({ level: 'silent' }), buildAnalystApp: true });
    const addresses = await job.listen();
    base = `http://127.0.0.1:${addresses.http}`;
    const created = await job.gateway.http.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${job.gateway.adminToken}` },
      payload: { id: 'wang.li', role: 'analyst', password: 'correct-horse-battery' },
    });
    expect(created.statusCode).toBe(201);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await job?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a login, refuses a wrong password, then opens the conversations as that user', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${base}/app/`);
    await page.waitForSelector('[data-testid=login]');
    await page.screenshot({ path: join(ARTIFACTS, 'login.png') });

    await page.fill('[data-testid=login-username]', 'wang.li');
    await page.fill('[data-testid=login-password]', 'wrong-password-123');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('.ant-alert-error');
    expect(await page.textContent('.ant-alert-error')).toContain('用户名或密码错误');

    await page.fill('[data-testid=login-password]', 'correct-horse-battery');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=signed-in-user]');
    expect(await page.textContent('[data-testid=signed-in-user]')).toContain('wang.li');
    await page.waitForSelector('.ant-table');
    await page.screenshot({ path: join(ARTIFACTS, 'signed-in.png') });

    // The session survives a reload; signing out brings the form back.
    await page.reload();
    await page.waitForSelector('[data-testid=signed-in-user]');
    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('[data-testid=login]');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
