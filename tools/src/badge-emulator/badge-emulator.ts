import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duplex } from 'node:stream';
import { FLASH_RESERVE_BYTES, NodeFlash } from '@parley/firmware';
import { SIMULATED_SPOOL_BYTES } from '@parley/hardware/boards';
import { EspruinoConsole } from './espruino-console.js';
import { EspruinoInterpreter, type EmulatedBoardInfo } from './espruino-interpreter.js';
import { EspruinoStorage } from './espruino-storage.js';
import { FirmwareHost, type BootInfo, type Microphone } from './firmware-host.js';

export interface BadgeEmulatorOptions {
  /** Directory holding the badge's Storage (one file per Storage file); it survives restarts of the emulator. */
  storageDir: string;
  /** Board identity; defaults to an ESP32 on Espruino 2v29 with serial "EMU-<hash of the storage directory>". */
  board?: Partial<EmulatedBoardInfo>;
  /** Storage capacity in bytes (default: the simulated board's spool plus the firmware slots). */
  flashBytes?: number;
  microphone?: Microphone;
  /** Every line the badge prints (firmware log included) also goes here. */
  onOutput?: (text: string) => void;
  onBoot?: (info: BootInfo) => void;
}

/** The version the firmware package declares: the bundle's FIRMWARE_VERSION when the bundle does not say. */
function firmwarePackageVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@parley/firmware'));
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The bundle's version: its `FIRMWARE_VERSION` literal (dist/badge.js), else the firmware package's version (the minified bundle renames it). */
export function bundleVersion(bundle: string): string {
  const m = /FIRMWARE_VERSION\s*=\s*["']([^"']{1,64})["']/.exec(bundle);
  return m?.[1] ?? firmwarePackageVersion();
}

/**
 * A Parley badge on the other end of a serial line: Espruino's console (the
 * part provisioning uses) over a Storage kept in a directory, and on
 * `load()`/`E.reboot()` the real firmware on the Node platform booting from
 * that Storage, so a provisioned emulator connects to the gateway over MQTT,
 * takes config and commands, records and uploads audio, and updates its
 * firmware.
 */
export class BadgeEmulator {
  readonly flash: NodeFlash;
  readonly storage: EspruinoStorage;
  readonly firmware: FirmwareHost;
  private readonly console: EspruinoConsole;
  private readonly interpreter: EspruinoInterpreter;
  private port: Duplex | null = null;
  private readonly onData = (chunk: Buffer): void => this.console.input(chunk);

  constructor(private readonly o: BadgeEmulatorOptions) {
    this.flash = new NodeFlash({ bytes: o.flashBytes ?? SIMULATED_SPOOL_BYTES + FLASH_RESERVE_BYTES, dir: o.storageDir });
    this.storage = new EspruinoStorage(this.flash);
    const info: EmulatedBoardInfo = {
      board: o.board?.board ?? 'ESP32',
      espruinoVersion: o.board?.espruinoVersion ?? '2v29',
      serialNumber: o.board?.serialNumber ?? `EMU-${createHash('sha256').update(o.storageDir).digest('hex').slice(0, 10).toUpperCase()}`,
    };
    const write = (text: string): void => this.output(text);
    this.firmware = new FirmwareHost({
      flash: this.flash,
      bundleVersion,
      log: (line) => write(`${line}\r\n`),
      ...(o.microphone ? { microphone: o.microphone } : {}),
      onBoot: (_badge, bootInfo) => o.onBoot?.(bootInfo),
    });
    this.interpreter = new EspruinoInterpreter(
      this.storage,
      info,
      {
        reset: () => {
          this.firmware.stop();
          this.interpreter.clear();
        },
        load: () => {
          this.interpreter.clear();
          // After the line that asked for it has finished, like the device's reboot.
          setImmediate(() => {
            try {
              this.firmware.boot();
            } catch (err) {
              write(`Uncaught ${(err as Error).message}\r\n`);
            }
          });
        },
      },
      write,
    );
    this.console = new EspruinoConsole(this.interpreter, write);
  }

  /** Serves the console on a serial line (the emulator's end of the pty pair). */
  attach(port: Duplex): void {
    this.detach();
    this.port = port;
    port.on('data', this.onData);
  }

  detach(): void {
    this.port?.off('data', this.onData);
    this.port = null;
  }

  /** Power on: runs the saved program, as the device does. */
  powerOn(): BootInfo | null {
    return this.firmware.boot();
  }

  /** Power off: the firmware stops; Storage stays. */
  powerOff(): void {
    this.firmware.stop();
  }

  /** Bytes the badge sends (for tests without a serial line). */
  input(bytes: Uint8Array): void {
    this.console.input(bytes);
  }

  private output(text: string): void {
    this.o.onOutput?.(text);
    if (this.port && !this.port.destroyed) this.port.write(Buffer.from(text, 'latin1'));
  }
}
