import { chunkFirstFrame, chunkFrames, decodeUp, encodeDown, isPackedChunk, isRiceChunk, parseTopic, downTopic, crc32, pb } from '@parley/proto';
import type { DecodedUp, DownKind, DownMessages } from '@parley/proto';
import type { MqttClient, MqttHandlers } from '../../src/hal/mqtt.js';
import type { Clock } from '../../src/hal/clock.js';

export interface GatewaySession {
  start: DecodedUp<'session-start'> | null;
  end: DecodedUp<'session-end'> | null;
  /** Chunks as received, with `frames` filled from whichever form carried them. */
  chunks: { [seq: number]: DecodedUp<'chunk'> };
  complete: boolean;
}

type Received = { kind: string; msg: unknown };

/**
 * A scripted gateway for unit tests (a fake: the real one is exercised by the
 * integration test). It decodes with the Node codec, stores chunks, answers
 * Hello with resume points and acks chunks; faults are switched on per test.
 */
export class FakeGateway {
  readonly clock: Clock;
  online = true;
  serverTimeMs = 1_767_225_600_000;
  latencyMs = 5;
  sessions: { [hex: string]: GatewaySession } = {};
  received: Received[] = [];
  /** Acks to swallow before acking again. */
  dropAcks = 0;
  duplicateAcks = false;
  /** Send a stale (lower) ack after each real one. */
  staleAcks = false;
  /** Deliver each ack after an extra 0..reorderAcksMs (a fixed pseudo-random sequence): acks arrive out of order. */
  reorderAcksMs = 0;
  private acksSent = 0;
  /** Do not answer Hello. */
  silentHello = false;
  lockDevice = false;
  /** HelloReply.capabilities: packed frames and compact chunks by default, as the gateway; 0 acts as a gateway of the first protocol version. */
  capabilities: number = pb.Capability.CAPABILITY_PACKED_FRAMES | pb.Capability.CAPABILITY_COMPACT_CHUNKS;
  /** Chunks received in each frame form (packed: varint sizes, compact: Rice-coded sizes). */
  chunkForms = { legacy: 0, packed: 0, compact: 0 };
  /** Chunks that named their session by an alias; chunks whose alias was not announced on the connection (rejected, not acked). */
  aliasedChunks = 0;
  unknownAliasChunks = 0;
  /** QoS of the last publish of each kind. */
  lastQos: { [kind: string]: number } = {};
  /** Topic of the last publish of each kind. */
  lastTopic: { [kind: string]: string } = {};
  /** Session aliases announced on the current connection. */
  aliases: { [alias: number]: string } = {};
  connects = 0;
  private link: FakeLink | null = null;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** The device side of the connection. */
  client(deviceId: string): FakeLink {
    this.link = new FakeLink(this, deviceId);
    return this.link;
  }

  /** Cuts the connection now. */
  drop(): void {
    this.link?.cut('network');
  }

  of(kind: string): unknown[] {
    return this.received.filter((r) => r.kind === kind).map((r) => r.msg);
  }

  session(hex: string): GatewaySession {
    let s = this.sessions[hex];
    if (!s) {
      s = { start: null, end: null, chunks: {}, complete: false };
      this.sessions[hex] = s;
    }
    return s;
  }

  send<K extends DownKind>(kind: K, msg: DownMessages[K]): void {
    const extra = kind === 'ack' && this.reorderAcksMs > 0 ? ((this.acksSent++ * 7919) % 101) * (this.reorderAcksMs / 100) : 0;
    this.link?.deliver(kind, encodeDown(kind, msg), extra);
  }

  /** Frames the gateway holds of a session, in order. */
  frames(hex: string): Uint8Array[] {
    const s = this.session(hex);
    const out: Uint8Array[] = [];
    const seqs = Object.keys(s.chunks).map(Number).sort((a, b) => a - b);
    for (const q of seqs) for (const f of (s.chunks[q] as DecodedUp<'chunk'>).frames) out.push(f);
    return out;
  }

  receive(kind: string, bytes: Uint8Array): void {
    const decoded = decodeUp(kind as never, bytes) as unknown;
    const msg = kind === 'chunk' ? this.frameForm(decoded as DecodedUp<'chunk'>) : decoded;
    this.received.push({ kind, msg });
    if (kind === 'hello') {
      if (this.silentHello) return;
      const hello = msg as DecodedUp<'hello'>;
      const resume = hello.backlog.map((inv) => {
        const hex = Buffer.from(inv.sessionId).toString('hex');
        if (inv.sessionAlias) this.aliases[inv.sessionAlias] = hex;
        const s = this.sessions[hex];
        if (!s) return { sessionId: inv.sessionId, receivedThrough: -1, missing: [], complete: false };
        const r = this.ackState(s);
        return { sessionId: inv.sessionId, receivedThrough: r.through, missing: r.missing, complete: s.complete };
      });
      this.send('hello-reply', { serverTimeMs: this.serverTimeMs + this.clock.monotonicMs(), wantedConfigVersion: 0, resume, locked: this.lockDevice, capabilities: this.capabilities });
    } else if (kind === 'session-start') {
      const m = msg as DecodedUp<'session-start'>;
      this.session(Buffer.from(m.sessionId).toString('hex')).start = m;
      if (m.sessionAlias) this.aliases[m.sessionAlias] = Buffer.from(m.sessionId).toString('hex');
    } else if (kind === 'chunk') {
      const m = msg as DecodedUp<'chunk'>;
      let all = 0;
      for (const f of m.frames) all = crc32(f, all);
      if (all !== m.crc32) throw new Error('chunk crc mismatch');
      if (m.sessionAlias && m.sessionId.length > 0) throw new Error('chunk with both session_id and session_alias');
      const hex = m.sessionAlias ? this.aliases[m.sessionAlias] : Buffer.from(m.sessionId).toString('hex');
      if (hex === undefined) {
        // As the gateway: SESSION_ALIAS_UNKNOWN, neither stored nor acknowledged.
        this.unknownAliasChunks++;
        return;
      }
      if (m.sessionAlias) this.aliasedChunks++;
      const s = this.session(hex);
      s.chunks[m.seq] = { ...m, sessionId: Buffer.from(hex, 'hex') };
      this.ack(hex, Buffer.from(hex, 'hex'));
    } else if (kind === 'session-end') {
      const m = msg as DecodedUp<'session-end'>;
      const hex = Buffer.from(m.sessionId).toString('hex');
      // As the gateway: a SessionEnd for a finalised session (a badge may still hold its START/END records) is only acked.
      if (!this.session(hex).complete) this.session(hex).end = m;
      this.ack(hex, m.sessionId);
    }
  }

  /** Counts the chunk's frame form (a packed chunk to a gateway without the capability is a badge bug) and fills `frames` from it. */
  private frameForm(chunk: DecodedUp<'chunk'>): DecodedUp<'chunk'> {
    const packed = isPackedChunk(chunk);
    const compact = isRiceChunk(chunk) || chunk.sessionAlias !== 0;
    if (packed && (this.capabilities & pb.Capability.CAPABILITY_PACKED_FRAMES) === 0) throw new Error('packed chunk sent to a gateway without the capability');
    if (compact && (this.capabilities & pb.Capability.CAPABILITY_COMPACT_CHUNKS) === 0) throw new Error('compact chunk sent to a gateway without the capability');
    this.chunkForms[isRiceChunk(chunk) ? 'compact' : packed ? 'packed' : 'legacy']++;
    const frames = chunkFrames(chunk);
    return { ...chunk, frames, firstFrame: chunkFirstFrame(chunk, frames.length) };
  }

  private ackState(s: GatewaySession): { through: number; missing: { first: number; last: number }[] } {
    let through = -1;
    while (s.chunks[through + 1]) through++;
    const seqs = Object.keys(s.chunks).map(Number);
    const high = seqs.length ? Math.max(...seqs) : -1;
    const missing: { first: number; last: number }[] = [];
    for (let q = through + 1; q <= high; q++) {
      if (s.chunks[q]) continue;
      const last = missing[missing.length - 1];
      if (last && last.last === q - 1) last.last = q;
      else missing.push({ first: q, last: q });
    }
    return { through, missing };
  }

  private ack(hex: string, sessionId: Uint8Array): void {
    const s = this.session(hex);
    const r = this.ackState(s);
    if (s.end && r.through === s.end.totalChunks - 1) s.complete = true;
    if (this.dropAcks > 0) {
      this.dropAcks--;
      return;
    }
    const ack = { sessionId, contiguousThrough: r.through, missing: r.missing, complete: s.complete };
    this.send('ack', ack);
    if (this.duplicateAcks) this.send('ack', ack);
    if (this.staleAcks && r.through > 0) this.send('ack', { sessionId, contiguousThrough: r.through - 1, missing: [], complete: false });
  }
}

/** The badge's end of the fake connection; delivery in both directions takes `latencyMs` of the clock. */
export class FakeLink implements MqttClient {
  private handlers: MqttHandlers | null = null;
  private up = false;
  private epoch = 0;
  readonly gw: FakeGateway;
  readonly deviceId: string;

  constructor(gw: FakeGateway, deviceId: string) {
    this.gw = gw;
    this.deviceId = deviceId;
  }

  setHandlers(h: MqttHandlers): void {
    this.handlers = h;
  }

  connect(): void {
    const epoch = ++this.epoch;
    this.gw.clock.setTimeout(() => {
      if (epoch !== this.epoch) return;
      if (!this.gw.online) {
        this.handlers?.disconnected('connection refused');
        return;
      }
      this.up = true;
      this.gw.connects++;
      // Aliases are valid for one connection.
      this.gw.aliases = {};
      this.handlers?.connected();
    }, this.gw.latencyMs);
  }

  disconnect(): void {
    this.epoch++;
    const was = this.up;
    this.up = false;
    if (was) this.handlers?.disconnected('closed by client');
  }

  cut(reason: string): void {
    if (!this.up) return;
    this.epoch++;
    this.up = false;
    this.handlers?.disconnected(reason);
  }

  isConnected(): boolean {
    return this.up;
  }

  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean {
    if (!this.up) return false;
    const parsed = parseTopic(topic);
    if (!parsed || parsed.direction !== 'up' || parsed.deviceId !== this.deviceId) throw new Error('bad topic ' + topic);
    this.gw.lastQos[parsed.kind] = qos;
    this.gw.lastTopic[parsed.kind] = topic;
    if (topic.endsWith('/up/c') && (this.gw.capabilities & pb.Capability.CAPABILITY_COMPACT_CHUNKS) === 0) throw new Error('compact chunk topic used towards a gateway without the capability');
    const copy = new Uint8Array(payload);
    const epoch = this.epoch;
    this.gw.clock.setTimeout(() => {
      if (epoch === this.epoch && this.up && this.gw.online) this.gw.receive(parsed.kind, copy);
    }, this.gw.latencyMs);
    return true;
  }

  subscribe(_topic: string, _qos: 0 | 1): void {}

  deliver(kind: DownKind, bytes: Uint8Array, extraMs = 0): void {
    const epoch = this.epoch;
    this.gw.clock.setTimeout(() => {
      if (epoch === this.epoch && this.up) this.handlers?.message(downTopic(this.deviceId, kind), bytes);
    }, this.gw.latencyMs + extraMs);
  }
}
