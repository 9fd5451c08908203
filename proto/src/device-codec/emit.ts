/**
 * Emits the device codec (device/badge-codec.js + .d.ts): the hand-written
 * generic runtime (runtime.js) followed by the schema as compact descriptor
 * tables, enum objects and the topic kind tables.
 */
import { F_PACKED, F_REPEATED, SchemaError, TYPE_CODES, type FieldSchema, type MessageSchema, type Schema } from './schema.js';

const HEADER = (schemaFile: string): string =>
  `// GENERATED from proto/${schemaFile} by proto/src/device-codec: do not edit.\n` +
  '// Regenerate with `npm run generate -w proto`. Runs on Espruino (see runtime notes below) and in Node.\n';

function jsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function docComment(text: string | null, indent = ''): string {
  if (!text) return '';
  const lines = text.split('\n').map((l) => l.trim().replace(/\*\//g, '* /'));
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

function fieldCode(field: FieldSchema): number {
  return TYPE_CODES[field.kind] | (field.repeated ? F_REPEATED : 0) | (field.packed ? F_PACKED : 0);
}

function descriptor(message: MessageSchema): string {
  const spec = message.fields.flatMap((f) => [f.number, fieldCode(f)]).join(', ');
  const hasSubs = message.fields.some((f) => f.kind === 'message');
  const subs = hasSubs ? `[${message.fields.map((f) => (f.kind === 'message' ? fullName(f.typeName as string) : '0')).join(', ')}]` : '0';
  const names = message.fields.map((f) => jsString(f.name)).join(', ');
  return `const ${fullName(message.name)} = [/*#__PURE__*/ new Uint16Array([${spec}]), ${subs}${names ? `, ${names}` : ''}];\n`;
}

/** The expanded descriptor's name: `$` cannot start a .proto identifier, so it never clashes with a type. */
function fullName(typeName: string): string {
  return '$' + typeName;
}

/** A JavaScript string literal of `s` with every character outside printable ASCII escaped. */
function packedLiteral(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 32 || c > 126 || ch === "'" || ch === '\\') out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + "'";
}

/** The packed descriptor (the runtime's expandDescriptor reads it). */
function packedDescriptor(message: MessageSchema): string {
  const entries = message.fields.map((f) => {
    if (f.number < 1 || f.number > 127) throw new SchemaError(`${message.name}.${f.name}: the device codec packs field numbers 1..127, not ${f.number}`);
    if (/\s/.test(f.name)) throw new SchemaError(`${message.name}.${f.name}: field names may not contain spaces`);
    return String.fromCharCode(f.number, fieldCode(f)) + f.name;
  });
  const subs = message.fields.filter((f) => f.kind === 'message').map((f) => f.typeName as string);
  const literal = packedLiteral(entries.join(' '));
  return `export const ${message.name} = ${subs.length ? `[${literal}, ${subs.join(', ')}]` : literal};\n`;
}

function kindTable(name: string, table: Readonly<Record<string, string>>, schema: Schema): string {
  const known = new Set(schema.messages.map((m) => m.name));
  const entries = Object.entries(table).map(([kind, message]) => {
    if (!known.has(message)) throw new Error(`topics.ts names ${message}, which badge.proto does not define`);
    return `  ${jsString(kind)}: ${fullName(message)},`;
  });
  return `export const ${name} = {\n${entries.join('\n')}\n};\n`;
}

/** MQTT topic tables (topics.ts) to emit with the codec; null for schemas other than the badge protocol. */
export interface TopicTables {
  root: string;
  up: Readonly<Record<string, string>>;
  down: Readonly<Record<string, string>>;
}

/** Globals the codec uses or that Espruino defines, which a schema type must not shadow. */
const RESERVED_GLOBALS = ['E', 'global', 'globalThis', 'process', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Math', 'JSON', 'Error', 'Promise', 'Uint8Array', 'Uint16Array', 'Int32Array', 'DataView', 'ArrayBuffer', 'Function', 'Date', 'Serial1', 'Storage'];

/** Top-level names declared by the runtime source. */
function runtimeNames(runtime: string): Set<string> {
  const names = new Set<string>();
  for (const m of runtime.matchAll(/^(?:export )?(?:const|let|var|function|class) ([\s\S]*?)(?:\(|;|$)/gm)) {
    const declaration = m[1] ?? '';
    for (const part of declaration.split(',')) {
      const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1];
      if (name) names.add(name);
    }
  }
  return names;
}

function checkNames(schema: Schema, runtime: string, topics: TopicTables | null): void {
  const taken = new Set([...runtimeNames(runtime), ...RESERVED_GLOBALS, 'MESSAGES']);
  if (topics) for (const name of ['TOPIC_ROOT', 'UP', 'DOWN', 'upTopic', 'downTopic']) taken.add(name);
  for (const name of [...schema.enums.map((e) => e.name), ...schema.messages.map((m) => m.name)]) {
    if (taken.has(name)) throw new SchemaError(`type name ${name} clashes with a name of the device codec runtime or an Espruino global`);
  }
}

/** The JavaScript module. `runtime` is the source of runtime.js. */
export function emitDeviceCodecJs(schema: Schema, runtime: string, schemaFile: string, topics: TopicTables | null): string {
  checkNames(schema, runtime, topics);
  let out = HEADER(schemaFile) + '\n' + runtime.trim() + '\n\n';
  out += `// ---------------------------------------------------------------- ${schema.packageName}\n\n`;
  out += '// Enums: name -> number (decoded enum fields are plain numbers).\n';
  for (const e of schema.enums) {
    out += docComment(e.comment);
    out += `export const ${e.name} = {\n${e.values.map((v) => `  ${v.name}: ${v.value},`).join('\n')}\n};\n`;
  }
  out += '\n// Message descriptors, packed (see expandDescriptor): what the badge holds.\n';
  for (const m of schema.messages) out += docComment(m.comment) + packedDescriptor(m);
  out += '\n// The same descriptors expanded: [field numbers and type codes, sub-message descriptors, field names].\n';
  for (const m of schema.messages) out += descriptor(m);
  out += '\n/** Every message descriptor by message name (expanded form). */\n';
  out += `export const MESSAGES = {\n${schema.messages.map((m) => `  ${m.name}: ${fullName(m.name)},`).join('\n')}\n};\n`;
  if (!topics) return out;
  out += `\n// Topics: ${topics.root}/{deviceId}/up/{kind} (device -> gateway), ${topics.root}/{deviceId}/down/{kind}.\n`;
  out += `export const TOPIC_ROOT = ${jsString(topics.root)};\n`;
  out += '/** Device -> gateway: topic kind -> message descriptor. */\n' + kindTable('UP', topics.up, schema);
  out += '/** Gateway -> device: topic kind -> message descriptor. */\n' + kindTable('DOWN', topics.down, schema);
  out += '\n/** Topic the badge publishes an up message on. */\n';
  out += "export function upTopic(deviceId, kind) {\n  return TOPIC_ROOT + '/' + deviceId + '/up/' + kind;\n}\n";
  out += '\n/** Topic the gateway sends a down message on. */\n';
  out += "export function downTopic(deviceId, kind) {\n  return TOPIC_ROOT + '/' + deviceId + '/down/' + kind;\n}\n";
  return out;
}

const TS_TYPES: Record<string, string> = {
  string: 'string',
  bytes: 'Uint8Array',
  bool: 'boolean',
};

function fieldType(field: FieldSchema): string {
  const base = field.kind === 'message' ? (field.typeName as string) : (TS_TYPES[field.kind] ?? 'number');
  if (field.repeated) return `${base}[]`;
  return field.kind === 'message' ? `${base} | null` : base;
}

function fieldDoc(field: FieldSchema): string {
  const wire = `${field.repeated ? 'repeated ' : ''}${field.kind === 'message' || field.kind === 'enum' ? field.typeName : field.kind} = ${field.number}`;
  return field.comment ? `${field.comment} (${wire})` : wire;
}

/** The TypeScript declarations for the module. */
export function emitDeviceCodecDts(schema: Schema, schemaFile: string, topics: TopicTables | null): string {
  let out = HEADER(schemaFile) + '\n';
  out += `/**
 * A message descriptor (an opaque table at run time). \`M\` is the decoded
 * shape: every field present, sub-messages null when absent.
 */
export interface MessageType<M> {
  readonly __message?: M;
}

/** What encode accepts: any subset of the fields; null/undefined mean "absent". */
export type MessageInput<M> = {
  [K in keyof M]?: M[K] extends Uint8Array
    ? Uint8Array
    : M[K] extends readonly (infer E)[]
      ? (E extends Uint8Array ? Uint8Array : E extends object ? MessageInput<E> : E)[] | null
      : M[K] extends object | null
        ? MessageInput<NonNullable<M[K]>> | null
        : M[K] | null;
};

/** Codes of the Errors thrown by encode/decode (as err.code). */
export declare const ERR: {
  /** A varint, fixed field or length-delimited field runs past the end. */
  readonly TRUNCATED: 'PROTO_TRUNCATED';
  /** A varint longer than 10 bytes. */
  readonly VARINT: 'PROTO_VARINT';
  /** Wire type 6 or 7, or an end-group tag without a group. */
  readonly WIRE_TYPE: 'PROTO_WIRE_TYPE';
  /** Field number 0, a tag longer than 5 bytes or 32 bits, or a mismatched end-group tag. */
  readonly TAG: 'PROTO_TAG';
  /** A string field that is not valid UTF-8. */
  readonly UTF8: 'PROTO_UTF8';
  /** Messages or groups nested more than 16 deep. */
  readonly DEPTH: 'PROTO_DEPTH';
  /** encode: a field of the wrong type or out of range; decode: input is not a Uint8Array. */
  readonly VALUE: 'PROTO_VALUE';
};
export type DeviceCodecErrorCode = (typeof ERR)[keyof typeof ERR];
export interface DeviceCodecError extends Error {
  code: DeviceCodecErrorCode;
}

/**
 * Encodes a message, omitting proto3 default values exactly like protobufjs
 * (the bytes are identical). Throws a DeviceCodecError (code PROTO_VALUE) for a
 * field of the wrong type or out of its integer range.
 */
export declare function encode<M>(type: MessageType<M>, message: MessageInput<M>): Uint8Array;
/** The length encode() would return (validates the same way). */
export declare function encodedSize<M>(type: MessageType<M>, message: MessageInput<M>): number;
/**
 * Decodes a message: every field present (defaults filled), 64-bit integers
 * as numbers (exact to 2^53), bytes as views into \`bytes\`, unknown fields
 * skipped. Throws a DeviceCodecError on malformed input.
 */
export declare function decode<M>(type: MessageType<M>, bytes: Uint8Array): M;
/** CRC-32/ISO-HDLC (zlib/PNG), continuable: pass the CRC of the preceding bytes as \`previous\`. */
export declare function crc32(data: Uint8Array, previous?: number): number;

`;
  out += `// ---------------------------------------------------------------- ${schema.packageName}\n\n`;
  for (const e of schema.enums) {
    out += docComment(e.comment);
    out += `export declare const ${e.name}: {\n${e.values.map((v) => `${docComment(v.comment, '  ')}  readonly ${v.name}: ${v.value};`).join('\n')}\n};\n`;
  }
  out += '\n';
  for (const m of schema.messages) {
    out += docComment(m.comment);
    out += `export interface ${m.name} {\n${m.fields.map((f) => `${docComment(fieldDoc(f), '  ')}  ${f.name}: ${fieldType(f)};`).join('\n')}\n}\n`;
    out += `export declare const ${m.name}: MessageType<${m.name}>;\n\n`;
  }
  out += `/** Every message descriptor by message name. */\nexport declare const MESSAGES: {\n${schema.messages.map((m) => `  readonly ${m.name}: MessageType<${m.name}>;`).join('\n')}\n};\n\n`;
  if (!topics) return out;
  out += `export declare const TOPIC_ROOT: ${jsString(topics.root)};\n`;
  const kinds = (table: Readonly<Record<string, string>>): string =>
    Object.entries(table)
      .map(([kind, message]) => `  readonly ${jsString(kind)}: MessageType<${message}>;`)
      .join('\n');
  out += `/** Device -> gateway: topic kind -> message descriptor. */\nexport declare const UP: {\n${kinds(topics.up)}\n};\n`;
  out += `/** Gateway -> device: topic kind -> message descriptor. */\nexport declare const DOWN: {\n${kinds(topics.down)}\n};\n`;
  out += 'export type UpKind = keyof typeof UP;\nexport type DownKind = keyof typeof DOWN;\n';
  out += `/** \`${topics.root}/{deviceId}/up/{kind}\` */\nexport declare function upTopic(deviceId: string, kind: UpKind): string;\n`;
  out += `/** \`${topics.root}/{deviceId}/down/{kind}\` */\nexport declare function downTopic(deviceId: string, kind: DownKind): string;\n`;
  return out;
}
