import type { Database, Statement } from 'better-sqlite3';
import { ParleyError } from '../errors.js';
import { migrate } from '../storage/migrate.js';
import { DEVICE_STATUSES, type DeviceStatus } from '../api-types.js';
import type { DeviceListQuery, DeviceRecord, DeviceStore, NewDevice } from './device-store.js';

export const REGISTRY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     serial TEXT NOT NULL UNIQUE,
     hardware_revision TEXT NOT NULL,
     firmware_version TEXT,
     status TEXT NOT NULL CHECK (status IN (${DEVICE_STATUSES.map((s) => `'${s}'`).join(', ')})),
     secret_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     last_seen_at INTEGER
   ) STRICT;
   CREATE INDEX devices_status ON devices (status, id);`,
];

interface DeviceRow {
  id: string;
  serial: string;
  hardware_revision: string;
  firmware_version: string | null;
  status: DeviceStatus;
  secret_hash: string;
  created_at: number;
  updated_at: number;
  last_seen_at: number | null;
}

function toRecord(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    serial: row.serial,
    hardwareRevision: row.hardware_revision,
    firmwareVersion: row.firmware_version,
    status: row.status,
    secretHash: row.secret_hash,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
    lastSeenAtMs: row.last_seen_at,
  };
}

const MAX_PAGE = 1000;

/** DeviceStore on the gateway's SQLite database (owner 'registry'). */
export class SqliteDeviceStore implements DeviceStore {
  private readonly insert: Statement;
  private readonly byId: Statement<[string], DeviceRow>;
  private readonly updateStatus: Statement;
  private readonly updateSecret: Statement;
  private readonly updateSeen: Statement;
  private readonly updateFirmware: Statement;

  constructor(private readonly db: Database) {
    migrate(db, 'registry', REGISTRY_MIGRATIONS);
    this.insert = db.prepare(
      `INSERT INTO devices (id, serial, hardware_revision, firmware_version, status, secret_hash, created_at, updated_at)
       VALUES (@id, @serial, @hardwareRevision, @firmwareVersion, 'provisioned', @secretHash, @atMs, @atMs)`,
    );
    this.byId = db.prepare('SELECT * FROM devices WHERE id = ?');
    this.updateStatus = db.prepare('UPDATE devices SET status = ?, updated_at = ? WHERE id = ?');
    this.updateSecret = db.prepare('UPDATE devices SET secret_hash = ?, updated_at = ? WHERE id = ?');
    this.updateFirmware = db.prepare('UPDATE devices SET firmware_version = ?, updated_at = ? WHERE id = ?');
    this.updateSeen = db.prepare(
      `UPDATE devices SET last_seen_at = MAX(COALESCE(last_seen_at, 0), @atMs),
         status = CASE status WHEN 'provisioned' THEN 'active' ELSE status END,
         updated_at = CASE status WHEN 'provisioned' THEN @atMs ELSE updated_at END
       WHERE id = @id`,
    );
  }

  async create(device: NewDevice): Promise<DeviceRecord> {
    try {
      this.insert.run({ ...device, firmwareVersion: device.firmwareVersion ?? null });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new ParleyError('CONFLICT', `a device with id '${device.id}' or serial '${device.serial}' exists`, { id: device.id }, { cause: err });
      }
      throw err;
    }
    return this.require(device.id);
  }

  async get(id: string): Promise<DeviceRecord | null> {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  async list(query: DeviceListQuery = {}): Promise<DeviceRecord[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_PAGE);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.afterId !== undefined) {
      where.push('id > ?');
      params.push(query.afterId);
    }
    const sql = `SELECT * FROM devices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    return (this.db.prepare(sql).all(...params, limit) as DeviceRow[]).map(toRecord);
  }

  async setStatus(id: string, status: DeviceStatus, atMs: number): Promise<DeviceRecord> {
    if (this.updateStatus.run(status, atMs, id).changes === 0) throw new ParleyError('DEVICE_UNKNOWN', id, { id });
    return this.require(id);
  }

  async setSecretHash(id: string, secretHash: string, atMs: number): Promise<DeviceRecord> {
    if (this.updateSecret.run(secretHash, atMs, id).changes === 0) throw new ParleyError('DEVICE_UNKNOWN', id, { id });
    return this.require(id);
  }

  async markSeen(id: string, atMs: number): Promise<DeviceRecord | null> {
    return this.db.transaction(() => {
      const before = this.byId.get(id);
      if (!before) return null;
      this.updateSeen.run({ id, atMs });
      return toRecord(before);
    })();
  }

  async setFirmwareVersion(id: string, version: string, atMs: number): Promise<string | null | undefined> {
    return this.db.transaction(() => {
      const before = this.byId.get(id);
      if (!before) return undefined;
      if (before.firmware_version !== version) this.updateFirmware.run(version, atMs, id);
      return before.firmware_version;
    })();
  }

  private require(id: string): DeviceRecord {
    const row = this.byId.get(id);
    if (!row) throw new ParleyError('DEVICE_UNKNOWN', id, { id });
    return toRecord(row);
  }
}
