/**
 * The firmware upload through the `espruino` npm package's CLI: its output
 * reader, the check the badge runs, the board file; then real uploads with
 * the real CLI to the badge emulator (over loopback TCP: the CLI opens only
 * ports serialport lists, which a pty is not; once in process, once as a
 * developer runs it, `badge-emulator` on its pty bridged by socat) and, with PARLEY_ESPRUINO_BIN
 * set, to Espruino's own Linux interpreter through its telnet console inside
 * a loopback-only network namespace (the telnet server binds every
 * interface). The CLI tests are skipped, with the reason printed, when the
 * espruino package is not installed for the firmware workspace and
 * PARLEY_ESPRUINO_CLI does not name an espruino-cli.js.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadgeEmulator } from '@parley/tools/badge-emulator';
import {
  BOOT_CODE_FILE,
  CLI_CHUNK_BYTES,
  CliOutputReader,
  DEFAULT_BOARD_FILE,
  checkBoardFile,
  espruinoCliArgs,
  resolveEspruinoCli,
  uploadWithEspruinoCli,
  verificationCode,
} from '../../src/upload/espruino-cli-upload.js';
import { isUploadError } from '../../src/upload/errors.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Bytes of every value, in an order that is not a simple ramp: binary is harder than the text bundle. */
function testBundle(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i < 256 ? i : x >>> 24;
  }
  return out;
}

function cliOrSkipReason(): { cli: string | null; reason: string } {
  try {
    return { cli: resolveEspruinoCli(), reason: '' };
  } catch (err) {
    return { cli: null, reason: (err as Error).message };
  }
}

describe('the CLI output reader', () => {
  it('counts progress from the Storage write lines the CLI logs, however its blocks split them, and reads the check answer', () => {
    const bundle = testBundle(1000, 1);
    const b64 = (from: number, to: number) => Buffer.from(bundle.subarray(from, to)).toString('base64');
    const sent =
      '\x10reset();\n\x10print()\n' +
      `\x10require("Storage").write(".bootcde",atob("${b64(0, 384)}"),0,1000)\n` +
      `\x10require("Storage").write("other",atob("${b64(0, 10)}"),0,10)\n` +
      `\x10require("Storage").write(".bootcde",atob("${b64(384, 768)}"),384)\n` +
      `\x10require("Storage").write(".bootcde",atob("${b64(768, 1000)}"),768)\n`;
    const progress: number[] = [];
    const device: string[] = [];
    const reader = new CliOutputReader(BOOT_CODE_FILE, 1000, (done, total) => {
      expect(total).toBe(1000);
      progress.push(done);
    }, (line) => device.push(line));
    let log = 'Found /x/core/serial.js\nConnected\n';
    for (let i = 0; i < sent.length; i += 19) log += `serial: Sending ${JSON.stringify(sent.slice(i, i + 19))}\nSent\n`;
    log += `--] \r\n--] <<PARLEY-UPLOAD {"size":1000,"crc":${crc32(bundle)}}>>\r\n--] >\nUpload Complete\n`;
    // Fed in pieces that cut lines anywhere.
    for (let i = 0; i < log.length; i += 37) reader.feed(log.slice(i, i + 37));
    expect(progress).toEqual([384, 768, 1000]);
    expect(reader.answer).toEqual({ size: 1000, crc32: crc32(bundle) });
    expect(reader.notConnected).toBeNull();
    expect(device).toContain('>');
  });

  it('tells a failed connection and the badge\'s errors apart from a missing answer', () => {
    const reader = new CliOutputReader(BOOT_CODE_FILE, 10);
    reader.feed('Connecting to \'/dev/ttyUSB9\'\nserial: Port "/dev/ttyUSB9" not found\nUnable to connect!\n');
    expect(reader.notConnected).toBe('serial: Port "/dev/ttyUSB9" not found');
    const other = new CliOutputReader(BOOT_CODE_FILE, 10);
    other.feed('--] Uncaught Error: Not enough free space\r\n--] <<PARLEY-UPLOAD null>>\r\n');
    expect(other.deviceErrors).toEqual(['Uncaught Error: Not enough free space']);
    expect(other.answer).toBeNull();
  });
});

describe('the check the badge runs after the write', () => {
  function runCheck(stored: string | undefined, code: string): { printed: string[]; loaded: number } {
    const printed: string[] = [];
    let loaded = 0;
    runInNewContext(code, {
      print: (...a: unknown[]) => printed.push(a.join(' ')),
      load: () => loaded++,
      require: (name: string) => {
        if (name !== 'Storage') throw new Error(`Module ${name} not found`);
        return { read: (f: string) => (f === BOOT_CODE_FILE ? stored : undefined) };
      },
      E: { CRC32: (s: string) => crc32(Buffer.from(s, 'latin1')) | 0 },
    });
    return { printed, loaded };
  }

  it('prints size and CRC32 between markers and restarts only into the exact bundle', () => {
    const bundle = testBundle(700, 2);
    const text = Buffer.from(bundle).toString('latin1');
    const crc = crc32(bundle);
    const ok = runCheck(text, verificationCode(700, crc, true));
    expect(ok.printed).toEqual([`<<PARLEY-UPLOAD {"size":700,"crc":${crc}}>>`]);
    expect(ok.loaded).toBe(1);
    const wrong = runCheck(`${text.slice(0, 699)}x`, verificationCode(700, crc, true));
    expect(wrong.loaded).toBe(0);
    expect(runCheck(undefined, verificationCode(700, crc, true))).toEqual({ printed: ['<<PARLEY-UPLOAD null>>'], loaded: 0 });
    expect(runCheck(text, verificationCode(700, crc, false)).loaded).toBe(0);
  });

  it('is one line, so the CLI sends it as one console command', () => {
    expect(verificationCode(1, 2, true).trimEnd()).not.toContain('\n');
  });
});

describe('the board file and the command line', () => {
  it('the committed board file names the badge\'s board and lists Storage as built in', () => {
    expect(checkBoardFile(DEFAULT_BOARD_FILE)).toEqual({ board: 'ESP32', version: '2v29' });
  });

  it('refuses a board file the CLI would complete online', () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-'));
    try {
      const file = join(dir, 'b.json');
      writeFileSync(file, JSON.stringify({ BOARD: 'ESP32', info: { builtin_modules: ['Wifi'] } }));
      expect(() => checkBoardFile(file)).toThrow(/Storage/);
      writeFileSync(file, '{');
      expect(() => checkBoardFile(file)).toThrow(expect.objectContaining({ code: 'BOARD_FILE' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the CLI offline: --no-ble, the local board, the bundle as Storage data, no line numbers', () => {
    const args = espruinoCliArgs({ cliPath: '/c/espruino-cli.js', port: '/dev/ttyUSB0', boardFile: '/b/parley-badge.json', bundleFile: '/t/bundle.bin', checkFile: '/t/check.js', sleepS: 60, baudRate: 115200 });
    expect(args).toEqual(['/c/espruino-cli.js', '--verbose', '--no-ble', '--board', '/b/parley-badge.json', '--port', '/dev/ttyUSB0', '-b', '115200', '--config', 'STORE_LINE_NUMBERS=false', '--sleep', '60', '--storage', '.bootcde:/t/bundle.bin', '/t/check.js']);
    expect(espruinoCliArgs({ cliPath: 'c', port: 'tcp://127.0.0.1:2323', boardFile: 'b', bundleFile: 'f', checkFile: 'k', sleepS: 1, fast: true })).toContain('STORAGE_UPLOAD_METHOD=1');
    expect(() => espruinoCliArgs({ cliPath: 'c', port: '--list', boardFile: 'b', bundleFile: 'f', checkFile: 'k', sleepS: 1 })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => espruinoCliArgs({ cliPath: 'c', port: 'p', boardFile: 'b', bundleFile: '/a:b/f', checkFile: 'k', sleepS: 1 })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('takes the CLI from PARLEY_ESPRUINO_CLI when set', () => {
    expect(resolveEspruinoCli({ PARLEY_ESPRUINO_CLI: '/opt/espruino/bin/espruino-cli.js' })).toBe('/opt/espruino/bin/espruino-cli.js');
  });
});

const { cli, reason } = cliOrSkipReason();
if (!cli) process.stdout.write(`espruino CLI upload tests skipped: ${reason}\n`);

describe.skipIf(!cli)('uploading with the real espruino CLI to the badge emulator', () => {
  let dir: string;
  let emulator: BadgeEmulator;
  let server: Server;
  let port: number;
  const output: string[] = [];
  /** Bytes to flip on the way to the badge (a corrupting line), or none. */
  let corrupt: ((chunk: Buffer) => Buffer) | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-upload-'));
    emulator = new BadgeEmulator({ storageDir: dir, onOutput: (t) => output.push(t) });
    // The badge's console on loopback only; a connection is its serial line (through `corrupt`, when set).
    server = createServer((socket: Socket) => {
      const line = new Duplex({
        read() {},
        write(chunk: Buffer, _encoding, done) {
          // The CLI may hang up while the badge still prints (as a cable pulled out): those bytes are lost.
          if (socket.destroyed || !socket.writable) return done();
          socket.write(chunk, () => done());
        },
      });
      socket.on('data', (chunk: Buffer) => line.push(corrupt ? corrupt(chunk) : chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        emulator.detach();
        line.destroy();
      });
      emulator.attach(line);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    emulator?.powerOff();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a 90 KB bundle (every byte value) to .bootcde, with progress, and the emulator holds exactly it', { timeout: 60_000 }, async () => {
    const bundle = testBundle(90_000, 3);
    const progress: number[] = [];
    const result = await uploadWithEspruinoCli({ port: `tcp://127.0.0.1:${port}`, bundle, cliPath: cli!, fast: true, onProgress: (done) => progress.push(done) });
    expect(result).toMatchObject({ bytes: 90_000, crc32: crc32(bundle), started: false });
    expect(Buffer.compare(Buffer.from(emulator.flash.readFile(BOOT_CODE_FILE)!), Buffer.from(bundle))).toBe(0);
    expect(progress.length).toBe(Math.ceil(90_000 / CLI_CHUNK_BYTES));
    expect(progress.at(-1)).toBe(90_000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('with the CLI\'s default throttling too, replacing the bundle, and restarts into it with run', { timeout: 60_000 }, async () => {
    const bundle = testBundle(3_000, 4);
    output.length = 0;
    const result = await uploadWithEspruinoCli({ port: `tcp://127.0.0.1:${port}`, bundle, cliPath: cli!, run: true });
    expect(result).toMatchObject({ bytes: 3_000, started: true });
    expect(Buffer.compare(Buffer.from(emulator.flash.readFile(BOOT_CODE_FILE)!), Buffer.from(bundle))).toBe(0);
    // load() booted the saved program: the emulator's firmware host looked for the identity.
    await expect.poll(() => output.join(''), { timeout: 5_000 }).toContain('not provisioned');
  });

  it('fails with VERIFY_MISMATCH when a byte changes on the line', { timeout: 60_000 }, async () => {
    const bundle = testBundle(2_000, 5);
    // Flips the first base64 character of the second Storage write line (still valid base64, other bytes),
    // wherever the TCP stream happens to split.
    let stream = '';
    let target = -1;
    let flipped = false;
    corrupt = (chunk) => {
      const from = stream.length;
      stream += chunk.toString('latin1');
      if (flipped) return chunk;
      if (target < 0) {
        const first = stream.indexOf('atob("');
        const second = first < 0 ? -1 : stream.indexOf('atob("', first + 1);
        if (second >= 0) target = second + 'atob("'.length;
      }
      if (target < 0 || target >= stream.length) return chunk;
      const out = Buffer.from(chunk);
      out[target - from] = stream[target] === 'A' ? 0x42 : 0x41;
      flipped = true;
      return out;
    };
    try {
      const err = await uploadWithEspruinoCli({ port: `tcp://127.0.0.1:${port}`, bundle, cliPath: cli!, fast: true }).catch((e: unknown) => e);
      expect(flipped).toBe(true);
      expect(err).toMatchObject({ code: 'VERIFY_MISMATCH' });
      expect(isUploadError(err, 'VERIFY_MISMATCH')).toBe(true);
    } finally {
      corrupt = null;
    }
  });

  it('says it could not connect when nothing listens', { timeout: 60_000 }, async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const free = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await uploadWithEspruinoCli({ port: `tcp://127.0.0.1:${free}`, bundle: testBundle(100, 6), cliPath: cli!, fast: true }).catch((e: unknown) => e);
    expect(isUploadError(err, 'NOT_CONNECTED')).toBe(true);
  });
});

const socatWorks = spawnSync('socat', ['-V']).status === 0;
if (cli && !socatWorks) process.stdout.write('espruino CLI upload to the pty badge emulator skipped: socat is not installed\n');

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe.skipIf(!cli || !socatWorks)('uploading with the real espruino CLI to the badge emulator on its pty, as a developer would', () => {
  it('npx badge-emulator, a socat bridge from loopback TCP to its pty, npm run upload: the emulator\'s Storage holds exactly the bundle', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-upload-pty-'));
    const children: ChildProcess[] = [];
    try {
      const bundleFile = join(dir, 'bundle.js');
      const bundle = testBundle(20_000, 8);
      writeFileSync(bundleFile, bundle);
      const storage = join(dir, 'storage');
      const emulator = spawn(process.execPath, ['--import', 'tsx', join(repo, 'tools', 'src', 'badge-emulator', 'main.ts'), '--storage', storage], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(emulator);
      let said = '';
      emulator.stdout.on('data', (d: Buffer) => (said += d.toString()));
      emulator.stderr.on('data', (d: Buffer) => (said += d.toString()));
      await expect.poll(() => /serving \S+/.test(said) && /--port (\/dev\/\S+)/.test(said), { timeout: 30_000 }).toBe(true);
      const pty = /--port (\/dev\/\S+)/.exec(said)![1]!;
      const tcpPort = await freePort();
      const bridge = spawn('socat', [`TCP-LISTEN:${tcpPort},bind=127.0.0.1,reuseaddr`, `FILE:${pty},raw,echo=0`], { stdio: 'ignore' });
      children.push(bridge);
      // Wait until socat listens.
      await expect
        .poll(async () => {
          const free = await new Promise<boolean>((r) => {
            const probe = createServer().once('error', () => r(false));
            probe.listen(tcpPort, '127.0.0.1', () => probe.close(() => r(true)));
          });
          return free;
        }, { timeout: 10_000 })
        .toBe(false);
      const upload = spawn(process.execPath, ['--import', 'tsx', join(repo, 'firmware', 'src', 'upload', 'main.ts'), '--port', `tcp://127.0.0.1:${tcpPort}`, '--bundle', bundleFile, '--fast'], {
        cwd: repo,
        env: { ...process.env, PARLEY_ESPRUINO_CLI: cli! },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(upload);
      let out = '';
      upload.stdout.on('data', (d: Buffer) => (out += d.toString()));
      upload.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((r) => upload.on('close', r));
      expect(out, out).toContain('100%  20000/20000 bytes');
      expect(out, out).toContain(`verified: the badge holds 20000 bytes, crc32 ${crc32(bundle).toString(16).padStart(8, '0')}`);
      expect(code).toBe(0);
      expect(Buffer.compare(readFileSync(join(storage, BOOT_CODE_FILE)), Buffer.from(bundle))).toBe(0);
    } finally {
      for (const child of children.reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        const gone = new Promise<void>((r) => child.once('close', () => r()));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const bin = process.env.PARLEY_ESPRUINO_BIN;
const unshareWorks = spawnSync('unshare', ['-rn', 'true']).status === 0;
const realSkip = !bin ? 'PARLEY_ESPRUINO_BIN is not set' : !existsSync(bin) ? `${bin} does not exist` : !cli ? reason : !unshareWorks ? 'unshare -rn (a loopback-only network namespace) is not permitted here' : '';
if (realSkip) process.stdout.write(`espruino CLI upload to the real interpreter skipped: ${realSkip}\n`);

describe.skipIf(realSkip !== '')('uploading with the real espruino CLI to Espruino\'s Linux interpreter (telnet, in a loopback-only network namespace)', () => {
  it('writes the bundle to the interpreter\'s Storage and the interpreter reads back exactly it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-upload-real-'));
    let child: ChildProcess | null = null;
    try {
      const bundle = testBundle(40_000, 7);
      writeFileSync(join(dir, 'bundle.bin'), bundle);
      // Inside the namespace: lo up, the interpreter's telnet console (it binds 0.0.0.0:2323, which there is lo only),
      // the upload through it (the CLI's default throttling), then a second interpreter run reading .bootcde back.
      const script = [
        'set -e',
        'ip link set lo up',
        'mkfifo "$DIR/console.in"',
        // The console's stdin stays open (fd 3) so the interpreter keeps running; it ignores SIGTERM, so it is killed by its pid.
        '(cd "$DIR" && exec "$BIN" --telnet < console.in > interpreter.log 2>&1) & interpreter=$!',
        'exec 3> "$DIR/console.in"',
        'for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/2323) 2>/dev/null && break; sleep 0.1; done',
        'status=0',
        '"$NODE" --import tsx "$UPLOAD" --port tcp://127.0.0.1:2323 --bundle "$DIR/bundle.bin" --timeout 90 || status=$?',
        'kill -KILL $interpreter; wait $interpreter 2>/dev/null || true',
        'exec 3>&-',
        `(cd "$DIR" && "$BIN" -e 'print("<<"+btoa(require("Storage").read(".bootcde"))+">>")' < /dev/null > readback.log 2>&1) || true`,
        'exit $status',
      ].join('\n');
      // Its own process group, so everything it started can be ended together if the test times out.
      const run = spawn('unshare', ['-rn', 'bash', '-c', script], {
        detached: true,
        cwd: repo,
        env: { ...process.env, DIR: dir, BIN: resolve(bin!), NODE: process.execPath, UPLOAD: join(repo, 'firmware', 'src', 'upload', 'main.ts'), PARLEY_ESPRUINO_CLI: cli! },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = run;
      let out = '';
      run.stdout.on('data', (d: Buffer) => (out += d.toString()));
      run.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((r) => run.on('close', r));
      expect(out, out).toContain('verified: the badge holds 40000 bytes');
      expect(code).toBe(0);
      const readback = readFileSync(join(dir, 'readback.log'), 'latin1');
      const m = /<<([A-Za-z0-9+/=]*)>>/.exec(readback);
      expect(m, readback.slice(0, 500)).not.toBeNull();
      expect(Buffer.compare(Buffer.from(m![1]!, 'base64'), Buffer.from(bundle))).toBe(0);
    } finally {
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
