import type { Database } from 'better-sqlite3';
import { isDeviceId } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import type { DeviceStore } from '../registry/device-store.js';
import type { Attribution } from '../ingest/ingest.js';
import type { Assignment, Branch, Group, Placement, Staff } from '../api-types.js';

/** Ids of branches, staff and groups: short, URL- and CSV-safe. */
export const FLEET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface AssignmentRow {
  id: number;
  device_id: string;
  staff_id: string;
  branch_id: string | null;
  from_ms: number;
  to_ms: number | null;
}

const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  deviceId: r.device_id,
  staffId: r.staff_id,
  branchId: r.branch_id,
  fromMs: r.from_ms,
  toMs: r.to_ms,
});

function checkId(kind: string, id: string): void {
  if (!FLEET_ID_PATTERN.test(id)) throw new ParleyError('BAD_REQUEST', `${kind} id: 1-64 of A-Z a-z 0-9 . _ - (starting with a letter or digit)`, { id });
}

function checkName(kind: string, name: string): void {
  if (name.trim().length === 0 || name.length > 200) throw new ParleyError('BAD_REQUEST', `${kind} name: 1-200 characters`);
}

/** Listener for changes that alter a device's effective config (branch, groups, wearer). */
export type PlacementListener = (deviceIds: readonly string[]) => void;

/**
 * The fleet's people and places: branches, staff, groups/tags, which branch
 * and groups each device belongs to, and the assignment history (which staff
 * member wore which badge when) that attributes sessions at capture time.
 * Every change is audited.
 */
export class FleetDirectory {
  private readonly listeners = new Set<PlacementListener>();

  constructor(
    private readonly db: Database,
    private readonly devices: DeviceStore,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  onPlacementChanged(listener: PlacementListener): void {
    this.listeners.add(listener);
  }

  private changed(deviceIds: readonly string[]): void {
    if (deviceIds.length === 0) return;
    for (const listener of this.listeners) listener(deviceIds);
  }

  private async record(by: Actor, action: string, target: string, details: Record<string, unknown>, atMs: number): Promise<void> {
    await this.audit.append({ ...by, action, target, outcome: 'ok', details, atMs });
  }

  // ------------------------------------------------------------- branches
  async createBranch(input: { id: string; name: string; region?: string }, by: Actor): Promise<Branch> {
    checkId('branch', input.id);
    checkName('branch', input.name);
    const atMs = this.now();
    try {
      this.db.prepare('INSERT INTO fleet_branches (id, name, region, created_at) VALUES (?, ?, ?, ?)').run(input.id, input.name, input.region ?? '', atMs);
    } catch (err) {
      throw conflictOr(err, `branch '${input.id}' exists`);
    }
    await this.record(by, 'branch.created', input.id, { name: input.name, region: input.region ?? '' }, atMs);
    return this.getBranch(input.id);
  }

  getBranch(id: string): Branch {
    const row = this.db.prepare('SELECT id, name, region, created_at AS createdAtMs FROM fleet_branches WHERE id = ?').get(id) as Branch | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `branch '${id}'`, { id });
    return row;
  }

  listBranches(): Branch[] {
    return this.db.prepare('SELECT id, name, region, created_at AS createdAtMs FROM fleet_branches ORDER BY id').all() as Branch[];
  }

  // ---------------------------------------------------------------- staff
  async createStaff(input: { id: string; name: string; branchId?: string | null }, by: Actor): Promise<Staff> {
    checkId('staff', input.id);
    checkName('staff', input.name);
    if (input.branchId) this.getBranch(input.branchId);
    const atMs = this.now();
    try {
      this.db.prepare('INSERT INTO fleet_staff (id, name, branch_id, created_at) VALUES (?, ?, ?, ?)').run(input.id, input.name, input.branchId ?? null, atMs);
    } catch (err) {
      throw conflictOr(err, `staff '${input.id}' exists`);
    }
    await this.record(by, 'staff.created', input.id, { branchId: input.branchId ?? null }, atMs);
    return this.getStaff(input.id);
  }

  /** Moves a staff member to another branch; assignments already made keep the branch they had. */
  async updateStaff(id: string, input: { name?: string; branchId?: string | null }, by: Actor): Promise<Staff> {
    const before = this.getStaff(id);
    if (input.name !== undefined) checkName('staff', input.name);
    if (input.branchId) this.getBranch(input.branchId);
    const atMs = this.now();
    this.db
      .prepare('UPDATE fleet_staff SET name = ?, branch_id = ? WHERE id = ?')
      .run(input.name ?? before.name, input.branchId === undefined ? before.branchId : input.branchId, id);
    await this.record(by, 'staff.updated', id, { ...input }, atMs);
    return this.getStaff(id);
  }

  getStaff(id: string): Staff {
    const row = this.db.prepare('SELECT id, name, branch_id AS branchId, created_at AS createdAtMs FROM fleet_staff WHERE id = ?').get(id) as Staff | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `staff '${id}'`, { id });
    return row;
  }

  listStaff(query: { branchId?: string } = {}): Staff[] {
    const sql = 'SELECT id, name, branch_id AS branchId, created_at AS createdAtMs FROM fleet_staff';
    if (query.branchId !== undefined) return this.db.prepare(`${sql} WHERE branch_id = ? ORDER BY id`).all(query.branchId) as Staff[];
    return this.db.prepare(`${sql} ORDER BY id`).all() as Staff[];
  }

  // --------------------------------------------------------------- groups
  async createGroup(input: { id: string; name: string }, by: Actor): Promise<Group> {
    checkId('group', input.id);
    checkName('group', input.name);
    const atMs = this.now();
    try {
      this.db.prepare('INSERT INTO fleet_groups (id, name, created_at) VALUES (?, ?, ?)').run(input.id, input.name, atMs);
    } catch (err) {
      throw conflictOr(err, `group '${input.id}' exists`);
    }
    await this.record(by, 'group.created', input.id, { name: input.name }, atMs);
    return { ...this.getGroup(input.id), deviceIds: [] };
  }

  /** A group without its members (listGroups has them). */
  getGroup(id: string): Omit<Group, 'deviceIds'> {
    const row = this.db.prepare('SELECT id, name, created_at AS createdAtMs FROM fleet_groups WHERE id = ?').get(id) as Omit<Group, 'deviceIds'> | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `group '${id}'`, { id });
    return row;
  }

  listGroups(): Group[] {
    const groups = this.db.prepare('SELECT id, name, created_at AS createdAtMs FROM fleet_groups ORDER BY id').all() as Omit<Group, 'deviceIds'>[];
    const members = this.db.prepare('SELECT device_id AS d FROM fleet_device_groups WHERE group_id = ? ORDER BY device_id');
    return groups.map((g) => ({ ...g, deviceIds: (members.all(g.id) as { d: string }[]).map((m) => m.d) }));
  }

  async addToGroup(groupId: string, deviceId: string, by: Actor): Promise<void> {
    this.getGroup(groupId);
    await this.requireDevice(deviceId);
    const atMs = this.now();
    const added = this.db.prepare('INSERT OR IGNORE INTO fleet_device_groups (device_id, group_id) VALUES (?, ?)').run(deviceId, groupId).changes > 0;
    if (!added) return;
    await this.record(by, 'group.device.added', deviceId, { groupId }, atMs);
    this.changed([deviceId]);
  }

  async removeFromGroup(groupId: string, deviceId: string, by: Actor): Promise<void> {
    const atMs = this.now();
    const removed = this.db.prepare('DELETE FROM fleet_device_groups WHERE device_id = ? AND group_id = ?').run(deviceId, groupId).changes > 0;
    if (!removed) throw new ParleyError('NOT_FOUND', `device '${deviceId}' is not in group '${groupId}'`);
    await this.record(by, 'group.device.removed', deviceId, { groupId }, atMs);
    this.changed([deviceId]);
  }

  groupMembers(groupId: string): string[] {
    return (this.db.prepare('SELECT device_id AS d FROM fleet_device_groups WHERE group_id = ? ORDER BY device_id').all(groupId) as { d: string }[]).map((r) => r.d);
  }

  // ----------------------------------------------------- device placement
  /** Places a device at a branch (null: none). Its branch-level config then applies. */
  async setDeviceBranch(deviceId: string, branchId: string | null, by: Actor): Promise<Placement> {
    await this.requireDevice(deviceId);
    if (branchId !== null) this.getBranch(branchId);
    const atMs = this.now();
    if (branchId === null) this.db.prepare('DELETE FROM fleet_device_branch WHERE device_id = ?').run(deviceId);
    else this.db.prepare('INSERT INTO fleet_device_branch (device_id, branch_id) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET branch_id = excluded.branch_id').run(deviceId, branchId);
    await this.record(by, 'device.branch.set', deviceId, { branchId }, atMs);
    this.changed([deviceId]);
    return this.placement(deviceId);
  }

  placement(deviceId: string): Placement {
    const branch = this.db.prepare('SELECT branch_id AS b FROM fleet_device_branch WHERE device_id = ?').get(deviceId) as { b: string } | undefined;
    const groups = this.db.prepare('SELECT group_id AS g FROM fleet_device_groups WHERE device_id = ? ORDER BY group_id').all(deviceId) as { g: string }[];
    const current = this.currentAssignment(deviceId);
    return { deviceId, branchId: branch?.b ?? null, groupIds: groups.map((g) => g.g), staffId: current?.staffId ?? null };
  }

  /** Device ids placed at a branch. */
  branchMembers(branchId: string): string[] {
    return (this.db.prepare('SELECT device_id AS d FROM fleet_device_branch WHERE branch_id = ? ORDER BY device_id').all(branchId) as { d: string }[]).map((r) => r.d);
  }

  // ---------------------------------------------------------- assignments
  /**
   * `staffId` wears `deviceId` from `atMs` (default now): closes the
   * device's open assignment and the staff member's open one (one badge
   * per person). The branch recorded is the staff member's at that time.
   */
  async assign(deviceId: string, staffId: string, by: Actor, atMs = this.now()): Promise<Assignment> {
    await this.requireDevice(deviceId);
    const staff = this.getStaff(staffId);
    const open = this.db.prepare('SELECT * FROM fleet_assignments WHERE (device_id = ? OR staff_id = ?) AND to_ms IS NULL').all(deviceId, staffId) as AssignmentRow[];
    if (open.some((r) => r.from_ms > atMs)) throw new ParleyError('CONFLICT', 'an open assignment starts after the requested time');
    const id = this.db.transaction(() => {
      this.db.prepare('UPDATE fleet_assignments SET to_ms = ? WHERE (device_id = ? OR staff_id = ?) AND to_ms IS NULL').run(atMs, deviceId, staffId);
      return this.db
        .prepare('INSERT INTO fleet_assignments (device_id, staff_id, branch_id, from_ms) VALUES (?, ?, ?, ?)')
        .run(deviceId, staffId, staff.branchId, atMs).lastInsertRowid;
    })();
    await this.record(by, 'device.assigned', deviceId, { staffId, branchId: staff.branchId, atMs, closed: open.map((r) => r.id) }, this.now());
    this.changed([...new Set([deviceId, ...open.map((r) => r.device_id)])]);
    return toAssignment(this.db.prepare('SELECT * FROM fleet_assignments WHERE id = ?').get(id) as AssignmentRow);
  }

  /** Ends the device's open assignment at `atMs` (default now). */
  async unassign(deviceId: string, by: Actor, atMs = this.now()): Promise<Assignment> {
    const open = this.currentAssignment(deviceId);
    if (!open) throw new ParleyError('NOT_FOUND', `device '${deviceId}' is not assigned`);
    if (open.fromMs > atMs) throw new ParleyError('CONFLICT', 'the assignment starts after the requested end');
    this.db.prepare('UPDATE fleet_assignments SET to_ms = ? WHERE id = ?').run(atMs, open.id);
    await this.record(by, 'device.unassigned', deviceId, { staffId: open.staffId, atMs }, this.now());
    this.changed([deviceId]);
    return { ...open, toMs: atMs };
  }

  currentAssignment(deviceId: string): Assignment | null {
    const row = this.db.prepare('SELECT * FROM fleet_assignments WHERE device_id = ? AND to_ms IS NULL ORDER BY from_ms DESC LIMIT 1').get(deviceId) as AssignmentRow | undefined;
    return row ? toAssignment(row) : null;
  }

  history(query: { deviceId?: string; staffId?: string }): Assignment[] {
    const where: string[] = [];
    const params: string[] = [];
    if (query.deviceId !== undefined) {
      where.push('device_id = ?');
      params.push(query.deviceId);
    }
    if (query.staffId !== undefined) {
      where.push('staff_id = ?');
      params.push(query.staffId);
    }
    const sql = `SELECT * FROM fleet_assignments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY from_ms, id`;
    return (this.db.prepare(sql).all(...params) as AssignmentRow[]).map(toAssignment);
  }

  /** Who wore the badge at `atMs`, and the branch they were at then (the ingest's attribution hook). */
  resolveAttribution(deviceId: string, atMs: number): Attribution {
    const row = this.db
      .prepare('SELECT * FROM fleet_assignments WHERE device_id = ? AND from_ms <= ? AND (to_ms IS NULL OR to_ms > ?) ORDER BY from_ms DESC, id DESC LIMIT 1')
      .get(deviceId, atMs, atMs) as AssignmentRow | undefined;
    if (row) return { staffId: row.staff_id, branchId: row.branch_id };
    const branch = this.db.prepare('SELECT branch_id AS b FROM fleet_device_branch WHERE device_id = ?').get(deviceId) as { b: string } | undefined;
    return { staffId: null, branchId: branch?.b ?? null };
  }

  private async requireDevice(deviceId: string): Promise<void> {
    if (!isDeviceId(deviceId)) throw new ParleyError('DEVICE_ID_INVALID', undefined, { id: deviceId });
    if (!(await this.devices.get(deviceId))) throw new ParleyError('DEVICE_UNKNOWN', deviceId, { id: deviceId });
  }
}

function conflictOr(err: unknown, message: string): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return new ParleyError('CONFLICT', message, undefined, { cause: err });
  return err;
}
