/**
 * Writes the firmware bundle to a badge's Storage as `.bootcde` with the
 * `espruino` npm package's CLI (EspruinoTools), the way the issue asks: the
 * CLI runs with `--no-ble` and `--board` pointing at our committed board
 * file, so it neither loads the Bluetooth modules nor asks the badge for its
 * board name and fetches that board's JSON from espruino.com; the bundle
 * goes through `--storage .bootcde:<file>` as data (base64
 * `require("Storage").write` lines, the exact bytes, never transformed), and
 * a check file, sent after it as code, makes the badge print the size and
 * CRC32 of what it now holds, compared here with the bundle's. The check
 * file only uses `require("Storage")`, which the board file lists as built
 * in: nothing is looked up in espruino.com's module directory. No local
 * modules are involved (the bundle is one rollup file), so the CLI's
 * `global.fs` preload for local modules is not needed.
 *
 * Progress: the CLI runs with `--verbose`, which logs every block it writes
 * to the line (`serial: Sending "<json>"`); the blocks are put back together
 * here and each complete Storage write line counts its bytes.
 *
 * The CLI opens only ports that `serialport`'s list() reports (on Linux,
 * udev's tty devices such as /dev/ttyUSB0 and /dev/ttyACM0), and `tcp://host:port`
 * (a raw TCP console such as Espruino's telnet server). A pseudo-terminal is
 * not listed, so the tests reach the badge emulator over loopback TCP.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { UploadError } from './errors.js';

/** The Storage file Espruino runs at boot: the firmware bundle (badgectl provision writes the same file). */
export const BOOT_CODE_FILE = '.bootcde';
/** Bytes of the bundle per Storage write line the CLI sends (EspruinoTools' CHUNKSIZE). */
export const CLI_CHUNK_BYTES = 384;

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The committed board file: what the CLI would otherwise download for an ESP32. */
export const DEFAULT_BOARD_FILE = join(pkgDir, 'boards', 'parley-badge.json');
/** What `npm run build -w firmware` writes and badges run. */
export const DEFAULT_BUNDLE_FILE = join(pkgDir, 'dist', 'badge.min.js');

const MARKER_OPEN = '<<PARLEY-UPLOAD ';
const MARKER_CLOSE = '>>';
const DEVICE_PREFIX = '--] ';

export interface EspruinoCliUploadOptions {
  /** The badge's serial device (/dev/ttyUSB0) or a TCP console (tcp://127.0.0.1:2323). */
  port: string;
  /** The bundle's bytes (firmware/dist/badge.min.js). */
  bundle: Uint8Array;
  /** Board file (default: firmware/boards/parley-badge.json). */
  boardFile?: string;
  /** Serial speed (`-b`); USB CDC ignores it, a USB-UART bridge uses it (the CLI's default is 9600). */
  baudRate?: number;
  /**
   * Leave out the CLI's delays: 250 ms after every Storage write line and
   * 19-byte blocks (it throttles unless it has asked the board, which
   * `--board` skips). Only for links with flow control; about 20x faster.
   */
  fast?: boolean;
  /** Run the new bundle (`load()`) once the badge holds exactly it. */
  run?: boolean;
  /** The whole upload (default: 30 s plus 2 ms per byte throttled, 0.2 ms per byte fast). */
  timeoutMs?: number;
  /** espruino-cli.js to run (default: resolveEspruinoCli()). */
  cliPath?: string;
  onProgress?: (written: number, total: number) => void;
  /** Every line the badge prints while the CLI is connected. */
  onDeviceLine?: (line: string) => void;
}

export interface EspruinoCliUploadResult {
  bytes: number;
  crc32: number;
  elapsedMs: number;
  /** Whether the badge was told to run the new bundle. */
  started: boolean;
}

/**
 * The CLI of the `espruino` package: `PARLEY_ESPRUINO_CLI` (a path to
 * espruino-cli.js) when set, else the one installed for the firmware package.
 */
export function resolveEspruinoCli(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PARLEY_ESPRUINO_CLI;
  if (fromEnv) return resolve(fromEnv);
  try {
    return createRequire(join(pkgDir, 'package.json')).resolve('espruino/bin/espruino-cli.js');
  } catch (err) {
    throw new UploadError('CLI_MISSING', 'no espruino package for the firmware workspace (see docs/firmware.md, "Uploading with the espruino CLI"); or set PARLEY_ESPRUINO_CLI to an espruino-cli.js', { cause: err });
  }
}

/**
 * Checks a board file is what the CLI needs to work offline: JSON with a
 * `BOARD` name and `info.builtin_modules` including Storage (without that
 * the CLI would look `require("Storage")` up in espruino.com's modules).
 */
export function checkBoardFile(path: string): { board: string; version: string | null } {
  let json: { BOARD?: unknown; info?: { builtin_modules?: unknown; binary_version?: unknown } };
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as typeof json;
  } catch (err) {
    throw new UploadError('BOARD_FILE', `${path}: ${(err as Error).message}`, { cause: err });
  }
  if (typeof json.BOARD !== 'string' || json.BOARD === '') throw new UploadError('BOARD_FILE', `${path}: no "BOARD" name`);
  const modules = json.info?.builtin_modules;
  if (!Array.isArray(modules) || !modules.includes('Storage')) {
    throw new UploadError('BOARD_FILE', `${path}: info.builtin_modules must list "Storage", or the CLI looks it up online`);
  }
  return { board: json.BOARD, version: typeof json.info?.binary_version === 'string' ? json.info.binary_version : null };
}

/**
 * The check the badge runs after the bundle is written (one line of the
 * Espruino subset): prints the size and CRC32 of `.bootcde` between markers
 * and, with `run`, restarts into it when both match.
 */
export function verificationCode(size: number, crc: number, run: boolean): string {
  const check = run ? `if(d&&d.size==${size}&&d.crc==${crc >>> 0})load();` : '';
  return (
    `(function(f){var d=f===undefined?null:{size:f.length,crc:E.CRC32(f)>>>0};` +
    `print(${JSON.stringify(MARKER_OPEN.slice(0, 8))}+${JSON.stringify(MARKER_OPEN.slice(8))}+JSON.stringify(d)+${JSON.stringify(MARKER_CLOSE)});${check}})` +
    `(require("Storage").read(${JSON.stringify(BOOT_CODE_FILE)}));\n`
  );
}

/** The CLI's command line (after the node binary). */
export function espruinoCliArgs(o: { cliPath: string; port: string; boardFile: string; bundleFile: string; checkFile: string; sleepS: number; baudRate?: number; fast?: boolean }): string[] {
  if (o.port.startsWith('-') || o.port.includes('.js')) throw new UploadError('USAGE', `port ${JSON.stringify(o.port)} is not a device path or tcp:// address`);
  if (o.bundleFile.includes(':')) throw new UploadError('USAGE', `the CLI's --storage cannot take a path with ':' (${o.bundleFile})`);
  const args = [o.cliPath, '--verbose', '--no-ble', '--board', o.boardFile, '--port', o.port];
  if (o.baudRate !== undefined) args.push('-b', String(o.baudRate));
  // Line numbers are for code kept in RAM; the CLI would add ESC [ n d sequences to the check line.
  args.push('--config', 'STORE_LINE_NUMBERS=false');
  if (o.fast) args.push('--config', 'STORAGE_UPLOAD_METHOD=1', '--config', 'SERIAL_THROTTLE_SEND=2');
  // The CLI ends 500 ms after the badge last printed once everything is handed to the port; lines still
  // in buffers (a fast upload) are then not yet run. It stays connected this long; the caller ends it on the answer.
  args.push('--sleep', String(o.sleepS));
  args.push('--storage', `${BOOT_CODE_FILE}:${o.bundleFile}`, o.checkFile);
  return args;
}

/** What the CLI's output says, line by line. */
export class CliOutputReader {
  /** Bytes of the bundle in complete Storage write lines sent so far. */
  written = 0;
  answer: { size: number; crc32: number } | null | undefined = undefined;
  readonly deviceErrors: string[] = [];
  notConnected: string | null = null;
  private sent = '';
  private partial = '';

  constructor(
    private readonly fileName: string,
    private readonly total: number,
    private readonly onProgress?: (written: number, total: number) => void,
    private readonly onDeviceLine?: (line: string) => void,
  ) {}

  /** Output of the CLI (stdout and stderr). */
  feed(text: string): void {
    this.partial += text;
    let nl: number;
    while ((nl = this.partial.indexOf('\n')) >= 0) {
      this.line(this.partial.slice(0, nl).replace(/\r$/, ''));
      this.partial = this.partial.slice(nl + 1);
    }
  }

  private line(line: string): void {
    if (line.startsWith('serial: Sending "')) {
      let block: string;
      try {
        block = JSON.parse(line.slice('serial: Sending '.length)) as string;
      } catch {
        return;
      }
      this.sentBlock(block);
    } else if (line.startsWith(DEVICE_PREFIX)) {
      const device = line.slice(DEVICE_PREFIX.length).replace(/\r$/, '');
      this.onDeviceLine?.(device);
      const open = device.indexOf(MARKER_OPEN);
      const close = open >= 0 ? device.indexOf(MARKER_CLOSE, open + MARKER_OPEN.length) : -1;
      if (open >= 0 && close >= 0) {
        try {
          const d = JSON.parse(device.slice(open + MARKER_OPEN.length, close)) as { size: number; crc: number } | null;
          this.answer = d === null ? null : { size: d.size, crc32: d.crc >>> 0 };
        } catch {
          this.deviceErrors.push(`unreadable check answer: ${device}`);
        }
      } else if (/^Uncaught\b|^ERROR\b/.test(device)) {
        this.deviceErrors.push(device);
      }
    } else if (/^Unable to connect!|^serial: Port .* not found$|^Unable to open device|^RECEIVE ERROR:/.test(line)) {
      this.notConnected ??= line;
    }
  }

  private sentBlock(block: string): void {
    this.sent += block;
    let nl: number;
    while ((nl = this.sent.indexOf('\n')) >= 0) {
      const sentLine = this.sent.slice(0, nl);
      this.sent = this.sent.slice(nl + 1);
      const m = /require\("Storage"\)\.write\(("(?:[^"\\]|\\.)*"),atob\("([A-Za-z0-9+/=]*)"\),(\d+)/.exec(sentLine);
      if (!m || JSON.parse(m[1]!) !== this.fileName) continue;
      const end = Number(m[3]) + Buffer.from(m[2]!, 'base64').length;
      if (end > this.written) {
        this.written = Math.min(end, this.total);
        this.onProgress?.(this.written, this.total);
      }
    }
  }
}

/**
 * Uploads the bundle through the espruino CLI (a child process of this one,
 * ended on timeout) and checks the badge holds exactly it. The CLI resets the
 * badge first (`reset()`: the running firmware stops; Storage stays).
 */
export async function uploadWithEspruinoCli(o: EspruinoCliUploadOptions): Promise<EspruinoCliUploadResult> {
  const cliPath = o.cliPath ?? resolveEspruinoCli();
  const boardFile = resolve(o.boardFile ?? DEFAULT_BOARD_FILE);
  checkBoardFile(boardFile);
  if (o.bundle.length === 0) throw new UploadError('BUNDLE_MISSING', 'the bundle is empty');
  const expectedCrc = crc32(o.bundle) >>> 0;
  const work = mkdtempSync(join(tmpdir(), 'parley-upload-'));
  const started = Date.now();
  try {
    const bundleFile = join(work, 'bundle.bin');
    writeFileSync(bundleFile, o.bundle);
    const checkFile = join(work, 'check.js');
    writeFileSync(checkFile, verificationCode(o.bundle.length, expectedCrc, o.run === true));
    const timeoutMs = o.timeoutMs ?? 30_000 + o.bundle.length * (o.fast ? 0.2 : 2);
    const sleepS = Math.ceil(timeoutMs / 1000);
    const args = espruinoCliArgs({ cliPath, port: o.port, boardFile, bundleFile, checkFile, sleepS, ...(o.baudRate !== undefined ? { baudRate: o.baudRate } : {}), fast: o.fast === true });
    const reader = new CliOutputReader(BOOT_CODE_FILE, o.bundle.length, o.onProgress, o.onDeviceLine);
    const log: string[] = [];
    const outcome = await new Promise<'exited' | 'timeout'>((done, fail) => {
      // cwd: the work directory, so the CLI's relative lookups (job files, ./modules) find nothing of ours.
      const child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
      let answered = false;
      const onText = (chunk: Buffer): void => {
        const text = chunk.toString('latin1');
        log.push(text);
        if (log.length > 400) log.splice(0, log.length - 200);
        reader.feed(text);
        if (reader.answer !== undefined && !answered) {
          answered = true;
          // The CLI sleeps (--sleep) so that a badge still working through buffered lines can answer;
          // once it has, the CLI is ended (with run, after the restart has begun).
          setTimeout(() => child.kill('SIGTERM'), o.run ? 2_000 : 200).unref();
        }
      };
      child.stdout.on('data', onText);
      child.stderr.on('data', onText);
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        done('timeout');
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        fail(new UploadError('CLI_MISSING', `${process.execPath} ${cliPath}: ${err.message}`, { cause: err }));
      });
      child.on('close', () => {
        clearTimeout(timer);
        reader.feed('\n');
        done('exited');
      });
    });
    const tail = (): string => log.join('').split('\n').filter((l) => !l.startsWith('serial: ') && !l.startsWith('Found ')).slice(-12).join('\n');
    if (reader.answer === undefined) {
      if (reader.notConnected) throw new UploadError('NOT_CONNECTED', `${o.port}: ${reader.notConnected}${notConnectedHint(o.port)}`);
      if (outcome === 'timeout') throw new UploadError('TIMED_OUT', `no check answer within ${timeoutMs} ms (${reader.written}/${o.bundle.length} bytes sent)\n${tail()}`);
      if (reader.deviceErrors.length > 0) throw new UploadError('DEVICE_ERROR', reader.deviceErrors.slice(0, 5).join('; '));
      throw new UploadError('NO_ANSWER', `the CLI ended without the badge's check answer\n${tail()}`);
    }
    const answer = reader.answer;
    if (!answer || answer.size !== o.bundle.length || answer.crc32 !== expectedCrc) {
      const holds = answer ? `${answer.size} bytes crc32 ${answer.crc32.toString(16)}` : 'no such file';
      const errors = reader.deviceErrors.length > 0 ? `; the badge said: ${reader.deviceErrors.slice(0, 5).join('; ')}` : '';
      throw new UploadError('VERIFY_MISMATCH', `${BOOT_CODE_FILE}: sent ${o.bundle.length} bytes crc32 ${expectedCrc.toString(16)}, the badge holds ${holds}${errors}`);
    }
    return { bytes: o.bundle.length, crc32: expectedCrc, elapsedMs: Date.now() - started, started: o.run === true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Why the CLI may not have opened a port it was given, when the port says so. */
export function notConnectedHint(port: string): string {
  if (/^\/dev\/pts\//.test(port)) {
    return ` (the espruino CLI opens only the serial ports serialport lists, and a pseudo-terminal is not one: bridge it to loopback TCP, socat TCP-LISTEN:4000,bind=127.0.0.1,reuseaddr FILE:${port},raw,echo=0, and use --port tcp://127.0.0.1:4000)`;
  }
  return '';
}

/** Reads a bundle file, with the build command in the error when it is missing. */
export function readBundle(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new UploadError('BUNDLE_MISSING', `${path}: ${(err as Error).message} (run npm run build -w firmware)`, { cause: err });
  }
}

