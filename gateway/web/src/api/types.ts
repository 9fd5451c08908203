/** The fleet API's shapes as the admin UI reads them (docs/fleet.md, gateway/src/fleet/routes). */

export type Role = 'admin' | 'fleet_operator' | 'analyst' | 'auditor';
export type DeviceStatus = 'provisioned' | 'active' | 'locked' | 'revoked' | 'retired';
export const DEVICE_STATUSES: DeviceStatus[] = ['provisioned', 'active', 'locked', 'revoked', 'retired'];
export const ALERT_KINDS = ['offline', 'backlog_growing', 'flash', 'battery_low', 'clock_unsynced', 'dropped_audio', 'spool_erase_stalls', 'auth_failures'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const COMMAND_KINDS = ['start', 'stop', 'mute', 'unmute', 'locate', 'reboot', 'lock', 'wipe-acknowledged', 'wipe-all'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

export interface Me {
  actor: string;
  role: Role;
  userId: string | null;
  via: string;
}

export interface Device {
  id: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion: string | null;
  status: DeviceStatus;
  createdAtMs: number;
  updatedAtMs: number;
  lastSeenAtMs: number | null;
  online: boolean;
}

export interface RowHealth {
  updatedAtMs: number | null;
  batteryPercent: number | null;
  charging: boolean | null;
  flashUsedPercent: number | null;
  backlogSeconds: number | null;
  rssiDbm: number | null;
  clockState: string | null;
  deviceState: string | null;
  droppedFrames: number | null;
  configVersion: number | null;
}

export interface FleetRow {
  id: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion: string | null;
  status: DeviceStatus;
  online: boolean;
  lastSeenAtMs: number | null;
  branchId: string | null;
  staffId: string | null;
  groupIds: string[];
  health: RowHealth;
  alerts: { id: number; kind: AlertKind; severity: 'warning' | 'critical' }[];
}

export interface FleetPage {
  total: number;
  offset: number;
  limit: number;
  firmwareVersions: string[];
  rows: FleetRow[];
}

export interface DeviceHealth extends RowHealth {
  deviceId: string;
  online: boolean;
  status: DeviceStatus;
  lastSeenAtMs: number | null;
  flashUsedBytes: number | null;
  flashFreeBytes: number | null;
  firmwareVersion: string | null;
  hardwareRevision: string | null;
  wantedConfigVersion: number | null;
  /** Since boot: spool segments the badge had to erase in the foreground (the recording waited). */
  spoolEraseStalls: number | null;
  bootCount: number | null;
  uptimeS: number | null;
  lastErrorCode: number | null;
}

export interface HealthSample {
  atMs: number;
  batteryPercent: number | null;
  flashUsedPercent: number | null;
  backlogSeconds: number | null;
  rssiDbm: number | null;
  droppedFrames: number | null;
  spoolEraseStalls: number | null;
}

export interface Branch {
  id: string;
  name: string;
  region: string;
  createdAtMs: number;
}
export interface Staff {
  id: string;
  name: string;
  branchId: string | null;
  createdAtMs: number;
}
export interface Group {
  id: string;
  name: string;
  createdAtMs: number;
  deviceIds: string[];
}
export interface Placement {
  deviceId: string;
  branchId: string | null;
  groupIds: string[];
  staffId: string | null;
}
export interface Assignment {
  id: number;
  deviceId: string;
  staffId: string;
  branchId: string | null;
  fromMs: number;
  toMs: number | null;
}

export type CommandState = 'queued' | 'sent' | 'in_progress' | 'done' | 'expired' | 'cancelled';
export interface Command {
  id: string;
  deviceId: string;
  kind: string;
  issuedAtMs: number;
  expiresAtMs: number;
  issuedBy: string;
  state: CommandState;
  sentAtMs: number | null;
  result: { status: string; detail: string; atMs: number; progress: number | null } | null;
}

/** A config profile's settings: the Config message's fields (protobufjs names); a field left out inherits. */
export interface ConfigSettings {
  recordingMode?: number;
  bitrate?: number;
  chunkDurationMs?: number;
  silenceSplitS?: number;
  maxSessionS?: number;
  uploadPolicy?: number;
  batchIntervalMin?: number;
  telemetryIntervalS?: number;
  wifi?: { ssid: string; psk: string }[];
  workingHours?: { weekdays: number; startMinute: number; endMinute: number }[];
  led?: { brightnessPercent: number; statusLedEnabled: boolean };
  haptic?: { enabled: boolean; strengthPercent: number };
  utcOffsetMin?: number;
  otaConfirmTimeoutMin?: number;
}
export interface ConfigProfile {
  scope: 'fleet' | 'branch' | 'group' | 'device';
  scopeId: string;
  settings: ConfigSettings;
  updatedAtMs: number;
}
export interface ConfigState {
  deviceId: string;
  wantedVersion: number;
  appliedVersion: number | null;
  appliedAtMs: number | null;
  changedAtMs: number;
  drift: boolean;
  config: Record<string, unknown>;
}

export interface Alert {
  id: number;
  deviceId: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  message: string;
  details: Record<string, unknown>;
  openedAtMs: number;
  resolvedAtMs: number | null;
}

export interface Release {
  id: string;
  version: string;
  size: number;
  sha256: string;
  minHardwareRevision: string;
  notes: string;
  createdAtMs: number;
}
export type RolloutState = 'running' | 'paused' | 'aborted' | 'completed';
export type RolloutDeviceState = 'offered' | 'downloading' | 'staged' | 'applied' | 'failed';
export const ROLLOUT_DEVICE_STATES: RolloutDeviceState[] = ['offered', 'downloading', 'staged', 'applied', 'failed'];
export interface Rollout {
  id: string;
  releaseId: string;
  version: string;
  groupId: string | null;
  branchId: string | null;
  stages: number[];
  stageIndex: number;
  state: RolloutState;
  failureThresholdPercent: number;
  reconnectTimeoutMs: number;
  reason: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  counts: Record<RolloutDeviceState, number>;
  eligible: number;
}
export interface RolloutDevice {
  deviceId: string;
  stage: number;
  state: RolloutDeviceState;
  detail: string | null;
  updatedAtMs: number;
}

export interface AuditEntry {
  seq: number;
  atMs: number;
  actor: string;
  action: string;
  target: string | null;
  source: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export interface ImportOutcome {
  line: number;
  serial: string;
  ok: boolean;
  device?: Device;
  secret?: string;
  error?: { code: string; message: string };
}

/**
 * The alert webhook's delivery state. `pending` is always there; gateways
 * with the durable webhook outbox also say whether one is configured, what
 * was delivered or dropped, and the oldest waiting notification.
 */
export interface WebhookStatus {
  pending: number;
  configured?: boolean;
  delivered?: number;
  dropped?: number;
  head?: { event: string; alertId: number; deviceId: string; attempts: number; lastError: string | null; nextAttemptAtMs: number | null } | null;
}

export interface User {
  id: string;
  role: Role;
  disabled: boolean;
  createdAtMs: number;
}
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAtMs: number;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}
