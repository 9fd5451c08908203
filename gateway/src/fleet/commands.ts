import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { pb, type DecodedUp, type DownMessages } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import type { Command, CommandKind, CommandState, QueuedCommandKind } from '../api-types.js';

/** The badge protocol's CommandKind of each operator command (COMMAND_KINDS). Firmware updates go through rollouts. */
const COMMAND_CODES = {
  start: pb.CommandKind.COMMAND_KIND_START,
  stop: pb.CommandKind.COMMAND_KIND_STOP,
  mute: pb.CommandKind.COMMAND_KIND_MUTE,
  unmute: pb.CommandKind.COMMAND_KIND_UNMUTE,
  locate: pb.CommandKind.COMMAND_KIND_LOCATE,
  reboot: pb.CommandKind.COMMAND_KIND_REBOOT,
  lock: pb.CommandKind.COMMAND_KIND_LOCK,
  'wipe-acknowledged': pb.CommandKind.COMMAND_KIND_WIPE_ACKNOWLEDGED,
  'wipe-all': pb.CommandKind.COMMAND_KIND_WIPE_ALL,
} as const satisfies Record<CommandKind, pb.CommandKind>;

/** What a FIRMWARE_UPDATE command carries, looked up when it is delivered. */
export type FirmwareOffer = (releaseId: string) => DownMessages['command']['firmware'] | null;

const RESULT_STATUS: Record<number, string> = {
  [pb.CommandStatus.COMMAND_STATUS_OK]: 'ok',
  [pb.CommandStatus.COMMAND_STATUS_FAILED]: 'failed',
  [pb.CommandStatus.COMMAND_STATUS_REJECTED]: 'rejected',
  [pb.CommandStatus.COMMAND_STATUS_UNSUPPORTED]: 'unsupported',
  [pb.CommandStatus.COMMAND_STATUS_IN_PROGRESS]: 'in_progress',
  [pb.CommandStatus.COMMAND_STATUS_EXPIRED]: 'expired',
};

/** A command as the API shows it, and the release a firmware update offers. */
export interface FleetCommand extends Command {
  releaseId: string | null;
}

interface CommandRow {
  id: string;
  device_id: string;
  kind: QueuedCommandKind;
  issued_at: number;
  expires_at: number;
  issued_by: string;
  state: CommandState;
  sent_at: number | null;
  result_status: string | null;
  result_detail: string | null;
  result_at: number | null;
  progress: number | null;
  release_id: string | null;
}

function toCommand(r: CommandRow): FleetCommand {
  return {
    id: r.id,
    deviceId: r.device_id,
    kind: r.kind,
    issuedAtMs: r.issued_at,
    expiresAtMs: r.expires_at,
    issuedBy: r.issued_by,
    state: r.state,
    sentAtMs: r.sent_at,
    result: r.result_status === null ? null : { status: r.result_status, detail: r.result_detail ?? '', atMs: r.result_at ?? 0, progress: r.progress },
    releaseId: r.release_id,
  };
}

export const DEFAULT_COMMAND_TTL_MS = 24 * 3600_000;
export const MAX_COMMAND_TTL_MS = 30 * 24 * 3600_000;

/** Told when a command's result (progress or final) arrives: the fleet locks a device after a LOCK succeeded, rollouts follow firmware updates. */
export type CommandResultListener = (command: FleetCommand) => void;

/**
 * The queue of commands for badges. A command stays pending (queued or
 * sent) until its result arrives or it expires, so a command delivered just
 * before a disconnect is sent again after the next Hello (the badge answers
 * a repeated id with its recorded result). Results are recorded; issuing and
 * cancelling is audited.
 */
export class CommandQueue {
  private readonly listeners = new Set<CommandResultListener>();
  private firmwareOffer: FirmwareOffer = () => null;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  onResult(listener: CommandResultListener): void {
    this.listeners.add(listener);
  }

  /** How firmware-update commands get their FirmwareUpdate payload (the release store). */
  setFirmwareOffer(offer: FirmwareOffer): void {
    this.firmwareOffer = offer;
  }

  /** Queues a FIRMWARE_UPDATE for a release (rollouts only). */
  issueFirmwareUpdate(deviceId: string, releaseId: string, ttlMs: number, by: Actor): FleetCommand {
    const atMs = this.now();
    const id = randomUUID();
    this.db
      .prepare(`INSERT INTO fleet_commands (id, device_id, kind, issued_at, expires_at, issued_by, state, release_id) VALUES (?, ?, 'firmware-update', ?, ?, ?, 'queued', ?)`)
      .run(id, deviceId, atMs, atMs + ttlMs, by.actor, releaseId);
    return this.get(id);
  }

  async issue(deviceId: string, kind: CommandKind, ttlMs: number, by: Actor): Promise<FleetCommand> {
    if (!Object.hasOwn(COMMAND_CODES, kind)) throw new ParleyError('BAD_REQUEST', `unknown command '${kind}'`);
    if (!Number.isInteger(ttlMs) || ttlMs < 1000 || ttlMs > MAX_COMMAND_TTL_MS) throw new ParleyError('BAD_REQUEST', `ttlMs: 1000..${MAX_COMMAND_TTL_MS}`);
    const atMs = this.now();
    const id = randomUUID();
    this.db
      .prepare(`INSERT INTO fleet_commands (id, device_id, kind, issued_at, expires_at, issued_by, state) VALUES (?, ?, ?, ?, ?, ?, 'queued')`)
      .run(id, deviceId, kind, atMs, atMs + ttlMs, by.actor);
    await this.audit.append({ ...by, action: 'command.issued', target: deviceId, outcome: 'ok', details: { commandId: id, kind, expiresAtMs: atMs + ttlMs }, atMs });
    return this.get(id);
  }

  async cancel(id: string, by: Actor): Promise<FleetCommand> {
    const atMs = this.now();
    const command = this.get(id);
    if (this.db.prepare(`UPDATE fleet_commands SET state = 'cancelled' WHERE id = ? AND state IN ('queued', 'sent')`).run(id).changes === 0) {
      throw new ParleyError('CONFLICT', `command ${id} is ${command.state}`);
    }
    await this.audit.append({ ...by, action: 'command.cancelled', target: command.deviceId, outcome: 'ok', details: { commandId: id }, atMs });
    return this.get(id);
  }

  get(id: string): FleetCommand {
    const row = this.db.prepare('SELECT * FROM fleet_commands WHERE id = ?').get(id) as CommandRow | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `command ${id}`);
    return toCommand(row);
  }

  list(query: { deviceId?: string; state?: CommandState; limit?: number } = {}): FleetCommand[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.deviceId !== undefined) {
      where.push('device_id = ?');
      params.push(query.deviceId);
    }
    if (query.state !== undefined) {
      where.push('state = ?');
      params.push(query.state);
    }
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const sql = `SELECT * FROM fleet_commands ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, id LIMIT ?`;
    return (this.db.prepare(sql).all(...params, limit) as CommandRow[]).map(toCommand);
  }

  /** Marks expired commands; returns how many. */
  expire(): number {
    return this.db.prepare(`UPDATE fleet_commands SET state = 'expired' WHERE state IN ('queued', 'sent', 'in_progress') AND expires_at <= ?`).run(this.now()).changes;
  }

  /** Pending, unexpired commands of a device, oldest first, as `Command` messages; marks them sent. */
  takeDeliverable(deviceId: string): DownMessages['command'][] {
    this.expire();
    const atMs = this.now();
    const rows = this.db
      .prepare(`SELECT * FROM fleet_commands WHERE device_id = ? AND state IN ('queued', 'sent') ORDER BY issued_at, id`)
      .all(deviceId) as CommandRow[];
    const mark = this.db.prepare(`UPDATE fleet_commands SET state = 'sent', sent_at = ? WHERE id = ? AND state IN ('queued', 'sent')`);
    const out: DownMessages['command'][] = [];
    for (const r of rows) {
      if (r.kind === 'firmware-update') {
        const firmware = r.release_id ? this.firmwareOffer(r.release_id) : null;
        if (!firmware) continue;
        mark.run(atMs, r.id);
        out.push({ id: r.id, kind: pb.CommandKind.COMMAND_KIND_FIRMWARE_UPDATE, issuedAtMs: r.issued_at, expiresAtMs: r.expires_at, firmware });
        continue;
      }
      mark.run(atMs, r.id);
      out.push({ id: r.id, kind: COMMAND_CODES[r.kind], issuedAtMs: r.issued_at, expiresAtMs: r.expires_at });
    }
    return out;
  }

  /** Records a badge's CommandResult. Results for unknown ids or other devices are refused (returns null). */
  recordResult(deviceId: string, result: DecodedUp<'command-result'>): FleetCommand | null {
    const row = this.db.prepare('SELECT * FROM fleet_commands WHERE id = ? AND device_id = ?').get(result.commandId, deviceId) as CommandRow | undefined;
    if (!row) return null;
    const status = RESULT_STATUS[result.status] ?? `status-${result.status}`;
    const state: CommandState = status === 'in_progress' ? 'in_progress' : status === 'expired' ? 'expired' : 'done';
    const atMs = this.now();
    this.db
      .prepare('UPDATE fleet_commands SET state = ?, result_status = ?, result_detail = ?, result_at = ?, progress = ? WHERE id = ?')
      .run(state, status, result.detail.slice(0, 500), atMs, result.progress, row.id);
    const command = this.get(row.id);
    for (const listener of this.listeners) listener(command);
    return command;
  }
}
