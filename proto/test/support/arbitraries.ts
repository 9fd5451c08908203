/**
 * fast-check arbitraries for every message of badge.proto, derived from the
 * schema: random subsets of fields with values across each type's full range.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { PROTO_PATHS } from '../../src/codegen/paths.js';
import { readSchema, type FieldSchema, type Schema } from '../../src/device-codec/schema.js';

export const schema: Schema = readSchema(readFileSync(PROTO_PATHS.schema, 'utf8'));
const enumValues = new Map(schema.enums.map((e) => [e.name, e.values.map((v) => v.value)]));

const INT32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const UINT32 = fc.integer({ min: 0, max: 0xffffffff });
const INT64 = fc.oneof(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), INT32, fc.constantFrom(-1, 0, 1));
const UINT64 = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), UINT32, fc.constantFrom(0, 2 ** 32, 2 ** 53 - 1));
const STRING = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), fc.constantFrom('', '张伟', 'Zürich'));
const BYTES = fc.uint8Array({ maxLength: 40 });

function valueArbitrary(field: FieldSchema, messages: Map<string, fc.Arbitrary<Record<string, unknown>>>): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return INT32;
    case 'uint32':
    case 'fixed32':
      return UINT32;
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return INT64;
    case 'uint64':
    case 'fixed64':
      return UINT64;
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(enumValues.get(field.typeName as string) ?? [0]));
    case 'float':
      return fc.float({ noNaN: true });
    case 'double':
      return fc.double({ noNaN: true });
    case 'string':
      return STRING;
    case 'bytes':
      return BYTES;
    case 'message': {
      const sub = messages.get(field.typeName as string);
      if (!sub) throw new Error(`no arbitrary for ${field.typeName}`);
      return sub;
    }
  }
}

/** Message name -> arbitrary of message objects (every field optional). */
export const messageArbitraries: Map<string, fc.Arbitrary<Record<string, unknown>>> = (() => {
  const out = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
  // schema.messages lists contained messages first, so sub-arbitraries exist when needed.
  for (const message of schema.messages) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of message.fields) {
      const value = valueArbitrary(field, out);
      model[field.name] = field.repeated ? fc.array(value, { maxLength: 4 }) : value;
    }
    out.set(message.name, fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>);
  }
  return out;
})();

/** Offsets where a top-level field ends in a valid encoding (a prefix ending there is itself valid). */
export function fieldBoundaries(bytes: Uint8Array): Set<number> {
  const ends = new Set<number>([0]);
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw new Error('encoding ends inside a varint');
      const b = bytes[pos++] as number;
      value += (b & 127) * scale;
      scale *= 128;
      if (b < 128) return value;
    }
  };
  while (pos < bytes.length) {
    const wire = varint() % 8;
    if (wire === 0) varint();
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const length = varint();
      pos += length;
    }
    else throw new Error(`unexpected wire type ${wire} in an encoding`);
    ends.add(pos);
  }
  return ends;
}
