/**
 * The console protocol badgectl provision speaks, checked against Espruino's
 * own interpreter (a Linux build of 2v29, set PARLEY_ESPRUINO_BIN to the
 * binary; skipped without it), and the badge emulator checked against the
 * same script: the answers must agree (board identity aside).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadgeEmulator, openPtyPair, type PtyPair } from '../../src/badge-emulator/index.js';
import { EspruinoLink } from '../../src/badgectl/espruino-link.js';
import { closeSerialPort, openSerialPort } from '../../src/badgectl/serial-port.js';

const bin = process.env.PARLEY_ESPRUINO_BIN;

/** What provisioning does on the console, with every answer collected. */
async function script(link: EspruinoLink): Promise<unknown[]> {
  const answers: unknown[] = [];
  await link.interrupt();
  await new Promise((r) => setTimeout(r, 200));
  const detected = await link.evaluate<{ free: number; id: string | null; serial: string }>('{free:require("Storage").getFree(),id:(require("Storage").readJSON("id",1)||{}).deviceId||null,serial:typeof getSerial()}');
  answers.push({ id: detected.id, serial: detected.serial, hasFree: detected.free > 10_000 });
  answers.push(await link.fileDigest('.bootcde'));
  const bundle = new Uint8Array(3000);
  for (let i = 0; i < bundle.length; i++) bundle[i] = (i * 7 + 3) & 0xff;
  let last = 0;
  await link.writeFile('.bootcde', bundle, (done) => (last = done));
  answers.push(last);
  answers.push(await link.fileDigest('.bootcde'));
  answers.push(crc32(bundle));
  answers.push(Buffer.compare(Buffer.from((await link.readFile('.bootcde'))!), Buffer.from(bundle)));
  const identity = new TextEncoder().encode(JSON.stringify({ deviceId: 'badge-x', secret: 's3cret-Zq9', mqttHost: '10.0.0.1', mqttPort: 1883 }));
  await link.writeFile('id', identity);
  answers.push(Buffer.from((await link.readFile('id'))!).toString('utf8'));
  answers.push(await link.evaluate('(require("Storage").readJSON("id",1)||{}).deviceId'));
  await link.evaluate('nosuch()', 'WRITE_FAILED').catch((err: Error) => answers.push(err.message.replace(/"nosuch"|nosuch/, 'nosuch')));
  return answers;
}

describe.skipIf(!bin)('the provisioning console protocol on a real Espruino interpreter (PARLEY_ESPRUINO_BIN) and on the badge emulator', () => {
  let dir: string;
  let child: ChildProcess;
  let pair: PtyPair;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'espruino-link-'));
  });
  afterAll(async () => {
    child?.kill();
    await pair?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes, verifies and reads back files the same way on both', { timeout: 60_000 }, async () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    child = spawn(bin!, [], { cwd: real, stdio: ['pipe', 'pipe', 'ignore'] });
    const onInterpreter = new EspruinoLink(Duplex.from({ readable: child.stdout!, writable: child.stdin! }), { timeoutMs: 5_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    const fromInterpreter = await script(onInterpreter);
    onInterpreter.close();

    pair = await openPtyPair();
    const emulator = new BadgeEmulator({ storageDir: join(dir, 'emulated') });
    const badgePort = await openSerialPort(pair.badgePath);
    emulator.attach(badgePort);
    const hostPort = await openSerialPort(pair.hostPath);
    const onEmulator = new EspruinoLink(hostPort, { timeoutMs: 5_000 });
    const fromEmulator = await script(onEmulator);
    onEmulator.close();
    emulator.detach();
    await closeSerialPort(hostPort);
    await closeSerialPort(badgePort);

    // The interpreter really did it: the CRC32 it computed is zlib's, the bytes came back.
    expect(fromInterpreter[3]).toEqual({ size: 3000, crc32: fromInterpreter[4] });
    expect(fromInterpreter[5]).toBe(0);
    expect(fromInterpreter[7]).toBe('badge-x');
    expect(fromInterpreter[8]).toMatch(/ReferenceError: nosuch is not defined/);
    // The emulator answers what the interpreter answers.
    expect(fromEmulator).toEqual(fromInterpreter);
  });
});
