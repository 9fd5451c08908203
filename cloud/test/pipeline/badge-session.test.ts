import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build, type AsrEngine, type Pipeline } from '../../src/index.js';
import { corpusDialogue, silentLogger, tempDir } from '../helpers.js';
import { badgeSession, makeBadgeOgg } from '../helpers-badge.js';

describe('badge session from the gateway outbox', { timeout: 30_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let audioDir: ReturnType<typeof tempDir>;
  let recording: ReturnType<typeof makeBadgeOgg>;
  beforeAll(() => {
    audioDir = tempDir();
    recording = makeBadgeOgg(audioDir.dir);
  });
  afterAll(() => audioDir.cleanup());
  let app: FastifyInstance;
  let pipeline: Pipeline;

  let audit: Array<{ action: string; conversationId: string }> = [];
  async function start(asr: AsrEngine | null) {
    audit = [];
    ({ app, pipeline } = await build({
      dataDir: tmp.dir + '/data',
      logger: silentLogger(),
      asr,
      config: { stages: { pollMs: 20 } },
      audit: (e) => audit.push({ action: e.action, conversationId: e.conversationId }),
    }));
  }

  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await app?.close();
    tmp.cleanup();
  });

  it('without ASR: decoded, segmented, wearer separated, then waits in "awaiting transcription" with the reason', async () => {
    await start(null);
    const { path, parts } = recording;
    const s = badgeSession(path);
    await pipeline.consumeBadgeSession(s);
    await pipeline.consumeBadgeSession(s); // at-least-once: a redelivery is a no-op
    await pipeline.whenIdle();

    const list = (await app.inject({ url: '/api/v1/cloud/conversations?channel=badge' })).json();
    expect(list.items).toHaveLength(1);
    const d = (await app.inject({ url: `/api/v1/cloud/conversations/badge-${s.sessionId}` })).json();
    expect(d.state).toBe('awaiting_transcription');
    const transcribe = d.stages.find((x: { stage: string }) => x.stage === 'transcribe');
    expect(transcribe).toMatchObject({ state: 'waiting', errorCode: 'ASR_NOT_CONFIGURED' });
    expect(transcribe.error).toMatch(/docs\/asr\.md/);
    // decoded audio is not kept while waiting (it is decoded again on resume)
    expect(existsSync(join(tmp.dir, 'data', 'work', `badge-${s.sessionId}`))).toBe(false);
    expect(existsSync(join(tmp.dir, 'data', 'audio', 'badge', `${s.sessionId}.ogg`))).toBe(true);
    expect(d.gaps).toEqual([{ startMs: 18_000, endMs: 18_500, cause: 'lost' }]);
    expect(d.staffId).toBe('staff-42');
    expect(d.branchId).toBe('branch-sh-01');

    // VAD found speech in each part; roles follow loudness
    expect(d.segments.length).toBeGreaterThanOrEqual(3);
    for (const seg of d.segments) {
      const mid = (seg.startMs + seg.endMs) / 2;
      const part = parts.find((p) => mid >= p.startMs - 300 && mid <= p.endMs + 300);
      expect(part, `segment ${seg.startMs}-${seg.endMs} lies in a part`).toBeDefined();
      expect(seg.role).toBe(part!.who);
    }
    for (const p of parts) {
      expect(d.segments.some((seg: { startMs: number; endMs: number }) => seg.endMs > p.startMs && seg.startMs < p.endMs)).toBe(true);
    }
    const status = (await app.inject({ url: '/api/v1/cloud/status' })).json();
    expect(status.asr.available).toBe(false);
    expect(status.conversations.awaitingTranscription).toBe(1);
    const gaps = (await app.inject({ url: '/api/v1/cloud/conversations?hasGaps=true' })).json();
    expect(gaps.items).toHaveLength(1);
    const audio = await app.inject({ url: `/api/v1/cloud/conversations/badge-${s.sessionId}/audio`, headers: { range: 'bytes=0-3' } });
    expect(audio.statusCode).toBe(206);
    expect(audio.body).toBe('OggS');
    await app.inject({ url: `/api/v1/cloud/conversations/badge-${s.sessionId}/audio`, headers: { range: 'bytes=4-99' } });
    // every transcript view and playback reaches the host's audit log (range continuations are one playback)
    expect(audit).toEqual([
      { action: 'conversation.view', conversationId: `badge-${s.sessionId}` },
      { action: 'recording.play', conversationId: `badge-${s.sessionId}` },
    ]);
  });

  it('with an ASR engine: recognised segment by segment and analysed', async () => {
    const dialogue = corpusDialogue('dev-001');
    let calls = 0;
    const asr: AsrEngine = {
      description: 'scripted test engine',
      async transcribe(samples, rate) {
        expect(rate).toBe(16_000);
        expect(samples.length).toBeGreaterThan(0);
        const turn = dialogue.turns[calls++ % dialogue.turns.length]!;
        return { text: turn.text, confidence: 0.9 };
      },
      async close() {},
    };
    await start(asr);
    const { path } = recording;
    await pipeline.consumeBadgeSession(badgeSession(path));
    await pipeline.whenIdle();
    const d = (await app.inject({ url: '/api/v1/cloud/conversations/badge-0123456789abcdef0123456789abcdef' })).json();
    expect(d.state).toBe('analyzed');
    expect(calls).toBe(d.segments.length);
    expect(d.segments.every((s: { text: string; confidence: number }) => s.text.length > 0 && s.confidence === 0.9)).toBe(true);
    expect(d.keyPoints.length).toBeGreaterThan(0);
    expect(d.summary).not.toBeNull();
  });

  it('a conversation waiting for ASR resumes when the pipeline restarts with an engine', async () => {
    await start(null);
    const { path } = recording;
    await pipeline.consumeBadgeSession(badgeSession(path));
    await pipeline.whenIdle();
    await app.close();
    await start({ description: 'late engine', transcribe: async () => ({ text: '您好，我是理财经理。', confidence: null }), close: async () => {} });
    await pipeline.whenIdle();
    const d = (await app.inject({ url: '/api/v1/cloud/conversations/badge-0123456789abcdef0123456789abcdef' })).json();
    expect(d.state).toBe('analyzed');
  });

  it('concurrent redeliveries of one session record it once', async () => {
    await start(null);
    const s = badgeSession(recording.path);
    await Promise.all([pipeline.consumeBadgeSession(s), pipeline.consumeBadgeSession(s), pipeline.consumeBadgeSession(s)]);
    const list = (await app.inject({ url: '/api/v1/cloud/conversations?count=true' })).json();
    expect(list.total).toBe(1);
    await pipeline.whenIdle();
  });

  it('refuses a malformed session id and a missing audio file (so the outbox retries)', async () => {
    await start(null);
    await expect(pipeline.consumeBadgeSession(badgeSession('/nope.ogg', { sessionId: '../../etc/passwd' }))).rejects.toMatchObject({ code: 'ID_INVALID' });
    await expect(pipeline.consumeBadgeSession(badgeSession(tmp.dir + '/missing.ogg'))).rejects.toMatchObject({ code: 'AUDIO_MISSING' });
    expect((await app.inject({ url: '/api/v1/cloud/conversations' })).json().items).toEqual([]);
  });
});
