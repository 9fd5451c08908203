import { randomBytes } from 'node:crypto';
import { isDeviceId } from '@parley/proto';
import { ParleyError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import type { DeviceStatus } from '../api-types.js';
import type { DeviceRecord, DeviceStore, DeviceListQuery } from './device-store.js';
import { generateSecret, hashSecret } from './secrets.js';

/** A device as the API shows it: everything but the secret hash. */
export type PublicDevice = Omit<DeviceRecord, 'secretHash'>;

export function toPublicDevice(record: DeviceRecord): PublicDevice {
  const { secretHash: _secretHash, ...rest } = record;
  return rest;
}

export interface ProvisionInput {
  /** Optional: generated (`badge-<10 hex>`) when absent. Must match DEVICE_ID_PATTERN. */
  id?: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion?: string | null;
}

/** Who did it and from where, for the audit log. */
export interface Actor {
  actor: string;
  source?: string | null;
}

export const SERIAL_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
export const HARDWARE_REVISION_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;

export type StatusListener = (device: PublicDevice, previous: DeviceStatus) => void;

/**
 * Device lifecycle operations on top of a DeviceStore: provisioning with a
 * one-time secret, revocation. Every change is audited and announced to
 * status listeners (the broker drops a revoked device's live connection).
 */
export class DeviceRegistry {
  private readonly listeners = new Set<StatusListener>();

  constructor(
    readonly store: DeviceStore,
    readonly audit: AuditLog,
    private readonly options: { scryptCost: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  onStatusChanged(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Creates a device and returns its secret; the secret is not stored and cannot be shown again. */
  async provision(input: ProvisionInput, by: Actor): Promise<{ device: PublicDevice; secret: string }> {
    const id = input.id ?? `badge-${randomBytes(5).toString('hex')}`;
    if (!isDeviceId(id)) throw new ParleyError('DEVICE_ID_INVALID', 'use 3-64 lowercase letters, digits and -', { id });
    if (!SERIAL_PATTERN.test(input.serial)) throw new ParleyError('BAD_REQUEST', 'serial: 1-64 of A-Z a-z 0-9 . _ : -');
    if (!HARDWARE_REVISION_PATTERN.test(input.hardwareRevision)) {
      throw new ParleyError('BAD_REQUEST', 'hardwareRevision: 1-32 of A-Z a-z 0-9 . _ -');
    }
    const secret = generateSecret();
    const atMs = this.now();
    const record = await this.store.create({
      id,
      serial: input.serial,
      hardwareRevision: input.hardwareRevision,
      firmwareVersion: input.firmwareVersion ?? null,
      secretHash: await hashSecret(secret, this.options.scryptCost),
      atMs,
    });
    await this.audit.append({ ...by, action: 'device.provisioned', target: id, outcome: 'ok', details: { serial: input.serial }, atMs });
    return { device: toPublicDevice(record), secret };
  }

  async get(id: string): Promise<PublicDevice> {
    if (!isDeviceId(id)) throw new ParleyError('DEVICE_ID_INVALID', undefined, { id });
    const record = await this.store.get(id);
    if (!record) throw new ParleyError('DEVICE_UNKNOWN', id, { id });
    return toPublicDevice(record);
  }

  async list(query?: DeviceListQuery): Promise<PublicDevice[]> {
    return (await this.store.list(query)).map(toPublicDevice);
  }

  /** Sets a device's status (revoke, lock, retire, ...), audits it and tells listeners. */
  async setStatus(id: string, status: DeviceStatus, by: Actor): Promise<PublicDevice> {
    if (!isDeviceId(id)) throw new ParleyError('DEVICE_ID_INVALID', undefined, { id });
    const before = await this.store.get(id);
    if (!before) throw new ParleyError('DEVICE_UNKNOWN', id, { id });
    const atMs = this.now();
    const after = toPublicDevice(await this.store.setStatus(id, status, atMs));
    await this.audit.append({ ...by, action: `device.status.${status}`, target: id, outcome: 'ok', details: { from: before.status }, atMs });
    for (const listener of this.listeners) listener(after, before.status);
    return after;
  }

  /**
   * The firmware version a device reported in its Hello becomes its
   * registry version; a change (an update applied, a rollback) is audited.
   */
  async recordFirmwareVersion(id: string, version: string): Promise<void> {
    if (!version || version.length > 64) return;
    const atMs = this.now();
    const before = await this.store.setFirmwareVersion(id, version, atMs);
    if (before === undefined || before === version) return;
    await this.audit.append({ actor: `device:${id}`, action: 'device.firmware.reported', target: id, outcome: 'ok', details: { from: before, to: version }, atMs });
  }

  revoke(id: string, by: Actor): Promise<PublicDevice> {
    return this.setStatus(id, 'revoked', by);
  }
}
