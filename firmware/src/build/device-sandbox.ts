import { createContext, runInContext } from 'node:vm';
import { badgeBoard } from '@parley/hardware/boards';
import { binaryStringToBytes, bytesToBinaryString, fakeCrypto, fakeE, fakeSpiNor, fakeStorage, VirtualTimers } from './espruino-doubles.js';
import { CoprocPeer, GatewayPeer, SCENARIO_STEPS } from './scenario-peers.js';
import type { GatewayTally } from './scenario-peers.js';
import { STRIP_TO_ESPRUINO } from '@parley/hardware/espruino-subset';

/**
 * Runs the device bundle the way Espruino would: in a `vm` context stripped
 * to Espruino's globals (the subset gate's STRIP_TO_ESPRUINO: no Map, Set,
 * Symbol, WeakMap, Reflect, Proxy, Array.prototype.slice,
 * ArrayBuffer.prototype.slice, typed-array copyWithin, Promise.race /
 * allSettled / finally …) with the device globals faked: Storage with NOR
 * semantics, E, setWatch, pins, require('MQTT'/'Wifi'/'crypto'/'Storage'),
 * the co-processor on Serial2 speaking the hardware link, and virtual time.
 * A minimal gateway answers Hello, acks chunks, finalises sessions and, while
 * the badge records, runs the scenario's steps (SCENARIO_STEPS: a command, a
 * config update, a firmware download in progress, a broker disconnect).
 */


export interface SandboxReport {
  sessionsStarted: number;
  sessionsComplete: number;
  chunksReceived: number;
  framesReceived: number;
  /** Frames the co-processor captured (some after STOP, which the badge ignores). */
  framesCaptured: number;
  /** Frames the SessionEnd counted (total_frames). */
  sessionFrames: number;
  /** Frames the SessionEnd reported lost (gaps). */
  gapFrames: number;
  telemetry: number;
  events: number;
  hellos: number;
  /** Everything the gateway peer saw (scenarioProblems checks it). */
  gateway: GatewayTally;
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
  runInContext(STRIP_TO_ESPRUINO, ctx);
  const CtxUint8Array = runInContext('Uint8Array', ctx) as Uint8ArrayConstructor;
  const strToBytes = (s: string): Uint8Array => binaryStringToBytes(s, CtxUint8Array);
  const bytesToStr = bytesToBinaryString;

  const Storage = fakeStorage(4 * 1024 * 1024);
  // The spool on the SPI NOR chip double (SPI2), as on a badge provisioned with spoolChip.
  const identity = {
    deviceId: 'badge-vm-01', secret: 's', mqttHost: '127.0.0.1', mqttPort: 1883, staffId: 'staff-1', wifi: [{ ssid: 'branch', psk: 'secret' }],
    spoolChip: { segmentBytes: 16384, segments: 16 },
  };
  const spoolChip = fakeSpiNor(badgeBoard.storage.spoolFlashBytes / 64);
  Storage.write('id', JSON.stringify(identity));

  // ---- the gateway peer
  let client: { deliver: (topic: string, payload: string) => void; drop: () => void } | null = null;
  const gateway = new GatewayPeer(identity.deviceId, (topic, bytes) => {
    addTimer(() => client?.deliver(topic, bytesToStr(bytes)), 5, 0);
  }, () => timers.now);
  const receive = (topic: string, payload: Uint8Array): void => gateway.receive(topic, payload);
  const dropConnection = (): void => client?.drop();
  const gw = gateway.tally;

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
      client = {
        deliver: (topic, payload) => c.connected && emit('publish', { topic, message: payload }),
        // The broker drops the connection (the client learns it as Espruino's MQTT does: 'disconnected').
        drop: () => {
          if (!c.connected) return;
          c.connected = false;
          emit('disconnected');
        },
      };
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
  const coproc = new CoprocPeer((bytes) => {
    const data = bytesToStr(bytes);
    addTimer(() => serialData?.(data), 2, 0);
  });
  addTimer(() => coproc.tick(), 20, 20);
  const serial = {
    setup() {},
    on(_ev: string, cb: (s: string) => void) {
      serialData = cb;
    },
    write(data: string) {
      coproc.fromMcu(strToBytes(String(data)));
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
      if (pin === badgeBoard.pins.captureRailEnable) coproc.rail((v === 1) === badgeBoard.captureRail.activeHigh);
    },
    digitalRead: (pin: string) => pins[pin] ?? 1,
    analogWrite: (pin: string, v: number) => {
      pins[pin] = v;
    },
    analogRead: () => 0.5,
    Serial2: serial,
    SPI2: spoolChip,
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
  let at = 0;
  for (const step of SCENARIO_STEPS) {
    if (step.atS > opts.recordSeconds) break;
    advance(step.atS * 1000 - at);
    at = step.atS * 1000;
    if (step.action === 'reconnect') dropConnection();
    else gateway.act(step.action);
  }
  advance(opts.recordSeconds * 1000 - at);
  press();
  advance(15000);

  if (spoolChip.programs === 0) errors.push('the spool never programmed the SPI NOR chip');
  return {
    sessionsStarted: gw.starts,
    sessionsComplete: gw.complete,
    chunksReceived: gw.chunks,
    framesReceived: gw.frames,
    framesCaptured: coproc.framesCaptured,
    sessionFrames: gw.sessionFrames,
    gapFrames: gw.gapFrames,
    telemetry: gw.telemetry,
    events: gw.events,
    hellos: gw.hellos,
    gateway: gw,
    errors,
    log,
  };
}
