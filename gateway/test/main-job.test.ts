import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { buildMainJob, mainJobConfigSchema, PIPELINE_API_PREFIX, type MainJob } from '../src/main-job.js';

/** The main job: gateway + pipeline in one process, the pipeline API behind the fleet's users and roles. */
describe('main job', () => {
  let dir: string;
  let job: MainJob;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-main-job-'));
    const config = loadConfig({ schema: mainJobConfigSchema, env: {}, base: { dataDir: dir, auth: { scryptCost: 1024 } } });
    job = await buildMainJob({ config, logger: pino({ level: 'silent' }), buildAnalystApp: false });
  }, 60_000);

  afterAll(async () => {
    await job?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = () => ({ authorization: `Bearer ${job.gateway.adminToken}` });

  async function loginAs(id: string, role: string): Promise<string> {
    const password = `${id}-password-123`;
    const created = await job.gateway.http.inject({ method: 'POST', url: '/api/v1/users', headers: admin(), payload: { id, role, password } });
    expect(created.statusCode).toBe(201);
    const login = await job.gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies[0];
    return `${cookie!.name}=${cookie!.value}`;
  }

  it('composes the pipeline and fleet sections into one validated config', () => {
    expect(() => loadConfig({ schema: mainJobConfigSchema, env: {}, base: { pipeline: { nope: 1 } } })).toThrow(/nope/);
    const config = loadConfig({ schema: mainJobConfigSchema, env: { PARLEY_PIPELINE_STAGES_CONCURRENCY: '3' } });
    expect(config.pipeline.stages.concurrency).toBe(3);
    expect(config.fleet.batteryLowPercent).toBe(15);
  });

  it('serves the pipeline API only to authenticated callers', async () => {
    const anonymous = await job.gateway.http.inject({ method: 'GET', url: `${PIPELINE_API_PREFIX}/conversations` });
    expect(anonymous.statusCode).toBe(401);
    const res = await job.gateway.http.inject({ method: 'GET', url: `${PIPELINE_API_PREFIX}/conversations`, headers: admin() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('lets analysts review, auditors only read, and keeps rule changes for admins', async () => {
    const analyst = await loginAs('ana', 'analyst');
    const auditor = await loginAs('aud', 'auditor');
    const operator = await loginAs('ops', 'fleet_operator');
    const review = { state: 'confirmed', reviewer: 'ana' };
    const url = `${PIPELINE_API_PREFIX}/hits/compliance/999999/review`;

    expect((await job.gateway.http.inject({ method: 'GET', url: `${PIPELINE_API_PREFIX}/conversations`, headers: { cookie: auditor } })).statusCode).toBe(200);
    expect((await job.gateway.http.inject({ method: 'GET', url: `${PIPELINE_API_PREFIX}/conversations`, headers: { cookie: operator } })).statusCode).toBe(403);
    expect((await job.gateway.http.inject({ method: 'POST', url, headers: { cookie: auditor }, payload: review })).statusCode).toBe(403);
    // Authentication comes before body validation: an anonymous caller learns nothing from a malformed body.
    expect((await job.gateway.http.inject({ method: 'POST', url, payload: { bogus: true } })).statusCode).toBe(401);
    // Past the role check, the analyst reaches the pipeline, which answers for the unknown hit.
    const byAnalyst = await job.gateway.http.inject({ method: 'POST', url, headers: { cookie: analyst }, payload: review });
    expect(byAnalyst.statusCode).toBe(404);
    expect((await job.gateway.http.inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/rules/reload`, headers: { cookie: analyst } })).statusCode).toBe(403);
  });
});
