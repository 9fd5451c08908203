import { existsSync, openSync, closeSync, ftruncateSync, fsyncSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Aedes, AedesPublishPacket, Client } from 'aedes';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DOWN_QOS, decodeUp, downTopic, encodeDown, isDeviceId, isProtocolError, parseTopic, pb, sessionIdToHex, type DecodedUp, type DownKind, type DownMessages, type FinalisedSession } from '@parley/proto';
import { ParleyError, isParleyError, type ErrorCode } from '../errors.js';
import { resolveIngestConfig, type IngestConfig } from './config.js';
import { IngestStore, type SessionRow } from './store.js';
import { IngestPaths } from './paths.js';
import { GroupCommitter, type Appended } from './group-commit.js';
import { encodeSpoolRecord, scanSpool, type SpoolChunk } from './spool-record.js';
import { scanJournal, SEGMENT_PATTERN } from './journal.js';
import { Receipt } from './receipt.js';
import { IngestMetrics } from './metrics.js';
import { OutboxDispatcher, type FinalisedConsumer } from './outbox.js';
import { WriteBatch } from './write-batch.js';
import { assembleSession } from './assemble.js';
import { decodeChunk, type ReceivedChunk } from './chunk-decode.js';
import { SessionAliases } from './session-aliases.js';
import { writeSessionAudio } from './audio-file.js';
import { storedEnd, storedStart, type StoredEnd, type StoredStart } from './session-meta.js';

export interface Attribution {
  staffId: string | null;
  branchId: string | null;
}

export interface IngestDeps {
  broker: Aedes;
  db: Database;
  dataDir: string;
  logger: Logger;
  metrics: Registry;
  /** Missing fields take their defaults from ingestConfigSchema. */
  config: Partial<IngestConfig>;
  /** Who wore the badge at `atMs` (fleet assignment history); falls back to the SessionStart staff id. */
  resolveAttribution?(deviceId: string, atMs: number): Attribution;
  /** Config version the fleet wants the badge on (HelloReply.wanted_config_version); 0 when absent. */
  wantedConfigVersion?(deviceId: string): number;
  /** Whether the badge must lock itself (HelloReply.locked); false when absent. */
  isLocked?(deviceId: string): boolean;
  /** Clock, for tests of timeouts. */
  now?(): number;
}

export interface Ingest {
  /** Registers a consumer of finalised sessions (at-least-once, de-duplicate on sessionId). */
  onFinalised(consumer: FinalisedConsumer): void;
  /** Stops taking chunks, commits what is in flight, stops the outbox. The broker is left running. */
  close(): Promise<void>;
  /** Commits every chunk written so far (tests and shutdown). */
  flush(): Promise<void>;
  /** Runs the timeout sweep now (tests; it also runs every sweepIntervalMs). */
  sweep(): Promise<void>;
  /** Resolves once no finalisation is running. */
  idle(): Promise<void>;
  readonly paths: IngestPaths;
}

interface SessionState {
  key: string;
  deviceId: string;
  sessionId: string;
  receipt: Receipt;
  inflight: Set<number>;
  end: StoredEnd | null;
  finalised: boolean;
  finalising: Promise<void> | null;
  /** Digest did not match: held until partialFinaliseTimeoutMs, then finalised anyway (logged). */
  digestMismatch: boolean;
  lastActivityMs: number;
  lastMissingRequestMs: number;
  /** Whether its ingest_sessions row exists. */
  persisted: boolean;
}

interface PendingChunk {
  session: SessionState;
  seq: number;
  firstFrame: number;
  frameCount: number;
  bytes: number;
  arrived: bigint;
  client: Client;
}

interface ClientWindow {
  pending: number;
  held: Array<() => void>;
  /** The connection's 'readable' listeners (aedes' reader), detached while the window is full. */
  detached: Array<(...args: unknown[]) => void> | null;
}

type Done = (error?: Error | null) => void;

const LOST_RESUME_LIMIT = 256;

/**
 * The gateway's ingest: takes badge messages off the broker, stores chunks
 * durably before acknowledging them, answers Hello with resume points,
 * assembles finished sessions into Ogg Opus files and hands them to the
 * analysis pipeline through a durable outbox. See docs/ingest.md.
 */
export function createIngest(deps: IngestDeps): Ingest {
  const config = resolveIngestConfig(deps.config);
  const now = deps.now ?? Date.now;
  const log = deps.logger.child({ module: 'ingest' });
  const paths = new IngestPaths(deps.dataDir);
  const store = new IngestStore(deps.db);
  const metrics = new IngestMetrics(deps.metrics);
  const outbox = new OutboxDispatcher(store, log, metrics, config.outboxRetryMs);
  const sessions = new Map<string, SessionState>();
  /**
   * The same states by device. Every open session that has a SessionEnd is in memory (recovery loads them at
   * startup, SessionEnd adds them), so Hello finds a badge's sessions here instead of querying SQLite per Hello.
   */
  const sessionsByDevice = new Map<string, Set<SessionState>>();
  const windows = new Map<Client, ClientWindow>();
  /** Session aliases announced on each connection (CAPABILITY_COMPACT_CHUNKS); dropped when it closes. */
  const connectionAliases = new WeakMap<Client, SessionAliases>();
  const unpersisted = new Set<SessionState>();
  const finalisations = new Set<Promise<void>>();
  const writes = new WriteBatch(deps.db, (err) => log.error({ err }, 'ingest: error after a batched SQLite write'));
  let closed = false;

  const knownSpoolDirs: string[] = [];
  const lastSegment = recover();
  // Device directories are then made one level deep, off the event loop (see GroupCommitter.handle).
  mkdirSync(paths.spoolRoot, { recursive: true });
  const committer = new GroupCommitter<PendingChunk>({
    journalDir: paths.journalDir,
    lastSegment,
    intervalMs: config.fsyncIntervalMs,
    maxItems: config.fsyncMaxChunks,
    segmentBytes: config.journalSegmentBytes,
    checkpointIntervalMs: config.checkpointIntervalMs,
    spoolWriteBytes: config.spoolWriteBytes,
    spoolIoParallel: config.spoolIoParallel,
    onDurable: onDurable,
    onFailed: onWriteFailed,
    onCheckpointError: (err) => log.error({ err }, 'journal checkpoint failed; the old segment is kept for recovery'),
  });

  // After a restart most badges' spool directories exist: their first new session then needs no mkdir.
  for (const dir of knownSpoolDirs) committer.knownDirectory(dir);

  // ------------------------------------------------------------ broker hook
  const broker = deps.broker;
  const previousPublished = broker.published;
  const published = (packet: AedesPublishPacket, client: Client, callback: Done): void => {
    // Never call back synchronously: when publishes queue up in aedes' mqemitter, each synchronous
    // completion starts the next queued publish on the same stack, and a few thousand of them
    // overflow it (seen at 2,000 badges). A tick per message breaks the chain.
    const done: Done = (err) => process.nextTick(callback, err);
    previousPublished.call(broker, packet, client, (err?: Error | null) => {
      if (err) return done(err);
      // Only publishes from connected devices; the gateway's own (client null) pass through.
      if (!client || closed) return done();
      const topic = parseTopic(packet.topic);
      if (!topic || topic.direction !== 'up') return done();
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      try {
        switch (topic.kind) {
          case 'chunk':
            return onChunk(topic.deviceId, payload, client, done);
          case 'hello':
            return onHello(topic.deviceId, payload, client, done);
          case 'session-start':
            return onSessionStart(topic.deviceId, payload, client, done);
          case 'session-end':
            return onSessionEnd(topic.deviceId, payload, done);
          case 'event':
            return onEvent(topic.deviceId, payload, done);
          default:
            return done();
        }
      } catch (e) {
        reject(topic.deviceId, topic.kind, e);
        done();
      }
    });
  };
  broker.published = published;
  // An alias means nothing beyond its connection: a reconnecting badge announces its sessions again.
  const dropAliases = (client: Client): void => void connectionAliases.delete(client);
  broker.on('clientDisconnect', dropAliases);

  const sweepTimer = setInterval(() => void sweep(), config.sweepIntervalMs);
  sweepTimer.unref();

  // ----------------------------------------------------------------- errors
  function reject(deviceId: string, kind: string, err: unknown): void {
    const code: ErrorCode = isParleyError(err) ? err.code : isProtocolError(err) ? 'PROTO_DECODE' : 'INTERNAL';
    metrics.rejects.inc({ reason: code });
    const level = code === 'INTERNAL' ? 'error' : 'warn';
    log[level]({ deviceId, kind, code, err }, `rejected ${kind} from ${deviceId}: ${err instanceof Error ? err.message : String(err)}`);
  }

  function decode<K extends 'hello' | 'session-start' | 'session-end' | 'event'>(kind: K, payload: Uint8Array): DecodedUp<K> {
    try {
      return decodeUp(kind, payload);
    } catch (e) {
      throw new ParleyError('PROTO_DECODE', `${kind}: ${e instanceof Error ? e.message : String(e)}`, undefined, { cause: e });
    }
  }

  function sessionHex(id: Uint8Array): string {
    if (id.length !== 16) throw new ParleyError('SESSION_ID_INVALID', `${id.length} bytes`);
    return sessionIdToHex(id);
  }

  // --------------------------------------------------------------- sessions
  /**
   * The in-memory state of a session. Open sessions with stored chunks are all
   * loaded at startup (recovery scans their spool files); the receipt of any
   * other open session is read from its spool file if it has one.
   */
  function sessionState(deviceId: string, sessionId: string): SessionState {
    const key = `${deviceId}/${sessionId}`;
    let s = sessions.get(key);
    if (s) return s;
    const row = store.getSession(deviceId, sessionId);
    let receipt = new Receipt();
    if (row?.state === 'open') {
      const file = paths.spoolFile(deviceId, sessionId);
      if (existsSync(file)) receipt = Receipt.of(scanSpool(readFileSync(file)).records.map((r) => r.chunk.seq));
    }
    s = newState(deviceId, sessionId, row, receipt, row?.last_activity_ms ?? now());
    if (!s.finalised) remember(s);
    return s;
  }

  function remember(s: SessionState): void {
    sessions.set(s.key, s);
    let set = sessionsByDevice.get(s.deviceId);
    if (!set) sessionsByDevice.set(s.deviceId, (set = new Set()));
    set.add(s);
  }

  function forget(s: SessionState): void {
    sessions.delete(s.key);
    const set = sessionsByDevice.get(s.deviceId);
    set?.delete(s);
    if (set?.size === 0) sessionsByDevice.delete(s.deviceId);
  }

  function newState(deviceId: string, sessionId: string, row: SessionRow | undefined, receipt: Receipt, lastActivityMs: number): SessionState {
    return {
      key: `${deviceId}/${sessionId}`,
      deviceId,
      sessionId,
      receipt,
      inflight: new Set(),
      end: row?.end_json ? (JSON.parse(row.end_json) as StoredEnd) : null,
      finalised: row?.state === 'finalised',
      finalising: null,
      digestMismatch: false,
      lastActivityMs,
      lastMissingRequestMs: 0,
      persisted: row !== undefined,
    };
  }

  function expectedTotal(s: SessionState): number {
    return s.end ? Math.max(s.end.totalChunks, s.receipt.highest + 1) : s.receipt.highest + 1;
  }

  function sendAck(s: SessionState): void {
    const through = s.end ? expectedTotal(s) - 1 : s.receipt.highest;
    publishDown(s.deviceId, 'ack', {
      sessionId: Buffer.from(s.sessionId, 'hex'),
      contiguousThrough: s.finalised ? Math.max(s.receipt.contiguousThrough, through) : s.receipt.contiguousThrough,
      missing: s.finalised ? [] : s.receipt.missing(through),
      complete: s.finalised,
    });
  }

  function publishDown<K extends DownKind>(deviceId: string, kind: K, message: DownMessages[K]): void {
    const payload = Buffer.from(encodeDown(kind, message));
    broker.publish({ cmd: 'publish', topic: downTopic(deviceId, kind), payload, qos: DOWN_QOS[kind], retain: false, dup: false }, (err) => {
      if (err) log.error({ err, deviceId, kind }, 'could not publish to the badge');
    });
  }

  // ------------------------------------------------------------------ chunk
  function onChunk(deviceId: string, payload: Uint8Array, client: Client, done: Done): void {
    const arrived = process.hrtime.bigint();
    let received: ReceivedChunk;
    let s: SessionState;
    try {
      // Any frame form (legacy, packed, Rice-coded sizes) becomes one list of frames here, and an alias the session id.
      received = decodeChunk(payload, config, connectionAliases.get(client) ?? null);
      s = sessionState(deviceId, received.sessionHex);
      const seq = received.chunk.seq;
      if (s.end && seq >= s.end.totalChunks && !s.receipt.has(seq))
        throw new ParleyError('CHUNK_INVALID', `seq ${seq} beyond SessionEnd.total_chunks ${s.end.totalChunks}`);
    } catch (e) {
      reject(deviceId, 'chunk', e);
      return done();
    }
    const chunk = received.chunk;
    s.lastActivityMs = now();
    if (s.finalised || s.receipt.has(chunk.seq)) {
      metrics.duplicates.inc();
      sendAck(s);
      return done();
    }
    if (s.inflight.has(chunk.seq)) {
      // The first copy is being made durable; its ack covers this one.
      metrics.duplicates.inc();
      return done();
    }
    let handle;
    try {
      // Its ingest_sessions row is created with the commit (one transaction per group, off the per-chunk path).
      if (!s.persisted) unpersisted.add(s);
      handle = committer.handle(s.key, paths.spoolFile(deviceId, s.sessionId));
    } catch (e) {
      log.error({ err: e, deviceId, sessionId: s.sessionId }, 'cannot open spool file');
      metrics.rejects.inc({ reason: 'SPOOL_WRITE_FAILED' });
      return done(new ParleyError('SPOOL_WRITE_FAILED', 'open', undefined, { cause: e }));
    }
    const spoolChunk: SpoolChunk = {
      seq: chunk.seq,
      firstFrame: chunk.firstFrame,
      captureTimeMs: chunk.captureTimeMs,
      clockSynced: chunk.clockSynced,
      backlog: chunk.backlog,
      frames: received.frames,
    };
    s.inflight.add(chunk.seq);
    const w = windows.get(client) ?? { pending: 0, held: [], detached: null };
    windows.set(client, w);
    w.pending++;
    committer.append(handle, deviceId, s.sessionId, encodeSpoolRecord(spoolChunk), {
      session: s,
      seq: chunk.seq,
      firstFrame: chunk.firstFrame,
      frameCount: received.frames.length,
      bytes: received.bytes,
      arrived,
      client,
    });
    if (w.pending <= config.maxPendingChunksPerClient) done();
    else {
      w.held.push(() => done());
      stopReading(client, w);
    }
  }

  /**
   * Back-pressure. aedes reads a connection again when every packet of the
   * last read called its done() — or when the socket emits 'readable', which
   * it does for any new data. So besides holding done(), the reader is
   * detached from 'readable' until the window has room: new bytes stay in
   * the socket buffer and, once that is full, TCP flow control stops the badge.
   */
  function stopReading(client: Client, w: ClientWindow): void {
    if (w.detached) return;
    const conn = client.conn as unknown as NodeJS.EventEmitter;
    w.detached = conn.listeners('readable') as Array<(...args: unknown[]) => void>;
    for (const l of w.detached) conn.removeListener('readable', l);
  }

  function resumeReading(client: Client, w: ClientWindow): void {
    if (!w.detached) return;
    const conn = client.conn as unknown as NodeJS.EventEmitter;
    // Re-adding a 'readable' listener makes the stream announce data already buffered.
    for (const l of w.detached) conn.on('readable', l);
    w.detached = null;
  }

  function releaseWindow(client: Client, count: number): void {
    const w = windows.get(client);
    if (!w) return;
    w.pending -= count;
    if (w.pending > config.maxPendingChunksPerClient) return;
    resumeReading(client, w);
    for (const h of w.held.splice(0)) h();
    if (w.pending <= 0 && w.held.length === 0) windows.delete(client);
  }

  function onDurable(group: Array<Appended<PendingChunk>>, fsyncSeconds: number): void {
    metrics.fsyncLatency.observe(fsyncSeconds);
    metrics.commitBatch.observe(group.length);
    const touched = new Map<string, SessionState>();
    const perClient = new Map<Client, number>();
    let bytes = 0;
    for (const a of group) {
      const it = a.item;
      touched.set(it.session.key, it.session);
      perClient.set(it.client, (perClient.get(it.client) ?? 0) + 1);
      bytes += it.bytes;
    }
    // No per-chunk SQLite index (a per-commit index transaction measured 20-60 ms of stalled event loop):
    // the spool files are the chunk index and recovery rebuilds receipts from them. Only new sessions get a row.
    if (unpersisted.size > 0) {
      const fresh = [...unpersisted].filter((s) => !s.persisted);
      unpersisted.clear();
      try {
        store.createSessions(fresh.map((s) => ({ deviceId: s.deviceId, sessionId: s.sessionId })), now());
        for (const s of fresh) s.persisted = true;
      } catch (err) {
        // Recovery creates rows for spool files without one.
        log.error({ err, sessions: fresh.length }, 'could not record new sessions in SQLite');
      }
    }
    for (const a of group) {
      a.item.session.receipt.add(a.item.seq);
      a.item.session.inflight.delete(a.item.seq);
    }
    metrics.chunks.inc(group.length);
    metrics.bytes.inc(bytes);
    for (const s of touched.values()) {
      if (!closed) sendAck(s);
      if (s.end) maybeFinalise(s);
    }
    const acked = process.hrtime.bigint();
    for (const a of group) metrics.ackLatency.observe(Number(acked - a.item.arrived) / 1e9);
    for (const [client, n] of perClient) releaseWindow(client, n);
  }

  function onWriteFailed(items: PendingChunk[], err: Error): void {
    log.error({ err, chunks: items.length }, 'spool write/fsync failed; chunks are not acknowledged and the badge will resend them');
    const perClient = new Map<Client, number>();
    for (const it of items) {
      it.session.inflight.delete(it.seq);
      perClient.set(it.client, (perClient.get(it.client) ?? 0) + 1);
      metrics.rejects.inc({ reason: 'SPOOL_WRITE_FAILED' });
    }
    for (const [client, n] of perClient) {
      const w = windows.get(client);
      releaseWindow(client, n);
      // Drop the connection: the badge reconnects, gets resume points and resends.
      if (w) client.close();
    }
  }

  // ------------------------------------------------------- start/end/event
  // SessionStart, SessionEnd and bookmarks: their rows are written in one transaction per event-loop turn
  // (WriteBatch); each message is released only once its row is written.
  function onSessionStart(deviceId: string, payload: Uint8Array, client: Client, done: Done): void {
    let s: SessionState;
    let json: string;
    try {
      const m = decode('session-start', payload);
      const hex = sessionHex(m.sessionId);
      // The alias first (the start itself is stored even if its alias conflicts): chunks naming it may follow at once.
      if (m.sessionAlias !== 0) announceAlias(deviceId, 'session-start', client, m.sessionAlias, hex);
      s = sessionState(deviceId, hex);
      s.lastActivityMs = now();
      if (s.finalised) return done();
      json = JSON.stringify(storedStart(m) satisfies StoredStart);
    } catch (e) {
      reject(deviceId, 'session-start', e);
      return done();
    }
    const t = now();
    writes.add(
      () => store.setStart(deviceId, s.sessionId, json, t),
      (err) => {
        if (err) reject(deviceId, 'session-start', err);
        else s.persisted = true;
        done();
      },
    );
  }

  function onSessionEnd(deviceId: string, payload: Uint8Array, done: Done): void {
    let s: SessionState;
    let end: StoredEnd;
    try {
      const m = decode('session-end', payload);
      const hex = sessionHex(m.sessionId);
      if (m.totalChunks > config.maxSeq + 1) throw new ParleyError('CHUNK_INVALID', `total_chunks ${m.totalChunks}`);
      s = sessionState(deviceId, hex);
      s.lastActivityMs = now();
      if (s.finalised) {
        sendAck(s);
        return done();
      }
      end = storedEnd(m);
    } catch (e) {
      reject(deviceId, 'session-end', e);
      return done();
    }
    const t = now();
    writes.add(
      () => store.setEnd(deviceId, s.sessionId, JSON.stringify(end), t),
      (err, stored) => {
        if (err) {
          reject(deviceId, 'session-end', err);
          return done();
        }
        s.persisted = true;
        if (stored) s.end = end;
        else s.end ??= end;
        if (!s.finalised && !maybeFinalise(s)) {
          s.lastMissingRequestMs = now();
          sendAck(s);
        }
        done();
      },
    );
  }

  function onEvent(deviceId: string, payload: Uint8Array, done: Done): void {
    try {
      const m = decode('event', payload);
      if (m.kind === 4 /* EVENT_KIND_BOOKMARK */ && m.sessionId.length > 0) {
        const hex = sessionHex(m.sessionId);
        const row = store.getSession(deviceId, hex);
        if (row?.state === 'finalised') log.warn({ deviceId, sessionId: hex }, 'bookmark for an already finalised session ignored');
        else {
          const t = now();
          writes.add(
            () => {
              store.ensureSession(deviceId, hex, t);
              store.addBookmark(deviceId, hex, m.frameIndex);
            },
            (err) => {
              if (err) reject(deviceId, 'event', err);
              done();
            },
          );
          return;
        }
      }
    } catch (e) {
      reject(deviceId, 'event', e);
    }
    done();
  }

  // ------------------------------------------------------------------ hello
  /** Binds a session alias on the connection; a conflicting announcement is rejected (logged, counted), never fatal to its message. */
  function announceAlias(deviceId: string, kind: string, client: Client, alias: number, hex: string): void {
    let aliases = connectionAliases.get(client);
    if (!aliases) connectionAliases.set(client, (aliases = new SessionAliases()));
    try {
      aliases.announce(alias, hex);
    } catch (e) {
      reject(deviceId, kind, e);
    }
  }

  function onHello(deviceId: string, payload: Uint8Array, client: Client, done: Done): void {
    try {
      const hello = decode('hello', payload);
      if (hello.deviceId && hello.deviceId !== deviceId) log.warn({ deviceId, claimed: hello.deviceId }, 'Hello names another device id; the authenticated one is used');
      const listed = new Map<string, DecodedUp<'hello'>['backlog'][number]>();
      const resume: NonNullable<DownMessages['hello-reply']['resume']> = [];
      for (const inv of hello.backlog) {
        let hex: string;
        try {
          hex = sessionHex(inv.sessionId);
        } catch (e) {
          reject(deviceId, 'hello', e);
          continue;
        }
        listed.set(hex, inv);
        if (inv.sessionAlias !== 0) announceAlias(deviceId, 'hello', client, inv.sessionAlias, hex);
        const s = sessionState(deviceId, hex);
        const through = s.end ? expectedTotal(s) - 1 : s.receipt.highest;
        resume.push({
          sessionId: inv.sessionId,
          receivedThrough: s.finalised ? Math.max(through, inv.lastSeq) : s.receipt.contiguousThrough,
          missing: s.finalised ? [] : s.receipt.missing(through, LOST_RESUME_LIMIT),
          complete: s.finalised,
        });
      }
      publishDown(deviceId, 'hello-reply', {
        serverTimeMs: now(),
        wantedConfigVersion: deps.wantedConfigVersion?.(deviceId) ?? 0,
        resume,
        locked: deps.isLocked?.(deviceId) ?? false,
        // Badges send chunk frames packed, and compact chunks, only to a gateway that says it takes them (every form is always accepted).
        capabilities:
          (config.packedFrames ? pb.Capability.CAPABILITY_PACKED_FRAMES : pb.Capability.CAPABILITY_NONE) |
          (config.compactChunks ? pb.Capability.CAPABILITY_COMPACT_CHUNKS : pb.Capability.CAPABILITY_NONE),
      });
      // Sessions whose missing chunks the badge no longer holds are finalised with their gaps. A badge that holds
      // more sessions than its Hello lists (backlog_unlisted > 0, parked in its flash) may still hold an unlisted
      // one: those are left open for a later Hello to list, or for the sweep's timeout.
      let leftOpen = 0;
      for (const s of [...(sessionsByDevice.get(deviceId) ?? [])]) {
        if (!s.end || s.finalised || s.finalising) continue;
        const total = expectedTotal(s);
        if (s.receipt.completeUpTo(total)) continue;
        const inv = listed.get(s.sessionId);
        if (!inv && hello.backlogUnlisted > 0) {
          leftOpen++;
          continue;
        }
        const missing = s.receipt.missing(total - 1, Number.MAX_SAFE_INTEGER);
        const stillOnBadge = (seq: number): boolean => !!inv && inv.hasChunks && seq >= inv.firstSeq && seq <= inv.lastSeq;
        const recoverable = missing.some((r) => {
          for (let q = r.first; q <= r.last; q++) if (stillOnBadge(q)) return true;
          return false;
        });
        if (!recoverable) {
          log.warn({ deviceId, sessionId: s.sessionId, missing }, 'badge no longer holds the missing chunks: finalising with lost gaps');
          startFinalise(s, true);
        }
      }
      if (leftOpen > 0) {
        log.info(
          { deviceId, leftOpen, backlogUnlisted: hello.backlogUnlisted },
          'Hello lists only part of the backlog: sessions with missing chunks it does not list were left open (they may be parked on the badge)',
        );
      }
    } catch (e) {
      reject(deviceId, 'hello', e);
    }
    done();
  }

  // ----------------------------------------------------------- finalisation
  /** Finalises when SessionEnd is known and every chunk is stored; returns whether it started. */
  function maybeFinalise(s: SessionState): boolean {
    if (!s.end || s.finalised) return s.finalised;
    if (s.finalising) return true;
    if (s.digestMismatch) return false;
    if (!s.receipt.completeUpTo(expectedTotal(s)) || s.inflight.size > 0) return false;
    startFinalise(s, false);
    return true;
  }

  function startFinalise(s: SessionState, force: boolean): void {
    if (s.finalising || s.finalised || closed) return;
    const p = finalise(s, force)
      .catch((err: unknown) => {
        log.error({ err, deviceId: s.deviceId, sessionId: s.sessionId }, 'finalisation failed; will retry on the next sweep');
      })
      .finally(() => {
        s.finalising = null;
        finalisations.delete(p);
      });
    s.finalising = p;
    finalisations.add(p);
  }

  async function finalise(s: SessionState, force: boolean): Promise<void> {
    const row = store.getSession(s.deviceId, s.sessionId);
    if (!row || row.state === 'finalised') {
      s.finalised = true;
      forget(s);
      return;
    }
    const spoolPath = paths.spoolFile(s.deviceId, s.sessionId);
    await committer.drained(s.key);
    const buf = await readFile(spoolPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return Buffer.alloc(0);
      throw err;
    });
    const scan = scanSpool(buf);
    if (scan.corrupt.length > 0) {
      metrics.rejects.inc({ reason: 'STORAGE_CORRUPT' });
      log.error({ deviceId: s.deviceId, sessionId: s.sessionId, corrupt: scan.corrupt }, new ParleyError('STORAGE_CORRUPT', 'damaged spool records are treated as lost').message);
    }
    const bySeq = new Map<number, SpoolChunk>();
    for (const r of scan.records) if (!bySeq.has(r.chunk.seq)) bySeq.set(r.chunk.seq, r.chunk);
    const chunks = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    const start = row.start_json ? (JSON.parse(row.start_json) as StoredStart) : null;
    const startAt = start?.clockSynced ? start.startTimeMs : (row.start_received_ms ?? row.created_ms);
    const audioPath = paths.audioFile(s.deviceId, s.sessionId);
    let attribution: Attribution | null = null;
    try {
      attribution = deps.resolveAttribution?.(s.deviceId, startAt) ?? null;
    } catch (err) {
      log.error({ err, deviceId: s.deviceId }, 'resolveAttribution failed; using the badge staff id');
    }
    const assembled = assembleSession({
      deviceId: s.deviceId,
      sessionId: s.sessionId,
      start,
      firstSeenMs: row.start_received_ms ?? row.created_ms,
      end: s.end,
      chunks,
      bookmarkFrames: store.bookmarks(s.deviceId, s.sessionId),
      attribution,
      audioPath,
      nowMs: now(),
    });
    if (assembled.digestMatches === false) {
      metrics.rejects.inc({ reason: 'SESSION_DIGEST_MISMATCH' });
      log.error({ deviceId: s.deviceId, sessionId: s.sessionId, force }, new ParleyError('SESSION_DIGEST_MISMATCH').message);
      if (!force) {
        s.digestMismatch = true;
        return;
      }
    }
    if (assembled.overlappingFrames > 0) log.warn({ deviceId: s.deviceId, sessionId: s.sessionId, frames: assembled.overlappingFrames }, 'chunks claimed the same frame indices; first kept');
    await writeSessionAudio(audioPath, assembled.record, assembled.packets);
    if (!store.markFinalised(s.deviceId, s.sessionId, assembled.record)) return;
    s.finalised = true;
    forget(s);
    committer.release(s.key);
    await unlink(spoolPath).catch(() => undefined);
    const gaps = assembled.record.gaps;
    metrics.sessionsFinalised.inc({ outcome: gaps.length === 0 ? 'complete' : 'gaps' });
    log.info({ deviceId: s.deviceId, sessionId: s.sessionId, durationMs: assembled.record.durationMs, gaps: gaps.length }, 'session finalised');
    if (gaps.some((g) => g.cause === 'lost')) log.warn({ deviceId: s.deviceId, sessionId: s.sessionId, gaps }, 'session finalised with lost audio');
    if (!closed) sendAck(s);
    outbox.kick();
  }

  // ------------------------------------------------------------------ sweep
  async function sweep(): Promise<void> {
    if (closed) return;
    const t = now();
    for (const row of store.openSessions()) {
      const s = sessionState(row.device_id, row.session_id);
      if (s.finalised || s.finalising || s.inflight.size > 0) continue;
      const idle = t - Math.max(s.lastActivityMs, row.last_activity_ms);
      if (s.end) {
        if (maybeFinalise(s)) continue;
        if (idle >= config.partialFinaliseTimeoutMs) {
          log.warn({ deviceId: s.deviceId, sessionId: s.sessionId, idleMs: idle }, 'missing chunks never arrived: finalising with lost gaps');
          startFinalise(s, true);
        } else if (t - s.lastMissingRequestMs >= config.missingRequestIntervalMs) {
          s.lastMissingRequestMs = t;
          sendAck(s);
        }
      } else if (idle >= config.abandonedSessionTimeoutMs && s.receipt.count > 0) {
        log.warn({ deviceId: s.deviceId, sessionId: s.sessionId, idleMs: idle }, 'no SessionEnd: finalising the abandoned session');
        startFinalise(s, true);
      }
    }
    await idle();
  }

  async function idle(): Promise<void> {
    while (finalisations.size > 0) await Promise.all([...finalisations]);
  }

  // --------------------------------------------------------------- recovery
  /** Startup: truncate torn spool tails, rebuild the chunk index from the spool, drop leftovers. */
  /** Returns the highest journal segment number it replayed (0: none). */
  function recover(): number {
    const t = now();
    const toFinalise: SessionRow[] = [];
    const lastSegment = replayJournal();
    for (const deviceId of listDir(paths.spoolRoot)) {
      if (!isDeviceId(deviceId)) {
        log.warn({ entry: deviceId }, 'unexpected entry in the spool directory left alone');
        continue;
      }
      const dir = paths.spoolDir(deviceId);
      if (statSync(dir).isDirectory()) knownSpoolDirs.push(dir);
      for (const name of listDir(dir)) {
        const m = /^([0-9a-f]{32})\.spool$/.exec(name);
        if (!m) {
          log.warn({ entry: join(dir, name) }, 'unexpected entry in the spool directory left alone');
          continue;
        }
        const hex = m[1]!;
        const file = paths.spoolFile(deviceId, hex);
        const row = store.getSession(deviceId, hex);
        if (row?.state === 'finalised') {
          unlinkSync(file);
          continue;
        }
        const buf = readFileSync(file);
        const scan = scanSpool(buf);
        if (scan.corrupt.length > 0) {
          metrics.rejects.inc({ reason: 'STORAGE_CORRUPT' });
          log.error({ deviceId, sessionId: hex, corrupt: scan.corrupt }, 'spool file has damaged records; their chunks count as missing');
        }
        if (scan.validEnd < buf.length) {
          log.warn({ deviceId, sessionId: hex, bytes: buf.length - scan.validEnd }, 'truncating the torn tail of a spool file');
          const fd = openSync(file, 'r+');
          try {
            ftruncateSync(fd, scan.validEnd);
            fsyncSync(fd);
          } finally {
            closeSync(fd);
          }
        }
        // The chunks are durable (fsynced journal or checkpoint): make sure the session row exists, load its receipt.
        const mtime = statSync(file).mtimeMs;
        if (!row) store.createSession(deviceId, hex, Math.min(t, mtime));
        const state = newState(deviceId, hex, store.getSession(deviceId, hex), Receipt.of(scan.records.map((r) => r.chunk.seq)), Math.min(t, mtime));
        remember(state);
      }
    }
    for (const deviceId of listDir(paths.sessionsRoot)) {
      if (!isDeviceId(deviceId)) continue;
      for (const name of listDir(paths.sessionDir(deviceId))) {
        if (name.endsWith('.opus.tmp')) unlinkSync(join(paths.sessionDir(deviceId), name));
      }
    }
    for (const row of store.openSessions()) if (row.end_json) toFinalise.push(row);
    if (toFinalise.length > 0) {
      setImmediate(() => {
        for (const row of toFinalise) maybeFinalise(sessionState(row.device_id, row.session_id));
      });
    }
    return lastSegment;
  }

  /** Appends to the spool files every journaled chunk they lack (after a crash), then drops the segments. */
  function replayJournal(): number {
    const segments = listDir(paths.journalDir).filter((n) => SEGMENT_PATTERN.test(n));
    if (segments.length === 0) return 0;
    interface Target {
      fd: number;
      size: number;
      seqs: Set<number>;
    }
    const targets = new Map<string, Target | null>();
    let replayed = 0;
    try {
      for (const name of segments) {
        const file = join(paths.journalDir, name);
        const buf = readFileSync(file);
        const scan = scanJournal(buf);
        if (scan.corrupt.length > 0) log.error({ segment: name, corrupt: scan.corrupt }, new ParleyError('STORAGE_CORRUPT', 'damaged journal records skipped').message);
        if (scan.validEnd < buf.length) log.info({ segment: name, bytes: buf.length - scan.validEnd }, 'journal segment ends in a torn record (never acknowledged)');
        for (const { value: e } of scan.records) {
          if (!isDeviceId(e.deviceId)) {
            log.error({ segment: name }, 'journal record with an invalid device id skipped');
            continue;
          }
          const key = `${e.deviceId}/${e.sessionHex}`;
          let target = targets.get(key);
          if (target === undefined) {
            const row = store.getSession(e.deviceId, e.sessionHex);
            if (row?.state === 'finalised') target = null;
            else {
              const spool = paths.spoolFile(e.deviceId, e.sessionHex);
              mkdirSync(paths.spoolDir(e.deviceId), { recursive: true });
              const fd = openSync(spool, 'a+');
              closeSync(fd);
              const existing = readFileSync(spool);
              const sc = scanSpool(existing);
              const rw = openSync(spool, 'r+');
              if (sc.validEnd < existing.length) ftruncateSync(rw, sc.validEnd);
              target = { fd: rw, size: sc.validEnd, seqs: new Set(sc.records.map((r) => r.chunk.seq)) };
            }
            targets.set(key, target);
          }
          if (!target || target.seqs.has(e.chunk.seq)) continue;
          writeSync(target.fd, e.spoolRecord, 0, e.spoolRecord.length, target.size);
          target.size += e.spoolRecord.length;
          target.seqs.add(e.chunk.seq);
          replayed++;
        }
      }
      for (const target of targets.values()) if (target) fsyncSync(target.fd);
    } finally {
      for (const target of targets.values()) if (target) closeSync(target.fd);
    }
    for (const name of segments) unlinkSync(join(paths.journalDir, name));
    const dir = openSync(paths.journalDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    if (replayed > 0) log.warn({ chunks: replayed, segments: segments.length }, 'replayed journaled chunks missing from spool files');
    return Math.max(...segments.map((n) => Number(SEGMENT_PATTERN.exec(n)![1])));
  }

  function listDir(dir: string): string[] {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
    return readdirSync(dir).sort();
  }

  return {
    paths,
    onFinalised(consumer) {
      outbox.add(consumer);
    },
    flush: () => committer.flush(),
    sweep,
    idle,
    async close() {
      if (closed) return;
      await committer.flush();
      writes.flush();
      closed = true;
      clearInterval(sweepTimer);
      if (broker.published === published) broker.published = previousPublished;
      broker.removeListener('clientDisconnect', dropAliases);
      for (const [client, w] of windows) {
        resumeReading(client, w);
        for (const h of w.held.splice(0)) h();
      }
      windows.clear();
      await idle();
      await committer.close();
      await outbox.close();
    },
  };
}

export type { FinalisedSession };
