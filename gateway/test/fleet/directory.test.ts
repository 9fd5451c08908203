import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { FleetDirectory } from '../../src/fleet/directory.js';
import { FLEET_MIGRATIONS } from '../../src/fleet/schema.js';
import { SqliteAuditLog } from '../../src/registry/audit-log.js';
import { SqliteDeviceStore } from '../../src/registry/sqlite-device-store.js';
import { openDatabase } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';

const by = { actor: 'admin', source: '127.0.0.1' };

describe('FleetDirectory', () => {
  let db: Database;
  let audit: SqliteAuditLog;
  let directory: FleetDirectory;
  let clock = 1_000_000;

  beforeEach(async () => {
    db = openDatabase(':memory:');
    const store = new SqliteDeviceStore(db);
    audit = new SqliteAuditLog(db);
    migrate(db, 'fleet', FLEET_MIGRATIONS);
    directory = new FleetDirectory(db, store, audit, () => clock);
    for (const id of ['badge-001', 'badge-002']) await store.create({ id, serial: `SN-${id}`, hardwareRevision: 'r1', secretHash: 'x', atMs: 0 });
    await directory.createBranch({ id: 'paris-01', name: 'Paris Opéra', region: 'IDF' }, by);
    await directory.createBranch({ id: 'lyon-02', name: 'Lyon Part-Dieu' }, by);
    await directory.createStaff({ id: 'alice', name: 'Alice Martin', branchId: 'paris-01' }, by);
    await directory.createStaff({ id: 'bob', name: 'Bob Durand', branchId: 'lyon-02' }, by);
  });
  afterEach(() => db.close());

  it('creates and lists branches and staff, refuses duplicates, bad ids and unknown branches', async () => {
    expect(directory.listBranches().map((b) => b.id)).toEqual(['lyon-02', 'paris-01']);
    expect(directory.getBranch('paris-01')).toMatchObject({ name: 'Paris Opéra', region: 'IDF' });
    expect(directory.listStaff({ branchId: 'paris-01' }).map((s) => s.id)).toEqual(['alice']);
    await expect(directory.createBranch({ id: 'paris-01', name: 'again' }, by)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(directory.createBranch({ id: '../etc', name: 'x' }, by)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(directory.createStaff({ id: 'carol', name: 'Carol', branchId: 'nowhere' }, by)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(directory.createStaff({ id: 'carol', name: '   ' }, by)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await audit.list({ action: 'branch.created' })).map((e) => e.target)).toEqual(['paris-01', 'lyon-02']);
  });

  it('keeps the assignment history and attributes by capture time, with the branch the wearer had then', async () => {
    clock = 2_000;
    await directory.assign('badge-001', 'alice', by, 1_000);
    await directory.assign('badge-001', 'bob', by, 5_000); // closes alice's
    await directory.updateStaff('bob', { branchId: 'paris-01' }, by); // later move does not rewrite history
    await directory.unassign('badge-001', by, 9_000);

    expect(directory.resolveAttribution('badge-001', 500)).toEqual({ staffId: null, branchId: null });
    expect(directory.resolveAttribution('badge-001', 1_000)).toEqual({ staffId: 'alice', branchId: 'paris-01' });
    expect(directory.resolveAttribution('badge-001', 4_999)).toEqual({ staffId: 'alice', branchId: 'paris-01' });
    expect(directory.resolveAttribution('badge-001', 5_000)).toEqual({ staffId: 'bob', branchId: 'lyon-02' });
    expect(directory.resolveAttribution('badge-001', 9_000)).toEqual({ staffId: null, branchId: null });
    expect(directory.history({ deviceId: 'badge-001' }).map((a) => [a.staffId, a.fromMs, a.toMs])).toEqual([
      ['alice', 1_000, 5_000],
      ['bob', 5_000, 9_000],
    ]);
    expect(directory.currentAssignment('badge-001')).toBeNull();
  });

  it('gives a person one badge at a time: assigning another badge closes their previous one', async () => {
    await directory.assign('badge-001', 'alice', by, 1_000);
    await directory.assign('badge-002', 'alice', by, 2_000);
    expect(directory.currentAssignment('badge-001')).toBeNull();
    expect(directory.currentAssignment('badge-002')).toMatchObject({ staffId: 'alice', fromMs: 2_000 });
    expect(directory.resolveAttribution('badge-001', 1_500).staffId).toBe('alice');
  });

  it('refuses to rewrite history backwards and unknown devices or staff', async () => {
    await directory.assign('badge-001', 'alice', by, 5_000);
    await expect(directory.assign('badge-001', 'bob', by, 4_000)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(directory.unassign('badge-001', by, 4_000)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(directory.assign('badge-999', 'alice', by)).rejects.toMatchObject({ code: 'DEVICE_UNKNOWN' });
    await expect(directory.assign('badge-002', 'nobody', by)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(directory.unassign('badge-002', by)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('places devices at a branch and in groups, announces placement changes, falls back to the device branch for attribution', async () => {
    const changed: string[][] = [];
    directory.onPlacementChanged((ids) => changed.push([...ids]));
    await directory.createGroup({ id: 'pilot', name: 'Pilot cohort' }, by);
    await directory.setDeviceBranch('badge-002', 'lyon-02', by);
    await directory.addToGroup('pilot', 'badge-002', by);
    await directory.addToGroup('pilot', 'badge-002', by); // idempotent, no second announcement
    expect(directory.placement('badge-002')).toEqual({ deviceId: 'badge-002', branchId: 'lyon-02', groupIds: ['pilot'], staffId: null });
    expect(directory.branchMembers('lyon-02')).toEqual(['badge-002']);
    expect(directory.listGroups()).toMatchObject([{ id: 'pilot', deviceIds: ['badge-002'] }]);
    expect(directory.resolveAttribution('badge-002', 1)).toEqual({ staffId: null, branchId: 'lyon-02' });
    await directory.removeFromGroup('pilot', 'badge-002', by);
    await expect(directory.removeFromGroup('pilot', 'badge-002', by)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(changed).toEqual([['badge-002'], ['badge-002'], ['badge-002']]);
  });
});
