import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PipelineError } from './errors.js';

/**
 * The pipeline's configuration. The root config composes this schema; every
 * key has a default and unknown keys are rejected.
 */
export const pipelineConfigSchema = Type.Object(
  {
    asr: Type.Object(
      {
        /** A sherpa-onnx offline model directory; null: conversations wait in "awaiting transcription". */
        modelDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null }),
        /** Auto-detected from the directory's files when omitted. */
        modelType: Type.Union(
          [
            Type.Literal('auto'),
            Type.Literal('paraformer'),
            Type.Literal('sense_voice'),
            Type.Literal('transducer'),
            Type.Literal('whisper'),
          ],
          { default: 'auto' },
        ),
        numThreads: Type.Integer({ minimum: 1, maximum: 8, default: 1 }),
        /** Per-segment recognition timeout; the worker is restarted past it. */
        timeoutMs: Type.Integer({ minimum: 1000, default: 120_000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    speakerEmbedding: Type.Object(
      {
        /** A sherpa-onnx speaker-embedding model (.onnx) for enrolling wearers' voices; null: loudness only. */
        model: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null }),
        /** Cosine similarity to the wearer's voiceprint at or above which a segment is the wearer's. */
        threshold: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
        /** Shorter segments keep the loudness decision (too little speech for a reliable embedding). */
        minSegmentMs: Type.Integer({ minimum: 200, default: 1000 }),
        timeoutMs: Type.Integer({ minimum: 1000, default: 60_000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    vad: Type.Object(
      {
        threshold: Type.Number({ minimum: 0.05, maximum: 0.95, default: 0.5 }),
        minSpeechMs: Type.Integer({ minimum: 50, default: 250 }),
        minSilenceMs: Type.Integer({ minimum: 50, default: 300 }),
        maxSpeechMs: Type.Integer({ minimum: 1000, default: 20_000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    roles: Type.Object(
      {
        /** Minimum gap in dB between the two loudness clusters to call the louder one the wearer. */
        minWearerGapDb: Type.Number({ minimum: 0, default: 6 }),
      },
      { additionalProperties: false, default: {} },
    ),
    stages: Type.Object(
      {
        maxAttempts: Type.Integer({ minimum: 1, default: 5 }),
        backoffBaseMs: Type.Integer({ minimum: 1, default: 1000 }),
        backoffMaxMs: Type.Integer({ minimum: 1, default: 300_000 }),
        /** How often the runner looks for due work when idle. */
        pollMs: Type.Integer({ minimum: 10, default: 1000 }),
        /** Stages run at once; 2 keeps a long badge session from holding up short calls behind it. */
        concurrency: Type.Integer({ minimum: 1, maximum: 8, default: 2 }),
      },
      { additionalProperties: false, default: {} },
    ),
    upload: Type.Object(
      {
        maxBytes: Type.Integer({ minimum: 1024, default: 512 * 1024 * 1024 }),
      },
      { additionalProperties: false, default: {} },
    ),
    dropFolder: Type.Object(
      {
        /** Directory watched for phone-call audio + sidecar .json; null disables it. */
        dir: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null }),
        /** A file must keep the same size and mtime this long before it is picked up. */
        settleMs: Type.Integer({ minimum: 0, default: 2000 }),
        pollMs: Type.Integer({ minimum: 50, default: 1000 }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);

export type PipelineConfig = Static<typeof pipelineConfigSchema>;
export type PipelineConfigInput = { [K in keyof PipelineConfig]?: Partial<PipelineConfig[K]> };

/** Applies defaults and validates; throws CONFIG_INVALID listing every problem. */
export function resolvePipelineConfig(input: unknown = {}): PipelineConfig {
  const withDefaults = Value.Default(pipelineConfigSchema, structuredClone(input ?? {}));
  const errors = [...Value.Errors(pipelineConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
    throw new PipelineError('CONFIG_INVALID', detail);
  }
  return withDefaults as PipelineConfig;
}
