/**
 * The device registry's storage contract. SQLite implements it now; a
 * PostgreSQL implementation must pass the same contract suite
 * (gateway/test/registry/device-store.contract.ts).
 */
import type { Device, DeviceStatus } from '../api-types.js';

/** Statuses whose devices may connect. */
export const CONNECTABLE_STATUSES: ReadonlySet<DeviceStatus> = new Set(['provisioned', 'active']);

/** A device as stored: the API's Device without whether it is online, and its secret's hash. */
export interface DeviceRecord extends Omit<Device, 'online'> {
  /** scrypt hash of the device secret (never leaves the gateway). */
  secretHash: string;
}

export interface NewDevice {
  id: string;
  serial: string;
  hardwareRevision: string;
  firmwareVersion?: string | null;
  secretHash: string;
  atMs: number;
}

export interface DeviceListQuery {
  status?: DeviceStatus;
  /** Ids sort ascending; returns ids after this one (keyset paging). */
  afterId?: string;
  limit?: number;
}

export interface DeviceStore {
  /** Throws CONFLICT when the id or serial exists. */
  create(device: NewDevice): Promise<DeviceRecord>;
  get(id: string): Promise<DeviceRecord | null>;
  list(query?: DeviceListQuery): Promise<DeviceRecord[]>;
  /** Throws DEVICE_UNKNOWN. */
  setStatus(id: string, status: DeviceStatus, atMs: number): Promise<DeviceRecord>;
  /** Replaces the secret hash (credential rotation). Throws DEVICE_UNKNOWN. */
  setSecretHash(id: string, secretHash: string, atMs: number): Promise<DeviceRecord>;
  /**
   * Records a successful connection or disconnect: last seen, and
   * provisioned -> active on the first connection. Returns the record before
   * the change (null if unknown) so callers can tell a first connection.
   */
  markSeen(id: string, atMs: number): Promise<DeviceRecord | null>;
  /**
   * Records the firmware version the device reported (its Hello). Returns the
   * version stored before (null if none), or undefined when the device is unknown.
   */
  setFirmwareVersion(id: string, version: string, atMs: number): Promise<string | null | undefined>;
}
