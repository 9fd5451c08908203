/**
 * End to end in a real browser: Debian chromium driven by playwright-core
 * against the standalone cloud app (real pipeline, real SQLite, real Ogg
 * Opus) with the SPA built by Vite. Screenshots go to test-artifacts/analyst-app/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildAnalystApp, type Pipeline } from '../../src/index.js';
import { silentLogger, tempDir } from '../helpers.js';
import { SEED_BADGE, SEED_CALLS, TURN_MS, seedBadgeSession, seedCalls } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/analyst-app');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`analyst app browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

interface ListItem {
  id: string;
}

describe.skipIf(!haveChromium)('analyst web app in chromium', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];

  async function apiGet<T>(url: string): Promise<T> {
    const res = await app.inject({ url: `/api/v1/cloud${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  /** Conversation ids the list table shows, in order. */
  function tableIds(p: Page): Promise<string[]> {
    return p.$$eval('.ant-table-tbody tr.ant-table-row', (rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  }

  /** Waits until the table shows exactly these conversations, in this order. */
  async function waitForTable(p: Page, ids: string[]): Promise<void> {
    const deadline = Date.now() + 15_000;
    let got: string[] = [];
    while (Date.now() < deadline) {
      got = await tableIds(p);
      if (JSON.stringify(got) === JSON.stringify(ids)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(got, 'rows in the conversation table').toEqual(ids);
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function activeLine(): Promise<number | null> {
    const v = await page.$eval('[data-testid=transcript]', (el) => el.querySelector('.line.active')?.getAttribute('data-index') ?? null);
    return v === null ? null : Number(v);
  }

  beforeAll(async () => {
    tmp = tempDir('parley-web-');
    mkdirSync(ARTIFACTS, { recursive: true });
    const distDir = join(tmp.dir, 'dist');
    await buildAnalystApp(distDir);
    ({ app, pipeline } = await build({
      dataDir: join(tmp.dir, 'cloud'),
      logger: silentLogger(),
      asr: null,
      config: { stages: { pollMs: 20 } },
      webApp: { distDir },
    }));
    await seedCalls(app, tmp.dir);
    await seedBadgeSession(pipeline, tmp.dir);
    await pipeline.whenIdle();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it('lists, filters and searches conversations', async () => {
    const all = await apiGet<{ items: ListItem[] }>('/conversations?limit=20');
    expect(all.items).toHaveLength(SEED_CALLS.length + 1);

    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/app/conversations`);
    await waitForTable(
      page,
      all.items.map((c) => c.id),
    );
    // Chinese by default, names from the directory.
    expect(await page.textContent('.ant-table-thead')).toContain('开始时间');
    expect(await page.textContent('.ant-table-tbody')).toContain('王敏');
    await shot('01-list');

    // Filter by compliance severity through the UI: the same rows the API gives for that filter.
    const high = await apiGet<{ items: ListItem[] }>('/conversations?limit=20&severity=high');
    expect(high.items.length).toBeGreaterThan(0);
    expect(high.items.length).toBeLessThan(all.items.length);
    await page.click('[data-testid=filter-severity]');
    await page.click('.ant-select-item-option[title="重度"]');
    await waitForTable(
      page,
      high.items.map((c) => c.id),
    );
    expect(page.url()).toContain('severity=high');
    await shot('02-filter-high');

    // Clear, then search with a homophone: 保本 also finds the call where the transcript says 宝本.
    await page.click('button:has-text("清除筛选")');
    await waitForTable(
      page,
      all.items.map((c) => c.id),
    );
    const found = await apiGet<{ items: ListItem[] }>(`/conversations?limit=20&q=${encodeURIComponent('保本')}`);
    expect(found.items.map((c) => c.id)).toContain('phone-call-dev-027');
    await page.fill('input[placeholder="搜索转写（支持拼音）"]', '保本');
    await page.press('input[placeholder="搜索转写（支持拼音）"]', 'Enter');
    await waitForTable(
      page,
      found.items.map((c) => c.id),
    );
    expect(await page.textContent('.match-lines')).toMatch(/[保宝]本/);
    await shot('03-search-baoben');
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('plays a conversation with the transcript following the audio both ways, and confirms a compliance hit', async () => {
    const id = 'phone-call-dev-027';
    await page.click(`tr[data-row-key="${id}"] a`);
    await page.waitForURL(`${base}/app/conversations/${id}`);
    await page.waitForSelector('[data-testid=play]:not([disabled])', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=conversation-title]')).toContain('张丽');
    expect(await page.$$('[data-testid=line]')).toHaveLength(11);
    await shot('04-conversation');

    // Play: the highlighted line moves on from line 0 as the audio plays.
    await page.click('[data-testid=play]');
    await page.waitForSelector('[data-testid=line].active:not([data-index="0"])', { timeout: 20_000 });
    expect(await activeLine()).toBeGreaterThanOrEqual(1);
    await shot('05-playing');

    // Click line 7: the player seeks to its start, and the highlight follows.
    await page.click('[data-testid=line][data-index="7"]');
    await page.waitForSelector('[data-testid=line].active[data-index="7"]', { timeout: 10_000 });
    const clock = (await page.textContent('[data-testid=clock]')) ?? '';
    const seconds = Number(/^(\d+):(\d\d)/.exec(clock)?.[2] ?? NaN) + 60 * Number(/^(\d+):/.exec(clock)?.[1] ?? NaN);
    expect(seconds).toBeGreaterThanOrEqual((7 * TURN_MS) / 1000);
    expect(seconds).toBeLessThan((8 * TURN_MS) / 1000);
    await page.click('[data-testid=play]'); // pause
    await shot('06-seek-line-7');

    // Confirm the first compliance hit; the API records the review.
    const detail = await apiGet<{ compliance: Array<{ id: number; review: { state: string } }> }>(`/conversations/${id}`);
    const hit = detail.compliance[0];
    expect(hit, 'dev-027 has compliance hits').toBeDefined();
    await page.click(`[data-testid=compliance-hit][data-hit-id="${hit!.id}"] [data-testid=confirm-hit]`);
    await page.waitForSelector(`[data-testid=compliance-hit][data-hit-id="${hit!.id}"] [data-testid=review-state]:text-is("已确认")`);
    const after = await apiGet<{ compliance: Array<{ id: number; review: { state: string; reviewer: string | null } }> }>(`/conversations/${id}`);
    expect(after.compliance.find((h) => h.id === hit!.id)?.review).toMatchObject({ state: 'confirmed', reviewer: 'analyst' });
    // Its evidence is highlighted in the transcript.
    expect(await page.$$('[data-testid=transcript] mark.evidence')).not.toHaveLength(0);
    await shot('07-hit-confirmed');

    // A customer-tag chip highlights its own evidence in the transcript.
    const marksBefore = (await page.$$('[data-testid=transcript] mark.evidence')).length;
    await page.click('[data-testid=tag-chip] >> nth=0');
    await page.waitForSelector('[data-testid=tag-chip].ant-tag-checkable-checked');
    expect((await page.$$('[data-testid=transcript] mark.evidence')).length).toBeGreaterThan(marksBefore);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('shows the lost audio of a badge session on the timeline and why it has no transcript yet', async () => {
    const gapped = await apiGet<{ items: ListItem[] }>('/conversations?limit=20&hasGaps=true');
    expect(gapped.items.map((c) => c.id)).toEqual([`badge-${SEED_BADGE.sessionId}`]);
    await page.goto(`${base}/app/conversations`);
    await page.click('.ant-select:has(.ant-select-selection-placeholder:text-is("音频缺失"))');
    await page.click('.ant-select-item-option[title="有缺失"]');
    await waitForTable(
      page,
      gapped.items.map((c) => c.id),
    );
    await page.click(`tr[data-row-key="${gapped.items[0]!.id}"] a`);
    await page.waitForSelector('[data-testid=play]:not([disabled])', { timeout: 30_000 });
    // The gap is a region on the waveform (wavesurfer's shadow DOM), placed at its time.
    const region = page.locator('[data-testid=audio-player] [part~="gap-0"]');
    await region.waitFor();
    const wave = await page.locator('[data-testid=audio-player] .waveform').boundingBox();
    const box = await region.boundingBox();
    expect(wave && box).toBeTruthy();
    const duration = (await apiGet<{ durationMs: number }>(`/conversations/${gapped.items[0]!.id}`)).durationMs;
    expect((box!.x - wave!.x) / wave!.width).toBeCloseTo(SEED_BADGE.gap.startMs / duration, 1);
    expect(await page.textContent('.ant-alert')).toContain('等待转写');
    await shot('08-badge-gap');
    expect(await page.isEnabled('[data-testid=play]'), 'player ready').toBe(true);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('shows key-point rates by team with denominators and drills down to the conversations behind a number', async () => {
    await page.click('[data-testid=nav-key-points]');
    await page.waitForURL(`${base}/app/dashboards/key-points`);
    const rates = await apiGet<{ rows: Array<{ point: string; group: string | null; applicable: number; raised: number }> }>(
      '/metrics/key-points?by=team',
    );
    const row = rates.rows.find((r) => r.group === 'team-b' && r.raised > 0 && r.raised < 20);
    expect(row, 'team-b raised some key point').toBeDefined();
    await page.waitForSelector('[data-testid=keypoint-table] .ant-table-row');
    await page.waitForSelector('[data-testid=keypoint-chart] canvas');
    // Denominators are visible next to the rates.
    expect(await page.textContent('[data-testid=keypoint-table]')).toContain(`(${row!.raised}/${row!.applicable})`);
    await shot('09-key-points');

    const behind = await apiGet<{ items: ListItem[] }>(`/conversations?limit=20&keyPoint=${row!.point}&raised=true&teamId=team-b`);
    expect(behind.items).toHaveLength(row!.raised);
    await page.click(`[data-testid=keypoint-table] tr[data-row-key="${row!.point}|team-b"] [data-testid=drill-raised]`);
    await page.waitForURL(/\/app\/conversations\?/);
    await waitForTable(
      page,
      behind.items.map((c) => c.id),
    );
    await shot('10-drill-down');
    await page.click(`tr[data-row-key="${behind.items[0]!.id}"] a`);
    await page.waitForSelector('[data-testid=transcript]');
    expect(page.url()).toBe(`${base}/app/conversations/${behind.items[0]!.id}`);
    await shot('11-drill-conversation');

    // English is one click away.
    await page.click('[data-testid=language]');
    await page.waitForSelector('text=Key points');
    expect(await page.textContent('header')).toContain('Conversations');
    await shot('12-english');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
