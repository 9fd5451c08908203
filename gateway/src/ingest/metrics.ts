import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The ingest's Prometheus metrics, registered on the gateway's registry. */
export class IngestMetrics {
  readonly chunks: Counter;
  readonly bytes: Counter;
  readonly duplicates: Counter;
  readonly rejects: Counter<'reason'>;
  readonly ackLatency: Histogram;
  readonly fsyncLatency: Histogram;
  readonly commitBatch: Histogram;
  readonly sessionsFinalised: Counter<'outcome'>;
  readonly outboxPending: Gauge;
  readonly outboxFailures: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.chunks = new Counter({ name: 'parley_ingest_chunks_total', help: 'Audio chunks durably stored (rate() gives chunks/s)', registers });
    this.bytes = new Counter({ name: 'parley_ingest_bytes_total', help: 'Opus bytes durably stored (rate() gives bytes/s)', registers });
    this.duplicates = new Counter({ name: 'parley_ingest_duplicate_chunks_total', help: 'Chunks received again after being stored or while in flight', registers });
    this.rejects = new Counter({ name: 'parley_ingest_rejects_total', help: 'Messages rejected by the ingest, by error code', labelNames: ['reason'], registers });
    this.ackLatency = new Histogram({
      name: 'parley_ingest_ack_latency_seconds',
      help: 'From a chunk reaching the ingest to its ChunkAck being published',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.fsyncLatency = new Histogram({
      name: 'parley_ingest_fsync_seconds',
      help: 'Duration of the fsync phase of one group commit',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.commitBatch = new Histogram({
      name: 'parley_ingest_commit_chunks',
      help: 'Chunks made durable per group commit',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
      registers,
    });
    this.sessionsFinalised = new Counter({
      name: 'parley_ingest_sessions_finalised_total',
      help: 'Sessions assembled and handed to the outbox, by outcome (complete, gaps)',
      labelNames: ['outcome'],
      registers,
    });
    this.outboxPending = new Gauge({ name: 'parley_ingest_outbox_pending', help: 'Finalised sessions not yet confirmed by every consumer', registers });
    this.outboxFailures = new Counter({ name: 'parley_ingest_outbox_failures_total', help: 'Outbox deliveries a consumer failed (retried)', registers });
  }
}
