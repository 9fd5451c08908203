/**
 * `npm run upload -w firmware -- --port <dev> [--bundle FILE] [--board FILE] [--baud N] [--fast] [--run] [--timeout S]`:
 * writes the firmware bundle (default dist/badge.min.js, from `npm run build -w firmware`)
 * to a badge's Storage as `.bootcde` with the `espruino` npm package's CLI, offline
 * (--no-ble, the committed board file), shows progress and checks the badge holds
 * exactly the bundle. It does not touch the badge's identity: `badgectl provision`
 * creates devices.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BOARD_FILE, DEFAULT_BUNDLE_FILE, readBundle, uploadWithEspruinoCli } from './espruino-cli-upload.js';
import { UploadError, isUploadError } from './errors.js';

const USAGE = `upload: write the firmware bundle to a badge's Storage (.bootcde) with the espruino CLI

usage: npm run upload -w firmware -- --port <device> [options]
  --port     the badge's serial device (/dev/ttyUSB0, /dev/ttyACM0) or a TCP console (tcp://127.0.0.1:2323)
  --bundle   the bundle to write (default firmware/dist/badge.min.js: npm run build -w firmware)
  --board    board file (default firmware/boards/parley-badge.json)
  --baud     serial speed for USB-UART bridges (the CLI's default: 9600; the badge's console: 115200)
  --fast     no delays between Storage writes (only on links with flow control)
  --run      restart the badge into the new bundle once it is verified
  --verbose  print everything the badge prints
  --timeout  seconds for the whole upload (default: from the bundle size)`;

const BAR = 30;

function progressLine(done: number, total: number, startedAt: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR);
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0.05 ? `  ${(done / seconds / 1024).toFixed(1)} KiB/s` : '';
  return `  [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${done}/${total} bytes${rate}`;
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        port: { type: 'string', short: 'p' },
        bundle: { type: 'string', default: DEFAULT_BUNDLE_FILE },
        board: { type: 'string', default: DEFAULT_BOARD_FILE },
        baud: { type: 'string' },
        fast: { type: 'boolean', default: false },
        run: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new UploadError('USAGE', `${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.port) throw new UploadError('USAGE', `--port is required\n${USAGE}`);
  const baudRate = values.baud === undefined ? undefined : Number(values.baud);
  if (baudRate !== undefined && (!Number.isInteger(baudRate) || baudRate <= 0)) throw new UploadError('USAGE', `--baud ${values.baud}`);
  const timeoutS = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutS !== undefined && !(timeoutS > 0)) throw new UploadError('USAGE', `--timeout ${values.timeout}`);

  const bundlePath = resolve(values.bundle);
  const bundle = readBundle(bundlePath);
  const tty = process.stdout.isTTY === true;
  process.stdout.write(`writing ${bundlePath} (${bundle.length} bytes) to ${values.port} as .bootcde with the espruino CLI${values.fast ? ' (fast)' : ''}\n`);
  let startedAt = 0;
  let lastQuarter = -1;
  let drawn = false;
  const result = await uploadWithEspruinoCli({
    port: values.port,
    bundle,
    boardFile: resolve(values.board),
    fast: values.fast,
    run: values.run,
    ...(baudRate !== undefined ? { baudRate } : {}),
    ...(timeoutS !== undefined ? { timeoutMs: timeoutS * 1000 } : {}),
    onProgress: (done, total) => {
      // The rate counts from the first line written, not from the CLI's start.
      if (startedAt === 0) startedAt = Date.now();
      if (tty) {
        process.stdout.write(`\r${progressLine(done, total, startedAt)}`);
        drawn = true;
        return;
      }
      const quarter = Math.floor((4 * done) / total);
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      process.stdout.write(`${progressLine(done, total, startedAt)}\n`);
    },
    onDeviceLine: (line) => {
      if (!values.verbose && !/^Uncaught\b/.test(line)) return;
      if (drawn) process.stdout.write('\n');
      drawn = false;
      process.stdout.write(`badge: ${line}\n`);
    },
  });
  if (drawn) process.stdout.write('\n');
  process.stdout.write(
    `verified: the badge holds ${result.bytes} bytes, crc32 ${result.crc32.toString(16).padStart(8, '0')} (${(result.elapsedMs / 1000).toFixed(1)} s)` +
      `${result.started ? '; restarted into it' : '; it runs at the next reset or power-on (or pass --run)'}\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`\nupload: ${isUploadError(err) ? `${err.code}: ${err.message}` : ((err as Error).stack ?? String(err))}\n`);
    process.exitCode = isUploadError(err) ? err.exitCode : 1;
  },
);
