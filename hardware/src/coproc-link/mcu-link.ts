/**
 * The MCU's side of the co-processor link: the start/stop sequences, one
 * command in flight with ACK, resend and reset, credit flow control sized to
 * the UART buffer, lost-frame accounting, and recovery from a co-processor
 * that reboots or falls silent (docs/hardware.md, "Co-processor link").
 *
 * Runs ON THE BADGE (Espruino subset) and in Node against the emulator. It
 * owns no timers: the firmware calls poll(now) every few tens of ms and
 * passes received bytes to receive()/receiveBytes(). No allocation per audio
 * frame (commands allocate their few bytes).
 */
import { LinkDecoder } from './decoder.js';
import {
  AckResult,
  AudioFlag,
  COMMAND_ACK_TIMEOUT_MS,
  COMMAND_RETRIES,
  CREDIT_SETTLE_MS,
  FRAME_MS,
  FrameType,
  INDEX_MODULO,
  LINK_BOOT_TIMEOUT_MS,
  LINK_MAX_RESETS,
  LINK_SILENCE_TIMEOUT_MS,
  LinkDirection,
  MAX_CREDIT_GRANT,
  creditWindow,
} from './frame-format.js';
import {
  encodeCredit,
  encodeSetBitrate,
  encodeSetGain,
  encodeStart,
  encodeStatusRequest,
  encodeStop,
  newCoprocStatus,
  readAck,
  readStatus,
  type CoprocAck,
  type CoprocStatus,
} from './messages.js';

export const McuLinkState = {
  /** Capture rail off, nothing expected. */
  Off: 0,
  /** Waiting for BOOT after power-up or reset. */
  Booting: 1,
  /** Booted, not capturing. */
  Idle: 2,
  /** Running the start sequence (SET_BITRATE, SET_GAIN, START). */
  Starting: 3,
  Capturing: 4,
  /** STOP sent, waiting for its ACK. */
  Stopping: 5,
  /** LINK_MAX_RESETS resets in a row failed: the co-processor is not answering. */
  Fault: 6,
} as const;

export const McuLinkEvent = {
  /** BOOT received; detail = co-processor firmware version. */
  Booted: 1,
  /** BOOT while starting or capturing: the co-processor restarted; detail = state it was in. */
  UnexpectedBoot: 2,
  /** A command was answered with an error; detail = command type << 8 | AckResult. */
  CommandFailed: 3,
  /** A command got no ACK after its resends; detail = command type. */
  CommandTimeout: 4,
  /** The MCU pulsed the co-processor's reset; detail = resets in a row. */
  Reset: 5,
  /** No BOOT after the last allowed reset. */
  Fault: 6,
  /** Capture is running (START acknowledged). */
  Started: 7,
  /** STOP acknowledged. */
  Stopped: 8,
  /** STATUS showed fewer credits than counted: a CREDIT was lost; detail = credits re-granted. */
  CreditsReconciled: 9,
} as const;

export interface McuLinkIo {
  /** Send bytes on the UART to the co-processor. */
  write(bytes: Uint8Array): void;
  /** Pulse the co-processor's nRESET. */
  resetCoprocessor(): void;
}

export interface McuLinkHandlers {
  /**
   * One Opus packet: buf[offset, offset + length), valid only during the
   * call. `lost` frames went missing right before it (wire loss, co-processor
   * overflow or restart): the recorder consumes that many frame indices.
   */
  audio(buf: Uint8Array, offset: number, length: number, vad: boolean, lost: number): void;
  /** McuLinkEvent, for the log and telemetry. */
  event(kind: number, detail: number): void;
}

const NO_COMMAND = -1;

export class McuLink {
  /** McuLinkState */
  state: number;
  readonly decoder: LinkDecoder;
  /** Latest STATUS from the co-processor. */
  readonly status: CoprocStatus;
  /** Frames lost before reaching the MCU, since construction. */
  lostFrames: number;
  commandResends: number;
  resets: number;

  private readonly io: McuLinkIo;
  private readonly handlers: McuLinkHandlers;
  private readonly rxBufferBytes: number;
  private readonly ack: CoprocAck;
  private wantCapture: boolean;
  private bitrateBps: number;
  private gainDb: number;
  /** Commands waiting to be sent: types, one in flight at the head. */
  private readonly queue: number[];
  private inFlight: number;
  private inFlightSeq: number;
  private inFlightBytes: Uint8Array | null;
  private sentAt: number;
  private tries: number;
  private seq: number;
  private outstanding: number;
  private consumed: number;
  private lastCreditAt: number;
  private expectedIndex: number;
  private lastRxAt: number;
  private lastAudioAt: number;
  private restartedAt: number;
  private bootDeadline: number;
  private resetsInRow: number;
  private now: number;

  constructor(io: McuLinkIo, handlers: McuLinkHandlers, rxBufferBytes: number) {
    this.io = io;
    this.handlers = handlers;
    this.rxBufferBytes = rxBufferBytes;
    this.state = McuLinkState.Off;
    this.status = newCoprocStatus();
    this.ack = { command: 0, result: 0 };
    this.lostFrames = 0;
    this.commandResends = 0;
    this.resets = 0;
    this.wantCapture = false;
    this.bitrateBps = 16000;
    this.gainDb = 0;
    this.queue = [];
    this.inFlight = NO_COMMAND;
    this.inFlightSeq = 0;
    this.inFlightBytes = null;
    this.sentAt = 0;
    this.tries = 0;
    this.seq = 0;
    this.outstanding = 0;
    this.consumed = 0;
    this.lastCreditAt = 0;
    this.expectedIndex = 0;
    this.lastRxAt = 0;
    this.lastAudioAt = -1;
    this.restartedAt = -1;
    this.bootDeadline = 0;
    this.resetsInRow = 0;
    this.now = 0;
    this.decoder = new LinkDecoder(LinkDirection.ToMcu, (type, flags, index, buf, offset, length) => {
      this.onFrame(type, flags, index, buf, offset, length);
    });
  }

  /** The capture rail was just switched on: expect BOOT. */
  powerUp(nowMs: number): void {
    this.now = nowMs;
    this.clearLink(true);
    this.state = McuLinkState.Booting;
    this.bootDeadline = nowMs + LINK_BOOT_TIMEOUT_MS;
    this.resetsInRow = 0;
  }

  /** The capture rail is about to go off. */
  powerDown(): void {
    this.clearLink(true);
    this.wantCapture = false;
    this.state = McuLinkState.Off;
  }

  /** Capture at this bitrate and gain: now if booted, else as soon as BOOT arrives. */
  start(bitrateBps: number, gainDb: number, nowMs: number): void {
    this.now = nowMs;
    this.wantCapture = true;
    this.bitrateBps = bitrateBps;
    this.gainDb = gainDb;
    if (this.state === McuLinkState.Idle) this.beginStart();
  }

  /** Stop capturing; frames already queued keep arriving while credits last. */
  stop(nowMs: number): void {
    this.now = nowMs;
    this.wantCapture = false;
    if (this.state === McuLinkState.Starting || this.state === McuLinkState.Capturing) {
      this.queue.splice(0, this.queue.length);
      this.inFlight = NO_COMMAND;
      this.state = McuLinkState.Stopping;
      this.enqueue(FrameType.Stop);
    }
  }

  /** Bytes from the UART as Espruino's Serial delivers them. E.toUint8Array + receiveBytes is faster on the badge. */
  receive(data: string, nowMs: number): void {
    this.now = nowMs;
    this.lastRxAt = nowMs;
    this.decoder.feedString(data);
  }

  receiveBytes(data: Uint8Array, nowMs: number): void {
    this.now = nowMs;
    this.lastRxAt = nowMs;
    this.decoder.feed(data);
  }

  /** Timers: command resends, BOOT deadline, silence watchdog. Call every few tens of ms. */
  poll(nowMs: number): void {
    this.now = nowMs;
    if (this.state === McuLinkState.Booting) {
      if (nowMs >= this.bootDeadline) this.resetCoprocessor();
      return;
    }
    if (this.inFlight !== NO_COMMAND && nowMs - this.sentAt >= COMMAND_ACK_TIMEOUT_MS) {
      if (this.tries > COMMAND_RETRIES) {
        this.handlers.event(McuLinkEvent.CommandTimeout, this.inFlight);
        this.resetCoprocessor();
        return;
      }
      this.resend();
    }
    if (this.state === McuLinkState.Capturing && this.inFlight === NO_COMMAND && nowMs - this.lastRxAt >= LINK_SILENCE_TIMEOUT_MS) {
      // Silent while capturing: ask; no answer after the resends means reset.
      this.lastRxAt = nowMs;
      this.enqueue(FrameType.StatusRequest);
    }
  }

  /** Forgets commands and credits; the decoder too unless it is mid-delivery (called from a frame). */
  private clearLink(resetDecoder: boolean): void {
    this.queue.splice(0, this.queue.length);
    this.inFlight = NO_COMMAND;
    this.inFlightBytes = null;
    this.outstanding = 0;
    this.consumed = 0;
    if (resetDecoder) this.decoder.reset();
  }

  private resetCoprocessor(): void {
    if (this.resetsInRow >= LINK_MAX_RESETS) {
      this.clearLink(true);
      this.state = McuLinkState.Fault;
      this.handlers.event(McuLinkEvent.Fault, this.resetsInRow);
      return;
    }
    this.resetsInRow++;
    this.resets++;
    if (this.lastAudioAt >= 0 && this.restartedAt < 0) this.restartedAt = this.lastAudioAt;
    this.clearLink(true);
    this.state = McuLinkState.Booting;
    this.bootDeadline = this.now + LINK_BOOT_TIMEOUT_MS;
    this.handlers.event(McuLinkEvent.Reset, this.resetsInRow);
    this.io.resetCoprocessor();
  }

  private beginStart(): void {
    this.state = McuLinkState.Starting;
    this.enqueue(FrameType.SetBitrate);
    this.enqueue(FrameType.SetGain);
    this.enqueue(FrameType.Start);
  }

  private enqueue(type: number): void {
    this.queue.push(type);
    if (this.inFlight === NO_COMMAND) this.sendNext();
  }

  private nextSeq(): number {
    this.seq = (this.seq + 1) % INDEX_MODULO;
    return this.seq;
  }

  private sendNext(): void {
    const type = this.queue.length > 0 ? (this.queue.shift() as number) : NO_COMMAND;
    this.inFlight = type;
    if (type === NO_COMMAND) {
      this.inFlightBytes = null;
      return;
    }
    const seq = this.nextSeq();
    let bytes: Uint8Array;
    if (type === FrameType.SetBitrate) bytes = encodeSetBitrate(seq, this.bitrateBps);
    else if (type === FrameType.SetGain) bytes = encodeSetGain(seq, this.gainDb);
    else if (type === FrameType.Start) bytes = encodeStart(seq);
    else if (type === FrameType.Stop) bytes = encodeStop(seq);
    else bytes = encodeStatusRequest(seq);
    this.inFlightSeq = seq;
    this.inFlightBytes = bytes;
    this.tries = 1;
    this.sentAt = this.now;
    this.io.write(bytes);
  }

  /** Same bytes, same index: the co-processor re-ACKs without executing twice. */
  private resend(): void {
    this.tries++;
    this.commandResends++;
    this.sentAt = this.now;
    if (this.inFlightBytes !== null) this.io.write(this.inFlightBytes);
  }

  private grant(credits: number): void {
    if (credits <= 0) return;
    const n = credits > MAX_CREDIT_GRANT ? MAX_CREDIT_GRANT : credits;
    this.outstanding += n;
    this.lastCreditAt = this.now;
    this.io.write(encodeCredit(this.nextSeq(), n));
  }

  private window(): number {
    return creditWindow(this.rxBufferBytes, this.bitrateBps);
  }

  private onFrame(type: number, flags: number, index: number, buf: Uint8Array, offset: number, length: number): void {
    if (type === FrameType.Audio) this.onAudio(flags, index, buf, offset, length);
    else if (type === FrameType.Ack) this.onAck(index, buf, offset, length);
    else if (type === FrameType.Status) this.onStatus(buf, offset, length);
    else if (type === FrameType.Boot) this.onBoot(buf, offset);
  }

  private onAudio(flags: number, index: number, buf: Uint8Array, offset: number, length: number): void {
    if (this.outstanding > 0) this.outstanding--;
    let lost = (index - this.expectedIndex + INDEX_MODULO) % INDEX_MODULO;
    if (this.restartedAt >= 0) {
      // First frame after the co-processor restarted: its index began again
      // at 0, so count the 20 ms slots since the last frame before the
      // restart (an estimate: queueing delays arrival).
      const gap = Math.round((this.now - this.restartedAt) / FRAME_MS) - 1;
      lost = gap > index ? gap : index;
      this.restartedAt = -1;
    }
    this.expectedIndex = (index + 1) % INDEX_MODULO;
    this.lastAudioAt = this.now;
    this.lostFrames += lost;
    this.handlers.audio(buf, offset, length, (flags & AudioFlag.Vad) !== 0, lost);
    if (this.state === McuLinkState.Capturing || this.state === McuLinkState.Stopping) {
      // Frames lost on the wire used credits the MCU cannot see; the next
      // STATUS reconciles them (onStatus), which is exact, unlike guessing
      // from index gaps that may also be co-processor drops.
      this.consumed++;
      if (this.state === McuLinkState.Capturing && this.consumed * 2 >= this.window()) {
        const n = this.consumed;
        this.consumed = 0;
        this.grant(n);
      }
    }
  }

  private onAck(index: number, buf: Uint8Array, offset: number, length: number): void {
    readAck(buf, offset, length, this.ack);
    if (this.inFlight === NO_COMMAND || index !== this.inFlightSeq || this.ack.command !== this.inFlight) return; // stale or duplicate
    const type = this.inFlight;
    const result = this.ack.result;
    this.resetsInRow = 0;
    if (result !== AckResult.Ok && !(result === AckResult.BadState && (type === FrameType.Start || type === FrameType.Stop))) {
      this.handlers.event(McuLinkEvent.CommandFailed, (type << 8) | result);
    }
    if (type === FrameType.Start) {
      // BadState: it was already capturing; either way it is now.
      this.state = McuLinkState.Capturing;
      this.expectedIndex = 0;
      this.outstanding = 0;
      this.consumed = 0;
      this.handlers.event(McuLinkEvent.Started, 0);
      this.grant(this.window());
    } else if (type === FrameType.Stop) {
      this.state = McuLinkState.Idle;
      this.handlers.event(McuLinkEvent.Stopped, 0);
      if (this.wantCapture) {
        this.inFlight = NO_COMMAND;
        this.beginStart();
        return;
      }
    }
    this.sendNext();
  }

  private onStatus(buf: Uint8Array, offset: number, length: number): void {
    readStatus(buf, offset, length, this.status);
    if (this.state !== McuLinkState.Capturing) return;
    if (this.status.credits < this.outstanding && this.now - this.lastCreditAt >= CREDIT_SETTLE_MS) {
      // A CREDIT frame was lost (CREDITs are not acknowledged): believe the co-processor.
      const missing = this.window() - this.status.credits;
      this.outstanding = this.status.credits;
      this.consumed = 0;
      this.handlers.event(McuLinkEvent.CreditsReconciled, missing);
      this.grant(missing);
    }
  }

  private onBoot(buf: Uint8Array, offset: number): void {
    const was = this.state;
    this.clearLink(false);
    this.resetsInRow = 0;
    this.handlers.event(McuLinkEvent.Booted, (buf[offset + 2] as number) | ((buf[offset + 3] as number) << 8));
    if (was === McuLinkState.Starting || was === McuLinkState.Capturing || was === McuLinkState.Stopping) {
      this.handlers.event(McuLinkEvent.UnexpectedBoot, was);
      if (this.lastAudioAt >= 0 && this.restartedAt < 0) this.restartedAt = this.lastAudioAt;
    }
    this.state = McuLinkState.Idle;
    if (this.wantCapture) this.beginStart();
  }
}
