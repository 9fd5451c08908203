import type { DeviceBoard } from './device-board.js';
import type { Platform } from '../../hal/platform.js';
import type { FirmwareSlot } from '../../hal/system.js';
import { EspruinoAudio } from './audio.js';
import type { EspruinoGlobals } from './globals.js';
import { EspruinoMqttClient } from './mqtt.js';
import { EspruinoBattery, EspruinoButton, EspruinoClock, EspruinoIndicators, EspruinoLog, EspruinoSystem } from './peripherals.js';
import { EspruinoFlash } from './storage.js';
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
}

export function createEspruinoPlatform(g: EspruinoGlobals, o: EspruinoPlatformOptions): Platform {
  return {
    clock: new EspruinoClock(g),
    flash: new EspruinoFlash(g.Storage, g.E),
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
