/**
 * The Espruino device globals and modules the espruino platform uses, as
 * types. The device entry (app/main.ts) passes the real ones; tests pass
 * doubles. Shapes follow the Espruino reference for 2v29.
 */
export interface EspruinoStorage {
  write(name: string, data: string, offset?: number, size?: number): boolean;
  read(name: string, offset?: number, length?: number): string | undefined;
  erase(name: string): void;
  list(pattern?: RegExp): string[];
  getFree(): number;
  getStats(): { totalBytes: number; freeBytes: number; fileBytes: number; trashBytes: number };
  compact(): void;
}

export interface EspruinoE {
  /** A binary string of the bytes (how Espruino passes binary to Storage, MQTT, Serial). */
  toString(data: Uint8Array): string;
  toUint8Array(data: string): Uint8Array;
  getBattery?(): number;
  reboot(): void;
  hwRand(): number;
}

export interface EspruinoMqttPublish {
  topic: string;
  message: string;
}

export interface EspruinoMqtt {
  connected: boolean;
  on(event: 'connected', cb: () => void): void;
  on(event: 'disconnected', cb: () => void): void;
  on(event: 'publish', cb: (pub: EspruinoMqttPublish) => void): void;
  on(event: 'error', cb: (err: unknown) => void): void;
  connect(): void;
  disconnect(): void;
  publish(topic: string, message: string, opts: { qos: number }): void;
  subscribe(topic: string, opts: { qos: number }): void;
}

export interface EspruinoMqttModule {
  create(server: string, opts: {
    client_id: string; username: string; password: string; port: number; keep_alive: number; clean_session: boolean;
    protocol_name: string; protocol_level: number;
  }): EspruinoMqtt;
}

export interface EspruinoWifiModule {
  connect(ssid: string, opts: { password: string }, cb: (err: unknown) => void): void;
  disconnect(cb?: () => void): void;
  getDetails(): { status?: string; rssi?: number };
}

export interface EspruinoSerial {
  setup(baud: number, opts: { rx: string; tx: string; path?: string }): void;
  on(event: 'data', cb: (data: string) => void): void;
  write(data: string): void;
}

/** `SPI1`/`SPI2` (hardware SPI): `send` clocks the bytes out with `cs` held low and returns what came back. */
export interface EspruinoSpi {
  setup(opts: { sck: string; miso: string; mosi: string; baud: number; mode: number }): void;
  send(data: Uint8Array, cs: string): Uint8Array;
}

export interface EspruinoWatchEvent {
  state: boolean;
  time: number;
}

export interface EspruinoCrypto {
  SHA256(data: string): ArrayBuffer;
}

/** Everything the platform touches, passed in (never read from the global object inside the platform). */
export interface EspruinoGlobals {
  Storage: EspruinoStorage;
  E: EspruinoE;
  MQTT: EspruinoMqttModule;
  Wifi: EspruinoWifiModule;
  crypto: EspruinoCrypto;
  serial: EspruinoSerial;
  /** The SPI bus of the spool flash chip; absent: the spool stays in Storage. */
  spoolSpi?: EspruinoSpi;
  getTime(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
  setWatch(fn: (e: EspruinoWatchEvent) => void, pin: string, opts: { repeat: boolean; edge: string; debounce: number }): unknown;
  clearWatch(id: unknown): void;
  digitalWrite(pin: string, value: number): void;
  digitalRead(pin: string): number;
  analogWrite(pin: string, value: number, opts?: { freq: number }): void;
  analogRead(pin: string): number;
  log(text: string): void;
}
