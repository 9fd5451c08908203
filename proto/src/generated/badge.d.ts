import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace parley {

    namespace badge {

        namespace v1 {

            enum ClockState {
                CLOCK_STATE_UNSYNCED = 0,
                CLOCK_STATE_SYNCED = 1,
                CLOCK_STATE_STALE = 2
            }

            enum DeviceState {
                DEVICE_STATE_IDLE = 0,
                DEVICE_STATE_RECORDING = 1,
                DEVICE_STATE_MUTED = 2,
                DEVICE_STATE_STORAGE_FULL = 3,
                DEVICE_STATE_LOW_BATTERY = 4,
                DEVICE_STATE_LOCKED = 5
            }

            enum Codec {
                CODEC_OPUS = 0
            }

            interface ICodecParams extends parley.badge.v1.CodecParams.$Properties {
            }

            class CodecParams {
                constructor(properties?: parley.badge.v1.CodecParams.$Properties);
                $unknowns?: Uint8Array[];
                codec: parley.badge.v1.Codec;
                sampleRate: number;
                channels: number;
                frameMs: number;
                bitrate: number;
                static create(properties: parley.badge.v1.CodecParams.$Shape): parley.badge.v1.CodecParams & parley.badge.v1.CodecParams.$Shape;
                static create(properties?: parley.badge.v1.CodecParams.$Properties): parley.badge.v1.CodecParams;
                static encode(message: parley.badge.v1.CodecParams.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.CodecParams & parley.badge.v1.CodecParams.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.CodecParams;
                static toObject(message: parley.badge.v1.CodecParams, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace CodecParams {
                interface $Properties {
                    codec?: (parley.badge.v1.Codec|null);
                    sampleRate?: (number|null);
                    channels?: (number|null);
                    frameMs?: (number|null);
                    bitrate?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.CodecParams.$Properties;
            }

            interface ISeqRange extends parley.badge.v1.SeqRange.$Properties {
            }

            class SeqRange {
                constructor(properties?: parley.badge.v1.SeqRange.$Properties);
                $unknowns?: Uint8Array[];
                first: number;
                last: number;
                static create(properties: parley.badge.v1.SeqRange.$Shape): parley.badge.v1.SeqRange & parley.badge.v1.SeqRange.$Shape;
                static create(properties?: parley.badge.v1.SeqRange.$Properties): parley.badge.v1.SeqRange;
                static encode(message: parley.badge.v1.SeqRange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.SeqRange & parley.badge.v1.SeqRange.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.SeqRange;
                static toObject(message: parley.badge.v1.SeqRange, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SeqRange {
                interface $Properties {
                    first?: (number|null);
                    last?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.SeqRange.$Properties;
            }

            interface IFrameGap extends parley.badge.v1.FrameGap.$Properties {
            }

            class FrameGap {
                constructor(properties?: parley.badge.v1.FrameGap.$Properties);
                $unknowns?: Uint8Array[];
                firstFrame: number;
                frameCount: number;
                static create(properties: parley.badge.v1.FrameGap.$Shape): parley.badge.v1.FrameGap & parley.badge.v1.FrameGap.$Shape;
                static create(properties?: parley.badge.v1.FrameGap.$Properties): parley.badge.v1.FrameGap;
                static encode(message: parley.badge.v1.FrameGap.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.FrameGap & parley.badge.v1.FrameGap.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.FrameGap;
                static toObject(message: parley.badge.v1.FrameGap, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace FrameGap {
                interface $Properties {
                    firstFrame?: (number|null);
                    frameCount?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.FrameGap.$Properties;
            }

            interface IHello extends parley.badge.v1.Hello.$Properties {
            }

            class Hello {
                constructor(properties?: parley.badge.v1.Hello.$Properties);
                $unknowns?: Uint8Array[];
                deviceId: string;
                firmwareVersion: string;
                hardwareRevision: string;
                bootCount: number;
                uptimeS: number;
                clockState: parley.badge.v1.ClockState;
                configVersion: number;
                backlog: parley.badge.v1.SessionInventory.$Properties[];
                flashUsedBytes: number;
                flashFreeBytes: number;
                deviceTimeMs: number;
                firmwareSlot: string;
                firmwarePendingConfirm: boolean;
                backlogUnlisted: number;
                static create(properties: parley.badge.v1.Hello.$Shape): parley.badge.v1.Hello & parley.badge.v1.Hello.$Shape;
                static create(properties?: parley.badge.v1.Hello.$Properties): parley.badge.v1.Hello;
                static encode(message: parley.badge.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.Hello & parley.badge.v1.Hello.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.Hello;
                static toObject(message: parley.badge.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Hello {
                interface $Properties {
                    deviceId?: (string|null);
                    firmwareVersion?: (string|null);
                    hardwareRevision?: (string|null);
                    bootCount?: (number|null);
                    uptimeS?: (number|null);
                    clockState?: (parley.badge.v1.ClockState|null);
                    configVersion?: (number|null);
                    backlog?: (parley.badge.v1.SessionInventory.$Properties[]|null);
                    flashUsedBytes?: (number|null);
                    flashFreeBytes?: (number|null);
                    deviceTimeMs?: (number|null);
                    firmwareSlot?: (string|null);
                    firmwarePendingConfirm?: (boolean|null);
                    backlogUnlisted?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.Hello.$Properties;
            }

            interface ISessionInventory extends parley.badge.v1.SessionInventory.$Properties {
            }

            class SessionInventory {
                constructor(properties?: parley.badge.v1.SessionInventory.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                firstSeq: number;
                lastSeq: number;
                closed: boolean;
                hasChunks: boolean;
                sessionAlias: number;
                static create(properties: parley.badge.v1.SessionInventory.$Shape): parley.badge.v1.SessionInventory & parley.badge.v1.SessionInventory.$Shape;
                static create(properties?: parley.badge.v1.SessionInventory.$Properties): parley.badge.v1.SessionInventory;
                static encode(message: parley.badge.v1.SessionInventory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.SessionInventory & parley.badge.v1.SessionInventory.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.SessionInventory;
                static toObject(message: parley.badge.v1.SessionInventory, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SessionInventory {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    firstSeq?: (number|null);
                    lastSeq?: (number|null);
                    closed?: (boolean|null);
                    hasChunks?: (boolean|null);
                    sessionAlias?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.SessionInventory.$Properties;
            }

            enum StartTrigger {
                START_TRIGGER_BUTTON = 0,
                START_TRIGGER_VOICE = 1,
                START_TRIGGER_SCHEDULE = 2,
                START_TRIGGER_COMMAND = 3,
                START_TRIGGER_SPLIT = 4
            }

            interface ISessionStart extends parley.badge.v1.SessionStart.$Properties {
            }

            class SessionStart {
                constructor(properties?: parley.badge.v1.SessionStart.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                staffId: string;
                startTimeMs: number;
                clockSynced: boolean;
                monotonicMs: number;
                codec?: (parley.badge.v1.CodecParams.$Properties|null);
                trigger: parley.badge.v1.StartTrigger;
                bootCount: number;
                sessionAlias: number;
                static create(properties: parley.badge.v1.SessionStart.$Shape): parley.badge.v1.SessionStart & parley.badge.v1.SessionStart.$Shape;
                static create(properties?: parley.badge.v1.SessionStart.$Properties): parley.badge.v1.SessionStart;
                static encode(message: parley.badge.v1.SessionStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.SessionStart & parley.badge.v1.SessionStart.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.SessionStart;
                static toObject(message: parley.badge.v1.SessionStart, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SessionStart {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    staffId?: (string|null);
                    startTimeMs?: (number|null);
                    clockSynced?: (boolean|null);
                    monotonicMs?: (number|null);
                    codec?: (parley.badge.v1.CodecParams.$Properties|null);
                    trigger?: (parley.badge.v1.StartTrigger|null);
                    bootCount?: (number|null);
                    sessionAlias?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.SessionStart.$Properties;
            }

            enum EndReason {
                END_REASON_UNSPECIFIED = 0,
                END_REASON_BUTTON = 1,
                END_REASON_SILENCE = 2,
                END_REASON_MAX_LENGTH = 3,
                END_REASON_LOW_BATTERY = 4,
                END_REASON_STORAGE_FULL = 5,
                END_REASON_MUTE = 6,
                END_REASON_SHUTDOWN = 7,
                END_REASON_COMMAND = 8,
                END_REASON_SCHEDULE = 9,
                END_REASON_REBOOT = 10
            }

            interface ISessionEnd extends parley.badge.v1.SessionEnd.$Properties {
            }

            class SessionEnd {
                constructor(properties?: parley.badge.v1.SessionEnd.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                reason: parley.badge.v1.EndReason;
                endTimeMs: number;
                clockSynced: boolean;
                totalFrames: number;
                totalBytes: number;
                totalChunks: number;
                digest: number;
                droppedFrames: number;
                gaps: parley.badge.v1.FrameGap.$Properties[];
                timeCorrected: boolean;
                clockOffsetMs: number;
                static create(properties: parley.badge.v1.SessionEnd.$Shape): parley.badge.v1.SessionEnd & parley.badge.v1.SessionEnd.$Shape;
                static create(properties?: parley.badge.v1.SessionEnd.$Properties): parley.badge.v1.SessionEnd;
                static encode(message: parley.badge.v1.SessionEnd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.SessionEnd & parley.badge.v1.SessionEnd.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.SessionEnd;
                static toObject(message: parley.badge.v1.SessionEnd, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SessionEnd {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    reason?: (parley.badge.v1.EndReason|null);
                    endTimeMs?: (number|null);
                    clockSynced?: (boolean|null);
                    totalFrames?: (number|null);
                    totalBytes?: (number|null);
                    totalChunks?: (number|null);
                    digest?: (number|null);
                    droppedFrames?: (number|null);
                    gaps?: (parley.badge.v1.FrameGap.$Properties[]|null);
                    timeCorrected?: (boolean|null);
                    clockOffsetMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.SessionEnd.$Properties;
            }

            interface IAudioChunk extends parley.badge.v1.AudioChunk.$Properties {
            }

            class AudioChunk {
                constructor(properties?: parley.badge.v1.AudioChunk.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                seq: number;
                firstFrame: number;
                frames: Uint8Array[];
                captureTimeMs: number;
                clockSynced: boolean;
                crc32: number;
                backlog: boolean;
                frameData: Uint8Array;
                frameSizes: Uint8Array;
                sessionAlias: number;
                frameSizesRice: Uint8Array;
                firstFrameDelta: number;
                static create(properties: parley.badge.v1.AudioChunk.$Shape): parley.badge.v1.AudioChunk & parley.badge.v1.AudioChunk.$Shape;
                static create(properties?: parley.badge.v1.AudioChunk.$Properties): parley.badge.v1.AudioChunk;
                static encode(message: parley.badge.v1.AudioChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.AudioChunk & parley.badge.v1.AudioChunk.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.AudioChunk;
                static toObject(message: parley.badge.v1.AudioChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace AudioChunk {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    seq?: (number|null);
                    firstFrame?: (number|null);
                    frames?: (Uint8Array[]|null);
                    captureTimeMs?: (number|null);
                    clockSynced?: (boolean|null);
                    crc32?: (number|null);
                    backlog?: (boolean|null);
                    frameData?: (Uint8Array|null);
                    frameSizes?: (Uint8Array|null);
                    sessionAlias?: (number|null);
                    frameSizesRice?: (Uint8Array|null);
                    firstFrameDelta?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.AudioChunk.$Properties;
            }

            interface ITelemetry extends parley.badge.v1.Telemetry.$Properties {
            }

            class Telemetry {
                constructor(properties?: parley.badge.v1.Telemetry.$Properties);
                $unknowns?: Uint8Array[];
                batteryPercent: number;
                batteryMv: number;
                charging: boolean;
                flashUsedBytes: number;
                flashFreeBytes: number;
                backlogSeconds: number;
                rssiDbm: number;
                uptimeS: number;
                state: parley.badge.v1.DeviceState;
                droppedFrames: number;
                clockState: parley.badge.v1.ClockState;
                firmwareVersion: string;
                lastErrorCode: number;
                timeMs: number;
                configVersion: number;
                bootCount: number;
                spoolEraseStalls: number;
                static create(properties: parley.badge.v1.Telemetry.$Shape): parley.badge.v1.Telemetry & parley.badge.v1.Telemetry.$Shape;
                static create(properties?: parley.badge.v1.Telemetry.$Properties): parley.badge.v1.Telemetry;
                static encode(message: parley.badge.v1.Telemetry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.Telemetry & parley.badge.v1.Telemetry.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.Telemetry;
                static toObject(message: parley.badge.v1.Telemetry, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Telemetry {
                interface $Properties {
                    batteryPercent?: (number|null);
                    batteryMv?: (number|null);
                    charging?: (boolean|null);
                    flashUsedBytes?: (number|null);
                    flashFreeBytes?: (number|null);
                    backlogSeconds?: (number|null);
                    rssiDbm?: (number|null);
                    uptimeS?: (number|null);
                    state?: (parley.badge.v1.DeviceState|null);
                    droppedFrames?: (number|null);
                    clockState?: (parley.badge.v1.ClockState|null);
                    firmwareVersion?: (string|null);
                    lastErrorCode?: (number|null);
                    timeMs?: (number|null);
                    configVersion?: (number|null);
                    bootCount?: (number|null);
                    spoolEraseStalls?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.Telemetry.$Properties;
            }

            enum EventKind {
                EVENT_KIND_UNSPECIFIED = 0,
                EVENT_KIND_BUTTON = 1,
                EVENT_KIND_STATE_CHANGE = 2,
                EVENT_KIND_ERROR = 3,
                EVENT_KIND_BOOKMARK = 4,
                EVENT_KIND_STORAGE_ALARM = 5,
                EVENT_KIND_CLOCK_SYNCED = 6,
                EVENT_KIND_BOOT = 7,
                EVENT_KIND_FIRMWARE = 8,
                EVENT_KIND_CONFIG_APPLIED = 9
            }

            enum ButtonAction {
                BUTTON_ACTION_NONE = 0,
                BUTTON_ACTION_SHORT = 1,
                BUTTON_ACTION_LONG = 2,
                BUTTON_ACTION_DOUBLE = 3
            }

            interface IEvent extends parley.badge.v1.Event.$Properties {
            }

            class Event {
                constructor(properties?: parley.badge.v1.Event.$Properties);
                $unknowns?: Uint8Array[];
                kind: parley.badge.v1.EventKind;
                timeMs: number;
                clockSynced: boolean;
                eventSeq: number;
                sessionId: Uint8Array;
                frameIndex: number;
                button: parley.badge.v1.ButtonAction;
                fromState: parley.badge.v1.DeviceState;
                toState: parley.badge.v1.DeviceState;
                errorCode: number;
                value: number;
                detail: string;
                static create(properties: parley.badge.v1.Event.$Shape): parley.badge.v1.Event & parley.badge.v1.Event.$Shape;
                static create(properties?: parley.badge.v1.Event.$Properties): parley.badge.v1.Event;
                static encode(message: parley.badge.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.Event & parley.badge.v1.Event.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.Event;
                static toObject(message: parley.badge.v1.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Event {
                interface $Properties {
                    kind?: (parley.badge.v1.EventKind|null);
                    timeMs?: (number|null);
                    clockSynced?: (boolean|null);
                    eventSeq?: (number|null);
                    sessionId?: (Uint8Array|null);
                    frameIndex?: (number|null);
                    button?: (parley.badge.v1.ButtonAction|null);
                    fromState?: (parley.badge.v1.DeviceState|null);
                    toState?: (parley.badge.v1.DeviceState|null);
                    errorCode?: (number|null);
                    value?: (number|null);
                    detail?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.Event.$Properties;
            }

            enum CommandStatus {
                COMMAND_STATUS_OK = 0,
                COMMAND_STATUS_FAILED = 1,
                COMMAND_STATUS_REJECTED = 2,
                COMMAND_STATUS_UNSUPPORTED = 3,
                COMMAND_STATUS_IN_PROGRESS = 4,
                COMMAND_STATUS_EXPIRED = 5
            }

            interface ICommandResult extends parley.badge.v1.CommandResult.$Properties {
            }

            class CommandResult {
                constructor(properties?: parley.badge.v1.CommandResult.$Properties);
                $unknowns?: Uint8Array[];
                commandId: string;
                status: parley.badge.v1.CommandStatus;
                detail: string;
                timeMs: number;
                progress: number;
                static create(properties: parley.badge.v1.CommandResult.$Shape): parley.badge.v1.CommandResult & parley.badge.v1.CommandResult.$Shape;
                static create(properties?: parley.badge.v1.CommandResult.$Properties): parley.badge.v1.CommandResult;
                static encode(message: parley.badge.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.CommandResult & parley.badge.v1.CommandResult.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.CommandResult;
                static toObject(message: parley.badge.v1.CommandResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace CommandResult {
                interface $Properties {
                    commandId?: (string|null);
                    status?: (parley.badge.v1.CommandStatus|null);
                    detail?: (string|null);
                    timeMs?: (number|null);
                    progress?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.CommandResult.$Properties;
            }

            interface IFirmwareRequest extends parley.badge.v1.FirmwareRequest.$Properties {
            }

            class FirmwareRequest {
                constructor(properties?: parley.badge.v1.FirmwareRequest.$Properties);
                $unknowns?: Uint8Array[];
                releaseId: string;
                offset: number;
                length: number;
                static create(properties: parley.badge.v1.FirmwareRequest.$Shape): parley.badge.v1.FirmwareRequest & parley.badge.v1.FirmwareRequest.$Shape;
                static create(properties?: parley.badge.v1.FirmwareRequest.$Properties): parley.badge.v1.FirmwareRequest;
                static encode(message: parley.badge.v1.FirmwareRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.FirmwareRequest & parley.badge.v1.FirmwareRequest.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.FirmwareRequest;
                static toObject(message: parley.badge.v1.FirmwareRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace FirmwareRequest {
                interface $Properties {
                    releaseId?: (string|null);
                    offset?: (number|null);
                    length?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.FirmwareRequest.$Properties;
            }

            enum Capability {
                CAPABILITY_NONE = 0,
                CAPABILITY_PACKED_FRAMES = 1,
                CAPABILITY_COMPACT_CHUNKS = 2
            }

            interface IHelloReply extends parley.badge.v1.HelloReply.$Properties {
            }

            class HelloReply {
                constructor(properties?: parley.badge.v1.HelloReply.$Properties);
                $unknowns?: Uint8Array[];
                serverTimeMs: number;
                wantedConfigVersion: number;
                resume: parley.badge.v1.ResumePoint.$Properties[];
                locked: boolean;
                capabilities: number;
                static create(properties: parley.badge.v1.HelloReply.$Shape): parley.badge.v1.HelloReply & parley.badge.v1.HelloReply.$Shape;
                static create(properties?: parley.badge.v1.HelloReply.$Properties): parley.badge.v1.HelloReply;
                static encode(message: parley.badge.v1.HelloReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.HelloReply & parley.badge.v1.HelloReply.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.HelloReply;
                static toObject(message: parley.badge.v1.HelloReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HelloReply {
                interface $Properties {
                    serverTimeMs?: (number|null);
                    wantedConfigVersion?: (number|null);
                    resume?: (parley.badge.v1.ResumePoint.$Properties[]|null);
                    locked?: (boolean|null);
                    capabilities?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.HelloReply.$Properties;
            }

            interface IResumePoint extends parley.badge.v1.ResumePoint.$Properties {
            }

            class ResumePoint {
                constructor(properties?: parley.badge.v1.ResumePoint.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                receivedThrough: number;
                missing: parley.badge.v1.SeqRange.$Properties[];
                complete: boolean;
                static create(properties: parley.badge.v1.ResumePoint.$Shape): parley.badge.v1.ResumePoint & parley.badge.v1.ResumePoint.$Shape;
                static create(properties?: parley.badge.v1.ResumePoint.$Properties): parley.badge.v1.ResumePoint;
                static encode(message: parley.badge.v1.ResumePoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.ResumePoint & parley.badge.v1.ResumePoint.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.ResumePoint;
                static toObject(message: parley.badge.v1.ResumePoint, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ResumePoint {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    receivedThrough?: (number|null);
                    missing?: (parley.badge.v1.SeqRange.$Properties[]|null);
                    complete?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.ResumePoint.$Properties;
            }

            interface IChunkAck extends parley.badge.v1.ChunkAck.$Properties {
            }

            class ChunkAck {
                constructor(properties?: parley.badge.v1.ChunkAck.$Properties);
                $unknowns?: Uint8Array[];
                sessionId: Uint8Array;
                contiguousThrough: number;
                missing: parley.badge.v1.SeqRange.$Properties[];
                complete: boolean;
                static create(properties: parley.badge.v1.ChunkAck.$Shape): parley.badge.v1.ChunkAck & parley.badge.v1.ChunkAck.$Shape;
                static create(properties?: parley.badge.v1.ChunkAck.$Properties): parley.badge.v1.ChunkAck;
                static encode(message: parley.badge.v1.ChunkAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.ChunkAck & parley.badge.v1.ChunkAck.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.ChunkAck;
                static toObject(message: parley.badge.v1.ChunkAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ChunkAck {
                interface $Properties {
                    sessionId?: (Uint8Array|null);
                    contiguousThrough?: (number|null);
                    missing?: (parley.badge.v1.SeqRange.$Properties[]|null);
                    complete?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.ChunkAck.$Properties;
            }

            enum RecordingMode {
                RECORDING_MODE_MANUAL = 0,
                RECORDING_MODE_VOICE_ACTIVATED = 1,
                RECORDING_MODE_SCHEDULED = 2
            }

            enum UploadPolicy {
                UPLOAD_POLICY_LIVE = 0,
                UPLOAD_POLICY_BATCHED = 1,
                UPLOAD_POLICY_ON_CHARGER = 2
            }

            interface IWifiNetwork extends parley.badge.v1.WifiNetwork.$Properties {
            }

            class WifiNetwork {
                constructor(properties?: parley.badge.v1.WifiNetwork.$Properties);
                $unknowns?: Uint8Array[];
                ssid: string;
                psk: string;
                static create(properties: parley.badge.v1.WifiNetwork.$Shape): parley.badge.v1.WifiNetwork & parley.badge.v1.WifiNetwork.$Shape;
                static create(properties?: parley.badge.v1.WifiNetwork.$Properties): parley.badge.v1.WifiNetwork;
                static encode(message: parley.badge.v1.WifiNetwork.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.WifiNetwork & parley.badge.v1.WifiNetwork.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.WifiNetwork;
                static toObject(message: parley.badge.v1.WifiNetwork, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace WifiNetwork {
                interface $Properties {
                    ssid?: (string|null);
                    psk?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.WifiNetwork.$Properties;
            }

            interface IScheduleWindow extends parley.badge.v1.ScheduleWindow.$Properties {
            }

            class ScheduleWindow {
                constructor(properties?: parley.badge.v1.ScheduleWindow.$Properties);
                $unknowns?: Uint8Array[];
                weekdays: number;
                startMinute: number;
                endMinute: number;
                static create(properties: parley.badge.v1.ScheduleWindow.$Shape): parley.badge.v1.ScheduleWindow & parley.badge.v1.ScheduleWindow.$Shape;
                static create(properties?: parley.badge.v1.ScheduleWindow.$Properties): parley.badge.v1.ScheduleWindow;
                static encode(message: parley.badge.v1.ScheduleWindow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.ScheduleWindow & parley.badge.v1.ScheduleWindow.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.ScheduleWindow;
                static toObject(message: parley.badge.v1.ScheduleWindow, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ScheduleWindow {
                interface $Properties {
                    weekdays?: (number|null);
                    startMinute?: (number|null);
                    endMinute?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.ScheduleWindow.$Properties;
            }

            interface ILedSettings extends parley.badge.v1.LedSettings.$Properties {
            }

            class LedSettings {
                constructor(properties?: parley.badge.v1.LedSettings.$Properties);
                $unknowns?: Uint8Array[];
                brightnessPercent: number;
                statusLedEnabled: boolean;
                static create(properties: parley.badge.v1.LedSettings.$Shape): parley.badge.v1.LedSettings & parley.badge.v1.LedSettings.$Shape;
                static create(properties?: parley.badge.v1.LedSettings.$Properties): parley.badge.v1.LedSettings;
                static encode(message: parley.badge.v1.LedSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.LedSettings & parley.badge.v1.LedSettings.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.LedSettings;
                static toObject(message: parley.badge.v1.LedSettings, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace LedSettings {
                interface $Properties {
                    brightnessPercent?: (number|null);
                    statusLedEnabled?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.LedSettings.$Properties;
            }

            interface IHapticSettings extends parley.badge.v1.HapticSettings.$Properties {
            }

            class HapticSettings {
                constructor(properties?: parley.badge.v1.HapticSettings.$Properties);
                $unknowns?: Uint8Array[];
                enabled: boolean;
                strengthPercent: number;
                static create(properties: parley.badge.v1.HapticSettings.$Shape): parley.badge.v1.HapticSettings & parley.badge.v1.HapticSettings.$Shape;
                static create(properties?: parley.badge.v1.HapticSettings.$Properties): parley.badge.v1.HapticSettings;
                static encode(message: parley.badge.v1.HapticSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.HapticSettings & parley.badge.v1.HapticSettings.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.HapticSettings;
                static toObject(message: parley.badge.v1.HapticSettings, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HapticSettings {
                interface $Properties {
                    enabled?: (boolean|null);
                    strengthPercent?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.HapticSettings.$Properties;
            }

            interface IConfig extends parley.badge.v1.Config.$Properties {
            }

            class Config {
                constructor(properties?: parley.badge.v1.Config.$Properties);
                $unknowns?: Uint8Array[];
                version: number;
                recordingMode: parley.badge.v1.RecordingMode;
                bitrate: number;
                chunkDurationMs: number;
                silenceSplitS: number;
                maxSessionS: number;
                uploadPolicy: parley.badge.v1.UploadPolicy;
                batchIntervalMin: number;
                telemetryIntervalS: number;
                wifi: parley.badge.v1.WifiNetwork.$Properties[];
                workingHours: parley.badge.v1.ScheduleWindow.$Properties[];
                led?: (parley.badge.v1.LedSettings.$Properties|null);
                haptic?: (parley.badge.v1.HapticSettings.$Properties|null);
                utcOffsetMin: number;
                staffId: string;
                otaConfirmTimeoutMin: number;
                static create(properties: parley.badge.v1.Config.$Shape): parley.badge.v1.Config & parley.badge.v1.Config.$Shape;
                static create(properties?: parley.badge.v1.Config.$Properties): parley.badge.v1.Config;
                static encode(message: parley.badge.v1.Config.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.Config & parley.badge.v1.Config.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.Config;
                static toObject(message: parley.badge.v1.Config, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Config {
                interface $Properties {
                    version?: (number|null);
                    recordingMode?: (parley.badge.v1.RecordingMode|null);
                    bitrate?: (number|null);
                    chunkDurationMs?: (number|null);
                    silenceSplitS?: (number|null);
                    maxSessionS?: (number|null);
                    uploadPolicy?: (parley.badge.v1.UploadPolicy|null);
                    batchIntervalMin?: (number|null);
                    telemetryIntervalS?: (number|null);
                    wifi?: (parley.badge.v1.WifiNetwork.$Properties[]|null);
                    workingHours?: (parley.badge.v1.ScheduleWindow.$Properties[]|null);
                    led?: (parley.badge.v1.LedSettings.$Properties|null);
                    haptic?: (parley.badge.v1.HapticSettings.$Properties|null);
                    utcOffsetMin?: (number|null);
                    staffId?: (string|null);
                    otaConfirmTimeoutMin?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.Config.$Properties;
            }

            enum CommandKind {
                COMMAND_KIND_UNSPECIFIED = 0,
                COMMAND_KIND_START = 1,
                COMMAND_KIND_STOP = 2,
                COMMAND_KIND_MUTE = 3,
                COMMAND_KIND_UNMUTE = 4,
                COMMAND_KIND_LOCATE = 5,
                COMMAND_KIND_REBOOT = 6,
                COMMAND_KIND_LOCK = 7,
                COMMAND_KIND_WIPE_ACKNOWLEDGED = 8,
                COMMAND_KIND_WIPE_ALL = 9,
                COMMAND_KIND_FIRMWARE_UPDATE = 10
            }

            interface IFirmwareUpdate extends parley.badge.v1.FirmwareUpdate.$Properties {
            }

            class FirmwareUpdate {
                constructor(properties?: parley.badge.v1.FirmwareUpdate.$Properties);
                $unknowns?: Uint8Array[];
                releaseId: string;
                version: string;
                size: number;
                sha256: Uint8Array;
                chunkSize: number;
                static create(properties: parley.badge.v1.FirmwareUpdate.$Shape): parley.badge.v1.FirmwareUpdate & parley.badge.v1.FirmwareUpdate.$Shape;
                static create(properties?: parley.badge.v1.FirmwareUpdate.$Properties): parley.badge.v1.FirmwareUpdate;
                static encode(message: parley.badge.v1.FirmwareUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.FirmwareUpdate & parley.badge.v1.FirmwareUpdate.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.FirmwareUpdate;
                static toObject(message: parley.badge.v1.FirmwareUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace FirmwareUpdate {
                interface $Properties {
                    releaseId?: (string|null);
                    version?: (string|null);
                    size?: (number|null);
                    sha256?: (Uint8Array|null);
                    chunkSize?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.FirmwareUpdate.$Properties;
            }

            interface ICommand extends parley.badge.v1.Command.$Properties {
            }

            class Command {
                constructor(properties?: parley.badge.v1.Command.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                kind: parley.badge.v1.CommandKind;
                issuedAtMs: number;
                expiresAtMs: number;
                firmware?: (parley.badge.v1.FirmwareUpdate.$Properties|null);
                static create(properties: parley.badge.v1.Command.$Shape): parley.badge.v1.Command & parley.badge.v1.Command.$Shape;
                static create(properties?: parley.badge.v1.Command.$Properties): parley.badge.v1.Command;
                static encode(message: parley.badge.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.Command & parley.badge.v1.Command.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.Command;
                static toObject(message: parley.badge.v1.Command, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Command {
                interface $Properties {
                    id?: (string|null);
                    kind?: (parley.badge.v1.CommandKind|null);
                    issuedAtMs?: (number|null);
                    expiresAtMs?: (number|null);
                    firmware?: (parley.badge.v1.FirmwareUpdate.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.Command.$Properties;
            }

            interface IFirmwareChunk extends parley.badge.v1.FirmwareChunk.$Properties {
            }

            class FirmwareChunk {
                constructor(properties?: parley.badge.v1.FirmwareChunk.$Properties);
                $unknowns?: Uint8Array[];
                releaseId: string;
                offset: number;
                data: Uint8Array;
                totalSize: number;
                static create(properties: parley.badge.v1.FirmwareChunk.$Shape): parley.badge.v1.FirmwareChunk & parley.badge.v1.FirmwareChunk.$Shape;
                static create(properties?: parley.badge.v1.FirmwareChunk.$Properties): parley.badge.v1.FirmwareChunk;
                static encode(message: parley.badge.v1.FirmwareChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.badge.v1.FirmwareChunk & parley.badge.v1.FirmwareChunk.$Shape;
                static verify(message: { [k: string]: any }): (string|null);
                static fromObject(object: { [k: string]: any }): parley.badge.v1.FirmwareChunk;
                static toObject(message: parley.badge.v1.FirmwareChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace FirmwareChunk {
                interface $Properties {
                    releaseId?: (string|null);
                    offset?: (number|null);
                    data?: (Uint8Array|null);
                    totalSize?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = parley.badge.v1.FirmwareChunk.$Properties;
            }
        }
    }
}
