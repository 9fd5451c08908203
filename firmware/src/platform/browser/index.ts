/**
 * The firmware on a web page (the "web badge": docs/simulator.md): the same
 * core as the badge and the simulator, with the browser's timers and
 * WebCrypto, mqtt.js over WebSocket to the gateway, the page's button and
 * LEDs, and Opus frames pushed by the page's encoder (opus-recorder). Flash is
 * the Node platform's NOR flash model in memory: a reload loses what the
 * gateway has not acknowledged, as a badge's RAM would, but never the
 * protocol's guarantees while the page is open. Bundled by esbuild for the
 * browser (tools/src/web-badge), which stubs the Node modules the shared
 * parts import but never reach without a flash directory.
 */
import type { Platform } from '../../hal/platform.js';
import type { LogLevel } from '../../hal/log.js';
import { NodeFlash } from '../node/flash.js';
import { NodeLog, SimAudioSource, SimBattery, SimButton, SimWifi } from '../node/peripherals.js';
import { BrowserClock } from './clock.js';
import { BrowserIndicators } from './indicators.js';
import type { IndicatorState } from './indicators.js';
import { BrowserMqtt } from './mqtt.js';
import { BrowserSystem } from './system.js';

export { BrowserClock } from './clock.js';
export { BrowserIndicators } from './indicators.js';
export type { IndicatorState } from './indicators.js';
export { BrowserMqtt } from './mqtt.js';
export type { BrowserMqttOptions } from './mqtt.js';
export { BrowserSystem } from './system.js';
export { sha256 } from './sha256.js';

export interface BrowserPlatformOptions {
  /** ws(s)://host:port/mqtt of the gateway. */
  mqttUrl: string;
  deviceId: string;
  secret: string;
  /** Flash budget in bytes (memory). */
  flashBytes: number;
  onIndicators: (state: IndicatorState) => void;
  onReboot: () => void;
  log: (level: LogLevel, message: string) => void;
}

export interface BrowserPlatform extends Platform {
  flash: NodeFlash;
  button: SimButton;
  indicators: BrowserIndicators;
  battery: SimBattery;
  /** `available` follows the page's online state. */
  wifi: SimWifi;
  /** The page pushes each encoded frame with its voice flag. */
  audio: SimAudioSource;
  system: BrowserSystem;
}

export function createBrowserPlatform(opts: BrowserPlatformOptions): BrowserPlatform {
  const clock = new BrowserClock();
  const wifi = new SimWifi(clock);
  wifi.associateMs = 0;
  return {
    clock,
    flash: new NodeFlash({ bytes: opts.flashBytes }),
    mqtt: new BrowserMqtt({ url: opts.mqttUrl, clientId: opts.deviceId, username: opts.deviceId, password: opts.secret }),
    button: new SimButton(clock),
    indicators: new BrowserIndicators(opts.onIndicators),
    battery: new SimBattery(),
    wifi,
    log: new NodeLog(opts.log),
    audio: new SimAudioSource(),
    system: new BrowserSystem(opts.onReboot),
  };
}
