import type { Clock } from '../../hal/clock.js';
import type { Log, LogLevel } from '../../hal/log.js';
import type { MqttClient } from '../../hal/mqtt.js';
import type { Platform } from '../../hal/platform.js';
import type { FirmwareSlot } from '../../hal/system.js';
import { RealClock } from './clock.js';
import { NodeFlash } from './flash.js';
import { NodeMqtt } from './mqtt.js';
import { NodeLog, SimAudioSource, SimBattery, SimButton, SimIndicators, SimWifi } from './peripherals.js';
import { NodeSystem } from './system.js';

export { RealClock, VirtualClock } from './clock.js';
export { NodeFlash } from './flash.js';
export type { NodeFlashOptions } from './flash.js';
export { NodeMqtt } from './mqtt.js';
export type { NodeMqttOptions } from './mqtt.js';
export { NodeLog, SimAudioSource, SimBattery, SimButton, SimIndicators, SimWifi } from './peripherals.js';
export { NodeSystem } from './system.js';

export interface NodePlatformOptions {
  /** Flash capacity in bytes (the byte budget). */
  flashBytes: number;
  /** Directory keeping the flash files across runs; memory only when absent. An existing NodeFlash may be passed instead. */
  flashDir?: string;
  flash?: NodeFlash;
  /** Gateway broker URL (mqtt://, mqtts://, ws://); omit when `mqtt` is given. */
  mqttUrl?: string;
  deviceId: string;
  /** The device secret (MQTT password). */
  secret: string;
  /** Replaces mqtt.js (unit tests). */
  mqtt?: MqttClient;
  /** Time source; real timers by default, a VirtualClock for fast runs. */
  clock?: Clock;
  audioSource?: SimAudioSource;
  slot?: FirmwareSlot;
  seed?: number;
  onReboot?: () => void;
  log?: (level: LogLevel, message: string) => void;
}

/** The Node platform with its simulated parts reachable for the simulator and tests. */
export interface NodePlatform extends Platform {
  flash: NodeFlash;
  button: SimButton;
  indicators: SimIndicators;
  battery: SimBattery;
  wifi: SimWifi;
  audio: SimAudioSource;
  system: NodeSystem;
  log: Log;
}

export function createNodePlatform(opts: NodePlatformOptions): NodePlatform {
  const clock = opts.clock ?? new RealClock();
  const flash = opts.flash ?? new NodeFlash({ bytes: opts.flashBytes, dir: opts.flashDir });
  let mqtt = opts.mqtt;
  if (!mqtt) {
    if (!opts.mqttUrl) throw new Error('createNodePlatform: mqttUrl or mqtt is required');
    mqtt = new NodeMqtt({ url: opts.mqttUrl, clientId: opts.deviceId, username: opts.deviceId, password: opts.secret });
  }
  return {
    clock,
    flash,
    mqtt,
    button: new SimButton(clock),
    indicators: new SimIndicators(clock),
    battery: new SimBattery(),
    wifi: new SimWifi(clock),
    log: new NodeLog(opts.log),
    audio: opts.audioSource ?? new SimAudioSource(),
    system: new NodeSystem({ slot: opts.slot ?? 'a', seed: opts.seed, onReboot: opts.onReboot }),
  };
}
