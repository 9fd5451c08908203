import {
  AudioChunk, ChunkAck, Command, CommandResult, Config, decode, encode, Event, FirmwareChunk, FirmwareRequest,
  Hello, HelloReply, SessionEnd, SessionStart, Telemetry, crc32,
} from '@parley/proto/device';
import type { MessageType } from '@parley/proto/device';
import type { ProtocolCodec } from '../core/codec.js';
import type { DownKind, UpKind } from '../core/messages.js';

type AnyType = MessageType<unknown>;

const UP_TYPES: { [K in UpKind]: AnyType } = {
  hello: Hello as AnyType,
  'session-start': SessionStart as AnyType,
  'session-end': SessionEnd as AnyType,
  chunk: AudioChunk as AnyType,
  telemetry: Telemetry as AnyType,
  event: Event as AnyType,
  'command-result': CommandResult as AnyType,
  'firmware-request': FirmwareRequest as AnyType,
};

const DOWN_TYPES: { [K in DownKind]: AnyType } = {
  'hello-reply': HelloReply as AnyType,
  ack: ChunkAck as AnyType,
  config: Config as AnyType,
  command: Command as AnyType,
  firmware: FirmwareChunk as AnyType,
};

/** The generated device codec (`@parley/proto/device`, Espruino subset) behind the core's codec interface. */
export function createDeviceCodec(): ProtocolCodec {
  return {
    encode: (kind, message) => encode(UP_TYPES[kind], message as never),
    decode: (kind, bytes) => decode(DOWN_TYPES[kind], bytes) as never,
    crc32: (data, crc) => crc32(data, crc),
    encodeConfig: (config) => encode(Config as AnyType, config as never),
  };
}
