import type { Messages } from './zh-CN.js';

/** English interface text. */
export const en: Messages = {
  app: {
    title: 'Parley fleet admin', devices: 'Devices', config: 'Config', users: 'Users', provisioning: 'Provisioning & staff', rollouts: 'Firmware', alerts: 'Alerts', audit: 'Audit log',
    language: '中文', signOut: 'Sign out', readOnly: 'Your role is read-only: devices, config and staff cannot be changed.',
  },
  auth: { title: 'Sign in to Parley fleet admin', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Wrong username or password', locked: 'Too many attempts, try again later', unreachable: 'Cannot reach the server' },
  role: { admin: 'Admin', fleet_operator: 'Fleet operator', analyst: 'Analyst', auditor: 'Auditor' },
  status: { provisioned: 'Provisioned', active: 'Active', locked: 'Locked', revoked: 'Revoked', retired: 'Retired' },
  severity: { warning: 'Warning', critical: 'Critical' },
  alertKind: { offline: 'Offline', backlog_growing: 'Backlog growing', flash: 'Flash filling', battery_low: 'Battery low', clock_unsynced: 'Clock unsynced', dropped_audio: 'Dropped audio', spool_erase_stalls: 'Flash erase stalls', auth_failures: 'Auth failures' },
  clock: { synced: 'Synced', unsynced: 'Unsynced', stale: 'Stale' },
  deviceState: { idle: 'Idle', recording: 'Recording', muted: 'Muted', storage_full: 'Storage full', low_battery: 'Low battery', locked: 'Locked' },
  commandKind: {
    start: 'Start', stop: 'Stop', mute: 'Mute', unmute: 'Unmute', locate: 'Locate', reboot: 'Reboot', lock: 'Lock',
    'wipe-acknowledged': 'Wipe uploaded audio', 'wipe-all': 'Wipe all (lost)', 'firmware-update': 'Firmware update',
  },
  commandState: { queued: 'Queued', sent: 'Sent', in_progress: 'In progress', done: 'Done', expired: 'Expired', cancelled: 'Cancelled' },
  commandResult: { ok: 'OK', failed: 'Failed', rejected: 'Rejected', unsupported: 'Unsupported', in_progress: 'In progress', expired: 'Expired' },
  rolloutState: { running: 'Running', paused: 'Paused', aborted: 'Aborted', completed: 'Completed' },
  rolloutDeviceState: { offered: 'Pending', downloading: 'Downloading', staged: 'Staged', applied: 'Applied', failed: 'Failed' },
  scope: { fleet: 'Fleet', branch: 'Branch', group: 'Group', device: 'Device', wholeFleet: 'Whole fleet' },
  health: {
    charging: 'charging', online: 'Online', offline: 'Offline', never: 'Never reported', battery: 'Battery', flash: 'Flash used', backlog: 'Audio waiting to upload', rssi: 'Signal (RSSI)',
    clock: 'Clock', dropped: 'Frames dropped since boot', minutes: '{{count}} min',
  },
  healthShort: { battery: 'Batt', flash: 'Flash', backlog: 'Backlog', rssi: 'RSSI', clock: 'Clock', dropped: 'Dropped' },
  fleetSort: { id: 'By device id', lastSeen: 'Last seen first', battery: 'Lowest battery first', flash: 'Fullest flash first', backlog: 'Largest backlog first' },
  fleet: {
    sort: 'Sort', title: 'Fleet', device: 'Device', status: 'Status', online: 'Online', lastSeen: 'Last seen', branch: 'Branch', staff: 'Staff', firmware: 'Firmware',
    health: 'Health', alerts: 'Alerts', search: 'Search device id / serial', alertState: 'Alert state', anyAlert: 'Any alert', noAlert: 'No alert', total: '{{count}} devices',
  },
  device: {
    back: 'Fleet', serial: 'Serial', hardware: 'Hardware', firmware: 'Firmware', created: 'Created', lastSeen: 'Last seen', state: 'Device state',
    boots: 'Boots', uptime: 'Uptime', lastError: 'Last error', eraseStalls: 'Flash erase stalls since boot', health: 'Health', telemetry: 'Telemetry', commands: 'Commands', config: 'Configuration',
    placement: 'Branch and wearer', alerts: 'Alerts for this device',
    rotate: 'Rotate secret', rotateConfirm: 'Issue a new secret? The old one stops working at once; the badge needs the new one.', rotated: 'New secret issued',
    revoke: 'Revoke', revokeConfirm: 'The badge will be disconnected and refused from now on. Revoke?', revoked: 'Revoked',
    retire: 'Retire', retireConfirm: 'Retiring is for good. Retire?', retired: 'Retired', reinstate: 'Reinstate', reinstated: 'Reinstated',
  },
  charts: { battery: 'Battery (%)', flash: 'Flash used (%)', backlog: 'Backlog (min)', rssi: 'RSSI (dBm)', min: 'min', empty: 'No telemetry in this period', range: { '1h': '1 hour', '24h': '24 hours', '7d': '7 days' } },
  commands: { kind: 'Command', issued: 'Issued', state: 'State', result: 'Badge result', cancel: 'Cancel', sent: 'Sent: {{kind}}', confirm: 'Send "{{kind}}" to this badge?' },
  config: {
    profiles: 'Config profiles (fleet → branch → group → device, field by field)', level: 'Level', target: 'For', settings: 'Settings', editProfile: 'Edit', delete: 'Delete', deleteConfirm: 'Its settings will be inherited instead. Delete?', chooseScope: 'Choose',
    driftTitle: 'Devices in drift', driftHint: 'The version the badge applied differs from the one it should run (offline, or not applied yet).', changed: 'Changed', appliedAt: 'Applied', fleetHint: 'The fleet profile is the base of every device; empty fields use the firmware defaults.',
    wanted: 'Wanted version', applied: 'Applied by badge', drift: 'Drift', inSync: 'In sync', effective: 'Effective config', deviceProfile: 'Device profile', inheritsAll: '(inherits everything)',
    edit: 'Edit device config', editTitle: '{{scope}} profile: {{id}}', inherit: 'inherit', inheritHint: 'Empty fields inherit from the level before (fleet → branch → group → device).', saved: 'Saved; affected badges get it next',
    wifiNote: 'This device profile has Wi-Fi networks (passphrases are write-only): change it with badgectl config set.',
  },
  configField: {
    recordingMode: 'Recording mode', uploadPolicy: 'Upload policy', bitrate: 'Bitrate (bps)', chunkDurationMs: 'Chunk duration (ms)', silenceSplitS: 'Silence split (s)', maxSessionS: 'Max session (s)',
    batchIntervalMin: 'Batch interval (min)', telemetryIntervalS: 'Telemetry interval (s)', utcOffsetMin: 'UTC offset (min)', otaConfirmTimeoutMin: 'OTA confirm timeout (min)',
  },
  configValue: {
    recordingMode: { 0: 'Manual', 1: 'Voice-activated', 2: 'Scheduled' },
    uploadPolicy: { 0: 'Live', 1: 'Batched', 2: 'On charger' },
  },
  placement: {
    branch: 'Branch', noBranch: 'No branch', branchSet: 'Branch set', wearer: 'Worn by', chooseStaff: 'Choose staff', assign: 'Assign', assigned: 'Assigned', unassign: 'Unassign',
    unassigned: 'Unassigned', staff: 'Staff', branchThen: 'Branch then', from: 'From', to: 'To', current: 'now',
  },
  provision: {
    create: 'New device', idOptional: 'Device id (optional, generated if empty)', createButton: 'Create and issue secret', import: 'CSV bulk import',
    importHint: 'Header: serial,hardwareRevision[,id][,firmwareVersion]; one device per row.', chooseFile: 'Choose CSV file', importButton: 'Import',
    importResult: 'Import: {{created}} created, {{failed}} failed', line: 'Line', outcome: 'Outcome', secretOrError: 'Secret / error', assign: 'Assign a badge to staff',
  },
  secret: { title: 'Secret of {{id}}', once: 'The secret is shown only this once: write it to the badge or keep it safe now.', done: 'I have saved it' },
  directory: { groups: 'Groups', members: 'Devices', deviceId: 'Device id', addDevice: 'Add', branches: 'Branches', staff: 'Staff', id: 'Id', name: 'Name', region: 'Region', created: 'Created', add: 'Add' },
  rollouts: {
    title: 'Rollouts', releases: 'Releases', new: 'New staged rollout', version: 'Version', minHw: 'Min hardware', size: 'Size', notes: 'Notes', chooseBundle: 'Choose bundle',
    upload: 'Upload', uploaded: 'Release uploaded', release: 'Release', stages: 'Stages (%)', stagesInvalid: 'Rising percentages ending at 100, e.g. 5, 25, 100',
    branchCohort: 'Branch only', groupCohort: 'Group only', threshold: 'Failure threshold %', start: 'Start rollout', started: 'Rollout started', cohort: 'Cohort', group: 'group',
    wholeFleet: 'Whole fleet', state: 'State', counts: 'Devices', updated: 'Updated', pause: 'Pause', resume: 'Resume', abort: 'Abort', abortConfirm: 'Devices not yet offered will not be updated. Abort?',
    stage: 'Stage', stageDone: 'Done', stageWaiting: 'Not started', progress: 'Progress', deviceState: 'Device state', detail: 'Detail',
  },
  alerts: {
    title: 'Alerts', device: 'Device', kind: 'Kind', severity: 'Severity', message: 'Message', opened: 'Opened', state: 'State', open: 'Open', resolved: 'Resolved', all: 'All',
    evaluate: 'Evaluate now', evaluated: 'Evaluated: {{count}} open', webhookPending: 'Webhook: {{count}} waiting', webhookClear: 'Webhook: nothing waiting',
    webhookNone: 'No webhook configured', webhookCounts: '{{delivered}} delivered, {{dropped}} dropped', webhookLastError: 'The oldest was tried {{attempts}} times, last error: {{error}}',
    webhookHint: 'Alert changes are POSTed to the configured webhook; failed deliveries are retried at the next evaluation.',
  },
  users: {
    title: 'Users and tokens', role: 'Role', enabled: 'Enabled', created: 'User created', saved: 'Saved', passwordRule: 'At least 12 characters', resetPassword: 'Reset password', resetPasswordOf: 'New password for {{id}}',
    tokenName: 'Token name', lastUsed: 'Last used', state: 'State', active: 'Active', revokedAt: 'Revoked {{at}}', revoke: 'Revoke', revokeConfirm: 'The token stops working at once. Revoke?', newToken: 'New API token',
    tokenTitle: 'API token of {{id}}', forbidden: 'Only admins manage users.',
  },
  audit: {
    actionFilter: 'Action (exact, e.g. command.issued)',
    title: 'Audit log', time: 'Time', actor: 'Actor', action: 'Action', target: 'Target', source: 'Source', outcome: 'Outcome', details: 'Details',
    exportCsv: 'Export CSV', exportJsonl: 'Export JSON Lines', prev: 'Previous', next: 'Next', page: 'Page {{page}}', forbidden: 'Your role cannot read the audit log.',
  },
};
