import type { Database } from 'better-sqlite3';
import { pb, type DecodedUp } from '@parley/proto';
import type { DeviceHealth, HealthSample } from '../api-types.js';

const CLOCK_STATES: Record<number, string> = {
  [pb.ClockState.CLOCK_STATE_UNSYNCED]: 'unsynced',
  [pb.ClockState.CLOCK_STATE_SYNCED]: 'synced',
  [pb.ClockState.CLOCK_STATE_STALE]: 'stale',
};

const DEVICE_STATES: Record<number, string> = {
  [pb.DeviceState.DEVICE_STATE_IDLE]: 'idle',
  [pb.DeviceState.DEVICE_STATE_RECORDING]: 'recording',
  [pb.DeviceState.DEVICE_STATE_MUTED]: 'muted',
  [pb.DeviceState.DEVICE_STATE_STORAGE_FULL]: 'storage_full',
  [pb.DeviceState.DEVICE_STATE_LOW_BATTERY]: 'low_battery',
  [pb.DeviceState.DEVICE_STATE_LOCKED]: 'locked',
};

/**
 * The latest health a badge reported (Hello and Telemetry): the API's
 * DeviceHealth without what the registry and the config profiles add.
 */
export interface ReportedHealth extends Omit<DeviceHealth, 'online' | 'status' | 'lastSeenAtMs' | 'wantedConfigVersion' | 'updatedAtMs'> {
  updatedAtMs: number;
}

interface HealthRow {
  device_id: string;
  updated_at: number;
  battery_percent: number | null;
  charging: number | null;
  flash_used_bytes: number | null;
  flash_free_bytes: number | null;
  backlog_seconds: number | null;
  rssi_dbm: number | null;
  firmware_version: string | null;
  hardware_revision: string | null;
  config_version: number | null;
  clock_state: string | null;
  device_state: string | null;
  dropped_frames: number | null;
  spool_erase_stalls: number | null;
  boot_count: number | null;
  uptime_s: number | null;
  last_error_code: number | null;
}

function usedPercent(used: number | null, free: number | null): number | null {
  if (used === null || free === null || used + free === 0) return null;
  return (100 * used) / (used + free);
}

function toHealth(r: HealthRow): ReportedHealth {
  return {
    deviceId: r.device_id,
    updatedAtMs: r.updated_at,
    batteryPercent: r.battery_percent,
    charging: r.charging === null ? null : r.charging === 1,
    flashUsedBytes: r.flash_used_bytes,
    flashFreeBytes: r.flash_free_bytes,
    flashUsedPercent: usedPercent(r.flash_used_bytes, r.flash_free_bytes),
    backlogSeconds: r.backlog_seconds,
    rssiDbm: r.rssi_dbm,
    firmwareVersion: r.firmware_version,
    hardwareRevision: r.hardware_revision,
    configVersion: r.config_version,
    clockState: r.clock_state,
    deviceState: r.device_state,
    droppedFrames: r.dropped_frames,
    spoolEraseStalls: r.spool_erase_stalls,
    bootCount: r.boot_count,
    uptimeS: r.uptime_s,
    lastErrorCode: r.last_error_code,
  };
}

/** Raw samples are kept at this resolution (one row per device per minute, the last report wins). */
export const SAMPLE_BUCKET_MS = 60_000;

/**
 * Badge health: the latest values per device (from Hello and Telemetry)
 * and a downsampled time series for charts (one sample per device per
 * minute; queries aggregate further to the bucket asked for).
 */
export class HealthStore {
  constructor(private readonly db: Database) {}

  recordHello(deviceId: string, hello: DecodedUp<'hello'>, atMs: number): void {
    this.upsert(deviceId, atMs, {
      flash_used_bytes: hello.flashUsedBytes,
      flash_free_bytes: hello.flashFreeBytes,
      firmware_version: hello.firmwareVersion || null,
      hardware_revision: hello.hardwareRevision || null,
      config_version: hello.configVersion,
      clock_state: CLOCK_STATES[hello.clockState] ?? null,
      boot_count: hello.bootCount,
      uptime_s: hello.uptimeS,
    });
  }

  recordTelemetry(deviceId: string, t: DecodedUp<'telemetry'>, atMs: number): void {
    this.upsert(deviceId, atMs, {
      battery_percent: t.batteryPercent,
      charging: t.charging ? 1 : 0,
      flash_used_bytes: t.flashUsedBytes,
      flash_free_bytes: t.flashFreeBytes,
      backlog_seconds: t.backlogSeconds,
      rssi_dbm: t.rssiDbm,
      firmware_version: t.firmwareVersion || null,
      config_version: t.configVersion,
      clock_state: CLOCK_STATES[t.clockState] ?? null,
      device_state: DEVICE_STATES[t.state] ?? null,
      dropped_frames: t.droppedFrames,
      spool_erase_stalls: t.spoolEraseStalls,
      boot_count: t.bootCount,
      uptime_s: t.uptimeS,
      last_error_code: t.lastErrorCode,
    });
    this.db
      .prepare(
        `INSERT INTO fleet_health_samples (device_id, bucket_ms, battery_percent, flash_used_percent, backlog_seconds, rssi_dbm, dropped_frames, spool_erase_stalls)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (device_id, bucket_ms) DO UPDATE SET battery_percent = excluded.battery_percent, flash_used_percent = excluded.flash_used_percent,
           backlog_seconds = excluded.backlog_seconds, rssi_dbm = excluded.rssi_dbm, dropped_frames = excluded.dropped_frames,
           spool_erase_stalls = excluded.spool_erase_stalls`,
      )
      .run(
        deviceId,
        Math.floor(atMs / SAMPLE_BUCKET_MS) * SAMPLE_BUCKET_MS,
        t.batteryPercent,
        usedPercent(t.flashUsedBytes, t.flashFreeBytes),
        t.backlogSeconds,
        t.rssiDbm,
        t.droppedFrames,
        t.spoolEraseStalls,
      );
  }

  /** A device state change from an Event. */
  recordState(deviceId: string, state: number, atMs: number): void {
    this.upsert(deviceId, atMs, { device_state: DEVICE_STATES[state] ?? null });
  }

  get(deviceId: string): ReportedHealth | null {
    const row = this.db.prepare('SELECT * FROM fleet_health WHERE device_id = ?').get(deviceId) as HealthRow | undefined;
    return row ? toHealth(row) : null;
  }

  all(): ReportedHealth[] {
    return (this.db.prepare('SELECT * FROM fleet_health ORDER BY device_id').all() as HealthRow[]).map(toHealth);
  }

  /** Samples in [fromMs, toMs), aggregated to `bucketMs` (a multiple of a minute). */
  history(deviceId: string, fromMs: number, toMs: number, bucketMs: number): HealthSample[] {
    const bucket = Math.max(SAMPLE_BUCKET_MS, Math.round(bucketMs / SAMPLE_BUCKET_MS) * SAMPLE_BUCKET_MS);
    return this.db
      .prepare(
        `SELECT (bucket_ms / @bucket) * @bucket AS atMs, AVG(battery_percent) AS batteryPercent, AVG(flash_used_percent) AS flashUsedPercent,
           AVG(backlog_seconds) AS backlogSeconds, AVG(rssi_dbm) AS rssiDbm, MAX(dropped_frames) AS droppedFrames,
           MAX(spool_erase_stalls) AS spoolEraseStalls
         FROM fleet_health_samples WHERE device_id = @deviceId AND bucket_ms >= @fromMs AND bucket_ms < @toMs
         GROUP BY atMs ORDER BY atMs LIMIT 10000`,
      )
      .all({ bucket, deviceId, fromMs, toMs }) as HealthSample[];
  }

  /** Drops samples older than `beforeMs` (retention). */
  prune(beforeMs: number): number {
    return this.db.prepare('DELETE FROM fleet_health_samples WHERE bucket_ms < ?').run(beforeMs).changes;
  }

  private upsert(deviceId: string, atMs: number, values: Partial<Omit<HealthRow, 'device_id' | 'updated_at'>>): void {
    const columns = Object.keys(values);
    const params = { ...values, device_id: deviceId, updated_at: atMs };
    this.db
      .prepare(
        `INSERT INTO fleet_health (device_id, updated_at, ${columns.join(', ')}) VALUES (@device_id, @updated_at, ${columns.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (device_id) DO UPDATE SET updated_at = MAX(updated_at, excluded.updated_at), ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      )
      .run(params);
  }
}
