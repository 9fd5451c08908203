/**
 * Loads the golden vectors in proto/vectors/*.json and turns them into test
 * cases: JSON objects (bytes fields as hex) become message objects, the
 * annotated byte groups become the expected bytes, and the fully decoded
 * object (proto3 defaults filled) is derived from the schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTO_PATHS } from '../../src/codegen/paths.js';
import { readSchema, type FieldSchema, type MessageSchema } from '../../src/device-codec/schema.js';

export const VECTORS_DIR = join(PROTO_PATHS.packageDir, 'vectors');

interface VectorJson {
  name: string;
  note?: string;
  /** Bytes that are valid input but not what encode produces (unknown fields, merged duplicates, long varints). */
  decodeOnly?: boolean;
  object: Record<string, unknown>;
  /** [hex, comment] groups; their concatenation is the encoding. */
  bytes: [string, string][];
}

interface VectorFileJson {
  message: string;
  vectors: VectorJson[];
}

export interface GoldenVector {
  file: string;
  /** Message name in badge.proto (without the package). */
  message: string;
  name: string;
  decodeOnly: boolean;
  /** The vector's object with bytes fields as Uint8Array: what encode is given. */
  object: Record<string, unknown>;
  /** The same object with every field present, as decode returns it. */
  decoded: Record<string, unknown>;
  bytes: Uint8Array;
  /** The JSON form of `object` (bytes fields as hex), for other realms. */
  json: Record<string, unknown>;
}

const schema = readSchema(readFileSync(PROTO_PATHS.schema, 'utf8'));
const messages = new Map(schema.messages.map((m) => [m.name, m]));
const packagePrefix = `${schema.packageName}.`;

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (!/^(?:[0-9a-f]{2})*$/.test(clean)) throw new Error(`not lowercase hex bytes: ${JSON.stringify(hex)}`);
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

function messageSchema(name: string): MessageSchema {
  const m = messages.get(name);
  if (!m) throw new Error(`badge.proto has no message ${name}`);
  return m;
}

function defaultFor(field: FieldSchema): unknown {
  if (field.repeated) return [];
  switch (field.kind) {
    case 'message':
      return null;
    case 'bytes':
      return new Uint8Array(0);
    case 'string':
      return '';
    case 'bool':
      return false;
    default:
      return 0;
  }
}

/** Converts a JSON object to a message object; `fill` adds every absent field with its default. */
export function fromJson(messageName: string, json: Record<string, unknown>, fill: boolean): Record<string, unknown> {
  const message = messageSchema(messageName);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(json)) {
    if (!message.fields.some((f) => f.name === key)) throw new Error(`${messageName} has no field ${key}`);
  }
  for (const field of message.fields) {
    const value = json[field.name];
    if (value === undefined) {
      if (fill) out[field.name] = defaultFor(field);
      continue;
    }
    const convert = (v: unknown): unknown => {
      if (field.kind === 'bytes') return hexToBytes(v as string);
      if (field.kind === 'message') return fromJson(field.typeName as string, v as Record<string, unknown>, fill);
      return v;
    };
    if (field.repeated) out[field.name] = (value as unknown[]).map(convert);
    else out[field.name] = value === null ? (fill ? defaultFor(field) : null) : convert(value);
  }
  return out;
}

export function loadGoldenVectors(): GoldenVector[] {
  const vectors: GoldenVector[] = [];
  for (const file of readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = JSON.parse(readFileSync(join(VECTORS_DIR, file), 'utf8')) as VectorFileJson;
    if (!parsed.message.startsWith(packagePrefix)) throw new Error(`${file}: message must be in ${schema.packageName}`);
    const message = parsed.message.slice(packagePrefix.length);
    if (file !== `${message}.json`) throw new Error(`${file}: holds vectors of ${message}, expected ${message}.json`);
    for (const v of parsed.vectors) {
      vectors.push({
        file,
        message,
        name: v.name,
        decodeOnly: v.decodeOnly === true,
        object: fromJson(message, v.object, false),
        decoded: fromJson(message, v.object, true),
        bytes: hexToBytes(v.bytes.map(([hex]) => hex).join('')),
        json: v.object,
      });
    }
  }
  return vectors;
}

/** Names of every message in badge.proto. */
export function schemaMessageNames(): string[] {
  return schema.messages.map((m) => m.name);
}
