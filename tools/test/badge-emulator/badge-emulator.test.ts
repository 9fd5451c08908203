import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadgeEmulator, bundleVersion, EspruinoConsole, EspruinoStorage, MAX_LINE_BYTES, parseIdentity } from '../../src/badge-emulator/index.js';
import type { ConsoleInterpreter } from '../../src/badge-emulator/espruino-console.js';
import { lineProgress, terminalProgress } from '../../src/badgectl/progress.js';
import { NodeFlash } from '@parley/firmware';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('Espruino console', () => {
  const make = () => {
    let out = '';
    const ran: string[] = [];
    const interpreter: ConsoleInterpreter = {
      run(line) {
        ran.push(line);
        if (line === 'boom()') throw Object.assign(new Error('boom is not defined'), { name: 'ReferenceError' });
        return { result: '42' };
      },
    };
    const c = new EspruinoConsole(interpreter, (t) => (out += t));
    return { c, ran, out: () => out };
  };

  it('echoes a typed line, runs it on Enter and prints =result and the prompt; CRLF counts once', () => {
    const { c, ran, out } = make();
    c.input(bytes('1+1\r\n'));
    expect(ran).toEqual(['1+1']);
    expect(out()).toBe('1+1\r\n=42\r\n>');
  });

  it('runs a DLE line silently: no echo, no result, no prompt', () => {
    const { c, ran, out } = make();
    c.input(bytes('\x10print(1)\n'));
    expect(ran).toEqual(['print(1)']);
    expect(out()).toBe('');
  });

  it('drops a half-typed line on Ctrl-C, handles backspace, reports what the code threw', () => {
    const { c, ran, out } = make();
    c.input(bytes('garbage\x03'));
    c.input(bytes('\x10ab\x7fc\n'));
    c.input(bytes('\x10boom()\n'));
    expect(ran).toEqual(['ac', 'boom()']);
    expect(out()).toBe('garbage\r\n>Uncaught ReferenceError: boom is not defined\r\n');
  });

  it('refuses a line longer than its buffer instead of running a truncated one', () => {
    const { c, ran, out } = make();
    c.input(bytes(`\x10${'x'.repeat(MAX_LINE_BYTES + 10)}\n`));
    expect(ran).toEqual([]);
    expect(out()).toContain('line longer than');
  });
});

describe('Espruino Storage on the emulated flash', () => {
  it('has the device semantics: whole writes, sized files programmed in parts, no reprogramming of written bytes, byte strings', () => {
    const storage = new EspruinoStorage(new NodeFlash({ bytes: 64 * 1024 }));
    expect(storage.write('id', '{"a":1}')).toBe(true);
    expect(storage.readJSON('id')).toEqual({ a: 1 });
    expect(storage.write('.bootcde', 'abc', 0, 6)).toBe(true);
    expect(storage.write('.bootcde', 'def', 3)).toBe(true);
    expect(storage.read('.bootcde')).toBe('abcdef');
    expect(storage.read('.bootcde', 2, 3)).toBe('cde');
    expect(storage.write('.bootcde', 'zz', 0)).toBe(false);
    expect(storage.lastError).toContain('already programmed');
    expect(storage.write('bin', '\u00ff\u0000\u0080')).toBe(true);
    expect([...Buffer.from(storage.read('bin')!, 'latin1')]).toEqual([0xff, 0x00, 0x80]);
    expect(storage.write('wide', '\u20ac')).toBe(false);
    expect(storage.read('missing')).toBeUndefined();
    expect(storage.readJSON('.bootcde', true)).toBeUndefined();
    expect(storage.list(/^\./)).toEqual(['.bootcde']);
    storage.erase('bin');
    expect(storage.list()).toEqual(['.bootcde', 'id']);
    expect(() => storage.read('../etc/passwd')).toThrow(/not allowed/);
    expect(storage.write('../x', 'a')).toBe(false);
  });
});

describe('BadgeEmulator', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers what provisioning asks (board, version, serial, Storage, CRC32, atob/btoa) and keeps Storage in its directory across restarts', () => {
    let out = '';
    const storageDir = join(dir, 'storage');
    const emulator = new BadgeEmulator({ storageDir, board: { serialNumber: 'SN-42' }, onOutput: (t) => (out += t) });
    const run = (line: string) => {
      out = '';
      emulator.input(bytes(`\x10${line}\n`));
      return out;
    };
    expect(run('print(JSON.stringify([process.env.BOARD, process.env.VERSION, getSerial()]))')).toBe('["ESP32","2v29","SN-42"]\r\n');
    expect(run('print(require("Storage").write("f", atob("AAEC/w==")))')).toBe('true\r\n');
    expect(run('print(btoa(require("Storage").read("f")), E.CRC32(require("Storage").read("f")))')).toBe(`AAEC/w== ${crc32(Buffer.from([0, 1, 2, 255]))}\r\n`);
    expect(run('require("Nope")')).toBe('Uncaught Error: Module Nope not found\r\n');
    expect(run('while(true){}')).toContain('Uncaught Error: Script execution timed out');
    expect(readdirSync(storageDir)).toContain('f');
    const again = new BadgeEmulator({ storageDir });
    expect([...again.flash.readFile('f')!]).toEqual([0, 1, 2, 255]);
  });

  it('load() with no identity reports the badge as not provisioned and runs nothing', async () => {
    let out = '';
    const emulator = new BadgeEmulator({ storageDir: join(dir, 's'), onOutput: (t) => (out += t) });
    emulator.storage.write('.bootcde', 'const FIRMWARE_VERSION = "1.0.0";');
    emulator.input(bytes('\x10load()\n'));
    await new Promise((r) => setImmediate(r));
    expect(out).toContain('not provisioned');
    expect(emulator.firmware.running()).toBeNull();
  });

  it('boots a staged update from the slot the boot record names, with that version, and rolls back one that never confirmed', () => {
    const emulator = new BadgeEmulator({ storageDir: join(dir, 'ota') });
    emulator.storage.write('.bootcde', 'const FIRMWARE_VERSION = "1.0.0";');
    // Port 9 on localhost: nothing answers; the firmware keeps trying, which is all this test needs.
    emulator.storage.write('id', JSON.stringify({ deviceId: 'badge-ota', secret: 's', mqttHost: '127.0.0.1', mqttPort: 9, staffId: '', wifi: [] }));
    expect(emulator.powerOn()).toEqual({ deviceId: 'badge-ota', slot: 'a', firmwareVersion: '1.0.0' });
    emulator.flash.writeFile('fw.b', bytes('staged image'));
    // What the firmware's OTA writes once an image is staged (firmware/src/core/boot-slot.ts).
    emulator.storage.write('boot', JSON.stringify({ slot: 'b', previous: 'a', pending: true, attempts: 0, version: '1.1.0', rolledBack: '' }));
    expect(emulator.powerOn()).toEqual({ deviceId: 'badge-ota', slot: 'b', firmwareVersion: '1.1.0' });
    expect(emulator.powerOn()).toMatchObject({ slot: 'b' });
    expect(emulator.powerOn()).toMatchObject({ slot: 'b' });
    // Three unconfirmed boots: the loader goes back to the previous image.
    expect(emulator.powerOn()).toEqual({ deviceId: 'badge-ota', slot: 'a', firmwareVersion: '1.0.0' });
    emulator.powerOff();
  });

  it('reads the version from the bundle, and refuses an identity file that is not one', () => {
    expect(bundleVersion('var x; const FIRMWARE_VERSION = "2.3.4"; start();')).toBe('2.3.4');
    expect(bundleVersion('minified')).toMatch(/^\d+\.\d+\.\d+/);
    expect(() => parseIdentity(bytes('{"deviceId":"x"}'))).toThrow(/deviceId, secret, mqttHost and mqttPort/);
    expect(() => parseIdentity(bytes('nope'))).toThrow(/not JSON/);
  });
});

describe('provisioning progress', () => {
  it('draws a bar on a terminal and plain quarter lines elsewhere', () => {
    let tty = '';
    const bar = terminalProgress((t) => (tty += t), 100);
    bar.step('flashing');
    bar.update(50, 100);
    bar.update(100, 100);
    bar.finish();
    expect(tty).toContain('[###############---------------]  50%');
    expect(tty).toContain('[##############################] 100%');
    expect(tty.endsWith('\n')).toBe(true);
    let plain = '';
    const lines = lineProgress((t) => (plain += t));
    lines.step('flashing');
    for (let done = 0; done <= 1000; done += 10) lines.update(done, 1000);
    expect(plain.split('\n').filter(Boolean)).toEqual(['flashing', '  0% (0/1000 bytes)', '  25% (250/1000 bytes)', '  50% (500/1000 bytes)', '  75% (750/1000 bytes)', '  100% (1000/1000 bytes)']);
  });
});
