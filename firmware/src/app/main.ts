/**
 * The device entry: the bundle Espruino runs at boot (.bootcde). It reads the
 * provisioned identity, lets the boot record pick the firmware slot (running
 * a staged image from flash when that slot holds one), builds the espruino
 * platform from the board data and starts the badge.
 */
import { badgeBoard } from '@parley/hardware/boards';
import type { DeviceBoard } from '../platform/espruino/device-board.js';
import { chooseBootSlot } from '../core/boot-slot.js';
import { bytesToString } from '../core/device-store.js';
import { imageFile } from '../core/ota.js';
import type { EspruinoGlobals, EspruinoStorage, EspruinoE, EspruinoSerial } from '../platform/espruino/globals.js';
import { createEspruinoPlatform } from '../platform/espruino/index.js';
import { EspruinoFlash } from '../platform/espruino/storage.js';
import { createBadge } from './create-badge.js';

declare const require: (module: string) => unknown;
declare const E: EspruinoE;
declare const global: { [name: string]: unknown };
declare function getTime(): number;
declare function setWatch(fn: (e: { state: boolean; time: number }) => void, pin: string, opts: object): unknown;
declare function clearWatch(id: unknown): void;
declare function digitalWrite(pin: string, value: number): void;
declare function digitalRead(pin: string): number;
declare function analogWrite(pin: string, value: number, opts?: object): void;
declare function analogRead(pin: string): number;

/** What provisioning writes to the `id` file. */
interface ProvisionedIdentity {
  deviceId: string;
  secret: string;
  mqttHost: string;
  mqttPort: number;
  staffId: string;
  wifi: { ssid: string; psk: string }[];
  /** Only on a Linux Espruino: the tty the co-processor link is on. */
  uartPath?: string;
  /**
   * The spool on the board's SPI NOR chip (VSPI, `SPI2`): segment size and
   * count. The badge's configuration is `BADGE_SPOOL_CHIP`
   * (platform/espruino/spool-chip.ts: the whole W25Q01JV spool, 124 segments
   * of 1 MiB less the header page; the spool's RAM index is 10 bytes a
   * segment, so that is ~1.2 KB). Unset: the spool stays in Storage.
   */
  spoolChip?: {
    segmentBytes: number;
    segments: number;
    /**
     * The global of the SPI the chip is on (default `SPI2`, VSPI). Only a
     * Linux Espruino names another: its SPI2 is a device file, so the
     * interpreter run puts a model of the chip on a global of its own.
     */
    spi?: string;
  };
}

const FIRMWARE_VERSION = '0.1.0';

/** In the bundle the build substitutes the board module with the device projection (platform/espruino/device-board.ts). */
const board: DeviceBoard = badgeBoard;

function start(): void {
  const storage = require('Storage') as EspruinoStorage;
  const flash = new EspruinoFlash(storage, E);
  if (global.__parleySlot === undefined) {
    const slot = chooseBootSlot(flash);
    global.__parleySlot = slot;
    const image = storage.read(imageFile(slot));
    if (image !== undefined) {
      // The staged image is a whole bundle like this one; it starts itself.
      (0, eval)(image);
      return;
    }
  }
  const idBytes = flash.readFile('id');
  if (!idBytes) {
    console.log('parley: not provisioned (no "id" file)');
    return;
  }
  const id = JSON.parse(bytesToString(idBytes)) as ProvisionedIdentity;
  const g: EspruinoGlobals = {
    Storage: storage,
    E: E,
    MQTT: require('MQTT') as EspruinoGlobals['MQTT'],
    Wifi: require('Wifi') as EspruinoGlobals['Wifi'],
    crypto: require('crypto') as EspruinoGlobals['crypto'],
    serial: global[board.coprocUart.serial] as EspruinoSerial,
    spoolSpi: id.spoolChip ? (global[id.spoolChip.spi ?? 'SPI2'] as EspruinoGlobals['spoolSpi']) : undefined,
    getTime: getTime,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (t) => clearInterval(t as ReturnType<typeof setInterval>),
    setWatch: setWatch,
    clearWatch: clearWatch,
    digitalWrite: digitalWrite,
    digitalRead: digitalRead,
    analogWrite: analogWrite,
    analogRead: analogRead,
    log: (text) => console.log(text),
  };
  const platform = createEspruinoPlatform(g, {
    board: board,
    slot: global.__parleySlot === 'b' ? 'b' : 'a',
    mqttHost: id.mqttHost,
    mqttPort: id.mqttPort,
    deviceId: id.deviceId,
    secret: id.secret,
    coprocUartPath: id.uartPath,
    spoolChip: id.spoolChip,
  });
  const badge = createBadge(platform, {
    deviceId: id.deviceId,
    hardwareRevision: board.hardwareRevision,
    firmwareVersion: FIRMWARE_VERSION,
    staffId: id.staffId,
    wifi: id.wifi,
  }, id.spoolChip
    ? { segmentBytes: id.spoolChip.segmentBytes, spoolBytes: id.spoolChip.segmentBytes * id.spoolChip.segments }
    : { segmentBytes: 16384 });
  global.__parleyBadge = badge;
  badge.boot();
}

start();
