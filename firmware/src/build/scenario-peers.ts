import { createHash } from 'node:crypto';
import { chunkFrames, decodeUp, encodeDown, parseTopic, downTopic, pb } from '@parley/proto';
import type { DecodedUp, DownKind, DownMessages } from '@parley/proto';
import { CoprocessorEmulator } from '@parley/hardware/coproc-emulator';

/**
 * The two peers of the device-bundle scenario, shared by the vm sandbox and
 * the run on the real Espruino interpreter: a minimal gateway that answers
 * Hello, acks chunks, finalises sessions, sends commands, a config update
 * and firmware chunks, and the audio co-processor (the hardware package's
 * emulator) on the capture rail. Both speak bytes; the caller carries them.
 *
 * The scenario is the badge's realistic worst case for memory: boot, press,
 * record while uploading and sending telemetry, and during the recording
 * the steps of SCENARIO_STEPS (a LOCATE command, a config update, a firmware
 * download left in progress, a broker disconnect and reconnect); then
 * press again and drain. `scenarioProblems` says what the badge failed to do.
 */

/** What happens while recording, in seconds after the first press. */
export type ScenarioAction = 'locate' | 'config' | 'firmware' | 'reconnect';
export const SCENARIO_STEPS: readonly { atS: number; action: ScenarioAction }[] = [
  { atS: 1.5, action: 'locate' },
  { atS: 2.5, action: 'config' },
  { atS: 3.5, action: 'firmware' },
  { atS: 6, action: 'reconnect' },
];

/**
 * The firmware image the scenario offers, in the gateway's chunk size (4 KiB); the badge asks for
 * at most 1 KiB at a time (core/ota.ts), so the peer answers that. More than it serves.
 */
const FIRMWARE_SIZE = 32768;
const FIRMWARE_CHUNK = 4096;
const BADGE_REQUEST = 1024;
/** FirmwareRequests the peer answers (the rest stay unanswered: a download in progress). */
const FIRMWARE_CHUNKS_SERVED = 4;
const LOCATE_ID = 'cmd-locate';
const FIRMWARE_ID = 'cmd-firmware';

/** What the gateway peer saw. */
export interface GatewayTally {
  hellos: number;
  /** Sessions started (a SessionStart is repeated on every connection). */
  starts: number;
  complete: number;
  chunks: number;
  /** Chunk publishes that named their session by its per-connection alias (the compact form). */
  compactChunks: number;
  frames: number;
  telemetry: number;
  events: number;
  /** Sum of dropped frames over the gaps the SessionEnds reported. */
  gapFrames: number;
  /** Frames the SessionEnds counted (total_frames, dropped ones included). */
  sessionFrames: number;
  /** CommandResult statuses per command id, in arrival order. */
  results: { [commandId: string]: number[] };
  /** Highest `progress` a firmware CommandResult reported. */
  firmwareProgress: number;
  firmwareRequests: number;
  /** Distinct firmware ranges served. */
  firmwareChunks: number;
  /** Config versions the badge reported applied (CONFIG_APPLIED events). */
  configsApplied: number[];
}

interface PeerSession {
  started: boolean;
  seqs: { [seq: number]: number };
  end: DecodedUp<'session-end'> | null;
  complete: boolean;
}

/** The epoch the peer's HelloReply reports as its time at `nowMs() === 0`. */
const SERVER_EPOCH_MS = 1_767_225_600_000;

export class GatewayPeer {
  readonly tally: GatewayTally = {
    hellos: 0, starts: 0, complete: 0, chunks: 0, compactChunks: 0, frames: 0, telemetry: 0, events: 0, gapFrames: 0, sessionFrames: 0,
    results: {}, firmwareProgress: 0, firmwareRequests: 0, firmwareChunks: 0, configsApplied: [],
  };
  private readonly sessions: { [hex: string]: PeerSession } = {};
  /** Session ids by alias on the current connection (Hello inventory and SessionStart). */
  private aliases: { [alias: number]: Uint8Array } = {};
  private readonly image: Uint8Array;
  private configVersion = 1;
  /** Offsets of the firmware ranges served. */
  private readonly served: number[] = [];
  private readonly deviceId: string;
  private readonly send: (topic: string, payload: Uint8Array) => void;
  private readonly nowMs: () => number;

  /** `send` delivers a down message to the badge (the caller may delay it). */
  constructor(deviceId: string, send: (topic: string, payload: Uint8Array) => void, nowMs: () => number) {
    this.deviceId = deviceId;
    this.send = send;
    this.nowMs = nowMs;
    this.image = new Uint8Array(FIRMWARE_SIZE);
    for (let i = 0; i < this.image.length; i++) this.image[i] = (i * 31 + 7) & 0xff;
  }

  /** One step of the scenario (SCENARIO_STEPS); 'reconnect' is the caller's (it owns the broker connection). */
  act(action: Exclude<ScenarioAction, 'reconnect'>): void {
    const now = SERVER_EPOCH_MS + this.nowMs();
    if (action === 'locate') {
      this.reply('command', { id: LOCATE_ID, kind: pb.CommandKind.COMMAND_KIND_LOCATE, issuedAtMs: now, expiresAtMs: now + 60_000 });
    } else if (action === 'config') {
      this.configVersion++;
      this.sendConfig();
    } else {
      this.reply('command', {
        id: FIRMWARE_ID, kind: pb.CommandKind.COMMAND_KIND_FIRMWARE_UPDATE, issuedAtMs: now, expiresAtMs: 0,
        firmware: { releaseId: 'rel-2', version: '0.2.0', size: FIRMWARE_SIZE, sha256: createHash('sha256').update(this.image).digest(), chunkSize: FIRMWARE_CHUNK },
      });
    }
  }

  private sendConfig(): void {
    // Live uploads, telemetry every 5 s (4 s from version 2 on).
    this.reply('config', {
      version: this.configVersion, uploadPolicy: 0, telemetryIntervalS: this.configVersion > 1 ? 4 : 5,
      led: { statusLedEnabled: true, brightnessPercent: 50 + this.configVersion }, haptic: { enabled: true, strengthPercent: 50 },
    });
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
      // A new connection: the aliases of the last one are gone, the inventory names this one's.
      this.aliases = {};
      for (const b of h.backlog) if (b.sessionAlias) this.aliases[b.sessionAlias] = b.sessionId;
      this.reply('hello-reply', {
        serverTimeMs: SERVER_EPOCH_MS + this.nowMs(), wantedConfigVersion: this.configVersion,
        resume: h.backlog.map((b) => {
          const s = this.sessions[Buffer.from(b.sessionId).toString('hex')];
          return { sessionId: b.sessionId, receivedThrough: s ? this.through(s) : -1, missing: [], complete: s ? s.complete : false };
        }),
        locked: false,
        // Like the gateway: the badge sends chunks in the compact form (session aliases, Rice-coded frame sizes).
        capabilities: pb.Capability.CAPABILITY_PACKED_FRAMES | pb.Capability.CAPABILITY_COMPACT_CHUNKS,
      });
      // The retained config, as the broker delivers it on every subscribe.
      this.sendConfig();
    } else if (t.kind === 'session-start') {
      // Sent again on every connection: counted once per session.
      const m = msg as DecodedUp<'session-start'>;
      if (m.sessionAlias) this.aliases[m.sessionAlias] = m.sessionId;
      const s = this.session(m.sessionId);
      if (!s.started) g.starts++;
      s.started = true;
    } else if (t.kind === 'chunk') {
      const m = msg as DecodedUp<'chunk'>;
      const id = m.sessionId.length > 0 ? m.sessionId : this.aliases[m.sessionAlias];
      if (!id) throw new Error('chunk with unknown session alias ' + m.sessionAlias);
      g.compactChunks += m.sessionId.length > 0 ? 0 : 1;
      const s = this.session(id);
      const frames = chunkFrames(m).length;
      if (s.seqs[m.seq] === undefined) {
        g.chunks++;
        g.frames += frames;
      }
      s.seqs[m.seq] = frames;
      this.ack(id);
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
    else if (t.kind === 'event') {
      g.events++;
      const e = msg as DecodedUp<'event'>;
      if (e.kind === pb.EventKind.EVENT_KIND_CONFIG_APPLIED) g.configsApplied.push(e.value);
    } else if (t.kind === 'command-result') {
      const r = msg as DecodedUp<'command-result'>;
      (g.results[r.commandId] = g.results[r.commandId] ?? []).push(r.status);
      if (r.commandId === FIRMWARE_ID && r.progress > g.firmwareProgress) g.firmwareProgress = r.progress;
    } else if (t.kind === 'firmware-request') {
      g.firmwareRequests++;
      const r = msg as DecodedUp<'firmware-request'>;
      // The first FIRMWARE_CHUNKS_SERVED distinct ranges are served (again when asked again,
      // e.g. after the reconnect); later ones never are, so the download stays in progress.
      const seen = this.served.indexOf(r.offset) >= 0;
      if ((seen || this.served.length < FIRMWARE_CHUNKS_SERVED) && r.offset < FIRMWARE_SIZE) {
        if (!seen) this.served.push(r.offset);
        g.firmwareChunks = this.served.length;
        const data = this.image.subarray(r.offset, Math.min(FIRMWARE_SIZE, r.offset + Math.min(r.length, FIRMWARE_CHUNK)));
        this.reply('firmware', { releaseId: r.releaseId, offset: r.offset, data: data, totalSize: FIRMWARE_SIZE });
      }
    }
  }

  private session(id: Uint8Array): PeerSession {
    const hex = Buffer.from(id).toString('hex');
    return (this.sessions[hex] = this.sessions[hex] ?? { started: false, seqs: {}, end: null, complete: false });
  }

  private through(s: PeerSession): number {
    let through = -1;
    while (s.seqs[through + 1] !== undefined) through++;
    return through;
  }

  private ack(id: Uint8Array): void {
    const s = this.session(id);
    const through = this.through(s);
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
 * What the badge failed to do in the scenario (empty: everything): every
 * frame delivered or counted lost, the session complete, telemetry, the
 * LOCATE answered OK, the config update applied, the firmware download
 * answered IN_PROGRESS and advanced by every chunk served, and a second
 * Hello after the reconnect.
 */
export function scenarioProblems(g: GatewayTally): string[] {
  const out: string[] = [];
  if (g.starts !== 1 || g.complete !== 1) out.push(`sessions ${g.starts} started / ${g.complete} complete (want 1 / 1)`);
  if (g.frames + g.gapFrames !== g.sessionFrames) out.push(`${g.sessionFrames} frames recorded, ${g.frames} delivered + ${g.gapFrames} counted lost`);
  if (g.telemetry === 0) out.push('no telemetry');
  if (g.compactChunks === 0) out.push('no chunk in the compact form (the peer announces CAPABILITY_COMPACT_CHUNKS)');
  if (g.hellos < 2) out.push(`${g.hellos} Hello (want 2: boot and the reconnect)`);
  const locate = g.results[LOCATE_ID] ?? [];
  if (locate.length !== 1 || locate[0] !== pb.CommandStatus.COMMAND_STATUS_OK) out.push(`LOCATE answered ${JSON.stringify(locate)} (want one OK)`);
  if (g.configsApplied.indexOf(2) < 0) out.push(`config 2 not applied (applied: ${JSON.stringify(g.configsApplied)})`);
  const fw = g.results[FIRMWARE_ID] ?? [];
  if (fw.length === 0 || fw.some((s) => s !== pb.CommandStatus.COMMAND_STATUS_IN_PROGRESS)) out.push(`firmware update answered ${JSON.stringify(fw)} (want IN_PROGRESS only)`);
  if (g.firmwareChunks !== FIRMWARE_CHUNKS_SERVED || g.firmwareProgress !== FIRMWARE_CHUNKS_SERVED * BADGE_REQUEST) {
    out.push(`firmware: ${g.firmwareChunks} chunks served, progress ${g.firmwareProgress} (want ${FIRMWARE_CHUNKS_SERVED} and ${FIRMWARE_CHUNKS_SERVED * BADGE_REQUEST})`);
  }
  return out;
}

/** One line: what the scenario exercised. */
export function scenarioSummary(g: GatewayTally): string {
  return `${g.sessionFrames} frames recorded, ${g.frames} delivered in ${g.chunks} chunks, ${g.gapFrames} lost (counted), ` +
    `sessions ${g.starts} started / ${g.complete} complete, ${g.telemetry} telemetry, ${g.events} events, ${g.hellos} Hello, ` +
    `${Object.keys(g.results).length} commands answered, config ${g.configsApplied.join('/')} applied, firmware ${g.firmwareProgress}/${FIRMWARE_SIZE} bytes`;
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
