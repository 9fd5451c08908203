import { decodeUp, encodeDown, parseTopic, downTopic } from '@parley/proto';
import type { DecodedUp, DownKind, DownMessages } from '@parley/proto';
import { FrameType, LinkDecoder, LinkDirection, encodeAudio, encodeStatus, newCoprocStatus, readCredit } from '@parley/hardware/coproc-link';

/**
 * The two peers of the device-bundle scenario (boot, press, record, press,
 * drain), shared by the vm sandbox and the run on the real Espruino
 * interpreter: a minimal gateway that answers Hello, acks chunks and
 * finalises sessions, and an audio co-processor that honours START/STOP and
 * credits on the hardware link. Both speak bytes; the caller carries them.
 */

/** What the gateway peer saw. */
export interface GatewayTally {
  hellos: number;
  starts: number;
  complete: number;
  chunks: number;
  frames: number;
  telemetry: number;
  events: number;
  /** Sum of dropped frames over the gaps the SessionEnds reported. */
  gapFrames: number;
}

interface PeerSession {
  seqs: { [seq: number]: number };
  end: DecodedUp<'session-end'> | null;
  complete: boolean;
}

/** The epoch the peer's HelloReply reports as its time at `nowMs() === 0`. */
const SERVER_EPOCH_MS = 1_767_225_600_000;

export class GatewayPeer {
  readonly tally: GatewayTally = { hellos: 0, starts: 0, complete: 0, chunks: 0, frames: 0, telemetry: 0, events: 0, gapFrames: 0 };
  private readonly sessions: { [hex: string]: PeerSession } = {};
  private readonly deviceId: string;
  private readonly send: (topic: string, payload: Uint8Array) => void;
  private readonly nowMs: () => number;

  /** `send` delivers a down message to the badge (the caller may delay it). */
  constructor(deviceId: string, send: (topic: string, payload: Uint8Array) => void, nowMs: () => number) {
    this.deviceId = deviceId;
    this.send = send;
    this.nowMs = nowMs;
  }

  /** An up message the badge published; throws on a topic or payload the gateway would refuse. */
  receive(topic: string, payload: Uint8Array): void {
    const t = parseTopic(topic);
    if (!t || t.direction !== 'up') throw new Error('bad topic ' + topic);
    const msg = decodeUp(t.kind as never, payload) as unknown;
    const g = this.tally;
    if (t.kind === 'hello') {
      g.hellos++;
      const h = msg as DecodedUp<'hello'>;
      this.reply('hello-reply', {
        serverTimeMs: SERVER_EPOCH_MS + this.nowMs(), wantedConfigVersion: 1,
        resume: h.backlog.map((b) => ({ sessionId: b.sessionId, receivedThrough: -1, missing: [], complete: false })),
        locked: false,
      });
      // Retained config: live uploads, telemetry every 5 s.
      this.reply('config', { version: 1, uploadPolicy: 0, telemetryIntervalS: 5, led: { statusLedEnabled: true, brightnessPercent: 50 }, haptic: { enabled: true, strengthPercent: 50 } });
    } else if (t.kind === 'session-start') {
      g.starts++;
      this.session((msg as DecodedUp<'session-start'>).sessionId);
    } else if (t.kind === 'chunk') {
      const m = msg as DecodedUp<'chunk'>;
      const s = this.session(m.sessionId);
      if (s.seqs[m.seq] === undefined) {
        g.chunks++;
        g.frames += m.frames.length;
      }
      s.seqs[m.seq] = m.frames.length;
      this.ack(m.sessionId);
    } else if (t.kind === 'session-end') {
      const m = msg as DecodedUp<'session-end'>;
      const s = this.session(m.sessionId);
      if (!s.end) for (const gap of m.gaps) g.gapFrames += gap.frameCount;
      s.end = m;
      this.ack(m.sessionId);
    } else if (t.kind === 'telemetry') g.telemetry++;
    else if (t.kind === 'event') g.events++;
  }

  private session(id: Uint8Array): PeerSession {
    const hex = Buffer.from(id).toString('hex');
    return (this.sessions[hex] = this.sessions[hex] ?? { seqs: {}, end: null, complete: false });
  }

  private ack(id: Uint8Array): void {
    const s = this.session(id);
    let through = -1;
    while (s.seqs[through + 1] !== undefined) through++;
    if (s.end && through === s.end.totalChunks - 1 && !s.complete) {
      s.complete = true;
      this.tally.complete++;
    }
    this.reply('ack', { sessionId: id, contiguousThrough: through, missing: [], complete: s.complete });
  }

  private reply<K extends DownKind>(kind: K, msg: DownMessages[K]): void {
    this.send(downTopic(this.deviceId, kind), encodeDown(kind, msg));
  }
}

/**
 * The audio co-processor: decodes what the MCU sends, and on each `tick()`
 * (one 20 ms frame time) returns one AUDIO frame while capturing and holding
 * a credit. Frames carry a recognisable 40-byte Opus-sized payload. Replies
 * (STATUS) go through `send`.
 */
export class CoprocPeer {
  framesSent = 0;
  /** Credits the MCU granted in total. */
  creditsGranted = 0;
  private capturing = false;
  private credits = 0;
  private index = 0;
  private readonly decoder: LinkDecoder;
  private readonly status = newCoprocStatus();
  private readonly send: (bytes: Uint8Array) => void;

  /** `send` carries reply bytes to the MCU's UART. */
  constructor(send: (bytes: Uint8Array) => void) {
    this.send = send;
    this.decoder = new LinkDecoder(LinkDirection.ToCoproc, (type, _f, _i, buf, off, len) => {
      if (type === FrameType.Start) {
        this.capturing = true;
        this.index = 0;
      } else if (type === FrameType.Stop) this.capturing = false;
      else if (type === FrameType.Credit) {
        const n = readCredit(buf, off, len);
        this.credits += n;
        this.creditsGranted += n;
      }
      else if (type === FrameType.StatusRequest) {
        this.status.vad = false;
        this.send(encodeStatus(1, this.status));
      }
    });
  }

  /** Bytes the MCU wrote to the UART. */
  fromMcu(bytes: Uint8Array): void {
    this.decoder.feed(bytes);
  }

  /** The AUDIO frame the co-processor puts on the UART in this frame time, if any. */
  tick(): Uint8Array | null {
    if (!this.capturing || this.credits <= 0) return null;
    this.credits--;
    const opus = new Uint8Array(40);
    for (let i = 0; i < opus.length; i++) opus[i] = (this.index * 7 + i) & 0xff;
    const frame = encodeAudio(this.index & 0xffff, opus, true, false);
    this.index++;
    this.framesSent++;
    return frame;
  }
}
