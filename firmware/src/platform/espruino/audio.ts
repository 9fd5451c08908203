import type { Board } from '@parley/hardware/boards';
import {
  FrameType, AudioFlag, LinkDecoder, LinkDirection, encodeCredit, encodeSetBitrate, encodeStart, encodeStatusRequest,
  encodeStop, newCoprocStatus, readStatus,
} from '@parley/hardware/coproc-link';
import type { AudioHandlers, AudioParams, AudioSource } from '../../hal/audio.js';
import type { EspruinoGlobals } from './globals.js';

/** Audio credits granted at a time (the co-processor queues frames beyond them). */
const CREDIT_BATCH = 16;
/** Status polls while listening for voice with capture off. */
const LISTEN_POLL_MS = 500;

/**
 * The audio co-processor over the UART link (hardware/ coproc-link): powers
 * the capture rail, sends START/STOP/SET_BITRATE and credits, decodes AUDIO
 * frames with the streaming decoder and hands each Opus packet on.
 */
export class EspruinoAudio implements AudioSource {
  private readonly g: EspruinoGlobals;
  private readonly board: Board;
  private readonly decoder: LinkDecoder;
  private readonly status = newCoprocStatus();
  private handlers: AudioHandlers | null = null;
  private capturing = false;
  private seq = 0;
  private owed = 0;
  private listenTimer: unknown = null;

  /** `uartPath`: the tty of the link on a Linux Espruino (ignored by the ESP32 port, which uses the pins). */
  constructor(g: EspruinoGlobals, board: Board, uartPath?: string) {
    this.g = g;
    this.board = board;
    this.decoder = new LinkDecoder(LinkDirection.ToMcu, (type, flags, _index, buf, offset, length) => this.frame(type, flags, buf, offset, length));
    const u = board.coprocUart;
    const opts: { rx: string; tx: string; path?: string } = { rx: board.pins[u.rxRole], tx: board.pins[u.txRole] };
    if (uartPath !== undefined) opts.path = uartPath;
    g.serial.setup(u.baud, opts);
    // One native conversion per 'data' event, then the decoder's typed-array path: feeding the
    // string byte by byte (feedString) costs two method calls per byte, about 7x slower on the
    // Espruino 2v29 interpreter (measured) and too slow for 50 frames/s.
    g.serial.on('data', (data) => this.decoder.feed(g.E.toUint8Array(data)));
  }

  setHandlers(handlers: AudioHandlers): void {
    this.handlers = handlers;
  }

  start(params: AudioParams): void {
    if (this.capturing) return;
    this.capturing = true;
    this.g.digitalWrite(this.board.pins.captureRailEnable, this.board.captureRail.activeHigh ? 1 : 0);
    this.g.setTimeout(() => {
      if (!this.capturing) return;
      this.send(encodeSetBitrate(this.nextSeq(), params.bitrate));
      this.send(encodeStart(this.nextSeq()));
      this.send(encodeCredit(this.nextSeq(), CREDIT_BATCH));
      this.owed = 0;
    }, this.board.captureRail.startupMs);
  }

  stop(): void {
    if (!this.capturing) return;
    this.capturing = false;
    this.send(encodeStop(this.nextSeq()));
    this.g.digitalWrite(this.board.pins.captureRailEnable, this.board.captureRail.activeHigh ? 0 : 1);
  }

  isCapturing(): boolean {
    return this.capturing;
  }

  listen(on: boolean): void {
    if (on && this.listenTimer === null) {
      this.listenTimer = this.g.setInterval(() => this.send(encodeStatusRequest(this.nextSeq())), LISTEN_POLL_MS);
    } else if (!on && this.listenTimer !== null) {
      this.g.clearInterval(this.listenTimer);
      this.listenTimer = null;
    }
  }

  /** Link statistics (decoder counters). */
  linkStats(): LinkDecoder {
    return this.decoder;
  }

  private frame(type: number, flags: number, buf: Uint8Array, offset: number, length: number): void {
    if (type === FrameType.Audio) {
      if (!this.capturing || !this.handlers) return;
      this.handlers.frame(buf.subarray(offset, offset + length), (flags & AudioFlag.Vad) !== 0);
      this.owed++;
      if (this.owed >= CREDIT_BATCH / 2) {
        this.send(encodeCredit(this.nextSeq(), this.owed));
        this.owed = 0;
      }
    } else if (type === FrameType.Status) {
      readStatus(buf, offset, length, this.status);
      if (!this.capturing && this.listenTimer !== null && this.handlers) this.handlers.voice(this.status.vad);
    }
  }

  private send(frame: Uint8Array): void {
    this.g.serial.write(this.g.E.toString(frame));
  }

  private nextSeq(): number {
    this.seq = (this.seq + 1) & 0xffff;
    return this.seq;
  }
}
