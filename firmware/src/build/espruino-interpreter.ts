/**
 * Runs the device bundle on Espruino's own interpreter (a Linux build of
 * 2v29, `PARLEY_ESPRUINO_BIN`), the way a badge runs it: the bundle stored as
 * `.bootcde` in the interpreter's Storage (executed from flash), a `.boot0`
 * prelude standing in for what a Linux host lacks, and the scenario of the
 * vm sandbox (boot, press, record with the steps of SCENARIO_STEPS — a
 * command, a config update, a firmware download in progress, a broker
 * disconnect and reconnect —, press, drain) in real time.
 *
 * - The co-processor link is a real UART: the provisioning file's
 *   `uartPath` (Serial.setup's Linux-only `path`) is a pty (socat), so the bundle's own `Serial2.setup` / `on('data')` / `write` run
 *   and the bytes arrive in whatever pieces the interpreter reads them.
 * - `require("MQTT")` and `require("Wifi")` are modules the prelude adds:
 *   publishes go out on the console as base64 lines, down messages come in
 *   as files (base64) named through the REPL (echo off), both carried to the
 *   shared scenario peers.
 * - The button is the prelude's `setWatch`, pressed from the REPL; pins are
 *   no-ops (a Linux host has no GPIO) except the capture rail's enable,
 *   which powers the co-processor emulator.
 * - `process.memory()` (which collects garbage first) is sampled every
 *   250 ms; the prelude's own use is sampled before the bundle starts.
 *
 * The interpreter and socat are child processes of this run and are ended
 * by it. Nothing is downloaded.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badgeBoard } from '@parley/hardware/boards';
import { CoprocPeer, GatewayPeer, SCENARIO_STEPS } from './scenario-peers.js';
import type { GatewayTally } from './scenario-peers.js';
import { createDeviceCodec } from '../app/device-codec.js';

export interface InterpreterRunOptions {
  /** The Espruino Linux binary (2v29). */
  bin: string;
  /** The bundle to store as `.bootcde`. */
  bundle: string;
  /** Seconds of recording between the two presses. */
  recordSeconds: number;
  /** Seconds after the second press to let the upload drain (default 12). */
  drainSeconds?: number;
  /**
   * The spool on the board's SPI NOR chip (the provisioning file's
   * `spoolChip`) instead of Storage: the prelude puts a W25Q model on a global the provisioning file names (`__pSpi`)
   * (4-byte-address READ, PAGE PROGRAM, SECTOR ERASE, WREN, RDSR; programs
   * only clear bits and wrap in their page), the whole chip, sparse: only
   * sectors programmed since their last erase are held in RAM, and their
   * variables are subtracted from every sample (`chipModelVars`).
   */
  spoolChip?: { segmentBytes: number; segments: number };
  /**
   * After the scenario: the broker kept away and the spool filled with this
   * many sessions (one small chunk, a START and an END each; fewer when the
   * spool refuses more), then sampled for 2 s: the memory of a badge holding
   * a shift's backlog of sessions. 0 or unset: not done.
   */
  backlogSessions?: number;
}

export interface LinkCounters {
  frames: number;
  crcErrors: number;
  headerErrors: number;
  overruns: number;
  resyncs: number;
  discardedBytes: number;
}

export interface InterpreterRunReport {
  /** Variables the prelude uses before the bundle starts. */
  preludeVars: number;
  /** Most variables the chip model's sectors held at a sample (excluded from the figures). */
  chipModelVars: number;
  /** Total variables after boot (connected, Hello answered, before recording). */
  bootVars: number;
  /** Highest total while recording, uploading, sending telemetry, answering commands, downloading firmware and reconnecting. */
  peakVars: number;
  /**
   * Total variables at the end, the session drained (what stays held after
   * the commands, the config and the download: what is not released).
   */
  settledVars: number;
  /** Sessions the spool held after the backlog fill, parked ones included (0 when not done). */
  backlogHeld: number;
  /** Of those, the sessions parked in flash beyond the table. */
  backlogParked: number;
  /** Highest total while holding that backlog (0 when not done). */
  backlogVars: number;
  /**
   * Highest total from reconnecting with that backlog (Hello with its inventory, the HelloReply's resume points)
   * through draining it, sampled also at every publish (0 when not done).
   */
  backlogDrainVars: number;
  /**
   * Highest total while the spool is reopened with that backlog, as a boot replays it (sampled at every chip read),
   * and what the reopen found: sessions in the table, parked, segments pinned (0 when not done).
   */
  backlogReopenVars: number;
  backlogReopen: { sessions: number; parked: number; pinnedSegments: number };
  /** Sessions of the backlog the gateway completed in the drain. */
  backlogDrained: number;
  /** The interpreter's variable budget (`process.memory().total`). */
  totalVars: number;
  /**
   * CPU seconds the interpreter used per second of recording (user + system,
   * from /proc): below 1 it keeps up with 50 frames/s on a free core; on a
   * loaded machine it gets less than that and the co-processor waits for credits.
   */
  cpuPerAudioSecond: number;
  /** Frames the co-processor captured (sent, queued or dropped). */
  framesCaptured: number;
  /** The badge's link decoder counters at the end (null if it could not be read). */
  link: LinkCounters | null;
  gateway: GatewayTally;
  /** Uncaught errors the interpreter printed. */
  errors: string[];
  /** The interpreter's console, for diagnosis. */
  console: string;
}

/** The `.boot0` prelude (runs before `.bootcde`); written in the Espruino subset. */
/**
 * The prelude's W25Q model on `__pSpi` (Espruino subset), sparse: only the
 * 4 KiB sectors programmed since their last erase are held (a Uint8Array
 * each, in `NOR.s` by sector number), so the whole 128 MiB chip is modelled.
 * `NOR.n` counts the sectors held: they are the model's memory, not the
 * firmware's, and are subtracted from the samples (`NOR.per` variables each,
 * the array and its entry in `NOR.s`, measured in the prelude).
 */
function spiNorModel(): string {
  return `
var NOR = { s: {}, n: 0, wel: false, per: 0, watch: 0 };
(function () { var u0 = process.memory().usage; NOR.s[1] = new Uint8Array(4096); NOR.per = process.memory().usage - u0; delete NOR.s[1]; })();
global.__pSpi = { setup: function () {}, send: function (d, cs) {
  var out = new Uint8Array(d.length), c = d[0], i, n, at, buf, pos;
  var a = ((d[1] << 24) | (d[2] << 16) | (d[3] << 8) | d[4]) >>> 0;
  if (c === 5) { for (i = 1; i < d.length; i++) out[i] = NOR.wel ? 2 : 0; }
  else if (c === 6) NOR.wel = true;
  else if (c === 0x13) {
    // While a reopen is watched: the firmware's variables (the model's sectors excluded) at every read, the highest kept.
    if (NOR.watch) { i = process.memory().usage - NOR.n * NOR.per; if (i > NOR.watch) NOR.watch = i; }
    pos = 5;
    while (pos < d.length) {
      at = a & 4095; n = Math.min(4096 - at, d.length - pos); buf = NOR.s[a >>> 12];
      if (buf) out.set(buf.subarray(at, at + n), pos); else out.fill(255, pos, pos + n);
      pos += n; a += n;
    }
  } else if (c === 0x12 && NOR.wel) {
    buf = NOR.s[a >>> 12];
    if (!buf) { buf = new Uint8Array(4096); buf.fill(255); NOR.s[a >>> 12] = buf; NOR.n++; }
    var pg = (a & 4095) - (a % 256);
    for (i = 5; i < d.length; i++) { at = pg + (((a % 256) + i - 5) % 256); buf[at] = buf[at] & d[i]; }
    NOR.wel = false;
  } else if (c === 0x21 && NOR.wel) { if (NOR.s[a >>> 12]) { delete NOR.s[a >>> 12]; NOR.n--; } NOR.wel = false; }
  return out;
} };
`;
}

/**
 * The backlog fill's records, as the recorder writes them (SessionStart, one packed AudioChunk of one 40-byte frame,
 * SessionEnd of one chunk), for session id 0; `__pFill` writes each session's id over bytes 2..17 (field 1, the
 * session id, comes first in all three). Base64 for the prelude.
 */
function backlogTemplates(): { start: string; chunk: string; end: string } {
  const codec = createDeviceCodec();
  const id = new Uint8Array(16);
  const frame = new Uint8Array(40).fill(7);
  const start = codec.encode('session-start', {
    sessionId: id, staffId: '', startTimeMs: 1000, clockSynced: false, monotonicMs: 1000,
    codec: { codec: 0, sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 }, trigger: 0, bootCount: 1,
  });
  const chunk = codec.encode('chunk', {
    sessionId: id, seq: 0, firstFrame: 0, frameData: frame, frameSizes: new Uint8Array([40]), captureTimeMs: 1000,
    clockSynced: false, crc32: codec.crc32(frame, 0), backlog: false,
  });
  const end = codec.encode('session-end', {
    sessionId: id, reason: 0, endTimeMs: 1020, clockSynced: false, totalFrames: 1, totalBytes: 40, totalChunks: 1,
    digest: codec.crc32(frame, 0), droppedFrames: 0, gaps: [], timeCorrected: false, clockOffsetMs: 0,
  });
  for (const t of [start, chunk, end]) if (t[0] !== 0x0a || t[1] !== 16) throw new Error('backlog template: the session id is not first');
  const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
  return { start: b64(start), chunk: b64(chunk), end: b64(end) };
}

function prelude(railPin: string, chip: boolean): string {
  const t = backlogTemplates();
  return (chip ? spiNorModel() : 'var NOR = { n: 0, per: 0 };') + `
var P = { h: {}, btn: null, wifi: false, down: false };
global.__pC = function () {
  var c = { connected: false,
    on: function (ev, cb) { P.h[ev] = cb; },
    connect: function () { if (!P.down) setTimeout(function () { c.connected = true; if (P.h.connected) P.h.connected(); }, 10); },
    disconnect: function () { c.connected = false; setTimeout(function () { if (P.h.disconnected) P.h.disconnected(); }, 1); },
    subscribe: function () {},
    publish: function (topic, msg) {
      if (typeof msg !== "string") print("@@E publish payload is " + typeof msg);
      else print("@@P " + topic + " " + btoa(msg));
      // While the backlog drains: a sample at every publish too (the Hello, the chunks sent inside the HelloReply's handling).
      if (P.sample) print("@@M " + process.memory().usage + " " + NOR.n * NOR.per);
    } };
  P.c = c;
  return c;
};
Modules.addCached("MQTT", "exports.create = global.__pC;");
global.__pW = { connect: function (s, o, cb) { setTimeout(function () { P.wifi = true; cb(null); }, 30); },
  disconnect: function () { P.wifi = false; },
  getDetails: function () { return { status: P.wifi ? "connected" : "off", rssi: -60 }; } };
Modules.addCached("Wifi", "exports.connect = global.__pW.connect; exports.disconnect = global.__pW.disconnect; exports.getDetails = global.__pW.getDetails;");
global.__pX = function () { if (P.c && P.c.connected) { P.c.connected = false; if (P.h.disconnected) P.h.disconnected(); } };
global.__pDown = function () { P.down = true; __pX(); };
global.__pUp = function () { P.down = false; P.sample = true; if (P.c) P.c.connect(); };
global.__pFill = function (n) {
  var sp = __parleyBadge.spool, i, id, s, made = 0, st, ch, en;
  for (i = 0; i < n && !sp.isFullFor(40); i++) {
    id = new Uint8Array(16); id[0] = 0xb0; id[1] = i & 255; id[2] = i >> 8; id[15] = 0x5a;
    st = E.toUint8Array(atob(${JSON.stringify(t.start)})); st.set(id, 2);
    ch = E.toUint8Array(atob(${JSON.stringify(t.chunk)})); ch.set(id, 2);
    en = E.toUint8Array(atob(${JSON.stringify(t.end)})); en.set(id, 2);
    s = sp.beginSession(id, st);
    sp.appendChunk(s, 0, 1, 40, 0, ch);
    sp.endSession(s, en);
    made++;
  }
  print("@@F " + made + " " + sp.sessionCount() + " " + sp.parkedCount());
};
// The spool reopened as a boot does (the replay of every segment, the table grown, the overflow parked), its peak
// sampled at every chip read.
global.__pReopen = function () {
  NOR.watch = 1;
  var r = __parleyBadge.spool.open(), pk = NOR.watch;
  NOR.watch = 0;
  print("@@O " + pk + " " + r.sessions + " " + r.parkedSessions + " " + r.pinnedSegments);
};
global.__pD = function (topic, file) {
  var b64 = require("fs").readFileSync(file);
  if (P.c && P.c.connected && P.h.publish) P.h.publish({ topic: topic, message: atob(b64) });
};
global.__pB = function (state) { if (P.btn) P.btn({ state: state === 1, time: getTime() }); };
global.setWatch = function (fn) { P.btn = fn; return 1; };
global.clearWatch = function () { P.btn = null; };
global.digitalWrite = function (pin, v) { if (pin === ${JSON.stringify(railPin)}) print("@@R " + v); };
global.digitalRead = function () { return 1; };
global.analogWrite = function () {};
global.analogRead = function () { return 0.5; };
print("@@M0 " + process.memory().usage + " " + process.memory().total + " " + NOR.n * NOR.per);
setInterval(function () { print("@@M " + process.memory().usage + " " + NOR.n * NOR.per); }, 250);
`;
}

/** Stores the bundle, the prelude and the provisioning file in the interpreter's flash. */
function storeScript(): string {
  return `
var S = require("Storage");
S.eraseAll();
var fs = require("fs");
var total = fs.statSync("bundle.js").size;
var f = E.openFile("bundle.js", "r");
var off = 0;
while (off < total) {
  var piece = f.read(512);
  if (!piece) break;
  if (off === 0) S.write(".bootcde", piece, 0, total); else S.write(".bootcde", piece, off);
  off += piece.length;
}
f.close();
S.write(".boot0", fs.readFileSync("prelude.js"));
S.write("id", fs.readFileSync("id.json"));
print("@@STORED " + off + " " + total);
`;
}

function runToEnd(bin: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('latin1')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

/** CPU time (user + system) of a process, from /proc/<pid>/stat; 0 where /proc is missing. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 (utime, stime) in clock ticks; after the command they are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Bytes of REPL input written at a time, and the pause between pieces. */
const REPL_PIECE = 64;
const REPL_PIECE_MS = 3;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
}

function stop(child: ChildProcess | null): void {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function runBundleOnInterpreter(opts: InterpreterRunOptions): Promise<InterpreterRunReport> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-espruino-'));
  const identity = {
    deviceId: 'badge-esp-01', secret: 's', mqttHost: '127.0.0.1', mqttPort: 1883, staffId: 'staff-1', wifi: [{ ssid: 'branch', psk: 'secret' }], uartPath: '',
    // Linux Espruino's SPI2 is a device file and cannot be replaced: the chip model is __pSpi.
    ...(opts.spoolChip ? { spoolChip: { segmentBytes: opts.spoolChip.segmentBytes, segments: opts.spoolChip.segments, spi: '__pSpi' } } : {}),
  };
  const uart = join(dir, 'uart');
  identity.uartPath = uart;
  let socat: ChildProcess | null = null;
  let esp: ChildProcess | null = null;
  const timers: NodeJS.Timeout[] = [];
  try {
    writeFileSync(join(dir, 'bundle.js'), opts.bundle, 'latin1');
    writeFileSync(join(dir, 'prelude.js'), prelude(badgeBoard.pins.captureRailEnable, opts.spoolChip !== undefined));
    writeFileSync(join(dir, 'id.json'), JSON.stringify(identity));
    writeFileSync(join(dir, 'store.js'), storeScript());
    const stored = await runToEnd(opts.bin, ['store.js'], dir, 60_000);
    if (!/@@STORED (\d+) \1/.test(stored)) throw new Error('could not store the bundle in the interpreter flash:\n' + stored.slice(-2000));

    // The co-processor's end of the UART: socat's stdio, the interpreter opens the pty.
    const co = spawn('socat', ['-', `pty,raw,echo=0,link=${uart}`], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
    socat = co;
    if (!(await waitFor(() => existsSync(uart), 5000))) throw new Error('socat did not create the pty');
    const coproc = new CoprocPeer((bytes) => co.stdin.write(bytes));
    co.stdout.on('data', (d: Buffer) => coproc.fromMcu(new Uint8Array(d)));

    const started = Date.now();
    const child = spawn(opts.bin, [], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    esp = child;
    // The REPL is fed short lines in small paced pieces: the Linux port's input thread pushes stdin
    // into the IO event ring the main loop pops, without a lock, and long lines (a base64 firmware
    // chunk) while the co-processor streams corrupted it (ASSERT(len <= 64) in jsdevices.c).
    let replQueue = '';
    const replPump = setInterval(() => {
      if (replQueue.length === 0) return;
      child.stdin.write(replQueue.slice(0, REPL_PIECE));
      replQueue = replQueue.slice(REPL_PIECE);
    }, REPL_PIECE_MS);
    timers.push(replPump);
    const repl = (code: string): void => {
      replQueue += '\x10' + code + '\n';
    };
    let downCount = 0;
    const gateway = new GatewayPeer(identity.deviceId, (topic, payload) => {
      // The payload goes through a file (base64), the REPL line stays short.
      const file = 'down' + ++downCount + '.b64';
      writeFileSync(join(dir, file), Buffer.from(payload).toString('base64'));
      timers.push(setTimeout(() => repl(`__pD(${JSON.stringify(topic)},"${file}")`), 5));
    }, () => Date.now() - started);

    let preludeVars = -1;
    let chipModelVars = 0;
    let fillReport = '';
    let reopenReport = '';
    let totalVars = 0;
    let current = 0;
    let peak = 0;
    const errors: string[] = [];
    let consoleText = '';
    let link: LinkCounters | null = null;
    let pending = '';
    const line = (l: string): void => {
      const at = l.indexOf('@@');
      if (at < 0) {
        if (/Uncaught|Error/.test(l)) errors.push(l.trim());
        return;
      }
      const parts = l.slice(at).trim().split(' ');
      if (parts[0] === '@@M0') {
        preludeVars = Number(parts[1]) - Number(parts[3]);
        totalVars = Number(parts[2]);
      } else if (parts[0] === '@@M') {
        // The chip model's sectors are not the firmware's.
        current = Number(parts[1]) - Number(parts[2]);
        chipModelVars = Math.max(chipModelVars, Number(parts[2]));
        if (current > peak) peak = current;
      } else if (parts[0] === '@@P') {
        try {
          gateway.receive(parts[1] ?? '', new Uint8Array(Buffer.from(parts[2] ?? '', 'base64')));
        } catch (err) {
          errors.push('gateway refused ' + (parts[1] ?? '') + ': ' + (err as Error).message);
        }
      } else if (parts[0] === '@@R') coproc.rail((parts[1] === '1') === badgeBoard.captureRail.activeHigh);
      else if (parts[0] === '@@F') fillReport = l.slice(at + 4).trim();
      else if (parts[0] === '@@O') reopenReport = l.slice(at + 4).trim();
      else if (parts[0] === '@@L') link = JSON.parse(l.slice(at + 4)) as LinkCounters;
      else if (parts[0] === '@@E') errors.push(l.slice(at));
    };
    const onData = (d: Buffer): void => {
      const s = d.toString('latin1');
      consoleText += s;
      pending += s;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        line(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    timers.push(setInterval(() => coproc.tick(), 20));

    const low = badgeBoard.pinSpecs.button.activeLow;
    const press = async (): Promise<void> => {
      repl(`__pB(${low ? 0 : 1})`);
      await sleep(100);
      repl(`__pB(${low ? 1 : 0})`);
      await sleep(600);
    };
    if (!(await waitFor(() => gateway.tally.hellos > 0 && gateway.tally.telemetry > 0, 20_000))) {
      throw new Error('the bundle did not say Hello on the interpreter:\n' + consoleText.slice(-3000));
    }
    await sleep(1500);
    const bootVars = current;
    await press();
    const cpuFrom = cpuSeconds(child.pid);
    const wallFrom = Date.now();
    for (const step of SCENARIO_STEPS) {
      if (step.atS > opts.recordSeconds) break;
      await sleep(Math.max(0, wallFrom + step.atS * 1000 - Date.now()));
      if (step.action === 'reconnect') repl('__pX()');
      else gateway.act(step.action);
    }
    await sleep(Math.max(0, wallFrom + opts.recordSeconds * 1000 - Date.now()));
    const cpuPerAudioSecond = (cpuSeconds(child.pid) - cpuFrom) / ((Date.now() - wallFrom) / 1000);
    await press();
    await waitFor(() => gateway.tally.complete > 0, (opts.drainSeconds ?? 12) * 1000);
    repl('var l = __parleyBadge.platform.audio.linkStats(); print("@@L " + JSON.stringify({ frames: l.frames, crcErrors: l.crcErrors, headerErrors: l.headerErrors, overruns: l.overruns, resyncs: l.resyncs, discardedBytes: l.discardedBytes }));');
    await sleep(500);
    const settledVars = current;
    const peakRun = peak;
    // The scenario's tally as it ended (the backlog phase below completes sessions of its own).
    const tally = JSON.parse(JSON.stringify(gateway.tally)) as GatewayTally;
    let backlogHeld = 0;
    let backlogParked = 0;
    let backlogVars = 0;
    let backlogReopenVars = 0;
    const backlogReopen = { sessions: 0, parked: 0, pinnedSegments: 0 };
    let backlogDrainVars = 0;
    let backlogDrained = 0;
    if (opts.backlogSessions) {
      repl('__pDown()');
      await sleep(1000);
      fillReport = '';
      peak = 0;
      repl(`__pFill(${opts.backlogSessions})`);
      if (!(await waitFor(() => fillReport !== '', 60_000))) throw new Error('the backlog fill did not finish:\n' + consoleText.slice(-2000));
      await sleep(2000);
      const filled = fillReport.split(' ');
      backlogHeld = Number(filled[1]) + Number(filled[2]);
      backlogParked = Number(filled[2]);
      backlogVars = peak;
      // Rebooted with it: the replay of every segment (the prelude's variables excluded, as from every sample).
      repl('__pReopen()');
      if (!(await waitFor(() => reopenReport !== '', 120_000))) throw new Error('the reopen did not finish:\n' + consoleText.slice(-2000));
      const reopened = reopenReport.split(' ').map(Number);
      backlogReopenVars = (reopened[0] ?? 0) - preludeVars;
      backlogReopen.sessions = reopened[1] ?? 0;
      backlogReopen.parked = reopened[2] ?? 0;
      backlogReopen.pinnedSegments = reopened[3] ?? 0;
      await sleep(1000);
      // Back online with the backlog: Hello with its inventory, resume points for each session, then the drain.
      peak = 0;
      const completeBefore = gateway.tally.complete;
      repl('__pUp()');
      await waitFor(() => gateway.tally.complete - completeBefore >= backlogHeld, 300_000);
      await sleep(1000);
      backlogDrainVars = peak;
      backlogDrained = gateway.tally.complete - completeBefore;
    }
    return { preludeVars, chipModelVars, bootVars, peakVars: peakRun, backlogHeld, backlogParked, backlogVars, backlogReopenVars, backlogReopen, backlogDrainVars, backlogDrained, settledVars, totalVars, cpuPerAudioSecond, framesCaptured: coproc.framesCaptured, link, gateway: tally, errors, console: consoleText };
  } finally {
    for (const t of timers) clearTimeout(t);
    stop(esp);
    stop(socat);
    rmSync(dir, { recursive: true, force: true });
  }
}
