import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SherpaSpeakerEmbedder, type SpeakerEmbedder } from '../../src/asr/speaker-embedder.js';
import { build, isPipelineError, type Pipeline } from '../../src/index.js';
import { REAL_AUDIO, run, silentLogger, tempDir } from '../helpers.js';
import { badgeSession, makeBadgeOgg } from '../helpers-badge.js';

/** Test embedder: "voice" = quiet ([1,0]) or loud ([0,1]), so a voiceprint decision is visible against loudness. */
function levelEmbedder(calls: { n: number }, fail = false): SpeakerEmbedder {
  return {
    description: 'level-embedder',
    async embed(samples) {
      calls.n++;
      if (fail) throw new Error('embedder broke');
      let s = 0;
      for (const v of samples) s += v * v;
      return Math.sqrt(s / samples.length) < 0.03 ? Float32Array.of(1, 0) : Float32Array.of(0, 1);
    },
    close: async () => {},
  };
}

function multipartFile(path: string) {
  const boundary = 'vp' + randomBytes(4).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="v.wav"\r\nContent-Type: audio/wav\r\n\r\n`),
    readFileSync(path),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('wearer voice enrolment', { timeout: 30_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let audio: ReturnType<typeof tempDir>;
  let recording: ReturnType<typeof makeBadgeOgg>;
  let quietSample: string;
  let app: FastifyInstance;
  let pipeline: Pipeline;

  beforeAll(() => {
    audio = tempDir();
    recording = makeBadgeOgg(audio.dir);
    quietSample = join(audio.dir, 'quiet-voice.wav');
    run('sox', [join(REAL_AUDIO, '0.wav'), quietSample, 'vol', '0.1']);
  });
  afterAll(() => audio.cleanup());
  beforeEach(() => (tmp = tempDir()));
  afterEach(async () => {
    await app?.close();
    tmp.cleanup();
  });

  const start = async (embedder: SpeakerEmbedder | null) =>
    ({ app, pipeline } = await build({ dataDir: join(tmp.dir, 'd'), logger: silentLogger(), asr: null, embedder, config: { stages: { pollMs: 20 } } }));

  it('an enrolled voiceprint decides roles for long-enough segments, over loudness', async () => {
    const calls = { n: 0 };
    await start(levelEmbedder(calls));
    const res = await app.inject({ method: 'PUT', url: '/api/v1/cloud/directory/staff/staff-42/voice', ...multipartFile(quietSample) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ staffId: 'staff-42', dim: 2, model: 'level-embedder' });
    expect(res.json().speechMs).toBeGreaterThan(3000);
    await pipeline.consumeBadgeSession(badgeSession(recording.path));
    await pipeline.whenIdle();
    const d = (await app.inject({ url: '/api/v1/cloud/conversations/badge-0123456789abcdef0123456789abcdef' })).json();
    expect(calls.n).toBeGreaterThan(1);
    // the enrolled (quiet) voice is the wearer now; the loud speaker is not
    for (const seg of d.segments as Array<{ startMs: number; endMs: number; role: string }>) {
      if (seg.endMs - seg.startMs < 1000) continue;
      const part = recording.parts.find((p) => (seg.startMs + seg.endMs) / 2 >= p.startMs - 300 && (seg.startMs + seg.endMs) / 2 <= p.endMs + 300)!;
      expect(seg.role).toBe(part.who === 'staff' ? 'customer' : 'staff');
    }
  });

  it('falls back to loudness when the embedder fails; refuses enrolment without a model or speech', async () => {
    await start(levelEmbedder({ n: 0 }, true));
    await pipeline.services.store.upsertStaff({ id: 'staff-42', name: null, teamId: null, branchId: null });
    pipeline.services.store.setVoiceprint({ staffId: 'staff-42', embedding: Float32Array.of(1, 0), speechMs: 5000, model: 'level-embedder', createdAt: 1 });
    await pipeline.consumeBadgeSession(badgeSession(recording.path));
    await pipeline.whenIdle();
    const d = (await app.inject({ url: '/api/v1/cloud/conversations/badge-0123456789abcdef0123456789abcdef' })).json();
    expect(d.stages.find((s: { stage: string }) => s.stage === 'roles').state).toBe('done');
    const roles = new Set(d.segments.map((s: { role: string }) => s.role));
    expect(roles).toEqual(new Set(['staff', 'customer']));

    const silence = join(tmp.dir, 'silence.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', '4']);
    const none = await app.inject({ method: 'PUT', url: '/api/v1/cloud/directory/staff/s9/voice', ...multipartFile(silence) });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/of speech/);
    await app.close();
    await start(null);
    const off = await app.inject({ method: 'PUT', url: '/api/v1/cloud/directory/staff/s9/voice', ...multipartFile(quietSample) });
    expect(off.statusCode).toBe(503);
    expect(off.json().error).toBe('SPEAKER_NOT_CONFIGURED');
  });

  it('a corrupt embedding model is refused or kills only the worker', async () => {
    const bad = join(tmp.dir, 'bad.onnx');
    writeFileSync(bad, Buffer.alloc(10));
    expect(() => new SherpaSpeakerEmbedder({ model: bad, numThreads: 1, timeoutMs: 10_000, logger: silentLogger() })).toThrow(/only 10 bytes/);
    const garbage = randomBytes(64 * 1024);
    garbage[0] = 0x08;
    writeFileSync(bad, garbage);
    const e = new SherpaSpeakerEmbedder({ model: bad, numThreads: 1, timeoutMs: 20_000, logger: silentLogger() });
    try {
      const err = await e.embed(new Float32Array(32_000), 16_000).then(() => null, (x: unknown) => x);
      expect(isPipelineError(err, 'SPEAKER_MODEL_INVALID')).toBe(true);
    } finally {
      await e.close();
    }
  });
});

const SPEAKER_MODEL = process.env.PARLEY_SPEAKER_MODEL;
if (!SPEAKER_MODEL) {
  console.log('[cloud/enrolment] skipping real speaker-embedding test: set PARLEY_SPEAKER_MODEL to a sherpa-onnx speaker-embedding .onnx');
}
describe.skipIf(!SPEAKER_MODEL)('real speaker-embedding model (PARLEY_SPEAKER_MODEL)', () => {
  it('one speaker is closer to itself than to another speaker', { timeout: 60_000 }, async () => {
    const { parseWav } = await import('../../src/audio/wav.js');
    const { cosineSimilarity } = await import('../../src/asr/speaker-embedder.js');
    const e = new SherpaSpeakerEmbedder({ model: SPEAKER_MODEL!, numThreads: 1, timeoutMs: 30_000, logger: silentLogger() });
    try {
      const clip = (f: string) => parseWav(readFileSync(join(REAL_AUDIO, f))).channels[0]!;
      const a = clip('4.wav');
      const half = Math.floor(a.length / 2);
      const e1 = await e.embed(a.subarray(0, half), 16_000);
      const e2 = await e.embed(a.subarray(half), 16_000);
      const other = await e.embed(clip('phone-8k.wav'), 8_000);
      expect(cosineSimilarity(e1, e2)).toBeGreaterThan(cosineSimilarity(e1, other));
    } finally {
      await e.close();
    }
  });
});
