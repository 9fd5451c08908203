import type { Database } from 'better-sqlite3';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { DownMessages } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import type { FleetDirectory } from './directory.js';
import type { ConfigProfile, ConfigSettings, ConfigState, ProfileScope } from '../api-types.js';
import { wireSchema } from '../http/wire-schema.js';

const u32 = (max = 0xffffffff) => Type.Integer({ minimum: 0, maximum: max });

/** What a config profile may set (ConfigSettings); a field left out inherits from the level below. */
export const ConfigSettingsSchema = wireSchema<ConfigSettings>()(
  Type.Object(
    {
      recordingMode: Type.Optional(Type.Integer({ minimum: 0, maximum: 2, description: '0 manual, 1 voice-activated, 2 scheduled' })),
      bitrate: Type.Optional(Type.Integer({ minimum: 6000, maximum: 64000 })),
      chunkDurationMs: Type.Optional(Type.Integer({ minimum: 200, maximum: 30000 })),
      silenceSplitS: Type.Optional(u32(3600)),
      maxSessionS: Type.Optional(u32(86400)),
      uploadPolicy: Type.Optional(Type.Integer({ minimum: 0, maximum: 2, description: '0 live, 1 batched, 2 on charger' })),
      batchIntervalMin: Type.Optional(u32(1440)),
      telemetryIntervalS: Type.Optional(Type.Integer({ minimum: 10, maximum: 86400 })),
      wifi: Type.Optional(
        Type.Array(Type.Object({ ssid: Type.String({ minLength: 1, maxLength: 32 }), psk: Type.String({ maxLength: 63 }) }, { additionalProperties: false }), { maxItems: 8 }),
      ),
      workingHours: Type.Optional(
        Type.Array(
          Type.Object({ weekdays: u32(127), startMinute: u32(1440), endMinute: u32(1440) }, { additionalProperties: false }),
          { maxItems: 14 },
        ),
      ),
      led: Type.Optional(Type.Object({ brightnessPercent: u32(100), statusLedEnabled: Type.Boolean() }, { additionalProperties: false })),
      haptic: Type.Optional(Type.Object({ enabled: Type.Boolean(), strengthPercent: u32(100) }, { additionalProperties: false })),
      utcOffsetMin: Type.Optional(Type.Integer({ minimum: -720, maximum: 840 })),
      otaConfirmTimeoutMin: Type.Optional(u32(1440)),
    },
    { additionalProperties: false },
  ),
);

/** The fleet-level profile's scope id. */
export const FLEET_SCOPE_ID = '*';

/** A device's config state (the API's ConfigState) with the Config message as the badge gets it. */
export interface DeviceConfigState extends Omit<ConfigState, 'config'> {
  config: DownMessages['config'];
}

interface DeviceConfigRow {
  device_id: string;
  version: number;
  config: string;
  changed_at: number;
  applied_version: number | null;
  applied_at: number | null;
}

/** Called when a device's effective config got a new version (publish it). */
export type ConfigChangeListener = (deviceId: string, config: DownMessages['config']) => void;

/** Devices whose config is kept: every one that may still connect or come back. */
const CONFIGURED_STATUSES = "('provisioned', 'active', 'locked')";

/**
 * Config profiles at fleet, branch, group and device level. A device's
 * effective config merges them field by field, device > group > branch >
 * fleet (several groups: in group id order, the last wins), plus the
 * wearer's staff id. Each change of the effective config gets the next
 * version; listeners publish it. The version the badge reports (Hello,
 * Telemetry, CONFIG_APPLIED event) is stored, so drift is visible.
 */
export class ConfigProfiles {
  private readonly listeners = new Set<ConfigChangeListener>();

  constructor(
    private readonly db: Database,
    private readonly directory: FleetDirectory,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {
    directory.onPlacementChanged((ids) => {
      for (const id of ids) this.refresh(id);
    });
  }

  onChange(listener: ConfigChangeListener): void {
    this.listeners.add(listener);
  }

  async setProfile(scope: ProfileScope, scopeId: string, settings: ConfigSettings, by: Actor): Promise<ConfigProfile> {
    if (!Value.Check(ConfigSettingsSchema, settings)) {
      const first = [...Value.Errors(ConfigSettingsSchema, settings)][0];
      throw new ParleyError('BAD_REQUEST', `config settings: ${first ? `${first.path} ${first.message}` : 'invalid'}`);
    }
    const id = this.checkScope(scope, scopeId);
    const atMs = this.now();
    this.db
      .prepare(
        `INSERT INTO fleet_config_profiles (scope, scope_id, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, scope_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      )
      .run(scope, id, JSON.stringify(settings), atMs);
    await this.audit.append({ ...by, action: 'config.profile.set', target: `${scope}:${id}`, outcome: 'ok', details: { settings: redactWifi(settings) }, atMs });
    this.refreshScope(scope, id);
    return this.getProfile(scope, id);
  }

  async deleteProfile(scope: ProfileScope, scopeId: string, by: Actor): Promise<void> {
    const id = scope === 'fleet' ? FLEET_SCOPE_ID : scopeId;
    const atMs = this.now();
    if (this.db.prepare('DELETE FROM fleet_config_profiles WHERE scope = ? AND scope_id = ?').run(scope, id).changes === 0) {
      throw new ParleyError('NOT_FOUND', `no ${scope} profile '${id}'`);
    }
    await this.audit.append({ ...by, action: 'config.profile.deleted', target: `${scope}:${id}`, outcome: 'ok', atMs });
    this.refreshScope(scope, id);
  }

  getProfile(scope: ProfileScope, scopeId: string): ConfigProfile {
    const id = scope === 'fleet' ? FLEET_SCOPE_ID : scopeId;
    const row = this.db.prepare('SELECT settings, updated_at FROM fleet_config_profiles WHERE scope = ? AND scope_id = ?').get(scope, id) as
      | { settings: string; updated_at: number }
      | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `no ${scope} profile '${id}'`);
    return { scope, scopeId: id, settings: JSON.parse(row.settings) as ConfigSettings, updatedAtMs: row.updated_at };
  }

  listProfiles(): ConfigProfile[] {
    const rows = this.db.prepare('SELECT * FROM fleet_config_profiles ORDER BY scope, scope_id').all() as { scope: ProfileScope; scope_id: string; settings: string; updated_at: number }[];
    return rows.map((r) => ({ scope: r.scope, scopeId: r.scope_id, settings: JSON.parse(r.settings) as ConfigSettings, updatedAtMs: r.updated_at }));
  }

  /** The merged settings and wearer of a device, without a version. */
  effective(deviceId: string): Omit<DownMessages['config'], 'version'> {
    const placement = this.directory.placement(deviceId);
    const layers: [ProfileScope, string][] = [['fleet', FLEET_SCOPE_ID]];
    if (placement.branchId) layers.push(['branch', placement.branchId]);
    for (const group of placement.groupIds) layers.push(['group', group]);
    layers.push(['device', deviceId]);
    const get = this.db.prepare('SELECT settings FROM fleet_config_profiles WHERE scope = ? AND scope_id = ?');
    const merged: Record<string, unknown> = {};
    for (const [scope, id] of layers) {
      const row = get.get(scope, id) as { settings: string } | undefined;
      if (row) Object.assign(merged, JSON.parse(row.settings));
    }
    const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
    return { ...sorted, staffId: placement.staffId ?? '' };
  }

  /**
   * Recomputes a device's effective config; when it differs from the last
   * versioned one (or there is none yet) stores it as the next version and
   * tells listeners. Returns the device's config state.
   */
  refresh(deviceId: string): DeviceConfigState {
    const effective = this.effective(deviceId);
    const json = JSON.stringify(effective);
    const atMs = this.now();
    const previous = this.row(deviceId);
    if (previous && previous.config === json) return toState(previous);
    const version = (previous?.version ?? 0) + 1;
    this.db
      .prepare(
        `INSERT INTO fleet_device_config (device_id, version, config, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET version = excluded.version, config = excluded.config, changed_at = excluded.changed_at`,
      )
      .run(deviceId, version, json, atMs);
    const state = toState(this.row(deviceId)!);
    for (const listener of this.listeners) listener(deviceId, state.config);
    return state;
  }

  /** The version the fleet wants the badge on (the ingest's HelloReply hook). */
  wantedVersion(deviceId: string): number {
    return this.refresh(deviceId).wantedVersion;
  }

  /** Stores the version the badge reports having applied. */
  recordApplied(deviceId: string, version: number, atMs: number): void {
    this.db
      .prepare('UPDATE fleet_device_config SET applied_version = ?, applied_at = ? WHERE device_id = ? AND (applied_version IS NOT ? OR applied_at IS NULL)')
      .run(version, atMs, deviceId, version);
  }

  state(deviceId: string): DeviceConfigState {
    return this.refresh(deviceId);
  }

  /** Devices whose applied version differs from the wanted one. */
  drifted(): DeviceConfigState[] {
    const rows = this.db
      .prepare(`SELECT c.* FROM fleet_device_config c JOIN devices d ON d.id = c.device_id WHERE d.status IN ${CONFIGURED_STATUSES} AND c.applied_version IS NOT c.version ORDER BY c.device_id`)
      .all() as DeviceConfigRow[];
    return rows.map(toState);
  }

  private row(deviceId: string): DeviceConfigRow | undefined {
    return this.db.prepare('SELECT * FROM fleet_device_config WHERE device_id = ?').get(deviceId) as DeviceConfigRow | undefined;
  }

  private checkScope(scope: ProfileScope, scopeId: string): string {
    switch (scope) {
      case 'fleet':
        return FLEET_SCOPE_ID;
      case 'branch':
        return this.directory.getBranch(scopeId).id;
      case 'group':
        return this.directory.getGroup(scopeId).id;
      case 'device': {
        const row = this.db.prepare('SELECT id FROM devices WHERE id = ?').get(scopeId) as { id: string } | undefined;
        if (!row) throw new ParleyError('DEVICE_UNKNOWN', scopeId, { id: scopeId });
        return row.id;
      }
    }
  }

  private refreshScope(scope: ProfileScope, id: string): void {
    let ids: string[];
    if (scope === 'device') ids = [id];
    else if (scope === 'branch') ids = this.directory.branchMembers(id);
    else if (scope === 'group') ids = this.directory.groupMembers(id);
    else ids = (this.db.prepare(`SELECT id FROM devices WHERE status IN ${CONFIGURED_STATUSES} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    for (const deviceId of ids) this.refresh(deviceId);
  }
}

function toState(row: DeviceConfigRow): DeviceConfigState {
  return {
    deviceId: row.device_id,
    wantedVersion: row.version,
    appliedVersion: row.applied_version,
    appliedAtMs: row.applied_at,
    changedAtMs: row.changed_at,
    drift: row.applied_version !== row.version,
    config: { version: row.version, ...(JSON.parse(row.config) as Omit<DownMessages['config'], 'version'>) },
  };
}

/** Wi-Fi passphrases stay out of the audit log. */
function redactWifi(settings: ConfigSettings): ConfigSettings {
  return settings.wifi ? { ...settings, wifi: settings.wifi.map((w) => ({ ssid: w.ssid, psk: w.psk ? '[redacted]' : '' })) } : settings;
}
