import type { DeviceBoard } from './device-board.js';
import type { Platform } from '../../hal/platform.js';
import type { FirmwareSlot } from '../../hal/system.js';
import { EspruinoAudio } from './audio.js';
import type { EspruinoGlobals } from './globals.js';
import { EspruinoMqttClient } from './mqtt.js';
import { EspruinoBattery, EspruinoButton, EspruinoClock, EspruinoIndicators, EspruinoLog, EspruinoSystem } from './peripherals.js';
import { EspruinoFlash } from './storage.js';
import { NOR_PAGE_BYTES, NOR_SECTOR_BYTES, createSpoolOnSpiNorFlash } from './spi-nor-flash.js';
import type { FlashStorage } from '../../hal/flash.js';
import { EspruinoWifi } from './wifi.js';

export type { EspruinoGlobals } from './globals.js';
export type { DeviceBoard } from './device-board.js';
export { deviceBoard } from './device-board.js';

export interface EspruinoPlatformOptions {
  board: DeviceBoard;
  slot: FirmwareSlot;
  mqttHost: string;
  mqttPort: number;
  deviceId: string;
  secret: string;
  /** The co-processor UART's tty on a Linux Espruino (`Serial.setup`'s `path`); unset on the badge. */
  coprocUartPath?: string;
  /** The spool on the SPI NOR chip (needs `g.spoolSpi`): one slot per segment; unset: the spool stays in Storage. */
  spoolChip?: { segmentBytes: number; segments: number };
}

/** Names of the spool's segment files (core/badge.ts). */
const SPOOL_PREFIX = 'sp';
/** SPI clock for the spool flash (the W25Q01JV reads at up to 133 MHz; VSPI's IO_MUX pins carry 40 MHz). */
const SPOOL_SPI_BAUD = 20000000;
/**
 * How often the chip's background erase is given a step: one 4 KB sector
 * erase (45 ms typ.) when the chip is idle, so a 1 MiB slot is erased in
 * ~26 s of wall time, while a segment fills in ~8.5 minutes.
 */
const SPOOL_ERASE_TICK_MS = 100;

/**
 * The flash: Espruino Storage, plus, with `chip` and the board's SPI NOR
 * chip reachable (`g.spoolSpi`), the spool's segments on that chip.
 */
export function createEspruinoFlash(g: EspruinoGlobals, board: DeviceBoard, chip?: { segmentBytes: number; segments: number }): FlashStorage {
  const storage = new EspruinoFlash(g.Storage, g.E);
  if (!chip || !g.spoolSpi) return storage;
  const p = board.pins;
  g.spoolSpi.setup({ sck: p.spoolFlashSck, miso: p.spoolFlashMiso, mosi: p.spoolFlashMosi, baud: SPOOL_SPI_BAUD, mode: 0 });
  const slotBytes = Math.ceil((chip.segmentBytes + NOR_PAGE_BYTES) / NOR_SECTOR_BYTES) * NOR_SECTOR_BYTES;
  const flash = createSpoolOnSpiNorFlash(g.spoolSpi, p.spoolFlashCs, { bytes: board.storage.spoolFlashBytes, slotBytes: slotBytes, maxSlots: chip.segments, log: g.log }, storage, SPOOL_PREFIX);
  // Bound, not an arrow: a closure here would keep this function's scope alive.
  g.setInterval(flash.service.bind(flash), SPOOL_ERASE_TICK_MS);
  return flash;
}

export function createEspruinoPlatform(g: EspruinoGlobals, o: EspruinoPlatformOptions): Platform {
  return {
    clock: new EspruinoClock(g),
    flash: createEspruinoFlash(g, o.board, o.spoolChip),
    mqtt: new EspruinoMqttClient(g.MQTT, g.E, {
      host: o.mqttHost, port: o.mqttPort, clientId: o.deviceId, username: o.deviceId, password: o.secret, keepAliveS: 60,
    }),
    button: new EspruinoButton(g, o.board),
    indicators: new EspruinoIndicators(g, o.board),
    battery: new EspruinoBattery(g, o.board),
    wifi: new EspruinoWifi(g.Wifi),
    log: new EspruinoLog(g),
    audio: new EspruinoAudio(g, o.board, o.coprocUartPath),
    system: new EspruinoSystem(g, o.slot),
  };
}
