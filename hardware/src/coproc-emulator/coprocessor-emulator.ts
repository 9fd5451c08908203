/**
 * The audio co-processor's side of the link, emulated for the firmware's
 * Node platform and the simulator: the reference behaviour of the real
 * co-processor firmware (which lives outside this repository).
 *
 * It is driven, not timed: the owner calls tick() once per 20 ms of
 * simulated time and passes the MCU's UART bytes to receive(). Bytes for
 * the MCU leave through `send`. It keeps the real co-processor's rules:
 * AUDIO only against credit, a bounded queue that drops its oldest frame
 * when full (OVERFLOW flag, dropped counter, index gap), ACKs for every
 * command but CREDIT, re-ACK without re-executing a repeated command index,
 * STATUS every second while capturing, BOOT after power-up.
 */
import { hardwareError, HardwareErrorCode } from '../errors.js';
import { LinkDecoder } from '../coproc-link/decoder.js';
import {
  AckResult,
  COPROC_QUEUE_FRAMES,
  CoprocState,
  FrameType,
  INDEX_MODULO,
  LINK_PROTOCOL_VERSION,
  LinkDirection,
  MAX_BITRATE,
  MAX_CREDIT_GRANT,
  MAX_GAIN_DB,
  MIN_BITRATE,
  MIN_GAIN_DB,
  STATUS_EVERY_FRAMES,
  maxAudioPayloadFor,
} from '../coproc-link/frame-format.js';
import {
  encodeAck,
  encodeAudio,
  encodeBoot,
  encodeStatus,
  newCoprocStatus,
  readBitrate,
  readCredit,
  readGain,
  type CoprocStatus,
} from '../coproc-link/messages.js';

export interface EmulatedAudioFrame {
  /** One Opus packet for 20 ms at the requested bitrate. */
  opus: Uint8Array;
  /** The voice-activity detector's verdict for this frame. */
  vad: boolean;
}

export interface CoprocessorEmulatorOptions {
  /** Bytes the co-processor transmits to the MCU. */
  send: (bytes: Uint8Array) => void;
  /** The next 20 ms of encoded audio at `bitrateBps`. */
  nextFrame: (bitrateBps: number) => EmulatedAudioFrame;
  firmwareVersion?: number;
  /** Frames queued while waiting for credit (the real part: COPROC_QUEUE_FRAMES). */
  queueFrames?: number;
  initialBitrateBps?: number;
}

interface QueuedFrame {
  index: number;
  opus: Uint8Array;
  vad: boolean;
}

export class CoprocessorEmulator {
  private readonly opts: CoprocessorEmulatorOptions;
  private readonly decoder: LinkDecoder;
  private readonly queueLimit: number;
  private readonly queue: QueuedFrame[] = [];
  private isPowered = false;
  private isCapturing = false;
  private bitrateBps: number;
  private gainDb = 0;
  private credits = 0;
  private nextIndex = 0;
  private dropped = 0;
  private overflowPending = false;
  private vad = false;
  private framesSinceStatus = 0;
  private controlSeq = 0;
  private lastCommand: { type: number; index: number; result: number } | null = null;
  /** Frames captured since power-up (sent, queued or dropped). */
  capturedFrames = 0;
  /** AUDIO frames sent since power-up. */
  sentFrames = 0;

  constructor(opts: CoprocessorEmulatorOptions) {
    this.opts = opts;
    this.queueLimit = opts.queueFrames ?? COPROC_QUEUE_FRAMES;
    this.bitrateBps = opts.initialBitrateBps ?? 16000;
    this.decoder = new LinkDecoder(LinkDirection.ToCoproc, (type, _flags, index, buf, offset, length) => {
      this.onCommand(type, index, buf, offset, length);
    });
  }

  get powered(): boolean {
    return this.isPowered;
  }

  get capturing(): boolean {
    return this.isCapturing;
  }

  /** The data-ready line: high while AUDIO frames wait to be sent. */
  get dataReady(): boolean {
    return this.isPowered && this.queue.length > 0;
  }

  get queuedFrames(): number {
    return this.queue.length;
  }

  /** The command decoder's counters (CRC errors, resyncs…). */
  get linkCounters(): Pick<LinkDecoder, 'frames' | 'crcErrors' | 'headerErrors' | 'overruns' | 'resyncs' | 'discardedBytes'> {
    return this.decoder;
  }

  /** The capture rail comes up: the co-processor boots with nothing held and says so. */
  powerOn(): void {
    this.reset();
    this.isPowered = true;
    this.opts.send(encodeBoot(this.nextControlSeq(), LINK_PROTOCOL_VERSION, this.opts.firmwareVersion ?? 1));
  }

  /** The capture rail goes down: everything held is lost. */
  powerOff(): void {
    this.reset();
  }

  /** Bytes from the MCU's UART TX. Ignored while unpowered. */
  receive(bytes: Uint8Array): void {
    if (this.isPowered) this.decoder.feed(bytes);
  }

  /** One 20 ms period: capture a frame when capturing, then send what credit allows. */
  tick(): void {
    if (!this.isPowered) return;
    if (this.isCapturing) {
      const frame = this.opts.nextFrame(this.bitrateBps);
      const limit = maxAudioPayloadFor(this.bitrateBps);
      if (frame.opus.length < 1 || frame.opus.length > limit) {
        throw hardwareError(HardwareErrorCode.LinkPayloadTooLarge,
          'audio source gave a ' + frame.opus.length + '-byte packet; at ' + this.bitrateBps + ' bit/s the co-processor sends 1..' + limit);
      }
      if (this.queue.length >= this.queueLimit) {
        this.queue.shift();
        this.dropped++;
        this.overflowPending = true;
      }
      this.queue.push({ index: this.nextIndex, opus: frame.opus, vad: frame.vad });
      this.nextIndex = (this.nextIndex + 1) % INDEX_MODULO;
      this.vad = frame.vad;
      this.capturedFrames++;
      this.framesSinceStatus++;
    }
    this.flush();
    if (this.isCapturing && this.framesSinceStatus >= STATUS_EVERY_FRAMES) this.sendStatus();
  }

  status(): CoprocStatus {
    const s = newCoprocStatus();
    s.state = this.isCapturing ? CoprocState.Capturing : CoprocState.Idle;
    s.vad = this.vad;
    s.gainDb = this.gainDb;
    s.credits = this.credits;
    s.bitrate = this.bitrateBps;
    s.droppedFrames = this.dropped;
    s.queuedFrames = this.queue.length > 255 ? 255 : this.queue.length;
    return s;
  }

  private reset(): void {
    this.isPowered = false;
    this.isCapturing = false;
    this.queue.length = 0;
    this.credits = 0;
    this.nextIndex = 0;
    this.dropped = 0;
    this.overflowPending = false;
    this.vad = false;
    this.framesSinceStatus = 0;
    this.lastCommand = null;
    this.gainDb = 0;
    this.bitrateBps = this.opts.initialBitrateBps ?? 16000;
    this.decoder.reset();
  }

  private nextControlSeq(): number {
    const s = this.controlSeq;
    this.controlSeq = (this.controlSeq + 1) % INDEX_MODULO;
    return s;
  }

  private sendStatus(): void {
    this.framesSinceStatus = 0;
    this.opts.send(encodeStatus(this.nextControlSeq(), this.status()));
  }

  private flush(): void {
    while (this.credits > 0 && this.queue.length > 0) {
      const f = this.queue.shift() as QueuedFrame;
      this.credits--;
      this.sentFrames++;
      this.opts.send(encodeAudio(f.index, f.opus, f.vad, this.overflowPending));
      this.overflowPending = false;
    }
  }

  private ack(type: number, index: number, result: number): void {
    this.lastCommand = { type, index, result };
    this.opts.send(encodeAck(index, type, result));
  }

  private onCommand(type: number, index: number, buf: Uint8Array, offset: number, length: number): void {
    if (type === FrameType.Credit) {
      const total = this.credits + readCredit(buf, offset, length);
      this.credits = total > MAX_CREDIT_GRANT ? MAX_CREDIT_GRANT : total;
      this.flush();
      return;
    }
    const last = this.lastCommand;
    if (last !== null && last.type === type && last.index === index) {
      // A resend after a lost ACK: answer again, do not execute twice.
      this.opts.send(encodeAck(index, type, last.result));
      return;
    }
    if (type === FrameType.Start) {
      if (this.isCapturing) return this.ack(type, index, AckResult.BadState);
      this.isCapturing = true;
      this.nextIndex = 0;
      this.dropped = 0;
      this.overflowPending = false;
      this.framesSinceStatus = 0;
      this.ack(type, index, AckResult.Ok);
      this.sendStatus();
    } else if (type === FrameType.Stop) {
      if (!this.isCapturing) return this.ack(type, index, AckResult.BadState);
      this.isCapturing = false;
      this.ack(type, index, AckResult.Ok);
      this.sendStatus();
    } else if (type === FrameType.SetBitrate) {
      const bps = readBitrate(buf, offset, length);
      if (bps < MIN_BITRATE || bps > MAX_BITRATE) return this.ack(type, index, AckResult.BadArgument);
      this.bitrateBps = bps;
      this.ack(type, index, AckResult.Ok);
    } else if (type === FrameType.SetGain) {
      const db = readGain(buf, offset, length);
      if (db < MIN_GAIN_DB || db > MAX_GAIN_DB) return this.ack(type, index, AckResult.BadArgument);
      this.gainDb = db;
      this.ack(type, index, AckResult.Ok);
    } else if (type === FrameType.StatusRequest) {
      this.ack(type, index, AckResult.Ok);
      this.sendStatus();
    } else {
      this.ack(type, index, AckResult.Unsupported);
    }
  }
}
