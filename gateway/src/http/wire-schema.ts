import { Type, type SchemaOptions, type Static, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';

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

/** `schema` or JSON null. */
export const nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => Type.Union([schema, Type.Null()]);

/** One of a fixed list of strings (api-types.ts's `DEVICE_STATUSES`, `ALERT_KINDS` …), typed as that list's union. */
export const oneOf = <const T extends readonly string[]>(values: T, options?: SchemaOptions): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(
    values.map((v: T[number]) => Type.Literal(v)),
    options,
  );
