/**
 * The badge simulator: N SimulatedBadges (real firmware core on the Node
 * platform, real credentials, real mqtt.js) against a real gateway, each fed
 * its scenario audio (espeak-ng speech encoded with libopus, laid out on the
 * scenario clock by buildBadgeShiftAudio) at the scenario's speed, with the
 * scenario's faults and offline periods injected. Sessions follow the
 * planned conversations: on a `button` badge the wearer presses the button at
 * the start of each conversation and again at its end (the firmware's default
 * manual mode); `voice` and `scheduled` badges get their recording mode as a
 * config profile through the gateway's fleet and start and stop sessions on
 * voice activity themselves.
 */
import { EventEmitter } from 'node:events';
import { FLASH_RESERVE_BYTES } from '@parley/firmware';
import type { ConfigSettings } from '@parley/gateway';
import type { FaultProxy } from '../faults/fault-proxy.js';
import { FaultScheduler } from '../faults/fault-schedule.js';
import type { BadgeFaultHandlers } from '../faults/fault-schedule.js';
import type { ProcessSupervisor } from '../faults/process-supervisor.js';
import { buildBadgeShiftAudio } from '../opus/badge-shift-audio.js';
import type { BadgeShiftAudio } from '../opus/badge-shift-audio.js';
import { OpusFrameSource } from '../opus/frame-source.js';
import { planConversations, resolveDialogues } from '../scenario/conversation-plan.js';
import type { BadgeSpec, Scenario } from '../scenario/types.js';
import { SimulatorError } from './errors.js';
import { SimulatedBadge } from './simulated-badge.js';
import type { BadgeStatus } from './simulated-badge.js';

/** Where the badges connect and how they get their credentials. */
export interface SimulatorGateway {
  /** Broker URL the badges use (the fault proxy's, when there is one). */
  mqttUrl: string;
  /** Provisions a device and returns its secret (the gateway's registry or admin API). */
  provision(deviceId: string, staffId: string): Promise<string>;
  /**
   * Sets the device's config profile in the gateway's fleet (what an operator
   * does for voice-activated or scheduled badges); the gateway sends it to the
   * badge when it connects.
   */
  configure(deviceId: string, settings: ConfigSettings): Promise<void>;
}

/** proto/badge.proto RecordingMode. */
const RECORDING_MODE = { button: 0, voice: 1, scheduled: 2 } as const;
const ALL_WEEKDAYS = 0x7f;

/**
 * A badge's config for its scenario recording mode. The firmware's timers run
 * on the wall clock while audio plays `speed` times faster, so the silence
 * split is scaled to wall seconds (at least 1), and working hours in scenario
 * time become wall-clock windows from `startUnixMs` (the scenario's start),
 * rounded outwards to whole minutes (the firmware's schedule resolution).
 */
export function badgeModeConfig(spec: BadgeSpec, speed: number, startUnixMs: number): ConfigSettings {
  const policy = spec.uploadPolicy.mode === 'live' ? 0 : spec.uploadPolicy.mode === 'batched' ? 1 : 2;
  const settings: ConfigSettings = {
    recordingMode: RECORDING_MODE[spec.recordingMode],
    silenceSplitS: Math.max(1, Math.round(spec.silenceSplitMs / speed / 1000)),
    uploadPolicy: policy,
    utcOffsetMin: 0,
  };
  if (spec.recordingMode === 'scheduled' && spec.workingHours.length > 0) {
    const DAY_MIN = 1440;
    settings.workingHours = spec.workingHours.map((w) => {
      const from = Math.floor((startUnixMs + w.fromMs / speed) / 60_000);
      const to = Math.ceil((startUnixMs + w.toMs / speed) / 60_000);
      if (to - from >= DAY_MIN) return { weekdays: ALL_WEEKDAYS, startMinute: 0, endMinute: DAY_MIN };
      return { weekdays: ALL_WEEKDAYS, startMinute: from % DAY_MIN, endMinute: to % DAY_MIN };
    });
  }
  return settings;
}

export interface SimulatorOptions {
  scenario: Scenario;
  corpusDir: string;
  gateway: SimulatorGateway;
  /** Needed by scenarios with network faults (the badges must connect through it). */
  proxy?: FaultProxy;
  /** Needed by scenarios with gateway crashes. */
  supervisor?: ProcessSupervisor;
  /** Overrides the scenario's speed (simulated time ÷ wall time). */
  speed?: number;
  /** Flash per badge when the scenario does not say (default 64 MiB: an 8-hour backlog at 16 kbps fits). */
  flashBytes?: number;
  segmentBytes?: number;
  cacheDir?: string | false;
  /** How long the badges get to upload everything after the last frame (default 120 s). */
  drainTimeoutMs?: number;
  /** Firmware log lines. */
  log?: (deviceId: string, level: string, message: string) => void;
}

export interface SimulatorSummary {
  /** Scenario ms simulated so far (the slowest badge). */
  scenarioMs: number;
  badges: number;
  online: number;
  recording: number;
  /** Minutes of audio the badges captured. */
  minutesCaptured: number;
  /** Chunks in the badges' flash not yet acknowledged. */
  backlogChunks: number;
  /** Badge sessions fully acknowledged by the gateway and erased from flash. */
  sessionsAcked: number;
  /** Badge sessions still in flash (recording or not yet fully acknowledged). */
  sessionsInFlash: number;
  droppedFrames: number;
}

export interface SimulatorResult {
  scenario: string;
  badges: SimulatedBadge[];
  audio: Map<string, BadgeShiftAudio>;
  wallMs: number;
  faultLog: FaultScheduler['log'];
}

/** Events: `summary` (SimulatorSummary, every `summaryIntervalMs`), `fault` (a fault log entry). */
export class Simulator extends EventEmitter {
  readonly scenario: Scenario;
  readonly badges = new Map<string, SimulatedBadge>();
  private readonly audio = new Map<string, BadgeShiftAudio>();
  private readonly sources = new Map<string, OpusFrameSource>();
  private readonly opts: SimulatorOptions;
  private readonly speed: number;
  private prepared = false;
  private running = false;

  constructor(opts: SimulatorOptions) {
    super();
    this.opts = opts;
    this.scenario = opts.scenario;
    this.speed = opts.speed ?? opts.scenario.speed;
    if (!(this.speed > 0)) throw new SimulatorError('SIM_INVALID_OPTIONS', `speed ${this.speed} must be > 0`);
  }

  /** Synthesises and encodes every badge's audio (cached on disk) and provisions every badge. */
  async prepare(): Promise<void> {
    if (this.prepared) throw new SimulatorError('SIM_STATE', 'prepare() called twice');
    const sc = this.scenario;
    const pool = await resolveDialogues(sc, this.opts.corpusDir);
    const plan = planConversations(sc, pool);
    for (const spec of sc.badges) {
      this.audio.set(spec.id, await buildBadgeShiftAudio(sc, spec.id, plan.get(spec.id) ?? [], pool, { cacheDir: this.opts.cacheDir }));
    }
    let n = 0;
    for (const spec of sc.badges) {
      const secret = await this.opts.gateway.provision(spec.id, spec.staff);
      this.badges.set(spec.id, this.createBadge(spec, secret, ++n));
    }
    this.prepared = true;
  }

  private createBadge(spec: BadgeSpec, secret: string, seed: number): SimulatedBadge {
    const spoolBytes = spec.flashBytes;
    const flashBytes = spoolBytes !== undefined ? spoolBytes + FLASH_RESERVE_BYTES : (this.opts.flashBytes ?? 64 * 1024 * 1024);
    const policy = spec.uploadPolicy.mode === 'live' ? 'live' : spec.uploadPolicy.mode === 'batched' ? 'batched' : 'charger';
    return new SimulatedBadge({
      deviceId: spec.id,
      secret,
      staffId: spec.staff,
      mqttUrl: this.opts.gateway.mqttUrl,
      flashBytes,
      spoolBytes,
      segmentBytes: this.opts.segmentBytes ?? 16 * 1024,
      uploadPolicy: policy,
      recordingMode: spec.recordingMode,
      seed,
      log: this.opts.log,
    });
  }

  /** Every badge's status now. */
  statuses(): BadgeStatus[] {
    return [...this.badges.values()].map((b) => b.status());
  }

  summary(): SimulatorSummary {
    const st = this.statuses();
    const frameMs = this.scenario.opus.frameMs;
    let slowest = Infinity;
    for (const s of this.sources.values()) slowest = Math.min(slowest, s.framesEmitted * frameMs);
    const captured = st.reduce((n, s) => n + s.framesCaptured, 0);
    return {
      scenarioMs: Number.isFinite(slowest) ? slowest : 0,
      badges: st.length,
      online: st.filter((s) => s.online).length,
      recording: st.filter((s) => s.recording).length,
      minutesCaptured: (captured * frameMs) / 60_000,
      backlogChunks: st.reduce((n, s) => n + Math.max(0, s.unackedChunks), 0),
      sessionsAcked: st.reduce((n, s) => n + s.sessionsStarted, 0) - st.reduce((n, s) => n + Math.max(0, s.sessionsInFlash), 0),
      sessionsInFlash: st.reduce((n, s) => n + Math.max(0, s.sessionsInFlash), 0),
      droppedFrames: st.reduce((n, s) => n + s.droppedFrames, 0),
    };
  }

  /**
   * Boots the badges, plays the scenario at its speed with its faults, then
   * lets every badge upload its backlog (on the charger: the end of the shift)
   * and waits until every badge's flash is empty of sessions.
   */
  async run(opts: { summaryIntervalMs?: number; signal?: AbortSignal } = {}): Promise<SimulatorResult> {
    if (!this.prepared) throw new SimulatorError('SIM_STATE', 'run() before prepare()');
    if (this.running) throw new SimulatorError('SIM_STATE', 'run() called twice');
    this.running = true;
    const t0 = performance.now();
    const startUnixMs = Date.now();
    for (const spec of this.scenario.badges) {
      if (spec.recordingMode !== 'button') await this.opts.gateway.configure(spec.id, badgeModeConfig(spec, this.speed, startUnixMs));
    }
    const scheduler = new FaultScheduler(this.scenario, { proxy: this.opts.proxy, gateway: this.opts.supervisor, badges: this.faultHandlers() });
    scheduler.on('fault', (e) => this.emit('fault', e));
    const ticker = setInterval(() => this.emit('summary', this.summary()), opts.summaryIntervalMs ?? 1000);
    try {
      for (const b of this.badges.values()) b.boot();
      scheduler.start();
      await Promise.all([...this.badges.values()].map((b) => this.play(b, opts.signal)));
      scheduler.stop();
      for (const b of this.badges.values()) {
        b.freeFlash();
        b.setNetwork(true);
        if (!b.isOn()) b.boot();
        b.drainNow();
      }
      await this.waitDrained(this.opts.drainTimeoutMs ?? 120_000, opts.signal);
    } finally {
      scheduler.stop();
      clearInterval(ticker);
      this.emit('summary', this.summary());
    }
    return { scenario: this.scenario.name, badges: [...this.badges.values()], audio: this.audio, wallMs: performance.now() - t0, faultLog: scheduler.log };
  }

  /** Powers every badge off (orderly). */
  shutdown(): void {
    for (const b of this.badges.values()) b.shutdown();
  }

  private async play(badge: SimulatedBadge, signal?: AbortSignal): Promise<void> {
    const audio = this.audio.get(badge.deviceId);
    if (!audio) return;
    // Button badges: the wearer presses at each conversation's start and end.
    // Voice-activated and scheduled badges start and stop on their own.
    const pressed = badge.recordingMode === 'button';
    const starts = new Set(pressed ? audio.placed.map((p) => p.firstFrame) : []);
    const ends = new Set(pressed ? audio.placed.map((p) => p.firstFrame + p.frameCount) : []);
    const source = new OpusFrameSource(audio.playlist, { pace: { speed: this.speed } });
    this.sources.set(badge.deviceId, source);
    await source.run((f) => {
      if (ends.has(f.index)) badge.stopConversation();
      if (starts.has(f.index)) badge.startConversation();
      badge.pushFrame(f.data, f.vad);
    }, signal);
    // End of the shift: a voice-started session still open is closed by hand.
    badge.stopConversation();
  }

  private async waitDrained(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const st = this.statuses();
      if (st.every((s) => s.sessionsInFlash === 0)) return;
      if (signal?.aborted) throw new SimulatorError('SIM_STATE', 'aborted while draining');
      if (Date.now() > end) {
        const left = st.filter((s) => s.sessionsInFlash !== 0).map((s) => `${s.deviceId}: ${s.sessionsInFlash} sessions, ${s.unackedChunks} chunks`);
        throw new SimulatorError('SIM_DRAIN_TIMEOUT', left.join('; '));
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private badgeList(ids: string[]): SimulatedBadge[] {
    return ids.map((id) => this.badges.get(id)).filter((b): b is SimulatedBadge => b !== undefined);
  }

  /**
   * The badge-side faults. `clock-unsynced` keeps the badges off the network
   * for the duration, so no HelloReply brings the gateway's time: they record
   * with an unsynced clock and correct their sessions at sync.
   */
  private faultHandlers(): BadgeFaultHandlers {
    return {
      'badge-reboot': (f, ids) => {
        for (const b of this.badgeList(ids)) {
          if (f.powerCut) b.cutPower(f.midFlashWrite);
          else {
            b.shutdown();
            b.boot();
          }
        }
      },
      'flash-full': (f, ids, phase) => {
        for (const b of this.badgeList(ids)) {
          if (phase === 'start') b.fillFlash(f.freeBytes);
          else b.freeFlash();
        }
      },
      'clock-unsynced': (_f, ids, phase) => {
        for (const b of this.badgeList(ids)) b.setNetwork(phase === 'end');
      },
      'duplicate-deliveries': (f, ids, phase) => {
        for (const b of this.badgeList(ids)) b.delivery.duplicateProbability = phase === 'start' ? f.probability : 0;
      },
      'reorder-deliveries': (f, ids, phase) => {
        for (const b of this.badgeList(ids)) b.delivery.reorderWindow = phase === 'start' ? f.window : 0;
      },
      offline: (_o, ids, phase) => {
        for (const b of this.badgeList(ids)) b.setNetwork(phase === 'end');
      },
    };
  }
}
