/**
 * One simulated badge: the real firmware core (`createBadge`) on its Node
 * platform (NodeFlash, mqtt.js, simulated button/LED/battery/Wi-Fi), fed
 * Opus frames by the simulator, with a ground-truth FrameLedger. The flash
 * outlives the firmware instance, so a reboot or power cut boots a fresh
 * firmware on the same flash, as the device would.
 */
import { FirmwareError, createBadge, createNodePlatform, NodeFlash, NodeMqtt } from '@parley/firmware';
import { SeededRandom } from '../random/seeded-random.js';
import { DeliveryFaultMqtt } from './delivery-fault-mqtt.js';
import type { DeliveryFaultSettings } from './delivery-fault-mqtt.js';
import type { Badge, NodePlatform } from '@parley/firmware';
import { FrameLedger } from './frame-ledger.js';
import { PublishTap } from './publish-tap.js';
import type { PublishObserver } from './publish-tap.js';

/** proto/badge.proto enums the simulator uses (StartTrigger, EndReason, UploadPolicy). */
export const START_BUTTON = 0;
export const END_BUTTON = 1;
export const POLICY = { live: 0, batched: 1, charger: 2 } as const;

export interface SimulatedBadgeOptions {
  deviceId: string;
  secret: string;
  staffId: string;
  mqttUrl: string;
  flashBytes: number;
  /** Spool bytes (default: what createBadge leaves after the firmware slots). */
  spoolBytes?: number;
  segmentBytes?: number;
  uploadPolicy: keyof typeof POLICY;
  /** How sessions start: the simulator presses the button, or the firmware starts them on voice (config from the gateway). */
  recordingMode?: 'button' | 'voice' | 'scheduled';
  /** Seeds the badge's random generator (session ids) and its delivery faults. */
  seed: number;
  /** Firmware log lines (default: kept by the platform). */
  log?: (deviceId: string, level: string, message: string) => void;
  /** Sees every publish the firmware makes (byte accounting). */
  onPublish?: PublishObserver;
}

export interface BadgeStatus {
  deviceId: string;
  online: boolean;
  recording: boolean;
  boots: number;
  framesCaptured: number;
  /** Sessions the firmware opened (ledger). */
  sessionsStarted: number;
  unackedChunks: number;
  sessionsInFlash: number;
  flashUsedBytes: number;
  droppedFrames: number;
}

export class SimulatedBadge {
  readonly deviceId: string;
  readonly recordingMode: 'button' | 'voice' | 'scheduled';
  readonly ledger = new FrameLedger();
  readonly flash: NodeFlash;
  private readonly opts: SimulatedBadgeOptions;
  private platform: NodePlatform | null = null;
  private badge: Badge | null = null;
  private boots = 0;
  private wifiAvailable = true;
  private droppedBeforeThisBoot = 0;
  /** Bytes into the next chunk write at which an armed power cut strikes. */
  private armedCut: number | null = null;
  /** Delivery faults on this badge's audio publishes (kept across reboots). */
  readonly delivery: DeliveryFaultSettings = { duplicateProbability: 0, reorderWindow: 0 };
  private readonly random: SeededRandom;
  private clients: DeliveryFaultMqtt[] = [];
  private ballastFiles = 0;

  constructor(opts: SimulatedBadgeOptions) {
    this.opts = opts;
    this.deviceId = opts.deviceId;
    this.recordingMode = opts.recordingMode ?? 'button';
    this.flash = new NodeFlash({ bytes: opts.flashBytes });
    this.random = new SeededRandom(`delivery:${opts.seed}`);
  }

  /** Powers the badge on: a fresh firmware instance on the kept flash. */
  boot(): void {
    if (this.badge) return;
    const o = this.opts;
    const mqtt = new DeliveryFaultMqtt(
      new NodeMqtt({ url: o.mqttUrl, clientId: o.deviceId, username: o.deviceId, password: o.secret }),
      this.delivery,
      () => this.random.next(),
    );
    this.clients.push(mqtt);
    const platform = createNodePlatform({
      flashBytes: o.flashBytes,
      flash: this.flash,
      mqtt: o.onPublish ? new PublishTap(mqtt, o.onPublish) : mqtt,
      deviceId: o.deviceId,
      secret: o.secret,
      seed: o.seed * 1000 + this.boots + 1,
      log: o.log ? (level, message) => o.log?.(o.deviceId, level, message) : undefined,
    });
    platform.wifi.available = this.wifiAvailable;
    const badge = createBadge(
      platform,
      { deviceId: o.deviceId, hardwareRevision: 'sim-1', firmwareVersion: 'sim', staffId: o.staffId },
      { spoolBytes: o.spoolBytes, segmentBytes: o.segmentBytes, defaultUploadPolicy: POLICY[o.uploadPolicy] },
    );
    this.platform = platform;
    this.badge = badge;
    this.boots++;
    badge.boot();
  }

  /** The running firmware (throws when powered off). */
  firmware(): Badge {
    if (!this.badge) throw new Error(`${this.deviceId} is powered off`);
    return this.badge;
  }

  isOn(): boolean {
    return this.badge !== null;
  }

  startConversation(): void {
    const badge = this.badge;
    if (!badge) return;
    this.guarded(null, () => {
      const why = badge.startSession(START_BUTTON);
      if (why) this.opts.log?.(this.deviceId, 'warn', 'session refused: ' + why);
      const live = badge.liveSession();
      if (live) this.ledger.open(live.hex);
    });
  }

  stopConversation(): void {
    const badge = this.badge;
    if (!badge) return;
    const live = badge.liveSession();
    this.guarded(live ? live.hex : null, () => badge.stopSession(END_BUTTON));
  }

  /** Runs a firmware call; a power cut striking inside it reboots the badge. */
  private guarded(liveHex: string | null, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (err instanceof FirmwareError && err.errorName === 'POWER_CUT') {
        const live = this.badge?.liveSession();
        this.afterPowerLoss(live ? live.hex : liveHex);
        return;
      }
      throw err;
    }
  }

  /**
   * One frame from the co-processor. Counted in the ledger when the firmware
   * takes it (capture powered, a session open). A power cut that strikes while
   * the frame is written reboots the badge.
   */
  pushFrame(data: Uint8Array, vad: boolean): void {
    const badge = this.badge;
    const platform = this.platform;
    if (!badge || !platform) return;
    const live = badge.liveSession();
    if (live && platform.audio.isCapturing()) this.ledger.count(live.hex);
    const armed = this.armedCut;
    if (armed !== null) this.flash.cutPowerAfter(armed);
    this.guarded(live ? live.hex : null, () => platform.audio.push(data, vad));
    // A voice-activated start happens inside the push (the frame that woke the
    // badge is not captured): the ledger knows the session from its start.
    const started = this.badge ? this.badge.liveSession() : null;
    if (started && started !== live) this.ledger.open(started.hex);
    // Not struck yet (no chunk was written): disarm until the next frame, so
    // the cut only ever lands in a recording write, never in an MQTT callback.
    if (armed !== null && this.armedCut !== null && this.flash.isPowered()) this.flash.restorePower();
  }

  /**
   * Cuts the power. With `midFlashWrite`, the cut strikes `afterBytes` into
   * the next flash write (a torn record), else at once.
   */
  cutPower(midFlashWrite: boolean, afterBytes = 37): void {
    if (!this.badge) return;
    if (midFlashWrite) {
      this.armedCut = afterBytes;
      return;
    }
    const live = this.badge.liveSession();
    this.afterPowerLoss(live ? live.hex : null);
  }

  /**
   * Flash full at run time: other data takes the flash until only `freeBytes`
   * are left for audio, beyond one spool segment (the spool's metadata
   * reserve, which on the badge is its own). The spool stops taking chunks
   * when its next segment would not fit, drops and counts frames, records
   * the gaps and enters storage-full until acknowledged audio is erased.
   * Returns the bytes taken.
   */
  fillFlash(freeBytes: number): number {
    const reserve = (this.opts.segmentBytes ?? 65_536) + 64;
    const overhead = 32;
    const take = this.flash.getFree() - overhead - reserve - Math.max(0, freeBytes);
    if (take <= 0) return 0;
    this.flash.create(`ballast${++this.ballastFiles}`, take, new Uint8Array(0));
    return take;
  }

  /** Ends `fillFlash`: the other data is erased. */
  freeFlash(): void {
    for (const name of this.flash.list('ballast')) this.flash.erase(name);
  }

  /** Orderly power off (closes the session). */
  shutdown(): void {
    if (!this.badge) return;
    this.droppedBeforeThisBoot += this.badge.recorder.droppedSinceBoot;
    this.badge.shutdown();
    this.platform?.mqtt.disconnect();
    this.badge = null;
    this.platform = null;
  }

  /** The Wi-Fi the badge sees (offline periods). */
  setNetwork(available: boolean): void {
    this.wifiAvailable = available;
    if (this.platform) {
      this.platform.wifi.available = available;
      if (!available) this.platform.mqtt.disconnect();
    }
  }

  /** Upload everything now (end of shift, on the charger). */
  drainNow(): void {
    if (!this.platform || !this.badge) return;
    this.platform.battery.onCharger = true;
    this.badge.uploader.setCharging(true);
    this.badge.uploader.openBatch();
    this.badge.uploader.kick();
  }

  /** Audio publishes duplicated and reordered so far (all boots). */
  deliveryFaultCounts(): { duplicated: number; reordered: number } {
    return {
      duplicated: this.clients.reduce((n, c) => n + c.duplicated, 0),
      reordered: this.clients.reduce((n, c) => n + c.reordered, 0),
    };
  }

  status(): BadgeStatus {
    const b = this.badge;
    return {
      deviceId: this.deviceId,
      online: b ? b.uploader.isReady() : false,
      recording: b ? b.recorder.isRecording() : false,
      boots: this.boots,
      framesCaptured: this.ledger.totalCaptured(),
      sessionsStarted: this.ledger.all().length,
      unackedChunks: b ? b.spool.unackedChunks() : -1,
      sessionsInFlash: b ? b.spool.sessions().length : -1,
      flashUsedBytes: b ? b.spool.usedBytes() : -1,
      droppedFrames: this.droppedBeforeThisBoot + (b ? b.recorder.droppedSinceBoot : 0),
    };
  }

  private afterPowerLoss(liveHex: string | null): void {
    const badge = this.badge;
    const platform = this.platform;
    if (!badge || !platform) return;
    this.armedCut = null;
    this.droppedBeforeThisBoot += badge.recorder.droppedSinceBoot;
    // Nothing more is written: timers stop, the radio goes with the power.
    this.flash.cutPowerAfter(0);
    try {
      badge.halt();
    } catch (err) {
      if (!(err instanceof FirmwareError && err.errorName === 'POWER_CUT')) throw err;
    }
    try {
      platform.mqtt.disconnect();
    } catch {
      // the client is gone with the power
    }
    this.badge = null;
    this.platform = null;
    this.flash.restorePower();
    this.boot();
    if (liveHex) {
      const kept = this.badge as Badge | null;
      const s = kept ? kept.spool.find(liveHex) : null;
      this.ledger.powerCut(liveHex, s ? s.framesEnd : 0);
    }
  }
}
