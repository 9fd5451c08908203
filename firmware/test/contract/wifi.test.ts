import { describe, expect, it } from 'vitest';
import type { Wifi } from '../../src/hal/wifi.js';
import { VirtualClock } from '../../src/platform/node/clock.js';
import { SimWifi } from '../../src/platform/node/peripherals.js';
import { EspruinoWifi } from '../../src/platform/espruino/wifi.js';
import type { EspruinoWifiModule } from '../../src/platform/espruino/globals.js';

interface WifiDriver {
  wifi: Wifi;
  /** Whether an access point with `ssid` answers. */
  reachable(ssid: string | null): void;
  settle(): void;
}

function simWifi(): WifiDriver {
  const clock = new VirtualClock();
  const w = new SimWifi(clock);
  return { wifi: w, reachable: (ssid) => (w.available = ssid !== null), settle: () => clock.advance(1000) };
}

function espruinoWifi(): WifiDriver {
  let ap: string | null = null;
  let status = 'off';
  const mod: EspruinoWifiModule = {
    connect(ssid, _o, cb) {
      if (ssid === ap) {
        status = 'connected';
        cb(null);
      } else cb('no AP ' + ssid);
    },
    disconnect() {
      status = 'off';
    },
    getDetails: () => ({ status, rssi: -61 }),
  };
  return { wifi: new EspruinoWifi(mod), reachable: (ssid) => (ap = ssid), settle: () => undefined };
}

describe.each([['node (simulated)', simWifi], ['espruino (Wifi module)', espruinoWifi]] as const)('Wifi contract: %s', (_name, make) => {
  it('associates with a reachable network, fails otherwise, and turns off', () => {
    const d = make();
    const nets = [{ ssid: 'gone', psk: 'x' }, { ssid: 'branch', psk: 'y' }];
    const results: (string | null)[] = [];
    d.reachable(null);
    d.wifi.connect(nets, (err) => results.push(err));
    d.settle();
    expect(typeof results[0]).toBe('string');
    expect(d.wifi.isConnected()).toBe(false);
    d.reachable('branch');
    d.wifi.connect(nets, (err) => results.push(err));
    d.settle();
    expect(results[1]).toBeNull();
    expect(d.wifi.isConnected()).toBe(true);
    expect(d.wifi.rssi()).toBeLessThan(0);
    d.wifi.disconnect();
    expect(d.wifi.isConnected()).toBe(false);
    expect(d.wifi.rssi()).toBe(0);
  });
});
