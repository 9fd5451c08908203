import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Ingest settings. The gateway core composes this schema into the root config
 * (key `ingest`); every field has a default so `{}` is a valid value.
 */
export const ingestConfigSchema = Type.Object(
  {
    /** Group commit: fsync dirty spool files at most this often (ms). */
    fsyncIntervalMs: Type.Integer({ minimum: 0, maximum: 10_000, default: 50 }),
    /** Group commit: fsync early once this many chunks are waiting. */
    fsyncMaxChunks: Type.Integer({ minimum: 1, maximum: 100_000, default: 256 }),
    /** Journal: rotate the segment (and checkpoint the spool files) at this size (bytes). */
    journalSegmentBytes: Type.Integer({ minimum: 64 * 1024, default: 64 * 1024 * 1024 }),
    /** Journal: rotate and checkpoint at least this often (ms). */
    checkpointIntervalMs: Type.Integer({ minimum: 100, default: 30_000 }),
    /**
     * Spool files: a session's committed chunks are written to its file once this many bytes wait (and at every
     * checkpoint and finalisation); until then the journal holds them. Memory: up to this much per open session.
     */
    spoolWriteBytes: Type.Integer({ minimum: 0, maximum: 16 * 1024 * 1024, default: 16 * 1024 }),
    /**
     * Spool-file writes and checkpoint fsyncs running on libuv's thread pool at once (opens run on the spool-opener
     * thread); the rest queue. Keeps a burst of spool I/O from filling the pool ahead of the journal commits.
     */
    spoolIoParallel: Type.Integer({ minimum: 1, maximum: 256, default: 4 }),
    /** Back-pressure: chunks of one connection that may wait for their commit before aedes stops reading its socket. */
    maxPendingChunksPerClient: Type.Integer({ minimum: 1, maximum: 10_000, default: 32 }),
    /**
     * Say CAPABILITY_PACKED_FRAMES in HelloReply, so badges send chunk frames packed (frame_data + frame_sizes,
     * ~2.6 % fewer bytes than one field per frame). Chunks in either form are accepted whatever this says; false makes
     * badges fall back to the legacy form (a rollback switch; the drain benchmark measures both).
     */
    packedFrames: Type.Boolean({ default: true }),
    /**
     * Say CAPABILITY_COMPACT_CHUNKS in HelloReply, so badges name sessions in chunks by a per-connection alias instead of
     * the 16-byte id and Rice-code the frame sizes (~1.6 % fewer bytes on the wire at 1 s chunks than packed frames).
     * Chunks in any form are accepted whatever this says; false makes badges fall back to the form packedFrames allows.
     */
    compactChunks: Type.Boolean({ default: true }),
    /** Upper bound of frames in one AudioChunk (1 s of 20 ms frames is 50). */
    maxChunkFrames: Type.Integer({ minimum: 1, maximum: 10_000, default: 500 }),
    /** Highest accepted seq (a session of 24 h in 1 s chunks is 86,400). */
    maxSeq: Type.Integer({ minimum: 0, maximum: 0x7fffffff, default: 10_000_000 }),
    /** After SessionEnd with chunks missing: re-ask the badge for them at most this often (ms). */
    missingRequestIntervalMs: Type.Integer({ minimum: 100, default: 10_000 }),
    /** After SessionEnd with chunks missing: finalise with explicit 'lost' gaps once nothing new arrived for this long (ms). */
    partialFinaliseTimeoutMs: Type.Integer({ minimum: 1_000, default: 24 * 3600_000 }),
    /** Sessions with chunks but no SessionEnd and no activity for this long are finalised with what is there (ms). */
    abandonedSessionTimeoutMs: Type.Integer({ minimum: 1_000, default: 7 * 24 * 3600_000 }),
    /** How often timeouts are checked (ms). */
    sweepIntervalMs: Type.Integer({ minimum: 50, default: 60_000 }),
    /** Outbox: delay before retrying a consumer that failed (ms, doubled per attempt up to 64×). */
    outboxRetryMs: Type.Integer({ minimum: 10, default: 5_000 }),
  },
  { additionalProperties: false },
);

export type IngestConfig = Static<typeof ingestConfigSchema>;

/** Fills defaults and validates; throws on invalid settings. */
export function resolveIngestConfig(input: Partial<IngestConfig> = {}): IngestConfig {
  const value = Value.Default(ingestConfigSchema, structuredClone(input));
  const errors = [...Value.Errors(ingestConfigSchema, value)];
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new Error(`invalid ingest config at ${first.path}: ${first.message}`);
  }
  return value as IngestConfig;
}
