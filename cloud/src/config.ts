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
        modelDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
          default: null,
          description: 'A sherpa-onnx offline model directory (docs/asr.md); null: conversations wait in "awaiting transcription".',
        }),
        modelType: Type.Union(
          [Type.Literal('auto'), Type.Literal('paraformer'), Type.Literal('sense_voice'), Type.Literal('transducer'), Type.Literal('whisper')],
          { default: 'auto', description: "The model's kind; auto-detected from the directory's files when 'auto'." },
        ),
        numThreads: Type.Integer({ minimum: 1, maximum: 8, default: 1, description: 'Threads the recognizer uses (in its own child process).' }),
        timeoutMs: Type.Integer({ minimum: 1000, default: 120_000, description: 'Per-segment recognition timeout; the worker is restarted past it.' }),
      },
      { additionalProperties: false, default: {}, description: 'Speech recognition.' },
    ),
    speakerEmbedding: Type.Object(
      {
        model: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
          default: null,
          description: "A sherpa-onnx speaker-embedding model (.onnx) for enrolling wearers' voices; null: roles by loudness only.",
        }),
        threshold: Type.Number({ minimum: 0, maximum: 1, default: 0.5, description: "Cosine similarity to the wearer's voiceprint at or above which a segment is the wearer's." }),
        minSegmentMs: Type.Integer({ minimum: 200, default: 1000, description: 'Shorter segments keep the loudness decision (too little speech for a reliable embedding).' }),
        timeoutMs: Type.Integer({ minimum: 1000, default: 60_000, description: 'Per-request embedding timeout.' }),
      },
      { additionalProperties: false, default: {}, description: 'Optional voice enrolment of badge wearers.' },
    ),
    vad: Type.Object(
      {
        threshold: Type.Number({ minimum: 0.05, maximum: 0.95, default: 0.5, description: 'Silero speech probability threshold.' }),
        minSpeechMs: Type.Integer({ minimum: 50, default: 250, description: 'Shortest speech segment kept.' }),
        minSilenceMs: Type.Integer({ minimum: 50, default: 300, description: 'Silence that ends a segment.' }),
        maxSpeechMs: Type.Integer({ minimum: 1000, default: 20_000, description: 'Longer speech is split into segments of at most this.' }),
      },
      { additionalProperties: false, default: {}, description: 'Voice activity detection (Silero through sherpa-onnx).' },
    ),
    roles: Type.Object(
      {
        minWearerGapDb: Type.Number({ minimum: 0, default: 6, description: 'Minimum gap in dB between the two loudness clusters to call the louder one the wearer.' }),
      },
      { additionalProperties: false, default: {}, description: 'Speaker roles on mono badge audio.' },
    ),
    stages: Type.Object(
      {
        maxAttempts: Type.Integer({ minimum: 1, default: 5, description: 'Attempts per stage before it is marked failed.' }),
        backoffBaseMs: Type.Integer({ minimum: 1, default: 1000, description: 'First retry delay; doubles per attempt.' }),
        backoffMaxMs: Type.Integer({ minimum: 1, default: 300_000, description: 'Longest retry delay.' }),
        pollMs: Type.Integer({ minimum: 10, default: 1000, description: 'How often the runner looks for due work when idle.' }),
        concurrency: Type.Integer({ minimum: 1, maximum: 8, default: 2, description: 'Stages run at once; 2 keeps a long badge session from holding up short calls behind it.' }),
        leaseMs: Type.Integer({
          minimum: 1000,
          default: 60_000,
          description:
            'PostgreSQL store: a process renews the stages it runs; a stage not renewed this long (its process crashed or was killed) is made due again for any process. A process starting leaves the stages other processes are running to them.',
        }),
        runInProcess: Type.Boolean({
          default: true,
          description:
            'Run the stages in this process. false (main job only, PostgreSQL store): it ingests and serves the API, and pipeline workers (`npm run pipeline-worker`) run every stage.',
        }),
      },
      { additionalProperties: false, default: {}, description: 'Stage runner retries and concurrency.' },
    ),
    analysis: Type.Object(
      {
        workers: Type.Integer({
          minimum: 0,
          maximum: 16,
          default: 1,
          description:
            'Worker threads for analysis, text normalisation and search-index building; 0 runs them on the event loop shared with MQTT ingest (a 40–250 ms stall per conversation).',
        }),
        timeoutMs: Type.Integer({ minimum: 1000, default: 60_000, description: 'A task running longer terminates its worker (replaced) and the stage is retried with backoff.' }),
      },
      { additionalProperties: false, default: {}, description: 'Where the CPU-heavy text stages run.' },
    ),
    store: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')], {
      default: 'sqlite',
      description: "Conversation store: 'sqlite' (cloud.db under the data directory) or 'postgres' (postgres.url).",
    }),
    postgres: Type.Object(
      {
        url: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
          default: null,
          description:
            'Connection URL (postgres://user@host:5432/db; ?host=/socket/dir for a Unix socket). A password is better given in PGPASSWORD than in the file. Required when store is postgres.',
        }),
        statementTimeoutMs: Type.Integer({ minimum: 100, default: 30_000, description: 'Longest a single statement may run before the server cancels it.' }),
        connectTimeoutMs: Type.Integer({ minimum: 100, default: 10_000, description: 'Longest the store waits for a connection.' }),
      },
      { additionalProperties: false, default: {}, description: 'PostgreSQL conversation store (docs/deployment.md).' },
    ),
    worker: Type.Object(
      {
        host: Type.String({ minLength: 1, default: '0.0.0.0', description: 'Address a pipeline worker (`npm run pipeline-worker`) serves /healthz and /metrics on.' }),
        port: Type.Integer({ minimum: 0, maximum: 65_535, default: 9464, description: "A pipeline worker's HTTP port (/healthz, /metrics only). 0 picks a free port." }),
        rulesPollMs: Type.Integer({
          minimum: 100,
          default: 2000,
          description: 'How often a pipeline worker reads which rule-set version is active in the database (a change made through the API or the rule files applies to its next analysis).',
        }),
        recordingsCheckCount: Type.Integer({
          minimum: 0,
          default: 20,
          description:
            "At start a worker looks for the recordings of this many of the latest conversations under its dataDir/cloud and refuses to start when none is there (it does not see the main job's storage); 0 skips the check.",
        }),
      },
      { additionalProperties: false, default: {}, description: 'Pipeline worker process (docs/deployment.md#scaling).' },
    ),
    upload: Type.Object(
      {
        maxBytes: Type.Integer({ minimum: 1024, default: 512 * 1024 * 1024, description: 'Largest phone-call upload accepted.' }),
      },
      { additionalProperties: false, default: {}, description: 'Phone-call upload API.' },
    ),
    dropFolder: Type.Object(
      {
        dir: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null, description: 'Directory watched for phone-call audio + sidecar .json; null disables it.' }),
        settleMs: Type.Integer({ minimum: 0, default: 2000, description: 'A file must keep the same size and mtime this long before it is picked up.' }),
        pollMs: Type.Integer({ minimum: 50, default: 1000, description: 'How often the folder is scanned.' }),
      },
      { additionalProperties: false, default: {}, description: 'Watched drop folder for phone calls.' },
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
  const config = withDefaults as PipelineConfig;
  if (config.store === 'postgres' && !config.postgres.url) {
    throw new PipelineError('CONFIG_INVALID', '/postgres/url is required when store is postgres');
  }
  if (!config.stages.runInProcess && config.store !== 'postgres') {
    throw new PipelineError(
      'CONFIG_INVALID',
      '/stages/runInProcess false needs store postgres: the stages would run nowhere (pipeline workers share a PostgreSQL store; SQLite is single-process)',
    );
  }
  return config;
}
