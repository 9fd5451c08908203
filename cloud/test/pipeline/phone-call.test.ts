import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build, type Pipeline } from '../../src/index.js';
import { corpusDialogue, makeStereoPhoneWav, silentLogger, tempDir } from '../helpers.js';

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
  const boundary = '----parley' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('phone call with a call-system transcript, through the whole pipeline', { timeout: 30_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;

  beforeEach(async () => {
    tmp = tempDir();
    ({ app, pipeline } = await build({ dataDir: tmp.dir, logger: silentLogger(), asr: null, config: { stages: { pollMs: 20 } } }));
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function upload(callId: string, dialogueId: string, audio: Buffer | null, extra: Record<string, unknown> = {}) {
    const d = corpusDialogue(dialogueId);
    const metadata = {
      callId,
      agentId: 'agent-7',
      teamId: 'team-a',
      branchId: 'remote-center',
      customerNumber: '13800138000',
      direction: 'outbound',
      startTime: '2026-11-20T09:30:00+08:00',
      endTime: '2026-11-20T09:36:00+08:00',
      transcript: d.turns.map((t, i) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: i * 4000, endMs: i * 4000 + 3500 })),
      ...extra,
    };
    const body = multipart({ metadata: JSON.stringify(metadata) }, audio ? { name: 'call.wav', data: audio, type: 'audio/wav' } : undefined);
    return app.inject({ method: 'POST', url: '/api/v1/cloud/calls', ...body });
  }

  it('uploads stereo WAV + transcript, analyses it, and serves detail, search, roll-ups and reviews', async () => {
    const wav = readFileSync(makeStereoPhoneWav(tmp.dir));
    const d = corpusDialogue('dev-002');
    const res = await upload('call-0001', 'dev-002', wav);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ conversationId: 'phone-call-0001', created: true });

    // at-least-once upload: same call id again is accepted without a second conversation
    const again = await upload('call-0001', 'dev-002', wav);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);

    await pipeline.whenIdle();
    const detail = (await app.inject({ url: '/api/v1/cloud/conversations/phone-call-0001' })).json();
    expect(detail.state).toBe('analyzed');
    expect(detail.transcriptSource).toBe('call_system');
    const states = Object.fromEntries(detail.stages.map((s: { stage: string; state: string }) => [s.stage, s.state]));
    expect(states).toEqual({ decode: 'done', vad: 'skipped', roles: 'skipped', transcribe: 'skipped', normalize: 'done', analyze: 'done', index: 'done' });
    expect(detail.durationMs).toBeGreaterThan(17_000);
    expect(detail.durationMs).toBeLessThan(18_000);
    expect(detail.segments).toHaveLength(d.turns.length);
    expect(detail.segments.map((s: { role: string }) => s.role)).toEqual(d.turns.map((t) => t.role));
    expect(detail.segments.every((s: { normalizedText: string | null }) => typeof s.normalizedText === 'string')).toBe(true);
    expect(detail.keyPoints.length).toBeGreaterThan(0);
    expect(detail.summary?.data).toHaveProperty('nextStep');
    // every piece of evidence quotes the segment it points at
    for (const hit of [...detail.tags, ...detail.compliance]) {
      for (const e of hit.evidence) expect(detail.segments[e.turn].text.slice(e.start, e.end)).toBe(e.quote);
    }
    // the customer (known by number) gets the profile tags
    expect(detail.customerId).toBe('tel-13800138000');
    const customer = (await app.inject({ url: '/api/v1/cloud/customers/tel-13800138000' })).json();
    expect(customer.conversations.map((c: { id: string }) => c.id)).toEqual(['phone-call-0001']);
    expect(customer.current.length).toBe(detail.tags.length);

    // key-point roll-ups pool counts
    const kp = (await app.inject({ url: '/api/v1/cloud/metrics/key-points?by=team' })).json();
    for (const row of kp.rows) {
      expect(row.group).toBe('team-a');
      expect(row.openingRate === null ? row.applicable === 0 : row.openingRate === row.raised / row.applicable).toBe(true);
    }

    // review: dismiss needs a reason; confirm works and shows in the list filter
    if (detail.compliance.length > 0) {
      const hit = detail.compliance[0];
      const bad = await app.inject({ method: 'POST', url: `/api/v1/cloud/hits/compliance/${hit.id}/review`, payload: { state: 'dismissed', reviewer: 'qa1' } });
      expect(bad.statusCode).toBe(400);
      const ok = await app.inject({ method: 'POST', url: `/api/v1/cloud/hits/compliance/${hit.id}/review`, payload: { state: 'confirmed', reviewer: 'qa1' } });
      expect(ok.statusCode).toBe(200);
      const list = (await app.inject({ url: '/api/v1/cloud/conversations?reviewState=confirmed' })).json();
      expect(list.items.map((c: { id: string }) => c.id)).toEqual(['phone-call-0001']);
    }

    // re-run the rules over past conversations: analysed again, reviews kept
    const rerun = (await app.inject({ method: 'POST', url: '/api/v1/cloud/rules/rerun', payload: {} })).json();
    expect(rerun.queued).toBe(1);
    await pipeline.whenIdle();
    const after = (await app.inject({ url: '/api/v1/cloud/conversations/phone-call-0001' })).json();
    expect(after.state).toBe('analyzed');
    expect(after.compliance.map((h: { review: { state: string } }) => h.review.state)).toEqual(
      detail.compliance.map((_: unknown, i: number) => (i === 0 ? 'confirmed' : 'pending')),
    );
    const overview = (await app.inject({ url: '/api/v1/cloud/metrics/overview' })).json();
    expect(overview).toMatchObject({ conversations: 1, customers: 1 });
  });

  it('finds the call by full-text search, by pinyin homophone and not by unrelated words', async () => {
    const res = await upload('call-0002', 'dev-002', null);
    expect(res.statusCode, res.body).toBe(201);
    await pipeline.whenIdle();
    const d = corpusDialogue('dev-002');
    const text = d.turns.map((t) => t.text).join('');
    expect(text).toContain('理财');
    const search = async (q: string, mode = 'pinyin') =>
      (await app.inject({ url: `/api/v1/cloud/conversations?q=${encodeURIComponent(q)}&mode=${mode}` })).json().items.map((c: { id: string }) => c.id);
    expect(await search('理财')).toEqual(['phone-call-0002']);
    expect(await search('理才')).toEqual(['phone-call-0002']); // ASR homophone of 理财
    expect(await search('理才', 'exact')).toEqual([]);
    expect(await search('火星探测器')).toEqual([]);
  });

  it('rejects bad metadata, unsupported audio and path tricks with clear errors', async () => {
    const bad = await upload('../etc', 'dev-002', null);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('METADATA_INVALID');
    const noise = await upload('call-0003', 'dev-002', Buffer.from('definitely not audio, just some bytes'));
    expect(noise.statusCode).toBe(415);
    expect(noise.json().error).toBe('AUDIO_UNSUPPORTED');
    const missing = await app.inject({ method: 'POST', url: '/api/v1/cloud/calls', ...multipart({}) });
    expect(missing.json().error).toBe('METADATA_INVALID');
    for (const url of ['/conversations?limit=0', '/conversations?tag=DROP%20TABLE', '/conversations?cursor=%21%21', '/conversations/..%2F..%2Fetc', '/metrics/key-points?by=planet']) {
      const r = await app.inject({ url: `/api/v1/cloud${url}` });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error, url).toBe('BAD_REQUEST');
    }
    expect((await app.inject({ url: '/api/v1/cloud/conversations/phone-none' })).statusCode).toBe(404);
  });
});
