/**
 * Runs a scenario's fault schedule: at each fault's time (scenario time
 * divided by the scenario's speed) it applies the fault, and lifts it after
 * its duration. Network faults go to the FaultProxy; a gateway crash goes to
 * the ProcessSupervisor (kill -9, then restart after the configured time);
 * badge-side faults (reboot, flash full, clock unsynced, duplicated or
 * reordered deliveries) go to handlers the simulator supplies. A fault with
 * nothing to inject it is an error at start(), never silently skipped.
 * Link rates (bytes/s) and latencies are real time, not scaled by speed.
 */
import { EventEmitter } from 'node:events';
import { ToolsError } from '../errors.js';
import { badgesOf } from '../scenario/scenario-file.js';
import type { FaultKind, FaultSpec, NetworkTarget, OfflinePeriod, Scenario } from '../scenario/types.js';
import type { ConnectionSelector, FaultHandle, FaultProxy } from './fault-proxy.js';
import type { ProcessSupervisor } from './process-supervisor.js';

type BadgeFault = Extract<FaultSpec, { badges: unknown }>;

export interface BadgeFaultHandlers {
  /** Called when the fault starts and, for faults with a duration, again when it ends. */
  'badge-reboot'?: (f: Extract<FaultSpec, { kind: 'badge-reboot' }>, badges: string[]) => Promise<void> | void;
  'flash-full'?: (f: Extract<FaultSpec, { kind: 'flash-full' }>, badges: string[], phase: 'start' | 'end') => Promise<void> | void;
  'clock-unsynced'?: (f: Extract<FaultSpec, { kind: 'clock-unsynced' }>, badges: string[], phase: 'start' | 'end') => Promise<void> | void;
  'duplicate-deliveries'?: (f: Extract<FaultSpec, { kind: 'duplicate-deliveries' }>, badges: string[], phase: 'start' | 'end') => Promise<void> | void;
  'reorder-deliveries'?: (f: Extract<FaultSpec, { kind: 'reorder-deliveries' }>, badges: string[], phase: 'start' | 'end') => Promise<void> | void;
  /** The scenario's offline periods; without it they are applied by blocking the badges at the proxy. */
  offline?: (period: OfflinePeriod, badges: string[], phase: 'start' | 'end') => Promise<void> | void;
}

export interface FaultSchedulerOptions {
  proxy?: FaultProxy;
  gateway?: ProcessSupervisor;
  badges?: BadgeFaultHandlers;
}

export interface FaultLogEntry {
  /** Scenario time of the fault, ms. */
  atMs: number;
  /** Wall time since start(), ms. */
  wallMs: number;
  kind: FaultKind | 'offline';
  phase: 'start' | 'end' | 'error';
  detail: string;
}

const NETWORK: readonly FaultKind[] = ['cut', 'stall', 'throttle', 'delay', 'flap', 'network-down'];

export class FaultScheduler extends EventEmitter {
  readonly log: FaultLogEntry[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly active = new Set<() => void>();
  private t0 = 0;
  private started = false;
  /** Settles when the last gateway crash's restart is ready (or failed): crashes hit a running gateway, one at a time. */
  private gatewayRestarted: Promise<void> = Promise.resolve();

  constructor(
    private readonly scenario: Scenario,
    private readonly opts: FaultSchedulerOptions,
  ) {
    super();
  }

  /** Throws FAULT_HANDLER_MISSING if any scheduled fault has nothing to inject it. */
  check(): void {
    const missing = new Set<string>();
    for (const f of this.scenario.faults) {
      if (NETWORK.includes(f.kind)) {
        if (!this.opts.proxy) missing.add(`${f.kind} (needs the fault proxy)`);
      } else if (f.kind === 'gateway-crash') {
        if (!this.opts.gateway) missing.add('gateway-crash (needs the gateway supervisor)');
      } else if (!this.opts.badges?.[f.kind as keyof BadgeFaultHandlers]) missing.add(`${f.kind} (needs a badge handler)`);
    }
    if (this.scenario.offline.length > 0 && !this.opts.proxy && !this.opts.badges?.offline) missing.add('offline periods (need the fault proxy or an offline handler)');
    if (missing.size > 0) throw new ToolsError('FAULT_HANDLER_MISSING', `${this.scenario.name}: ${[...missing].join(', ')}`);
  }

  start(): void {
    if (this.started) throw new ToolsError('FAULT_SCHEDULE_STATE', 'already started');
    this.check();
    this.started = true;
    this.t0 = performance.now();
    for (const f of this.scenario.faults) this.after(f.atMs, () => void this.apply(f));
    for (const o of this.scenario.offline) this.after(o.fromMs, () => void this.applyOffline(o));
  }

  private async applyOffline(o: OfflinePeriod): Promise<void> {
    const badges = badgesOf(this.scenario, o.badges);
    const entry = (phase: FaultLogEntry['phase'], detail: string) => {
      const e: FaultLogEntry = { atMs: o.fromMs, wallMs: performance.now() - this.t0, kind: 'offline', phase, detail };
      this.log.push(e);
      this.emit('fault', e);
    };
    const handler = this.opts.badges?.offline;
    let lift: () => void | Promise<void>;
    try {
      if (handler) {
        await handler(o, badges, 'start');
        lift = () => handler(o, badges, 'end');
      } else {
        const handles = badges.map((b) => this.opts.proxy!.block({ client: b }));
        lift = () => handles.forEach((h) => h.clear());
      }
      entry('start', `offline: ${badges.join(', ')}`);
    } catch (e) {
      return entry('error', (e as Error).message);
    }
    this.liftAt(o.toMs, lift, entry, `online: ${badges.join(', ')}`);
  }

  /** Cancels pending faults and lifts the active ones. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const lift of [...this.active]) lift();
    this.active.clear();
  }

  private after(scenarioMs: number, fn: () => void): void {
    const wallDue = scenarioMs / this.scenario.speed;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, wallDue - (performance.now() - this.t0)));
    this.timers.add(t);
  }

  private record(f: FaultSpec, phase: FaultLogEntry['phase'], detail: string): void {
    const entry: FaultLogEntry = { atMs: f.atMs, wallMs: performance.now() - this.t0, kind: f.kind, phase, detail };
    this.log.push(entry);
    this.emit('fault', entry);
  }

  /** Schedules f's end after durationMs (scenario time). */
  private during(f: FaultSpec, durationMs: number, lift: () => void | Promise<void>, detail: string): void {
    this.liftAt(f.atMs + durationMs, lift, (phase, d) => this.record(f, phase, d), detail);
  }

  /** Runs lift at endAtMs (scenario time), or at stop() if that comes first, and reports how it went. */
  private liftAt(endAtMs: number, lift: () => void | Promise<void>, report: (phase: 'end' | 'error', detail: string) => void, detail: string): void {
    let lifted = false;
    const end = () => {
      if (lifted) return;
      lifted = true;
      this.active.delete(end);
      Promise.resolve()
        .then(lift)
        .then(
          () => report('end', detail),
          (e: unknown) => report('error', `ending: ${(e as Error).message}`),
        );
    };
    this.active.add(end);
    this.after(endAtMs, end);
  }

  private async apply(f: FaultSpec): Promise<void> {
    try {
      const proxy = this.opts.proxy;
      const sel = (t: NetworkTarget): ConnectionSelector => (t === 'all' ? 'all' : { client: t.badge });
      const who = (t: NetworkTarget) => (t === 'all' ? 'all badges' : t.badge);
      switch (f.kind) {
        case 'cut': {
          const n = proxy!.cut(sel(f.target), f.mode);
          this.record(f, 'start', `${f.mode} ${n} connection(s) of ${who(f.target)}`);
          return;
        }
        case 'stall': {
          const h = proxy!.stall(sel(f.target));
          this.record(f, 'start', `stall ${who(f.target)}`);
          return this.during(f, f.durationMs, () => h.clear(), `stall ${who(f.target)} lifted`);
        }
        case 'throttle': {
          let h: FaultHandle | undefined;
          if (f.scope === 'aggregate') proxy!.throttleAggregate(f.bytesPerSecond);
          else h = proxy!.throttle(sel(f.target), f.bytesPerSecond);
          this.record(f, 'start', `${f.bytesPerSecond} B/s ${f.scope} on ${who(f.target)}`);
          return this.during(f, f.durationMs, () => (h ? h.clear() : proxy!.throttleAggregate(null)), 'throttle lifted');
        }
        case 'delay': {
          const h = proxy!.delay(sel(f.target), f.latencyMs);
          this.record(f, 'start', `${f.latencyMs} ms latency on ${who(f.target)}`);
          return this.during(f, f.durationMs, () => h.clear(), 'latency lifted');
        }
        case 'flap': {
          const h = proxy!.flap({ upMs: f.upMs / this.scenario.speed, downMs: f.downMs / this.scenario.speed, selector: sel(f.target) });
          this.record(f, 'start', `flapping ${who(f.target)}: ${f.downMs} ms down / ${f.upMs} ms up`);
          return this.during(f, f.durationMs, () => h.clear(), 'flapping stopped');
        }
        case 'network-down': {
          if (f.target === 'all') {
            proxy!.setDown(true);
            this.record(f, 'start', 'network down');
            return this.during(f, f.durationMs, () => proxy!.setDown(false), 'network up');
          }
          const h = proxy!.block(sel(f.target));
          this.record(f, 'start', `network down for ${who(f.target)}`);
          return this.during(f, f.durationMs, () => h.clear(), `network up for ${who(f.target)}`);
        }
        case 'gateway-crash': {
          // The fault is a running gateway killed. A crash due while the previous crash's restart is still starting
          // (at 20x scenario speed a loaded machine's tsx start-up spans minutes of scenario time) waits for it.
          const previous = this.gatewayRestarted;
          let restarted = (): void => undefined;
          this.gatewayRestarted = new Promise<void>((r) => (restarted = r));
          try {
            await previous;
            const gw = this.opts.gateway!;
            const killed = await gw.kill9();
            this.record(f, 'start', `kill -9 gateway pid ${killed?.pid ?? '(not running)'}`);
            await new Promise((r) => setTimeout(r, f.restartAfterMs / this.scenario.speed));
            const { pid, readyMs } = await gw.start();
            this.record(f, 'end', `gateway restarted as pid ${pid}, ready in ${readyMs.toFixed(0)} ms`);
          } finally {
            restarted();
          }
          return;
        }
        default:
          return await this.applyBadgeFault(f);
      }
    } catch (e) {
      this.record(f, 'error', (e as Error).message);
    }
  }

  private async applyBadgeFault(f: BadgeFault): Promise<void> {
    const h = this.opts.badges!;
    const badges = badgesOf(this.scenario, f.badges);
    const detail = `${f.kind} on ${badges.join(', ')}`;
    switch (f.kind) {
      case 'badge-reboot':
        await h['badge-reboot']!(f, badges);
        return this.record(f, 'start', `${detail}${f.powerCut ? ' (power cut)' : ''}${f.midFlashWrite ? ' mid flash write' : ''}`);
      case 'flash-full': {
        const handler = h['flash-full']!;
        await handler(f, badges, 'start');
        this.record(f, 'start', `${detail}, ${f.freeBytes} bytes left`);
        if (f.durationMs !== null) this.during(f, f.durationMs, () => handler(f, badges, 'end'), `${detail}: the other data is erased`);
        return;
      }
      case 'clock-unsynced': {
        const handler = h['clock-unsynced']!;
        await handler(f, badges, 'start');
        this.record(f, 'start', detail);
        return this.during(f, f.durationMs, () => handler(f, badges, 'end'), `${detail} ended`);
      }
      case 'duplicate-deliveries': {
        const handler = h['duplicate-deliveries']!;
        await handler(f, badges, 'start');
        this.record(f, 'start', `${detail}, p=${f.probability}`);
        return this.during(f, f.durationMs, () => handler(f, badges, 'end'), `${detail} ended`);
      }
      case 'reorder-deliveries': {
        const handler = h['reorder-deliveries']!;
        await handler(f, badges, 'start');
        this.record(f, 'start', `${detail}, window ${f.window}`);
        return this.during(f, f.durationMs, () => handler(f, badges, 'end'), `${detail} ended`);
      }
    }
  }
}
