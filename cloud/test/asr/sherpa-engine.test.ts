import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveModelFiles } from '../../src/asr/model-files.js';
import { SherpaAsrEngine } from '../../src/asr/sherpa-engine.js';
import { parseWav } from '../../src/audio/wav.js';
import { build, isPipelineError } from '../../src/index.js';
import { REAL_AUDIO, silentLogger, tempDir } from '../helpers.js';

/** An ONNX-looking file (ir_version tag first) whose contents are garbage. */
function fakeOnnx(path: string, size = 64 * 1024): void {
  const b = randomBytes(size);
  b[0] = 0x08;
  b[1] = 0x07;
  writeFileSync(path, b);
}

function tokens(path: string): void {
  writeFileSync(path, ['<blk> 0', '<sos/eos> 1', '你 2', '好 3'].join('\n') + '\n');
}

describe('ASR model directory validation', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  const dir = (name: string) => {
    const d = join(tmp.dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const invalid = (fn: () => unknown, re: RegExp) => {
    try {
      fn();
    } catch (e) {
      expect(isPipelineError(e, 'ASR_MODEL_INVALID')).toBe(true);
      expect((e as Error).message).toMatch(re);
      return;
    }
    throw new Error('expected ASR_MODEL_INVALID');
  };

  it('rejects a missing directory, missing tokens, non-ONNX and truncated files', () => {
    invalid(() => resolveModelFiles(join(tmp.dir, 'absent')), /not a readable directory/);
    const noTokens = dir('sherpa-onnx-paraformer-zh-a');
    fakeOnnx(join(noTokens, 'model.int8.onnx'));
    invalid(() => resolveModelFiles(noTokens), /no tokens\.txt/);
    const notOnnx = dir('sherpa-onnx-paraformer-zh-b');
    writeFileSync(join(notOnnx, 'model.onnx'), Buffer.alloc(4096, 0x41));
    tokens(join(notOnnx, 'tokens.txt'));
    invalid(() => resolveModelFiles(notOnnx), /not an ONNX model/);
    const tiny = dir('sherpa-onnx-paraformer-zh-c');
    writeFileSync(join(tiny, 'model.onnx'), Buffer.from([0x08, 0x07]));
    tokens(join(tiny, 'tokens.txt'));
    invalid(() => resolveModelFiles(tiny), /only 2 bytes/);
    const badTokens = dir('sherpa-onnx-paraformer-zh-d');
    fakeOnnx(join(badTokens, 'model.onnx'));
    writeFileSync(join(badTokens, 'tokens.txt'), 'just words\nno ids here\n');
    invalid(() => resolveModelFiles(badTokens), /not "token id"/);
  });

  it('detects the model type from the files, preferring int8 variants', () => {
    const t = dir('zipformer');
    for (const f of ['encoder-epoch-99.onnx', 'encoder-epoch-99.int8.onnx', 'decoder-epoch-99.onnx', 'joiner-epoch-99.int8.onnx']) fakeOnnx(join(t, f));
    tokens(join(t, 'tokens.txt'));
    const files = resolveModelFiles(t);
    expect(files.type).toBe('transducer');
    expect(files.encoder).toMatch(/encoder-epoch-99\.int8\.onnx$/);
    const sv = dir('sherpa-onnx-sense-voice-zh-en');
    fakeOnnx(join(sv, 'model.int8.onnx'));
    tokens(join(sv, 'tokens.txt'));
    expect(resolveModelFiles(sv).type).toBe('sense_voice');
    const unnamed = dir('my-model');
    fakeOnnx(join(unnamed, 'model.onnx'));
    tokens(join(unnamed, 'tokens.txt'));
    invalid(() => resolveModelFiles(unnamed), /set asr\.modelType/);
    expect(resolveModelFiles(unnamed, 'paraformer').type).toBe('paraformer');
  });

  it('a corrupt model that passes the checks kills only the worker, never this process', { timeout: 60_000 }, async () => {
    const d = dir('sherpa-onnx-paraformer-zh-corrupt');
    fakeOnnx(join(d, 'model.onnx'));
    tokens(join(d, 'tokens.txt'));
    const engine = new SherpaAsrEngine({ modelDir: d, modelType: 'auto', numThreads: 1, timeoutMs: 30_000, logger: silentLogger() });
    try {
      const err = await engine.transcribe(new Float32Array(16_000), 16_000).then(
        () => null,
        (e: unknown) => e,
      );
      // onnxruntime throws a C++ exception that aborts the worker (SIGABRT) while loading: the model is unusable
      expect(isPipelineError(err, 'ASR_MODEL_INVALID')).toBe(true);
      expect((err as Error).message).toMatch(/died loading the model.*(SIGABRT|Protobuf|Load model)/);
      // this process is alive; the next request fails at once instead of crash-looping a new worker
      const t0 = Date.now();
      const second = await engine.transcribe(new Float32Array(16_000), 16_000).then(() => null, (e: unknown) => e);
      expect(second).toBe(err);
      expect(Date.now() - t0).toBeLessThan(100);
    } finally {
      await engine.close();
    }
  });

  it('conversations wait (with the reason) when the configured model turns out unusable', { timeout: 60_000 }, async () => {
    const d = dir('sherpa-onnx-paraformer-zh-corrupt-2');
    fakeOnnx(join(d, 'model.onnx'));
    tokens(join(d, 'tokens.txt'));
    const { app, pipeline } = await build({
      dataDir: join(tmp.dir, 'data-corrupt'),
      logger: silentLogger(),
      config: { asr: { modelDir: d }, stages: { pollMs: 20 } },
    });
    try {
      const { makeBadgeOgg, badgeSession } = await import('../helpers-badge.js');
      const rec = makeBadgeOgg(join(tmp.dir));
      await pipeline.consumeBadgeSession(badgeSession(rec.path));
      await pipeline.whenIdle();
      const c = (await app.inject({ url: '/api/v1/cloud/conversations/badge-0123456789abcdef0123456789abcdef' })).json();
      expect(c.state).toBe('awaiting_transcription');
      const t = c.stages.find((s: { stage: string }) => s.stage === 'transcribe');
      expect(t).toMatchObject({ state: 'waiting', errorCode: 'ASR_MODEL_INVALID', attempts: 1 });
      expect(t.error).toMatch(/died loading the model/);
    } finally {
      await app.close();
    }
  });

  it('the pipeline with an unusable model keeps running and says why conversations wait', async () => {
    const d = dir('broken-model');
    const { app } = await build({ dataDir: join(tmp.dir, 'data'), logger: silentLogger(), config: { asr: { modelDir: d } } });
    try {
      const status = (await app.inject({ url: '/api/v1/cloud/status' })).json();
      expect(status.asr.available).toBe(false);
      expect(status.asr.reason).toMatch(/unusable.*no tokens\.txt/);
    } finally {
      await app.close();
    }
  });
});

const MODEL_DIR = process.env.PARLEY_ASR_MODEL_DIR;
if (!MODEL_DIR) {
  console.log('[cloud/asr] skipping real-model recognition tests: set PARLEY_ASR_MODEL_DIR to a sherpa-onnx offline model directory (docs/asr.md)');
}

describe.skipIf(!MODEL_DIR)('sherpa-onnx recognition with a real model (PARLEY_ASR_MODEL_DIR)', () => {
  it('recognises Mandarin speech in a real recording', { timeout: 120_000 }, async () => {
    const engine = new SherpaAsrEngine({ modelDir: MODEL_DIR!, modelType: 'auto', numThreads: 1, timeoutMs: 60_000, logger: silentLogger() });
    try {
      const pcm = parseWav(readFileSync(join(REAL_AUDIO, '1.wav')));
      const r = await engine.transcribe(pcm.channels[0]!, pcm.sampleRate);
      expect(r.text.length).toBeGreaterThan(2);
      expect(/\p{Script=Han}/u.test(r.text)).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
