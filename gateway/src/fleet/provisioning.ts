import type { ImportOutcome } from '../api-types.js';
import { ParleyError, isParleyError } from '../errors.js';
import type { Actor, DeviceRegistry, PublicDevice } from '../registry/device-registry.js';
import { generateSecret, hashSecret } from '../registry/secrets.js';
import { toPublicDevice } from '../registry/device-registry.js';

export const MAX_IMPORT_ROWS = 5000;

export interface ImportRow {
  line: number;
  id?: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion?: string;
}

/** One CSV row's outcome: the API's ImportOutcome before the route adds whether the device is online. */
export interface ImportResult extends Omit<ImportOutcome, 'device'> {
  device?: PublicDevice;
}

/**
 * Parses a device import CSV: a header naming `serial` and
 * `hardwareRevision` (or `hardware_revision`), optionally `id` and
 * `firmwareVersion`; comma separated, no quoting (none of the fields may
 * contain a comma), blank lines and `#` comments skipped.
 */
export function parseDeviceCsv(text: string): ImportRow[] {
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: ImportRow[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    if (!header) {
      header = cells.map((c) => c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()));
      for (const needed of ['serial', 'hardwareRevision']) {
        if (!header.includes(needed)) throw new ParleyError('BAD_REQUEST', `CSV header must name ${needed} (got: ${cells.join(',')})`);
      }
      return;
    }
    if (cells.length !== header.length) throw new ParleyError('BAD_REQUEST', `CSV line ${index + 1}: ${cells.length} fields, header has ${header.length}`);
    const record = Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
    rows.push({
      line: index + 1,
      serial: record.serial ?? '',
      hardwareRevision: record.hardwareRevision ?? '',
      ...(record.id ? { id: record.id } : {}),
      ...(record.firmwareVersion ? { firmwareVersion: record.firmwareVersion } : {}),
    });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new ParleyError('BAD_REQUEST', `at most ${MAX_IMPORT_ROWS} devices per import`);
  return rows;
}

/**
 * Credential lifecycle on top of the device registry: bulk import, secret
 * rotation (the old secret stops working at once: live connections are
 * dropped), retirement.
 */
export class Provisioning {
  constructor(
    private readonly registry: DeviceRegistry,
    private readonly options: { scryptCost: number; now: () => number; disconnect: (deviceId: string) => void },
  ) {}

  /** Provisions each row; a bad row is reported and does not stop the others. */
  async importCsv(text: string, by: Actor): Promise<ImportResult[]> {
    const rows = parseDeviceCsv(text);
    const outcomes: ImportResult[] = [];
    for (const row of rows) {
      try {
        const { device, secret } = await this.registry.provision(
          { serial: row.serial, hardwareRevision: row.hardwareRevision, ...(row.id ? { id: row.id } : {}), ...(row.firmwareVersion ? { firmwareVersion: row.firmwareVersion } : {}) },
          by,
        );
        outcomes.push({ line: row.line, serial: row.serial, ok: true, device, secret });
      } catch (err) {
        if (!isParleyError(err)) throw err;
        outcomes.push({ line: row.line, serial: row.serial, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    await this.registry.audit.append({
      ...by,
      action: 'device.import',
      outcome: 'ok',
      details: { rows: rows.length, created: outcomes.filter((o) => o.ok).length },
      atMs: this.options.now(),
    });
    return outcomes;
  }

  /** Issues a new secret; the old one is refused from now on. Returns the new secret (shown once). */
  async rotateSecret(deviceId: string, by: Actor): Promise<{ device: PublicDevice; secret: string }> {
    const before = await this.registry.get(deviceId);
    if (before.status === 'retired') throw new ParleyError('CONFLICT', 'a retired device gets no new credentials');
    const secret = generateSecret();
    const atMs = this.options.now();
    const record = await this.registry.store.setSecretHash(deviceId, await hashSecret(secret, this.options.scryptCost), atMs);
    this.options.disconnect(deviceId);
    await this.registry.audit.append({ ...by, action: 'device.secret.rotated', target: deviceId, outcome: 'ok', atMs });
    return { device: toPublicDevice(record), secret };
  }

  /** Takes a device out of service for good (it can no longer connect). */
  async retire(deviceId: string, by: Actor): Promise<PublicDevice> {
    return this.registry.setStatus(deviceId, 'retired', by);
  }

  /** Lets a locked or revoked device connect again (after it was found); a retired device stays retired. */
  async reinstate(deviceId: string, by: Actor): Promise<PublicDevice> {
    const device = await this.registry.get(deviceId);
    if (device.status !== 'locked' && device.status !== 'revoked') throw new ParleyError('CONFLICT', `device is ${device.status}`);
    return this.registry.setStatus(deviceId, 'active', by);
  }
}
