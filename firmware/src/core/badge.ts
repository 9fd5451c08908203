import type { AudioParams } from '../hal/audio.js';
import type { TimerId } from '../hal/clock.js';
import { HapticCue, LedPattern } from '../hal/indicators.js';
import type { Identity, Platform } from '../hal/platform.js';
import { ButtonGestures } from './button-gestures.js';
import { ClockSync } from './clock-sync.js';
import type { ProtocolCodec } from './codec.js';
import { finishCommand, handleCommand } from './commands.js';
import type { CommandHost, CommandLog } from './commands.js';
import type { EffectiveConfig } from './config.js';
import { ConfigStore, DEFAULTS, effectiveConfig } from './config.js';
import { DeviceStore } from './device-store.js';
import { FirmwareError, errorCode } from './errors.js';
import { EventQueue } from './event-queue.js';
import type { Command, Config, DeviceStateValue, DownKind, DownMessages, Event, FirmwareChunk, Hello, HelloReply } from './messages.js';
import { ButtonAction, CommandStatus, DeviceState, EndReason, EventKind, RecordingMode, StartTrigger, UploadPolicy } from './messages.js';
import { Ota } from './ota.js';
import { Recorder } from './recorder.js';
import { inWorkingHours } from './schedule.js';
import { Spool } from './spool.js';
import type { SpoolSession } from './spool.js';
import { BOOKMARK_CUE, LOCATE_MS, REFUSED_CUE, STATE_DISPLAY } from './status-display.js';
import { StorageAlarms } from './storage-alarms.js';
import type { UploaderTuning } from './uploader.js';
import { DEFAULT_TUNING, Uploader } from './uploader.js';

export interface BadgeOptions {
  /** Bytes of flash for the audio spool. */
  spoolBytes: number;
  /** Flash segment size of the spool. */
  segmentBytes: number;
  /** Rows of the spool's session table (its RAM index is sized by it): sessions beyond are parked in flash. Default DEFAULT_MAX_SESSIONS (12). */
  spoolMaxSessions?: number;
  /** Sessions parked in flash beyond the table at most; a new one beyond both is refused as storage full. Default DEFAULT_MAX_PARKED (148). */
  spoolMaxParked?: number;
  /** Policy used until the gateway sends a config (the power model's recommendation). */
  defaultUploadPolicy: number;
  tuning: UploaderTuning;
  /** Battery percent at or below which recording stops; it resumes above `lowBatteryPercent + 5`. */
  lowBatteryPercent: number;
}

export const DEFAULT_BADGE_OPTIONS: BadgeOptions = {
  spoolBytes: 0,
  segmentBytes: 65536,
  defaultUploadPolicy: DEFAULTS.uploadPolicy,
  tuning: DEFAULT_TUNING,
  lowBatteryPercent: 5,
};

const HOUSEKEEPING_MS = 5000;

/**
 * The badge: the state machine that ties button, audio, spool, uploader,
 * telemetry, commands, config, clock and firmware update together.
 */
export class Badge implements CommandHost {
  readonly platform: Platform;
  readonly identity: Identity;
  readonly codec: ProtocolCodec;
  readonly spool: Spool;
  readonly recorder: Recorder;
  readonly uploader: Uploader;
  readonly clock: ClockSync;
  readonly config: ConfigStore;
  readonly store: DeviceStore;
  readonly ota: Ota;
  readonly events: EventQueue;
  /** Answers of the last commands, for redeliveries (CommandHost). */
  readonly commandLog: CommandLog = [];
  private readonly gestures: ButtonGestures;
  private readonly alarms = new StorageAlarms();
  private readonly opts: BadgeOptions;
  private cfg: EffectiveConfig;
  private shown: DeviceStateValue = DeviceState.IDLE;
  private displayed = false;
  private storageFull = false;
  private lowBattery = false;
  private lastVoiceMs = 0;
  private lastError = 0;
  private maxTimer: TimerId | null = null;
  private telemetryTimer: TimerId | null = null;
  private houseTimer: TimerId | null = null;
  private locateTimer: TimerId | null = null;
  private running = false;

  constructor(platform: Platform, identity: Identity, codec: ProtocolCodec, opts: BadgeOptions) {
    this.platform = platform;
    this.identity = identity;
    this.codec = codec;
    this.opts = opts;
    const p = platform;
    this.clock = new ClockSync(p.clock);
    this.store = new DeviceStore(p.flash);
    this.config = new ConfigStore(p.flash, codec);
    this.events = new EventQueue(32);
    this.cfg = effectiveConfig({}, identity.staffId, opts.defaultUploadPolicy);
    this.spool = new Spool(p.flash, {
      capacityBytes: opts.spoolBytes,
      segmentBytes: opts.segmentBytes,
      prefix: 'sp',
      crc32: (d, c) => codec.crc32(d, c),
      maxSessions: opts.spoolMaxSessions,
      maxParked: opts.spoolMaxParked,
    });
    this.recorder = new Recorder(
      {
        spool: this.spool,
        codec: codec,
        clock: this.clock,
        audio: p.audio,
        system: p.system,
        host: this,
      },
      { params: this.audioParams(), chunkDurationMs: this.cfg.chunkDurationMs },
    );
    this.uploader = new Uploader({
      deviceId: identity.deviceId,
      mqtt: p.mqtt,
      wifi: p.wifi,
      clock: p.clock,
      system: p.system,
      log: p.log,
      codec: codec,
      spool: this.spool,
      tuning: opts.tuning,
      host: this,
    });
    this.ota = new Ota({
      flash: p.flash,
      clock: p.clock,
      system: p.system,
      request: (req) => this.uploader.publish('firmware-request', req),
      result: (id, status, detail, progress) => {
        if (status === 'progress') this.commandResult(id, CommandStatus.IN_PROGRESS, detail, progress);
        else finishCommand(this, id, status === 'staged' ? CommandStatus.OK : CommandStatus.FAILED, detail, progress);
      },
      event: (detail, code) => this.event({ kind: EventKind.FIRMWARE, detail: detail, errorCode: code }),
    });
    this.gestures = new ButtonGestures(p.clock, this);
  }

  /** Starts the badge: stores, spool recovery, timers, uploader. */
  boot(): void {
    const p = this.platform;
    this.store.load();
    this.store.state.bootCount++;
    this.store.save();
    const cfgError = this.config.load();
    if (cfgError) this.error('CONFIG_INVALID', cfgError);
    this.cfg = effectiveConfig(this.config.get(), this.identity.staffId, this.opts.defaultUploadPolicy);
    const report = this.spool.open();
    if (report.tornSegments > 0) this.log('warn', 'spool: dropped torn records in ' + report.tornSegments + ' segment(s)');
    const closed = this.recorder.closeInterrupted();
    this.running = true;
    this.event({ kind: EventKind.BOOT, value: this.store.state.bootCount, detail: 'sessions closed at boot: ' + closed });
    const rollback = this.ota.takeRollback();
    if (rollback) this.event({ kind: EventKind.FIRMWARE, detail: 'rolled back: ' + rollback, errorCode: new FirmwareError('OTA_ROLLBACK', '').code });
    this.ota.armConfirmTimer(this.cfg.otaConfirmTimeoutMin);
    p.audio.setHandlers(this);
    p.button.watch((pressed, t) => this.gestures.edge(pressed, t));
    this.applyConfig();
    this.houseTimer = p.clock.setInterval(() => this.housekeeping(), HOUSEKEEPING_MS);
    this.housekeeping();
    this.uploader.start();
    if (this.cfg.uploadPolicy === UploadPolicy.BATCHED) this.uploader.openBatch();
    this.refreshState();
  }

  /** Orderly stop (power off): closes the session, stops timers and the uploader. */
  shutdown(): void {
    this.stopSession(EndReason.SHUTDOWN);
    this.halt();
  }

  /** Stops every timer without writing anything (a power cut, in the simulator). */
  halt(): void {
    const c = this.platform.clock;
    this.running = false;
    for (const t of [this.telemetryTimer, this.houseTimer]) if (t !== null) c.clearInterval(t);
    for (const t of [this.maxTimer, this.locateTimer]) if (t !== null) c.clearTimeout(t);
    this.telemetryTimer = this.houseTimer = this.maxTimer = this.locateTimer = null;
    this.platform.button.unwatch();
    this.platform.audio.stop();
    this.platform.audio.listen(false);
    this.platform.indicators.setRecording(false);
    this.ota.stop();
    this.uploader.stop();
  }

  deviceState(): DeviceStateValue {
    const st = this.store.state;
    if (st.locked) return DeviceState.LOCKED;
    if (st.muted) return DeviceState.MUTED;
    if (this.recorder.isRecording()) return DeviceState.RECORDING;
    if (this.storageFull) return DeviceState.STORAGE_FULL;
    if (this.lowBattery) return DeviceState.LOW_BATTERY;
    return DeviceState.IDLE;
  }

  effectiveConfig(): EffectiveConfig {
    return this.cfg;
  }

  // ------------------------------------------------------------- sessions

  /** Starts a session; returns why not, or null. */
  startSession(trigger: number): string | null {
    if (this.recorder.isRecording()) return null;
    const why = this.refusal(trigger);
    if (why) return why;
    try {
      this.recorder.start(trigger);
    } catch (err) {
      if (err instanceof FirmwareError && err.errorName === 'FLASH_FULL') {
        this.spoolFull();
        return 'storage full';
      }
      throw err;
    }
    this.platform.indicators.setRecording(this.platform.audio.isCapturing());
    this.platform.audio.listen(false);
    this.lastVoiceMs = this.platform.clock.monotonicMs();
    this.maxTimer = this.platform.clock.setTimeout(() => this.maxLength(), this.cfg.maxSessionS * 1000);
    this.refreshState();
    return null;
  }

  stopSession(reason: number): string | null {
    if (!this.recorder.isRecording()) return 'not recording';
    if (this.maxTimer !== null) this.platform.clock.clearTimeout(this.maxTimer);
    this.maxTimer = null;
    this.recorder.stop(reason);
    this.platform.indicators.setRecording(this.platform.audio.isCapturing());
    this.uploader.kick();
    this.refreshState();
    return null;
  }

  private refusal(trigger: number): string | null {
    const st = this.deviceState();
    if (st === DeviceState.LOCKED) return 'locked';
    if (st === DeviceState.MUTED) return 'muted';
    if (st === DeviceState.STORAGE_FULL) return 'storage full';
    if (st === DeviceState.LOW_BATTERY) return 'battery low';
    if (this.cfg.recordingMode === RecordingMode.SCHEDULED && trigger !== StartTrigger.COMMAND && !this.inHours()) return 'outside working hours';
    return null;
  }

  private maxLength(): void {
    this.maxTimer = null;
    this.stopSession(EndReason.MAX_LENGTH);
    const voiceMode = this.cfg.recordingMode !== RecordingMode.MANUAL;
    const voiceRecent = this.platform.clock.monotonicMs() - this.lastVoiceMs < this.cfg.silenceSplitS * 1000;
    if (!voiceMode || voiceRecent) this.startSession(StartTrigger.SPLIT);
  }

  /** AudioHandlers: a frame from the co-processor (the Badge is the audio source's handler: no closures to hold). */
  frame(frame: Uint8Array, voice: boolean): void {
    if (!this.running) return;
    const now = this.platform.clock.monotonicMs();
    if (voice) this.lastVoiceMs = now;
    this.recorder.frame(frame);
    if (this.cfg.recordingMode !== RecordingMode.MANUAL && this.recorder.isRecording() && now - this.lastVoiceMs >= this.cfg.silenceSplitS * 1000) {
      this.stopSession(EndReason.SILENCE);
    }
  }

  /** AudioHandlers: frames lost before the next one. */
  lost(count: number): void {
    if (!this.running) return;
    this.recorder.lost(count);
  }

  /** AudioHandlers: voice activity while not capturing. */
  voice(active: boolean): void {
    if (!this.running || !active || this.cfg.recordingMode === RecordingMode.MANUAL) return;
    const trigger = this.cfg.recordingMode === RecordingMode.SCHEDULED ? StartTrigger.SCHEDULE : StartTrigger.VOICE;
    this.startSession(trigger);
  }

  // The recorder's host (RecorderHost): called by the recorder only.

  /** RecorderHost: the boot counter a SessionStart carries. */
  sessionBootCount(): number {
    return this.store.state.bootCount;
  }

  /** RecorderHost: the staff id a SessionStart carries. */
  sessionStaffId(): string {
    return this.cfg.staffId;
  }

  /** RecorderHost: a chunk was written. */
  chunkWritten(): void {
    this.checkAlarms();
    this.uploader.kick();
  }

  /** RecorderHost: a chunk did not fit the spool. */
  spoolFull(): void {
    this.storageFull = true;
    this.stopSession(EndReason.STORAGE_FULL);
    this.error('FLASH_FULL', 'spool full, ' + this.recorder.droppedSinceBoot + ' frames dropped since boot');
    // Get the backlog out as soon as the policy allows.
    if (this.cfg.uploadPolicy === UploadPolicy.BATCHED) this.uploader.openBatch();
    this.refreshState();
  }

  // ---------------------------------------------------------------- button

  /** GestureHost: a gesture of the button. */
  buttonAction(action: number): void {
    this.event({ kind: EventKind.BUTTON, button: action });
    const st = this.deviceState();
    if (st === DeviceState.LOCKED) {
      this.cue(REFUSED_CUE);
      return;
    }
    if (action === ButtonAction.LONG) {
      this.setMuted(!this.store.state.muted);
      return;
    }
    if (action === ButtonAction.DOUBLE) {
      const s = this.recorder.current();
      this.event({ kind: EventKind.BOOKMARK, sessionId: s ? s.id : undefined, frameIndex: s ? this.recorder.currentFrame() : 0 });
      this.cue(BOOKMARK_CUE);
      return;
    }
    if (this.recorder.isRecording()) this.stopSession(EndReason.BUTTON);
    else if (this.startSession(StartTrigger.BUTTON)) this.cue(REFUSED_CUE);
  }

  setMuted(on: boolean): string | null {
    if (this.store.state.locked) return 'locked';
    if (on === this.store.state.muted) return null;
    if (on) this.stopSession(EndReason.MUTE);
    this.store.state.muted = on;
    this.store.save();
    this.refreshState();
    return null;
  }

  setLocked(on: boolean): void {
    if (on === this.store.state.locked) return;
    if (on) this.stopSession(EndReason.COMMAND);
    this.store.state.locked = on;
    this.store.save();
    this.refreshState();
  }

  /** CommandHost: LOCATE (fast blink and a triple buzz for LOCATE_MS). */
  locate(): void {
    const ind = this.platform.indicators;
    ind.setStatus(LedPattern.FAST_BLINK, 100);
    ind.buzz(HapticCue.TRIPLE, 100);
    if (this.locateTimer !== null) this.platform.clock.clearTimeout(this.locateTimer);
    this.locateTimer = this.platform.clock.setTimeout(() => {
      this.locateTimer = null;
      this.displayed = false;
      this.refreshState();
    }, LOCATE_MS);
  }

  /** CommandHost: REBOOT, once its result is out. */
  rebootSoon(): void {
    this.platform.clock.setTimeout(() => {
      this.shutdown();
      this.platform.system.reboot();
    }, 500);
  }

  /** CommandHost: WIPE_ALL. */
  wipeAll(): string {
    this.stopSession(EndReason.COMMAND);
    const sessions = this.spool.sessionCount();
    this.spool.wipeAll();
    // The rows the uploader had in flight or owed now serve no session (or new ones).
    this.uploader.forgetSessions();
    this.storageFull = false;
    this.refreshState();
    return 'erased ' + sessions + ' sessions';
  }

  // ---------------------------------------------------------------- network

  // The uploader's host (UploaderHost): called by the uploader only.

  /** UploaderHost: the Hello, less the backlog. */
  hello(): Hello {
    return {
      deviceId: this.identity.deviceId,
      firmwareVersion: this.identity.firmwareVersion,
      hardwareRevision: this.identity.hardwareRevision,
      bootCount: this.store.state.bootCount,
      uptimeS: Math.floor(this.platform.clock.monotonicMs() / 1000),
      clockState: this.clock.state(),
      configVersion: this.config.version(),
      backlog: [],
      flashUsedBytes: this.spool.usedBytes(),
      flashFreeBytes: this.spool.freeBytes(),
      deviceTimeMs: this.clock.now(),
      firmwareSlot: this.platform.system.runningSlot(),
      firmwarePendingConfirm: this.ota.pendingConfirm(),
    };
  }

  /** UploaderHost: the gateway's HelloReply. */
  helloReply(r: HelloReply, rttMs: number): void {
    if (r.serverTimeMs) {
      const first = !this.clock.isSynced();
      const correction = this.clock.sync(r.serverTimeMs, rttMs);
      if (first || Math.abs(correction) > 1000) this.event({ kind: EventKind.CLOCK_SYNCED, value: correction });
      if (first) this.recorder.clockSynced();
    }
    this.setLocked(r.locked === true);
    this.ota.confirm();
    this.checkAlarms();
  }

  /** UploaderHost: connected and the HelloReply handled. */
  uploaderReady(): void {
    this.flushEvents();
    this.sendTelemetry();
    this.ota.resume();
  }

  /** UploaderHost: Wi-Fi, MQTT or decoding failed. */
  uploaderError(code: 'WIFI' | 'MQTT' | 'PROTO_DECODE', detail: string): void {
    this.error(code, detail);
  }

  /** UploaderHost: a message from the gateway. */
  downMessage(kind: DownKind, msg: DownMessages[DownKind]): void {
    if (kind === 'config') this.configReceived(msg as Config);
    else if (kind === 'command') handleCommand(this, msg as Command);
    else if (kind === 'firmware') this.ota.chunk(msg as FirmwareChunk);
  }

  private configReceived(c: Config): void {
    try {
      if (!this.config.apply(c)) return;
    } catch (err) {
      this.error('CONFIG_INVALID', String(err));
      return;
    }
    this.applyConfig();
    this.event({ kind: EventKind.CONFIG_APPLIED, value: this.config.version() });
  }

  private applyConfig(): void {
    this.cfg = effectiveConfig(this.config.get(), this.identity.staffId, this.opts.defaultUploadPolicy);
    const c = this.cfg;
    this.recorder.configure({ params: this.audioParams(), chunkDurationMs: c.chunkDurationMs });
    this.uploader.setNetworks(c.wifi.length > 0 ? c.wifi : (this.identity.wifi ?? []));
    this.uploader.setPolicy(c.uploadPolicy, c.batchIntervalMin);
    const clk = this.platform.clock;
    if (this.telemetryTimer !== null) clk.clearInterval(this.telemetryTimer);
    this.telemetryTimer = clk.setInterval(() => this.sendTelemetry(), c.telemetryIntervalS * 1000);
    this.displayed = false;
    this.refreshState();
  }

  private audioParams(): AudioParams {
    return { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: this.cfg ? this.cfg.bitrate : 16000 };
  }

  /** CommandHost: sends a CommandResult. */
  commandResult(id: string, status: number, detail: string, progress: number): void {
    // Results queue with the events so none is lost while offline.
    if (!this.uploader.publish('command-result', { commandId: id, status: status, detail: detail, timeMs: this.clock.now(), progress: progress })) {
      this.log('warn', 'command result for ' + id + ' not sent: offline');
    }
  }

  private sendTelemetry(): void {
    if (!this.uploader.isReady()) return;
    const b = this.platform.battery;
    this.uploader.publish('telemetry', {
      batteryPercent: b.percent(),
      batteryMv: b.millivolts(),
      charging: b.charging(),
      flashUsedBytes: this.spool.usedBytes(),
      flashFreeBytes: this.spool.freeBytes(),
      backlogSeconds: Math.floor((this.spool.unackedChunks() * this.cfg.chunkDurationMs) / 1000),
      rssiDbm: this.platform.wifi.rssi(),
      uptimeS: Math.floor(this.platform.clock.monotonicMs() / 1000),
      state: this.deviceState(),
      droppedFrames: this.recorder.droppedSinceBoot,
      clockState: this.clock.state(),
      firmwareVersion: this.identity.firmwareVersion,
      lastErrorCode: this.lastError,
      timeMs: this.clock.now(),
      configVersion: this.config.version(),
      bootCount: this.store.state.bootCount,
      spoolEraseStalls: this.platform.flash.stalls ?? 0,
    });
  }

  // ------------------------------------------------------- events & state

  private event(e: Partial<Event> & { kind: number }): void {
    const full: Event = {
      kind: e.kind,
      timeMs: this.clock.now(),
      clockSynced: this.clock.isSynced(),
      eventSeq: 0,
      sessionId: e.sessionId,
      frameIndex: e.frameIndex,
      button: e.button,
      fromState: e.fromState,
      toState: e.toState,
      errorCode: e.errorCode,
      value: e.value,
      detail: e.detail,
    };
    this.events.push(full);
    this.flushEvents();
  }

  private flushEvents(): void {
    for (;;) {
      const e = this.events.peek();
      if (!e || !this.uploader.publish('event', e)) return;
      this.events.shift();
    }
  }

  private error(name: 'FLASH_FULL' | 'WIFI' | 'MQTT' | 'PROTO_DECODE' | 'CONFIG_INVALID', detail: string): void {
    const err = new FirmwareError(name, detail);
    this.lastError = errorCode(err);
    this.log('error', err.message);
    if (name !== 'WIFI' && name !== 'MQTT') this.event({ kind: EventKind.ERROR, errorCode: err.code, detail: detail });
  }

  private log(level: 'info' | 'warn' | 'error', msg: string): void {
    this.platform.log.write(level, msg);
  }

  private cue(cue: number): void {
    if (this.cfg.hapticEnabled) this.platform.indicators.buzz(cue as HapticCue, this.cfg.hapticStrengthPercent);
  }

  /** Applies the LED/haptic table when the state changed, and the voice listener. */
  private refreshState(): void {
    const st = this.deviceState();
    if (st !== this.shown || !this.displayed) {
      const row = STATE_DISPLAY[st];
      const changed = st !== this.shown;
      if (changed) this.event({ kind: EventKind.STATE_CHANGE, fromState: this.shown, toState: st });
      this.shown = st;
      this.displayed = true;
      if (row && this.locateTimer === null) {
        this.platform.indicators.setStatus(this.cfg.statusLedEnabled ? row.led : LedPattern.OFF, this.cfg.brightnessPercent);
        if (changed) this.cue(row.cue);
      }
    }
    const listen = st === DeviceState.IDLE && this.cfg.recordingMode !== RecordingMode.MANUAL &&
      (this.cfg.recordingMode !== RecordingMode.SCHEDULED || this.inHours());
    this.platform.audio.listen(this.running && listen);
  }

  private inHours(): boolean {
    if (!this.clock.isSynced()) return false;
    return inWorkingHours(this.cfg.workingHours, this.clock.now(), this.cfg.utcOffsetMin);
  }

  private checkAlarms(): void {
    for (const t of this.alarms.update(this.spool.percentUsed())) this.event({ kind: EventKind.STORAGE_ALARM, value: t });
  }

  /** Battery, charger, schedule and storage checks. */
  private housekeeping(): void {
    const b = this.platform.battery;
    const pct = b.percent();
    const charging = b.charging();
    this.uploader.setCharging(charging);
    if (!this.lowBattery && pct <= this.opts.lowBatteryPercent && !charging) {
      this.lowBattery = true;
      this.stopSession(EndReason.LOW_BATTERY);
    } else if (this.lowBattery && (charging || pct > this.opts.lowBatteryPercent + 5)) {
      this.lowBattery = false;
    }
    if (this.cfg.recordingMode === RecordingMode.SCHEDULED && this.recorder.isRecording() && !this.inHours()) {
      this.stopSession(EndReason.SCHEDULE);
    }
    if (this.storageFull && !this.spool.isFullFor(this.maxChunkBytes())) this.storageFull = false;
    this.checkAlarms();
    this.refreshState();
  }

  private maxChunkBytes(): number {
    return Math.ceil((this.cfg.bitrate / 8) * (this.cfg.chunkDurationMs / 1000)) + 64 * Math.ceil(this.cfg.chunkDurationMs / 20);
  }

  /** The live session (for the uploader, tests and the simulator). */
  liveSession(): SpoolSession | null {
    return this.recorder.current();
  }
}
