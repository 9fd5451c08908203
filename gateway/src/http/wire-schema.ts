import type { Static, TSchema } from '@sinclair/typebox';

/** Each type's values are the other's (mutual assignability, so `{}` and `Record<string, unknown>` count as the same). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A route schema that describes exactly the API type `Wire` (api-types.ts,
 * which the admin web UI reads): `wireSchema<Branch>()(Type.Object({ ... }))`
 * does not compile when a field is missing, extra or of another type. The
 * schema is what Fastify validates and serializes with, so the JSON on the
 * wire and the type cannot drift apart. At run time it returns the schema.
 */
export const wireSchema =
  <Wire>() =>
  <S extends TSchema>(schema: S & (Same<Static<S>, Wire> extends true ? unknown : { 'schema does not match the API type': { schema: Static<S>; api: Wire } })): S =>
    schema;
