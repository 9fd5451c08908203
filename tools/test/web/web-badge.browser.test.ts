/**
 * The web badge in a real browser: Debian chromium (playwright-core) loads
 * /badge/ from a real in-process gateway, powers the badge on with the
 * device's credentials, takes a real speech recording as its microphone
 * (chromium's fake capture device playing a WAV), and the test presses the
 * badge button twice. The gateway must finalise exactly that session: every
 * frame the page recorded, no gaps, and an Ogg Opus file that an independent
 * decoder (opusdec) decodes to that duration within one frame. Screenshots
 * go to test-artifacts/web-badge/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessGateway } from '../../src/simulator/in-process-gateway.js';
import type { InProcessGateway } from '../../src/simulator/in-process-gateway.js';
import type { FinalisedSession } from '@parley/proto';
import { readGatewaySessions } from '../../src/simulator/session-records.js';
import { decodedSamples } from '../../src/simulator/zero-loss-check.js';
import { webBadgeExtension } from '../../src/web-badge/web-badge-app.js';

const CHROMIUM = '/usr/bin/chromium';
const SPEECH_WAV = fileURLToPath(new URL('../../../../shared/audio/real/0.wav', import.meta.url));
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/web-badge');
const runnable = existsSync(CHROMIUM) && existsSync(SPEECH_WAV);
if (!runnable) console.log(`web badge browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and ${SPEECH_WAV}`);

describe.skipIf(!runnable)('web badge in chromium', () => {
  let dir: string;
  let gw: InProcessGateway;
  let browser: Browser;
  let page: Page;
  let secret: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-web-badge-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    gw = await startInProcessGateway({ dataDir: dir, extensions: [webBadgeExtension({ clipPath: SPEECH_WAV })] });
    secret = await gw.provisioner().provision('web-0001', 'st-chen');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${SPEECH_WAV}`,
      ],
    });
    page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await gw?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The gateway's finalised record of this session (the only one it has open or finalised besides earlier ones). */
  async function finalised(sessionId: string): Promise<FinalisedSession> {
    for (let i = 0; i < 100; i++) {
      const sessions = readGatewaySessions(gw.gateway.db);
      const found = sessions.finalised.find((f) => f.sessionId === sessionId);
      if (found) {
        expect(sessions.open).toEqual([]);
        expect(found.deviceId).toBe('web-0001');
        return found;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the gateway did not finalise session ${sessionId}`);
  }

  it('serves the page, its bundle and the encoder, and nothing else under /badge', async () => {
    const get = (url: string) => gw.gateway.http.inject({ url });
    const html = await get('/badge/');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Parley web badge');
    expect((await get('/badge')).headers.location).toBe('/badge/');
    expect((await get('/badge/app.js')).statusCode).toBe(200);
    expect((await get('/badge/encoderWorker.min.js')).statusCode).toBe(200);
    expect((await get('/badge/clip.wav')).headers['content-type']).toBe('audio/wav');
    expect((await get('/badge/..%2Fpackage.json')).statusCode).toBe(404);
    expect((await get('/badge/nope.js')).statusCode).toBe(404);
  });

  it('records the microphone between two button presses and the gateway finalises exactly that session', async () => {
    await page.goto(`${gw.httpUrl}/badge/?device=web-0001&secret=${encodeURIComponent(secret)}`);
    await page.click('#power');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'online', undefined, { timeout: 20_000 });
    expect(await page.textContent('#source-used')).toBe('microphone');
    await page.screenshot({ path: join(ARTIFACTS, '1-online.png'), fullPage: true });

    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=true]', { timeout: 5000 });
    await page.waitForSelector('#state[data-state=recording]');
    await page.waitForFunction(() => Number(document.getElementById('frames')?.textContent) >= 300, undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, '2-recording.png'), fullPage: true });
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=false]', { timeout: 5000 });
    await page.waitForFunction(() => document.getElementById('in-flash')?.textContent === '0', undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, '3-delivered.png'), fullPage: true });

    const sessionId = await page.getAttribute('#session', 'data-session-id');
    const frames = Number(await page.getAttribute('#session', 'data-frames'));
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(frames).toBeGreaterThanOrEqual(300);

    const s = await finalised(sessionId!);
    expect(s.totalFrames).toBe(frames);
    expect(s.gaps).toEqual([]);
    expect(s.durationMs).toBe(frames * 20);
    expect(s.codec).toMatchObject({ sampleRate: 16000, channels: 1, frameMs: 20 });
    const samples = await decodedSamples(s.audioPath);
    expect(Math.abs(samples - frames * 320)).toBeLessThanOrEqual(320);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('plays the looped speech clip when asked, and a reload starts a fresh badge that delivers its session too', async () => {
    await page.goto(`${gw.httpUrl}/badge/?device=web-0001&secret=${encodeURIComponent(secret)}&source=clip`);
    await page.click('#power');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'online', undefined, { timeout: 20_000 });
    expect(await page.textContent('#source-used')).toBe('clip');
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=true]', { timeout: 5000 });
    await page.waitForFunction(() => Number(document.getElementById('frames')?.textContent) >= 150, undefined, { timeout: 20_000 });
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=false]', { timeout: 5000 });
    await page.waitForFunction(() => document.getElementById('in-flash')?.textContent === '0', undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, '4-clip-delivered.png'), fullPage: true });
    const sessionId = await page.getAttribute('#session', 'data-session-id');
    const frames = Number(await page.getAttribute('#session', 'data-frames'));
    const s = await finalised(sessionId!);
    expect(s.totalFrames).toBe(frames);
    expect(s.gaps).toEqual([]);
    const samples = await decodedSamples(s.audioPath);
    expect(Math.abs(samples - frames * 320)).toBeLessThanOrEqual(320);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
