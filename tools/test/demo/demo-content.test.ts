/**
 * What `npm run demo` puts into the main job for the web apps: users that can
 * sign in, and the corpus's phone calls analysed by the pipeline, against a
 * real listening main job (fetch over HTTP, as the demo does).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '@parley/gateway';
import { buildMainJob, mainJobConfigSchema, type MainJob } from '@parley/gateway/main-job';
import { createDemoUsers, uploadDemoCalls } from '../../src/demo/demo-content.js';

const corpusDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/corpus/dev');
const phoneDialogues = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .filter((f) => (JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as { channel: string }).channel === 'phone').length;

describe('demo content', { timeout: 120_000 }, () => {
  let dir: string;
  let job: MainJob;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-demo-content-'));
    const config = loadConfig({
      schema: mainJobConfigSchema,
      env: {},
      base: { dataDir: dir, host: '127.0.0.1', http: { port: 0 }, mqtt: { port: 0, tlsPort: 0 }, auth: { scryptCost: 1024 }, log: { level: 'silent' } },
    });
    job = await buildMainJob({ config, logger: createLogger({ level: 'silent' }), buildAnalystApp: false, buildAdminApp: false });
    const addresses = await job.listen();
    url = `http://127.0.0.1:${addresses.http}`;
  }, 60_000);

  afterAll(async () => {
    await job?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates an admin and an analyst who can sign in, and uploads every corpus phone call, analysed with the staff and branch it names', async () => {
    const users = await createDemoUsers(url, job.gateway.adminToken);
    expect(users.map((u) => [u.id, u.role])).toEqual([['demo-admin', 'admin'], ['demo-analyst', 'analyst']]);
    for (const u of users) {
      const login = await job.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.id, password: u.password } });
      expect(login.statusCode).toBe(200);
    }
    const wrong = await job.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-analyst', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);

    const staff = [
      { staffId: 'st-chen', name: '陈静', branchId: 'br-north' },
      { staffId: 'st-zhao', name: '赵敏', branchId: 'br-east' },
    ];
    const accepted = await uploadDemoCalls({ httpUrl: url, token: job.gateway.adminToken, corpusDir, staff, now: Date.UTC(2026, 10, 22, 12) });
    expect(accepted).toBe(phoneDialogues);
    await job.pipeline.whenIdle();
    const auth = { authorization: `Bearer ${job.gateway.adminToken}` };
    const list = await job.gateway.http.inject({ url: '/api/v1/cloud/conversations?channel=phone&limit=100&count=true', headers: auth });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { total: number; items: Array<{ id: string; staffId: string | null; branchId: string | null; state: string }> };
    expect(body.total).toBe(phoneDialogues);
    expect(new Set(body.items.map((c) => c.state))).toEqual(new Set(['analyzed']));
    expect(new Set(body.items.map((c) => `${c.staffId}@${c.branchId}`))).toEqual(new Set(['st-chen@br-north', 'st-zhao@br-east']));
    // Uploading again is idempotent by call id: nothing new.
    expect(await uploadDemoCalls({ httpUrl: url, token: job.gateway.adminToken, corpusDir, staff, now: Date.UTC(2026, 10, 22, 12) })).toBe(phoneDialogues);
    const again = await job.gateway.http.inject({ url: '/api/v1/cloud/conversations?channel=phone&limit=1&count=true', headers: auth });
    expect((again.json() as { total: number }).total).toBe(phoneDialogues);
  });
});
