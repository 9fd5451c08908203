import { createContext, runInContext } from 'node:vm';
import { decodeUp, encodeDown, parseTopic, downTopic } from '@parley/proto';
import type { DecodedUp, DownKind, DownMessages } from '@parley/proto';
import { badgeBoard } from '@parley/hardware/boards';
import { binaryStringToBytes, bytesToBinaryString, fakeCrypto, fakeE, fakeStorage, VirtualTimers } from './espruino-doubles.js';
import { FrameType, LinkDecoder, LinkDirection, encodeAudio, encodeStatus, newCoprocStatus, readCredit } from '@parley/hardware/coproc-link';

/**
 * Runs the device bundle the way Espruino would: in a `vm` context stripped
 * to Espruino's globals (no Map, Set, Symbol, WeakMap, Reflect, Proxy,
 * Array.prototype.slice, ArrayBuffer.prototype.slice, Promise.race /
 * allSettled / finally …) with the device globals faked: Storage with NOR
 * semantics, E, setWatch, pins, require('MQTT'/'Wifi'/'crypto'/'Storage'),
 * the co-processor on Serial2 speaking the hardware link, and virtual time.
 * A minimal gateway answers Hello, acks chunks and finalises sessions.
 */

const STRIP = `
  delete globalThis.Map; delete globalThis.Set; delete globalThis.WeakMap; delete globalThis.WeakSet;
  delete globalThis.WeakRef; delete globalThis.FinalizationRegistry; delete globalThis.Symbol;
  delete globalThis.Proxy; delete globalThis.Reflect; delete globalThis.BigInt; delete globalThis.Intl;
  delete globalThis.SharedArrayBuffer; delete globalThis.Atomics; delete globalThis.WebAssembly;
  delete Array.prototype.slice; delete ArrayBuffer.prototype.slice;
  delete Promise.race; delete Promise.allSettled; delete Promise.any; delete Promise.prototype.finally;
`;

export interface SandboxReport {
  sessionsStarted: number;
  sessionsComplete: number;
  chunksReceived: number;
  framesReceived: number;
  framesSent: number;
  telemetry: number;
  events: number;
  hellos: number;
  errors: string[];
  log: string[];
}

export interface SandboxOptions {
  /** Seconds of recording. */
  recordSeconds: number;
}

export function runBundleInSandbox(bundle: string, opts: SandboxOptions): SandboxReport {
  const timers = new VirtualTimers();
  const log: string[] = [];
  const errors = timers.errors;
  const addTimer = (fn: () => void, ms: number, every: number): number => (every > 0 ? timers.setInterval(fn, every) : timers.setTimeout(fn, ms));
  const advance = (ms: number): void => timers.advance(ms);

  const ctx = createContext({});
  runInContext(STRIP, ctx);
  const CtxUint8Array = runInContext('Uint8Array', ctx) as Uint8ArrayConstructor;
  const strToBytes = (s: string): Uint8Array => binaryStringToBytes(s, CtxUint8Array);
  const bytesToStr = bytesToBinaryString;

  const Storage = fakeStorage(4 * 1024 * 1024);
  const identity = { deviceId: 'badge-vm-01', secret: 's', mqttHost: '127.0.0.1', mqttPort: 1883, staffId: 'staff-1', wifi: [{ ssid: 'branch', psk: 'secret' }] };
  Storage.write('id', JSON.stringify(identity));

  // ---- the gateway peer
  const gw = { hellos: 0, starts: 0, complete: 0, chunks: 0, frames: 0, telemetry: 0, events: 0 };
  const sessions: { [hex: string]: { seqs: { [q: number]: number }; end: DecodedUp<'session-end'> | null; complete: boolean } } = {};
  let client: { deliver: (topic: string, payload: string) => void } | null = null;
  const reply = <K extends DownKind>(kind: K, msg: DownMessages[K]): void => {
    const bytes = encodeDown(kind, msg);
    const topic = downTopic(identity.deviceId, kind);
    addTimer(() => client?.deliver(topic, bytesToStr(bytes)), 5, 0);
  };
  const ackFor = (hex: string, id: Uint8Array): void => {
    const s = sessions[hex];
    if (!s) return;
    let through = -1;
    while (s.seqs[through + 1] !== undefined) through++;
    if (s.end && through === s.end.totalChunks - 1 && !s.complete) {
      s.complete = true;
      gw.complete++;
    }
    reply('ack', { sessionId: id, contiguousThrough: through, missing: [], complete: s.complete });
  };
  const receive = (topic: string, payload: Uint8Array): void => {
    const t = parseTopic(topic);
    if (!t || t.direction !== 'up') throw new Error('bad topic ' + topic);
    const msg = decodeUp(t.kind as never, payload) as unknown;
    if (t.kind === 'hello') {
      gw.hellos++;
      const h = msg as DecodedUp<'hello'>;
      reply('hello-reply', {
        serverTimeMs: 1_767_225_600_000 + timers.now, wantedConfigVersion: 1,
        resume: h.backlog.map((b) => ({ sessionId: b.sessionId, receivedThrough: -1, missing: [], complete: false })),
        locked: false,
      });
      // Retained config: live uploads.
      reply('config', { version: 1, uploadPolicy: 0, telemetryIntervalS: 5, led: { statusLedEnabled: true, brightnessPercent: 50 }, haptic: { enabled: true, strengthPercent: 50 } });
    } else if (t.kind === 'session-start') {
      gw.starts++;
      const m = msg as DecodedUp<'session-start'>;
      const hex = Buffer.from(m.sessionId).toString('hex');
      sessions[hex] = sessions[hex] ?? { seqs: {}, end: null, complete: false };
    } else if (t.kind === 'chunk') {
      const m = msg as DecodedUp<'chunk'>;
      const hex = Buffer.from(m.sessionId).toString('hex');
      const s = (sessions[hex] = sessions[hex] ?? { seqs: {}, end: null, complete: false });
      if (s.seqs[m.seq] === undefined) {
        gw.chunks++;
        gw.frames += m.frames.length;
      }
      s.seqs[m.seq] = m.frames.length;
      ackFor(hex, m.sessionId);
    } else if (t.kind === 'session-end') {
      const m = msg as DecodedUp<'session-end'>;
      const hex = Buffer.from(m.sessionId).toString('hex');
      const s = (sessions[hex] = sessions[hex] ?? { seqs: {}, end: null, complete: false });
      s.end = m;
      ackFor(hex, m.sessionId);
    } else if (t.kind === 'telemetry') gw.telemetry++;
    else if (t.kind === 'event') gw.events++;
  };

  // ---- require('MQTT'), require('Wifi'), require('crypto')
  const MQTT = {
    create(_server: string, _opts: object) {
      const handlers: { [ev: string]: ((arg?: unknown) => void)[] } = {};
      const emit = (ev: string, arg?: unknown): void => {
        for (const h of handlers[ev] ?? []) h(arg);
      };
      const c = {
        connected: false,
        on(ev: string, cb: (arg?: unknown) => void) {
          (handlers[ev] = handlers[ev] ?? []).push(cb);
        },
        connect() {
          addTimer(() => {
            c.connected = true;
            emit('connected');
          }, 20, 0);
        },
        disconnect() {
          c.connected = false;
          addTimer(() => emit('disconnected'), 1, 0);
        },
        publish(topic: string, message: unknown, _o: object) {
          if (typeof message !== 'string') throw new Error('MQTT.publish: payload must be a binary string (E.toString), got ' + typeof message);
          const bytes = strToBytes(message);
          addTimer(() => receive(topic, new Uint8Array(bytes)), 5, 0);
        },
        subscribe(_topic: string, _o: object) {},
      };
      client = { deliver: (topic, payload) => c.connected && emit('publish', { topic, message: payload }) };
      return c;
    },
  };
  let wifiUp = false;
  const Wifi = {
    connect(_ssid: string, _o: object, cb: (err: unknown) => void) {
      addTimer(() => {
        wifiUp = true;
        cb(null);
      }, 30, 0);
    },
    disconnect() {
      wifiUp = false;
    },
    getDetails() {
      return { status: wifiUp ? 'connected' : 'off', rssi: -60 };
    },
  };
  const crypto = fakeCrypto(CtxUint8Array);

  // ---- the co-processor on Serial2
  let serialData: ((s: string) => void) | null = null;
  let capturing = false;
  let credits = 0;
  let audioIndex = 0;
  let framesSent = 0;
  const status = newCoprocStatus();
  const coproc = new LinkDecoder(LinkDirection.ToCoproc, (type, _f, _i, buf, off, len) => {
    if (type === FrameType.Start) {
      capturing = true;
      audioIndex = 0;
    } else if (type === FrameType.Stop) capturing = false;
    else if (type === FrameType.Credit) credits += readCredit(buf, off, len);
    else if (type === FrameType.StatusRequest) {
      status.vad = false;
      const frame = encodeStatus(1, status);
      addTimer(() => serialData?.(bytesToStr(frame)), 2, 0);
    }
  });
  addTimer(() => {
    if (!capturing || credits <= 0 || !serialData) return;
    credits--;
    const opus = new Uint8Array(40);
    for (let i = 0; i < opus.length; i++) opus[i] = (audioIndex * 7 + i) & 0xff;
    serialData(bytesToStr(encodeAudio(audioIndex & 0xffff, opus, true, false)));
    audioIndex++;
    framesSent++;
  }, 20, 20);
  const serial = {
    setup() {},
    on(_ev: string, cb: (s: string) => void) {
      serialData = cb;
    },
    write(data: string) {
      coproc.feedString(String(data));
    },
  };

  // ---- pins, watches, E
  let watch: ((e: { state: boolean; time: number }) => void) | null = null;
  const pins: { [pin: string]: number } = {};
  const globals: Record<string, unknown> = {
    console: { log: (...a: unknown[]) => log.push(a.map(String).join(' ')) },
    print: (...a: unknown[]) => log.push(a.map(String).join(' ')),
    require: (name: string) => {
      if (name === 'Storage') return Storage;
      if (name === 'MQTT') return MQTT;
      if (name === 'Wifi') return Wifi;
      if (name === 'crypto') return crypto;
      throw new Error('Module ' + name + ' not found');
    },
    E: fakeE(CtxUint8Array, () => errors.push('E.reboot() called')),
    getTime: timers.getTime,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clear,
    setInterval: timers.setInterval,
    clearInterval: timers.clear,
    setWatch: (fn: (e: { state: boolean; time: number }) => void) => {
      watch = fn;
      return 1;
    },
    clearWatch: () => {
      watch = null;
    },
    digitalWrite: (pin: string, v: number) => {
      pins[pin] = v;
    },
    digitalRead: (pin: string) => pins[pin] ?? 1,
    analogWrite: (pin: string, v: number) => {
      pins[pin] = v;
    },
    analogRead: () => 0.5,
    Serial2: serial,
  };
  for (const k of Object.keys(globals)) (ctx as Record<string, unknown>)[k] = globals[k];
  runInContext('globalThis.global = globalThis;', ctx);

  runInContext(bundle, ctx, { filename: 'badge.js' });
  advance(3000);
  const press = (): void => {
    const low = badgeBoard.pinSpecs.button.activeLow;
    watch?.({ state: !low, time: timers.getTime() });
    advance(100);
    watch?.({ state: low, time: timers.getTime() });
    advance(600);
  };
  press();
  advance(opts.recordSeconds * 1000);
  press();
  advance(15000);

  return {
    sessionsStarted: gw.starts,
    sessionsComplete: gw.complete,
    chunksReceived: gw.chunks,
    framesReceived: gw.frames,
    framesSent,
    telemetry: gw.telemetry,
    events: gw.events,
    hellos: gw.hellos,
    errors,
    log,
  };
}
