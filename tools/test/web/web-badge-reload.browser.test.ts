/**
 * The web badge keeps its flash in the browser's IndexedDB (real chromium
 * here): the page records a session, part of it while its link to the gateway
 * is cut (every MQTT-over-WebSocket connection is routed through playwright,
 * which closes them and refuses new ones), the page is reloaded while still
 * cut off, powered on again, and when the link comes back the backlog it kept
 * drains: the gateway finalises the session with every frame the page
 * recorded before the reload, no gaps, and an Ogg Opus file an independent
 * decoder (opusdec) decodes to that duration within one frame. A second test
 * reloads in the middle of a recording (a power cut): what the page had saved
 * reaches the gateway. A third closes the whole browser (a profile on disk)
 * with a session recorded offline and uploads it after the restart; a fourth
 * checks a second tab cannot power on the same device. Screenshots go to
 * test-artifacts/web-badge/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalisedSession } from '@parley/proto';
import { startInProcessGateway } from '../../src/simulator/in-process-gateway.js';
import type { InProcessGateway } from '../../src/simulator/in-process-gateway.js';
import { readGatewaySessions } from '../../src/simulator/session-records.js';
import { decodedSamples } from '../../src/simulator/zero-loss-check.js';
import { webBadgeExtension } from '../../src/web-badge/web-badge-app.js';

const CHROMIUM = '/usr/bin/chromium';
const SPEECH_WAV = fileURLToPath(new URL('../../../../shared/audio/real/0.wav', import.meta.url));
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/web-badge');
const runnable = existsSync(CHROMIUM) && existsSync(SPEECH_WAV);
if (!runnable) console.log(`web badge reload test skipped: needs ${CHROMIUM} (apt-get install chromium) and ${SPEECH_WAV}`);

/** The badge's link to the gateway's /mqtt, which the test can cut and restore. */
class MqttLink {
  blocked = false;
  private readonly open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  refused = 0;

  route = (ws: WebSocketRoute): void => {
    if (this.blocked) {
      this.refused++;
      void ws.close({ code: 1011, reason: 'link down (test)' });
      return;
    }
    const pair = { page: ws, server: ws.connectToServer() };
    this.open.add(pair);
    ws.onClose(() => this.open.delete(pair));
  };

  async cut(): Promise<void> {
    this.blocked = true;
    for (const pair of [...this.open]) {
      this.open.delete(pair);
      await pair.server.close();
      await pair.page.close({ code: 1011, reason: 'link down (test)' });
    }
  }

  restore(): void {
    this.blocked = false;
  }
}

describe.skipIf(!runnable)('web badge in chromium: the flash survives a page reload and a browser restart', () => {
  let dir: string;
  let gw: InProcessGateway;
  let context: BrowserContext;
  let page: Page;
  const secrets: Record<string, string> = {};
  const link = new MqttLink();
  const consoleErrors: string[] = [];
  /** One device per test: each has its own IndexedDB flash in the page. */
  const DEVICES = ['web-0002', 'web-0003', 'web-0004'];

  /** Chromium with a profile on disk (IndexedDB in files, as for a user), the MQTT link routed through `link`. */
  async function openBrowser(): Promise<void> {
    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
      viewport: { width: 700, height: 1000 },
    });
    await context.routeWebSocket(/\/mqtt$/, link.route);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      // The refused connections while the link is down are expected; anything else is a failure.
      if (m.type() === 'error' && !/WebSocket|MQTT connection failed/.test(m.text())) consoleErrors.push(`${m.text()} ${m.location().url}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-web-badge-reload-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    gw = await startInProcessGateway({ dataDir: dir, extensions: [webBadgeExtension({ clipPath: SPEECH_WAV })] });
    for (const d of DEVICES) secrets[d] = await gw.provisioner().provision(d, 'st-chen');
    await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await gw?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const text = async (id: string): Promise<string> => (await page.textContent(`#${id}`)) ?? '';
  const num = async (id: string): Promise<number> => Number(await text(id));

  async function powerOn(device: string): Promise<void> {
    await page.goto(`${gw.httpUrl}/badge/?device=${device}&secret=${encodeURIComponent(secrets[device] ?? '')}&source=clip`);
    await page.click('#power');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
  }

  async function waitOnline(): Promise<void> {
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'online', undefined, { timeout: 30_000 });
  }

  async function framesAtLeast(n: number): Promise<void> {
    await page.waitForFunction((min) => Number(document.getElementById('frames')?.textContent) >= min, n, { timeout: 30_000 });
  }

  async function finalised(sessionId: string): Promise<FinalisedSession> {
    for (let i = 0; i < 300; i++) {
      const found = readGatewaySessions(gw.gateway.db).finalised.find((f) => f.sessionId === sessionId);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the gateway did not finalise session ${sessionId}`);
  }

  /** The gateway has not finalised the session (it cannot have: its end is still in the page's flash). */
  function notFinalised(sessionId: string): void {
    expect(readGatewaySessions(gw.gateway.db).finalised.find((f) => f.sessionId === sessionId)).toBeUndefined();
  }

  async function expectComplete(s: FinalisedSession, frames: number): Promise<void> {
    expect(s.deviceId).toBe(DEVICES[0]);
    expect(s.totalFrames).toBe(frames);
    expect(s.gaps).toEqual([]);
    expect(s.durationMs).toBe(frames * 20);
    const samples = await decodedSamples(s.audioPath);
    expect(Math.abs(samples - frames * 320)).toBeLessThanOrEqual(320);
  }

  it('records, loses the link, is reloaded while offline, and uploads the whole session once the link is back', async () => {
    await powerOn(DEVICES[0] as string);
    await waitOnline();
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=true]', { timeout: 5000 });
    await framesAtLeast(100);

    await link.cut();
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'offline', undefined, { timeout: 10_000 });
    const cutAt = await num('frames');
    await framesAtLeast(cutAt + 200); // 4 s recorded with no link
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=false]', { timeout: 5000 });
    await page.waitForFunction(() => document.getElementById('flash-kept')?.textContent === 'saved', undefined, { timeout: 10_000 });
    const sessionId = (await page.getAttribute('#session', 'data-session-id')) ?? '';
    const frames = Number(await page.getAttribute('#session', 'data-frames'));
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(frames).toBeGreaterThanOrEqual(300);
    expect(await num('backlog')).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, '5-offline-before-reload.png'), fullPage: true });
    notFinalised(sessionId);

    await page.reload();
    await page.click('#power');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    // A fresh page: its counters start at zero, but the flash it found holds the session.
    expect(await num('frames')).toBe(0);
    expect(await num('in-flash')).toBe(1);
    expect(await num('backlog')).toBeGreaterThan(0);
    expect(await text('online')).toBe('offline');
    expect(await page.textContent('#log')).toMatch(/1 session\(s\) in this browser's flash/);
    await page.screenshot({ path: join(ARTIFACTS, '6-reloaded-offline.png'), fullPage: true });
    expect(link.refused).toBeGreaterThan(0);

    link.restore();
    await waitOnline();
    await page.waitForFunction(() => document.getElementById('in-flash')?.textContent === '0', undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, '7-drained-after-reload.png'), fullPage: true });
    await expectComplete(await finalised(sessionId), frames);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('a reload in the middle of a recording while offline is a power cut: every frame the page had saved reaches the gateway', async () => {
    await powerOn(DEVICES[1] as string);
    await waitOnline();
    await link.cut();
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'offline', undefined, { timeout: 10_000 });
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=true]', { timeout: 5000 });
    await framesAtLeast(250);
    const sessionId = (await page.getAttribute('#session', 'data-session-id')) ?? '';
    const captured = Number(await page.getAttribute('#session', 'data-frames'));
    expect(await num('backlog')).toBeGreaterThan(0);
    notFinalised(sessionId);

    await page.reload(); // no button press: the session is cut off mid-recording
    await page.click('#power');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    expect(await num('in-flash')).toBe(1);
    link.restore();
    await waitOnline();
    await page.waitForFunction(() => document.getElementById('in-flash')?.textContent === '0', undefined, { timeout: 30_000 });
    const s = await finalised(sessionId);
    expect(s.deviceId).toBe(DEVICES[1]);
    // Frames still in the recorder's RAM chunk (at most one chunk, 1 s) when the page went away are lost,
    // exactly as on a badge whose power is cut; everything the page had counted up to that chunk is there.
    expect(s.gaps).toEqual([]);
    expect(s.totalFrames).toBeGreaterThanOrEqual(captured - 50);
    const sessions = readGatewaySessions(gw.gateway.db);
    expect(new Set(sessions.finalised.map((f) => f.sessionId)).size).toBe(sessions.finalised.length);
    expect(sessions.open).toEqual([]);
    const samples = await decodedSamples(s.audioPath);
    expect(Math.abs(samples - s.totalFrames * 320)).toBeLessThanOrEqual(320);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('keeps the flash when the browser is closed: a session recorded offline is uploaded after a restart', async () => {
    const device = DEVICES[2] as string;
    await powerOn(device);
    await waitOnline();
    await link.cut();
    await page.waitForFunction(() => document.getElementById('online')?.textContent === 'offline', undefined, { timeout: 10_000 });
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=true]', { timeout: 5000 });
    await framesAtLeast(150);
    await page.click('#badge-button');
    await page.waitForSelector('#recording-led[data-on=false]', { timeout: 5000 });
    await page.waitForFunction(() => document.getElementById('flash-kept')?.textContent === 'saved', undefined, { timeout: 10_000 });
    const sessionId = (await page.getAttribute('#session', 'data-session-id')) ?? '';
    const frames = Number(await page.getAttribute('#session', 'data-frames'));
    notFinalised(sessionId);

    await context.close(); // the whole browser
    await openBrowser();
    await powerOn(device);
    expect(await num('in-flash')).toBe(1);
    link.restore();
    await waitOnline();
    await page.waitForFunction(() => document.getElementById('in-flash')?.textContent === '0', undefined, { timeout: 30_000 });
    const s = await finalised(sessionId);
    expect(s.deviceId).toBe(device);
    expect(s.totalFrames).toBe(frames);
    expect(s.gaps).toEqual([]);
    const samples = await decodedSamples(s.audioPath);
    expect(Math.abs(samples - frames * 320)).toBeLessThanOrEqual(320);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('refuses to power the same device on in a second tab, which would write the same flash', async () => {
    // The page of the previous test is on with DEVICES[2].
    expect(await text('state')).not.toBe('off');
    const device = DEVICES[2] as string;
    const second = await context.newPage();
    try {
      await second.goto(`${gw.httpUrl}/badge/?device=${device}&secret=${encodeURIComponent(secrets[device] ?? '')}&source=clip`);
      await second.click('#power');
      await second.waitForFunction(() => /already on in another tab/.test(document.getElementById('log')?.textContent ?? ''), undefined, { timeout: 10_000 });
      expect(await second.isVisible('#connect')).toBe(true);
      expect(await second.getAttribute('body', 'data-ready')).toBeNull();
    } finally {
      await second.close();
    }
  }, 60_000);
});
