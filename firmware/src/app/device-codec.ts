import {
  AudioChunk, ChunkAck, Command, CommandResult, Config, decode, encode, Event, FirmwareChunk, FirmwareRequest,
  Hello, HelloReply, SessionEnd, SessionStart, Telemetry, crc32,
} from '@parley/proto/device';
import type { MessageType } from '@parley/proto/device';
import type { ProtocolCodec } from '../core/codec.js';
import type { DownKind, UpKind } from '../core/messages.js';

type AnyType = MessageType<unknown>;

// Kind -> descriptor as switches rather than lookup tables: on Espruino a
// table's entries are variables held for the badge's whole life, a switch is
// code (run from flash).
function upType(kind: UpKind): AnyType {
  switch (kind) {
    case 'hello': return Hello as AnyType;
    case 'session-start': return SessionStart as AnyType;
    case 'session-end': return SessionEnd as AnyType;
    case 'chunk': return AudioChunk as AnyType;
    case 'telemetry': return Telemetry as AnyType;
    case 'event': return Event as AnyType;
    case 'command-result': return CommandResult as AnyType;
    case 'firmware-request': return FirmwareRequest as AnyType;
  }
}

function downType(kind: DownKind): AnyType {
  switch (kind) {
    case 'hello-reply': return HelloReply as AnyType;
    case 'ack': return ChunkAck as AnyType;
    case 'config': return Config as AnyType;
    case 'command': return Command as AnyType;
    case 'firmware': return FirmwareChunk as AnyType;
  }
}

/** The generated device codec (`@parley/proto/device`, Espruino subset) behind the core's codec interface. */
export function createDeviceCodec(): ProtocolCodec {
  return {
    encode: (kind, message) => encode(upType(kind), message as never),
    decode: (kind, bytes) => decode(downType(kind), bytes) as never,
    crc32: crc32,
    encodeConfig: (config) => encode(Config as AnyType, config as never),
  };
}
