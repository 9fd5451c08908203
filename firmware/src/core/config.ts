import type { FlashStorage } from '../hal/flash.js';
import type { WifiNetworkCredentials } from '../hal/wifi.js';
import type { ProtocolCodec } from './codec.js';
import type { Config, ScheduleWindow } from './messages.js';
import { DEFAULT_BATCH_INTERVAL_MIN, DEFAULT_BITRATE_BPS, DEFAULT_UPLOAD_POLICY } from '@parley/hardware/default-policy';
import { RecordingMode, UploadPolicy } from './messages.js';

/** The config with every zero field replaced by the firmware default. */
export interface EffectiveConfig {
  version: number;
  recordingMode: number;
  bitrate: number;
  chunkDurationMs: number;
  silenceSplitS: number;
  maxSessionS: number;
  uploadPolicy: number;
  batchIntervalMin: number;
  telemetryIntervalS: number;
  wifi: WifiNetworkCredentials[];
  workingHours: ScheduleWindow[];
  statusLedEnabled: boolean;
  brightnessPercent: number;
  hapticEnabled: boolean;
  hapticStrengthPercent: number;
  utcOffsetMin: number;
  staffId: string;
  otaConfirmTimeoutMin: number;
}

/**
 * Firmware defaults. The upload policy, batch interval and bitrate are the
 * power model's recommendation (hardware/ default-policy, docs/hardware.md).
 */
export const DEFAULTS = {
  recordingMode: RecordingMode.MANUAL,
  bitrate: DEFAULT_BITRATE_BPS,
  chunkDurationMs: 1000,
  silenceSplitS: 30,
  maxSessionS: 3600,
  uploadPolicy: DEFAULT_UPLOAD_POLICY,
  batchIntervalMin: DEFAULT_BATCH_INTERVAL_MIN,
  telemetryIntervalS: 60,
  brightnessPercent: 50,
  hapticStrengthPercent: 70,
  otaConfirmTimeoutMin: 10,
} as const;

const FILE = 'cfg';

function positive(v: number | undefined, fallback: number): number {
  return v !== undefined && v > 0 ? v : fallback;
}

export function effectiveConfig(c: Config, provisionedStaffId: string, defaultPolicy: number): EffectiveConfig {
  const led = c.led ?? {};
  const haptic = c.haptic ?? {};
  const chunkMs = positive(c.chunkDurationMs, DEFAULTS.chunkDurationMs);
  return {
    version: c.version ?? 0,
    recordingMode: c.recordingMode ?? DEFAULTS.recordingMode,
    bitrate: positive(c.bitrate, DEFAULTS.bitrate),
    // Between one frame and 4 s: a chunk record must fit a flash segment.
    chunkDurationMs: Math.max(20, Math.min(4000, chunkMs)),
    silenceSplitS: positive(c.silenceSplitS, DEFAULTS.silenceSplitS),
    maxSessionS: positive(c.maxSessionS, DEFAULTS.maxSessionS),
    uploadPolicy: c.version ? (c.uploadPolicy ?? UploadPolicy.LIVE) : defaultPolicy,
    batchIntervalMin: positive(c.batchIntervalMin, DEFAULTS.batchIntervalMin),
    telemetryIntervalS: positive(c.telemetryIntervalS, DEFAULTS.telemetryIntervalS),
    wifi: c.wifi ?? [],
    workingHours: c.workingHours ?? [],
    statusLedEnabled: c.version ? (led.statusLedEnabled ?? false) : true,
    brightnessPercent: positive(led.brightnessPercent, DEFAULTS.brightnessPercent),
    hapticEnabled: c.version ? (haptic.enabled ?? false) : true,
    hapticStrengthPercent: positive(haptic.strengthPercent, DEFAULTS.hapticStrengthPercent),
    utcOffsetMin: c.utcOffsetMin ?? 0,
    staffId: c.staffId ? c.staffId : provisionedStaffId,
    otaConfirmTimeoutMin: positive(c.otaConfirmTimeoutMin, DEFAULTS.otaConfirmTimeoutMin),
  };
}

/** The applied Config, persisted as the protobuf bytes the gateway sent (with its version). */
export class ConfigStore {
  private readonly flash: FlashStorage;
  private readonly codec: ProtocolCodec;
  private current: Config = {};

  constructor(flash: FlashStorage, codec: ProtocolCodec) {
    this.flash = flash;
    this.codec = codec;
  }

  /** Loads the persisted config; a corrupt file is ignored (defaults apply) and reported. */
  load(): string | null {
    const bytes = this.flash.readFile(FILE);
    if (!bytes) return null;
    try {
      this.current = this.codec.decode('config', bytes);
      return null;
    } catch (err) {
      this.current = {};
      return String(err);
    }
  }

  get(): Config {
    return this.current;
  }

  version(): number {
    return this.current.version ?? 0;
  }

  /** Persists and adopts `config` when its version is newer; returns whether it was applied. */
  apply(config: Config): boolean {
    if ((config.version ?? 0) <= this.version()) return false;
    this.flash.writeFile(FILE, this.codec.encodeConfig(config));
    this.current = config;
    return true;
  }
}
