import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { buildMainJob, mainJobConfigSchema, PIPELINE_API_PREFIX, type MainJob } from '../src/main-job.js';

const PHONE_WAV = join(import.meta.dirname, '..', '..', '..', 'shared', 'audio', 'real', 'phone-8k.wav');

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = '----parley' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The audit trail of the analysis side, end to end through the main job:
 * who viewed a transcript, played a recording, reviewed a finding, changed
 * the rules or exported the customer list, as the signed-in user the fleet knows.
 */
describe('main job: transcript views, playbacks, reviews, rule changes and exports are audited with the signed-in user', { timeout: 120_000 }, () => {
  let dir: string;
  let job: MainJob;
  let conversationId: string;
  const cookies: Record<string, string> = {};

  const admin = () => ({ authorization: `Bearer ${job.gateway.adminToken}` });
  const inject = (opts: InjectOptions) => job.gateway.http.inject(opts);

  async function loginAs(id: string, role: string): Promise<string> {
    const password = `${id}-password-123`;
    expect((await inject({ method: 'POST', url: '/api/v1/users', headers: admin(), payload: { id, role, password } })).statusCode).toBe(201);
    const login = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password } });
    const cookie = login.cookies[0]!;
    return `${cookie.name}=${cookie.value}`;
  }

  async function auditOf(action: string): Promise<Array<{ actor: string; action: string; target: string | null; details: Record<string, unknown> }>> {
    const res = await inject({ url: `/api/v1/audit?action=${encodeURIComponent(action)}&limit=100`, headers: admin() });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { entries: Array<{ actor: string; action: string; target: string | null; details: Record<string, unknown> }> }).entries;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-main-job-audit-'));
    const config = loadConfig({
      schema: mainJobConfigSchema,
      env: {},
      base: { dataDir: dir, auth: { scryptCost: 1024 }, pipeline: { stages: { pollMs: 20 } } },
    });
    job = await buildMainJob({ config, logger: pino({ level: 'silent' }), buildAnalystApp: false, buildAdminApp: false });
    await job.gateway.http.ready();
    await job.pipeline.start();
    cookies.analyst = await loginAs('ana', 'analyst');
    cookies.auditor = await loginAs('aud', 'auditor');
    const metadata = {
      callId: 'audit-call-1',
      agentId: 'agent-1',
      customerNumber: '13800138000',
      direction: 'inbound',
      startTime: '2026-11-20T09:30:00+08:00',
      endTime: '2026-11-20T09:31:00+08:00',
      transcript: [
        { speaker: '坐席', text: '您好，我是理财经理小王，想了解一下您平时怎么打理闲钱', startMs: 0, endMs: 3000 },
        { speaker: '客户', text: '我一般就存定期，放个三个月左右', startMs: 3000, endMs: 6000 },
        { speaker: '坐席', text: '那您看看我们这款理财，保本保息，稳赚不赔', startMs: 6000, endMs: 9000 },
      ],
    };
    const body = multipart({ metadata: JSON.stringify(metadata) }, { name: 'call.wav', data: readFileSync(PHONE_WAV), type: 'audio/wav' });
    const up = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/calls`, payload: body.payload, headers: { ...body.headers, cookie: cookies.analyst } });
    expect(up.statusCode, up.body).toBe(201);
    conversationId = (up.json() as { conversationId: string }).conversationId;
    await job.pipeline.whenIdle();
  }, 120_000);

  afterAll(async () => {
    await job?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each transcript view and each playback (not each range request of one playback)', async () => {
    const view = await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}`, headers: { cookie: cookies.analyst } });
    expect(view.statusCode).toBe(200);
    expect(view.json().state).toBe('analyzed');
    expect((await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}`, headers: { cookie: cookies.auditor } })).statusCode).toBe(200);
    const play = await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}/audio`, headers: { cookie: cookies.auditor, range: 'bytes=0-' } });
    expect(play.statusCode).toBe(206);
    // the media element's next range requests of the same playback
    expect((await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}/audio`, headers: { cookie: cookies.auditor, range: 'bytes=1000-' } })).statusCode).toBe(206);
    // the waveform peaks are not a playback
    expect((await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}/peaks`, headers: { cookie: cookies.auditor } })).statusCode).toBe(200);

    const views = await auditOf('conversation.view');
    expect(views.map((e) => [e.actor, e.target])).toEqual(expect.arrayContaining([
      [expect.stringContaining('ana'), conversationId],
      [expect.stringContaining('aud'), conversationId],
    ]));
    expect(views).toHaveLength(2);
    const plays = await auditOf('recording.play');
    expect(plays.map((e) => [e.actor, e.target])).toEqual([[expect.stringContaining('aud'), conversationId]]);
    // an unauthenticated caller sees nothing and leaves no view behind
    expect((await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}` })).statusCode).toBe(401);
    expect(await auditOf('conversation.view')).toHaveLength(2);
  });

  it('records reviews under the signed-in user (whatever name the body carries); auditors cannot review', async () => {
    const d = (await inject({ url: `${PIPELINE_API_PREFIX}/conversations/${conversationId}`, headers: admin() })).json() as {
      tags: Array<{ id: number; family: string; tag: string }>;
      keyPoints: Array<{ id: number; point: string }>;
    };
    const kp = d.keyPoints[0]!;
    const byAuditor = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/reviews/key-point/${kp.id}`, headers: { cookie: cookies.auditor }, payload: { verdict: 'right', reviewer: 'aud' } });
    expect(byAuditor.statusCode).toBe(403);
    const res = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/reviews/key-point/${kp.id}`, headers: { cookie: cookies.analyst }, payload: { verdict: 'wrong', reviewer: 'someone-else' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().review).toMatchObject({ state: 'dismissed', reviewer: 'ana' });
    // compliance hits (reviewed through /hits/compliance/:id/review) too
    const hit = (d as unknown as { compliance: Array<{ id: number }> }).compliance[0];
    expect(hit, 'the call has a compliance hit (a guarantee)').toBeDefined();
    {
      const c = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/hits/compliance/${hit!.id}/review`, headers: { cookie: cookies.analyst }, payload: { state: 'confirmed', reviewer: 'x' } });
      expect(c.statusCode, c.body).toBe(200);
      expect(await auditOf('review.compliance')).toEqual([expect.objectContaining({ actor: expect.stringContaining('ana'), target: conversationId, details: expect.objectContaining({ hitId: hit!.id, state: 'confirmed' }) })]);
    }
    const reviews = await auditOf('review.keyPoint');
    expect(reviews).toEqual([expect.objectContaining({ actor: expect.stringContaining('ana'), target: conversationId, details: expect.objectContaining({ point: kp.point, verdict: 'wrong' }) })]);
  });

  it('records each customer-list export with what it held, under the signed-in user', async () => {
    const res = await inject({ url: `${PIPELINE_API_PREFIX}/customer-insight.csv?lang=en`, headers: { cookie: cookies.analyst } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.body.slice(1).split('\r\n').filter(Boolean);
    expect(rows.length).toBeGreaterThan(1);
    const file = /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];
    expect(await auditOf('customers.export')).toEqual([
      expect.objectContaining({ actor: expect.stringContaining('ana'), target: file, details: { customers: rows.length - 1, tags: [], lang: 'en' } }),
    ]);
  });

  it('records rule changes by admins; analysts may read the rules but not change them', async () => {
    const list = await inject({ url: `${PIPELINE_API_PREFIX}/rules/list`, headers: { cookie: cookies.analyst } });
    expect(list.statusCode).toBe(200);
    const rule = (list.json() as { rules: Array<{ id: string }> }).rules[0]!;
    const one = (await inject({ url: `${PIPELINE_API_PREFIX}/rules/items/${rule.id}`, headers: { cookie: cookies.auditor } })).json() as { yaml: string };
    const payload = { ruleId: rule.id, yaml: one.yaml, reviewer: 'x', note: 'no change, new version' };
    expect((await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/rules/items`, headers: { cookie: cookies.analyst }, payload })).statusCode).toBe(403);
    const saved = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/rules/items`, headers: admin(), payload });
    expect(saved.statusCode, saved.body).toBe(201);
    const version = (saved.json() as { version: { version: string; author: string } }).version;
    const started = await inject({ method: 'POST', url: `${PIPELINE_API_PREFIX}/rules/rerun-jobs`, headers: admin(), payload: { reviewer: 'x' } });
    expect(started.statusCode).toBe(202);
    const saves = await auditOf('rules.save');
    expect(saves).toEqual([expect.objectContaining({ actor: 'admin', target: version.version, details: expect.objectContaining({ rule: rule.id }) })]);
    expect(await auditOf('rules.rerun.start')).toEqual([expect.objectContaining({ actor: 'admin', target: (started.json() as { id: string }).id })]);
  });
});
