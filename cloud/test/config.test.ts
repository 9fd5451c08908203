import { describe, expect, it } from 'vitest';
import { pipelineConfigSchema, resolvePipelineConfig } from '../src/config.js';
import { isPipelineError, PIPELINE_ERRORS } from '../src/errors.js';

describe('pipeline configuration', () => {
  it('fills every default', () => {
    const c = resolvePipelineConfig();
    expect(c.asr).toEqual({ modelDir: null, modelType: 'auto', numThreads: 1, timeoutMs: 120_000 });
    expect(c.stages.concurrency).toBe(2);
    expect(c.dropFolder.dir).toBeNull();
    expect(c.speakerEmbedding.model).toBeNull();
    expect(pipelineConfigSchema.additionalProperties).toBe(false);
  });

  it('keeps given values and rejects unknown keys and bad values, listing every problem', () => {
    expect(resolvePipelineConfig({ asr: { modelDir: '/m' }, stages: { maxAttempts: 2 } })).toMatchObject({
      asr: { modelDir: '/m', numThreads: 1 },
      stages: { maxAttempts: 2, backoffBaseMs: 1000 },
    });
    try {
      resolvePipelineConfig({ asr: { modelDirr: '/m' }, vad: { threshold: 2 }, extra: 1 });
      throw new Error('expected CONFIG_INVALID');
    } catch (err) {
      expect(isPipelineError(err, 'CONFIG_INVALID')).toBe(true);
      expect((err as Error).message).toMatch(/modelDirr/);
      expect((err as Error).message).toMatch(/threshold/);
      expect((err as Error).message).toMatch(/extra/);
    }
  });

  it('error registry: every code has an HTTP status and a message', () => {
    for (const [code, e] of Object.entries(PIPELINE_ERRORS)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.message.length).toBeGreaterThan(5);
    }
  });
});
