/**
 * Streaming decoder for the co-processor link. Runs ON THE BADGE (Espruino
 * subset: no destructuring, spread, default parameters, Map/Set, Symbol,
 * `?.`, async; nothing hoisted), and in Node for the simulator.
 *
 * Feed it bytes as they arrive, in any split: one at a time (feedByte),
 * typed-array chunks (feed) or the strings Espruino's Serial 'data' event
 * delivers (feedString). It holds at most one frame (MAX_FRAME_LEN bytes) in
 * a buffer allocated once; decoding allocates nothing per byte or per frame.
 *
 * Recovery: bytes before a sync word are skipped. A header that cannot be
 * right (unknown type, wrong length for its type, length over MAX_PAYLOAD)
 * or a CRC mismatch means the sync word was false or the frame damaged: the
 * decoder drops the first sync byte and rescans the bytes it already holds
 * for the next sync word, so a real frame that started inside the bad one is
 * still found.
 */
import { crc16 } from './crc16.js';
import {
  CRC_LEN,
  HEADER_LEN,
  MAX_FRAME_LEN,
  MAX_PAYLOAD,
  SYNC0,
  SYNC1,
  UNKNOWN_TYPE,
  VARIABLE_LENGTH,
  payloadLengths,
} from './frame-format.js';

/**
 * Called once per good frame. The payload is buf[offset, offset + length):
 * a view of the decoder's own buffer, valid only until the handler returns
 * (copy what you keep).
 */
export type LinkFrameHandler = (
  type: number,
  flags: number,
  index: number,
  buf: Uint8Array,
  offset: number,
  length: number,
) => void;

/**
 * Moves buf[from, to) to the start of buf. Espruino's typed arrays have no
 * copyWithin, and set() from an overlapping view of the same buffer is not
 * specified there; a forward copy is safe because the bytes move down.
 */
function shiftDown(buf: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) buf[i - from] = buf[i] as number;
}

export class LinkDecoder {
  /** Good frames delivered. */
  frames: number;
  /** Frames whose CRC did not match. */
  crcErrors: number;
  /** Headers rejected: type unknown for this direction or wrong length for its type. */
  headerErrors: number;
  /** Headers announcing more than MAX_PAYLOAD bytes (would overrun the buffer). */
  overruns: number;
  /** Times a started frame was abandoned and the held bytes rescanned for sync. */
  resyncs: number;
  /** Bytes that ended up in no delivered frame. */
  discardedBytes: number;

  private readonly buf: Uint8Array;
  private readonly lengths: Int8Array;
  private readonly onFrame: LinkFrameHandler;
  /** Bytes held in buf; buf[0] is SYNC0 whenever n > 0. */
  private n: number;
  /** Total length of the frame being collected once its header is known, else 0. */
  private need: number;

  /** direction: LinkDirection.ToMcu on the badge, LinkDirection.ToCoproc in the co-processor emulation. */
  constructor(direction: number, onFrame: LinkFrameHandler) {
    this.buf = new Uint8Array(MAX_FRAME_LEN);
    this.lengths = payloadLengths(direction);
    this.onFrame = onFrame;
    this.n = 0;
    this.need = 0;
    this.frames = 0;
    this.crcErrors = 0;
    this.headerErrors = 0;
    this.overruns = 0;
    this.resyncs = 0;
    this.discardedBytes = 0;
  }

  /** Bytes of an incomplete frame held right now. */
  get pending(): number {
    return this.n;
  }

  /** Forgets a partial frame (e.g. after resetting the co-processor). Counters are kept. */
  reset(): void {
    this.discardedBytes += this.n;
    this.n = 0;
    this.need = 0;
  }

  feedByte(b: number): void {
    if (this.n === 0) {
      if (b === SYNC0) {
        this.buf[0] = b;
        this.n = 1;
      } else {
        this.discardedBytes++;
      }
      return;
    }
    this.buf[this.n++] = b;
    this.advance();
  }

  feed(data: Uint8Array): void {
    const len = data.length;
    const buf = this.buf;
    let i = 0;
    while (i < len) {
      const n = this.n;
      if (n === 0) {
        // Hunt for a sync byte without a method call per byte.
        const from = i;
        while (i < len && data[i] !== SYNC0) i++;
        this.discardedBytes += i - from;
        if (i === len) return;
        buf[0] = SYNC0;
        this.n = 1;
        i++;
        continue;
      }
      // Take what the frame still needs: the rest of the header, or the
      // rest of the frame once the header has given its length.
      const want = this.need > 0 ? this.need : HEADER_LEN;
      let k = want - n;
      if (k > len - i) k = len - i;
      if (k > HEADER_LEN) {
        buf.set(data.subarray(i, i + k), n);
      } else {
        for (let j = 0; j < k; j++) buf[n + j] = data[i + j] as number;
      }
      this.n = n + k;
      i += k;
      if (this.n === want) this.advance();
    }
  }

  /** Espruino's Serial delivers received bytes as a string of char codes 0..255. */
  feedString(data: string): void {
    const len = data.length;
    for (let i = 0; i < len; i++) this.feedByte(data.charCodeAt(i) & 0xff);
  }

  /** Runs the state machine over the held bytes until it needs more input. */
  private advance(): void {
    const buf = this.buf;
    for (;;) {
      const n = this.n;
      if (n < 2) return;
      if (buf[1] !== SYNC1) {
        // A lone SYNC0 byte: keep hunting.
        this.drop(1);
        continue;
      }
      if (n < HEADER_LEN) return;
      if (this.need === 0) {
        const len = (buf[6] as number) | ((buf[7] as number) << 8);
        const want = this.lengths[buf[2] as number] as number;
        if (len > MAX_PAYLOAD) {
          this.overruns++;
          this.abandon();
          continue;
        }
        if (want === UNKNOWN_TYPE || (want === VARIABLE_LENGTH ? len === 0 : want !== len)) {
          this.headerErrors++;
          this.abandon();
          continue;
        }
        this.need = HEADER_LEN + len + CRC_LEN;
      }
      const need = this.need;
      if (n < need) return;
      const end = need - CRC_LEN;
      const got = (buf[end] as number) | ((buf[end + 1] as number) << 8);
      if (crc16(buf, 2, end) !== got) {
        this.crcErrors++;
        this.abandon();
        continue;
      }
      this.frames++;
      // State is settled before the handler runs, so a handler that throws
      // cannot leave the decoder re-delivering or stuck.
      this.need = 0;
      this.n = n === need ? 0 : n;
      this.onFrame(
        buf[2] as number,
        buf[3] as number,
        (buf[4] as number) | ((buf[5] as number) << 8),
        buf,
        HEADER_LEN,
        end - HEADER_LEN,
      );
      if (n === need) return;
      // Bytes after the frame (only after a rescan): keep them, hunt again.
      shiftDown(buf, need, n);
      this.n = n - need;
      this.dropUntilSync(0);
    }
  }

  /** The frame in progress is bad: give up its first sync byte and rescan the rest. */
  private abandon(): void {
    this.resyncs++;
    this.need = 0;
    this.drop(1);
  }

  /** Discards k held bytes, then anything before the next SYNC0. */
  private drop(k: number): void {
    this.discardedBytes += k;
    this.dropUntilSync(k);
  }

  /** Keeps held bytes from the first SYNC0 at or after `from`; counts the skipped ones. */
  private dropUntilSync(from: number): void {
    const buf = this.buf;
    const n = this.n;
    let i = from;
    while (i < n && buf[i] !== SYNC0) i++;
    this.discardedBytes += i - from;
    if (i >= n) {
      this.n = 0;
      return;
    }
    if (i > 0) shiftDown(buf, i, n);
    this.n = n - i;
  }
}
