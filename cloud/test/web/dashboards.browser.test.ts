/**
 * The issue-9 dashboards end to end in a real browser: Debian chromium driven
 * by playwright-core against the standalone cloud app (real pipeline, real
 * SQLite) seeded with corpus dialogues as phone calls and one badge session
 * linked to a phone customer. Overview, compliance → drill down to the list,
 * voice of the customer → the quote's conversation at its line, customer
 * insight filter → CSV download, the customer's cross-channel timeline.
 * Screenshots go to test-artifacts/dashboards/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildAnalystApp, type Pipeline } from '../../src/index.js';
import { silentLogger, tempDir } from '../helpers.js';
import { SEED_BADGE, SEED_CALLS, seedBadgeSession, seedCalls } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/dashboards');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`dashboards browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

const BADGE_ID = `badge-${SEED_BADGE.sessionId}`;

describe.skipIf(!haveChromium)('analyst dashboards in chromium', { timeout: 60_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  let browser: Browser;
  let page: Page;
  let base: string;
  let callIds: string[] = [];
  const consoleErrors: string[] = [];

  async function apiGet<T>(url: string): Promise<T> {
    const res = await app.inject({ url: `/api/v1/cloud${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** Waits until fn() returns the expected value (the page renders asynchronously). */
  async function until<T>(fn: () => Promise<T>, expected: T, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    let got: T = await fn();
    while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      got = await fn();
    }
    expect(got, what).toEqual(expected);
  }

  const rowKeys = () => page.$$eval('[data-testid=insight-table] .ant-table-tbody tr.ant-table-row', (rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  const listIds = () => page.$$eval('.ant-table-tbody tr.ant-table-row', (rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));

  beforeAll(async () => {
    tmp = tempDir('parley-dash-web-');
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
    callIds = await seedCalls(app, tmp.dir);
    await seedBadgeSession(pipeline, tmp.dir);
    await pipeline.whenIdle();
    // The badge visit was with the first call's customer: the customer page shows both channels.
    const first = await apiGet<{ customerId: string }>(`/conversations/${callIds[0]}`);
    const link = await app.inject({ method: 'PUT', url: `/api/v1/cloud/conversations/${BADGE_ID}/customer`, payload: { customerId: first.customerId } });
    expect(link.statusCode, link.body).toBe(200);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
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

  it('overview: totals, week over week and the trend chart', async () => {
    await page.goto(`${base}/app/dashboards/overview`);
    const n = SEED_CALLS.length + 1;
    await page.waitForSelector('[data-testid=overview-conversations]');
    const card = () => page.$eval('[data-testid=overview-conversations] .ant-statistic-content-value', (el) => el.textContent);
    await until(card, String(n), 'conversations on the card');
    expect(await page.textContent('.ant-layout-header')).toContain('总览');
    expect(await page.textContent('[data-testid=overview-channels]')).toContain('工牌');
    await page.waitForSelector('[data-testid=overview-trend] canvas');
    await shot('01-overview');
  });

  it('compliance dashboard: by severity and rule, drill down to exactly the conversations behind a count', async () => {
    const c = await apiGet<{ byRule: Array<{ rule: string; conversations: number }>; bySeverity: Array<{ severity: string; hits: number }> }>('/dashboards/compliance?by=team');
    expect(c.byRule.length).toBeGreaterThan(0);
    await page.goto(`${base}/app/dashboards/compliance`);
    await page.waitForSelector('[data-testid=compliance-rules] [data-testid=drill-rule]');
    await page.waitForSelector('[data-testid=compliance-trend-chart] canvas');
    await shot('02-compliance');
    // narrowed to one team, the severity counts are that team's
    const teamB = await apiGet<{ bySeverity: Array<{ severity: string; hits: number }> }>('/dashboards/compliance?by=team&teamId=team-b');
    await page.click('[data-testid=scope-who]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '财富二组' }).first().click();
    const severityText = () => page.$eval('[data-testid=compliance-severity]', (el) => el.textContent ?? '');
    const severityOf = (rows: Array<{ severity: string; hits: number }>): string =>
      ['critical', 'high', 'medium', 'low']
        .map((s) => `${({ critical: '严重', high: '重度', medium: '中度', low: '轻度' } as Record<string, string>)[s]} ${rows.find((r) => r.severity === s)?.hits ?? 0}`)
        .join('');
    await until(severityText, severityOf(teamB.bySeverity), 'severity counts of team-b');
    await page.click('[data-testid=scope-who]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部网点' }).first().click();
    // Back to every branch before the rule table is read (it still shows team-b's counts until the refetch lands).
    await until(severityText, severityOf(c.bySeverity), 'severity counts of every branch');
    // the most frequent rule is first (sorted by hits); its conversation count opens the list filtered by it
    const link = page.locator('[data-testid=compliance-rules] [data-testid=drill-rule]').first();
    const count = Number(await link.textContent());
    const href = (await link.getAttribute('href'))!;
    const rule = new URL(href, base).searchParams.get('rule')!;
    await link.click();
    await page.waitForURL((u) => u.pathname === '/app/conversations' && u.searchParams.get('rule') === rule);
    const expected = await apiGet<{ items: Array<{ id: string }> }>(`/conversations?rule=${rule}&limit=50`);
    expect(expected.items).toHaveLength(count);
    await until(listIds, expected.items.map((x) => x.id), 'rows of the drill-down');
    await page.waitForSelector('[data-testid=rule-filter]');
    await shot('03-compliance-drilldown');
  });

  it('voice of the customer: a quote opens its conversation at that line', async () => {
    const voc = await apiGet<{ items: Array<{ conversationId: string; segment: number | null; quote: string | null; kind: string }> }>('/dashboards/voc?limit=30');
    expect(voc.items.length).toBeGreaterThan(0);
    await page.goto(`${base}/app/dashboards/voc`);
    await page.waitForSelector('[data-testid=voc-item]');
    expect(await page.locator('[data-testid=voc-item]').count()).toBe(voc.items.length);
    await shot('04-voc');
    const item = voc.items[0]!;
    await page.locator('.voc-quote').first().click();
    await page.waitForURL((u) => u.pathname === `/app/conversations/${item.conversationId}` && u.searchParams.get('line') === String(item.segment));
    const line = page.locator(`[data-testid=transcript] [data-index="${item.segment}"]`);
    await line.waitFor();
    expect(await line.textContent()).toContain(item.quote);
    // the line is highlighted (a mark over it) and is the current line of the player
    await until(() => line.evaluate((el) => el.querySelector('mark') !== null && el.classList.contains('active')), true, 'quoted line highlighted and current');
    await shot('05-voc-to-line');
  });

  it('customer insight: filter by a tag in the UI, then the CSV download holds exactly that list', async () => {
    const firstCustomer = (await apiGet<{ customerId: string }>(`/conversations/${callIds[0]}`)).customerId;
    const profile = await apiGet<{ current: Array<{ family: string; tag: string; value: string }> }>(`/customers/${firstCustomer}/profile-sources`);
    const t = profile.current[0]!;
    const taxonomy = pipeline.services.context.taxonomy;
    const tagLabel = taxonomy.profile[t.family]![t.tag]!.zh;
    const valueLabel = taxonomy.profile[t.family]![t.tag]!.values[t.value]!;
    const expected = await apiGet<{ items: Array<{ id: string }> }>(`/customer-insight?tag=${t.family}.${t.tag}=${t.value}&limit=200`);
    expect(expected.items.map((c) => c.id)).toContain(firstCustomer);

    await page.goto(`${base}/app/customers`);
    await until(rowKeys, (await apiGet<{ items: Array<{ id: string }> }>('/customer-insight?limit=20')).items.map((c) => c.id), 'all customers before filtering');
    await page.click('[data-testid=insight-add]');
    await page.locator('.ant-cascader-menu-item', { hasText: tagLabel }).first().click();
    await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: valueLabel }).first().click();
    await page.waitForURL((u) => u.searchParams.getAll('tag').includes(`${t.family}.${t.tag}=${t.value}`));
    await until(rowKeys, expected.items.map((c) => c.id), 'customers with the tag');
    expect(await page.textContent('[data-testid=insight-condition]')).toContain(valueLabel);
    expect(await page.textContent('[data-testid=insight-total]')).toContain(String(expected.items.length));
    await shot('06-customer-insight');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=insight-export]')]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('客户编号,姓名,电话,会话数,最近会话,渠道,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected.items.map((c) => c.id));
    const col = lines[0]!.split(',').indexOf(tagLabel);
    for (const l of lines.slice(1)) expect(l.split(',')[col]).toContain(valueLabel);
  });

  it('customer page: profile with quotes and the timeline across phone and badge, reached from the list and the conversation page', async () => {
    const firstCustomer = (await apiGet<{ customerId: string }>(`/conversations/${callIds[0]}`)).customerId;
    await page.locator(`[data-testid=insight-table] tr[data-row-key="${firstCustomer}"] [data-testid=insight-customer]`).click();
    await page.waitForURL(`${base}/app/customers/${firstCustomer}`);
    await until(
      () => page.$$eval('[data-testid=timeline-item]', (els) => els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-channel')}`)),
      [`${BADGE_ID}:badge`, `${callIds[0]}:phone`],
      'timeline newest first across channels',
    );
    expect(await page.locator('[data-testid=profile-quote]').count()).toBeGreaterThan(0);
    await shot('07-customer');

    // a source quote opens the conversation at its line
    const sources = await apiGet<{ history: Array<{ conversationId: string; segment: number | null; quote: string }> }>(`/customers/${firstCustomer}/profile-sources`);
    const first = sources.history[0]!;
    await page.locator('[data-testid=profile-quote]').first().click();
    await page.waitForURL((u) => u.pathname === `/app/conversations/${first.conversationId}` && u.searchParams.get('line') === String(first.segment));
    // and the conversation's profile panel links back to the customer
    await page.click('[data-testid=customer-link]');
    await page.waitForURL(`${base}/app/customers/${firstCustomer}`);
    await page.waitForSelector('[data-testid=timeline-item]');

    // English is one click away
    await page.click('[data-testid=language]');
    await page.waitForSelector('text=Conversations across channels');
    await page.click('[data-testid=language]');
    expect(consoleErrors).toEqual([]);
  });
});
