/**
 * The rules screens, tag / key-point review and the server-drawn waveform,
 * end to end in Debian chromium (playwright-core, no browser download)
 * against the standalone cloud app with the SPA built by Vite, a real
 * pipeline, real SQLite and real Ogg Opus recordings.
 * Screenshots: test-artifacts/rules-review/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildAnalystApp, type Pipeline } from '../../src/index.js';
import { silentLogger, tempDir } from '../helpers.js';
import { SEED_CALLS, seedCalls } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/rules-review');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`rules/review browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

/** A compliance rule whose condition name is misspelt in `when` (the validator must say so, at that line). */
const BROKEN_RULE = `id: compliance.custom.mars_plan
kind: compliance
rule: promise_guarantee
description: 火星计划是一个不存在的产品
conditions:
  pitch:
    role: staff
    match:
      any: [火星计划]
when: pitch and guarantee
`;
const FIXED_RULE = BROKEN_RULE.replace('when: pitch and guarantee', 'when: pitch');
const DIALOGUE = '客户: 最近有什么好产品吗？\n员工: 我们新出的火星计划，收益稳稳的\n客户: 听起来不错';

interface Detail {
  summary: { rulesVersion: string } | null;
  tags: Array<{ id: number; family: string; tag: string; value: string; review: { state: string; correctedValue?: string | null; reviewer: string | null } }>;
  keyPoints: Array<{ id: number; point: string; applicable: boolean; review: { state: string; reviewer: string | null } }>;
}

describe.skipIf(!haveChromium)('rules screens, review and waveform peaks in chromium', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  let browser: Browser;
  let page: Page;
  let base: string;
  let ids: string[];
  const consoleErrors: string[] = [];
  const requests: Array<{ url: string; type: string }> = [];

  async function apiGet<T>(url: string): Promise<T> {
    const res = await app.inject({ url: `/api/v1/cloud${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    tmp = tempDir('parley-web-rules-');
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
    ids = await seedCalls(app, tmp.dir);
    await pipeline.whenIdle();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
    page.on('response', (r) => {
      // 422: the validation answers this test provokes on purpose
      if (r.status() >= 400 && r.status() !== 422) consoleErrors.push(`${r.status()} ${r.url()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it('draws the waveform from the server peaks without downloading the recording to decode it', async () => {
    const id = ids[0]!;
    requests.length = 0;
    await page.goto(`${base}/app/conversations/${id}`);
    await page.waitForSelector('[data-testid=audio-player][data-peaks=server]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=play]:not([disabled])', { timeout: 30_000 });
    expect(requests.filter((r) => r.url.includes(`/conversations/${id}/peaks`))).toHaveLength(1);
    // the recording is only streamed by the media element, never fetched whole for decoding
    expect(requests.filter((r) => r.url.includes(`/conversations/${id}/audio`) && r.type !== 'media')).toEqual([]);
    // the waveform canvas (in wavesurfer's shadow root) has ink on it
    const inked = await page.$eval('[data-testid=audio-player] .waveform', (el) => {
      const root = el.firstElementChild?.shadowRoot ?? el.shadowRoot;
      type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
      const canvases = [...(root?.querySelectorAll('canvas') ?? [])] as unknown as Canvas[];
      let n = 0;
      for (const c of canvases) {
        if (c.width === 0 || c.height === 0) continue;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        if (!data) continue;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      }
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    await shot('01-waveform-from-peaks');
  }, 60_000);

  it('corrects a tag and marks a key point wrong, with reviewer and time shown and stored', async () => {
    const id = ids[0]!;
    const before = await apiGet<Detail>(`/conversations/${id}`);
    const tag = before.tags.find((t) => t.review.state === 'pending')!;
    expect(tag, 'the seeded call has profile tags').toBeDefined();
    const kp = before.keyPoints.find((k) => k.applicable)!;

    await page.click(`[data-testid=tag-row][data-hit-id="${tag.id}"] [data-testid=correct-tag]`);
    await page.waitForSelector('.ant-modal .ant-select');
    await page.click('.ant-modal .ant-select-selector');
    await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    // the first value is the active option of the open list: Enter picks it (steadier than clicking an animating list)
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ant-modal .ant-select-selection-item');
    await page.fill('.ant-modal input[placeholder="原因（可选）"]', '客户原话不是这个意思');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.waitForSelector(`[data-testid=tag-row][data-hit-id="${tag.id}"][data-review=confirmed] [data-testid=tag-review-state]`);
    expect(await page.textContent(`[data-testid=tag-row][data-hit-id="${tag.id}"] [data-testid=reviewed-by]`)).toContain('analyst');

    await page.click(`[data-testid=key-point][data-point="${kp.point}"] [data-testid=kp-wrong]`);
    await page.waitForSelector(`[data-testid=key-point][data-point="${kp.point}"][data-review=dismissed] [data-testid=kp-review-state]`);
    await shot('02-tag-corrected-key-point-wrong');

    const after = await apiGet<Detail>(`/conversations/${id}`);
    const t = after.tags.find((x) => x.id === tag.id)!;
    expect(t.review).toMatchObject({ state: 'confirmed', reviewer: 'analyst' });
    expect(t.review.correctedValue).toBeTruthy();
    expect(t.review.correctedValue).not.toBe(tag.value);
    expect(after.keyPoints.find((k) => k.id === kp.id)!.review).toMatchObject({ state: 'dismissed', reviewer: 'analyst' });
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('edits a rule: sees the validation error at its line, fixes it, tests it on a pasted dialogue, saves a new version', async () => {
    const filesVersion = (await apiGet<{ version: string }>('/rules')).version;
    // (the header menu may fold 规则 into its overflow menu on narrower screens: open the page by its address)
    await page.goto(`${base}/app/rules`);
    await page.waitForSelector(`[data-testid=active-version]:text-is("${filesVersion}")`);
    expect((await page.$$('[data-testid=rule-link]')).length).toBeGreaterThan(10);
    await shot('03-rules-list');

    await page.click('[data-testid=new-rule]');
    await page.waitForURL(`${base}/app/rules/new`);
    await page.fill('[data-testid=rule-yaml]', BROKEN_RULE);
    await page.click('[data-testid=validate-rule]');
    await page.waitForSelector('[data-testid=validation-errors]');
    const issue = page.locator('[data-testid=validation-issue]').filter({ hasText: 'guarantee' });
    const whenLine = BROKEN_RULE.split('\n').findIndex((l) => l.startsWith('when:')) + 1;
    expect(await issue.getAttribute('data-line')).toBe(String(whenLine));
    // the gutter marks that line, and a click on the problem selects it in the editor
    expect(await page.textContent('.line-numbers .error-line')).toBe(String(whenLine));
    await issue.click();
    const selected = await page.$eval('[data-testid=rule-yaml]', (el) => {
      const ta = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selected).toBe('when: pitch and guarantee');
    // the text is highlighted behind the editor: keys, and the same lines as the text
    const keys = await page.$$eval('[data-testid=yaml-highlight] .tok-key', (ks) => ks.map((k) => k.textContent ?? ''));
    expect(keys).toEqual(expect.arrayContaining(['id', 'kind', 'conditions', 'when']));
    expect(await page.$$eval('[data-testid=yaml-highlight] code > div', (ls) => ls.length)).toBe(BROKEN_RULE.split('\n').length);
    const [gutterTop, highlightTop] = await page.$$eval(
      [`.line-numbers > div:nth-child(${whenLine})`, `[data-testid=yaml-highlight] code > div:nth-child(${whenLine})`].join(','),
      (els) => els.map((el) => Math.round(el.getBoundingClientRect().top)),
    );
    expect(highlightTop).toBe(gutterTop);
    await shot('04-validation-error');

    await page.fill('[data-testid=rule-yaml]', FIXED_RULE);
    await page.click('[data-testid=validate-rule]');
    await page.waitForSelector('[data-testid=validation-ok]');

    await page.fill('[data-testid=test-dialogue]', DIALOGUE);
    await page.click('[data-testid=run-test]');
    await page.waitForSelector('[data-testid=test-hit-count][data-hits="1"]');
    expect(await page.textContent('[data-testid=rule-tester] [data-testid=transcript]')).toContain('火星计划');
    const marked = await page.$$eval('[data-testid=rule-tester] mark.evidence', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marked.join('')).toContain('火星计划');
    await shot('05-tested-on-dialogue');

    await page.click('[data-testid=save-rule]');
    await page.waitForURL(`${base}/app/rules/edit/compliance.custom.mars_plan`);
    const active = (await apiGet<{ version: string }>('/rules')).version;
    expect(active).toBe(`${filesVersion}+e1`);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('re-runs the new rules over past conversations with progress to completion; the reviews stay', async () => {
    const active = (await apiGet<{ version: string }>('/rules')).version;
    await page.goto(`${base}/app/rules?tab=rerun`);
    await page.waitForSelector('[data-testid=start-rerun]');
    await page.click('[data-testid=start-rerun]');
    await page.waitForSelector('[data-testid=rerun-job]');
    await shot('06-rerun-started');
    await page.waitForSelector('[data-testid=rerun-job][data-state=done] >> nth=0', { timeout: 60_000 });
    const counts = await page.textContent('[data-testid=rerun-job] >> nth=0');
    expect(counts).toContain(`${SEED_CALLS.length} / ${SEED_CALLS.length}`);
    await shot('07-rerun-done');

    for (const id of ids) expect((await apiGet<Detail>(`/conversations/${id}`)).summary?.rulesVersion).toBe(active);
    const d = await apiGet<Detail>(`/conversations/${ids[0]!}`);
    expect(d.tags.some((t) => t.review.correctedValue)).toBe(true);
    expect(d.keyPoints.some((k) => k.review.state === 'dismissed')).toBe(true);
    const jobs = await apiGet<{ items: Array<{ state: string; done: number; failed: number; total: number }> }>('/rules/rerun-jobs');
    expect(jobs.items[0]).toMatchObject({ state: 'done', done: SEED_CALLS.length, failed: 0, total: SEED_CALLS.length });

    // the history shows both versions; the files' version can be made active again
    await page.goto(`${base}/app/rules?tab=history`);
    await page.waitForSelector('[data-testid=activate-version]');
    await shot('08-version-history');

    // what the edit changed: the new version against the files' version it was based on
    await page.click('[data-testid=version-changes] >> nth=0');
    await page.waitForSelector('[data-testid=rule-diff-rule]');
    expect(new URL(page.url()).searchParams.get('to')).toBe(active);
    expect(await page.$$eval('[data-testid=rule-diff-rule]', (cards) => cards.map((c) => c.textContent ?? ''))).toEqual([
      expect.stringContaining('compliance.custom.mars_plan'),
    ]);
    const added = await page.$$eval('[data-testid=rule-diff-rule] [data-diff-line=added]', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(added).toContain('+id: compliance.custom.mars_plan');
    expect(await page.$$('[data-testid=rule-diff-rule] [data-diff-line=removed]')).toHaveLength(0);
    expect(await page.textContent('[data-testid=rule-diff-summary]')).toMatch(/新增 1 条/);
    await shot('09-version-diff');

    // a rule with a long regex: its lines do not wrap, and the highlighting follows the editor sideways
    await page.goto(`${base}/app/rules/edit/profile.objection.refusal.no_time`);
    // (opened by its address: a rule id's dots must not make the server take it for a file)
    await page.waitForSelector('[data-testid=yaml-highlight] .tok-key');
    const scrolled = await page.$eval('[data-testid=rule-yaml]', (el) => {
      const ta = el as unknown as { scrollLeft: number; scrollWidth: number; clientWidth: number; dispatchEvent(e: Event): boolean };
      ta.scrollLeft = 300;
      ta.dispatchEvent(new Event('scroll'));
      return { left: ta.scrollLeft, wider: ta.scrollWidth > ta.clientWidth };
    });
    expect(scrolled).toEqual({ left: 300, wider: true });
    await page.waitForFunction(`document.querySelector('[data-testid=yaml-highlight] code')?.style.transform === 'translateX(-300px)'`);
    await shot('10-long-rule-scrolled');

    // completion: typing a key offers the fields its block allows, a value the taxonomy's ids
    await page.goto(`${base}/app/rules/new`);
    await page.waitForSelector('[data-testid=yaml-highlight] .tok-key');
    await page.fill('[data-testid=rule-yaml]', 'id: profile.custom.wait\nkind: profile\nfamily: feedback\n');
    await page.focus('[data-testid=rule-yaml]');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('ta');
    await page.waitForSelector('[data-testid=completion-item]');
    expect(await page.$$eval('[data-testid=completion-item] .label', (ls) => ls.map((l) => l.textContent ?? ''))).toEqual(['tag']);
    await page.keyboard.press('Enter');
    // the value list opens by itself after `tag: `: the tags of the family written above
    await page.waitForFunction(`[...document.querySelectorAll('[data-testid=completion-item] .label')].map((l) => l.textContent).includes('negative')`);
    await page.keyboard.type('neg');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('value: branch_l');
    await page.waitForSelector('[data-testid=completion-item]');
    // the list sits under the caret's line, inside the editor
    const placed = await page.$eval('[data-testid=completion-list]', (ul) => {
      const list = ul as unknown as { getBoundingClientRect(): { top: number }; parentElement: { getBoundingClientRect(): { top: number } } };
      return list.getBoundingClientRect().top - list.parentElement.getBoundingClientRect().top;
    });
    expect(placed).toBeGreaterThan(4 * 18);
    await shot('11-completion');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('[data-testid=rule-yaml]')).toBe('id: profile.custom.wait\nkind: profile\nfamily: feedback\ntag: negative\nvalue: branch_long_wait');
    await page.keyboard.press('Escape');
    expect(await page.$$('[data-testid=completion-list]')).toHaveLength(0);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
