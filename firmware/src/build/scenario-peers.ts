import { decodeUp, encodeDown, parseTopic, downTopic } from '@parley/proto';
import type { DecodedUp, DownKind, DownMessages } from '@parley/proto';
import { CoprocessorEmulator } from '@parley/hardware/coproc-emulator';

/**
 * The two peers of the device-bundle scenario (boot, press, record, press,
 * drain), shared by the vm sandbox and the run on the real Espruino
 * interpreter: a minimal gateway that answers Hello, acks chunks and
 * finalises sessions, and the audio co-processor (the hardware package's
 * emulator) on the capture rail. Both speak bytes; the caller carries them.
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
  /** Frames the SessionEnds counted (total_frames, dropped ones included). */
  sessionFrames: number;
}

interface PeerSession {
  seqs: { [seq: number]: number };
  end: DecodedUp<'session-end'> | null;
  complete: boolean;
}

/** The epoch the peer's HelloReply reports as its time at `nowMs() === 0`. */
const SERVER_EPOCH_MS = 1_767_225_600_000;

export class GatewayPeer {
  readonly tally: GatewayTally = { hellos: 0, starts: 0, complete: 0, chunks: 0, frames: 0, telemetry: 0, events: 0, gapFrames: 0, sessionFrames: 0 };
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
      if (!s.end) {
        for (const gap of m.gaps) g.gapFrames += gap.frameCount;
        g.sessionFrames += m.totalFrames;
      }
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
 * The audio co-processor: the hardware package's emulator (credits, a
 * bounded queue with OVERFLOW, ACKs, BOOT on power-up), powered by the
 * badge's capture rail, capturing one 40-byte Opus-sized frame with voice
 * per `tick()` (20 ms). Its bytes for the MCU leave through `send`.
 */
export class CoprocPeer {
  readonly emulator: CoprocessorEmulator;
  private captured = 0;

  constructor(send: (bytes: Uint8Array) => void) {
    this.emulator = new CoprocessorEmulator({
      send,
      nextFrame: () => {
        const opus = new Uint8Array(40);
        for (let i = 0; i < opus.length; i++) opus[i] = (this.captured * 7 + i) & 0xff;
        this.captured++;
        return { opus, vad: true };
      },
    });
  }

  /** The capture rail's enable pin changed (the co-processor boots on power-up). */
  rail(on: boolean): void {
    if (on && !this.emulator.powered) this.emulator.powerOn();
    else if (!on && this.emulator.powered) this.emulator.powerOff();
  }

  /** Bytes the MCU wrote to the UART. */
  fromMcu(bytes: Uint8Array): void {
    this.emulator.receive(bytes);
  }

  /** One 20 ms frame time. */
  tick(): void {
    this.emulator.tick();
  }

  /** Frames the co-processor captured (sent, queued or dropped). */
  get framesCaptured(): number {
    return this.emulator.capturedFrames;
  }
}
