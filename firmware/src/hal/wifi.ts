export interface WifiNetworkCredentials {
  ssid: string;
  psk: string;
}

/** Wi-Fi station, shaped after Espruino's `require("Wifi")`: connect with a callback, disconnect, RSSI. */
export interface Wifi {
  /** Tries the networks in order; calls back with null once associated or with an error text. */
  connect(networks: WifiNetworkCredentials[], done: (err: string | null) => void): void;
  /** Turns the radio off. */
  disconnect(): void;
  isConnected(): boolean;
  /** Signal strength in dBm, 0 when unknown. */
  rssi(): number;
}
