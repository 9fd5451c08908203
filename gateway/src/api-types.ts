/**
 * The gateway HTTP API's JSON (/api/v1, docs/fleet.md): what it sends and
 * accepts, and the lists of statuses and kinds. The server modules build
 * these shapes and their route schemas are checked against them
 * (http/wire-schema.ts); the admin web UI (gateway/web) imports them, so
 * this module imports nothing and uses no Node API (`npm run typecheck`
 * compiles it for the browser too).
 */

// Users and access

export const ROLES = ['admin', 'fleet_operator', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role may do: reads and writes of fleet data, the audit log, user
 * management. The gateway enforces it per route (fleet/access.ts); the admin
 * UI only hides and disables what a role would be refused.
 */
export const PERMISSIONS = {
  'fleet:read': ['admin', 'fleet_operator', 'analyst', 'auditor'],
  'fleet:write': ['admin', 'fleet_operator'],
  'audit:read': ['admin', 'auditor'],
  'users:manage': ['admin'],
  // The analysis pipeline mounted in the main job (gateway/src/main-job.ts):
  // analysts review, auditors only read, rule changes are for admins.
  'analysis:read': ['admin', 'analyst', 'auditor'],
  'analysis:review': ['admin', 'analyst'],
  'analysis:rules': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Who is calling, once authenticated (GET /auth/me). */
export interface Me {
  /** For the audit log: 'admin' (bootstrap token) or 'user:<id>'. */
  actor: string;
  role: Role;
  userId: string | null;
  via: 'admin-token' | 'api-token' | 'session';
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

/** A new API token: the token itself is in this answer only. */
export interface NewApiToken {
  token: string;
  info: ApiToken;
}

// Devices

export const DEVICE_STATUSES = ['provisioned', 'active', 'locked', 'revoked', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A device: the registry's public fields and whether it is connected now. */
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

/** A provisioned device or a rotated secret: the secret is in this answer only. */
export interface DeviceWithSecret {
  device: Device;
  secret: string;
}

/** One CSV row of a bulk import: the device and its secret, or why not. */
export interface ImportOutcome {
  line: number;
  serial: string;
  ok: boolean;
  device?: Device;
  secret?: string;
  error?: { code: string; message: string };
}

export interface ImportReport {
  created: number;
  failed: number;
  results: ImportOutcome[];
}

// Health

/** The health numbers the fleet table shows. Null: the badge never reported it. */
export interface RowHealth {
  updatedAtMs: number | null;
  batteryPercent: number | null;
  charging: boolean | null;
  /** Used share of flash, 0..100. */
  flashUsedPercent: number | null;
  backlogSeconds: number | null;
  rssiDbm: number | null;
  clockState: string | null;
  deviceState: string | null;
  /** Since the badge's last boot. */
  droppedFrames: number | null;
  configVersion: number | null;
}

/** A device's latest health (Hello and Telemetry) with its status and the config version it should run. */
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
  /** Since the badge's last boot: spool segments it had to erase in the foreground (the recording waited). */
  spoolEraseStalls: number | null;
  bootCount: number | null;
  uptimeS: number | null;
  lastErrorCode: number | null;
}

/** One point of a health chart: averages (dropped frames, erase stalls: maximum) over a bucket. */
export interface HealthSample {
  atMs: number;
  batteryPercent: number | null;
  flashUsedPercent: number | null;
  backlogSeconds: number | null;
  rssiDbm: number | null;
  droppedFrames: number | null;
  spoolEraseStalls: number | null;
}

export interface HealthHistory {
  bucketMs: number;
  samples: HealthSample[];
}

// The fleet table (GET /fleet/devices)

/** One line of the fleet table: identity, placement, latest health and open alerts. */
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
  alerts: Pick<Alert, 'id' | 'kind' | 'severity'>[];
}

/** One page of the fleet table; `firmwareVersions` lists every version in the fleet (for the filter). */
export interface FleetPage {
  total: number;
  offset: number;
  limit: number;
  firmwareVersions: string[];
  rows: FleetRow[];
}

/** Fleet table orders: id, lastSeen (newest first), battery (lowest first), flash (fullest first), backlog (largest first); ties by id. */
export const FLEET_SORTS = ['id', 'lastSeen', 'battery', 'flash', 'backlog'] as const;
export type FleetSort = (typeof FLEET_SORTS)[number];

/** The fleet table's filters (all must hold), order and page. */
export interface FleetQuery {
  /** Part of the device id or serial (case-insensitive). */
  q?: string;
  status?: DeviceStatus;
  branchId?: string;
  staffId?: string;
  firmwareVersion?: string;
  online?: boolean;
  /** Devices with any open alert, none, or one of this kind. */
  alert?: 'any' | 'none' | AlertKind;
  sort?: FleetSort;
  offset?: number;
  limit?: number;
}

// Directory: branches, staff, groups, placement, assignments

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

/** Where a device sits in the fleet: its branch, groups and current wearer. */
export interface Placement {
  deviceId: string;
  branchId: string | null;
  groupIds: string[];
  staffId: string | null;
}

/** Who wore a device when; `toMs` null while it lasts. */
export interface Assignment {
  id: number;
  deviceId: string;
  staffId: string;
  branchId: string | null;
  fromMs: number;
  toMs: number | null;
}

// Commands

/** Commands an operator can send. */
export const COMMAND_KINDS = ['start', 'stop', 'mute', 'unmute', 'locate', 'reboot', 'lock', 'wipe-acknowledged', 'wipe-all'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];
/** What a queued command does: an operator command, or a firmware update (only rollouts issue those). */
export type QueuedCommandKind = CommandKind | 'firmware-update';

export const COMMAND_STATES = ['queued', 'sent', 'in_progress', 'done', 'expired', 'cancelled'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export interface Command {
  id: string;
  deviceId: string;
  kind: QueuedCommandKind;
  issuedAtMs: number;
  expiresAtMs: number;
  issuedBy: string;
  state: CommandState;
  sentAtMs: number | null;
  /** The badge's CommandResult; `status` ok, failed, rejected, unsupported, in_progress or expired. */
  result: { status: string; detail: string; atMs: number; progress: number | null } | null;
}

// Config

/**
 * What a config profile may set: the `Config` message's fields except the
 * ones the gateway owns (version, staff_id). Names are the protobufjs
 * camelCase ones. A field left out inherits from the level below.
 */
export interface ConfigSettings {
  /** 0 manual, 1 voice-activated, 2 scheduled. */
  recordingMode?: number;
  bitrate?: number;
  chunkDurationMs?: number;
  silenceSplitS?: number;
  maxSessionS?: number;
  /** 0 live, 1 batched, 2 on charger. */
  uploadPolicy?: number;
  batchIntervalMin?: number;
  telemetryIntervalS?: number;
  /** Passphrases are write-only: answers show '********' (or '' when none). */
  wifi?: { ssid: string; psk: string }[];
  workingHours?: { weekdays: number; startMinute: number; endMinute: number }[];
  led?: { brightnessPercent: number; statusLedEnabled: boolean };
  haptic?: { enabled: boolean; strengthPercent: number };
  utcOffsetMin?: number;
  otaConfirmTimeoutMin?: number;
}

/** Profile levels, the later overriding the earlier: fleet < branch < group < device. */
export const PROFILE_SCOPES = ['fleet', 'branch', 'group', 'device'] as const;
export type ProfileScope = (typeof PROFILE_SCOPES)[number];

export interface ConfigProfile {
  scope: ProfileScope;
  /** '*' for the fleet. */
  scopeId: string;
  settings: ConfigSettings;
  updatedAtMs: number;
}

/** A device's config state: what it should run, what it reported running. */
export interface ConfigState {
  deviceId: string;
  wantedVersion: number;
  appliedVersion: number | null;
  appliedAtMs: number | null;
  changedAtMs: number;
  drift: boolean;
  /** The Config message (protobufjs field names), Wi-Fi passphrases hidden. */
  config: Record<string, unknown>;
}

// Alerts

export const ALERT_KINDS = ['offline', 'backlog_growing', 'flash', 'battery_low', 'clock_unsynced', 'dropped_audio', 'spool_erase_stalls', 'auth_failures'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface Alert {
  id: number;
  deviceId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  details: Record<string, unknown>;
  openedAtMs: number;
  resolvedAtMs: number | null;
}

/** Alerts, newest first: open or resolved ones only, of one device. */
export interface AlertQuery {
  state?: 'open' | 'resolved';
  deviceId?: string;
  limit?: number;
}

/** What a webhook notification tells. */
export const ALERT_EVENTS = ['alert.opened', 'alert.updated', 'alert.resolved'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'dropped'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** One webhook notification and how its delivery went. */
export interface WebhookDelivery {
  id: number;
  event: AlertEvent;
  alertId: number;
  deviceId: string;
  state: WebhookDeliveryState;
  attempts: number;
  createdAtMs: number;
  lastAttemptAtMs: number | null;
  nextAttemptAtMs: number | null;
  deliveredAtMs: number | null;
  lastError: string | null;
}

/** The alert webhook's delivery state. */
export interface WebhookStatus {
  /** Whether a webhook URL is set (the URL itself may carry a token: not shown). */
  configured: boolean;
  pending: number;
  delivered: number;
  dropped: number;
  /** The oldest pending notification: what blocks the queue (in-order delivery). */
  head: WebhookDelivery | null;
}

// Firmware

export interface Release {
  id: string;
  version: string;
  size: number;
  sha256: string;
  minHardwareRevision: string;
  notes: string;
  createdAtMs: number;
}

export const ROLLOUT_STATES = ['running', 'paused', 'aborted', 'completed'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];
export const ROLLOUT_DEVICE_STATES = ['offered', 'downloading', 'staged', 'applied', 'failed'] as const;
export type RolloutDeviceState = (typeof ROLLOUT_DEVICE_STATES)[number];

export interface Rollout {
  id: string;
  releaseId: string;
  version: string;
  groupId: string | null;
  branchId: string | null;
  /** Cumulative cohort sizes in percent, ascending, ending at 100. */
  stages: number[];
  stageIndex: number;
  state: RolloutState;
  failureThresholdPercent: number;
  reconnectTimeoutMs: number;
  reason: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  /** Devices offered the release so far, by state. */
  counts: Record<RolloutDeviceState, number>;
  eligible: number;
}

/** A new rollout (POST /rollouts). */
export interface RolloutInput {
  releaseId: string;
  /** Cumulative cohort sizes in percent, ascending, ending at 100 (default 5, 25, 100). */
  stages?: number[];
  /** Only devices in this group / at this branch (default: the whole fleet). */
  groupId?: string;
  branchId?: string;
  /** Pause when failed devices reach this share of the devices offered so far (default 10 %). */
  failureThresholdPercent?: number;
  /** A badge that staged the image must reconnect within this long (default 30 min). */
  reconnectTimeoutMs?: number;
}

export interface RolloutDevice {
  deviceId: string;
  stage: number;
  state: RolloutDeviceState;
  detail: string | null;
  updatedAtMs: number;
}

export interface RolloutDetail {
  rollout: Rollout;
  devices: RolloutDevice[];
}

// Audit log

export const AUDIT_OUTCOMES = ['ok', 'denied', 'error'] as const;

export interface AuditEntry {
  seq: number;
  atMs: number;
  /** Who: 'admin', 'user:<id>', 'device:<id>', 'svc:<name>', 'anonymous', 'system'. */
  actor: string;
  /** What, dotted: 'device.created', 'mqtt.auth.failed', ... */
  action: string;
  /** The object acted on (a device id, a username as sent), if any. */
  target: string | null;
  /** Source address, if any. */
  source: string | null;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  details: Record<string, unknown>;
}

/** A page of the audit log: entries after `afterSeq`, matching action and target exactly. */
export interface AuditQuery {
  afterSeq?: number;
  limit?: number;
  action?: string;
  target?: string;
}
