/**
 * The browser platform's IndexedDB flash in a real browser (Debian chromium):
 * seeded random flash calls run in the page on the flash and on the NOR-flash
 * model side by side (they must answer the same after every call), then the
 * page is reloaded and the flash opened again from chromium's IndexedDB:
 * - after `whenDurable()`, it holds exactly the flash as it was;
 * - reloaded with transactions still in flight, it holds the flash as it was
 *   at one of the calls since the last durable point (a power cut, never a
 *   torn or reordered state).
 * The Node run of the same flash (fake-indexeddb, contract suite and property
 * test) is firmware/test/platform/indexeddb-flash.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeStubs } from '../../src/web-badge/bundle.js';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://flash-harness.test';
const runnable = existsSync(CHROMIUM);
if (!runnable) console.log(`IndexedDB flash browser test skipped: needs ${CHROMIUM} (apt-get install chromium)`);

interface Harness {
  open(): Promise<string>;
  run(seed: number, count: number, settle: boolean): Promise<string[]>;
  transactions(): number;
}

describe.skipIf(!runnable)('IndexedDB flash in chromium', () => {
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('./harness/indexeddb-flash-harness.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [nodeStubs],
    });
    const js = bundled.outputFiles[0]?.text ?? '';
    // A profile on disk: IndexedDB in files, as for a user (an incognito context keeps it in memory).
    profile = mkdtempSync(join(tmpdir(), 'parley-idb-flash-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    await context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/harness.js') return route.fulfill({ contentType: 'text/javascript', body: js });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>flash harness</title><script type="module" src="/harness.js"></script>' });
    });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function load(): Promise<string> {
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'flashHarness' in globalThis);
    return page.evaluate(() => (globalThis as unknown as { flashHarness: Harness }).flashHarness.open());
  }

  const run = (seed: number, count: number, settle: boolean): Promise<string[]> =>
    page.evaluate(([s, c, d]) => (globalThis as unknown as { flashHarness: Harness }).flashHarness.run(s, c, d), [seed, count, settle] as const);

  it('holds exactly what was durable across reloads, and a state of the call sequence when reloaded mid-write', async () => {
    let durable = await load();
    const empty = durable;
    for (let round = 1; round <= 6; round++) {
      const prints = await run(round, 150, true);
      durable = prints[prints.length - 1] as string;
      expect(await load()).toBe(durable);

      // The same again, but the page goes away without waiting for IndexedDB.
      const inFlight = await run(100 + round, 150, false);
      const reloaded = await load();
      expect([durable, ...inFlight]).toContain(reloaded);
      durable = reloaded;
    }
    // The calls did write: the flash is not where it started.
    expect(durable).not.toBe(empty);
    expect(await page.evaluate(() => (globalThis as unknown as { flashHarness: Harness }).flashHarness.transactions())).toBe(0); // a fresh page, nothing written yet
  }, 120_000);
});
