import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { DEVICE_STATUSES, type Branch } from '../src/api-types.js';
import { nullable, oneOf, wireSchema } from '../src/http/wire-schema.js';

describe('route schema builders', () => {
  it('oneOf takes exactly the listed strings', () => {
    const status = oneOf(DEVICE_STATUSES);
    for (const s of DEVICE_STATUSES) expect(Value.Check(status, s)).toBe(true);
    expect(Value.Check(status, 'deleted')).toBe(false);
    expect(Value.Check(status, null)).toBe(false);
  });

  it('nullable takes the schema or null, nothing else', () => {
    const n = nullable(Type.Integer());
    expect(Value.Check(n, 3)).toBe(true);
    expect(Value.Check(n, null)).toBe(true);
    expect(Value.Check(n, '3')).toBe(false);
  });

  it('wireSchema returns the schema it checked, and does not compile one that differs from its API type', () => {
    const schema = Type.Object({ id: Type.String(), name: Type.String(), region: Type.String(), createdAtMs: Type.Integer() });
    expect(wireSchema<Branch>()(schema)).toBe(schema);
    // `npm run typecheck` (part of `npm test`) checks the rest: each call must fail to compile, so a
    // wireSchema that stopped comparing schema and API type turns the unused directives into errors.
    const missing = Type.Object({ id: Type.String(), name: Type.String(), region: Type.String() });
    // @ts-expect-error a field missing
    expect(wireSchema<Branch>()(missing)).toBe(missing);
    const retyped = Type.Object({ id: Type.String(), name: Type.Integer(), region: Type.String(), createdAtMs: Type.Integer() });
    // @ts-expect-error a field of another type
    expect(wireSchema<Branch>()(retyped)).toBe(retyped);
    const extra = Type.Object({ id: Type.String(), name: Type.String(), region: Type.String(), createdAtMs: Type.Integer(), code: Type.String() });
    // @ts-expect-error a field the API type does not have
    expect(wireSchema<Branch>()(extra)).toBe(extra);
  });
});
