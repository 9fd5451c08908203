/**
 * Reads badge.proto with protobufjs' parser and flattens it into what the
 * device codec generator needs: enums, and messages in dependency order with
 * their fields' numbers, type codes and flags.
 */
import protobuf from 'protobufjs';

/** Type codes shared with runtime.js (T_* constants there). */
export const TYPE_CODES = {
  int32: 0,
  int64: 1,
  uint32: 2,
  uint64: 3,
  sint32: 4,
  sint64: 5,
  bool: 6,
  enum: 7,
  fixed32: 8,
  sfixed32: 9,
  fixed64: 10,
  sfixed64: 11,
  float: 12,
  double: 13,
  string: 14,
  bytes: 15,
  message: 16,
} as const;
export const F_REPEATED = 32;
export const F_PACKED = 64;

export type FieldKind = keyof typeof TYPE_CODES;

export interface FieldSchema {
  /** protobufjs' camelCase name. */
  name: string;
  number: number;
  kind: FieldKind;
  repeated: boolean;
  packed: boolean;
  /** Export name of the enum or message type, for enum and message fields. */
  typeName: string | null;
  comment: string | null;
}

export interface MessageSchema {
  /** Export name: the path below the package, joined with '_' for nested types. */
  name: string;
  fullName: string;
  fields: FieldSchema[];
  comment: string | null;
}

export interface EnumSchema {
  name: string;
  values: { name: string; value: number; comment: string | null }[];
  comment: string | null;
}

export interface Schema {
  packageName: string;
  enums: EnumSchema[];
  /** Dependencies first: a message appears after every message it contains. */
  messages: MessageSchema[];
}

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
}

function exportName(type: protobuf.ReflectionObject, pkg: protobuf.Namespace): string {
  const parts: string[] = [];
  for (let o: protobuf.ReflectionObject | null = type; o && o !== pkg; o = o.parent) parts.unshift(o.name);
  return parts.join('_');
}

function packageOf(root: protobuf.Root): protobuf.Namespace {
  // The package is the deepest namespace chain with a single child namespace and no types.
  let ns: protobuf.Namespace = root;
  for (;;) {
    const nested = ns.nestedArray;
    const only = nested.length === 1 ? nested[0] : undefined;
    if (only instanceof protobuf.Namespace && !(only instanceof protobuf.Type) && !(only instanceof protobuf.Service)) ns = only;
    else return ns;
  }
}

/** Parses proto3 source into the generator's schema; rejects features the device codec does not implement. */
export function readSchema(source: string): Schema {
  if (!/^\s*syntax\s*=\s*["']proto3["']\s*;/m.test(source)) throw new SchemaError('only proto3 schemas (syntax = "proto3";) are supported');
  const parsed = protobuf.parse(source, { keepCase: false, alternateCommentMode: true });
  if (parsed.imports?.length || parsed.weakImports?.length) throw new SchemaError('imports are not supported');
  const root = parsed.root;
  root.resolveAll();
  const pkg = packageOf(root);

  const enums: EnumSchema[] = [];
  const types: protobuf.Type[] = [];
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const item of ns.nestedArray) {
      if (item instanceof protobuf.Type) {
        types.push(item);
        walk(item);
      } else if (item instanceof protobuf.Enum) {
        enums.push({
          name: exportName(item, pkg),
          comment: item.comment,
          values: Object.entries(item.values).map(([name, value]) => ({ name, value, comment: item.comments[name] ?? null })),
        });
      } else if (item instanceof protobuf.Service) {
        throw new SchemaError(`services are not supported (${item.fullName})`);
      } else if (item instanceof protobuf.Namespace) {
        walk(item);
      }
    }
  };
  walk(pkg);

  const byType = new Map<protobuf.Type, MessageSchema>();
  for (const type of types) {
    const fields = type.fieldsArray.map((field): FieldSchema => {
      const where = `${type.fullName}.${field.name}`;
      if (field.map) throw new SchemaError(`${where}: map fields are not supported`);
      if (field.partOf) throw new SchemaError(`${where}: oneof and proto3 optional fields are not supported`);
      if (field.id > 0xffff) throw new SchemaError(`${where}: field numbers above 65535 are not supported`);
      const resolved = field.resolvedType;
      let kind: FieldKind;
      if (resolved instanceof protobuf.Type) kind = 'message';
      else if (resolved instanceof protobuf.Enum) kind = 'enum';
      else if (Object.hasOwn(TYPE_CODES, field.type) && field.type !== 'enum' && field.type !== 'message') kind = field.type as FieldKind;
      else throw new SchemaError(`${where}: unsupported type ${field.type}`);
      if (kind === 'float' || kind === 'double') throw new SchemaError(`${where}: float and double are not supported by the device codec`);
      const scalar = kind !== 'string' && kind !== 'bytes' && kind !== 'message';
      return {
        name: field.name,
        number: field.id,
        kind,
        repeated: field.repeated,
        packed: field.repeated && scalar && field.packed,
        typeName: resolved ? exportName(resolved, pkg) : null,
        comment: field.comment,
      };
    });
    byType.set(type, { name: exportName(type, pkg), fullName: type.fullName.replace(/^\./, ''), fields, comment: type.comment });
  }

  // Order messages so that every message follows the messages it contains.
  const ordered: MessageSchema[] = [];
  const state = new Map<protobuf.Type, 'visiting' | 'done'>();
  const visit = (type: protobuf.Type): void => {
    const s = state.get(type);
    if (s === 'done') return;
    if (s === 'visiting') throw new SchemaError(`recursive message ${type.fullName} is not supported`);
    state.set(type, 'visiting');
    for (const field of type.fieldsArray) if (field.resolvedType instanceof protobuf.Type) visit(field.resolvedType);
    state.set(type, 'done');
    ordered.push(byType.get(type) as MessageSchema);
  };
  for (const type of types) visit(type);

  return { packageName: pkg.fullName.replace(/^\./, ''), enums, messages: ordered };
}
