import type { AudioSource } from './audio.js';
import type { Battery } from './battery.js';
import type { Button } from './button.js';
import type { Clock } from './clock.js';
import type { FlashStorage } from './flash.js';
import type { Indicators } from './indicators.js';
import type { Log } from './log.js';
import type { MqttClient } from './mqtt.js';
import type { System } from './system.js';
import type { Wifi, WifiNetworkCredentials } from './wifi.js';

/** Everything the firmware core touches of the device. */
export interface Platform {
  clock: Clock;
  flash: FlashStorage;
  mqtt: MqttClient;
  button: Button;
  indicators: Indicators;
  battery: Battery;
  wifi: Wifi;
  log: Log;
  audio: AudioSource;
  system: System;
}

/** What identifies a badge (provisioned). */
export interface Identity {
  deviceId: string;
  hardwareRevision: string;
  firmwareVersion: string;
  /** Staff id provisioned on the badge; config may override it. */
  staffId: string;
  /** Wi-Fi networks provisioned on the badge, used until a config lists its own. */
  wifi?: WifiNetworkCredentials[];
}
