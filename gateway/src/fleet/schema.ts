/**
 * The fleet module's SQLite tables (migration owner 'fleet'). Steps are
 * append-only: never edit a step that has shipped, add a new one.
 */
export const FLEET_MIGRATIONS: readonly string[] = [
  `CREATE TABLE fleet_branches (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     region TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_staff (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     branch_id TEXT REFERENCES fleet_branches (id),
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_groups (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_device_groups (
     device_id TEXT NOT NULL REFERENCES devices (id),
     group_id TEXT NOT NULL REFERENCES fleet_groups (id) ON DELETE CASCADE,
     PRIMARY KEY (device_id, group_id)
   ) STRICT;
   CREATE TABLE fleet_device_branch (
     device_id TEXT PRIMARY KEY REFERENCES devices (id),
     branch_id TEXT NOT NULL REFERENCES fleet_branches (id)
   ) STRICT;
   CREATE TABLE fleet_assignments (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     device_id TEXT NOT NULL REFERENCES devices (id),
     staff_id TEXT NOT NULL REFERENCES fleet_staff (id),
     branch_id TEXT,
     from_ms INTEGER NOT NULL,
     to_ms INTEGER,
     CHECK (to_ms IS NULL OR to_ms >= from_ms)
   ) STRICT;
   CREATE INDEX fleet_assignments_device ON fleet_assignments (device_id, from_ms);
   CREATE INDEX fleet_assignments_staff ON fleet_assignments (staff_id, from_ms);`,
  `CREATE TABLE fleet_config_profiles (
     scope TEXT NOT NULL CHECK (scope IN ('fleet', 'branch', 'group', 'device')),
     scope_id TEXT NOT NULL,
     settings TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (scope, scope_id)
   ) STRICT;
   CREATE TABLE fleet_device_config (
     device_id TEXT PRIMARY KEY REFERENCES devices (id),
     version INTEGER NOT NULL,
     config TEXT NOT NULL,
     changed_at INTEGER NOT NULL,
     applied_version INTEGER,
     applied_at INTEGER
   ) STRICT;`,
  `CREATE TABLE fleet_commands (
     id TEXT PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id),
     kind TEXT NOT NULL,
     issued_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     issued_by TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'in_progress', 'done', 'expired', 'cancelled')),
     sent_at INTEGER,
     result_status TEXT,
     result_detail TEXT,
     result_at INTEGER,
     progress INTEGER
   ) STRICT;
   CREATE INDEX fleet_commands_pending ON fleet_commands (device_id, state, issued_at);`,
  `CREATE TABLE fleet_health (
     device_id TEXT PRIMARY KEY REFERENCES devices (id),
     updated_at INTEGER NOT NULL,
     battery_percent INTEGER,
     charging INTEGER,
     flash_used_bytes INTEGER,
     flash_free_bytes INTEGER,
     backlog_seconds INTEGER,
     rssi_dbm INTEGER,
     firmware_version TEXT,
     hardware_revision TEXT,
     config_version INTEGER,
     clock_state TEXT,
     device_state TEXT,
     dropped_frames INTEGER,
     boot_count INTEGER,
     uptime_s INTEGER,
     last_error_code INTEGER
   ) STRICT;
   CREATE TABLE fleet_health_samples (
     device_id TEXT NOT NULL,
     bucket_ms INTEGER NOT NULL,
     battery_percent INTEGER,
     flash_used_percent REAL,
     backlog_seconds INTEGER,
     rssi_dbm INTEGER,
     dropped_frames INTEGER,
     PRIMARY KEY (device_id, bucket_ms)
   ) STRICT;`,
  `CREATE TABLE fleet_alerts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     device_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
     message TEXT NOT NULL,
     details TEXT NOT NULL DEFAULT '{}',
     opened_at INTEGER NOT NULL,
     resolved_at INTEGER
   ) STRICT;
   CREATE UNIQUE INDEX fleet_alerts_open ON fleet_alerts (device_id, kind) WHERE resolved_at IS NULL;
   CREATE INDEX fleet_alerts_device ON fleet_alerts (device_id, id);
   CREATE TABLE fleet_clock_unsynced (
     device_id TEXT PRIMARY KEY,
     since INTEGER NOT NULL
   ) STRICT;`,
  `CREATE TABLE fleet_users (
     id TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('admin', 'fleet_operator', 'analyst', 'auditor')),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_api_tokens (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES fleet_users (id),
     name TEXT NOT NULL,
     token_sha256 TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER,
     revoked_at INTEGER
   ) STRICT;
   CREATE TABLE fleet_sessions (
     token_sha256 TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES fleet_users (id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) STRICT;`,
  `CREATE TABLE fleet_releases (
     id TEXT PRIMARY KEY,
     version TEXT NOT NULL UNIQUE,
     size INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     min_hardware_revision TEXT NOT NULL DEFAULT '',
     notes TEXT NOT NULL DEFAULT '',
     bundle BLOB NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_rollouts (
     id TEXT PRIMARY KEY,
     release_id TEXT NOT NULL REFERENCES fleet_releases (id),
     group_id TEXT,
     branch_id TEXT,
     stages TEXT NOT NULL,
     stage_index INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'aborted', 'completed')),
     failure_threshold_percent REAL NOT NULL,
     reconnect_timeout_ms INTEGER NOT NULL,
     reason TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE fleet_rollout_devices (
     rollout_id TEXT NOT NULL REFERENCES fleet_rollouts (id),
     device_id TEXT NOT NULL,
     stage INTEGER NOT NULL,
     command_id TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('offered', 'downloading', 'staged', 'applied', 'failed')),
     detail TEXT,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (rollout_id, device_id)
   ) STRICT;
   CREATE INDEX fleet_rollout_devices_device ON fleet_rollout_devices (device_id, state);
   ALTER TABLE fleet_commands ADD COLUMN release_id TEXT;`,
  // The alert webhook's durable outbox (alert-webhook.ts).
  `CREATE TABLE fleet_alert_webhook (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     event TEXT NOT NULL CHECK (event IN ('alert.opened', 'alert.updated', 'alert.resolved')),
     alert_id INTEGER NOT NULL,
     device_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dropped')),
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     last_attempt_at INTEGER,
     next_attempt_at INTEGER,
     delivered_at INTEGER,
     last_error TEXT
   ) STRICT;
   CREATE INDEX fleet_alert_webhook_state ON fleet_alert_webhook (state, id);`,
  // Telemetry.spool_erase_stalls: spool segments the badge had to erase in the foreground since boot.
  `ALTER TABLE fleet_health ADD COLUMN spool_erase_stalls INTEGER;
   ALTER TABLE fleet_health_samples ADD COLUMN spool_erase_stalls INTEGER;`,
];
