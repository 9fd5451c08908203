/**
 * The firmware on a web page (the "web badge": docs/simulator.md): the same
 * core as the badge and the simulator, with the browser's timers and
 * WebCrypto, mqtt.js over WebSocket to the gateway, the page's button and
 * LEDs, and Opus frames pushed by the page's encoder (opus-recorder). Flash is
 * kept in IndexedDB, one database per device id (indexeddb-flash.ts), and the
 * MQTT client sends nothing before the flash writes it depends on are durable
 * (durable-output-mqtt.ts): a page reload or a closed tab is a power cut, and
 * the audio the gateway had not acknowledged is uploaded after the next
 * "power on". Bundled by esbuild for the browser (tools/src/web-badge), which
 * stubs the Node modules the shared parts import but never reach without a
 * flash directory.
 */
import type { Platform } from '../../hal/platform.js';
import type { LogLevel } from '../../hal/log.js';
import { NodeLog, SimAudioSource, SimBattery, SimButton, SimWifi } from '../node/peripherals.js';
import { BrowserClock } from './clock.js';
import { BrowserIndicators } from './indicators.js';
import type { IndicatorState } from './indicators.js';
import { DurableOutputMqtt } from './durable-output-mqtt.js';
import { IndexedDbFlash } from './indexeddb-flash.js';
import type { IdbDurability, IdbFactory, IdbKeyRangeStatic } from './indexeddb-api.js';
import { BrowserMqtt } from './mqtt.js';
import { BrowserSystem } from './system.js';

export { BrowserClock } from './clock.js';
export { BrowserIndicators } from './indicators.js';
export type { IndicatorState } from './indicators.js';
export { BrowserMqtt } from './mqtt.js';
export type { BrowserMqttOptions } from './mqtt.js';
export { BrowserSystem } from './system.js';
export { DurableOutputMqtt } from './durable-output-mqtt.js';
export type { DurabilityBarrier } from './durable-output-mqtt.js';
export { IndexedDbFlash, IDB_FLASH_PAGE_BYTES } from './indexeddb-flash.js';
export type { IndexedDbFlashOptions } from './indexeddb-flash.js';
export type { IdbDatabase, IdbDurability, IdbFactory, IdbKeyRangeStatic } from './indexeddb-api.js';
export { sha256 } from './sha256.js';

export interface BrowserPlatformOptions {
  /** ws(s)://host:port/mqtt of the gateway. */
  mqttUrl: string;
  deviceId: string;
  secret: string;
  /** Flash budget in bytes (kept in IndexedDB). */
  flashBytes: number;
  /** IndexedDB database holding this device's flash; default `parley-web-badge:<deviceId>`. */
  flashDatabase?: string;
  /** Another IndexedDB (tests); default the browser's. */
  indexedDB?: { factory: IdbFactory; keyRange: IdbKeyRangeStatic };
  /** IndexedDB transaction durability; default `strict` (flushed to disk). */
  flashDurability?: IdbDurability;
  onIndicators: (state: IndicatorState) => void;
  onReboot: () => void;
  log: (level: LogLevel, message: string) => void;
}

export interface BrowserPlatform extends Platform {
  flash: IndexedDbFlash;
  /** Holds each publish until the flash writes before it are durable. */
  mqtt: DurableOutputMqtt;
  button: SimButton;
  indicators: BrowserIndicators;
  battery: SimBattery;
  /** `available` follows the page's online state. */
  wifi: SimWifi;
  /** The page pushes each encoded frame with its voice flag. */
  audio: SimAudioSource;
  system: BrowserSystem;
}

/** IndexedDB database name of a device's flash. */
export function webBadgeFlashDatabase(deviceId: string): string {
  return 'parley-web-badge:' + deviceId;
}

/**
 * Opens the device's flash from IndexedDB (what an earlier page left
 * unacknowledged is there) and assembles the platform; the firmware can boot
 * on it at once.
 */
export async function createBrowserPlatform(opts: BrowserPlatformOptions): Promise<BrowserPlatform> {
  const clock = new BrowserClock();
  const wifi = new SimWifi(clock);
  wifi.associateMs = 0;
  const flash = await IndexedDbFlash.open({
    database: opts.flashDatabase ?? webBadgeFlashDatabase(opts.deviceId),
    bytes: opts.flashBytes,
    ...(opts.indexedDB ? { indexedDB: opts.indexedDB } : {}),
    ...(opts.flashDurability ? { durability: opts.flashDurability } : {}),
    onError: (err) => opts.log('error', 'flash: ' + String(err)),
  });
  const mqtt = new BrowserMqtt({ url: opts.mqttUrl, clientId: opts.deviceId, username: opts.deviceId, password: opts.secret });
  return {
    clock,
    flash,
    mqtt: new DurableOutputMqtt(mqtt, flash, (reason) => opts.log('warn', 'publish dropped: ' + reason)),
    button: new SimButton(clock),
    indicators: new BrowserIndicators(opts.onIndicators),
    battery: new SimBattery(),
    wifi,
    log: new NodeLog(opts.log),
    audio: new SimAudioSource(),
    system: new BrowserSystem(opts.onReboot),
  };
}
