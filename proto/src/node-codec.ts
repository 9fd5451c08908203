/**
 * The Node codec: typed encode/decode of every badge message, keyed by the
 * topic kind that carries it (see topics.ts). Built on the protobufjs static
 * code in ./generated (regenerate with `npm run generate -w proto`).
 *
 * Decoding returns plain objects with every field present (proto3 defaults
 * filled: 0, '', false, empty arrays; absent sub-messages are null), 64-bit
 * integers as JS numbers (exact up to 2^53) and bytes fields as Uint8Array
 * views into the input buffer. Any malformed input raises a ProtocolError;
 * decoding never throws anything else.
 */
import { encodedSize, MESSAGES, type MessageType } from '../device/badge-codec.js';
import { parley } from './generated/badge.js';
import { ProtocolError } from './errors.js';
import { DOWN, UP, type DownKind, type UpKind } from './topics.js';

/** The generated `parley.badge.v1` namespace (message classes and enums). */
export import pb = parley.badge.v1;

/** Device -> gateway message properties, keyed by topic kind. */
export interface UpMessages {
  hello: pb.IHello;
  'session-start': pb.ISessionStart;
  'session-end': pb.ISessionEnd;
  chunk: pb.IAudioChunk;
  telemetry: pb.ITelemetry;
  event: pb.IEvent;
  'command-result': pb.ICommandResult;
  'firmware-request': pb.IFirmwareRequest;
}

/** Gateway -> device message properties, keyed by topic kind. */
export interface DownMessages {
  'hello-reply': pb.IHelloReply;
  ack: pb.IChunkAck;
  config: pb.IConfig;
  command: pb.ICommand;
  firmware: pb.IFirmwareChunk;
}

// Compile-time checks that the maps above cover exactly the kinds of topics.ts.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const upKindsMatch: SameKeys<UpMessages, typeof UP> = true;
const downKindsMatch: SameKeys<DownMessages, typeof DOWN> = true;
void upKindsMatch;
void downKindsMatch;

type DecodedElement<T> = T extends Uint8Array ? Uint8Array : T extends object ? Decoded<T> : T;
type DecodedField<T> = T extends Uint8Array
  ? Uint8Array
  : T extends readonly (infer E)[]
    ? DecodedElement<NonNullable<E>>[]
    : T extends object
      ? Decoded<T> | null
      : T;

/** A decoded message: every field present, sub-messages null when absent. */
export type Decoded<P> = { -readonly [K in Exclude<keyof P, '$unknowns'>]-?: DecodedField<NonNullable<P[K]>> };

export type DecodedUp<K extends UpKind> = Decoded<UpMessages[K]>;
export type DecodedDown<K extends DownKind> = Decoded<DownMessages[K]>;

/** The subset of a generated message class the codec uses. */
interface MessageClass {
  verify(message: Record<string, unknown>): string | null;
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: Record<string, unknown>): Record<string, unknown>;
}

const CONVERSION = { longs: Number, enums: Number, defaults: true, arrays: true } as const;

function messageClass(name: string): MessageClass {
  const cls = (pb as unknown as Record<string, MessageClass | undefined>)[name];
  if (!cls || typeof cls.decode !== 'function') throw new ProtocolError('PROTO_UNKNOWN_KIND', `no message ${name}`);
  return cls;
}

function classForKind(table: Readonly<Record<string, string>>, direction: 'up' | 'down', kind: string): MessageClass {
  const name = Object.hasOwn(table, kind) ? table[kind] : undefined;
  if (name === undefined) throw new ProtocolError('PROTO_UNKNOWN_KIND', `${direction}/${String(kind)}`);
  return messageClass(name);
}

/** Encodes a message object (protobufjs property names) of the named type; in Node the result is a Buffer. */
export function encodeMessage(name: string, message: object): Uint8Array {
  const cls = messageClass(name);
  if (message === null || typeof message !== 'object') {
    throw new ProtocolError('PROTO_ENCODE', `${name}: expected an object, got ${message === null ? 'null' : typeof message}`);
  }
  const invalid = cls.verify(message as Record<string, unknown>);
  if (invalid !== null) throw new ProtocolError('PROTO_ENCODE', `${name}: ${invalid}`);
  try {
    // protobufjs' verify checks types but not integer ranges (it would wrap
    // 2^32 to 0); the device codec's size pass checks both.
    const deviceType = (MESSAGES as Record<string, MessageType<object> | undefined>)[name];
    if (deviceType) encodedSize(deviceType, message);
  } catch (err) {
    throw new ProtocolError('PROTO_ENCODE', `${name}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return cls.encode(message).finish();
  } catch (err) {
    throw new ProtocolError('PROTO_ENCODE', `${name}: ${(err as Error).message}`, { cause: err });
  }
}

/** Decodes bytes of the named type into a plain object (see the module comment). */
export function decodeMessage(name: string, bytes: Uint8Array): Record<string, unknown> {
  const cls = messageClass(name);
  if (!(bytes instanceof Uint8Array)) throw new ProtocolError('PROTO_DECODE', `${name}: payload is not a Uint8Array`);
  // A plain Uint8Array view makes protobufjs return subarrays, not Buffers.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let object: Record<string, unknown>;
  try {
    object = cls.toObject(cls.decode(view), CONVERSION);
  } catch (err) {
    throw new ProtocolError('PROTO_DECODE', `${name}: ${(err as Error).message}`, { cause: err });
  }
  normaliseBytes(object);
  return object;
}

/** Replaces Buffers (protobufjs' defaults for empty bytes) with plain Uint8Arrays, in place. */
function normaliseBytes(object: Record<string, unknown>): void {
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value instanceof Uint8Array) {
      if (value.constructor !== Uint8Array) object[key] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item instanceof Uint8Array) {
          if (item.constructor !== Uint8Array) value[i] = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
        } else if (item !== null && typeof item === 'object') {
          normaliseBytes(item as Record<string, unknown>);
        }
      }
    } else if (value !== null && typeof value === 'object') {
      normaliseBytes(value as Record<string, unknown>);
    }
  }
}

export function encodeUp<K extends UpKind>(kind: K, message: UpMessages[K]): Uint8Array {
  classForKind(UP, 'up', kind);
  return encodeMessage(UP[kind], message);
}

export function decodeUp<K extends UpKind>(kind: K, bytes: Uint8Array): DecodedUp<K> {
  classForKind(UP, 'up', kind);
  return decodeMessage(UP[kind], bytes) as DecodedUp<K>;
}

export function encodeDown<K extends DownKind>(kind: K, message: DownMessages[K]): Uint8Array {
  classForKind(DOWN, 'down', kind);
  return encodeMessage(DOWN[kind], message);
}

export function decodeDown<K extends DownKind>(kind: K, bytes: Uint8Array): DecodedDown<K> {
  classForKind(DOWN, 'down', kind);
  return decodeMessage(DOWN[kind], bytes) as DecodedDown<K>;
}
