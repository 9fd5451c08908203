import type { Clock, TimerId } from '../hal/clock.js';
import type { Log } from '../hal/log.js';
import type { MqttClient } from '../hal/mqtt.js';
import type { System } from '../hal/system.js';
import type { Wifi, WifiNetworkCredentials } from '../hal/wifi.js';
import { toHex } from './bytes.js';
import { FORM_COMPACT, FORM_LEGACY, FORM_PACKED, putVarint, wireChunk } from './chunk-form.js';
import type { ProtocolCodec } from './codec.js';
import type { ChunkAck, DownKind, DownMessages, Hello, HelloReply, SeqRange, UpKind, UpMessages } from './messages.js';
import { Capability, UploadPolicy } from './messages.js';
import type { Spool, SpoolSession } from './spool.js';
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

interface Flight {
  s: SpoolSession;
  seq: number;
  at: number;
}

interface SendState {
  /** Next seq never sent on this connection. */
  next: number;
  /** Seqs to send again, flat inclusive pairs. */
  resend: number[];
  /** SessionStart sent on this connection. */
  started: boolean;
  /** Monotonic ms the SessionEnd was last sent, -1 never. */
  endAt: number;
  /**
   * The session's alias on this connection: > 0 usable (announced in the Hello, which the gateway handled before its
   * HelloReply, or in a SessionStart the gateway has since acked a chunk after); < 0 announced in a SessionStart and
   * not yet confirmed by an ack (a SessionStart delivered after the chunks would leave it unknown); 0 none.
   */
  alias: number;
}

type Phase = 'offline' | 'wifi' | 'connecting' | 'hello' | 'ready';

/**
 * The uploader: keeps the MQTT session up as the upload policy wants, says
 * Hello with the backlog inventory on every connect, adopts the gateway's
 * resume points, then streams chunks with a window in flight — the live
 * session first, the backlog with what is left — retransmitting on ack
 * timeout and for missing ranges. Nothing is deleted here: the spool erases
 * only what ChunkAcks cover.
 */
export class Uploader {
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
  private flights: Flight[] = [];
  private send: { [hex: string]: SendState } = {};
  private networks: WifiNetworkCredentials[] = [];
  private stopped = false;
  /**
   * Chunks sent again (ack timeout or a missing range). The only counter kept: on Espruino each property is
   * a variable for the badge's whole life, and connects, acks, bytes and chunks sent had no reader.
   */
  stats = { retransmits: 0 };

  constructor(o: UploaderOptions) {
    this.o = o;
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
    this.flights = [];
    this.send = {};
    this.sayHello();
  }

  private sayHello(): void {
    const hello = this.o.host.hello();
    hello.backlog = [];
    for (const s of this.o.spool.sessions()) {
      const hasChunks = s.lastSeq > s.ackedThrough;
      // Every listed session gets this connection's alias (a gateway without CAPABILITY_COMPACT_CHUNKS skips the field).
      const st = this.state(s);
      st.alias = ++this.aliases;
      hello.backlog.push({
        sessionAlias: st.alias,
        sessionId: s.id,
        firstSeq: hasChunks ? Math.max(s.ackedThrough + 1, s.lowestSeq) : 0,
        lastSeq: Math.max(0, s.lastSeq),
        closed: s.closed,
        hasChunks: hasChunks,
      });
    }
    this.helloSentAt = this.o.clock.monotonicMs();
    this.raw('hello', this.o.codec.encode('hello', hello));
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
    this.flights = [];
    this.send = {};
    if (was === 'offline') return;
    this.phase = 'offline';
    if (was === 'connecting' || was === 'hello') this.o.host.uploaderError('MQTT', reason);
    if (this.wantsOnline()) this.scheduleRetry();
  }

  private goOffline(): void {
    const was = this.phase;
    this.phase = 'offline';
    this.flights = [];
    this.send = {};
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
    let msg: DownMessages[DownKind];
    try {
      msg = this.o.codec.decode(kind, payload);
    } catch (err) {
      this.o.host.uploaderError('PROTO_DECODE', kind + ': ' + String(err));
      return;
    }
    if (kind === 'hello-reply') this.helloReply(msg as HelloReply);
    else if (kind === 'ack') this.ack(msg as ChunkAck);
    else this.o.host.downMessage(kind, msg);
  }

  private helloReply(reply: HelloReply): void {
    if (this.phase !== 'hello') return;
    if (this.helloTimer !== null) this.o.clock.clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.attempts = 0;
    this.phase = 'ready';
    const caps = reply.capabilities ?? 0;
    this.form = caps & Capability.COMPACT_CHUNKS ? FORM_COMPACT : caps & Capability.PACKED_FRAMES ? FORM_PACKED : FORM_LEGACY;
    for (const r of reply.resume ?? []) {
      const s = this.o.spool.find(toHex(r.sessionId));
      if (!s) continue;
      if (r.complete) {
        this.o.spool.complete(s);
        continue;
      }
      this.o.spool.acknowledge(s, r.receivedThrough);
      const st = this.state(s);
      st.next = Math.max(s.ackedThrough + 1, s.lowestSeq);
      // Missing ranges are below `next` only if the gateway is ahead of us; send them first.
      this.addResend(st, s, r.missing ?? []);
      // Everything above the highest stored seq was never received.
      // The seq after the last missing range is stored by definition (missing ranges end below the highest stored seq).
      let high = r.receivedThrough;
      for (const m of r.missing ?? []) if (m.last + 1 > high) high = m.last + 1;
      st.next = Math.max(st.next, high + 1);
    }
    this.o.host.helloReply(reply, this.o.clock.monotonicMs() - this.helloSentAt);
    this.o.host.uploaderReady();
    this.pump();
  }

  private ack(ack: ChunkAck): void {
    const s = this.o.spool.find(toHex(ack.sessionId));
    // Unknown: a late duplicate for a session already complete (or wiped).
    if (!s) return;
    const through = ack.contiguousThrough;
    this.o.spool.acknowledge(s, through);
    // The gateway has handled what was sent before this session's chunks, its SessionStart and alias included.
    const st = this.send[s.hex];
    if (st && st.alias < 0) st.alias = -st.alias;
    const kept: Flight[] = [];
    for (const f of this.flights) if (!(f.s === s && f.seq <= s.ackedThrough)) kept.push(f);
    this.flights = kept;
    if (ack.complete) {
      this.o.spool.complete(s);
      delete this.send[s.hex];
      const rest: Flight[] = [];
      for (const f of this.flights) if (f.s !== s) rest.push(f);
      this.flights = rest;
    } else if (ack.missing && ack.missing.length > 0) {
      // A missing seq still in flight has probably not arrived yet: its ack timeout covers a real loss.
      this.addResend(this.state(s), s, ack.missing);
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

  private state(s: SpoolSession): SendState {
    let st = this.send[s.hex];
    if (!st) {
      st = { next: Math.max(s.ackedThrough + 1, s.lowestSeq, 0), resend: [], started: false, endAt: -1, alias: 0 };
      this.send[s.hex] = st;
    }
    return st;
  }

  private addResend(st: SendState, s: SpoolSession, ranges: SeqRange[]): void {
    for (const r of ranges) {
      const first = Math.max(r.first, s.ackedThrough + 1);
      const last = Math.min(r.last, s.lastSeq);
      if (first > last) continue;
      let dup = false;
      for (let i = 0; i < st.resend.length; i += 2) if (st.resend[i] === first && st.resend[i + 1] === last) dup = true;
      if (!dup) st.resend.push(first, last);
    }
  }

  private inFlight(s: SpoolSession, seq: number): boolean {
    for (const f of this.flights) if (f.s === s && f.seq === seq) return true;
    return false;
  }

  /** Fills the window: the live session first, then the backlog oldest first. */
  private pump(): void {
    if (this.phase !== 'ready') return;
    const live = this.o.host.liveSession();
    if (live && !live.complete) this.pumpSession(live, false);
    for (const s of this.o.spool.sessions()) {
      if (this.flights.length >= this.o.tuning.window) break;
      if (s !== live) this.pumpSession(s, true);
    }
  }

  private pumpSession(s: SpoolSession, backlog: boolean): void {
    if (this.phase !== 'ready') return;
    const st = this.state(s);
    if (!st.started) {
      // Read from flash: the spool holds no protobuf bytes in RAM.
      let start = s.start;
      if (start) {
        st.started = true;
        if (this.form === FORM_COMPACT) {
          // Announces the session's alias (a session started after the Hello gets its alias here): field 9 appended.
          if (st.alias === 0) st.alias = -++this.aliases;
          const stored = start;
          start = new Uint8Array(stored.length + 6);
          start.set(stored, 0);
          start[stored.length] = 0x48;
          start = start.subarray(0, putVarint(start, stored.length + 1, Math.abs(st.alias)));
        }
        this.raw('session-start', start);
      }
    }
    while (this.flights.length < this.o.tuning.window && st.resend.length > 0) {
      const seq = st.resend[0] as number;
      if (seq >= (st.resend[1] as number)) st.resend.splice(0, 2);
      else st.resend[0] = seq + 1;
      if (seq <= s.ackedThrough || this.inFlight(s, seq)) continue;
      this.stats.retransmits++;
      this.sendChunk(s, seq, backlog);
    }
    while (this.flights.length < this.o.tuning.window && st.next <= s.lastSeq) {
      const seq = st.next++;
      if (seq <= s.ackedThrough || this.inFlight(s, seq)) continue;
      this.sendChunk(s, seq, backlog);
    }
    // Everything sent: end the session (again, if its completion is overdue).
    if (s.closed && st.next > s.lastSeq && st.resend.length === 0) {
      const now = this.o.clock.monotonicMs();
      if (st.endAt < 0 || (s.ackedThrough >= s.lastSeq && now - st.endAt >= this.o.tuning.endRetryMs)) {
        const end = s.end;
        if (end) {
          st.endAt = now;
          this.raw('session-end', end);
        }
      }
    }
  }

  private sendChunk(s: SpoolSession, seq: number, backlog: boolean): void {
    let bytes = this.o.spool.readChunk(s, seq);
    if (!bytes) {
      this.o.log.write('warn', 'chunk ' + s.hex + '/' + seq + ' not in flash');
      return;
    }
    // Recorded packed; rewritten into the form this connection's gateway takes, named by the session's alias once
    // announced, and marked as backlog (chunks an older firmware stored in the legacy form go as they are). The
    // stored bytes are released before publishing (Espruino frees by reference count): a rewrite costs no more
    // than the copy the MQTT module makes.
    bytes = wireChunk(bytes, this.form, Math.max(0, this.state(s).alias), backlog);
    if (!this.raw('chunk', bytes)) return;
    this.flights.push({ s: s, seq: seq, at: this.o.clock.monotonicMs() });
  }

  /** Once a second: ack timeouts, overdue session ends, batch end, charger. */
  private tick(): void {
    if (this.phase === 'ready') {
      const now = this.o.clock.monotonicMs();
      const kept: Flight[] = [];
      for (const f of this.flights) {
        if (now - f.at >= this.o.tuning.ackTimeoutMs) {
          const st = this.state(f.s);
          // The gateway may not know the alias (its announcement was refused): the session id from now on.
          st.alias = 0;
          if (f.seq > f.s.ackedThrough) st.resend.push(f.seq, f.seq);
        } else kept.push(f);
      }
      this.flights = kept;
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
    if (this.flights.length > 0) return false;
    const live = this.o.host.liveSession();
    for (const s of this.o.spool.sessions()) {
      if (s.lastSeq > s.ackedThrough) return false;
      const st = this.send[s.hex];
      if (s.closed && s !== live && (!st || st.endAt < 0)) return false;
    }
    return true;
  }
}
