import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { pb, type DecodedUp } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import type { CommandQueue, FleetCommand } from './commands.js';
import { hardwareAtLeast, type ReleaseStore } from './releases.js';
import type { Rollout, RolloutDevice, RolloutDeviceState, RolloutInput, RolloutState } from '../api-types.js';

interface RolloutRow {
  id: string;
  release_id: string;
  group_id: string | null;
  branch_id: string | null;
  stages: string;
  stage_index: number;
  state: RolloutState;
  failure_threshold_percent: number;
  reconnect_timeout_ms: number;
  reason: string | null;
  created_at: number;
  updated_at: number;
}

const COMMAND_TTL_MS = 7 * 24 * 3600_000;

/**
 * Staged firmware rollouts: each stage offers the release (a FIRMWARE_UPDATE
 * command) to a larger share of the eligible devices, chosen in a stable
 * pseudo-random order. A stage is done when every device in it applied or
 * failed; the next starts then. Failures (the command failed or expired, the
 * badge rolled back, or it staged the image and did not reconnect in time)
 * pause the rollout once they pass the threshold; an operator resumes or
 * aborts. Badges pull the image as FirmwareChunks (answerChunk).
 */
export class RolloutManager {
  constructor(
    private readonly db: Database,
    private readonly releases: ReleaseStore,
    private readonly commands: CommandQueue,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly deliver: (deviceId: string) => void,
  ) {
    commands.setFirmwareOffer((id) => releases.offer(id));
    commands.onResult((command) => this.onCommandResult(command));
  }

  async create(input: RolloutInput, by: Actor): Promise<Rollout> {
    const release = this.releases.get(input.releaseId);
    const stages = input.stages ?? [5, 25, 100];
    if (stages.length === 0 || stages.at(-1) !== 100 || stages.some((s, i) => s <= 0 || s > 100 || (i > 0 && s <= stages[i - 1]!))) {
      throw new ParleyError('BAD_REQUEST', 'stages: ascending percentages ending at 100');
    }
    const running = this.db.prepare(`SELECT id FROM fleet_rollouts WHERE state IN ('running', 'paused')`).get() as { id: string } | undefined;
    if (running) throw new ParleyError('CONFLICT', `rollout ${running.id} is still running or paused; finish or abort it first`);
    const id = `ro-${randomUUID()}`;
    const atMs = this.now();
    this.db
      .prepare(
        `INSERT INTO fleet_rollouts (id, release_id, group_id, branch_id, stages, stage_index, state, failure_threshold_percent, reconnect_timeout_ms, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, 'running', ?, ?, ?, ?)`,
      )
      .run(id, release.id, input.groupId ?? null, input.branchId ?? null, JSON.stringify(stages), input.failureThresholdPercent ?? 10, input.reconnectTimeoutMs ?? 30 * 60_000, atMs, atMs);
    await this.audit.append({ ...by, action: 'firmware.rollout.created', target: id, outcome: 'ok', details: { releaseId: release.id, version: release.version, stages }, atMs });
    this.enrolStage(id);
    return this.get(id);
  }

  get(id: string): Rollout {
    const row = this.db.prepare('SELECT * FROM fleet_rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `rollout ${id}`);
    return this.view(row);
  }

  list(): Rollout[] {
    return (this.db.prepare('SELECT * FROM fleet_rollouts ORDER BY created_at DESC').all() as RolloutRow[]).map((r) => this.view(r));
  }

  devices(id: string): RolloutDevice[] {
    this.get(id);
    return this.db
      .prepare('SELECT device_id AS deviceId, stage, state, detail, updated_at AS updatedAtMs FROM fleet_rollout_devices WHERE rollout_id = ? ORDER BY stage, device_id')
      .all(id) as RolloutDevice[];
  }

  async pause(id: string, by: Actor): Promise<Rollout> {
    return this.transition(id, ['running'], 'paused', 'paused by an operator', by);
  }

  /** Resumes a paused rollout, optionally with a new failure threshold (else it pauses again at once if still over it). */
  async resume(id: string, by: Actor, failureThresholdPercent?: number): Promise<Rollout> {
    if (failureThresholdPercent !== undefined) {
      if (!(failureThresholdPercent >= 0 && failureThresholdPercent <= 100)) throw new ParleyError('BAD_REQUEST', 'failureThresholdPercent: 0..100');
      if (this.row(id).state !== 'paused') throw new ParleyError('CONFLICT', `rollout is ${this.row(id).state}`);
      this.db.prepare('UPDATE fleet_rollouts SET failure_threshold_percent = ? WHERE id = ?').run(failureThresholdPercent, id);
    }
    const rollout = await this.transition(id, ['paused'], 'running', null, by, failureThresholdPercent === undefined ? {} : { failureThresholdPercent });
    this.evaluate();
    return this.get(rollout.id);
  }

  async abort(id: string, by: Actor): Promise<Rollout> {
    const rollout = await this.transition(id, ['running', 'paused'], 'aborted', 'aborted by an operator', by);
    const pending = this.db
      .prepare(`SELECT c.id FROM fleet_rollout_devices d JOIN fleet_commands c ON c.id = d.command_id WHERE d.rollout_id = ? AND c.state IN ('queued', 'sent')`)
      .all(id) as { id: string }[];
    for (const { id: commandId } of pending) await this.commands.cancel(commandId, { actor: 'system' });
    return this.get(rollout.id);
  }

  /**
   * Marks badges that staged the image but did not come back in time as
   * failed, pauses rollouts over their failure threshold, advances finished
   * stages. Runs periodically and after every rollout event.
   */
  evaluate(): void {
    const nowMs = this.now();
    for (const row of this.db.prepare(`SELECT * FROM fleet_rollouts WHERE state = 'running'`).all() as RolloutRow[]) {
      this.db
        .prepare(`UPDATE fleet_rollout_devices SET state = 'failed', detail = 'did not reconnect after staging', updated_at = ? WHERE rollout_id = ? AND state = 'staged' AND updated_at <= ?`)
        .run(nowMs, row.id, nowMs - row.reconnect_timeout_ms);
      const rollout = this.view(row);
      const offered = Object.values(rollout.counts).reduce((a, b) => a + b, 0);
      if (offered > 0 && (100 * rollout.counts.failed) / offered >= rollout.failureThresholdPercent) {
        this.setState(row.id, 'paused', `${rollout.counts.failed} of ${offered} devices failed (threshold ${rollout.failureThresholdPercent} %)`);
        continue;
      }
      const open = rollout.counts.offered + rollout.counts.downloading + rollout.counts.staged;
      if (open > 0) continue;
      if (row.stage_index + 1 < rollout.stages.length) {
        this.db.prepare('UPDATE fleet_rollouts SET stage_index = stage_index + 1, updated_at = ? WHERE id = ?').run(nowMs, row.id);
        this.enrolStage(row.id);
        if (this.view(this.row(row.id)).counts.offered === 0) this.evaluate();
      } else this.setState(row.id, 'completed', null);
    }
  }

  /** Answers a badge's FirmwareRequest: only releases offered to it, only within the bundle. */
  answerChunk(deviceId: string, request: DecodedUp<'firmware-request'>): { releaseId: string; offset: number; data: Buffer; totalSize: number } | null {
    const offered = this.db
      .prepare(`SELECT 1 FROM fleet_rollout_devices d JOIN fleet_rollouts r ON r.id = d.rollout_id WHERE d.device_id = ? AND r.release_id = ? AND r.state != 'aborted' AND d.state IN ('offered', 'downloading') LIMIT 1`)
      .get(deviceId, request.releaseId);
    if (!offered) {
      this.logger.warn({ deviceId, releaseId: request.releaseId.slice(0, 80) }, 'firmware request for a release not offered to this badge; ignored');
      return null;
    }
    const chunk = this.releases.read(request.releaseId, request.offset, request.length);
    if (!chunk) {
      this.logger.warn({ deviceId, offset: request.offset }, 'firmware request outside the bundle; ignored');
      return null;
    }
    this.db
      .prepare(`UPDATE fleet_rollout_devices SET state = 'downloading', updated_at = ? WHERE device_id = ? AND state = 'offered' AND rollout_id IN (SELECT id FROM fleet_rollouts WHERE release_id = ?)`)
      .run(this.now(), deviceId, request.releaseId);
    return { releaseId: request.releaseId, offset: request.offset, ...chunk };
  }

  /** Firmware events from a badge: staged, confirmed, rolled back. */
  onFirmwareEvent(deviceId: string, event: DecodedUp<'event'>): void {
    if (event.kind !== pb.EventKind.EVENT_KIND_FIRMWARE) return;
    const detail = event.detail.toLowerCase();
    const next: RolloutDeviceState | null = detail.includes('rolled back') ? 'failed' : detail.includes('staged') ? 'staged' : null;
    if (!next) return;
    this.db
      .prepare(
        `UPDATE fleet_rollout_devices SET state = ?, detail = ?, updated_at = ? WHERE device_id = ? AND state IN ('offered', 'downloading', 'staged', 'applied')
           AND rollout_id IN (SELECT id FROM fleet_rollouts WHERE state IN ('running', 'paused'))`,
      )
      .run(next, next === 'failed' ? `rolled back: ${event.detail.slice(0, 200)}` : null, this.now(), deviceId);
    this.evaluate();
  }

  private onCommandResult(command: FleetCommand): void {
    if (command.kind !== 'firmware-update' || !command.result) return;
    const status = command.result.status;
    const state: RolloutDeviceState = status === 'ok' ? 'applied' : status === 'in_progress' ? 'downloading' : 'failed';
    this.db
      .prepare(`UPDATE fleet_rollout_devices SET state = ?, detail = ?, updated_at = ? WHERE command_id = ? AND state != 'failed'`)
      .run(state, state === 'failed' ? `${status}: ${command.result.detail}`.slice(0, 300) : null, this.now(), command.id);
    this.evaluate();
  }

  private enrolStage(id: string): void {
    const row = this.row(id);
    const release = this.releases.get(row.release_id);
    const stages = JSON.parse(row.stages) as number[];
    const eligible = this.eligible(row, release.version, release.minHardwareRevision);
    const target = Math.ceil((eligible.length * stages[row.stage_index]!) / 100);
    const enrolled = new Set((this.db.prepare('SELECT device_id AS d FROM fleet_rollout_devices WHERE rollout_id = ?').all(id) as { d: string }[]).map((r) => r.d));
    const atMs = this.now();
    const insert = this.db.prepare(`INSERT INTO fleet_rollout_devices (rollout_id, device_id, stage, command_id, state, updated_at) VALUES (?, ?, ?, ?, 'offered', ?)`);
    for (const deviceId of eligible.slice(0, target)) {
      if (enrolled.has(deviceId)) continue;
      const command = this.commands.issueFirmwareUpdate(deviceId, release.id, COMMAND_TTL_MS, { actor: `rollout:${id}` });
      insert.run(id, deviceId, row.stage_index, command.id, atMs);
      this.deliver(deviceId);
    }
  }

  /** Devices the release may go to, in the rollout's stable order. */
  private eligible(row: RolloutRow, version: string, minHardwareRevision: string): string[] {
    let sql = `SELECT d.id, d.hardware_revision AS hw, COALESCE(h.firmware_version, d.firmware_version) AS fw FROM devices d LEFT JOIN fleet_health h ON h.device_id = d.id WHERE d.status IN ('provisioned', 'active')`;
    const params: string[] = [];
    if (row.group_id) {
      sql += ' AND d.id IN (SELECT device_id FROM fleet_device_groups WHERE group_id = ?)';
      params.push(row.group_id);
    }
    if (row.branch_id) {
      sql += ' AND d.id IN (SELECT device_id FROM fleet_device_branch WHERE branch_id = ?)';
      params.push(row.branch_id);
    }
    const enrolled = new Set((this.db.prepare('SELECT device_id AS d FROM fleet_rollout_devices WHERE rollout_id = ?').all(row.id) as { d: string }[]).map((r) => r.d));
    const rows = this.db.prepare(sql).all(...params) as { id: string; hw: string; fw: string | null }[];
    const order = (deviceId: string) => createHash('sha256').update(`${row.id}:${deviceId}`).digest('hex');
    return rows
      .filter((r) => enrolled.has(r.id) || (r.fw !== version && hardwareAtLeast(r.hw, minHardwareRevision)))
      .map((r) => r.id)
      .sort((a, b) => (order(a) < order(b) ? -1 : 1));
  }

  private row(id: string): RolloutRow {
    const row = this.db.prepare('SELECT * FROM fleet_rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `rollout ${id}`);
    return row;
  }

  private view(row: RolloutRow): Rollout {
    const counts: Record<RolloutDeviceState, number> = { offered: 0, downloading: 0, staged: 0, applied: 0, failed: 0 };
    for (const c of this.db.prepare('SELECT state, COUNT(*) AS n FROM fleet_rollout_devices WHERE rollout_id = ? GROUP BY state').all(row.id) as { state: RolloutDeviceState; n: number }[]) {
      counts[c.state] = c.n;
    }
    const release = this.releases.get(row.release_id);
    return {
      id: row.id,
      releaseId: row.release_id,
      version: release.version,
      groupId: row.group_id,
      branchId: row.branch_id,
      stages: JSON.parse(row.stages) as number[],
      stageIndex: row.stage_index,
      state: row.state,
      failureThresholdPercent: row.failure_threshold_percent,
      reconnectTimeoutMs: row.reconnect_timeout_ms,
      reason: row.reason,
      createdAtMs: row.created_at,
      updatedAtMs: row.updated_at,
      counts,
      eligible: this.eligible(row, release.version, release.minHardwareRevision).length,
    };
  }

  private setState(id: string, state: RolloutState, reason: string | null): void {
    const atMs = this.now();
    this.db.prepare('UPDATE fleet_rollouts SET state = ?, reason = ?, updated_at = ? WHERE id = ?').run(state, reason, atMs, id);
    void this.audit
      .append({ actor: 'system', action: `firmware.rollout.${state}`, target: id, outcome: 'ok', details: reason ? { reason } : {}, atMs })
      .catch((err: unknown) => this.logger.error({ err }, 'could not write the audit log'));
  }

  private async transition(id: string, from: RolloutState[], to: RolloutState, reason: string | null, by: Actor, details: Record<string, unknown> = {}): Promise<Rollout> {
    const row = this.row(id);
    if (!from.includes(row.state)) throw new ParleyError('CONFLICT', `rollout is ${row.state}`);
    const atMs = this.now();
    this.db.prepare('UPDATE fleet_rollouts SET state = ?, reason = ?, updated_at = ? WHERE id = ?').run(to, reason, atMs, id);
    await this.audit.append({ ...by, action: `firmware.rollout.${to}`, target: id, outcome: 'ok', details, atMs });
    return this.get(id);
  }
}
