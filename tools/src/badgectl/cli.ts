import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spoolChipFor } from '@parley/firmware/spool-chip';
import { badgeBoard } from '@parley/hardware/boards';
import { ApiClient } from './api-client.js';
import { BadgectlError, isBadgectlError } from './errors.js';
import { lineProgress, terminalProgress } from './progress.js';
import { provisionBadge } from './provision.js';
import { closeSerialPort, openSerialPort } from './serial-port.js';
import { isoTime, renderRecord, renderTable, type Column } from './table.js';

export const USAGE = `badgectl: manage the Parley badge fleet through the gateway API

usage: badgectl <command> [args] [--url URL] [--token TOKEN] [--json]
  --url    gateway HTTP address (env PARLEY_URL, default http://127.0.0.1:8080)
  --token  API token or the admin token (env PARLEY_TOKEN)
  --json   print the API's JSON instead of tables

devices list [--status S]                 devices show <id>          devices health <id>
devices create --serial SN --hw REV [--id ID] [--firmware V]   (prints the secret once)
devices import <file.csv>                 (header: serial,hardwareRevision[,id][,firmwareVersion])
devices revoke|retire|reinstate|rotate-secret <id>
devices branch <id> <branch|none>
branches list                             branches create <id> --name N [--region R]
staff list [--branch B]                   staff create <id> --name N [--branch B]
groups list                               groups create <id> --name N
groups add|remove <group> <device>
assign <device> <staff> [--at ISO]        unassign <device> [--at ISO]      assignments [--device D] [--staff S]
config profiles                           config show <device>              config drift
config set <fleet|branch|group|device> <id|*> key=value...  (values are JSON: bitrate=16000 led='{"brightnessPercent":50,"statusLedEnabled":true}')
config unset <scope> <id>
command <device> <locate|mute|unmute|start|stop|reboot|lock|wipe-acknowledged|wipe-all> [--ttl SECONDS]
commands <device>
alerts [--open] [--device D]
audit [--action A] [--target T] [--limit N]
audit export --format csv|jsonl [--out FILE]
users list | users create <id> --role R --password P | tokens create <user> --name N
release list                              release upload <bundle> --version V [--min-hw R] [--notes N]
rollout list                              rollout show <id>          rollout pause|abort <id>
rollout resume <id> [--threshold PERCENT]
rollout start <release-id> [--stages 5,25,100] [--group G] [--branch B] [--threshold PERCENT] [--reconnect-min M]
provision --port /dev/ttyUSB0 [--bundle firmware/dist/badge.min.js] [--mqtt HOST:PORT] [--id ID] [--serial SN] [--hw REV]
          [--staff S] [--wifi SSID:PASSPHRASE]... [--rotate] [--timeout SECONDS]
    flash the firmware, create the device (or with --rotate issue a new secret), write identity, secret and
    gateway address into the badge's Storage, verify them, restart it, wait for its first connection and
    for it to apply the fleet config the gateway sends it.
    Safe to re-run: a badge already provisioned is verified, not re-created. --timeout 0 does not wait.`;

export interface RunContext {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
  /** Whether progress (on stderr) goes to a terminal: a redrawn bar instead of lines. */
  errIsTTY?: boolean;
  columns?: number;
}

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  status: { type: 'string' },
  serial: { type: 'string' },
  hw: { type: 'string' },
  id: { type: 'string' },
  firmware: { type: 'string' },
  name: { type: 'string' },
  region: { type: 'string' },
  branch: { type: 'string' },
  device: { type: 'string' },
  staff: { type: 'string' },
  at: { type: 'string' },
  ttl: { type: 'string' },
  open: { type: 'boolean', default: false },
  action: { type: 'string' },
  target: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  version: { type: 'string' },
  'min-hw': { type: 'string' },
  notes: { type: 'string' },
  stages: { type: 'string' },
  group: { type: 'string' },
  threshold: { type: 'string' },
  'reconnect-min': { type: 'string' },
  port: { type: 'string' },
  bundle: { type: 'string' },
  mqtt: { type: 'string' },
  wifi: { type: 'string', multiple: true },
  rotate: { type: 'boolean', default: false },
  timeout: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

interface Device {
  id: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion: string | null;
  status: string;
  online: boolean;
  lastSeenAtMs: number | null;
}

const DEVICE_COLUMNS: Column<Device>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'serial', value: (d) => d.serial },
  { header: 'hw', value: (d) => d.hardwareRevision },
  { header: 'firmware', value: (d) => d.firmwareVersion },
  { header: 'status', value: (d) => d.status },
  { header: 'online', value: (d) => (d.online ? 'yes' : 'no') },
  { header: 'last seen', value: (d) => isoTime(d.lastSeenAtMs) },
];

const enc = encodeURIComponent;

/** Runs one badgectl invocation; returns the exit code. */
export async function runBadgectl(argv: readonly string[], ctx: RunContext): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new BadgectlError('USAGE', (err as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help || positionals.length === 0) {
      ctx.out(`${USAGE}\n`);
      return positionals.length === 0 && !values.help ? 2 : 0;
    }
    const token = values.token ?? ctx.env.PARLEY_TOKEN;
    if (!token) throw new BadgectlError('NO_TOKEN');
    const api = new ApiClient({ url: values.url ?? ctx.env.PARLEY_URL ?? 'http://127.0.0.1:8080', token, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) });
    await dispatch(api, positionals, values, ctx);
    return 0;
  } catch (err) {
    if (isBadgectlError(err)) {
      ctx.err(`badgectl: ${err.message}\n`);
      if (err.code === 'USAGE') ctx.err('run badgectl --help for usage\n');
      return err.exitCode;
    }
    ctx.err(`badgectl: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new BadgectlError('USAGE', `missing ${what}`);
  return value;
}

function atMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new BadgectlError('USAGE', `--at is not an ISO date/time: ${value}`);
  return ms;
}

function positiveInt(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new BadgectlError('USAGE', `${what} must be a positive integer`);
  return Number(value);
}

/** key=value pairs into config settings; values are JSON, bare words are strings. */
export function parseSettings(pairs: readonly string[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new BadgectlError('USAGE', `expected key=value, got '${pair}'`);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    try {
      settings[key] = JSON.parse(raw);
    } catch {
      settings[key] = raw;
    }
  }
  return settings;
}

async function dispatch(api: ApiClient, args: readonly string[], v: Values, ctx: RunContext): Promise<void> {
  const [group, sub, a1, a2] = args;
  const show = (data: unknown, text: () => string) => ctx.out(v.json ? `${JSON.stringify(data, null, 2)}\n` : text());
  const q = (params: Record<string, string | number | boolean | undefined>) => {
    const search = new URLSearchParams();
    for (const [k, val] of Object.entries(params)) if (val !== undefined && val !== false) search.set(k, String(val));
    const s = search.toString();
    return s ? `?${s}` : '';
  };

  switch (group) {
    case 'provision':
      return provision(api, v, ctx, show);
    case 'devices': {
      switch (sub) {
        case 'list': {
          const data = await api.request<{ devices: Device[] }>('GET', `/api/v1/devices${q({ status: v.status, limit: 1000 })}`);
          return show(data, () => renderTable(data.devices, DEVICE_COLUMNS));
        }
        case 'show': {
          const id = enc(need(a1, 'device id'));
          const [device, placement, config] = await Promise.all([
            api.request<Device>('GET', `/api/v1/devices/${id}`),
            api.request<Record<string, unknown>>('GET', `/api/v1/devices/${id}/placement`),
            api.request<{ wantedVersion: number; appliedVersion: number | null; drift: boolean }>('GET', `/api/v1/devices/${id}/config`),
          ]);
          const data = { ...device, ...placement, configWanted: config.wantedVersion, configApplied: config.appliedVersion, drift: config.drift };
          return show(data, () => renderRecord(data));
        }
        case 'health': {
          const data = await api.request<Record<string, unknown>>('GET', `/api/v1/devices/${enc(need(a1, 'device id'))}/health`);
          return show(data, () => renderRecord(data));
        }
        case 'create': {
          const body = { serial: need(v.serial, '--serial'), hardwareRevision: need(v.hw, '--hw'), ...(v.id ? { id: v.id } : {}), ...(v.firmware ? { firmwareVersion: v.firmware } : {}) };
          const data = await api.request<{ device: Device; secret: string }>('POST', '/api/v1/devices', { json: body });
          return show(data, () => `created ${data.device.id}\nsecret (shown once, store it in the badge): ${data.secret}\n`);
        }
        case 'import': {
          const file = need(a1, 'CSV file');
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch (err) {
            throw new BadgectlError('INPUT_UNREADABLE', `${file}: ${(err as Error).message}`);
          }
          type Outcome = { line: number; serial: string; ok: boolean; device?: Device; secret?: string; error?: { code: string; message: string } };
          const data = await api.request<{ created: number; failed: number; results: Outcome[] }>('POST', '/api/v1/devices/import', { text, contentType: 'text/csv' });
          return show(data, () =>
            `${renderTable(data.results, [
              { header: 'line', value: (r) => r.line },
              { header: 'serial', value: (r) => r.serial },
              { header: 'id', value: (r) => r.device?.id },
              { header: 'result', value: (r) => (r.ok ? 'created' : `${r.error?.code}: ${r.error?.message}`) },
              { header: 'secret (shown once)', value: (r) => r.secret },
            ])}${data.created} created, ${data.failed} failed\n`,
          );
        }
        case 'revoke':
        case 'retire':
        case 'reinstate': {
          const data = await api.request<Device>('POST', `/api/v1/devices/${enc(need(a1, 'device id'))}/${sub}`);
          return show(data, () => `${data.id}: ${data.status}\n`);
        }
        case 'rotate-secret': {
          const data = await api.request<{ device: Device; secret: string }>('POST', `/api/v1/devices/${enc(need(a1, 'device id'))}/rotate-secret`);
          return show(data, () => `new secret for ${data.device.id} (shown once; the old one no longer works): ${data.secret}\n`);
        }
        case 'branch': {
          const branch = need(a2, 'branch id (or none)');
          const data = await api.request<Record<string, unknown>>('PUT', `/api/v1/devices/${enc(need(a1, 'device id'))}/branch`, { json: { branchId: branch === 'none' ? null : branch } });
          return show(data, () => renderRecord(data));
        }
        default:
          throw new BadgectlError('USAGE', `unknown: devices ${sub ?? ''}`);
      }
    }
    case 'branches': {
      if (sub === 'list') {
        const data = await api.request<{ branches: { id: string; name: string; region: string }[] }>('GET', '/api/v1/branches');
        return show(data, () => renderTable(data.branches, [{ header: 'id', value: (b) => b.id }, { header: 'name', value: (b) => b.name }, { header: 'region', value: (b) => b.region }]));
      }
      if (sub === 'create') {
        const data = await api.request<{ id: string }>('POST', '/api/v1/branches', { json: { id: need(a1, 'branch id'), name: need(v.name, '--name'), ...(v.region ? { region: v.region } : {}) } });
        return show(data, () => `created branch ${data.id}\n`);
      }
      throw new BadgectlError('USAGE', `unknown: branches ${sub ?? ''}`);
    }
    case 'staff': {
      if (sub === 'list') {
        const data = await api.request<{ staff: { id: string; name: string; branchId: string | null }[] }>('GET', `/api/v1/staff${q({ branchId: v.branch })}`);
        return show(data, () => renderTable(data.staff, [{ header: 'id', value: (s) => s.id }, { header: 'name', value: (s) => s.name }, { header: 'branch', value: (s) => s.branchId }]));
      }
      if (sub === 'create') {
        const data = await api.request<{ id: string }>('POST', '/api/v1/staff', { json: { id: need(a1, 'staff id'), name: need(v.name, '--name'), ...(v.branch ? { branchId: v.branch } : {}) } });
        return show(data, () => `created staff ${data.id}\n`);
      }
      throw new BadgectlError('USAGE', `unknown: staff ${sub ?? ''}`);
    }
    case 'groups': {
      if (sub === 'list') {
        const data = await api.request<{ groups: { id: string; name: string; deviceIds: string[] }[] }>('GET', '/api/v1/groups');
        return show(data, () => renderTable(data.groups, [{ header: 'id', value: (g) => g.id }, { header: 'name', value: (g) => g.name }, { header: 'devices', value: (g) => g.deviceIds.join(' ') }]));
      }
      if (sub === 'create') {
        const data = await api.request<{ id: string }>('POST', '/api/v1/groups', { json: { id: need(a1, 'group id'), name: need(v.name, '--name') } });
        return show(data, () => `created group ${data.id}\n`);
      }
      if (sub === 'add' || sub === 'remove') {
        const data = await api.request<Record<string, unknown>>(sub === 'add' ? 'PUT' : 'DELETE', `/api/v1/groups/${enc(need(a1, 'group id'))}/devices/${enc(need(a2, 'device id'))}`);
        return show(data, () => renderRecord(data));
      }
      throw new BadgectlError('USAGE', `unknown: groups ${sub ?? ''}`);
    }
    case 'assign': {
      const at = atMs(v.at);
      const data = await api.request<{ deviceId: string; staffId: string; fromMs: number }>('POST', `/api/v1/devices/${enc(need(sub, 'device id'))}/assign`, {
        json: { staffId: need(a1, 'staff id'), ...(at !== undefined ? { atMs: at } : {}) },
      });
      return show(data, () => `${data.deviceId} is worn by ${data.staffId} from ${isoTime(data.fromMs)}\n`);
    }
    case 'unassign': {
      const at = atMs(v.at);
      const data = await api.request<{ deviceId: string; staffId: string; toMs: number }>('POST', `/api/v1/devices/${enc(need(sub, 'device id'))}/unassign`, { json: at !== undefined ? { atMs: at } : {} });
      return show(data, () => `${data.deviceId} no longer worn by ${data.staffId} from ${isoTime(data.toMs)}\n`);
    }
    case 'assignments': {
      const data = await api.request<{ assignments: { deviceId: string; staffId: string; branchId: string | null; fromMs: number; toMs: number | null }[] }>(
        'GET',
        `/api/v1/assignments${q({ deviceId: v.device, staffId: v.staff })}`,
      );
      return show(data, () =>
        renderTable(data.assignments, [
          { header: 'device', value: (a) => a.deviceId },
          { header: 'staff', value: (a) => a.staffId },
          { header: 'branch', value: (a) => a.branchId },
          { header: 'from', value: (a) => isoTime(a.fromMs) },
          { header: 'to', value: (a) => isoTime(a.toMs) ?? 'now' },
        ]),
      );
    }
    case 'config': {
      if (sub === 'profiles') {
        const data = await api.request<{ profiles: { scope: string; scopeId: string; settings: object; updatedAtMs: number }[] }>('GET', '/api/v1/config/profiles');
        return show(data, () =>
          renderTable(data.profiles, [
            { header: 'scope', value: (p) => p.scope },
            { header: 'id', value: (p) => p.scopeId },
            { header: 'settings', value: (p) => JSON.stringify(p.settings) },
            { header: 'updated', value: (p) => isoTime(p.updatedAtMs) },
          ]),
        );
      }
      if (sub === 'show') {
        const data = await api.request<{ deviceId: string; wantedVersion: number; appliedVersion: number | null; drift: boolean; config: object }>('GET', `/api/v1/devices/${enc(need(a1, 'device id'))}/config`);
        return show(data, () => renderRecord({ device: data.deviceId, wanted: data.wantedVersion, applied: data.appliedVersion, drift: data.drift ? 'yes' : 'no', config: data.config }));
      }
      if (sub === 'drift') {
        const data = await api.request<{ devices: { deviceId: string; wantedVersion: number; appliedVersion: number | null; appliedAtMs: number | null }[] }>('GET', '/api/v1/config/drift');
        return show(data, () =>
          renderTable(data.devices, [
            { header: 'device', value: (d) => d.deviceId },
            { header: 'wanted', value: (d) => d.wantedVersion },
            { header: 'applied', value: (d) => d.appliedVersion },
            { header: 'applied at', value: (d) => isoTime(d.appliedAtMs) },
          ]),
        );
      }
      if (sub === 'set' || sub === 'unset') {
        const scope = need(a1, 'scope (fleet, branch, group, device)');
        const id = scope === 'fleet' ? '*' : need(a2, 'scope id');
        const path = `/api/v1/config/profiles/${enc(scope)}/${enc(id)}`;
        if (sub === 'unset') {
          await api.request('DELETE', path);
          return show({ deleted: `${scope}/${id}` }, () => `removed the ${scope} profile ${id}\n`);
        }
        const settings = parseSettings(args.slice(scope === 'fleet' ? (a2 === '*' ? 4 : 3) : 4));
        const data = await api.request<{ settings: object }>('PUT', path, { json: settings });
        return show(data, () => `${scope}/${id}: ${JSON.stringify(data.settings)}\n`);
      }
      throw new BadgectlError('USAGE', `unknown: config ${sub ?? ''}`);
    }
    case 'command': {
      const device = enc(need(sub, 'device id'));
      const ttl = positiveInt(v.ttl, '--ttl');
      const data = await api.request<{ id: string; kind: string; state: string; expiresAtMs: number }>('POST', `/api/v1/devices/${device}/commands`, {
        json: { kind: need(a1, 'command kind'), ...(ttl !== undefined ? { ttlMs: ttl * 1000 } : {}) },
      });
      return show(data, () => `${data.kind} ${data.id}: ${data.state} (expires ${isoTime(data.expiresAtMs)})\n`);
    }
    case 'commands': {
      type Cmd = { id: string; kind: string; state: string; issuedAtMs: number; issuedBy: string; result: { status: string; detail: string } | null };
      const data = await api.request<{ commands: Cmd[] }>('GET', `/api/v1/devices/${enc(need(sub, 'device id'))}/commands`);
      return show(data, () =>
        renderTable(data.commands, [
          { header: 'id', value: (c) => c.id },
          { header: 'kind', value: (c) => c.kind },
          { header: 'state', value: (c) => c.state },
          { header: 'result', value: (c) => (c.result ? `${c.result.status}${c.result.detail ? ` (${c.result.detail})` : ''}` : null) },
          { header: 'issued', value: (c) => isoTime(c.issuedAtMs) },
          { header: 'by', value: (c) => c.issuedBy },
        ]),
      );
    }
    case 'alerts': {
      type A = { id: number; deviceId: string; kind: string; severity: string; message: string; openedAtMs: number; resolvedAtMs: number | null };
      const data = await api.request<{ alerts: A[] }>('GET', `/api/v1/alerts${q({ state: v.open ? 'open' : undefined, deviceId: v.device })}`);
      return show(data, () =>
        renderTable(data.alerts, [
          { header: 'id', value: (a) => a.id },
          { header: 'device', value: (a) => a.deviceId },
          { header: 'kind', value: (a) => a.kind },
          { header: 'severity', value: (a) => a.severity },
          { header: 'message', value: (a) => a.message },
          { header: 'opened', value: (a) => isoTime(a.openedAtMs) },
          { header: 'resolved', value: (a) => isoTime(a.resolvedAtMs) },
        ]),
      );
    }
    case 'audit': {
      if (sub === 'export') {
        const format = need(v.format, '--format csv|jsonl');
        if (format !== 'csv' && format !== 'jsonl') throw new BadgectlError('USAGE', '--format must be csv or jsonl');
        const text = await api.text('GET', `/api/v1/audit/export${q({ format, action: v.action, target: v.target })}`);
        if (v.out) {
          await writeFile(v.out, text);
          ctx.err(`wrote ${v.out}\n`);
        } else ctx.out(text);
        return;
      }
      if (sub !== undefined) throw new BadgectlError('USAGE', `unknown: audit ${sub}`);
      type E = { seq: number; atMs: number; actor: string; action: string; target: string | null; source: string | null; outcome: string };
      const data = await api.request<{ entries: E[] }>('GET', `/api/v1/audit${q({ action: v.action, target: v.target, limit: positiveInt(v.limit, '--limit') })}`);
      return show(data, () =>
        renderTable(data.entries, [
          { header: 'seq', value: (e) => e.seq },
          { header: 'time', value: (e) => isoTime(e.atMs) },
          { header: 'actor', value: (e) => e.actor },
          { header: 'action', value: (e) => e.action },
          { header: 'target', value: (e) => e.target },
          { header: 'outcome', value: (e) => e.outcome },
          { header: 'source', value: (e) => e.source },
        ]),
      );
    }
    case 'users': {
      if (sub === 'list') {
        const data = await api.request<{ users: { id: string; role: string; disabled: boolean }[] }>('GET', '/api/v1/users');
        return show(data, () => renderTable(data.users, [{ header: 'id', value: (u) => u.id }, { header: 'role', value: (u) => u.role }, { header: 'disabled', value: (u) => (u.disabled ? 'yes' : 'no') }]));
      }
      if (sub === 'create') {
        const data = await api.request<{ id: string; role: string }>('POST', '/api/v1/users', { json: { id: need(a1, 'user id'), role: need(v.role, '--role'), password: need(v.password ?? ctx.env.PARLEY_NEW_PASSWORD, '--password (or PARLEY_NEW_PASSWORD)') } });
        return show(data, () => `created user ${data.id} (${data.role})\n`);
      }
      throw new BadgectlError('USAGE', `unknown: users ${sub ?? ''}`);
    }
    case 'tokens': {
      if (sub === 'create') {
        const data = await api.request<{ token: string; info: { id: string } }>('POST', `/api/v1/users/${enc(need(a1, 'user id'))}/tokens`, { json: { name: need(v.name, '--name') } });
        return show(data, () => `token ${data.info.id} (shown once): ${data.token}\n`);
      }
      throw new BadgectlError('USAGE', `unknown: tokens ${sub ?? ''}`);
    }
    case 'release': {
      type R = { id: string; version: string; size: number; sha256: string; minHardwareRevision: string; createdAtMs: number };
      const columns: Column<R>[] = [
        { header: 'id', value: (r) => r.id },
        { header: 'version', value: (r) => r.version },
        { header: 'size', value: (r) => r.size },
        { header: 'min hw', value: (r) => r.minHardwareRevision },
        { header: 'sha256', value: (r) => r.sha256 },
        { header: 'created', value: (r) => isoTime(r.createdAtMs) },
      ];
      if (sub === 'list') {
        const data = await api.request<{ releases: R[] }>('GET', '/api/v1/releases');
        return show(data, () => renderTable(data.releases, columns));
      }
      if (sub === 'upload') {
        const file = need(a1, 'bundle file');
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (err) {
          throw new BadgectlError('INPUT_UNREADABLE', `${file}: ${(err as Error).message}`);
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const data = await api.request<R>('POST', `/api/v1/releases${q({ version: need(v.version, '--version'), minHardwareRevision: v['min-hw'], notes: v.notes, sha256 })}`, { bytes });
        return show(data, () => renderTable([data], columns));
      }
      throw new BadgectlError('USAGE', `unknown: release ${sub ?? ''}`);
    }
    case 'rollout': {
      type Ro = { id: string; version: string; stages: number[]; stageIndex: number; state: string; reason: string | null; eligible: number; counts: Record<string, number> };
      const columns: Column<Ro>[] = [
        { header: 'id', value: (r) => r.id },
        { header: 'version', value: (r) => r.version },
        { header: 'stage', value: (r) => `${r.stages[r.stageIndex]} % (${r.stageIndex + 1}/${r.stages.length})` },
        { header: 'state', value: (r) => r.state },
        { header: 'applied', value: (r) => `${r.counts.applied ?? 0}/${r.eligible}` },
        { header: 'in progress', value: (r) => (r.counts.offered ?? 0) + (r.counts.downloading ?? 0) + (r.counts.staged ?? 0) },
        { header: 'failed', value: (r) => r.counts.failed ?? 0 },
        { header: 'reason', value: (r) => r.reason },
      ];
      if (sub === 'list') {
        const data = await api.request<{ rollouts: Ro[] }>('GET', '/api/v1/rollouts');
        return show(data, () => renderTable(data.rollouts, columns));
      }
      if (sub === 'show') {
        const data = await api.request<{ rollout: Ro; devices: { deviceId: string; stage: number; state: string; detail: string | null }[] }>('GET', `/api/v1/rollouts/${enc(need(a1, 'rollout id'))}`);
        return show(data, () =>
          `${renderTable([data.rollout], columns)}
${renderTable(data.devices, [
            { header: 'device', value: (d) => d.deviceId },
            { header: 'stage', value: (d) => d.stage + 1 },
            { header: 'state', value: (d) => d.state },
            { header: 'detail', value: (d) => d.detail },
          ])}`,
        );
      }
      if (sub === 'start') {
        const stages = v.stages?.split(',').map((s) => positiveInt(s.trim(), '--stages')!);
        const threshold = v.threshold === undefined ? undefined : Number(v.threshold);
        if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) throw new BadgectlError('USAGE', '--threshold: 0..100');
        const reconnectMin = positiveInt(v['reconnect-min'], '--reconnect-min');
        const body = {
          releaseId: need(a1, 'release id'),
          ...(stages ? { stages } : {}),
          ...(v.group ? { groupId: v.group } : {}),
          ...(v.branch ? { branchId: v.branch } : {}),
          ...(threshold !== undefined ? { failureThresholdPercent: threshold } : {}),
          ...(reconnectMin !== undefined ? { reconnectTimeoutMs: reconnectMin * 60_000 } : {}),
        };
        const data = await api.request<Ro>('POST', '/api/v1/rollouts', { json: body });
        return show(data, () => renderTable([data], columns));
      }
      if (sub === 'pause' || sub === 'resume' || sub === 'abort') {
        const threshold = sub === 'resume' && v.threshold !== undefined ? Number(v.threshold) : undefined;
        const data = await api.request<Ro>('POST', `/api/v1/rollouts/${enc(need(a1, 'rollout id'))}/${sub}${q({ failureThresholdPercent: threshold })}`);
        return show(data, () => renderTable([data], columns));
      }
      throw new BadgectlError('USAGE', `unknown: rollout ${sub ?? ''}`);
    }
    default:
      throw new BadgectlError('USAGE', `unknown command '${group ?? ''}'`);
  }
}

/** The bundle `npm run build -w firmware` writes. */
function defaultBundlePath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@parley/firmware'))), '..', 'dist', 'badge.min.js');
}

function hostPort(value: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new BadgectlError('USAGE', `--mqtt must be HOST:PORT, got '${value}'`);
  return { host: m[1]!, port: Number(m[2]) };
}

async function provision(api: ApiClient, v: Values, ctx: RunContext, show: (data: unknown, text: () => string) => void): Promise<void> {
  const path = need(v.port, '--port (the badge\'s serial device)');
  const bundlePath = v.bundle ?? defaultBundlePath();
  let bundle: Buffer;
  try {
    bundle = await readFile(bundlePath);
  } catch (err) {
    throw new BadgectlError('BUNDLE_MISSING', `${bundlePath}: ${(err as Error).message}`);
  }
  const timeoutS = v.timeout === undefined ? 120 : Number(v.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS < 0) throw new BadgectlError('USAGE', '--timeout: seconds, 0 or more');
  const wifi = (v.wifi ?? []).map((pair) => {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw new BadgectlError('USAGE', `--wifi must be SSID:PASSPHRASE, got '${pair}'`);
    return { ssid: pair.slice(0, colon), psk: pair.slice(colon + 1) };
  });
  const mqtt = hostPort(v.mqtt ?? `${new URL(v.url ?? ctx.env.PARLEY_URL ?? 'http://127.0.0.1:8080').hostname}:1883`);
  let port;
  try {
    port = await openSerialPort(path);
  } catch (err) {
    throw new BadgectlError('NO_DEVICE', `${path}: ${(err as Error).message}`);
  }
  const write = (text: string) => ctx.err(text);
  try {
    const result = await provisionBadge({
      api,
      port,
      bundle,
      mqttHost: mqtt.host,
      mqttPort: mqtt.port,
      hardwareRevision: v.hw ?? badgeBoard.hardwareRevision,
      // The badge board has the spool's SPI NOR chip; a revision this tool has no board data for keeps the spool in Storage.
      spoolChip: (v.hw ?? badgeBoard.hardwareRevision) === badgeBoard.hardwareRevision ? spoolChipFor(badgeBoard.storage) : null,
      ...(v.id ? { deviceId: v.id } : {}),
      ...(v.serial ? { serial: v.serial } : {}),
      ...(v.staff ? { staffId: v.staff } : {}),
      wifi,
      rotate: v.rotate,
      onlineTimeoutMs: timeoutS * 1000,
      progress: ctx.errIsTTY ? terminalProgress(write, ctx.columns) : lineProgress(write),
    });
    show(result, () =>
      `${result.deviceId}: ${result.identity === 'created' ? 'created' : result.identity === 'rotated' ? 'new secret written' : 'identity verified'}, ` +
      `serial ${result.serial}, firmware ${result.flashed ? 'flashed' : 'already current'} (${result.bundleBytes} bytes), ` +
      `spool ${result.spool === 'chip' ? 'on the SPI NOR chip' : 'in Storage'}` +
      `${result.onlineAtMs !== null ? `, online at ${isoTime(result.onlineAtMs)}` : ''}` +
      `${result.configVersion !== null ? `, config v${result.configVersion} applied` : ''}\n`,
    );
  } finally {
    await closeSerialPort(port);
  }
}
