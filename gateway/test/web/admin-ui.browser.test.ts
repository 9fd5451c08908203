/**
 * The fleet admin UI (/admin) in a real browser (Debian chromium driven by
 * playwright-core) against a real gateway: real aedes + mqtt.js, SQLite, and
 * a badge running the real firmware core on its Node platform, connected
 * over MQTT. An admin signs in, filters the fleet table, opens the badge
 * (health, charts), sends locate and sees the badge's result, changes its
 * config at device and branch level and sees the badge apply it, puts it in
 * a group, sees its low-battery alert reach a webhook, uploads a release and
 * rolls it out in stages until the badge applied it, reads and exports the
 * audit log; an auditor sees the same screens with every write disabled.
 * Screenshots go to test-artifacts/admin-ui/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createBadge, createNodePlatform, type Badge, type NodePlatform } from '@parley/firmware';
import { pb, type DecodedUp } from '@parley/proto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/admin-ui');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`admin UI browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

const BADGE = 'badge-ui-1';
const ADMIN = { id: 'ada.admin', password: 'correct-horse-battery', role: 'admin' };
const AUDITOR = { id: 'otto.audit', password: 'audit-staple-battery', role: 'auditor' };
/** Badges that never connect: the table has more than one page of them. */
const OTHER_BADGES = 120;

function telemetry(values: Partial<DecodedUp<'telemetry'>>): DecodedUp<'telemetry'> {
  return {
    batteryPercent: 80, batteryMv: 3900, charging: false, flashUsedBytes: 100_000, flashFreeBytes: 900_000, backlogSeconds: 0, rssiDbm: -60, uptimeS: 100,
    state: pb.DeviceState.DEVICE_STATE_IDLE, droppedFrames: 0, clockState: pb.ClockState.CLOCK_STATE_SYNCED, firmwareVersion: '1.0.0',
    lastErrorCode: 0, timeMs: 0, configVersion: 1, bootCount: 1, spoolEraseStalls: 0, ...values,
  };
}

/** Picks an option in the antd Select carrying `testId`. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.click(`[data-testid=${testId}]`);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first().click();
}

/** Fills an input and checks it kept the value: a form that initialises its fields late would otherwise overwrite it (seen once under a loaded full suite). */
async function fillKept(page: Page, selector: string, value: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.fill(selector, value);
    await new Promise((r) => setTimeout(r, 200));
    if ((await page.inputValue(selector)) === value) return;
  }
  throw new Error(`${selector} did not keep ${value}`);
}

async function signIn(page: Page, base: string, user: { id: string; password: string }): Promise<void> {
  await page.goto(`${base}/admin/`);
  await page.waitForSelector('[data-testid=login]');
  await page.fill('[data-testid=login-username]', user.id);
  await page.fill('[data-testid=login-password]', user.password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=signed-in-user]');
}

describe.skipIf(!haveChromium)('fleet admin UI in chromium', () => {
  let t: TestGateway;
  let browser: Browser;
  let base: string;
  let platform: NodePlatform;
  let badge: Badge;
  const pageErrors: string[] = [];
  let webhook: Server;
  const notifications: { event: string }[] = [];
  const auth = () => ({ authorization: `Bearer ${t.gateway.adminToken}` });
  const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await t.gateway.http.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as Record<string, unknown>;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The gateway as `npm start` builds it: the admin UI is (re)built when missing or older than its sources.
    // A webhook receiver, so the alerts page has real deliveries to show.
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        notifications.push(JSON.parse(body) as { event: string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
    const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alerts`;
    t = await startTestGateway({}, { adminWeb: { buildIfMissing: true }, fleetConfig: { alertWebhookUrl: webhookUrl } });
    base = `http://127.0.0.1:${t.addresses.http}`;
    for (const user of [ADMIN, AUDITOR]) await api('POST', '/api/v1/users', user);

    await api('POST', '/api/v1/branches', { id: 'paris-01', name: '巴黎歌剧院支行', region: 'IDF' });
    await api('POST', '/api/v1/branches', { id: 'lyon-02', name: '里昂支行', region: 'ARA' });
    await api('POST', '/api/v1/staff', { id: 'alice', name: '王丽', branchId: 'paris-01' });
    const created = await api('POST', '/api/v1/devices', { id: BADGE, serial: 'SN-UI-0001', hardwareRevision: 'r2', firmwareVersion: '1.0.0' });
    await api('PUT', `/api/v1/devices/${BADGE}/branch`, { branchId: 'paris-01' });
    await api('POST', `/api/v1/devices/${BADGE}/assign`, { staffId: 'alice' });
    const csv = ['serial,hardwareRevision,id'];
    for (let i = 0; i < OTHER_BADGES; i++) csv.push(`SN-LY-${i},r2,badge-ly-${String(i).padStart(3, '0')}`);
    const imported = await t.gateway.http.inject({ method: 'POST', url: '/api/v1/devices/import', headers: { ...auth(), 'content-type': 'text/csv' }, payload: csv.join('\n') });
    expect(imported.json()).toMatchObject({ created: OTHER_BADGES });
    for (let i = 0; i < 5; i++) await api('PUT', `/api/v1/devices/badge-ly-${String(i).padStart(3, '0')}/branch`, { branchId: 'lyon-02' });

    // The last day of this badge's health, as its telemetry would have recorded it (one sample every 10 minutes).
    const now = Date.now();
    for (let i = 144; i > 0; i--) {
      t.gateway.fleet.health.recordTelemetry(
        BADGE,
        telemetry({ batteryPercent: Math.max(10, 100 - Math.floor((144 - i) / 2)), backlogSeconds: (i % 36) * 30, rssiDbm: -55 - (i % 20), flashUsedBytes: 100_000 + (144 - i) * 3_000 }),
        now - i * 10 * 60_000,
      );
    }

    // The badge itself: the real firmware on its Node platform, battery nearly flat (an alert to see).
    platform = createNodePlatform({ flashBytes: 2 * 1024 * 1024, mqttUrl: `mqtt://127.0.0.1:${t.addresses.mqtt}`, deviceId: BADGE, secret: created.secret as string, seed: 7 });
    platform.battery.level = 8;
    badge = createBadge(platform, { deviceId: BADGE, hardwareRevision: 'r2', firmwareVersion: '1.0.0', staffId: 'alice' });
    badge.boot();
    await until(async () => (await api('GET', `/api/v1/devices/${BADGE}/health`)).online === true && (await api('GET', `/api/v1/devices/${BADGE}/health`)).batteryPercent === 8);

    // The UI is built in the background when missing or stale; the gateway answers 503 until it is ready.
    await until(async () => (await fetch(`${base}/admin/`)).status === 200, 180_000);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    badge?.shutdown();
    platform?.mqtt.disconnect();
    await t?.stop();
    await new Promise((r) => webhook?.close(r));
  });

  it('lets an admin run the fleet: table, device page, locate, config, alert, rollout, audit', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, base, ADMIN);
    expect(await page.textContent('[data-testid=signed-in-role]')).toBe('管理员');

    // Fleet table: all badges over several pages, then filters narrow it.
    await page.waitForFunction((n) => document.querySelector('.ant-pagination-total-text')?.textContent === `共 ${n} 台`, OTHER_BADGES + 1);
    expect(await page.locator('[data-testid=fleet-table] tbody tr.ant-table-row').count()).toBe(50);
    await choose(page, 'filter-branch', '里昂支行');
    await page.waitForFunction(() => document.querySelector('.ant-pagination-total-text')?.textContent === '共 5 台');
    await page.click('[data-testid=filter-branch] .ant-select-clear');
    await choose(page, 'filter-online', '在线');
    await page.waitForFunction(() => document.querySelector('.ant-pagination-total-text')?.textContent === '共 1 台');
    expect(await page.locator('[data-testid=fleet-table] tbody tr.ant-table-row').count()).toBe(1);
    const row = page.locator('[data-testid=fleet-table] tbody tr.ant-table-row').first();
    expect(await row.textContent()).toContain('王丽');
    expect(await row.locator('[data-testid=badge-battery]').textContent()).toContain('8%');
    await page.click('[data-testid=filter-online] .ant-select-clear');
    // Lowest battery first: the badge that reported 8 % leads the whole fleet.
    await choose(page, 'fleet-sort', '电量最低优先');
    await page.waitForFunction((id) => document.querySelector('[data-testid=fleet-table] tbody tr.ant-table-row a')?.textContent === id, BADGE);
    await page.fill('[data-testid=filter-search]', 'SN-UI');
    await page.press('[data-testid=filter-search]', 'Enter');
    await page.waitForFunction(() => document.querySelector('.ant-pagination-total-text')?.textContent === '共 1 台');
    await page.screenshot({ path: join(ARTIFACTS, 'fleet-table.png'), fullPage: true });

    // Device page: identity, health, charts from the history.
    await page.click(`[data-testid=device-link-${BADGE}]`);
    await page.waitForSelector('[data-testid=device-title]');
    expect(await page.textContent('[data-testid=device-title]')).toBe(BADGE);
    await page.waitForSelector('[data-testid=chart-batteryPercent] canvas');
    for (const chart of ['batteryPercent', 'flashUsedPercent', 'backlogSeconds', 'rssiDbm']) expect(await page.locator(`[data-testid=chart-${chart}] canvas`).count()).toBeGreaterThan(0);
    // The badge's own telemetry: its Node flash never erases in the foreground.
    expect(await page.textContent('[data-testid=device-erase-stalls]')).toBe('0');

    // Locate: the badge answers with its CommandResult.
    await page.click('[data-testid=command-locate]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=commands-table] tbody tr')].some((tr) => tr.textContent?.includes('定位') && tr.textContent.includes('成功')), undefined, { timeout: 15_000 });

    // Config: a device-level change gets a new version, which the badge applies.
    const wantedBefore = Number(await page.textContent('[data-testid=config-wanted]'));
    await page.click('[data-testid=config-edit]');
    await fillKept(page, '[data-testid=config-field-telemetryIntervalS]', '30');
    await page.click('[data-testid=config-save]');
    await page.waitForFunction((v) => document.querySelector('[data-testid=config-wanted]')?.textContent === String(v), wantedBefore + 1);
    await page.waitForFunction((v) => document.querySelector('[data-testid=config-applied]')?.textContent === String(v), wantedBefore + 1, { timeout: 15_000 });
    expect(await page.textContent('[data-testid=config-device-profile]')).toContain('"telemetryIntervalS": 30');
    await page.screenshot({ path: join(ARTIFACTS, 'device-page.png'), fullPage: true });

    // Config profiles: a branch-level change reaches the badge through inheritance.
    await page.click('[data-testid=nav-config]');
    await page.waitForSelector('[data-testid=profiles-table] tbody tr.ant-table-row');
    await choose(page, 'profile-scope', '网点');
    await choose(page, 'profile-scope-id', '巴黎歌剧院支行');
    await page.click('[data-testid=profile-edit-new]');
    await fillKept(page, '[data-testid=config-field-bitrate]', '24000');
    await page.click('[data-testid=config-save]');
    await page.waitForSelector('[data-testid=profiles-table] tbody tr.ant-table-row:has-text("24000")');
    await page.screenshot({ path: join(ARTIFACTS, 'config.png'), fullPage: true });
    await until(async () => {
      const state = await api('GET', `/api/v1/devices/${BADGE}/config`);
      return (state.config as { bitrate?: number }).bitrate === 24000 && state.appliedVersion === state.wantedVersion;
    });

    // Groups: a pilot group with the badge in it.
    await page.click('[data-testid=nav-provisioning]');
    await page.fill('[data-testid=group-id]', 'pilot');
    await page.fill('[data-testid=group-name]', '试点组');
    await page.click('[data-testid=group-create]');
    const groupRow = page.locator('tr.ant-table-row', { hasText: '试点组' });
    await groupRow.locator('input').fill(BADGE);
    await groupRow.locator('button').click();
    await groupRow.locator(`a:has-text("${BADGE}")`).waitFor();
    expect((await api('GET', `/api/v1/devices/${BADGE}/placement`)).groupIds).toEqual(['pilot']);

    // Alerts: evaluating finds the nearly flat battery.
    await page.click('[data-testid=nav-alerts]');
    await page.click('[data-testid=alerts-evaluate]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=alert-kind]')].some((e) => e.textContent === '电量低'));
    // The alert reached the webhook; the page says nothing waits for it.
    expect(notifications.map((n) => n.event)).toContain('alert.opened');
    await page.reload();
    await page.waitForSelector('[data-testid=webhook-state]');
    expect(await page.textContent('[data-testid=webhook-state]')).toContain('Webhook 无积压');
    await page.screenshot({ path: join(ARTIFACTS, 'alerts.png'), fullPage: true });

    // Rollout: upload a release, roll it out to the Paris branch in two stages; the real badge downloads and applies it.
    await page.click('[data-testid=nav-rollouts]');
    await page.setInputFiles('.ant-upload input[type=file]', { name: 'parley-1.1.0.bin', mimeType: 'application/octet-stream', buffer: randomBytes(6_000) });
    await page.fill('[data-testid=release-version]', '1.1.0');
    await page.fill('[data-testid=release-min-hw]', 'r1');
    await page.fill('[data-testid=release-notes]', 'UI test');
    await page.click('[data-testid=release-upload]');
    await page.waitForSelector('[data-testid=releases-table] tbody tr.ant-table-row');
    expect(await page.textContent('[data-testid=releases-table] tbody tr.ant-table-row')).toContain('5.9 KiB');
    await choose(page, 'rollout-release', '1.1.0');
    await page.fill('[data-testid=rollout-stages]', '50, 100');
    await choose(page, 'rollout-branch', '巴黎歌剧院支行');
    await page.click('[data-testid=rollout-start]');
    await page.waitForSelector('[data-testid=rollouts-table] tbody tr.ant-table-row [data-testid=rollout-state]');
    await page.click('[data-testid=rollouts-table] .ant-table-row-expand-icon');
    await page.waitForSelector('[data-testid=stage-progress]');
    // One eligible badge: 50 % of it is the whole badge, in stage 1 whatever state it has reached.
    const stageTotal = async () => {
      let sum = 0;
      for (const state of ['offered', 'downloading', 'staged', 'applied', 'failed']) sum += Number(await page.textContent(`[data-testid=stage-0-${state}]`));
      return sum;
    };
    expect(await stageTotal()).toBe(1);
    await page.waitForFunction(() => document.querySelector('[data-testid=stage-0-applied]')?.textContent === '1', undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'rollouts.png'), fullPage: true });
    const rollout = ((await api('GET', '/api/v1/rollouts')).rollouts as { state: string; counts: Record<string, number> }[])[0]!;
    expect(rollout).toMatchObject({ state: 'completed', counts: { applied: 1, failed: 0 } });

    // Audit log: the commands just given, filtered, and exported as CSV through the API.
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('[data-testid=audit-table] tbody tr.ant-table-row');
    await page.fill('[data-testid=audit-action]', 'command.issued');
    await page.press('[data-testid=audit-action]', 'Enter');
    await page.waitForFunction(() => {
      const actions = [...document.querySelectorAll('[data-testid=audit-entry-action]')].map((e) => e.textContent);
      return actions.length > 0 && actions.every((a) => a === 'command.issued');
    });
    expect(await page.locator('[data-testid=audit-table] tbody tr.ant-table-row', { hasText: 'user:ada.admin' }).count()).toBe(1);
    expect(await page.isDisabled('[data-testid=audit-next]')).toBe(true);
    const href = await page.getAttribute('[data-testid=audit-export-csv]', 'href');
    expect(href).toBe('/api/v1/audit/export?format=csv&action=command.issued');
    const exported = await page.request.get(`${base}${href}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain(`command.issued,${BADGE}`);
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });

    // Users: an admin adds a fleet operator.
    await page.click('[data-testid=nav-users]');
    await page.fill('input[placeholder=用户名]', 'fay.ops');
    await choose(page, 'user-role', '设备运维');
    await page.fill('input[placeholder=密码]', 'operator-battery-staple');
    await page.click('[data-testid=user-create]');
    await page.waitForSelector('tr.ant-table-row:has-text("fay.ops")');
    expect(((await api('GET', '/api/v1/users')).users as { id: string; role: string }[]).find((u) => u.id === 'fay.ops')?.role).toBe('fleet_operator');

    // English is one click away.
    await page.click('[data-testid=language]');
    await page.waitForFunction(() => document.querySelector('[data-testid=nav-devices]')?.textContent === 'Devices');
    await page.click('[data-testid=nav-devices]');
    await page.waitForSelector('[data-testid=fleet-table] tbody tr.ant-table-row');
    await page.screenshot({ path: join(ARTIFACTS, 'fleet-table-en.png'), fullPage: true });
    await page.click('[data-testid=language]');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows an auditor everything with every write disabled', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, base, AUDITOR);
    expect(await page.textContent('[data-testid=signed-in-role]')).toBe('审计员');
    expect(await page.locator('[data-testid=nav-users]').count()).toBe(0);

    await page.goto(`${base}/admin/devices/${BADGE}`);
    await page.waitForSelector('[data-testid=command-locate]');
    for (const kind of ['start', 'stop', 'mute', 'unmute', 'locate', 'reboot', 'lock', 'wipe-acknowledged', 'wipe-all']) {
      expect(await page.isDisabled(`[data-testid=command-${kind}]`), kind).toBe(true);
    }
    for (const button of ['config-edit', 'device-rotate', 'device-revoke', 'device-retire']) expect(await page.isDisabled(`[data-testid=${button}]`), button).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'auditor-device.png'), fullPage: true });

    await page.click('[data-testid=nav-provisioning]');
    await page.waitForSelector('[data-testid=read-only]');
    expect(await page.isDisabled('[data-testid=create-submit]')).toBe(true);
    expect(await page.isDisabled('[data-testid=branch-create]')).toBe(true);
    await page.click('[data-testid=nav-rollouts]');
    await page.waitForSelector('[data-testid=rollouts-table] tbody tr.ant-table-row');
    expect(await page.isDisabled('[data-testid=rollout-start]')).toBe(true);
    expect(await page.isDisabled('[data-testid=rollout-abort]')).toBe(true);
    // The audit log is the auditor's to read.
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('[data-testid=audit-table] tbody tr.ant-table-row');

    // The gateway refuses the write even if the button were pressed some other way, and audits the attempt.
    const refused = await page.request.post(`${base}/api/v1/devices/${BADGE}/commands`, { data: { kind: 'locate' }, headers: { origin: base } });
    expect(refused.status()).toBe(403);

    // Disabling the user ends the session: the open app falls back to the login form at its next request.
    await api('PATCH', `/api/v1/users/${AUDITOR.id}`, { disabled: true });
    await page.click('[data-testid=nav-alerts]');
    await page.waitForSelector('[data-testid=login]');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
