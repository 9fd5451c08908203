/**
 * A scriptable TCP fault proxy between badges and the gateway's broker. It
 * listens on loopback, opens one upstream connection per client connection,
 * and forwards bytes both ways while applying faults: cut (RST or FIN),
 * stall (stop forwarding), throttle (token bucket per connection and/or for
 * all connections together), delay (fixed latency), down (refuse new
 * connections) and flap (cycle down/up). Faults target all connections, one
 * connection by id, or a client by its MQTT client id or username (read from
 * the CONNECT packet), and apply to matching connections that open later.
 * Every byte forwarded is counted per connection, per client and in total.
 *
 * `createFaultProxy(opts)` builds it; `listen()` binds; `close()` ends it.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { ToolsError } from '../errors.js';
import { sniffMqttConnect, type MqttIdentity } from './mqtt-connect-sniffer.js';
import { TokenBucket, defaultBurst } from './token-bucket.js';

export type Direction = 'up' | 'down';

export type ConnectionSelector =
  | 'all'
  /** One connection by its id. */
  | number
  /** Connections whose MQTT client id or username is this. */
  | { client: string };

export interface ConnectionInfo {
  id: number;
  remotePort: number;
  clientId: string | undefined;
  username: string | undefined;
  openedAt: number;
  closedAt: number | undefined;
  closeReason: string | undefined;
  /** Bytes forwarded client → upstream and upstream → client. */
  bytesUp: number;
  bytesDown: number;
}

export interface ProxyStats {
  connectionsOpened: number;
  connectionsOpen: number;
  connectionsRefused: number;
  bytesUp: number;
  bytesDown: number;
  /** Per client (username, else client id, else "conn-<id>"), across reconnects. */
  byClient: Record<string, { connections: number; bytesUp: number; bytesDown: number }>;
  connections: ConnectionInfo[];
}

export interface FaultProxyOptions {
  /** The broker to forward to. */
  target: { host: string; port: number };
  /** Where to listen (default 127.0.0.1, port 0 = any free port). */
  listen?: { host?: string; port?: number };
  /** Read MQTT CONNECT to learn client ids (default true). */
  identifyMqtt?: boolean;
  /** Bytes queued per direction before reading from the sender pauses (default 64 KiB). */
  highWaterBytes?: number;
  /** Keep this many closed connections in stats (default 10000). */
  closedHistory?: number;
}

export interface ThrottleOptions {
  /** Which direction(s) to limit (default both, each at the full rate). */
  direction?: Direction | 'both';
  /** Burst size in bytes (default: 100 ms of traffic, at least 512 B). */
  burstBytes?: number;
}

/** A fault applied with a selector; clear() lifts it. */
export interface FaultHandle {
  readonly kind: string;
  clear(): void;
}

interface Rule {
  id: number;
  kind: 'stall' | 'throttle' | 'delay' | 'block';
  selector: ConnectionSelector;
  rate?: number;
  burst?: number;
  directions?: Direction[];
  delayMs?: number;
}

interface QueuedChunk {
  data: Buffer;
  readyAt: number;
}

const now = () => performance.now();

class Pipe {
  readonly queue: QueuedChunk[] = [];
  queuedBytes = 0;
  stalled = false;
  delayMs = 0;
  bucket: TokenBucket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;
  private waitingDrain = false;
  private srcEnded = false;
  private dead = false;

  constructor(
    private readonly conn: ProxyConnection,
    readonly dir: Direction,
    private readonly src: () => net.Socket | undefined,
    private readonly dst: () => net.Socket | undefined,
    private readonly highWater: number,
  ) {}

  push(data: Buffer): void {
    if (this.dead) return;
    this.queue.push({ data, readyAt: now() + this.delayMs });
    this.queuedBytes += data.length;
    if (this.queuedBytes >= this.highWater) this.src()?.pause();
    this.schedule();
  }

  end(): void {
    this.srcEnded = true;
    this.schedule();
  }

  schedule(): void {
    if (this.scheduled || this.dead) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  kill(): void {
    this.dead = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private wake(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(1, ms));
  }

  private resumeSource(): void {
    const src = this.src();
    if (src && !this.dead && src.isPaused()) src.resume();
  }

  private pump(): void {
    if (this.dead || this.waitingDrain) return;
    const dst = this.dst();
    if (!dst) return; // upstream not connected yet; connect() schedules us
    while (this.queue.length > 0) {
      if (this.stalled) return;
      const head = this.queue[0]!;
      const t = now();
      if (head.readyAt > t) return this.wake(head.readyAt - t);
      let allowed = head.data.length;
      const buckets = [this.bucket, this.conn.proxy.aggregateBucket(this.dir)].filter((b): b is TokenBucket => b !== undefined);
      for (const b of buckets) allowed = Math.min(allowed, b.available(t));
      if (allowed <= 0) return this.wake(Math.max(...buckets.map((b) => b.waitMs(head.data.length, t))));
      for (const b of buckets) b.take(allowed, t);
      const slice = allowed === head.data.length ? head.data : head.data.subarray(0, allowed);
      if (allowed === head.data.length) this.queue.shift();
      else head.data = head.data.subarray(allowed);
      this.queuedBytes -= allowed;
      this.conn.count(this.dir, allowed);
      const ok = dst.write(slice);
      if (this.queuedBytes < this.highWater / 2) this.resumeSource();
      if (!ok) {
        this.waitingDrain = true;
        dst.once('drain', () => {
          this.waitingDrain = false;
          this.pump();
        });
        return;
      }
    }
    this.resumeSource();
    if (this.srcEnded && !dst.writableEnded) dst.end();
  }
}

class ProxyConnection {
  readonly info: ConnectionInfo;
  /** The upstream socket once connected (forwarding waits for it). */
  upstream: net.Socket | undefined;
  private upstreamSocket: net.Socket | undefined;
  readonly up: Pipe;
  readonly down: Pipe;
  private sniffBuffer: Buffer | undefined;
  closed = false;

  constructor(
    readonly proxy: FaultProxy,
    readonly client: net.Socket,
    id: number,
    identify: boolean,
    highWater: number,
  ) {
    this.info = {
      id,
      remotePort: client.remotePort ?? 0,
      clientId: undefined,
      username: undefined,
      openedAt: Date.now(),
      closedAt: undefined,
      closeReason: undefined,
      bytesUp: 0,
      bytesDown: 0,
    };
    this.sniffBuffer = identify ? Buffer.alloc(0) : undefined;
    this.up = new Pipe(this, 'up', () => this.client, () => this.upstream, highWater);
    this.down = new Pipe(this, 'down', () => this.upstreamSocket, () => this.client, highWater);
  }

  get clientKey(): string {
    return this.info.username ?? this.info.clientId ?? `conn-${this.info.id}`;
  }

  start(target: { host: string; port: number }): void {
    const c = this.client;
    c.setNoDelay(true);
    c.on('data', (d: Buffer) => {
      if (this.sniffBuffer) this.sniff(d);
      this.up.push(d);
    });
    c.on('end', () => this.up.end());
    c.on('error', (e) => this.close(`client error: ${e.message}`, 'rst'));
    c.on('close', () => this.close('client closed', 'fin'));

    const u = net.connect({ host: target.host, port: target.port, allowHalfOpen: true });
    u.setNoDelay(true);
    this.upstreamSocket = u;
    u.on('connect', () => {
      this.upstream = u;
      this.up.schedule();
    });
    u.on('data', (d: Buffer) => this.down.push(d));
    u.on('end', () => this.down.end());
    u.on('error', (e) => this.close(`upstream error: ${e.message}`, 'rst'));
    u.on('close', () => this.close('upstream closed', 'fin'));
  }

  private sniff(d: Buffer): void {
    this.sniffBuffer = Buffer.concat([this.sniffBuffer!, d]);
    const r = sniffMqttConnect(this.sniffBuffer);
    if (!r.done) return;
    this.sniffBuffer = undefined;
    if (r.identity) this.identified(r.identity);
  }

  private identified(id: MqttIdentity): void {
    this.info.clientId = id.clientId;
    this.info.username = id.username;
    this.proxy.connectionIdentified(this);
  }

  count(dir: Direction, n: number): void {
    if (dir === 'up') this.info.bytesUp += n;
    else this.info.bytesDown += n;
    this.proxy.countBytes(this, dir, n);
  }

  /** Tears the connection down: 'rst' resets both sockets, 'fin' closes them gracefully. */
  close(reason: string, how: 'rst' | 'fin'): void {
    if (this.closed) return;
    this.closed = true;
    this.info.closedAt = Date.now();
    this.info.closeReason = reason;
    this.up.kill();
    this.down.kill();
    for (const s of [this.client, this.upstreamSocket]) {
      if (!s || s.destroyed) continue;
      if (how === 'rst') s.resetAndDestroy();
      else {
        s.end();
        setTimeout(() => s.destroy(), 1000).unref();
      }
    }
    this.proxy.connectionClosed(this);
  }
}

export class FaultProxy extends EventEmitter {
  private readonly server: net.Server;
  private readonly conns = new Map<number, ProxyConnection>();
  private readonly closedInfos: ConnectionInfo[] = [];
  private readonly rules: Rule[] = [];
  private readonly aggregate: Partial<Record<Direction, TokenBucket>> = {};
  private readonly totals = { opened: 0, refused: 0, up: 0, down: 0 };
  private readonly byClient: ProxyStats['byClient'] = {};
  private nextConnId = 1;
  private nextRuleId = 1;
  private down = false;
  private readonly flaps = new Set<FaultHandle>();
  private listening = false;

  constructor(private readonly opts: FaultProxyOptions) {
    super();
    if (!opts.target || !Number.isInteger(opts.target.port) || opts.target.port <= 0 || opts.target.port > 65535) {
      throw new ToolsError('PROXY_INVALID_OPTIONS', `target port ${String(opts.target?.port)} is not a TCP port`);
    }
    this.server = net.createServer({ allowHalfOpen: true, pauseOnConnect: false }, (socket) => this.accept(socket));
  }

  /** Binds the listener; resolves to the address badges should connect to. */
  async listen(): Promise<{ host: string; port: number }> {
    if (this.listening) throw new ToolsError('PROXY_STATE', 'already listening');
    const host = this.opts.listen?.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.listen?.port ?? 0, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
    return this.address;
  }

  get address(): { host: string; port: number } {
    const a = this.server.address();
    if (!a || typeof a === 'string') throw new ToolsError('PROXY_STATE', 'not listening');
    return { host: a.address, port: a.port };
  }

  /** Stops listening, lifts all faults and resets every open connection. */
  async close(): Promise<void> {
    this.stopFlap();
    for (const c of [...this.conns.values()]) c.close('proxy closed', 'rst');
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    if (this.down) {
      this.totals.refused++;
      socket.on('error', () => undefined);
      socket.resetAndDestroy();
      this.emit('refused');
      return;
    }
    const conn = new ProxyConnection(this, socket, this.nextConnId++, this.opts.identifyMqtt ?? true, this.opts.highWaterBytes ?? 64 * 1024);
    this.conns.set(conn.info.id, conn);
    this.totals.opened++;
    this.applyRules(conn);
    if (conn.closed) return; // blocked
    conn.start(this.opts.target);
    this.emit('connection', { ...conn.info });
  }

  /** @internal */
  connectionIdentified(conn: ProxyConnection): void {
    this.applyRules(conn);
    this.emit('identified', { ...conn.info });
  }

  /** @internal */
  connectionClosed(conn: ProxyConnection): void {
    this.conns.delete(conn.info.id);
    this.closedInfos.push(conn.info);
    const keep = this.opts.closedHistory ?? 10_000;
    if (this.closedInfos.length > keep) this.closedInfos.splice(0, this.closedInfos.length - keep);
    this.emit('close', { ...conn.info });
  }

  /** @internal */
  countBytes(conn: ProxyConnection, dir: Direction, n: number): void {
    const key = conn.clientKey;
    const entry = (this.byClient[key] ??= { connections: 0, bytesUp: 0, bytesDown: 0 });
    if (dir === 'up') {
      this.totals.up += n;
      entry.bytesUp += n;
    } else {
      this.totals.down += n;
      entry.bytesDown += n;
    }
  }

  /** @internal */
  aggregateBucket(dir: Direction): TokenBucket | undefined {
    return this.aggregate[dir];
  }

  stats(): ProxyStats {
    const open = [...this.conns.values()];
    // Count connections per client once they are known (identification may come after open).
    const perClient: Record<string, number> = {};
    for (const info of [...this.closedInfos, ...open.map((c) => c.info)]) {
      const key = info.username ?? info.clientId ?? `conn-${info.id}`;
      perClient[key] = (perClient[key] ?? 0) + 1;
    }
    const byClient: ProxyStats['byClient'] = {};
    for (const [k, v] of Object.entries(this.byClient)) byClient[k] = { ...v, connections: perClient[k] ?? v.connections };
    return {
      connectionsOpened: this.totals.opened,
      connectionsOpen: open.length,
      connectionsRefused: this.totals.refused,
      bytesUp: this.totals.up,
      bytesDown: this.totals.down,
      byClient,
      connections: [...this.closedInfos, ...open.map((c) => c.info)].map((i) => ({ ...i })),
    };
  }

  /** Open connections. */
  connections(): ConnectionInfo[] {
    return [...this.conns.values()].map((c) => ({ ...c.info }));
  }

  private matches(sel: ConnectionSelector, conn: ProxyConnection): boolean {
    if (sel === 'all') return true;
    if (typeof sel === 'number') return conn.info.id === sel;
    return conn.info.clientId === sel.client || conn.info.username === sel.client;
  }

  /** Cuts matching open connections: 'rst' (TCP reset, default) or 'close' (FIN). Returns how many. */
  cut(selector: ConnectionSelector = 'all', mode: 'rst' | 'close' = 'rst'): number {
    let n = 0;
    for (const c of [...this.conns.values()]) {
      if (!this.matches(selector, c)) continue;
      c.close(`cut (${mode})`, mode === 'rst' ? 'rst' : 'fin');
      n++;
    }
    return n;
  }

  /** Stops forwarding (both ways) on matching connections until cleared; data waits, senders are paused. */
  stall(selector: ConnectionSelector = 'all'): FaultHandle {
    return this.addRule({ kind: 'stall', selector });
  }

  /** Limits matching connections to bytesPerSecond each (per direction). */
  throttle(selector: ConnectionSelector, bytesPerSecond: number, opts: ThrottleOptions = {}): FaultHandle {
    if (!(bytesPerSecond > 0)) throw new ToolsError('PROXY_INVALID_OPTIONS', `throttle rate ${bytesPerSecond} must be > 0`);
    return this.addRule({
      kind: 'throttle',
      selector,
      rate: bytesPerSecond,
      burst: opts.burstBytes ?? defaultBurst(bytesPerSecond),
      directions: directionsOf(opts.direction),
    });
  }

  /** Limits all connections together to bytesPerSecond (per direction); null lifts the limit. */
  throttleAggregate(bytesPerSecond: number | null, opts: ThrottleOptions = {}): void {
    for (const d of directionsOf(opts.direction)) {
      if (bytesPerSecond === null) delete this.aggregate[d];
      else {
        if (!(bytesPerSecond > 0)) throw new ToolsError('PROXY_INVALID_OPTIONS', `throttle rate ${bytesPerSecond} must be > 0`);
        this.aggregate[d] = new TokenBucket(bytesPerSecond, opts.burstBytes ?? defaultBurst(bytesPerSecond), now());
      }
    }
    for (const c of this.conns.values()) {
      c.up.schedule();
      c.down.schedule();
    }
  }

  /** Adds fixed latency to every chunk forwarded on matching connections. */
  delay(selector: ConnectionSelector, ms: number): FaultHandle {
    if (!(ms >= 0)) throw new ToolsError('PROXY_INVALID_OPTIONS', `delay ${ms} must be >= 0`);
    return this.addRule({ kind: 'delay', selector, delayMs: ms });
  }

  /** Down: new connections are reset at once and open ones are cut. Up: connections are accepted again. */
  setDown(down: boolean, mode: 'rst' | 'close' = 'rst'): void {
    this.down = down;
    if (down) this.cut('all', mode);
    this.emit(down ? 'down' : 'up');
  }

  get isDown(): boolean {
    return this.down;
  }

  /**
   * Cuts matching connections and resets matching ones that open later (a
   * badge's connection is matched once its CONNECT is read, before anything
   * reaches the broker) until cleared: that badge is offline.
   */
  block(selector: ConnectionSelector): FaultHandle {
    return this.addRule({ kind: 'block', selector });
  }

  /**
   * Cycles down for downMs then up for upMs, `cycles` times (default: until
   * cleared, stopFlap() or clearAll()), starting with the down phase. For
   * 'all' the whole proxy goes down (setDown); for a narrower selector only
   * the matching connections are blocked.
   */
  flap(opts: { upMs: number; downMs: number; cycles?: number; selector?: ConnectionSelector }): FaultHandle {
    if (!(opts.upMs > 0 && opts.downMs > 0)) throw new ToolsError('PROXY_INVALID_OPTIONS', 'flap needs upMs > 0 and downMs > 0');
    const selector = opts.selector ?? 'all';
    let remaining = opts.cycles ?? Infinity;
    let timer: NodeJS.Timeout | undefined;
    let blocked: FaultHandle | undefined;
    const setPhase = (down: boolean) => {
      if (selector === 'all') this.setDown(down);
      else if (down) blocked ??= this.block(selector);
      else {
        blocked?.clear();
        blocked = undefined;
      }
    };
    const handle: FaultHandle = {
      kind: 'flap',
      clear: () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        setPhase(false);
        this.flaps.delete(handle);
      },
    };
    const goDown = () => {
      if (remaining <= 0) return handle.clear();
      remaining--;
      setPhase(true);
      timer = setTimeout(() => {
        setPhase(false);
        timer = setTimeout(goDown, opts.upMs);
      }, opts.downMs);
    };
    this.flaps.add(handle);
    goDown();
    return handle;
  }

  /** Stops every flap and brings the link up. */
  stopFlap(): void {
    for (const f of [...this.flaps]) f.clear();
    if (this.down) this.setDown(false);
  }

  /** Lifts every stall, throttle, delay, aggregate limit and flap. */
  clearAll(): void {
    this.rules.length = 0;
    delete this.aggregate.up;
    delete this.aggregate.down;
    this.stopFlap();
    for (const c of this.conns.values()) this.applyRules(c);
  }

  private addRule(r: Omit<Rule, 'id'>): FaultHandle {
    const rule: Rule = { ...r, id: this.nextRuleId++ };
    this.rules.push(rule);
    for (const c of this.conns.values()) this.applyRules(c);
    return {
      kind: rule.kind,
      clear: () => {
        const i = this.rules.indexOf(rule);
        if (i >= 0) this.rules.splice(i, 1);
        for (const c of this.conns.values()) this.applyRules(c);
      },
    };
  }

  /** Recomputes a connection's effective faults from the rules (strictest wins). */
  private applyRules(conn: ProxyConnection): void {
    const matching = this.rules.filter((r) => this.matches(r.selector, conn));
    if (matching.some((r) => r.kind === 'block')) {
      conn.close('blocked', 'rst');
      return;
    }
    for (const pipe of [conn.up, conn.down]) {
      pipe.stalled = matching.some((r) => r.kind === 'stall');
      pipe.delayMs = Math.max(0, ...matching.filter((r) => r.kind === 'delay').map((r) => r.delayMs ?? 0));
      const throttles = matching.filter((r) => r.kind === 'throttle' && r.directions?.includes(pipe.dir));
      if (throttles.length === 0) pipe.bucket = undefined;
      else {
        const strictest = throttles.reduce((a, b) => ((a.rate ?? Infinity) <= (b.rate ?? Infinity) ? a : b));
        if (!pipe.bucket || pipe.bucket.rate !== strictest.rate || pipe.bucket.capacity !== strictest.burst) {
          pipe.bucket = new TokenBucket(strictest.rate!, strictest.burst!, now());
        }
      }
      pipe.schedule();
    }
  }
}

function directionsOf(d: Direction | 'both' | undefined): Direction[] {
  return d === 'up' ? ['up'] : d === 'down' ? ['down'] : ['up', 'down'];
}

export function createFaultProxy(opts: FaultProxyOptions): FaultProxy {
  return new FaultProxy(opts);
}
