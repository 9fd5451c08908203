import { Type } from '@sinclair/typebox';
import { DEVICE_STATUSES } from '../registry/device-store.js';

/** A device as the device and fleet APIs return it (the registry's public fields and whether it is online). */
export const DeviceSchema = Type.Object({
  id: Type.String(),
  serial: Type.String(),
  hardwareRevision: Type.String(),
  firmwareVersion: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union(DEVICE_STATUSES.map((s) => Type.Literal(s))),
  createdAtMs: Type.Integer(),
  updatedAtMs: Type.Integer(),
  lastSeenAtMs: Type.Union([Type.Integer(), Type.Null()]),
  online: Type.Boolean(),
});

export const IdParams = Type.Object({ id: Type.String({ maxLength: 128 }) });
