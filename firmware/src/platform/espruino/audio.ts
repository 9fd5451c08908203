import type { DeviceBoard } from './device-board.js';
import { McuLink, McuLinkEvent, McuLinkState, encodeStatusRequest } from '@parley/hardware/coproc-link';
import type { LinkDecoder } from '@parley/hardware/coproc-link';
import type { AudioHandlers, AudioParams, AudioSource } from '../../hal/audio.js';
import type { EspruinoGlobals } from './globals.js';

/** McuLink timers (command resends, BOOT deadline, silence watchdog) are polled at this period. */
const POLL_MS = 50;
/** Status polls while listening for voice with capture off. */
const LISTEN_POLL_MS = 500;
/** After STOP, frames still queued in the co-processor arrive while credits last; the rail goes off then, or after this. */
const STOP_DRAIN_MS = 600;
/** nRESET pulse width. */
const RESET_PULSE_MS = 2;

/**
 * The audio co-processor over the UART link, driven by the hardware
 * package's `McuLink` (start sequence with ACKs, credit window sized to the
 * UART buffer, lost-frame accounting, BOOT/reset recovery). Powers the
 * capture rail, feeds the link one typed array per Serial 'data' event and
 * hands each Opus packet on; frames the link reports lost (co-processor
 * overflow or reboot, damaged frames) go to the handlers' `lost` first, so
 * the recorder closes the frame run with a gap.
 */
export class EspruinoAudio implements AudioSource {
  private readonly g: EspruinoGlobals;
  private readonly board: DeviceBoard;
  private readonly link: McuLink;
  private handlers: AudioHandlers | null = null;
  private capturing = false;
  private pollTimer: unknown = null;
  private listenTimer: unknown = null;
  private drainTimer: unknown = null;
  private listenSeq = 0;

  /** `uartPath`: the tty of the link on a Linux Espruino (ignored by the ESP32 port, which uses the pins). */
  constructor(g: EspruinoGlobals, board: DeviceBoard, uartPath?: string) {
    this.g = g;
    this.board = board;
    const u = board.coprocUart;
    this.link = new McuLink(
      { write: (bytes) => g.serial.write(g.E.toString(bytes)), resetCoprocessor: () => this.pulseReset() },
      { audio: (buf, offset, length, vad, lost) => this.audio(buf, offset, length, vad, lost), event: (kind, detail) => this.event(kind, detail) },
      u.rxBufferBytes,
    );
    const opts: { rx: string; tx: string; path?: string } = { rx: board.pins[u.rxRole], tx: board.pins[u.txRole] };
    if (uartPath !== undefined) opts.path = uartPath;
    g.serial.setup(u.baud, opts);
    // One native conversion per 'data' event, then the decoder's typed-array path: feeding the
    // string byte by byte costs two method calls per byte, about 7x slower on the Espruino 2v29
    // interpreter (measured) and too slow for 50 frames/s.
    g.serial.on('data', (data) => this.link.receiveBytes(g.E.toUint8Array(data), this.now()));
  }

  setHandlers(handlers: AudioHandlers): void {
    this.handlers = handlers;
  }

  start(params: AudioParams): void {
    if (this.capturing) return;
    this.capturing = true;
    this.cancelDrain();
    if (!this.railOn()) {
      this.setRail(true);
      this.g.digitalWrite(this.board.pins.coprocReset, 1);
      this.link.powerUp(this.now());
    }
    this.link.start(params.bitrate, 0, this.now());
    if (this.pollTimer === null) this.pollTimer = this.g.setInterval(() => this.link.poll(this.now()), POLL_MS);
  }

  stop(): void {
    if (!this.capturing) return;
    this.capturing = false;
    this.link.stop(this.now());
    this.cancelDrain();
    this.drainTimer = this.g.setTimeout(() => {
      this.drainTimer = null;
      if (!this.capturing && this.listenTimer === null) this.powerDown();
    }, STOP_DRAIN_MS);
  }

  isCapturing(): boolean {
    return this.capturing;
  }

  listen(on: boolean): void {
    if (on && this.listenTimer === null) {
      if (!this.railOn()) {
        this.setRail(true);
        this.g.digitalWrite(this.board.pins.coprocReset, 1);
        this.link.powerUp(this.now());
        if (this.pollTimer === null) this.pollTimer = this.g.setInterval(() => this.link.poll(this.now()), POLL_MS);
      }
      this.listenTimer = this.g.setInterval(() => this.askStatus(), LISTEN_POLL_MS);
    } else if (!on && this.listenTimer !== null) {
      this.g.clearInterval(this.listenTimer);
      this.listenTimer = null;
      if (!this.capturing && this.drainTimer === null) this.powerDown();
    }
  }

  /** Link statistics (decoder counters). */
  linkStats(): LinkDecoder {
    return this.link.decoder;
  }

  /** Frames the link lost since boot (overflow, reboot, damage). */
  lostFrames(): number {
    return this.link.lostFrames;
  }

  private audio(buf: Uint8Array, offset: number, length: number, vad: boolean, lost: number): void {
    if (!this.capturing || !this.handlers) return;
    if (lost > 0) this.handlers.lost(lost);
    this.handlers.frame(buf.subarray(offset, offset + length), vad);
  }

  private event(kind: number, detail: number): void {
    if (kind === McuLinkEvent.UnexpectedBoot || kind === McuLinkEvent.Reset || kind === McuLinkEvent.Fault || kind === McuLinkEvent.CommandTimeout) {
      this.g.log('warn coproc link event ' + kind + ' ' + detail);
    }
  }

  /** Voice-activity polling with capture off: the STATUS answer updates the link's status. */
  private askStatus(): void {
    const s = this.link.status;
    if (!this.capturing && this.handlers && this.link.state === McuLinkState.Idle) this.handlers.voice(s.vad);
    this.listenSeq = (this.listenSeq + 1) & 0x7fff;
    // Out-of-band of the link's command queue: its ACK is stale to McuLink, the STATUS is read.
    if (this.link.state === McuLinkState.Idle) this.g.serial.write(this.g.E.toString(encodeStatusRequest(0x8000 | this.listenSeq)));
  }

  private powerDown(): void {
    if (this.pollTimer !== null) this.g.clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.link.powerDown();
    this.g.digitalWrite(this.board.pins.coprocReset, 0);
    this.setRail(false);
  }

  private cancelDrain(): void {
    if (this.drainTimer !== null) this.g.clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }

  private pulseReset(): void {
    const pin = this.board.pins.coprocReset;
    this.g.digitalWrite(pin, 0);
    this.g.setTimeout(() => this.g.digitalWrite(pin, 1), RESET_PULSE_MS);
  }

  private railOn(): boolean {
    return this.link.state !== McuLinkState.Off;
  }

  private setRail(on: boolean): void {
    this.g.digitalWrite(this.board.pins.captureRailEnable, on === this.board.captureRail.activeHigh ? 1 : 0);
  }

  private now(): number {
    return Math.floor(this.g.getTime() * 1000);
  }
}
