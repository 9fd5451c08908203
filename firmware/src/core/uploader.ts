import type { Clock, TimerId } from '../hal/clock.js';
import type { Log } from '../hal/log.js';
import type { MqttClient } from '../hal/mqtt.js';
import type { System } from '../hal/system.js';
import type { Wifi, WifiNetworkCredentials } from '../hal/wifi.js';
import { toHex } from './bytes.js';
import { FORM_COMPACT, FORM_LEGACY, FORM_PACKED, wireChunk } from './chunk-form.js';
import { FieldReader, INVENTORY_ENTRY_MAX, putInventory, putVarint } from './proto-fields.js';
import type { ProtocolCodec } from './codec.js';
import type { ChunkAck, DownKind, DownMessages, Hello, HelloReply, UpKind, UpMessages } from './messages.js';
import { Capability, UploadPolicy } from './messages.js';
import type { Spool, SpoolRowObserver, SpoolSession } from './spool.js';
import { SessionField } from './spool.js';
import { DOWN_KINDS, compactChunkTopicOf, downKindOf, downTopicOf, upTopicOf } from './topics.js';

export interface UploaderTuning {
  /** Chunks published and not yet acknowledged, at most. */
  window: number;
  /** A chunk not acknowledged this long after publishing is sent again. */
  ackTimeoutMs: number;
  /** Wait for HelloReply this long before dropping the connection. */
  helloTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A closed, fully acknowledged session whose completion has not come is ended again after this. */
  endRetryMs: number;
  /** Batched policy: stay connected at most this long per batch. */
  batchMaxOnlineMs: number;
}

export const DEFAULT_TUNING: UploaderTuning = {
  window: 8,
  ackTimeoutMs: 10000,
  helloTimeoutMs: 10000,
  backoffBaseMs: 1000,
  backoffMaxMs: 120000,
  endRetryMs: 30000,
  batchMaxOnlineMs: 10 * 60000,
};

export interface UploaderOptions {
  deviceId: string;
  mqtt: MqttClient;
  wifi: Wifi;
  clock: Clock;
  system: System;
  log: Log;
  codec: ProtocolCodec;
  spool: Spool;
  tuning: UploaderTuning;
  host: UploaderHost;
}

/**
 * What the uploader asks of the badge. The Badge implements it itself rather
 * than passing closures: on Espruino each closure costs ~7 variables for the
 * badge's whole life.
 */
export interface UploaderHost {
  /** Builds the Hello (everything but the backlog, which the uploader fills in). */
  hello(): Hello;
  /** The session being recorded now (its chunks go first). */
  liveSession(): SpoolSession | null;
  helloReply(reply: HelloReply, rttMs: number): void;
  downMessage(kind: DownKind, message: DownMessages[DownKind]): void;
  /** Connected and the HelloReply handled: telemetry, events and the OTA may send. */
  uploaderReady(): void;
  uploaderError(code: 'WIFI' | 'MQTT' | 'PROTO_DECODE', detail: string): void;
}

/** Per-row send state flags (`Uploader.flags`), all cleared on every connect. */
/** The row's state is set up on this connection (`next` is valid). */
const KNOWN = 1;
/** SessionStart sent on this connection. */
const STARTED = 2;
/**
 * The alias was announced in a SessionStart and is not yet confirmed by an ack (a SessionStart delivered after the
 * chunks would leave it unknown): chunks name the session by id until then. Hello aliases are usable at once (the
 * gateway handled the Hello before its HelloReply).
 */
const ALIAS_PENDING = 4;
/** SessionEnd sent in the current end-retry period. */
const ENDED = 8;
/** SessionEnd sent in an earlier period: a fully acknowledged session not completed since is ended again. */
const ENDED_BEFORE = 16;
/** Largest alias: aliases are kept in a Uint16Array; past it a connection names sessions by id. */
const MAX_ALIAS = 0xffff;
/** Resend ranges kept at most, per window slot: beyond them a session goes back to the range's start (go-back-N). */
const RESEND_PER_SLOT = 4;

type Phase = 'offline' | 'wifi' | 'connecting' | 'hello' | 'ready';

/**
 * The uploader: keeps the MQTT session up as the upload policy wants, says
 * Hello with the backlog inventory on every connect, adopts the gateway's
 * resume points, then streams chunks with a window in flight — the live
 * session first, the backlog with what is left — retransmitting on ack
 * timeout and for missing ranges. Nothing is deleted here: the spool erases
 * only what ChunkAcks cover.
 */
export class Uploader implements SpoolRowObserver {
  private readonly o: UploaderOptions;
  private phase: Phase = 'offline';
  private policy: number = UploadPolicy.LIVE;
  private batchIntervalMs = 15 * 60000;
  private charging = false;
  private batchOpen = false;
  private batchOpenedAt = 0;
  private batchTimer: TimerId | null = null;
  private retryTimer: TimerId | null = null;
  private tickTimer: TimerId | null = null;
  private helloTimer: TimerId | null = null;
  private attempts = 0;
  private helloSentAt = 0;
  /** The chunk form the gateway of this connection takes (chunk-form.ts FORM_*, from HelloReply capabilities). */
  private form = FORM_LEGACY;
  /** Session aliases given out on this connection (the last one). */
  private aliases = 0;
  /** Chunks in flight (at most the window): the session's spool row, the seq, monotonic ms it was published. */
  private readonly flightRow: Int16Array;
  private readonly flightSeq: Int32Array;
  private readonly flightAt: Float64Array;
  private flights = 0;
  /**
   * Send state per spool row (no object per session held): the next seq never sent on this connection, the
   * session's alias on this connection (0 none) and the flags above.
   */
  private readonly nextSeq: Int32Array;
  private readonly aliasOf: Uint16Array;
  private readonly flags: Uint8Array;
  /** Seqs to send again, flat (row, first, last) inclusive triples, at most RESEND_PER_SLOT x window of them. */
  private resend: number[] = [];
  /** Monotonic ms the current end-retry period began. */
  private endPeriodAt = 0;
  private networks: WifiNetworkCredentials[] = [];
  private stopped = false;
  /**
   * Chunks sent again (ack timeout or a missing range). The only counter kept: on Espruino each property is
   * a variable for the badge's whole life, and connects, acks, bytes and chunks sent had no reader.
   */
  stats = { retransmits: 0 };

  constructor(o: UploaderOptions) {
    this.o = o;
    const rows = o.spool.maxSessions();
    this.nextSeq = new Int32Array(rows);
    this.aliasOf = new Uint16Array(rows);
    this.flags = new Uint8Array(rows);
    this.flightRow = new Int16Array(o.tuning.window);
    this.flightSeq = new Int32Array(o.tuning.window);
    this.flightAt = new Float64Array(o.tuning.window);
    o.spool.observer = this;
    o.mqtt.setHandlers({
      connected: () => this.connected(),
      disconnected: (reason) => this.disconnected(reason),
      message: (topic, payload) => this.message(topic, payload),
    });
  }

  isReady(): boolean {
    return this.phase === 'ready';
  }

  setNetworks(networks: WifiNetworkCredentials[]): void {
    this.networks = networks;
  }

  /** Applies the upload policy; batched opens a batch every `batchIntervalMin`. */
  setPolicy(policy: number, batchIntervalMin: number): void {
    const changed = policy !== this.policy || batchIntervalMin * 60000 !== this.batchIntervalMs;
    this.policy = policy;
    this.batchIntervalMs = batchIntervalMin * 60000;
    if (changed && this.batchTimer !== null) {
      this.o.clock.clearInterval(this.batchTimer);
      this.batchTimer = null;
    }
    if (policy === UploadPolicy.BATCHED && this.batchTimer === null && !this.stopped) {
      this.batchTimer = this.o.clock.setInterval(() => this.openBatch(), this.batchIntervalMs);
    }
    this.evaluate();
  }

  setCharging(charging: boolean): void {
    if (charging === this.charging) return;
    this.charging = charging;
    this.evaluate();
  }

  /** Starts a batch now (batched policy), e.g. at boot or when flash fills up. */
  openBatch(): void {
    this.batchOpen = true;
    this.batchOpenedAt = this.o.clock.monotonicMs();
    this.evaluate();
  }

  start(): void {
    this.stopped = false;
    if (this.tickTimer === null) this.tickTimer = this.o.clock.setInterval(() => this.tick(), 1000);
    this.evaluate();
  }

  /** Drops the connection and every timer (shutdown, reboot). */
  stop(): void {
    this.stopped = true;
    for (const t of [this.batchTimer, this.tickTimer]) if (t !== null) this.o.clock.clearInterval(t);
    this.batchTimer = null;
    this.tickTimer = null;
    this.clearRetry();
    this.goOffline();
  }

  /** Publishes a message if connected and past Hello; false otherwise. */
  publish<K extends UpKind>(kind: K, message: UpMessages[K]): boolean {
    if (this.phase !== 'ready') return false;
    return this.raw(kind, this.o.codec.encode(kind, message));
  }

  /** A chunk was written: send it now if the window allows. */
  kick(): void {
    if (this.phase === 'ready') this.pump();
  }

  /** Whether the policy wants the radio on now. */
  wantsOnline(): boolean {
    if (this.stopped) return false;
    if (this.policy === UploadPolicy.LIVE) return true;
    if (this.policy === UploadPolicy.ON_CHARGER) return this.charging;
    return this.batchOpen || this.charging;
  }

  // ------------------------------------------------------------- connection

  private evaluate(): void {
    if (this.stopped) return;
    const want = this.wantsOnline();
    if (want && this.phase === 'offline' && this.retryTimer === null) this.bringUp();
    if (!want && this.phase !== 'offline') {
      this.clearRetry();
      this.goOffline();
    }
  }

  private bringUp(): void {
    this.phase = 'wifi';
    if (this.o.wifi.isConnected()) {
      this.connectMqtt();
      return;
    }
    this.o.wifi.connect(this.networks, (err) => {
      if (this.phase !== 'wifi') return;
      if (err) {
        this.o.host.uploaderError('WIFI', err);
        this.phase = 'offline';
        this.scheduleRetry();
        return;
      }
      this.connectMqtt();
    });
  }

  private connectMqtt(): void {
    this.phase = 'connecting';
    this.o.mqtt.connect();
  }

  private connected(): void {
    if (this.phase !== 'connecting') {
      // Connected although nothing wants it (stopped or policy changed).
      if (this.phase === 'offline') this.o.mqtt.disconnect();
      return;
    }
    this.phase = 'hello';
    this.form = FORM_LEGACY;
    this.aliases = 0;
    for (const k of DOWN_KINDS) this.o.mqtt.subscribe(downTopicOf(this.o.deviceId, k), 1);
    this.forgetSessions();
    this.sayHello();
  }

  /**
   * Hello with every session of the spool's table in its inventory, and how many more it holds parked in flash
   * (`backlog_unlisted`: the gateway does not finalise as lost a session the Hello leaves out while that is above
   * 0). The entries are written into the encoded Hello one by one (`putInventory`): no object per session.
   */
  private sayHello(): void {
    const hello = this.o.host.hello();
    hello.backlog = [];
    const head = this.o.codec.encode('hello', hello);
    const sp = this.o.spool;
    const out = new Uint8Array(head.length + sp.sessionCount() * INVENTORY_ENTRY_MAX + 6);
    out.set(head, 0);
    let o = head.length;
    for (let i = 0; i < sp.sessionCount(); i++) {
      const k = sp.sessionRow(i);
      const last = sp.rowField(k, SessionField.LAST);
      const acked = sp.rowField(k, SessionField.ACKED);
      const hasChunks = last > acked;
      // Every listed session gets this connection's alias (a gateway without CAPABILITY_COMPACT_CHUNKS skips the field).
      this.state(k);
      if (this.aliases < MAX_ALIAS) this.aliasOf[k] = ++this.aliases;
      o = putInventory(out, o, sp.idOf(k), 0, hasChunks ? acked + 1 : 0, Math.max(0, last), sp.rowField(k, SessionField.END_AT) >= 0, hasChunks, this.aliasOf[k] as number);
    }
    const unlisted = sp.parkedCount();
    if (unlisted > 0) {
      // backlog_unlisted, field 14 varint.
      out[o] = 0x70;
      o = putVarint(out, o + 1, unlisted);
    }
    this.helloSentAt = this.o.clock.monotonicMs();
    this.raw('hello', out.subarray(0, o));
    if (this.helloTimer !== null) this.o.clock.clearTimeout(this.helloTimer);
    this.helloTimer = this.o.clock.setTimeout(() => {
      this.helloTimer = null;
      if (this.phase === 'hello') {
        this.o.host.uploaderError('MQTT', 'no HelloReply');
        this.o.mqtt.disconnect();
      }
    }, this.o.tuning.helloTimeoutMs);
  }

  private disconnected(reason: string): void {
    const was = this.phase;
    if (this.helloTimer !== null) this.o.clock.clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.forgetSessions();
    if (was === 'offline') return;
    this.phase = 'offline';
    if (was === 'connecting' || was === 'hello') this.o.host.uploaderError('MQTT', reason);
    if (this.wantsOnline()) this.scheduleRetry();
  }

  private goOffline(): void {
    const was = this.phase;
    this.phase = 'offline';
    this.forgetSessions();
    if (was === 'connecting' || was === 'hello' || was === 'ready') this.o.mqtt.disconnect();
    if (this.policy !== UploadPolicy.LIVE) this.o.wifi.disconnect();
  }

  /** Exponential backoff with jitter: uniform in [d/2, d], d = base * 2^attempts capped. */
  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.stopped) return;
    const d = Math.min(this.o.tuning.backoffMaxMs, this.o.tuning.backoffBaseMs * Math.pow(2, Math.min(this.attempts, 20)));
    this.attempts++;
    const delay = Math.floor(d / 2 + (this.o.system.random() * d) / 2);
    this.retryTimer = this.o.clock.setTimeout(() => {
      this.retryTimer = null;
      this.evaluate();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.o.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  // ---------------------------------------------------------------- inbound

  private message(topic: string, payload: Uint8Array): void {
    const kind = downKindOf(this.o.deviceId, topic);
    if (!kind) {
      this.o.log.write('warn', 'message on unexpected topic ' + topic);
      return;
    }
    // Read at the wire level: its resume points, one per session listed, are never objects.
    if (kind === 'hello-reply') {
      this.helloReply(payload);
      return;
    }
    let msg: DownMessages[DownKind];
    try {
      msg = this.o.codec.decode(kind, payload);
    } catch (err) {
      this.o.host.uploaderError('PROTO_DECODE', kind + ': ' + String(err));
      return;
    }
    if (kind === 'ack') this.ack(msg as ChunkAck);
    else this.o.host.downMessage(kind, msg);
  }

  /**
   * The HelloReply: its other fields decoded by the codec (the resume points left out), then each resume point
   * read from the bytes and applied: the session's ack point, its missing ranges first, what the gateway holds
   * skipped; a complete session deleted.
   */
  private helloReply(payload: Uint8Array): void {
    if (this.phase !== 'hello') return;
    let reply: HelloReply;
    try {
      // The other fields are a few bytes: sized first, so the copy does not grow with the resume points.
      let n = 0;
      const rd = new FieldReader(payload, 0, payload.length);
      while (rd.next()) if (rd.field !== 3) n += rd.at - rd.from;
      const rest = new Uint8Array(n);
      n = 0;
      rd.at = 0;
      while (rd.next()) {
        if (rd.field === 3) continue;
        rest.set(payload.subarray(rd.from, rd.at), n);
        n += rd.at - rd.from;
      }
      reply = this.o.codec.decode('hello-reply', rest);
    } catch (err) {
      this.o.host.uploaderError('PROTO_DECODE', 'hello-reply: ' + String(err));
      return;
    }
    if (this.helloTimer !== null) this.o.clock.clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.attempts = 0;
    this.phase = 'ready';
    const caps = reply.capabilities ?? 0;
    this.form = caps & Capability.COMPACT_CHUNKS ? FORM_COMPACT : caps & Capability.PACKED_FRAMES ? FORM_PACKED : FORM_LEGACY;
    try {
      const rd = new FieldReader(payload, 0, payload.length);
      while (rd.next()) if (rd.field === 3 && rd.wire === 2) this.resumePoint(payload, rd.value, rd.value + rd.len);
    } catch (err) {
      // The resume points read before stay applied; the rest are sessions sent from their ack point.
      this.o.host.uploaderError('PROTO_DECODE', 'hello-reply resume: ' + String(err));
    }
    this.o.host.helloReply(reply, this.o.clock.monotonicMs() - this.helloSentAt);
    this.o.host.uploaderReady();
    this.pump();
  }

  /** One ResumePoint, `b[at, end)`: session_id 1, received_through 2 (sint64), missing 3 (SeqRange first 1, last 2), complete 4. */
  private resumePoint(b: Uint8Array, at: number, end: number): void {
    const sp = this.o.spool;
    const rd = new FieldReader(b, at, end);
    let k = -1;
    let through = -1;
    let complete = false;
    while (rd.next()) {
      if (rd.field === 1 && rd.wire === 2 && rd.len === 16) k = sp.rowOf(b, rd.value);
      else if (rd.field === 2 && rd.wire === 0) through = rd.value % 2 === 1 ? -(rd.value + 1) / 2 : rd.value / 2;
      else if (rd.field === 4 && rd.wire === 0) complete = rd.value !== 0;
    }
    if (k < 0) return;
    if (complete) {
      this.completed(k);
      return;
    }
    sp.acknowledge(k, through);
    this.state(k);
    // Everything above the highest stored seq was never received.
    // The seq after the last missing range is stored by definition (missing ranges end below the highest stored seq).
    let high = through;
    for (let pass = 0; pass < 2; pass++) {
      rd.at = at;
      while (rd.next()) {
        if (rd.field !== 3 || rd.wire !== 2) continue;
        const r = new FieldReader(b, rd.value, rd.value + rd.len);
        let first = 0;
        let last = 0;
        while (r.next()) {
          if (r.field === 1 && r.wire === 0) first = r.value;
          else if (r.field === 2 && r.wire === 0) last = r.value;
        }
        // Missing ranges are below `next` only if the gateway is ahead of us; send them first.
        if (pass === 0 && last + 1 > high) high = last + 1;
        else if (pass === 1) this.addResend(k, first, last);
      }
      if (pass === 0) this.nextSeq[k] = Math.max(sp.rowField(k, SessionField.ACKED) + 1, high + 1);
    }
  }

  private ack(ack: ChunkAck): void {
    const sp = this.o.spool;
    const k = sp.rowOf(ack.sessionId, 0);
    // Unknown: a late duplicate for a session already complete (or wiped).
    if (k < 0) return;
    sp.acknowledge(k, ack.contiguousThrough);
    // The gateway has handled what was sent before this session's chunks, its SessionStart and alias included.
    this.flags[k] = (this.flags[k] as number) & ~ALIAS_PENDING;
    const acked = sp.rowField(k, SessionField.ACKED);
    this.land(k, acked);
    if (ack.complete) this.completed(k);
    else if (ack.missing && ack.missing.length > 0) {
      // A missing seq still in flight has probably not arrived yet: its ack timeout covers a real loss.
      this.state(k);
      for (const m of ack.missing) this.addResend(k, m.first, m.last);
    }
    this.pump();
    this.maybeEndBatch();
  }

  // --------------------------------------------------------------- outbound

  /**
   * QoS 1, but compact chunks go at QoS 0: the ChunkAck, sent once the chunk is stored, is what the badge waits for
   * (a PUBACK says nothing about storage and Espruino never retransmits), and QoS 0 spares 2 bytes of packet id per
   * chunk upstream and the PUBACK downstream. They also go under the short `up/c` topic (4 bytes less each).
   */
  private raw(kind: UpKind, bytes: Uint8Array): boolean {
    if (kind === 'chunk' && this.form === FORM_COMPACT) return this.o.mqtt.publish(compactChunkTopicOf(this.o.deviceId), bytes, 0);
    return this.o.mqtt.publish(upTopicOf(this.o.deviceId, kind), bytes, 1);
  }

  /**
   * Clears the send state of every row: on every connect and disconnect, and when every session was wiped from the
   * spool (WIPE_ALL: what was in flight or owed names rows that will serve other sessions).
   */
  forgetSessions(): void {
    this.flights = 0;
    this.resend = [];
    this.flags.fill(0);
    this.aliasOf.fill(0);
    this.endPeriodAt = this.o.clock.monotonicMs();
  }

  /**
   * The gateway finalised row `k`'s session: the spool lets it go (and may re-admit a parked session into the row) and
   * the row's send state is cleared for the next session the row serves.
   */
  private completed(k: number): void {
    this.o.spool.complete(k);
    this.rowParked(k);
  }

  /** SpoolRowObserver: row `k`'s session left the table (parked or complete): what was in flight or owed for it is dropped. */
  rowParked(k: number): void {
    this.flags[k] = 0;
    this.aliasOf[k] = 0;
    this.land(k, 0x7fffffff);
    const kept: number[] = [];
    for (let i = 0; i < this.resend.length; i += 3) if (this.resend[i] !== k) kept.push(this.resend[i] as number, this.resend[i + 1] as number, this.resend[i + 2] as number);
    this.resend = kept;
  }

  /** Sets up row `k`'s send state on this connection if not yet: sending starts above what the gateway acknowledged. */
  private state(k: number): void {
    if ((this.flags[k] as number) & KNOWN) return;
    this.flags[k] = KNOWN;
    this.aliasOf[k] = 0;
    this.nextSeq[k] = Math.max(this.o.spool.rowField(k, SessionField.ACKED) + 1, 0);
  }

  /** Queues seqs `from..to` of row `k` to send again; past the bound, the row's sending goes back to the range's start. */
  private addResend(k: number, from: number, to: number): void {
    const sp = this.o.spool;
    const first = Math.max(from, sp.rowField(k, SessionField.ACKED) + 1);
    const last = Math.min(to, sp.rowField(k, SessionField.LAST));
    if (first > last) return;
    for (let i = 0; i < this.resend.length; i += 3) if (this.resend[i] === k && this.resend[i + 1] === first && this.resend[i + 2] === last) return;
    if (this.resend.length < 3 * RESEND_PER_SLOT * this.o.tuning.window) this.resend.push(k, first, last);
    else if (first < (this.nextSeq[k] as number)) this.nextSeq[k] = first;
  }

  /** The next seq of row `k` to send again (taken off the list when `take`), -1 when none. */
  private nextResend(k: number, take: boolean): number {
    for (let i = 0; i < this.resend.length; i += 3) {
      if (this.resend[i] !== k) continue;
      const seq = this.resend[i + 1] as number;
      if (!take) return seq;
      if (seq >= (this.resend[i + 2] as number)) this.resend.splice(i, 3);
      else this.resend[i + 1] = seq + 1;
      return seq;
    }
    return -1;
  }

  private inFlight(k: number, seq: number): boolean {
    for (let i = 0; i < this.flights; i++) if (this.flightRow[i] === k && this.flightSeq[i] === seq) return true;
    return false;
  }

  /**
   * Takes row `k`'s chunks up to seq `through` out of flight; with `k` -1, the chunks in flight for the ack timeout
   * (`through`: monotonic ms now), which are queued to send again.
   */
  private land(k: number, through: number): void {
    let n = 0;
    for (let i = 0; i < this.flights; i++) {
      const r = this.flightRow[i] as number;
      const seq = this.flightSeq[i] as number;
      const at = this.flightAt[i] as number;
      if (k < 0 ? through - at >= this.o.tuning.ackTimeoutMs : r === k && seq <= through) {
        if (k < 0) {
          // The gateway may not know the alias (its announcement was refused): the session id from now on.
          this.aliasOf[r] = 0;
          this.addResend(r, seq, seq);
        }
        continue;
      }
      this.flightRow[n] = r;
      this.flightSeq[n] = seq;
      this.flightAt[n] = at;
      n++;
    }
    this.flights = n;
  }

  /** Fills the window: the live session first, then the backlog oldest first. */
  private pump(): void {
    if (this.phase !== 'ready') return;
    const s = this.o.host.liveSession();
    const live = s ? s.row() : -1;
    if (live >= 0) this.pumpSession(live, false);
    const sp = this.o.spool;
    for (let i = 0; i < sp.sessionCount(); i++) {
      if (this.flights >= this.o.tuning.window) break;
      const k = sp.sessionRow(i);
      if (k !== live) this.pumpSession(k, true);
    }
  }

  private pumpSession(k: number, backlog: boolean): void {
    if (this.phase !== 'ready') return;
    const sp = this.o.spool;
    this.state(k);
    const last = sp.rowField(k, SessionField.LAST);
    const closed = sp.rowField(k, SessionField.END_AT) >= 0;
    // A closed backlog session with nothing left to send or end costs no flash read.
    if (backlog && closed && (this.nextSeq[k] as number) > last && (this.flags[k] as number) & ENDED && this.nextResend(k, false) < 0) return;
    if (!((this.flags[k] as number) & STARTED)) {
      // Read from flash: the spool holds no protobuf bytes in RAM.
      let start = sp.recordAt(sp.rowField(k, SessionField.START_AT));
      if (start) {
        this.flags[k] = (this.flags[k] as number) | STARTED;
        if (this.form === FORM_COMPACT) {
          // Announces the session's alias (a session started after the Hello gets its alias here): field 9 appended.
          if (this.aliasOf[k] === 0 && this.aliases < MAX_ALIAS) {
            this.aliasOf[k] = ++this.aliases;
            this.flags[k] = (this.flags[k] as number) | ALIAS_PENDING;
          }
          if (this.aliasOf[k] !== 0) {
            const stored = start;
            start = new Uint8Array(stored.length + 6);
            start.set(stored, 0);
            start[stored.length] = 0x48;
            start = start.subarray(0, putVarint(start, stored.length + 1, this.aliasOf[k] as number));
          }
        }
        this.raw('session-start', start);
      }
    }
    while (this.flights < this.o.tuning.window) {
      const seq = this.nextResend(k, true);
      if (seq < 0) break;
      if (seq <= sp.rowField(k, SessionField.ACKED) || this.inFlight(k, seq)) continue;
      this.stats.retransmits++;
      this.sendChunk(k, seq, backlog);
    }
    while (this.flights < this.o.tuning.window && (this.nextSeq[k] as number) <= last) {
      const seq = this.nextSeq[k] as number;
      this.nextSeq[k] = seq + 1;
      if (seq <= sp.rowField(k, SessionField.ACKED) || this.inFlight(k, seq)) continue;
      this.sendChunk(k, seq, backlog);
    }
    // Everything sent: end the session (again, if its completion is overdue: ended in an earlier end-retry period).
    if (closed && (this.nextSeq[k] as number) > last && this.nextResend(k, false) < 0) {
      const f = this.flags[k] as number;
      if (!(f & (ENDED | ENDED_BEFORE)) || (f & ENDED_BEFORE && sp.rowField(k, SessionField.ACKED) >= last)) {
        const end = sp.recordAt(sp.rowField(k, SessionField.END_AT));
        if (end) {
          this.flags[k] = (f & ~ENDED_BEFORE) | ENDED;
          this.raw('session-end', end);
        }
      }
    }
  }

  private sendChunk(k: number, seq: number, backlog: boolean): void {
    let bytes = this.o.spool.readChunk(k, seq);
    if (!bytes) {
      this.o.log.write('warn', 'chunk ' + toHex(this.o.spool.idOf(k)) + '/' + seq + ' not in flash');
      return;
    }
    // Recorded packed; rewritten into the form this connection's gateway takes, named by the session's alias once
    // announced, and marked as backlog (chunks an older firmware stored in the legacy form go as they are). The
    // stored bytes are released before publishing (Espruino frees by reference count): a rewrite costs no more
    // than the copy the MQTT module makes.
    const f = this.flags[k] as number;
    bytes = wireChunk(bytes, this.form, f & ALIAS_PENDING ? 0 : (this.aliasOf[k] as number), backlog);
    if (!this.raw('chunk', bytes)) return;
    this.flightRow[this.flights] = k;
    this.flightSeq[this.flights] = seq;
    this.flightAt[this.flights] = this.o.clock.monotonicMs();
    this.flights++;
  }

  /** Once a second: ack timeouts, overdue session ends, batch end, charger. */
  private tick(): void {
    if (this.phase === 'ready') {
      const now = this.o.clock.monotonicMs();
      this.land(-1, now);
      // A new end-retry period: sessions ended in the one before are ended again if still not complete.
      if (now - this.endPeriodAt >= this.o.tuning.endRetryMs) {
        this.endPeriodAt = now;
        for (let k = 0; k < this.flags.length; k++) {
          const f = this.flags[k] as number;
          if (f & ENDED) this.flags[k] = (f & ~ENDED) | ENDED_BEFORE;
        }
      }
      this.pump();
    }
    this.maybeEndBatch();
  }

  /** Batched policy: close the batch once the backlog is drained (or the batch ran too long). */
  private maybeEndBatch(): void {
    if (this.policy !== UploadPolicy.BATCHED || !this.batchOpen) return;
    const now = this.o.clock.monotonicMs();
    const tooLong = now - this.batchOpenedAt >= this.o.tuning.batchMaxOnlineMs;
    if (!(this.phase === 'ready' && this.drained()) && !tooLong) return;
    this.batchOpen = false;
    this.evaluate();
  }

  /** Nothing left to send: every chunk acknowledged and no session waiting for its end to be sent. */
  private drained(): boolean {
    if (this.flights > 0 || this.o.spool.parkedCount() > 0) return false;
    const s = this.o.host.liveSession();
    const live = s ? s.row() : -1;
    const sp = this.o.spool;
    for (let i = 0; i < sp.sessionCount(); i++) {
      const k = sp.sessionRow(i);
      if (sp.rowField(k, SessionField.LAST) > sp.rowField(k, SessionField.ACKED)) return false;
      if (k !== live && sp.rowField(k, SessionField.END_AT) >= 0 && !((this.flags[k] as number) & (ENDED | ENDED_BEFORE))) return false;
    }
    return true;
  }
}
