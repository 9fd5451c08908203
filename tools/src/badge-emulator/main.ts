/**
 * `npx badge-emulator [--storage DIR] [--pty PATH] [--serial SN] [--board B] [--espruino V] [--verbose]`:
 * an emulated Parley badge on a serial line for `badgectl provision --port`.
 * Without --pty it makes a pseudo-terminal pair with socat and prints the end
 * to give badgectl. The Storage lives in DIR (default data/emulated-badge), so
 * a provisioned emulator boots its firmware again when restarted.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeSerialPort, openSerialPort } from '../badgectl/serial-port.js';
import { BadgeEmulator } from './badge-emulator.js';
import { EmulatorError, isEmulatorError } from './errors.js';
import { LoopingMicrophone, voicedToneAudio } from './microphone.js';
import { openPtyPair, type PtyPair } from './pty-pair.js';

const USAGE = `badge-emulator: an emulated Parley badge (Espruino console + the firmware on its Node platform) on a serial line

usage: badge-emulator [--storage DIR] [--pty PATH] [--serial SN] [--board ESP32] [--espruino 2v29] [--verbose]
  --storage   directory holding the badge's Storage (default data/emulated-badge)
  --pty       serve this serial device (one end of your own socat pair); default: make a pair and print the other end
  --serial    what getSerial() answers (default: derived from the storage directory)
  --board     process.env.BOARD (default ESP32; anything else is a "wrong board" for badgectl)
  --espruino  process.env.VERSION (default 2v29)
  --verbose   print the badge's console output (firmware log) on stdout`;

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        storage: { type: 'string', default: 'data/emulated-badge' },
        pty: { type: 'string' },
        serial: { type: 'string' },
        board: { type: 'string' },
        espruino: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`badge-emulator: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const microphone = new LoopingMicrophone(await voicedToneAudio());
  const emulator = new BadgeEmulator({
    storageDir: resolve(values.storage),
    board: { ...(values.serial ? { serialNumber: values.serial } : {}), ...(values.board ? { board: values.board } : {}), ...(values.espruino ? { espruinoVersion: values.espruino } : {}) },
    microphone,
    ...(values.verbose ? { onOutput: (text: string) => process.stdout.write(text.replace(/\r\n/g, '\n')) } : {}),
    onBoot: (info) => process.stderr.write(`badge-emulator: booted ${info.deviceId}, firmware ${info.firmwareVersion} (slot ${info.slot})\n`),
  });
  let pair: PtyPair | null = null;
  let path = values.pty;
  if (!path) {
    pair = await openPtyPair();
    path = pair.badgePath;
    process.stdout.write(`badge-emulator: provision with  npx badgectl provision --port ${pair.hostPath}\n`);
  }
  let port;
  try {
    port = await openSerialPort(path);
  } catch (err) {
    await pair?.close();
    throw new EmulatorError('PORT_OPEN_FAILED', `${path}: ${(err as Error).message}`);
  }
  emulator.attach(port);
  process.stderr.write(`badge-emulator: serving ${path}, Storage in ${resolve(values.storage)}\n`);
  // A badge that is already provisioned runs its firmware at power-on.
  emulator.powerOn();
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  emulator.powerOff();
  emulator.detach();
  await closeSerialPort(port);
  await pair?.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`badge-emulator: ${isEmulatorError(err) ? err.message : ((err as Error).stack ?? String(err))}\n`);
    process.exitCode = 1;
  },
);
