import { Type } from '@sinclair/typebox';
import { DEVICE_STATUSES, type Device, type DeviceWithSecret } from '../api-types.js';
import { wireSchema, nullable, oneOf } from './wire-schema.js';

/** A device as the device and fleet APIs return it (the registry's public fields and whether it is online). */
export const DeviceSchema = wireSchema<Device>()(
  Type.Object({
    id: Type.String(),
    serial: Type.String(),
    hardwareRevision: Type.String(),
    firmwareVersion: nullable(Type.String()),
    status: oneOf(DEVICE_STATUSES),
    createdAtMs: Type.Integer(),
    updatedAtMs: Type.Integer(),
    lastSeenAtMs: nullable(Type.Integer()),
    online: Type.Boolean(),
  }),
);

/** A device with its new secret (provisioning, rotation): the only time the secret is shown. */
export const DeviceWithSecretSchema = wireSchema<DeviceWithSecret>()(Type.Object({ device: DeviceSchema, secret: Type.String() }));

export const IdParams = Type.Object({ id: Type.String({ maxLength: 128 }) });
