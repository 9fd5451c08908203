import type { Wifi, WifiNetworkCredentials } from '../../hal/wifi.js';
import type { EspruinoWifiModule } from './globals.js';

/** Wi-Fi on Espruino's `require("Wifi")`: tries the configured networks in order. */
export class EspruinoWifi implements Wifi {
  private readonly w: EspruinoWifiModule;
  private up = false;

  constructor(w: EspruinoWifiModule) {
    this.w = w;
  }

  connect(networks: WifiNetworkCredentials[], done: (err: string | null) => void): void {
    let i = 0;
    const next = (lastErr: string): void => {
      const n = networks[i++];
      if (!n) {
        this.up = false;
        done(lastErr);
        return;
      }
      this.w.connect(n.ssid, { password: n.psk }, (err) => {
        if (err) next(String(err));
        else {
          this.up = true;
          done(null);
        }
      });
    };
    next('no network configured');
  }

  disconnect(): void {
    this.up = false;
    this.w.disconnect();
  }

  isConnected(): boolean {
    if (!this.up) return false;
    const d = this.w.getDetails();
    return d.status === 'connected';
  }

  rssi(): number {
    if (!this.up) return 0;
    const d = this.w.getDetails();
    return d.rssi ?? 0;
  }
}
