import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DownMessages } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import type { Release } from '../api-types.js';

export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/;
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
/** Bytes per FirmwareChunk (well below the broker's packet limit). */
export const FIRMWARE_CHUNK_BYTES = 4096;

interface ReleaseRow {
  id: string;
  version: string;
  size: number;
  sha256: string;
  min_hardware_revision: string;
  notes: string;
  created_at: number;
}

const toRelease = (r: ReleaseRow): Release => ({
  id: r.id,
  version: r.version,
  size: r.size,
  sha256: r.sha256,
  minHardwareRevision: r.min_hardware_revision,
  notes: r.notes,
  createdAtMs: r.created_at,
});

/** Hardware revisions compare with numbers as numbers: r2 < r10. */
export function hardwareAtLeast(revision: string, minimum: string): boolean {
  return minimum === '' || revision.localeCompare(minimum, 'en', { numeric: true, sensitivity: 'base' }) >= 0;
}

/** Firmware bundles with their version, sha256 and minimum hardware revision, kept in SQLite. Uploads are audited. */
export class ReleaseStore {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  async create(input: { version: string; minHardwareRevision?: string; notes?: string; sha256?: string; bundle: Buffer }, by: Actor): Promise<Release> {
    if (!VERSION_PATTERN.test(input.version)) throw new ParleyError('BAD_REQUEST', 'version: 1-64 of 0-9 A-Z a-z . + _ -');
    if (input.bundle.length === 0 || input.bundle.length > MAX_BUNDLE_BYTES) throw new ParleyError('BAD_REQUEST', `bundle: 1..${MAX_BUNDLE_BYTES} bytes`);
    const sha256 = createHash('sha256').update(input.bundle).digest('hex');
    if (input.sha256 !== undefined && input.sha256.toLowerCase() !== sha256) throw new ParleyError('BAD_REQUEST', `sha256 mismatch: the upload hashes to ${sha256}`);
    const id = `rel-${randomUUID()}`;
    const atMs = this.now();
    try {
      this.db
        .prepare('INSERT INTO fleet_releases (id, version, size, sha256, min_hardware_revision, notes, bundle, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.version, input.bundle.length, sha256, input.minHardwareRevision ?? '', input.notes ?? '', input.bundle, atMs);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ParleyError('CONFLICT', `release ${input.version} exists`);
      throw err;
    }
    await this.audit.append({ ...by, action: 'firmware.release.created', target: id, outcome: 'ok', details: { version: input.version, size: input.bundle.length, sha256 }, atMs });
    return this.get(id);
  }

  get(id: string): Release {
    const row = this.db.prepare('SELECT id, version, size, sha256, min_hardware_revision, notes, created_at FROM fleet_releases WHERE id = ?').get(id) as ReleaseRow | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `release ${id}`);
    return toRelease(row);
  }

  list(): Release[] {
    return (this.db.prepare('SELECT id, version, size, sha256, min_hardware_revision, notes, created_at FROM fleet_releases ORDER BY created_at DESC').all() as ReleaseRow[]).map(toRelease);
  }

  /** The FirmwareUpdate payload of a FIRMWARE_UPDATE command. */
  offer(id: string): DownMessages['command']['firmware'] | null {
    const row = this.db.prepare('SELECT id, version, size, sha256 FROM fleet_releases WHERE id = ?').get(id) as ReleaseRow | undefined;
    if (!row) return null;
    return { releaseId: row.id, version: row.version, size: row.size, sha256: Buffer.from(row.sha256, 'hex'), chunkSize: FIRMWARE_CHUNK_BYTES };
  }

  /** Bytes [offset, offset + length) of a bundle, clamped to its size and to one chunk. */
  read(id: string, offset: number, length: number): { data: Buffer; totalSize: number } | null {
    const row = this.db.prepare('SELECT size FROM fleet_releases WHERE id = ?').get(id) as { size: number } | undefined;
    if (!row || offset < 0 || offset >= row.size) return null;
    const n = Math.min(Math.max(length, 1), FIRMWARE_CHUNK_BYTES, row.size - offset);
    const data = (this.db.prepare('SELECT substr(bundle, ?, ?) AS d FROM fleet_releases WHERE id = ?').get(offset + 1, n, id) as { d: Buffer }).d;
    return { data, totalSize: row.size };
  }
}
