import { badgeBoard } from '@parley/hardware/boards';
import { chooseBootSlot, createBadge, createNodePlatform, readBootRecord, type Badge, type FirmwareSlot, type NodeFlash, type NodePlatform } from '@parley/firmware';
import { EmulatorError } from './errors.js';
import { bytesToBinaryString } from './espruino-storage.js';

/** The Storage file the firmware's loader reads its identity from (firmware/src/app/main.ts). */
export const IDENTITY_FILE = 'id';
/** The Storage file Espruino runs at boot: the firmware bundle. */
export const BOOT_CODE_FILE = '.bootcde';

/** What provisioning writes to the `id` file (the firmware's ProvisionedIdentity). */
export interface ProvisionedIdentity {
  deviceId: string;
  secret: string;
  mqttHost: string;
  mqttPort: number;
  staffId: string;
  wifi: { ssid: string; psk: string }[];
}

/** Where Opus frames come from while the firmware captures (an OpusFrameSource fits). */
export interface Microphone {
  next(): { data: Uint8Array; vad: boolean } | null;
}

export interface FirmwareHostOptions {
  flash: NodeFlash;
  /** Version of the firmware the flashed bundle is (the bundle's FIRMWARE_VERSION). */
  bundleVersion: (bundle: string) => string;
  /** Firmware log lines (on the device they appear on the console). */
  log: (line: string) => void;
  microphone?: Microphone;
  /** Frame length the microphone is paced at. */
  frameMs?: number;
  /** Hook for tests and the CLI: called after every boot with the running badge. */
  onBoot?: (badge: Badge, info: BootInfo) => void;
}

export interface BootInfo {
  deviceId: string;
  slot: FirmwareSlot;
  firmwareVersion: string;
}

export function parseIdentity(bytes: Uint8Array): ProvisionedIdentity {
  let id: Partial<ProvisionedIdentity>;
  try {
    id = JSON.parse(bytesToBinaryString(bytes)) as Partial<ProvisionedIdentity>;
  } catch (err) {
    throw new EmulatorError('IDENTITY_CORRUPT', 'not JSON', { cause: err });
  }
  if (typeof id.deviceId !== 'string' || typeof id.secret !== 'string' || typeof id.mqttHost !== 'string' || typeof id.mqttPort !== 'number') {
    throw new EmulatorError('IDENTITY_CORRUPT', 'deviceId, secret, mqttHost and mqttPort are required');
  }
  return { deviceId: id.deviceId, secret: id.secret, mqttHost: id.mqttHost, mqttPort: id.mqttPort, staffId: typeof id.staffId === 'string' ? id.staffId : '', wifi: Array.isArray(id.wifi) ? id.wifi : [] };
}

/**
 * What the emulated badge's ESP32 does at boot, on the firmware's Node
 * platform: the loader's slot choice (`chooseBootSlot`: a staged update that
 * never confirmed is rolled back), the identity from the `id` file, and the
 * real firmware core (`createBadge`) connecting to the gateway over MQTT.
 * A staged image cannot run in Node, so a badge booted into an updated slot
 * runs the same core reporting the version the boot record names.
 */
export class FirmwareHost {
  private badge: Badge | null = null;
  private platform: NodePlatform | null = null;
  private micTimer: ReturnType<typeof setInterval> | null = null;
  private boots = 0;
  private current: BootInfo | null = null;

  constructor(private readonly o: FirmwareHostOptions) {}

  /** The running firmware, if any. */
  running(): { badge: Badge; platform: NodePlatform; info: BootInfo } | null {
    return this.badge && this.platform && this.current ? { badge: this.badge, platform: this.platform, info: this.current } : null;
  }

  /** Runs the saved program: nothing without a bundle; "not provisioned" without an identity. */
  boot(): BootInfo | null {
    this.stop();
    const flash = this.o.flash;
    const bundle = flash.readFile(BOOT_CODE_FILE);
    if (!bundle) return null;
    const slot = chooseBootSlot(flash);
    const record = readBootRecord(flash);
    const idBytes = flash.readFile(IDENTITY_FILE);
    if (!idBytes) {
      this.o.log('parley: not provisioned (no "id" file)');
      return null;
    }
    const id = parseIdentity(idBytes);
    const staged = slot !== 'a' || flash.size(`fw.${slot}`) >= 0;
    const firmwareVersion = staged && record.version ? record.version : this.o.bundleVersion(bytesToBinaryString(bundle));
    this.boots++;
    const platform = createNodePlatform({
      flashBytes: flash.capacity(),
      flash,
      mqttUrl: `mqtt://${id.mqttHost}:${id.mqttPort}`,
      deviceId: id.deviceId,
      secret: id.secret,
      slot,
      onReboot: () => setImmediate(() => this.boot()),
      log: (level, message) => this.o.log(`parley ${level}: ${message}`),
    });
    const badge = createBadge(platform, { deviceId: id.deviceId, hardwareRevision: badgeBoard.hardwareRevision, firmwareVersion, staffId: id.staffId, wifi: id.wifi }, { segmentBytes: 16384 });
    this.badge = badge;
    this.platform = platform;
    this.current = { deviceId: id.deviceId, slot, firmwareVersion };
    badge.boot();
    if (this.o.microphone) {
      const mic = this.o.microphone;
      this.micTimer = setInterval(() => {
        if (!platform.audio.isCapturing() && !platform.audio.isListening()) return;
        const frame = mic.next();
        if (frame) platform.audio.push(frame.data, frame.vad);
      }, this.o.frameMs ?? 20);
      this.micTimer.unref();
    }
    this.o.onBoot?.(badge, this.current);
    return this.current;
  }

  /** Stops the firmware as a reset does: timers stop, the connection drops, nothing is written. */
  stop(): void {
    if (this.micTimer) clearInterval(this.micTimer);
    this.micTimer = null;
    const badge = this.badge;
    const platform = this.platform;
    this.badge = null;
    this.platform = null;
    this.current = null;
    if (badge) badge.halt();
    if (platform) platform.mqtt.disconnect();
  }

  bootCount(): number {
    return this.boots;
  }
}
